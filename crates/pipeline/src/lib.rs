//! The one road from data to PDF: load (once) → rules (once) → documents (jobs) → engine →
//! `output/`. `build`, `check` and `calibrate` all start here; a later watch or preview loop
//! hands the jobs whose inputs changed to the same engine.

pub mod lock;
pub mod msg;
pub mod preview;
#[allow(unused_imports)]
pub(crate) use vinhdanh_core::{collate, diag, memory, project, slug, text, tone};
pub(crate) use vinhdanh_documents as documents;
pub(crate) use vinhdanh_engine::{self as engine, fonts, manifest};
pub(crate) use vinhdanh_load as load;
/// The declared data files, for `serve`'s watch list.
pub use vinhdanh_load::registry;
pub(crate) use vinhdanh_rules as rules;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::documents::Settings;
use crate::engine::{Engine, Job, JobOutcome, PagedDocument, Work, timed};
use crate::fonts::Fonts;
use crate::load::Data;
use crate::project::{Override, Project};
use crate::rules::CheckReport;
use vinhdanh_core::Coverage;

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
    /// Also the plan, invitations and decision laid out for electronic issuance, in
    /// `output/dien-tu/` (`build --dien-tu`).
    pub electronic: bool,
    /// Their PDFs with empty signature fields (`build --truong-ky`).
    pub fields: bool,
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
    /// Told who holds the output folder's lock when the command has to wait for it.
    pub lock_wait: Option<lock::LockWait>,
    /// [`engine::Options::part_size`] (`build --part-size`).
    pub part_size: usize,
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
    /// For each character no font has, the first data field holding it: found once, when the
    /// first engine of the command is made (a `check` needs none), shared by every engine.
    origins: std::sync::OnceLock<engine::Origin>,
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

/// Whether the spreadsheet at `path` reads as the delegate list and as the honoree list, by
/// the loader's own readers: the page's drop box tells which list a dropped file is from its
/// header row (`rel` names it in the readers' messages).
pub fn sheet_reads_as(path: &Path, rel: &str) -> (bool, bool) {
    (
        load::tables::delegates(path, rel).is_ok(),
        load::tables::honorees(path, rel).is_ok(),
    )
}

/// Loads every data file once and runs every rule once. A file that cannot be read or parsed
/// (or a date that does not exist) is an error here, which no `--force` overrides.
pub fn prepare(project: &Project) -> Result<Prepared, Diagnostics> {
    let mut timings = Timings::default();
    // The fonts and the embedded sample (which the rules compare data with) do not depend on
    // the clerk's data: read on another core while the data loads, they cost the start of
    // every build nothing in wall time (the default project: 291 M instructions before its
    // first document, one after the other; the data alone is 55 M of them).
    let (data, fonts) = std::thread::scope(|s| {
        let fonts = s.spawn(|| {
            let mut took = Duration::ZERO;
            let fonts = timed(&mut took, || Fonts::load(project));
            rules::warm();
            (fonts, took)
        });
        let data = timed(&mut timings.load, || load::load(project));
        let (fonts, took) = fonts
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        timings.fonts = took;
        (data, fonts)
    });
    let data = data?;
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
        origins: std::sync::OnceLock::new(),
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
    /// The run stopped at a cause every file would meet (a full disk, a read-only folder):
    /// told once, with the jobs it left unprinted. Those jobs are not in `failed` unless
    /// something else failed in them too.
    pub stopped: Option<Stopped>,
}

#[derive(Debug)]
pub struct Stopped {
    pub cause: Diagnostic,
    /// Jobs with files not written because of it, or not run at all.
    pub jobs: Vec<String>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.failed.is_empty() && self.stopped.is_none()
    }
}

