//! `vinhdanh eject`: copies shipped templates into the project for a template author, or shows
//! how an edited copy differs from the current one (`--diff`).

use std::path::PathBuf;

use super::{Exit, Outcome, print};
use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::write;
use crate::msg;
use crate::project::{self, Project};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(required = true)]
    names: Vec<String>,
    #[arg(long)]
    dir: Option<PathBuf>,
    #[arg(long)]
    diff: bool,
}

pub fn run(a: Args) -> Outcome {
    let dir = a.dir.unwrap_or_else(|| PathBuf::from("."));
    let project = super::project(Some(&dir))?;
    let shipped = project::shipped_templates();
    let mut errors = Diagnostics::default();
    for name in &a.names {
        let rel = format!("templates/{}", name.trim_start_matches("templates/"));
        if !project::is_shipped_template(&rel) {
            let names: Vec<&str> = shipped
                .iter()
                .map(|p| p.trim_start_matches("templates/"))
                .collect();
            let mut d = Diagnostic::error(msg::no_template(name));
            let list = names.join(", ");
            d = match crate::text::nearest(name, names.iter().copied()) {
                Some(s) => d.hint(msg::did_you_mean_template(s, &list)),
                None => d.hint(msg::templates_list(&list)),
            };
            errors.push(d);
            continue;
        }
        let result = if a.diff {
            diff(&project, &rel)
        } else {
            eject(&project, &rel)
        };
        if let Err(d) = result {
            errors.push(d);
        }
    }
    print(&errors);
    if errors.has_errors() {
        Err(Exit::Failed)
    } else {
        Ok(())
    }
}

fn current(rel: &str) -> String {
    let bytes = Project::embedded()
        .read(rel)
        .ok()
        .flatten()
        .unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn eject(project: &Project, rel: &str) -> Result<(), Diagnostic> {
    let root = project.root().expect("a folder");
    let path = root.join(rel);
    let text = current(rel);
    if path.exists() {
        eprintln!(
            "{}",
            msg::eject_exists(rel, rel.trim_start_matches("templates/"))
        );
    } else {
        write::atomic_write(&path, text.as_bytes()).map_err(Diagnostic::from)?;
        eprintln!("{}", msg::ejected(rel));
    }
    let imports = imports(&text);
    if !imports.is_empty() {
        eprintln!(
            "{}",
            msg::eject_imports(&imports.join(", "), &imports.join(" "))
        );
    }
    Ok(())
}

/// Library files a template imports (`#import "lib/nd30.typ"`, `{% import "x" %}`), as names
/// `eject` takes.
pub fn imports(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        let quoted = if t.starts_with("#import")
            || t.starts_with("{% import")
            || t.starts_with("{% include")
            || t.starts_with("{% extends")
        {
            t.split('"').nth(1)
        } else {
            None
        };
        if let Some(q) = quoted {
            let name = q
                .trim_start_matches('/')
                .trim_start_matches("templates/")
                .to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn diff(project: &Project, rel: &str) -> Result<(), Diagnostic> {
    let root = project.root().expect("a folder");
    let path = root.join(rel);
    let Ok(mine) = std::fs::read_to_string(&path) else {
        return Err(Diagnostic::error(msg::diff_not_ejected(rel)).in_file(rel.to_string()));
    };
    let theirs = current(rel);
    if mine == theirs {
        println!("{}", msg::diff_same(rel));
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(&theirs, &mine);
    print!(
        "{}",
        diff.unified_diff().context_radius(3).header(
            &msg::diff_shipped(env!("CARGO_PKG_VERSION"), rel),
            &msg::diff_project(rel)
        )
    );
    Ok(())
}
