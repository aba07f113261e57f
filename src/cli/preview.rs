//! `vinhdanh preview`: one page of one document as a PNG in `output/xem-truoc/`.

use std::path::PathBuf;

use super::{Exit, Outcome, print};
use crate::msg;
use crate::pipeline::{self, Refused};
use crate::preview::{self, Request};

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: Option<PathBuf>,
    #[arg(long, value_name = "NAME")]
    doc: String,
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    page: u32,
    #[arg(long, value_name = "CODE")]
    record: Option<String>,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, default_value_t = 96.0)]
    ppi: f32,
    #[arg(long)]
    force: bool,
}

pub fn run(a: Args) -> Outcome {
    let project = super::project(a.dir.as_deref())?;
    let out_dir = a
        .out
        .clone()
        .unwrap_or_else(|| pipeline::default_out_dir(&project));
    let req = Request {
        doc: a.doc.clone(),
        page: a.page as usize,
        record: a.record.clone(),
        ppi: a.ppi.clamp(10.0, 600.0),
        force: a.force,
    };
    match preview::preview(&project, &out_dir, &req) {
        Ok((path, warnings)) => {
            print(&warnings);
            eprintln!("{}", msg::preview_written(&path.display()));
            Ok(())
        }
        Err(Refused::Usage(d)) => {
            print(&d);
            Err(Exit::Misuse)
        }
        Err(r) => {
            eprintln!("{}", msg::preview_failed(&a.doc));
            print(r.diagnostics());
            Err(Exit::Failed)
        }
    }
}
