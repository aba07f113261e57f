//! `vinhdanh init`: a new project from the embedded default.

use std::path::PathBuf;

use super::{Outcome, fail};
use crate::diag::Diagnostic;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: PathBuf,
}

pub fn run(a: Args) -> Outcome {
    match Project::write_default(&a.dir) {
        Ok(n) => {
            let dir = a.dir.display().to_string();
            eprintln!("{}", crate::msg::init_done(n, &dir, &shell_arg(&dir)));
            Ok(())
        }
        Err(e) => fail(
            &Diagnostic::error(crate::msg::init_failed(&e))
                .in_file(a.dir.display().to_string())
                .into(),
        ),
    }
}

/// A folder as one argument of a command the clerk can copy: in double quotes when it has
/// spaces (`"Hội nghị 2025"`; the same in cmd.exe, PowerShell and a Unix shell).
fn shell_arg(dir: &str) -> String {
    if dir.contains(char::is_whitespace) {
        format!("\"{dir}\"")
    } else {
        dir.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_folder_with_spaces_is_quoted() {
        assert_eq!(super::shell_arg("hoi-nghi"), "hoi-nghi");
        assert_eq!(super::shell_arg("Hội nghị 2025"), "\"Hội nghị 2025\"");
    }
}