/// One diagnostic for a run that stopped at a full disk or a read-only folder (it was 189 alike,
/// one per file, each with a hint about another cause): how many files it kept from being
/// written, how much room they take, how much the disk has. Removes those failures (and the
/// jobs never started) from `failed`.
fn stopped(
    failed: &mut Vec<(String, Diagnostics)>,
    outcomes: &[JobOutcome],
    out_dir: &Path,
) -> Option<Stopped> {
    let mut first: Option<Diagnostic> = None;
    let (mut files, mut jobs, mut not_run) = (0usize, Vec::new(), 0usize);
    for (name, diags) in failed.iter_mut() {
        let before = diags.0.len();
        let mut kept = Vec::new();
        for d in std::mem::take(&mut diags.0) {
            if engine::write::stops_the_build(&d) {
                files += 1;
                first.get_or_insert(d);
            } else if d.message == engine::msg::job_stopped(name) {
                not_run += 1;
            } else {
                kept.push(d);
            }
        }
        if kept.len() < before {
            jobs.push(name.clone());
        }
        diags.0 = kept;
    }
    failed.retain(|(_, d)| !d.is_empty());
    let first = first?;
    let full = first.hint.as_deref() == Some(engine::msg::disk_full_hint().as_str());
    let need: u64 = outcomes
        .iter()
        .filter(|o| jobs.contains(&o.name))
        .map(|o| o.bytes)
        .sum();
    let folder = first
        .location
        .as_ref()
        .map(|l| PathBuf::from(&l.file))
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| out_dir.to_path_buf());
    let message = if full {
        let free = engine::write::free_space(out_dir)
            .map(size)
            .unwrap_or_else(|| "?".into());
        crate::msg::stopped_disk_full(&out_dir.display(), files, not_run, &size(need), &free)
    } else {
        crate::msg::stopped_read_only(&folder.display(), files, not_run)
    };
    let cause = Diagnostic {
        message,
        location: None,
        ..first
    }
    .in_file(folder.display().to_string());
    Some(Stopped { cause, jobs })
}

