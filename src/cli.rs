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
    /// Kiểm tra dữ liệu theo Kế hoạch: số lượng đại biểu, khen thưởng, cân đối, trùng lặp, chữ viết.
    Check {
        /// Thư mục dự án (bỏ trống: như lệnh build).
        dir: Option<PathBuf>,
        /// Thống nhất kiểu bỏ dấu trong phần văn bản tự do của data/*.yaml: new (hoà, thuỷ) hoặc old (hòa, thủy).
        #[arg(long, value_name = "new|old")]
        fix_tone_marks: Option<ToneStyleArg>,
        /// Chỉ in các chỗ sẽ sửa, không ghi tệp (dùng cùng --fix-tone-marks).
        #[arg(long, requires = "fix_tone_marks")]
        dry_run: bool,
    },
    /// Tạo một dự án mới từ bộ dữ liệu mẫu.
    Init {
        /// Thư mục sẽ tạo.
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ToneStyleArg {
    New,
    Old,
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
        Command::Check {
            dir,
            fix_tone_marks,
            dry_run,
        } => check(dir.as_deref(), fix_tone_marks, dry_run),
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

/// `check`: 0 clean (warnings allowed), 1 errors, 2 misuse (a project folder that does not
/// exist, or fixing the embedded default).
fn check(dir: Option<&std::path::Path>, fix: Option<ToneStyleArg>, dry_run: bool) -> i32 {
    use crate::{check, tone};
    let project = match pipeline::resolve_project(dir) {
        Ok(p) => p,
        Err(d) => {
            eprintln!("{d}");
            return 2;
        }
    };
    if let Some(style) = fix {
        let style = match style {
            ToneStyleArg::New => tone::Style::New,
            ToneStyleArg::Old => tone::Style::Old,
        };
        if project.root().is_none() {
            eprintln!(
                "lỗi: --fix-tone-marks cần một thư mục dự án\n  gợi ý: tạo dự án bằng `vinhdanh init THƯ-MỤC` rồi chạy `vinhdanh check THƯ-MỤC --fix-tone-marks new`"
            );
            return 2;
        }
        match check::fix_tone_marks(&project, style, dry_run) {
            Ok(changes) => {
                for (file, c) in &changes {
                    println!(
                        "{file}:{}:{}: {} → {} [{}]",
                        c.line, c.column, c.before, c.after, c.path
                    );
                }
                let verb = if dry_run { "Sẽ sửa" } else { "Đã sửa" };
                println!("{verb} {} chỗ bỏ dấu.\n", changes.len());
            }
            Err(d) => return fail(&d),
        }
        if dry_run {
            return 0;
        }
    }
    // Everything `build` would refuse on, then what only `check` reports (tables, warnings).
    let (_engine, data, mut diags) = match pipeline::prepare(&project) {
        Ok(p) => p,
        Err(d) => {
            eprint!("{d}");
            eprintln!("Chưa kiểm tra được số lượng: hãy sửa các lỗi trên trước.");
            return 1;
        }
    };
    let (report, found) = check::check(&data);
    diags
        .0
        .extend(found.0.into_iter().filter(|d| !d.is_error()));
    diags.extend(check::raw_text(&project));
    diags.extend(check::tone_locations(&project));
    check::annotate_records(&data, &mut diags);
    print!("{report}");
    eprint!("{diags}");
    let errors = diags.errors().count();
    let warnings = diags.0.len() - errors;
    eprintln!("Kiểm tra xong: {errors} lỗi, {warnings} cảnh báo.");
    if errors > 0 { 1 } else { 0 }
}

fn fail(d: &Diagnostics) -> i32 {
    eprint!("{d}");
    1
}
