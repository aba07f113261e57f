//! `vinhdanh calibrate`: the calibration sheet for pre-printed certificate blanks.

use std::path::PathBuf;

use super::{Exit, Outcome, fail, print};
use crate::pipeline::{self, BuildOptions, Planned, Refused, Select};

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: Option<PathBuf>,
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(a: Args) -> Outcome {
    let project = super::project(a.dir.as_deref())?;
    let out_dir = a.out.unwrap_or_else(|| pipeline::default_out_dir(&project));
    let options = BuildOptions {
        out_dir,
        ..BuildOptions::default()
    };
    let (p, jobs) = match pipeline::plan(&project, &Select::Calibration, &options) {
        Ok(Planned { prepared, jobs }) => (prepared, jobs),
        Err(Refused::Rules(d, _)) => {
            print(&d);
            eprintln!("{}", crate::msg::calibrate_refused());
            return Err(Exit::Failed);
        }
        Err(r) => return fail(r.diagnostics()),
    };
    // What the rules say about the files the sheet is made from (not about the lists).
    print(&p.diags);
    match pipeline::run(&project, &p, &options, jobs) {
        Ok(report) if report.ok() => {
            for path in &report.written {
                eprintln!("{}", crate::msg::wrote(&path.display()));
            }
            Ok(())
        }
        Ok(report) => {
            for (_, d) in &report.failed {
                print(d);
            }
            Err(Exit::Failed)
        }
        Err(d) => fail(&d),
    }
}
