//! `vinhdanh build`.

use std::path::PathBuf;

use super::print;
use crate::pipeline::{self, BuildOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục dự án (có data/, templates/). Bỏ trống: thư mục hiện tại nếu có data/, nếu không dùng bộ mẫu có sẵn.
    dir: Option<PathBuf>,
    /// Thư mục ghi PDF (mặc định DIR/output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// In cả khi kiểm tra dữ liệu còn lỗi.
    #[arg(long)]
    force: bool,
    /// Coi cảnh báo là lỗi (cho script): không in khi còn cảnh báo.
    #[arg(long)]
    strict: bool,
    /// Ghi thêm mã Typst sinh ra vào output/typst/ (cho người sửa mẫu).
    #[arg(long)]
    keep_typst: bool,
    /// In thêm Giấy khen lên phôi in sẵn (output/giay-khen-phoi.pdf, chỉ phần chữ thay đổi).
    #[arg(long)]
    phoi: bool,
    /// Số văn bản dàn trang cùng lúc (mặc định: số nhân CPU).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
}

pub fn run(a: Args) -> i32 {
    let project = match super::project(a.dir.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let out_dir = a.out.unwrap_or_else(|| pipeline::default_out_dir(&project));
    let options = BuildOptions {
        out_dir: out_dir.clone(),
        force: a.force,
        strict: a.strict,
        keep_typst: a.keep_typst,
        phoi: a.phoi,
        jobs: a.jobs,
        keep: None,
    };
    match pipeline::build(&project, &options) {
        Ok(report) => {
            print(&report.warnings);
            for (name, diags) in &report.failed {
                eprintln!("Không in được {name}:");
                print(diags);
            }
            let errors: usize = report.failed.iter().map(|(_, d)| d.0.len()).sum();
            let forced = report.warnings.errors().count();
            let mut summary = format!(
                "Đã ghi {} tệp vào {}; {} văn bản lỗi ({} lỗi), {} cảnh báo",
                report.written.len(),
                out_dir.display(),
                report.failed.len(),
                errors,
                report.warnings.0.len() - forced
            );
            if forced > 0 {
                summary.push_str(&format!("; đã in dù còn {forced} lỗi (--force)"));
            }
            eprintln!("{summary}.");
            if report.ok() { 0 } else { 1 }
        }
        Err(pipeline::Refused::Load(diags)) => {
            print(&diags);
            eprintln!(
                "Chưa in văn bản nào: dữ liệu chưa đọc được, hãy sửa các lỗi trên (--force không bỏ qua được lỗi này)."
            );
            1
        }
        Err(pipeline::Refused::Rules(diags)) => {
            print(&diags);
            let what = if diags.has_errors() {
                "lỗi"
            } else {
                "cảnh báo (--strict)"
            };
            eprintln!(
                "Chưa in văn bản nào: hãy sửa các {what} trên (hoặc dùng --force để in dù dữ liệu còn lỗi)."
            );
            1
        }
    }
}
