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
    /// Only the jobs writing these outputs (`--only`), by their names in `output/`.
    pub only: Vec<String>,
    /// Also the first page of every PDF as a PNG in `output/xem-truoc/` (`--png`).
    pub png: bool,
    /// Also PDF/A-2b copies of the documents of their own in `output/luu-tru/` (`--pdf-a`).
    pub pdf_a: bool,
    /// Told of each job as it finishes.
    pub on_done: Option<engine::OnDone>,
    /// Where the engine's progress bars draw.
    pub bars: Option<indicatif::MultiProgress>,
    /// Hands out every laid-out document (`serve` shows their pages).
    pub keep: Option<engine::Keep>,
    /// [`engine::Options::memo_compiles`].
    pub memo_compiles: usize,
}

/// Folder of the output for preview images.
pub const PREVIEW_DIR: &str = "xem-truoc";
/// Folder of the output for PDF/A archive copies.
pub const ARCHIVE_DIR: &str = "luu-tru";
/// Resolution of `build --png` images (screen).
pub const PNG_PPI: f32 = 96.0;

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
            Diagnostic::warning(crate::msg::template_copies(
                copies.len(),
                &versions.join(", "),
            ))
            .in_file("templates/")
            .hint(crate::msg::template_copies_hint(
                &copies
                    .iter()
                    .map(|(r, _)| *r)
                    .collect::<Vec<_>>()
                    .join(", "),
            )),
        );
    }
    for (rel, k) in &overrides {
        if *k == Override::Edited {
            out.push(
                Diagnostic::warning(crate::msg::template_edited(rel, env!("CARGO_PKG_VERSION")))
                    .in_file(rel.clone())
                    .hint(crate::msg::template_diff_hint(
                        rel.trim_start_matches("templates/"),
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
    /// Files of earlier builds this one made stale and removed.
    pub removed: Vec<PathBuf>,
    /// `--png` images written.
    pub previews: Vec<PathBuf>,
    /// `--pdf-a` copies written.
    pub archived: Vec<PathBuf>,
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
            .map_err(|e| Diagnostic::error(e.to_string()).hint(crate::msg::check_folder_hint())),
        None if Path::new("data").is_dir() => {
            Project::open(Path::new(".")).map_err(|e| Diagnostic::error(e.to_string()))
        }
        None => Ok(Project::embedded()),
    }
}

/// Whether the findings stop printing: errors always (unless `--force`), warnings under
/// `--strict`.
pub fn refuses(diags: &Diagnostics, options: &BuildOptions) -> bool {
    !options.force && (diags.has_errors() || (options.strict && diags.warnings().next().is_some()))
}

/// Why nothing was built.
#[derive(Debug)]
pub enum Refused {
    /// The data could not be read (no `--force` helps).
    Load(Diagnostics),
    /// The rules found errors (or warnings under `--strict`).
    Rules(Diagnostics),
    /// The command asked for something that does not exist (`--only` a name no job writes).
    Usage(Diagnostics),
}

impl Refused {
    pub fn diagnostics(&self) -> &Diagnostics {
        match self {
            Refused::Load(d) | Refused::Rules(d) | Refused::Usage(d) => d,
        }
    }
}

/// Builds every document of the project.
pub fn build(project: &Project, options: &BuildOptions) -> Result<Report, Refused> {
    build_with(project, options, |_| {})
}

/// [`build`], telling `planned` how many jobs will run once that is known (a progress bar).
pub fn build_with(
    project: &Project,
    options: &BuildOptions,
    planned: impl FnOnce(usize),
) -> Result<Report, Refused> {
    let p = prepare(project).map_err(Refused::Load)?;
    if refuses(&p.diags, options) {
        return Err(Refused::Rules(p.diags));
    }
    let t = Instant::now();
    let phoi = options.phoi
        || options
            .only
            .iter()
            .any(|n| n == documents::certificate::PHOI_OUTPUT);
    let mut jobs = documents::jobs_named(&p.data, &p.fonts, Settings { phoi }, &options.only);
    if !options.only.is_empty() {
        jobs = select(jobs, &options.only).map_err(Refused::Usage)?;
    }
    planned(jobs.len());
    let mut report = run(project, &p, options, jobs).map_err(Refused::Load)?;
    report.timings.jobs = t.elapsed() - report.timings.engine;
    Ok(report)
}

/// Every output a job writes, as the user names it: the job's own name ("giay-khen/"), its
/// print file ("giay-khen.pdf"), a document made from it ("chuong-trinh-in.pdf").
pub fn outputs(job: &Job) -> Vec<String> {
    let mut out = vec![job.name.clone()];
    match &job.work {
        Work::Single(s) => {
            if s.output != job.name {
                out.push(s.output.clone());
            }
            if let Some(d) = &s.then {
                out.push(d.output.clone());
            }
        }
        Work::Batch(b) => {
            if let Some(m) = b.merged.as_ref().filter(|m| **m != job.name) {
                out.push(m.clone());
            }
        }
    }
    out
}

/// The jobs writing `names` (each name as [`outputs`] gives it; "giay-khen" finds
/// "giay-khen/"), in their usual order. A name no job writes is an error naming the outputs
/// there are, with the nearest one.
pub fn select(jobs: Vec<Job>, names: &[String]) -> Result<Vec<Job>, Diagnostics> {
    let all: Vec<String> = jobs.iter().flat_map(outputs).collect();
    let mut errors = Diagnostics::default();
    let mut wanted = std::collections::BTreeSet::new();
    // Batches asked for by their folder (or any name but the print file's): the whole job.
    let mut whole = std::collections::BTreeSet::new();
    for name in names {
        let name = name.trim();
        let found = jobs.iter().position(|j| {
            outputs(j)
                .iter()
                .any(|o| o == name || o.trim_end_matches('/') == name)
        });
        match found {
            Some(k) => {
                wanted.insert(k);
                let print_file = match &jobs[k].work {
                    Work::Batch(b) => b.merged.as_deref() == Some(name) && name != jobs[k].name,
                    Work::Single(_) => false,
                };
                if !print_file {
                    whole.insert(k);
                }
            }
            None => {
                let list = all.join(", ");
                let d = Diagnostic::error(crate::msg::unknown_output(name));
                errors.push(
                    match crate::text::nearest(name, all.iter().map(String::as_str)) {
                        Some(s) => d.hint(crate::msg::did_you_mean(s, &list)),
                        None => d.hint(crate::msg::outputs_list(&list)),
                    },
                );
            }
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(jobs
        .into_iter()
        .enumerate()
        .filter(|(k, _)| wanted.contains(k))
        .map(|(k, j)| {
            if whole.contains(&k) {
                j
            } else {
                print_file_only(j)
            }
        })
        .collect())
}

/// A batch asked for by its print file alone ("giay-khen.pdf"): that file, without the records'
/// own files. Named after the print file, so that the records' files written by an earlier
/// build stay (they are another job's outputs for the manifest, not stale ones).
fn print_file_only(mut job: Job) -> Job {
    if let Work::Batch(b) = &mut job.work
        && let Some(merged) = &b.merged
    {
        job.name = merged.clone();
        b.dir = None;
    }
    job
}

/// Runs `jobs` through the engine into `options.out_dir`.
pub fn run(
    project: &Project,
    p: &Prepared,
    options: &BuildOptions,
    jobs: Vec<Job>,
) -> Result<Report, Diagnostics> {
    let partial = vec![false; jobs.len()];
    run_partly(project, p, options, jobs, &partial)
}

/// [`run`], where the jobs marked in `partial` are ahead-of-time parts of jobs that a later run
/// completes (`serve` builds an edited honoree's certificate alone, then the whole batch):
/// their files are written but the manifest does not take them as the job's outputs, which
/// would make every file left out look stale.
pub fn run_partly(
    project: &Project,
    p: &Prepared,
    options: &BuildOptions,
    jobs: Vec<Job>,
    partial: &[bool],
) -> Result<Report, Diagnostics> {
    engine::write::ensure_dir(&options.out_dir)
        .map_err(|e| Diagnostics::from(Diagnostic::from(e)))?;
    engine::write::remove_leftovers(&options.out_dir);
    let mut eo = engine_options(options);
    // The rules pass found the fields holding each character; the engine asks by character.
    let origins = rules::char_origins(&p.data, |c| !p.fonts.covers(c));
    eo.origin = Some(std::sync::Arc::new(move |c| origins.get(&c).cloned()));
    let engine = Engine::new(project, &p.fonts, eo);

    let today = jobs.first().map(|j| j.today);
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
    for (k, o) in outcomes.iter().enumerate() {
        if partial.get(k).copied().unwrap_or(false) {
            // Its findings come again with its whole job.
            continue;
        }
        report.written.extend(o.written.iter().cloned());
        let mut failed = o.errors.clone();
        if failed.has_errors() {
            // An edited copy of a template may no longer fit this version's engine or data.
            for rel in edited.iter().filter(|r| o.read.contains(*r)) {
                failed.push(
                    Diagnostic::error(crate::msg::template_edited_failed(
                        rel,
                        env!("CARGO_PKG_VERSION"),
                    ))
                    .in_file(rel.clone())
                    .hint(crate::msg::template_edited_failed_hint(
                        rel.trim_start_matches("templates/"),
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
    if options.png
        && let Some(today) = today
    {
        make_previews(&engine, &outcomes, options, today, &mut report);
    }
    let mut manifest = crate::manifest::Manifest::read(&options.out_dir);
    for (k, o) in outcomes.iter().enumerate() {
        if partial.get(k).copied().unwrap_or(false) {
            continue;
        }
        let complete = !o.errors.has_errors();
        let dir = &options.out_dir;
        report
            .removed
            .extend(manifest.replace(dir, &o.name, &o.written, complete));
        report.archived.extend(o.archived.iter().cloned());
        if options.pdf_a {
            let group = format!("{} pdf-a", o.name);
            let removed = manifest.replace(dir, &group, &o.archived, complete);
            report.removed.extend(removed);
        }
        if options.png {
            let group = format!("{} png", o.name);
            let mine: Vec<PathBuf> = o.written.iter().map(|p| png_path(dir, p)).collect();
            let made: Vec<PathBuf> = mine
                .into_iter()
                .filter(|p| report.previews.contains(p))
                .collect();
            report
                .removed
                .extend(manifest.replace(dir, &group, &made, complete));
        }
    }
    if let Err(e) = manifest.write(&options.out_dir) {
        report.warnings.push(
            Diagnostic::warning(e.to_string()).in_file(
                options
                    .out_dir
                    .join(crate::manifest::FILE)
                    .display()
                    .to_string(),
            ),
        );
    }
    report.outcomes = outcomes;
    Ok(report)
}

/// Where `--png` puts the image of the PDF at `pdf` (inside `out_dir`):
/// `xem-truoc/giay-khen/001-….png` for `giay-khen/001-….pdf`.
pub fn png_path(out_dir: &Path, pdf: &Path) -> PathBuf {
    let rel = pdf.strip_prefix(out_dir).unwrap_or(pdf);
    out_dir.join(PREVIEW_DIR).join(rel).with_extension("png")
}

/// The first page of every PDF written, as PNG images, on as many threads as jobs run.
fn make_previews(
    engine: &Engine,
    outcomes: &[JobOutcome],
    options: &BuildOptions,
    today: chrono::NaiveDate,
    report: &mut Report,
) {
    // An engine of its own: the build's may keep Typst sources, which previews have none of.
    let engine = &Engine::new(engine.project, engine.fonts, engine::Options::default());
    let pdfs: Vec<&PathBuf> = outcomes.iter().flat_map(|o| o.written.iter()).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    let workers = match options.jobs {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        j => j,
    }
    .clamp(1, pdfs.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn_scoped(s, || {
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(pdf) = pdfs.get(k) else { break };
                        let name = pdf.display().to_string();
                        let r = std::fs::read(pdf)
                            .map_err(|e| {
                                Diagnostic::error(e.to_string())
                                    .in_file(name.clone())
                                    .into()
                            })
                            .and_then(|bytes| pdf_page_png(engine, bytes, 1, PNG_PPI, today, &name))
                            .and_then(|png| {
                                let path = png_path(&options.out_dir, pdf);
                                engine::write::atomic_write(&path, &png)
                                    .map(|_| path)
                                    .map_err(|e| Diagnostics::from(Diagnostic::from(e)))
                            });
                        results.lock().unwrap().push((k, r));
                    }
                })
                .expect("spawn a preview thread");
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(k, _)| *k);
    for (_, r) in results {
        match r {
            Ok(p) => report.previews.push(p),
            Err(d) => report.warnings.extend(d),
        }
    }
}

/// Page `page` of a PDF drawn as PNG: the PDF is placed as an image on a page of its size and
/// that page rendered, so any output (a record's file, the imposed booklet) can be shown the
/// same way.
pub fn pdf_page_png(
    engine: &Engine,
    pdf: Vec<u8>,
    page: usize,
    ppi: f32,
    today: chrono::NaiveDate,
    name: &str,
) -> Result<Vec<u8>, Diagnostics> {
    const FILE: &str = "/__xem-truoc__.pdf";
    let src = format!(
        "#set page(width: auto, height: auto, margin: 0pt)\n#image(\"{FILE}\", page: {page})\n"
    );
    let mut out = JobOutcome::default();
    let doc = engine
        .compile_source(src, PREVIEW_DIR, today, &[(FILE, pdf)], None, &mut out)
        .map_err(|d| {
            let mut all =
                Diagnostics::from(Diagnostic::error(crate::msg::raster_failed(name, page)));
            all.extend(d);
            all
        })?;
    let first = doc.pages().first().ok_or_else(|| {
        Diagnostics::from(Diagnostic::error(crate::msg::raster_failed(name, page)))
    })?;
    Ok(engine::raster::page_png(first, ppi))
}

fn engine_options(options: &BuildOptions) -> engine::Options {
    engine::Options {
        out_dir: options.out_dir.clone(),
        keep_typst: options.keep_typst,
        force: options.force,
        jobs: options.jobs,
        origin: None,
        on_done: options.on_done.clone(),
        bars: options.bars.clone(),
        archive: options.pdf_a.then(|| ARCHIVE_DIR.to_string()),
        keep: options.keep.clone(),
        memo_compiles: options.memo_compiles,
    }
}

/// Lays out the document written as `output` (e.g. "ke-hoach.pdf") without writing it, for
/// tools and tests that measure a layout ([`crate::inspect`]).
pub fn layout(project: &Project, output: &str) -> Result<PagedDocument, Diagnostics> {
    let p = prepare(project)?;
    let names = [output.to_string()];
    let jobs = documents::jobs_named(&p.data, &p.fonts, Settings::default(), &names);
    let Some(job) = jobs.iter().find(|j| j.name == output) else {
        return Err(Diagnostic::error(crate::msg::layout_no_output(output)).into());
    };
    let Work::Single(s) = &job.work else {
        return Err(Diagnostic::error(crate::msg::layout_batch(output)).into());
    };
    let engine = Engine::new(project, &p.fonts, engine::Options::default());
    engine.lay_out(job.today, s, &mut JobOutcome::default())
}
