//! Stage 4: the one typesetting engine. Documents describe [`Job`]s (template, context, output
//! name, inputs); this module renders them (minijinja), compiles them (our Typst `World`),
//! checks the laid-out pages (no glyph that no font has), exports them (typst-pdf) and writes
//! them (atomically). Every job goes through the same road, so `--keep-typst`, error mapping and
//! Typst's warnings are handled once, here. Jobs are independent and run concurrently on a
//! bounded set of plain threads with large stacks (not rayon's pool: typst waits with
//! `rayon::yield_now`, which can run another whole document on the same stack).

pub mod esign;
pub mod fonts;
pub mod inspect;
pub mod manifest;
pub mod msg;
#[allow(unused_imports)]
pub(crate) use vinhdanh_core::{collate, diag, memory, platform, project, slug, text, tone};

mod archive;
mod batch;
pub mod compile;
mod join;
mod parts;
pub mod pool;
pub mod raster;
pub mod render;
pub mod timings;
pub mod write;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use minijinja::{Environment, Value};
use typst::layout::{Frame, FrameItem};

pub use batch::{Batch, Record};
/// The laid-out pages the layers above hold (previews, the page's images), without depending
/// on Typst themselves.
pub use typst_layout::{Page, PagedDocument};

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::fonts::Fonts;
use crate::project::Project;

/// One unit of output: what `--only`, watch and preview rebuild.
pub struct Job {
    /// The output it writes, as the user names it: "ke-hoach.pdf", "giay-khen/".
    pub name: String,
    /// Project files the job reads besides its templates (data files), for rebuild decisions.
    /// The templates and images a compile actually read are reported in [`JobOutcome::read`].
    pub inputs: Vec<String>,
    /// The date Typst's `today()` returns: from data, so the same data gives the same bytes.
    pub today: NaiveDate,
    pub work: Work,
}

impl Job {
    /// A document of its own, written as `output` (which is also the job's name).
    pub fn single(
        template: &str,
        context: Value,
        output: &str,
        inputs: Vec<String>,
        today: NaiveDate,
    ) -> Self {
        Self {
            name: output.into(),
            inputs,
            today,
            work: Work::Single(Single::new(template, context, output)),
        }
    }
}

pub enum Work {
    Single(Single),
    Batch(Batch),
}

/// A document of its own.
pub struct Single {
    pub template: String,
    pub context: Value,
    /// File name inside the output folder.
    pub output: String,
    /// Lays the document out again when its page count asks for it: given the count, the new
    /// context, or `None` to keep the first layout (the booklet pads to a multiple of four).
    pub relayout: Option<Relayout>,
    /// A second document placing this one's pages (the imposed booklet).
    pub then: Option<Box<Derived>>,
    /// A list long enough to be laid out in bounded parts ([`Single::long_list`]).
    pub(crate) parts: Option<parts::Parts>,
    /// Issued electronically: signature fields and the metadata file ([`esign`]).
    pub esign: Option<esign::Esign>,
}

pub type Relayout = Box<dyn Fn(usize) -> Option<Value> + Send + Sync>;

/// A document made from another one's PDF, which its template reads at `embed_as`.
pub struct Derived {
    pub template: String,
    pub output: String,
    pub embed_as: String,
    /// Its context, from the first document's page count.
    pub context: Box<dyn Fn(usize) -> Value + Send + Sync>,
}

impl Single {
    pub fn new(template: &str, context: Value, output: &str) -> Self {
        Self {
            template: template.into(),
            context,
            output: output.into(),
            relayout: None,
            then: None,
            parts: None,
            esign: None,
        }
    }
}

