//! `vinhdanh serve`: the live preview page; `vinhdanh watch`: the same loop in the terminal.

// Console lines are written, not `eprintln!`ed: a console gone away must not panic (as in
// `crates/serve`).
use std::io::Write;
use std::path::PathBuf;

use super::{Exit, Outcome};
use crate::pipeline;
use crate::serve::{self, ServeOptions};

// Help texts: `crate::msg` (both languages).
#[derive(Debug, clap::Args)]
pub struct Args {
    dir: Option<PathBuf>,
    #[arg(long, default_value_t = 0)]
    port: u16,
    #[arg(long)]
    no_open: bool,
    #[arg(long)]
    verbose: bool,
    #[arg(long)]
    readonly: bool,
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    dir: Option<PathBuf>,
}

pub fn run(a: Args) -> Outcome {
    let project = project(a.dir)?;
    let out_dir = pipeline::default_out_dir(&project);
    let options = ServeOptions {
        port: a.port,
        open: !a.no_open,
        verbose: a.verbose,
        readonly: a.readonly,
    };
    match serve::serve(project, out_dir, options) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e}", crate::msg::level_error());
            Err(Exit::Failed)
        }
    }
}

pub fn watch(a: WatchArgs) -> Outcome {
    let project = project(a.dir)?;
    let out_dir = pipeline::default_out_dir(&project);
    match serve::watch(project, out_dir) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e}", crate::msg::level_error());
            Err(Exit::Failed)
        }
    }
}

/// A project folder is needed: there are files to watch.
fn project(dir: Option<PathBuf>) -> Result<crate::project::Project, Exit> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    let project = super::project(Some(&dir))?;
    if !dir.join("data").is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::msg::serve_not_project(&dir.display())
        );
        return Err(Exit::Misuse);
    }
    Ok(project)
}
