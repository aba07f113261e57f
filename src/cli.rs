//! Command line (clap derive). Messages for clerks are Vietnamese; flags are English words as
//! in every other tool.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::{self, BuildOptions};
use crate::project::Project;

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
    Build {
        /// Thư mục dự án (có data/, templates/). Bỏ trống: thư mục hiện tại nếu có data/, nếu không dùng bộ mẫu có sẵn.
        dir: Option<PathBuf>,
        /// Thư mục ghi PDF (mặc định DIR/output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// In cả khi kiểm tra dữ liệu còn lỗi.
        #[arg(long)]
        force: bool,
        /// Ghi thêm mã Typst sinh ra vào output/typst/ (cho người sửa mẫu).
        #[arg(long)]
        keep_typst: bool,
        /// In thêm Giấy khen lên phôi in sẵn (output/giay-khen-phoi.pdf, chỉ phần chữ thay đổi).
        #[arg(long)]
        phoi: bool,
    },
    /// In trang căn chỉnh phôi Giấy khen (output/can-chinh-phoi.pdf): lưới milimét và các ô chữ.
    Calibrate {
        /// Thư mục dự án (như lệnh build).
        dir: Option<PathBuf>,
        /// Thư mục ghi PDF (mặc định DIR/output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Tạo một dự án mới từ bộ dữ liệu mẫu.
    Init {
        /// Thư mục sẽ tạo.
        dir: PathBuf,
    },
}

/// Runs the command; returns the process exit status (0 ok, 1 problems found).
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build {
            dir,
            out,
            force,
            keep_typst,
            phoi,
        } => {
            let project = match pipeline::resolve_project(dir.as_deref()) {
                Ok(p) => p,
                Err(d) => return fail(&Diagnostics::from(d)),
            };
            let out_dir = out.unwrap_or_else(|| pipeline::default_out_dir(&project));
            let options = BuildOptions {
                out_dir: out_dir.clone(),
                force,
                keep_typst,
                phoi,
            };
            match pipeline::build(&project, &options) {
                Ok(report) => {
                    for note in &report.notes.0 {
                        eprintln!("{note}");
                    }
                    for (name, diags) in &report.failed {
                        eprintln!("Không in được {name}:");
                        eprint!("{diags}");
                    }
                    eprintln!(
                        "Đã ghi {} tệp vào {}; {} văn bản lỗi.",
                        report.written.len(),
                        out_dir.display(),
                        report.failed.len()
                    );
                    if report.ok() { 0 } else { 1 }
                }
                Err(diags) => {
                    eprint!("{diags}");
                    eprintln!(
                        "Chưa in văn bản nào: hãy sửa các lỗi trên (hoặc dùng --force để in dù dữ liệu còn lỗi)."
                    );
                    1
                }
            }
        }
        Command::Calibrate { dir, out } => {
            let project = match pipeline::resolve_project(dir.as_deref()) {
                Ok(p) => p,
                Err(d) => return fail(&Diagnostics::from(d)),
            };
            let out_dir = out.unwrap_or_else(|| pipeline::default_out_dir(&project));
            match crate::documents::certificate::calibrate(&project, &out_dir) {
                Ok(path) => {
                    eprintln!("Đã ghi {}", path.display());
                    0
                }
                Err(d) => fail(&d),
            }
        }
        Command::Init { dir } => match Project::write_default(&dir) {
            Ok(n) => {
                eprintln!(
                    "Đã tạo {n} tệp trong {}. Sửa các tệp trong data/ rồi chạy: vinhdanh build {}",
                    dir.display(),
                    dir.display()
                );
                0
            }
            Err(e) => fail(&Diagnostics::from(
                Diagnostic::error(format!("không tạo được dự án: {e}"))
                    .in_file(dir.display().to_string()),
            )),
        },
    }
}

fn fail(d: &Diagnostics) -> i32 {
    eprint!("{d}");
    1
}
