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
            eprintln!("{}", crate::msg::init_done(n, &a.dir.display()));
            0
        }
        Err(e) => fail(
            &Diagnostic::error(crate::msg::init_failed(&e))
                .in_file(a.dir.display().to_string())
                .into(),
        ),
    }
}
