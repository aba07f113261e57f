//! `vinhdanh check`: the rules, with the plan's tables. Exit 0 clean (warnings allowed unless
//! `--strict`), 1 problems, 2 misuse (a project folder that does not exist, fixing the
//! embedded default).

use std::path::PathBuf;

use super::{Exit, Outcome, fail, print};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::pipeline;
use crate::project::Project;
use crate::tone;
use crate::{load, rules};

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: Option<PathBuf>,
    #[arg(long, value_name = "new|old")]
    fix_tone_marks: Option<ToneStyleArg>,
    #[arg(long, requires = "fix_tone_marks")]
    dry_run: bool,
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ToneStyleArg {
    New,
    Old,
}

pub fn run(a: Args) -> Outcome {
    let project = super::project(a.dir.as_deref())?;
    if let Some(style) = a.fix_tone_marks {
        let style = match style {
            ToneStyleArg::New => tone::Style::New,
            ToneStyleArg::Old => tone::Style::Old,
        };
        if project.root().is_none() {
            eprintln!("{}", crate::msg::fix_tone_needs_folder());
            return Err(Exit::Misuse);
        }
        match fix_tone_marks(&project, style, a.dry_run) {
            Ok(changes) => {
                for (file, c) in &changes {
                    println!(
                        "{file}:{}:{}: {} → {} [{}]",
                        c.line, c.column, c.before, c.after, c.path
                    );
                }
                if a.dry_run {
                    println!("{}", crate::msg::tone_will_fix(changes.len()));
                } else {
                    println!("{}", crate::msg::tone_fixed(changes.len()));
                }
            }
            Err(d) => return fail(&d),
        }
        if a.dry_run {
            return Ok(());
        }
    }
    let options = pipeline::BuildOptions {
        strict: a.strict,
        ..pipeline::BuildOptions::default()
    };
    let mut p = match pipeline::plan(&project, &pipeline::Select::Nothing, &options) {
        Ok(planned) => planned.prepared,
        Err(r) => {
            print(r.diagnostics());
            eprintln!("{}", crate::msg::check_load_failed());
            return Err(Exit::Failed);
        }
    };
    // What only the layout measures (a name too long for its certificate), as `build` says it.
    let measured = pipeline::measure(&project, &p);
    p.diags.extend(measured);
    print!("{}", p.report);
    print(&p.diags);
    let errors = p.diags.errors().count();
    let warnings = p.diags.warnings().count();
    eprintln!("{}", crate::msg::check_done(errors, warnings));
    // The policy that refuses a build decides what `check` reports as failing.
    if pipeline::refuses(&p.diags, &options) {
        if errors == 0 {
            eprintln!("{}", crate::msg::check_strict_failed(warnings));
        }
        Err(Exit::Failed)
    } else {
        Ok(())
    }
}

/// Rewrites the tone marks of the free-text values of every YAML data file on disk (atomically,
/// keeping comments and layout).
fn fix_tone_marks(
    project: &Project,
    style: tone::Style,
    dry_run: bool,
) -> Result<Vec<(String, load::tone_fix::Change)>, Diagnostics> {
    let mut changes = Vec::new();
    let mut errors = Diagnostics::default();
    for (rel, path, source) in super::data_yaml_files(project, &mut errors) {
        match load::tone_fix::fix_yaml(&source, style, &rules::is_free_text) {
            Ok((new, list)) => {
                if !list.is_empty()
                    && !dry_run
                    && let Err(e) = crate::engine::write::atomic_write(&path, new.as_bytes())
                {
                    errors.push(e.into());
                    continue;
                }
                changes.extend(list.into_iter().map(|c| (rel.clone(), c)));
            }
            Err(e) => {
                errors.push(
                    Diagnostic::error(crate::msg::yaml_syntax_not_fixed(&e.message))
                        .at(Location::at(rel.clone(), e.line, e.column)),
                )
            }
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(changes)
    }
}
