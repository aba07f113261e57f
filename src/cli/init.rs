//! `vinhdanh init`: a new project from the embedded default.

use std::path::PathBuf;

use super::fail;
use crate::diag::Diagnostic;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: PathBuf,
}

pub fn run(a: Args) -> i32 {
    match Project::write_default(&a.dir) {
        Ok(n) => {
            eprintln!(
                "Đã tạo {n} tệp trong {}. Sửa các tệp trong data/ rồi chạy: vinhdanh build {}",
                a.dir.display(),
                a.dir.display()
            );
            0
        }
        Err(e) => fail(
            &Diagnostic::error(format!("không tạo được dự án: {e}"))
                .in_file(a.dir.display().to_string())
                .into(),
        ),
    }
}
