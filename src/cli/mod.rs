//! Command line (clap derive), one file per command. Messages for clerks are Vietnamese; flags
//! are English words as in every other tool. Diagnostics are rendered here, at the edge.

mod build;
mod calibrate;
mod check;
mod eject;
mod init;
mod migrate;
mod serve;

use clap::{Parser, Subcommand};

use crate::diag::Diagnostics;

#[derive(Debug, Parser)]
#[command(
    name = "vinhdanh",
    version,
    about = "In văn bản Hội nghị tuyên dương điển hình tiên tiến từ dữ liệu (Kế hoạch, Giấy mời, Giấy khen, Quyết định, Chương trình)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// In tất cả văn bản của dự án vào thư mục output/.
    Build(build::Args),
    /// In trang căn chỉnh phôi Giấy khen (output/can-chinh-phoi.pdf): lưới milimét và các ô chữ.
    Calibrate(calibrate::Args),
    /// Kiểm tra dữ liệu theo Kế hoạch: số lượng đại biểu, khen thưởng, cân đối, trùng lặp, chữ viết.
    Check(check::Args),
    /// Tạo một dự án mới từ bộ dữ liệu mẫu (không chép mẫu văn bản).
    Init(init::Args),
    /// Chép mẫu văn bản có sẵn vào dự án để sửa (--diff: so mẫu đã sửa với mẫu mới nhất).
    Eject(eject::Args),
    /// Chuyển dữ liệu (data/*.yaml) sang mẫu dữ liệu của phiên bản này, giữ nguyên chú thích; sao lưu data/ trước khi ghi.
    Migrate(migrate::Args),
    /// Xem trước mọi văn bản trong trình duyệt, tự cập nhật khi lưu tệp dữ liệu hay mẫu.
    Serve(serve::Args),
    /// Tự in lại các văn bản bị ảnh hưởng mỗi khi lưu tệp dữ liệu hay mẫu.
    Watch(serve::WatchArgs),
}

/// Runs the command; returns the process exit status (0 ok, 1 problems found, 2 misuse).
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build(a) => build::run(a),
        Command::Calibrate(a) => calibrate::run(a),
        Command::Check(a) => check::run(a),
        Command::Init(a) => init::run(a),
        Command::Eject(a) => eject::run(a),
        Command::Migrate(a) => migrate::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Watch(a) => serve::watch(a),
    }
}

/// Prints problems to standard error.
fn print(d: &Diagnostics) {
    eprint!("{}", crate::diag::render(d));
}

/// The project a command works on; a folder that does not exist is a misuse (exit 2), the same
/// for every command.
fn project(dir: Option<&std::path::Path>) -> Result<crate::project::Project, i32> {
    crate::pipeline::resolve_project(dir).map_err(|d| {
        print(&d.into());
        2
    })
}

fn fail(d: &Diagnostics) -> i32 {
    print(d);
    1
}

/// The YAML files of the project's own `data/` with their text, for the commands that rewrite
/// data in place (`check --fix-tone-marks`, `migrate`); files that cannot be read are errors.
fn data_yaml_files(
    project: &crate::project::Project,
    errors: &mut Diagnostics,
) -> Vec<(String, std::path::PathBuf, String)> {
    use crate::diag::Diagnostic;
    let mut out = Vec::new();
    for rel in project.list("data") {
        if !(rel.ends_with(".yaml") || rel.ends_with(".yml")) {
            continue;
        }
        let path = match project.disk_path(&rel) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(e) => {
                errors.push(Diagnostic::error(e.to_string()).in_file(rel.clone()));
                continue;
            }
        };
        match std::fs::read_to_string(&path) {
            Ok(s) => out.push((rel, path, s)),
            Err(e) => errors
                .push(Diagnostic::error(format!("không đọc được tệp: {e}")).in_file(rel.clone())),
        }
    }
    out
}