/// A laid-out document handed out while a job runs, for tools that show pages (`serve`): the
/// engine keeps nothing itself, so memory stays that of a build.
pub struct Laid<'a> {
    /// The job's name ("giay-khen/").
    pub job: &'a str,
    /// The file these pages are written to ("ke-hoach.pdf", the print file of a batch).
    pub output: &'a str,
    /// Which compile of the job (a batch's chunk, from 0); a document of its own is part 0.
    pub part: usize,
    pub doc: &'a PagedDocument,
    /// A batch's records in this part: label, file under the output folder, pages (1-based).
    pub records: Vec<LaidRecord>,
    /// The job's whole document of its own, laid out in one piece and not yet exported (not a
    /// part of a long list, a batch's chunk or a document made from its pages): a page can
    /// show it at once, before its PDF is written.
    pub whole: bool,
}

pub struct LaidRecord {
    pub label: String,
    pub file: Option<String>,
    pub first: usize,
    pub last: usize,
}

/// Called with every document a job lays out and writes (see [`Laid`]).
#[derive(Clone)]
pub struct Keep(pub std::sync::Arc<dyn Fn(&Laid) + Send + Sync>);

impl std::fmt::Debug for Keep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keep")
    }
}

/// Where a character came from in data (its location and field path), if it did.
pub type Origin = std::sync::Arc<dyn Fn(char) -> Option<(Location, String)> + Send + Sync>;

#[derive(Clone, Default)]
pub struct Options {
    pub out_dir: PathBuf,
    /// Also write the generated Typst (`output/typst/`), one file per compile.
    pub keep_typst: bool,
    /// Write a document even when its pages show a character no font has (`build --force`).
    pub force: bool,
    /// Jobs run at once (0: the number of cores).
    pub jobs: usize,
    /// Finds the data field a character of the laid-out pages came from, so a glyph that no
    /// font has is reported at that field too (the engine itself knows no data).
    pub origin: Option<Origin>,
    /// Told of each job as it finishes (progress bars, log lines).
    pub on_done: Option<OnDone>,
    /// Where batch progress bars draw, beside the caller's own (hidden under `--quiet`).
    pub bars: Option<indicatif::MultiProgress>,
    /// Also write a PDF/A-2b copy of every document of its own into this folder of the output
    /// (`build --pdf-a`), dated from data.
    pub archive: Option<String>,
    /// Hands out each laid-out document (live preview).
    pub keep: Option<Keep>,
    /// Compiles per worker whose memoized layout results stay cached after each compile (0:
    /// [`compile::MEMO_COMPILES`]). A live preview keeps more: its next save lays out the same
    /// documents again, mostly from this cache.
    pub memo_compiles: usize,
    /// Items per compile of a document laid out in parts ([`parts::size`]); 0: the document's
    /// own.
    pub part_size: usize,
    /// Lay batches out without exporting or writing anything: what the layout measured (a
    /// name too long for its box) for `check`.
    pub lay_out_only: bool,
}

/// A callback for finished jobs.
#[derive(Clone)]
pub struct OnDone(pub std::sync::Arc<dyn Fn(&JobOutcome) + Send + Sync>);

impl std::fmt::Debug for OnDone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnDone")
    }
}

/// What one job did.
#[derive(Debug, Default)]
pub struct JobOutcome {
    pub name: String,
    pub written: Vec<PathBuf>,
    /// Errors: the document, or some of its records, were not written.
    pub errors: Diagnostics,
    /// Typst's warnings (with their template line) and the engine's notes.
    pub warnings: Diagnostics,
    /// Pages of the job's own document (all records of a batch).
    pub pages: usize,
    /// Documents made from the job's pages (the booklet's imposed print copy): file and page
    /// count. Apart from `pages`, which tells the pages of the file the job is named after.
    pub made: Vec<(String, usize)>,
    /// Project files the compiles read (templates, libraries, images).
    pub read: BTreeSet<String>,
    pub elapsed: Duration,
    /// PDF/A copies written (`Options::archive`), apart from `written`.
    pub archived: Vec<PathBuf>,
    /// Where the job's time went, phase by phase (for `bench`; a few clock reads per compile).
    pub phases: Phases,
    /// Bytes of the PDFs the job made, written or not (what a full disk would have needed).
    pub bytes: u64,
}

