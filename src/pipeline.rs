//! The one road from data to PDF: load (once) → rules (once) → documents (jobs) → engine →
//! `output/`. `build`, `check` and `calibrate` all start here; a later watch or preview loop
//! hands the jobs whose inputs changed to the same engine.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, Diagnostics};
use crate::documents::{self, Settings};
use crate::engine::{self, Engine, Job, JobOutcome, Work, timed};
use crate::fonts::Fonts;
use crate::load::{self, Data};
use crate::project::{Override, Project};
use crate::rules::{self, CheckReport};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Where the PDFs go (default: `<project>/output`, or `./output` for the embedded default).
    pub out_dir: PathBuf,
    /// Print even when the rules find errors in the data.
    pub force: bool,
    /// Warnings are errors: nothing is printed while the rules warn, and a Typst warning
    /// fails the build (for scripts).
    pub strict: bool,
    /// Also write the generated Typst sources (`output/typst/*.typ`) for template authors.
    pub keep_typst: bool,
    /// Also write the certificates as an overlay for pre-printed blanks (`build --phoi`).
    pub phoi: bool,
    /// Jobs at once (0: the number of cores).
    pub jobs: usize,
}

/// The project loaded and judged: what every command starts from.
pub struct Prepared {
    pub data: Data,
    pub fonts: Fonts,
    /// `check`'s tables.
    pub report: CheckReport,
    /// Load notes and every finding of the rules, errors and warnings.
    pub diags: Diagnostics,
    pub timings: Timings,
}

/// Wall time of the stages before and around the engine (the engine's own phases are in each
/// [`JobOutcome::phases`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    pub load: Duration,
    pub fonts: Duration,
    pub rules: Duration,
    /// Documents → jobs.
    pub jobs: Duration,
    /// The engine running every job (wall time).
    pub engine: Duration,
}

/// Loads every data file once and runs every rule once. A file that cannot be read or parsed
/// (or a date that does not exist) is an error here, which no `--force` overrides.
pub fn prepare(project: &Project) -> Result<Prepared, Diagnostics> {
    let mut timings = Timings::default();
    let data = timed(&mut timings.load, || load::load(project))?;
    let fonts = timed(&mut timings.fonts, || Fonts::load(project));
    let (report, found) = timed(&mut timings.rules, || rules::run(&data, &fonts));
    let mut diags = Diagnostics(data.notes.clone());
    diags.extend(template_notes(project));
    diags.extend(found);
    Ok(Prepared {
        data,
        fonts,
        report,
        diags,
        timings,
    })
}

/// What the clerk's template files are: exact copies of a shipped template (ignored, one note),
/// and edited copies (used, with a warning that later fixes of that template pass them by).
fn template_notes(project: &Project) -> Diagnostics {
    let mut out = Diagnostics::default();
    let overrides = project.overrides();
    let copies: Vec<(&str, &str)> = overrides
        .iter()
        .filter_map(|(rel, k)| match k {
            Override::Copy { version } => Some((rel.as_str(), *version)),
            _ => None,
        })
        .collect();
    if !copies.is_empty() {
        let mut versions: Vec<&str> = copies.iter().map(|(_, v)| *v).collect();
        versions.sort();
        versions.dedup();
        out.push(
            Diagnostic::warning(format!(
                "{} tệp trong templates/ là bản sao y nguyên mẫu có sẵn (phiên bản {}): đã dùng mẫu mới nhất thay cho chúng",
                copies.len(),
                versions.join(", ")
            ))
            .in_file("templates/")
            .hint(format!(
                "có thể xoá các tệp này: {}",
                copies.iter().map(|(r, _)| *r).collect::<Vec<_>>().join(", ")
            )),
        );
    }
    for (rel, k) in &overrides {
        if *k == Override::Edited {
            out.push(
                Diagnostic::warning(format!(
                    "{rel} là mẫu đã sửa: dùng thay cho mẫu có sẵn, nên không nhận các bản sửa của mẫu này từ phiên bản {} trở đi",
                    env!("CARGO_PKG_VERSION")
                ))
                .in_file(rel.clone())
                .hint(format!(
                    "xem khác biệt với mẫu mới nhất: `vinhdanh eject --diff {}`",
                    rel.trim_start_matches("templates/")
                )),
            );
        }
    }
    out
}

/// What a build did, for the summary line and the exit status.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<PathBuf>,
    /// Documents (or records) that failed, by job, each with its problems.
    pub failed: Vec<(String, Diagnostics)>,
    /// Every warning: load notes, the rules', Typst's (with their template line).
    pub warnings: Diagnostics,
    pub outcomes: Vec<JobOutcome>,
    pub timings: Timings,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.failed.is_empty()
    }
}

pub fn default_out_dir(project: &Project) -> PathBuf {
    match project.root() {
        Some(root) => root.join("output"),
        None => PathBuf::from("output"),
    }
}

