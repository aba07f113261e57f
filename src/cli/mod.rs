//! Command line (clap derive), one file per command. Messages for clerks are Vietnamese; flags
//! are English words as in every other tool. Diagnostics are rendered here, at the edge.

mod build;
mod calibrate;
mod check;
mod double_click;
mod eject;
mod init;
mod manual;
mod migrate;
mod preview;
mod serve;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::diag::Diagnostics;
use crate::msg::{self, Lang};

// Help texts live in `crate::msg` (both languages); `command` applies them.
#[derive(Debug, Parser)]
#[command(name = "vinhdanh", version)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "vi",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(build::Args),
    Calibrate(calibrate::Args),
    Check(check::Args),
    Init(init::Args),
    Eject(eject::Args),
    Migrate(migrate::Args),
    Preview(preview::Args),
    Completions(manual::CompletionsArgs),
    Man(manual::ManArgs),
    Serve(serve::Args),
    Watch(serve::WatchArgs),
}

/// The command line with its help in the current language (see [`crate::msg`]): what parses
/// the arguments, and what completions and the man page are generated from.
pub fn command() -> clap::Command {
    use clap::{Arg, ArgAction};
    localize(Cli::command(), "").disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(msg::help_flag_version())
            .help_heading(msg::heading_options()),
    )
}

/// Applies the catalogue's help to a command, its arguments and subcommands, and clap's own
/// words (headings, `--help`) in the current language.
fn localize(mut cmd: clap::Command, key: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    if let Some(h) = msg::help(key) {
        cmd = cmd.about(h);
    }
    cmd = cmd
        .help_template(msg::help_template())
        .subcommand_help_heading(msg::heading_commands())
        .subcommand_value_name(msg::value_command())
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(msg::help_flag_help())
                .help_heading(msg::heading_options()),
        );
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let heading = if positional {
            msg::heading_arguments()
        } else {
            msg::heading_options()
        };
        let help = msg::help(&format!("{key}.{id}"));
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help_heading(heading);
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name.clone(), |s| localize(s, &name));
    }
    cmd
}

/// How a command ended when it did not succeed; what [`main`] turns into the process's exit
/// status. Commands print their problems and return; only `main` ends the process (typst-cli's
/// `main.rs` is the model), so no command can end it with a status of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The data or a document failed; the problems were printed (status 1).
    Failed,
    /// The command was misused: a folder that does not exist, an argument that does not apply
    /// (status 2, as clap's own usage errors).
    Misuse,
}

/// What every command returns: `Ok` is status 0.
pub type Outcome = Result<(), Exit>;

/// The process exit status of an outcome: 0 ok, 1 data or document failure, 2 misuse.
pub fn status(outcome: Outcome) -> u8 {
    match outcome {
        Ok(()) => 0,
        Err(Exit::Failed) => 1,
        Err(Exit::Misuse) => 2,
    }
}

/// Parses the process's arguments in the language `--lang` asks for, runs the command, and
/// gives the exit status (`main` ends the process with it: `platform::exit_now`).
pub fn code() -> u8 {
    status(dispatch())
}

fn dispatch() -> Outcome {
    msg::set(msg::from_args(std::env::args_os()));
    if cfg!(windows) && std::env::args_os().len() == 1 {
        return double_click::run();
    }
    let cli = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match cli {
        Ok(cli) => run(cli),
        // `--help` and `--version` come this way too, printed to standard output: a success.
        Err(e) => {
            let _ = e.print();
            if e.use_stderr() {
                Err(Exit::Misuse)
            } else {
                Ok(())
            }
        }
    }
}

/// Runs the command.
pub fn run(cli: Cli) -> Outcome {
    msg::set(cli.lang);
    match cli.command {
        Command::Build(a) => build::run(a),
        Command::Calibrate(a) => calibrate::run(a),
        Command::Check(a) => check::run(a),
        Command::Init(a) => init::run(a),
        Command::Eject(a) => eject::run(a),
        Command::Migrate(a) => migrate::run(a),
        Command::Preview(a) => preview::run(a),
        Command::Completions(a) => manual::completions(a),
        Command::Man(a) => manual::man(a),
        Command::Serve(a) => serve::run(a),
        Command::Watch(a) => serve::watch(a),
    }
}

/// Prints problems to standard error.
fn print(d: &Diagnostics) {
    eprint!("{}", crate::diag::render(d));
}

/// The project a command works on; a folder that does not exist is a misuse (exit 2), the same
/// for every command.
fn project(dir: Option<&std::path::Path>) -> Result<crate::project::Project, Exit> {
    crate::pipeline::resolve_project(dir).map_err(|d| {
        print(&d.into());
        Exit::Misuse
    })
}

/// Prints the problems of a failed command.
fn fail(d: &Diagnostics) -> Outcome {
    print(d);
    Err(Exit::Failed)
}

/// The project's declared data files ([`crate::load::registry::yaml_paths`]) that it has on
/// disk, with their text, for the commands that rewrite data in place (`check
/// --fix-tone-marks`, `migrate`): what is not data is never rewritten. Files that cannot be
/// read are errors.
fn data_yaml_files(
    project: &crate::project::Project,
    errors: &mut Diagnostics,
) -> Vec<(String, std::path::PathBuf, String)> {
    use crate::diag::Diagnostic;
    let mut out = Vec::new();
    for rel in crate::load::registry::yaml_paths(project) {
        let path = match project.disk_path(&rel) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(e) => {
                errors.push(Diagnostic::error(e.to_string()).in_file(rel.clone()));
                continue;
            }
        };
        match std::fs::read_to_string(&path) {
            Ok(s) => out.push((rel, path, s)),
            Err(e) => errors.push(Diagnostic::error(msg::cannot_read(&e)).in_file(rel.clone())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The three statuses the README and the tests promise, and only `main` ending the
    /// process: no `process::exit` anywhere in the sources (a command that exits itself skips
    /// the console's restore and every destructor, and its status escapes this table).
    #[test]
    fn one_exit_status_per_outcome_and_only_main_exits() {
        assert_eq!(status(Ok(())), 0);
        assert_eq!(status(Err(Exit::Failed)), 1);
        assert_eq!(status(Err(Exit::Misuse)), 2);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let needle = ["process", "::", "exit("].concat();
        for dir in ["src", "crates"] {
            for e in walkdir::WalkDir::new(root.join(dir))
                .into_iter()
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            {
                let text = std::fs::read_to_string(e.path()).unwrap();
                assert!(
                    !text.contains(&needle),
                    "{} ends the process",
                    e.path().display()
                );
            }
        }
    }

    /// Every command and option has its help in the catalogue, in both languages.
    #[test]
    fn every_command_and_option_has_help() {
        fn walk(cmd: &clap::Command, key: &str, missing: &mut Vec<String>) {
            if msg::help(key).is_none() {
                missing.push(key.to_string());
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if ["help", "version"].contains(&id) || (id == "lang" && !key.is_empty()) {
                    continue;
                }
                let k = format!("{key}.{id}");
                if msg::help(&k).is_none() {
                    missing.push(k);
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help for: {missing:?}");
        // The language is process-wide: other tests run beside this one, so only the default
        // is checked here (tests/cli.rs runs `--lang en --help`).
        command().debug_assert();
    }
}