impl JobOutcome {
    /// Adds what a part of the job did (a batch's chunk, laid out on another thread).
    pub fn merge(&mut self, part: JobOutcome) {
        self.written.extend(part.written);
        self.errors.extend(part.errors);
        self.warnings.extend(part.warnings);
        self.pages += part.pages;
        self.made.extend(part.made);
        self.read.extend(part.read);
        self.archived.extend(part.archived);
        self.phases.add(&part.phases);
        self.bytes += part.bytes;
    }
}

/// Time per phase of a job, summed over the threads that worked on it (so the phases of a
/// batch whose exports ran on two threads can add up to more than its wall time).
#[derive(Debug, Default, Clone, Copy)]
pub struct Phases {
    /// minijinja: template → Typst source.
    pub render: Duration,
    /// Typst: parse, evaluate, lay out.
    pub compile: Duration,
    /// typst-pdf: font subsetting, compression, serialisation.
    pub export: Duration,
    /// Atomic writes of the PDFs.
    pub write: Duration,
    /// Joining the chunks of a batch into its print file.
    pub join: Duration,
}

impl Phases {
    pub fn add(&mut self, o: &Phases) {
        self.render += o.render;
        self.compile += o.compile;
        self.export += o.export;
        self.write += o.write;
        self.join += o.join;
    }
}

/// Runs `f`, adding its time to `slot`.
pub fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let r = f();
    *slot += t.elapsed();
    r
}

/// How one compile runs, beside its source ([`Engine::compile_source_as`]).
#[derive(Clone, Copy)]
pub(crate) struct How {
    /// The compile's number among a job's compiles of one template (a batch's chunks), which
    /// names its file under `--keep-typst`.
    pub part: Option<usize>,
    /// Written to `output/typst/` under `--keep-typst` (not a record laid out again).
    pub keep: bool,
    /// Page numbers left out ([`compile::DocWorld::page_numbers_later`]).
    pub numbers_later: bool,
}

/// The engine of one project: its fonts, its templates and where output goes.
pub struct Engine<'a> {
    pub project: &'a Project,
    pub fonts: &'a Fonts,
    pub env: Environment<'static>,
    pub options: Options,
}

impl<'a> Engine<'a> {
    pub fn new(project: &'a Project, fonts: &'a Fonts, options: Options) -> Self {
        Self {
            project,
            fonts,
            env: render::environment(project),
            options,
        }
    }

    /// The age past which memoized results go ([`compile::evict`]).
    pub(crate) fn memo_age(&self) -> usize {
        let per_worker = match self.options.memo_compiles {
            0 => compile::MEMO_COMPILES,
            n => n,
        };
        per_worker * self.workers().max(1)
    }

    /// Documents laid out at once: `options.jobs`, or the number of cores.
    pub fn workers(&self) -> usize {
        match self.options.jobs {
            0 => pool::cores(),
            j => j,
        }
    }