/// Picks the project for a command: the given folder, else the current folder when it has
/// `data/`, else the embedded default.
pub fn resolve_project(dir: Option<&Path>) -> Result<Project, Diagnostic> {
    match dir {
        Some(d) => Project::open(d)
            .map_err(|e| Diagnostic::error(e.to_string()).hint("kiểm tra đường dẫn thư mục dự án")),
        None if Path::new("data").is_dir() => {
            Project::open(Path::new(".")).map_err(|e| Diagnostic::error(e.to_string()))
        }
        None => Ok(Project::embedded()),
    }
}

/// Whether the findings stop printing: errors always (unless `--force`), warnings under
/// `--strict`.
pub fn refuses(diags: &Diagnostics, options: &BuildOptions) -> bool {
    !options.force && (diags.has_errors() || (options.strict && !diags.is_empty()))
}

/// Why nothing was built.
#[derive(Debug)]
pub enum Refused {
    /// The data could not be read (no `--force` helps).
    Load(Diagnostics),
    /// The rules found errors (or warnings under `--strict`).
    Rules(Diagnostics),
}

impl Refused {
    pub fn diagnostics(&self) -> &Diagnostics {
        match self {
            Refused::Load(d) | Refused::Rules(d) => d,
        }
    }
}

/// Builds every document of the project.
pub fn build(project: &Project, options: &BuildOptions) -> Result<Report, Refused> {
    let p = prepare(project).map_err(Refused::Load)?;
    if refuses(&p.diags, options) {
        return Err(Refused::Rules(p.diags));
    }
    let t = Instant::now();
    let jobs = documents::jobs(&p.data, &p.fonts, Settings { phoi: options.phoi });
    let mut report = run(project, &p, options, jobs).map_err(Refused::Load)?;
    report.timings.jobs = t.elapsed() - report.timings.engine;
    Ok(report)
}

/// Runs `jobs` through the engine into `options.out_dir`.
pub fn run(
    project: &Project,
    p: &Prepared,
    options: &BuildOptions,
    jobs: Vec<Job>,
) -> Result<Report, Diagnostics> {
    engine::write::ensure_dir(&options.out_dir)
        .map_err(|e| Diagnostics::from(Diagnostic::from(e)))?;
    engine::write::remove_leftovers(&options.out_dir);
    let mut eo = engine_options(options);
    // The rules pass found the fields holding each character; the engine asks by character.
    let origins = rules::char_origins(&p.data, |c| !p.fonts.covers(c));
    eo.origin = Some(std::sync::Arc::new(move |c| origins.get(&c).cloned()));
    let engine = Engine::new(project, &p.fonts, eo);
    let t = Instant::now();
    let outcomes = engine.run(jobs);
    let mut report = Report {
        warnings: p.diags.clone(),
        timings: Timings {
            engine: t.elapsed(),
            ..p.timings
        },
        ..Report::default()
    };
    let edited: Vec<String> = project
        .overrides()
        .into_iter()
        .filter(|(_, k)| *k == Override::Edited)
        .map(|(rel, _)| rel)
        .collect();
    for o in &outcomes {
        report.written.extend(o.written.iter().cloned());
        let mut failed = o.errors.clone();
        if failed.has_errors() {
            // An edited copy of a template may no longer fit this version's engine or data.
            for rel in edited.iter().filter(|r| o.read.contains(*r)) {
                failed.push(
                    Diagnostic::error(format!(
                        "mẫu riêng {rel} (bản đã sửa của mẫu có sẵn) có thể không còn hợp với phiên bản {} của vinhdanh",
                        env!("CARGO_PKG_VERSION")
                    ))
                    .in_file(rel.clone())
                    .hint(format!(
                        "xem khác biệt với mẫu mới nhất: `vinhdanh eject --diff {}`; hoặc đổi tên, xoá tệp này để dùng mẫu có sẵn",
                        rel.trim_start_matches("templates/")
                    )),
                );
            }
        }
        if options.strict {
            failed.extend(o.warnings.clone());
        } else {
            report.warnings.extend(o.warnings.clone());
        }
        if !failed.is_empty() {
            report.failed.push((o.name.clone(), failed));
        }
    }
    report.outcomes = outcomes;
    Ok(report)
}

fn engine_options(options: &BuildOptions) -> engine::Options {
    engine::Options {
        out_dir: options.out_dir.clone(),
        keep_typst: options.keep_typst,
        force: options.force,
        jobs: options.jobs,
        origin: None,
    }
}

/// Lays out the document written as `output` (e.g. "ke-hoach.pdf") without writing it, for
/// tools and tests that measure a layout ([`crate::inspect`]).
pub fn layout(project: &Project, output: &str) -> Result<PagedDocument, Diagnostics> {
    let p = prepare(project)?;
    let jobs = documents::jobs(&p.data, &p.fonts, Settings::default());
    let Some(job) = jobs.iter().find(|j| j.name == output) else {
        return Err(Diagnostic::error(format!("không có văn bản “{output}”")).into());
    };
    let Work::Single(s) = &job.work else {
        return Err(Diagnostic::error(format!("“{output}” là một loạt văn bản")).into());
    };
    let engine = Engine::new(project, &p.fonts, engine::Options::default());
    engine.lay_out(job.today, s, &mut JobOutcome::default())
}