/// Bytes for a clerk: "12,4 MB" (a decimal comma in Vietnamese).
fn size(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    let s = if mb >= 10.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    };
    match crate::msg::lang() {
        crate::msg::Lang::Vi => format!("{} MB", s.replace('.', ",")),
        crate::msg::Lang::En => format!("{s} MB"),
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
/// `--strict`. The one refusal policy of every command: `build`, `preview`, `calibrate` (on the
/// findings about the files its sheet is made from), `serve`, `watch`, and `check`'s exit status.
pub fn refuses(diags: &Diagnostics, options: &BuildOptions) -> bool {
    !options.force && (diags.has_errors() || (options.strict && diags.warnings().next().is_some()))
}

/// Why nothing was built.
#[derive(Debug)]
pub enum Refused {
    /// The data could not be read (no `--force` helps).
    Load(Diagnostics),
    /// The rules found errors (or warnings under `--strict`): their findings, and the names
    /// of the jobs that were not run (`serve` shows them as cards waiting).
    Rules(Diagnostics, Vec<String>),
    /// The command asked for something that does not exist (`--only` a name no job writes).
    Usage(Diagnostics),
    /// The data has nothing to make what was asked from (a calibration sheet without a
    /// decision).
    Nothing(Diagnostics),
}

impl Refused {
    pub fn diagnostics(&self) -> &Diagnostics {
        match self {
            Refused::Load(d) | Refused::Rules(d, _) | Refused::Usage(d) | Refused::Nothing(d) => d,
        }
    }
}

/// Which jobs a command runs.
#[derive(Debug, Clone, Default)]
pub enum Select {
    /// No job: the data judged only (`check`).
    Nothing,
    /// Every document's jobs (`build`, `serve`, `watch`).
    #[default]
    All,
    /// The jobs writing these outputs, by their names in `output/` (`build --only`,
    /// `preview --doc`).
    Outputs(Vec<String>),
    /// The calibration sheet for pre-printed certificate blanks (`calibrate`): refused only
    /// for findings about the files it is made from, not about the lists.
    Calibration,
}

/// The project loaded, judged once, and the jobs a command asked for.
pub struct Planned {
    pub prepared: Prepared,
    pub jobs: Vec<Job>,
}

/// The one road every command takes before the engine: load once, judge once, select the jobs,
/// apply the one refusal policy ([`refuses`]). A file that cannot be read is refused whatever
/// the options; a name no job writes is a misuse.
pub fn plan(project: &Project, which: &Select, options: &BuildOptions) -> Result<Planned, Refused> {
    let mut p = prepare(project).map_err(Refused::Load)?;
    if options.strict {
        // A value still the sample's is an error under `--strict`, not a warning among others.
        for d in &mut p.diags.0 {
            if d.code == Some(crate::diag::SAMPLE_VALUE) && d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    let t = Instant::now();
    let names: &[String] = match which {
        Select::Outputs(names) => names,
        _ => &options.only,
    };
    let phoi = options.phoi
        || names
            .iter()
            .any(|n| n == documents::certificate::PHOI_OUTPUT);
    let jobs = match which {
        Select::Nothing => Vec::new(),
        Select::Calibration => {
            let Some(job) = documents::certificate::calibration_job(&p.data) else {
                let d = Diagnostic::error(crate::msg::calibrate_no_decision(load::DECISION.path))
                    .in_file(load::DECISION.path);
                return Err(Refused::Nothing(d.into()));
            };
            vec![job]
        }
        Select::All | Select::Outputs(_) => {
            let electronic = options.electronic
                || names
                    .iter()
                    .any(|n| n.starts_with(&format!("{}/", documents::ELECTRONIC_DIR)));
            let settings = Settings {
                phoi,
                electronic,
                fields: options.fields,
            };
            documents::jobs_named(&p.data, &p.fonts, settings, names)
        }
    };
    // What the calibration sheet is made from is judged; the lists are not.
    let judged = match which {
        Select::Calibration => Diagnostics(
            p.diags
                .0
                .iter()
                .filter(|d| {
                    d.location
                        .as_ref()
                        .is_some_and(|l| jobs.iter().any(|j| j.inputs.contains(&l.file)))
                })
                .cloned()
                .collect(),
        ),
        _ => p.diags.clone(),
    };
    if !matches!(which, Select::Nothing) && refuses(&judged, options) {
        let names = jobs.iter().map(|j| j.name.clone()).collect();
        return Err(Refused::Rules(judged, names));
    }
    if matches!(which, Select::Calibration) {
        p.diags = judged;
    }
    let jobs = if names.is_empty() || matches!(which, Select::Calibration) {
        jobs
    } else {
        select(jobs, names).map_err(Refused::Usage)?
    };
    p.timings.jobs = t.elapsed();
    Ok(Planned { prepared: p, jobs })
}

/// What the layout itself finds in the data ([`documents::Document::measures`]: a name too
/// long for its box on a certificate), for `check`: those documents laid out, nothing
/// exported or written. `build` and `serve` get the same warnings from their own layouts.
pub fn measure(project: &Project, p: &Prepared) -> Diagnostics {
    let jobs = documents::measured_jobs(&p.data, &p.fonts, Settings::default());
    if jobs.is_empty() {
        return Diagnostics::default();
    }
    let options = BuildOptions {
        force: true,
        ..BuildOptions::default()
    };
    let mut engine = engine(project, p, &options);
    engine.options.lay_out_only = true;
    let mut found = Diagnostics::default();
    for o in engine.run(jobs) {
        // A missing glyph, laid out under `force`, comes as an error among the warnings: the
        // rules have already said it at its data.
        found
            .0
            .extend(o.warnings.0.into_iter().filter(|d| !d.is_error()));
    }
    found
}

/// The engine of a command, the same for all: the project's fonts, and for a character no font
/// has, the data fields that hold it (found by the rules), so its error points at the data.
pub fn engine<'a>(project: &'a Project, p: &'a Prepared, options: &BuildOptions) -> Engine<'a> {
    let mut eo = engine_options(options);
    let origin = p.origins.get_or_init(|| {
        let origins = rules::char_origins(&p.data, |c| !p.fonts.covers(c));
        std::sync::Arc::new(move |c| origins.get(&c).cloned())
    });
    eo.origin = Some(origin.clone());
    Engine::new(project, &p.fonts, eo)
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
    let select = match options.only.is_empty() {
        true => Select::All,
        false => Select::Outputs(options.only.clone()),
    };
    // The data is read under the lock: whoever writes last read the data last. A first build
    // that is refused takes back the output folder the lock made (it leaves none).
    let created = !options.out_dir.exists();
    let lock = lock::OutputLock::acquire(&options.out_dir, "vinhdanh build", &|h| {
        if let Some(w) = &options.lock_wait {
            (w.0)(h)
        }
    })
    .map_err(|e| Refused::Load(lock::failed(&options.out_dir, e).into()))?;
    let Planned { prepared, jobs } = match plan(project, &select, options) {
        Ok(p) => p,
        Err(refused) => {
            if created {
                lock.remove();
            }
            return Err(refused);
        }
    };
    planned(jobs.len());
    let jobs_time = prepared.timings.jobs;
    let mut report = run(project, &prepared, options, jobs).map_err(Refused::Load)?;
    report.timings.jobs = jobs_time;
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
    let engine = engine(project, p, options);

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
    report.stopped = stopped(&mut report.failed, &outcomes, &options.out_dir);
    if options.png
        && let Some(today) = today
    {
        make_previews(project, p, &outcomes, options, today, &mut report);
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
    project: &Project,
    p: &Prepared,
    outcomes: &[JobOutcome],
    options: &BuildOptions,
    today: chrono::NaiveDate,
    report: &mut Report,
) {
    // An engine of its own: the build's may keep Typst sources, which previews have none of.
    let plain = BuildOptions {
        jobs: options.jobs,
        ..BuildOptions::default()
    };
    let engine = &engine(project, p, &plain);
    let pdfs: Vec<&PathBuf> = outcomes.iter().flat_map(|o| o.written.iter()).collect();
    let band = draft_band(engine, &p.diags);
    let results = engine::pool::map(pdfs.len(), engine.workers(), |k| {
        let pdf = pdfs[k];
        let name = pdf.display().to_string();
        std::fs::read(pdf)
            .map_err(|e| {
                Diagnostic::error(e.to_string())
                    .in_file(name.clone())
                    .into()
            })
            .and_then(|bytes| pdf_page_png(engine, bytes, 1, PNG_PPI, today, &name, band.as_ref()))
            .and_then(|png| {
                let path = png_path(&options.out_dir, pdf);
                engine::write::atomic_write(&path, &png)
                    .map(|_| path)
                    .map_err(|e| Diagnostics::from(Diagnostic::from(e)))
            })
    });
    for r in results {
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
    band: Option<&engine::raster::Band>,
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
    Ok(engine::raster::page_png(first, ppi, band))
}

/// The band of the page images of data the rules refuse (`--force`, `serve`): `None` while
/// the data has no errors.
pub fn draft_band(engine: &Engine, diags: &Diagnostics) -> Option<engine::raster::Band> {
    let n = diags.errors().count();
    (n > 0)
        .then(|| engine.band(&crate::msg::draft_band(n)))
        .flatten()
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
        part_size: options.part_size,
        lay_out_only: false,
    }
}

/// Lays out the document written as `output` (e.g. "ke-hoach.pdf") without writing it, for
/// tools and tests that measure a layout ([`crate::inspect`]).
pub fn layout(project: &Project, output: &str) -> Result<PagedDocument, Diagnostics> {
    // Measured whatever the rules say, as `build --force` would print it.
    let options = BuildOptions {
        force: true,
        ..BuildOptions::default()
    };
    let select = Select::Outputs(vec![output.to_string()]);
    let Planned { prepared, jobs } = plan(project, &select, &options).map_err(|r| match r {
        Refused::Usage(_) => Diagnostic::error(crate::msg::layout_no_output(output)).into(),
        r => r.diagnostics().clone(),
    })?;
    let Some(job) = jobs.iter().find(|j| j.name == output) else {
        return Err(Diagnostic::error(crate::msg::layout_no_output(output)).into());
    };
    let Work::Single(s) = &job.work else {
        return Err(Diagnostic::error(crate::msg::layout_batch(output)).into());
    };
    engine(project, &prepared, &options).lay_out(job.today, s, &mut JobOutcome::default())
}
