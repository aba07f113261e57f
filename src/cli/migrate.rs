//! `vinhdanh migrate`: rewrites the YAML data files to the current schema in place (old field
//! names renamed, `vinhdanh: N` added to plan.yaml), keeping comments, order and line endings,
//! after copying `data/` to `data.bak-YYYYMMDD/`. `--dry-run` prints the changes and writes
//! nothing. Exit 0 done (or nothing to do), 1 a file could not be rewritten, 2 misuse.

use std::path::{Path, PathBuf};

use super::{Exit, Outcome, fail};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::schema::{self, Hunk};
use crate::msg;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {
    dir: Option<PathBuf>,
    #[arg(long)]
    dry_run: bool,
}

pub fn run(a: Args) -> Outcome {
    let project = super::project(a.dir.as_deref())?;
    let Some(root) = project.root().map(Path::to_path_buf) else {
        eprintln!("{}", msg::migrate_needs_folder());
        return Err(Exit::Misuse);
    };
    let changes = match plan(&project) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("{}", msg::migrate_nothing_changed());
            return fail(&d);
        }
    };
    for (rel, _, _, hunks) in &changes {
        print_diff(rel, hunks);
    }
    if changes.is_empty() {
        println!("{}", msg::migrate_up_to_date(crate::model::SCHEMA));
        return Ok(());
    }
    let lines: usize = changes
        .iter()
        .flat_map(|c| &c.3)
        .map(|h| h.removed.len().max(h.added.len()))
        .sum();
    if a.dry_run {
        println!("{}", msg::migrate_would(lines, changes.len()));
        return Ok(());
    }
    let backup = match crate::project::backup_data(&root) {
        Ok(b) => b,
        Err(e) => {
            return fail(
                &Diagnostic::error(msg::migrate_backup_failed(&e))
                    .in_file("data")
                    .hint(msg::migrate_backup_failed_hint())
                    .into(),
            );
        }
    };
    let mut errors = Diagnostics::default();
    for (rel, path, text, _) in &changes {
        if let Err(e) = crate::engine::write::atomic_write(path, text.as_bytes()) {
            errors.push(Diagnostic::from(e).in_file(rel.clone()));
        }
    }
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if errors.has_errors() {
        eprintln!("{}", msg::migrate_backup(&name));
        return fail(&errors);
    }
    println!(
        "{}",
        msg::migrate_done(lines, changes.len(), crate::model::SCHEMA, &name)
    );
    Ok(())
}

/// (file, path on disk, new text, changes) of every YAML file of `data/` that changes; nothing
/// is written when any file cannot be rewritten.
type Change = (String, PathBuf, String, Vec<Hunk>);

fn plan(project: &Project) -> Result<Vec<Change>, Diagnostics> {
    let mut changes = Vec::new();
    let mut errors = Diagnostics::default();
    for (rel, path, source) in super::data_yaml_files(project, &mut errors) {
        // A byte-order mark stays where it is; positions are those of the text after it.
        let (bom, text) = match source.strip_prefix('\u{feff}') {
            Some(t) => ("\u{feff}", t),
            None => ("", source.as_str()),
        };
        match schema::rewrite(&rel, text) {
            Ok(Some((new, hunks))) => changes.push((rel, path, format!("{bom}{new}"), hunks)),
            Ok(None) => {}
            Err(d) => errors.push(d),
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(changes)
    }
}

/// The changes of one file, unified-style: a `file:line` header, `-` old, `+` new lines.
fn print_diff(rel: &str, hunks: &[Hunk]) {
    println!("--- {rel}\n+++ {rel}");
    for h in hunks {
        println!("@@ {rel}:{} @@", h.line);
        for l in &h.removed {
            println!("-{l}");
        }
        for l in &h.added {
            println!("+{l}");
        }
    }
}
