//! `vinhdanh completions SHELL` and `vinhdanh man`: generated from the same clap definitions
//! (and help catalogue) that parse the command line, so they never drift from it.

use std::path::PathBuf;

use super::{Outcome, fail};
use crate::diag::Diagnostic;
use crate::msg;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn completions(a: CompletionsArgs) -> Outcome {
    let mut cmd = super::command();
    clap_complete::generate(a.shell, &mut cmd, "vinhdanh", &mut std::io::stdout());
    Ok(())
}

pub fn man(a: ManArgs) -> Outcome {
    let cmd = super::command();
    let result = match &a.out {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|_| clap_mangen::generate_to(cmd, dir))
            .map(|_| eprintln!("{}", msg::man_written(&dir.join("vinhdanh.1").display()))),
        None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout()),
    };
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            let mut d = Diagnostic::error(e.to_string());
            if let Some(dir) = &a.out {
                d = d.in_file(dir.display().to_string());
            }
            fail(&d.into())
        }
    }
}