    /// Runs every job, at most `options.jobs` at a time; outcomes in the jobs' order.
    ///
    /// A write error that every other file would meet too ([`write::stops_the_build`]: a full
    /// disk, a read-only folder) stops the run: the jobs not started yet are not laid out, each
    /// failing with [`msg::job_stopped`], and the cause is told once (`pipeline::run_partly`).
    pub fn run(&self, jobs: Vec<Job>) -> Vec<JobOutcome> {
        let stop = std::sync::atomic::AtomicBool::new(false);
        pool::map(jobs.len(), self.workers(), |k| {
            let outcome = if stop.load(std::sync::atomic::Ordering::Relaxed) {
                JobOutcome {
                    name: jobs[k].name.clone(),
                    errors: Diagnostic::error(crate::msg::job_stopped(&jobs[k].name)).into(),
                    ..JobOutcome::default()
                }
            } else {
                vinhdanh_core::trace!("job-start {}", jobs[k].name);
                let o = self.run_one(&jobs[k]);
                vinhdanh_core::trace!("job-done {}", jobs[k].name);
                o
            };
            if outcome.errors.0.iter().any(write::stops_the_build) {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            if let Some(f) = &self.options.on_done {
                (f.0)(&outcome);
            }
            outcome
        })
    }

    /// Runs one job on the calling thread.
    pub fn run_one(&self, job: &Job) -> JobOutcome {
        let start = Instant::now();
        let mut out = JobOutcome {
            name: job.name.clone(),
            ..JobOutcome::default()
        };
        match &job.work {
            Work::Single(s) => self.single(job, s, &mut out),
            Work::Batch(b) => batch::run(self, job, b, &mut out),
        }
        out.warnings = dedup(std::mem::take(&mut out.warnings));
        out.elapsed = start.elapsed();
        out
    }

    fn single(&self, job: &Job, s: &Single, out: &mut JobOutcome) {
        let result = (|| -> Result<(), Diagnostics> {
            // A long list in bounded parts; a document laid out again for its page count only
            // when its parts say how (the last part again).
            if let Some(p) = s
                .parts
                .as_ref()
                .filter(|p| p.items > parts::size(p, self.options.part_size))
                && (s.relayout.is_none() || p.relayout.is_some())
                && let Some((pdf, pages)) = parts::run(self, job, s, p, out)?
            {
                out.pages += pages;
                return self.write_single(job, s, None, pdf, pages, out);
            }
            let doc = self.lay_out(job.today, s, out)?;
            let pages = doc.pages().len();
            out.pages += pages;
            // A document of its own has no record to locate a field in.
            for (_, w) in layout_warnings(&doc) {
                out.warnings.push(Diagnostic { field: None, ..w });
            }
            self.check_glyphs(&doc, &s.output, 1..=pages, out)?;
            self.keep_whole(job, &s.output, &doc);
            let pdf = timed(&mut out.phases.export, || {
                compile::pdf(&doc, &s.output, None, true)
            })?;
            let pdf = Self::with_fields(s.esign.as_ref(), &doc, pdf, &s.output)?;
            self.write_single(job, s, Some(doc), pdf, pages, out)
        })();
        if let Err(e) = result {
            out.errors.extend(e);
        }
    }

    /// Writes a document of its own, its archive copy (from `doc`, when laid out whole) and what
    /// is made from its pages.
    fn write_single(
        &self,
        job: &Job,
        s: &Single,
        doc: Option<PagedDocument>,
        pdf: Vec<u8>,
        pages: usize,
        out: &mut JobOutcome,
    ) -> Result<(), Diagnostics> {
        {
            out.bytes += pdf.len() as u64;
            let path = timed(&mut out.phases.write, || self.write(&s.output, &pdf))?;
            out.written.push(path);
            if let Some(e) = &s.esign {
                if e.fields && doc.is_none() {
                    out.warnings
                        .push(Diagnostic::warning(crate::msg::parted_no_fields(&s.output)));
                }
                if let Some(m) = &e.metadata {
                    let name = esign::metadata_name(&s.output);
                    let path = self.write(&name, m(pages).as_bytes())?;
                    out.written.push(path);
                }
            }
            // A copy PDF/A refuses is an error of its own: the document and what is made
            // from it are still written.
            match (&self.options.archive, doc) {
                (Some(dir), Some(doc)) => {
                    let areas = esign::areas(&doc);
                    match archive::pdf_a(doc, &s.output, job.today, &out.read)
                        .and_then(|bytes| match s.esign.as_ref().filter(|e| e.fields) {
                            Some(_) => esign::add_fields(&bytes, &areas).map_err(|e| {
                                Diagnostic::error(crate::msg::fields_failed(&s.output, &e)).into()
                            }),
                            None => Ok(bytes),
                        })
                        .and_then(|bytes| self.write(&format!("{dir}/{}", s.output), &bytes))
                    {
                        Ok(path) => out.archived.push(path),
                        Err(e) => out.errors.extend(e),
                    }
                }
                (Some(_), None) => out.warnings.push(
                    Diagnostic::warning(crate::msg::parted_no_archive(&s.output))
                        .hint(crate::msg::parted_no_archive_hint()),
                ),
                (None, doc) => drop(doc),
            }
            if let Some(d) = &s.then {
                let files = [(d.embed_as.as_str(), pdf)];
                let doc = self.typeset(&d.template, (d.context)(pages), job.today, &files, out)?;
                // Placed pages of another PDF: untagged (see `compile::pdf`).
                let pdf = timed(&mut out.phases.export, || {
                    compile::pdf(&doc, &d.output, None, false)
                })?;
                out.made.push((d.output.clone(), doc.pages().len()));
                self.keep(job, &d.output, 0, &doc, Vec::new());
                let path = timed(&mut out.phases.write, || self.write(&d.output, &pdf))?;
                out.written.push(path);
            }
            Ok(())
        }
    }

    /// `pdf` with the empty signature fields `e` asks for, over the areas marked in `doc`.
    pub(crate) fn with_fields(
        e: Option<&esign::Esign>,
        doc: &PagedDocument,
        pdf: Vec<u8>,
        name: &str,
    ) -> Result<Vec<u8>, Diagnostics> {
        let Some(e) = e else { return Ok(pdf) };
        let areas = if e.fields {
            esign::areas(doc)
        } else {
            Vec::new()
        };
        let xmp = e.xmp.as_ref().map(|f| f(doc.pages().len()));
        esign::update(&pdf, &areas, xmp.as_deref())
            .map_err(|e| Diagnostic::error(crate::msg::fields_failed(name, &e)).into())
    }

    /// Hands a laid-out document to [`Options::keep`], if set.
    pub(crate) fn keep(
        &self,
        job: &Job,
        output: &str,
        part: usize,
        doc: &PagedDocument,
        records: Vec<LaidRecord>,
    ) {
        if let Some(Keep(f)) = &self.options.keep {
            f(&Laid {
                job: &job.name,
                output,
                part,
                doc,
                records,
                whole: false,
            });
        }
    }

    /// [`Self::keep`] for a document of its own laid out whole, before its export
    /// ([`Laid::whole`]).
    fn keep_whole(&self, job: &Job, output: &str, doc: &PagedDocument) {
        if let Some(Keep(f)) = &self.options.keep {
            f(&Laid {
                job: &job.name,
                output,
                part: 0,
                doc,
                records: Vec::new(),
                whole: true,
            });
        }
    }

    /// Lays out a document of its own (twice when its page count asks for it), unwritten.
    pub fn lay_out(
        &self,
        today: NaiveDate,
        s: &Single,
        out: &mut JobOutcome,
    ) -> Result<PagedDocument, Diagnostics> {
        let doc = self.typeset(&s.template, s.context.clone(), today, &[], out)?;
        match s.relayout.as_ref().and_then(|f| f(doc.pages().len())) {
            Some(ctx) => self.typeset(&s.template, ctx, today, &[], out),
            None => Ok(doc),
        }
    }

    /// Renders `template` and lays it out; `files` are served at absolute paths besides the
    /// project's. Warnings go to `out`, errors are returned.
    pub fn typeset(
        &self,
        template: &str,
        ctx: Value,
        today: NaiveDate,
        files: &[(&str, Vec<u8>)],
        out: &mut JobOutcome,
    ) -> Result<PagedDocument, Diagnostics> {
        let source = timed(&mut out.phases.render, || {
            render::render(&self.env, template, ctx)
        })?;
        out.read.insert(format!("templates/{template}"));
        self.compile_source(source, template, today, files, None, out)
    }

    /// The band drawn across the page images of a draft ([`raster::Band`]), in the project's
    /// fonts; `None` if it cannot be laid out (the images then go without it).
    pub fn band(&self, text: &str) -> Option<raster::Band> {
        let mut out = JobOutcome::default();
        let today = chrono::Utc::now().date_naive();
        let source = raster::Band::source(text);
        let doc = self
            .compile_source(source, "band", today, &[], None, &mut out)
            .ok()?;
        doc.pages().first().cloned().map(raster::Band::new)
    }

    /// Compiles generated Typst. `part` numbers the compiles of one template in a job (batch
    /// chunks), so `--keep-typst` keeps each one.
    pub fn compile_source(
        &self,
        source: String,
        template: &str,
        today: NaiveDate,
        files: &[(&str, Vec<u8>)],
        part: Option<usize>,
        out: &mut JobOutcome,
    ) -> Result<PagedDocument, Diagnostics> {
        let how = How {
            part,
            keep: true,
            numbers_later: false,
        };
        self.compile_source_as(source, template, today, files, how, out)
    }

    /// [`Self::compile_source`], `how` a batch's chunk asks for it.
    pub(crate) fn compile_source_as(
        &self,
        source: String,
        template: &str,
        today: NaiveDate,
        files: &[(&str, Vec<u8>)],
        how: How,
        out: &mut JobOutcome,
    ) -> Result<PagedDocument, Diagnostics> {
        if self.options.keep_typst && how.keep {
            let stem = template.trim_end_matches(".j2").trim_end_matches(".typ");
            let name = match how.part {
                Some(k) => format!("{stem}-{k:03}.typ"),
                None => format!("{stem}.typ"),
            };
            let path = self.options.out_dir.join("typst").join(name);
            if let Err(e) = write::atomic_write(&path, source.as_bytes()) {
                out.warnings.push(e.into());
            }
        }
        let mut world = compile::DocWorld::new(self.project, self.fonts, source, today);
        if how.numbers_later {
            world = world.page_numbers_later();
        }
        for (path, bytes) in files {
            world = world.with_file(path, bytes.clone());
        }
        let result = timed(&mut out.phases.compile, || {
            let r = compile::compile(&world, template);
            compile::evict(self.memo_age());
            r
        });
        out.read.extend(world.read_files());
        match result {
            Ok((doc, warnings)) => {
                out.warnings.extend(Diagnostics(warnings));
                Ok(doc)
            }
            Err(errors) => Err(Diagnostics(errors)),
        }
    }

    /// A glyph that no font has (id 0) anywhere on `pages` of `doc`: an error naming the
    /// document and the page, so a blank box never prints silently. `--force` writes anyway.
    pub(crate) fn check_glyphs(
        &self,
        doc: &PagedDocument,
        document: &str,
        pages: std::ops::RangeInclusive<usize>,
        out: &mut JobOutcome,
    ) -> Result<(), Diagnostics> {
        let mut found = Diagnostics::default();
        for (i, page) in doc.pages().iter().enumerate() {
            if !pages.contains(&(i + 1)) {
                continue;
            }
            let mut missing = BTreeSet::new();
            missing_glyphs(&page.frame, &mut missing);
            for c in missing {
                let mut d = Diagnostic::error(crate::msg::page_missing_glyph(
                    i + 1 - pages.start() + 1,
                    document,
                    c,
                    c as u32,
                ))
                .hint(crate::msg::page_missing_glyph_hint());
                if let Some((loc, field)) = self.options.origin.as_ref().and_then(|f| f(c)) {
                    d = d.at(loc).field(field);
                }
                found.push(d);
            }
        }
        if found.is_empty() {
            Ok(())
        } else if self.options.force {
            out.warnings.extend(found);
            Ok(())
        } else {
            Err(found)
        }
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, Diagnostics> {
        let path = self.options.out_dir.join(name);
        write::atomic_write(&path, bytes).map_err(|e| Diagnostics::from(Diagnostic::from(e)))?;
        Ok(path)
    }
}

fn missing_glyphs(frame: &Frame, out: &mut BTreeSet<char>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => missing_glyphs(&g.frame, out),
            FrameItem::Text(t) => {
                for g in t.glyphs.iter().filter(|g| g.id == 0) {
                    if let Some(c) = t.text.get(g.range()).and_then(|s| s.chars().next())
                        && !c.is_whitespace()
                        && !c.is_control()
                    {
                        out.insert(c);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Label of the metadata a template places where the layout itself found a problem (a name
/// printed smaller than its minimum size, or on two lines): `(field, message, hint)`.
pub(crate) const WARNING_LABEL: &str = "vinhdanh-warning";

/// The warnings a laid-out document carries, with the page each is on (1-based). `field` of
/// each warning is the template's field name ("name"), for the documents layer to locate.
pub(crate) fn layout_warnings(doc: &PagedDocument) -> Vec<(usize, Diagnostic)> {
    use typst::foundations::{Dict, Label, Selector};
    use typst::introspection::Introspector;
    let intro = doc.introspector();
    let Some(label) = Label::new(typst::utils::PicoStr::intern(WARNING_LABEL)) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, Diagnostic)> = intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let page = intro.page(c.location()?)?.get();
            let dict = c.get_by_name("value").ok()?.cast::<Dict>().ok()?;
            let text = |k: &str| {
                dict.get(k)
                    .ok()
                    .and_then(|v| v.clone().cast::<typst::foundations::Str>().ok())
                    .map(|s| s.to_string())
            };
            let mut d = Diagnostic::warning(text("message")?);
            if let Some(h) = text("hint") {
                d = d.hint(h);
            }
            if let Some(f) = text("field") {
                d = d.field(f);
            }
            Some((page, d))
        })
        .collect();
    found.sort_by_key(|(p, _)| *p);
    found
}

/// The same warning from every record of a batch is one warning.
fn dedup(d: Diagnostics) -> Diagnostics {
    let mut seen = std::collections::HashSet::new();
    Diagnostics(
        d.0.into_iter()
            .filter(|x| seen.insert(x.to_string()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template's `<vinhdanh-warning>` metadata comes back as a warning with its page, its
    /// hint and the field it names; other metadata is not a warning.
    #[test]
    fn layout_warnings_are_read_from_labelled_metadata() {
        let project = Project::embedded();
        let fonts = Fonts::load(&project);
        let engine = Engine::new(&project, &fonts, Options::default());
        let today = NaiveDate::from_ymd_opt(2025, 8, 22).unwrap();
        let src = "A\n#metadata((field: \"x\")) <other>\n#pagebreak()\nB #metadata((field: \"name\", message: \"tên dài\", hint: \"rút gọn\")) <vinhdanh-warning>".to_string();
        let mut out = JobOutcome::default();
        let doc = engine
            .compile_source(src, "t.typ.j2", today, &[], None, &mut out)
            .unwrap();
        let found = layout_warnings(&doc);
        assert_eq!(found.len(), 1, "{found:?}");
        let (page, d) = &found[0];
        assert_eq!(*page, 2);
        assert!(!d.is_error());
        assert_eq!(d.message, "tên dài");
        assert_eq!(d.hint.as_deref(), Some("rút gọn"));
        assert_eq!(d.field.as_deref(), Some("name"));
    }

    /// A character no embedded font has is laid out as glyph 0: found, with its page.
    #[test]
    fn glyph_zero_is_found_on_its_page() {
        let project = Project::embedded();
        let fonts = Fonts::load(&project);
        let engine = Engine::new(&project, &fonts, Options::default());
        let today = NaiveDate::from_ymd_opt(2025, 8, 22).unwrap();
        let src = "#set text(font: \"Tinos\")\nMột\n#pagebreak()\nHai 計 ba".to_string();
        let mut out = JobOutcome::default();
        let doc = engine
            .compile_source(src, "t.typ.j2", today, &[], None, &mut out)
            .unwrap();
        let mut found = BTreeSet::new();
        missing_glyphs(&doc.pages()[1].frame, &mut found);
        assert_eq!(found, BTreeSet::from(['計']));
        let err = engine
            .check_glyphs(&doc, "t.pdf", 1..=2, &mut out)
            .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("trang 2 của t.pdf"), "{text}");
        assert!(text.contains("U+8A08"), "{text}");
    }
}
