//! `vinhdanh calibrate`: the calibration sheet for pre-printed certificate blanks.

use std::path::PathBuf;

use super::{fail, print};
use crate::diag::{Diagnostic, Diagnostics};
use crate::documents::certificate;
use crate::load::DECISION;
use crate::pipeline::{self, BuildOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: Option<PathBuf>,
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(a: Args) -> i32 {
    let project = match super::project(a.dir.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let out_dir = a.out.unwrap_or_else(|| pipeline::default_out_dir(&project));
    let p = match pipeline::prepare(&project) {
        Ok(p) => p,
        Err(d) => return fail(&d),
    };
    let Some(job) = certificate::calibration_job(&p.data) else {
        return fail(
            &Diagnostic::error(crate::msg::calibrate_no_decision(DECISION))
                .in_file(DECISION)
                .into(),
        );
    };
    // What the rules say about the files the sheet is made from (not about the lists).
    let inputs = &job.inputs;
    let concerning = Diagnostics(
        p.diags
            .0
            .iter()
            .filter(|d| {
                d.location
                    .as_ref()
                    .is_some_and(|l| inputs.contains(&l.file))
            })
            .cloned()
            .collect(),
    );
    print(&concerning);
    if concerning.has_errors() {
        eprintln!("{}", crate::msg::calibrate_refused());
        return 1;
    }
    let options = BuildOptions {
        out_dir,
        ..BuildOptions::default()
    };
    match pipeline::run(&project, &p, &options, vec![job]) {
        Ok(report) if report.ok() => {
            for path in &report.written {
                eprintln!("{}", crate::msg::wrote(&path.display()));
            }
            0
        }
        Ok(report) => {
            for (_, d) in &report.failed {
                print(d);
            }
            1
        }
        Err(d) => fail(&d),
    }
}
