//! The batch engine for one-document-per-record outputs (invitations, certificates).
//!
//! A batch template has two blocks: `preamble` (imports, page set-up; rendered once) and
//! `record` (one record's pages; rendered per record with `record` in the context). All records
//! are compiled as ONE Typst document, each starting on a fresh page with its own page counter,
//! so fonts and templates are parsed and laid out once; each record's pages are then exported
//! as its own PDF (its own PDF id), and the whole document as the print file. If that single
//! compile fails, every record is compiled alone, so the failing ones are named and the others
//! still printed. A batch of several chunks lays them out concurrently (as many as `--jobs`),
//! on plain threads with large stacks, and exports each chunk's records on a few plain worker
//! threads (no rayon: typst's own waits on the global pool overflow the stack); comemo's cache
//! is evicted after each compile.

use std::collections::BTreeMap;

use minijinja::{Value, context};
use typst::foundations::{Label, Selector};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::{Engine, Job, JobOutcome, Phases, compile, join, pool, render, timed, write};
use crate::diag::{Diagnostic, Diagnostics, Location};

/// One record of a batch.
#[derive(Debug, Clone)]
pub struct Record {
    /// Stable id: the PDF document id and the key in messages.
    pub id: String,
    /// File name inside the batch folder ("001-nguyen-van-an.pdf").
    pub file_name: String,
    /// How a person names the record in messages ("Nguyễn Văn An (db-001)").
    pub label: String,
    /// The template's `record`.
    pub value: Value,
    /// Where the record's fields are in data, by the field name a template warns about
    /// ("name" → honorees.yaml:12:9 and "honorees[3].name"), so a layout warning points there.
    pub origins: BTreeMap<String, (Location, String)>,
}

pub struct Batch {
    pub template: String,
    /// Context shared by all records (the preamble sees only this).
    pub shared: Value,
    pub records: Vec<Record>,
    /// Folder under the output directory for the per-record files ("giay-moi"); `None` when
    /// only the print file is wanted (the phôi overlay).
    pub dir: Option<String>,
    /// Name of the all-records print file ("giay-moi.pdf"), if wanted.
    pub merged: Option<String>,
    /// Issued electronically: each record's file with its signature fields and metadata file
    /// ([`crate::esign`]).
    pub esign: Option<crate::esign::Esign>,
}

/// A record that failed: its problems, each labelled with the record.
fn failed(out: &mut JobOutcome, label: &str, d: Diagnostics) {
    for x in d.0 {
        let x = if x.record.is_none() {
            x.record(label.to_string())
        } else {
            x
        };
        out.errors.push(x);
    }
}

const MARK: &str = "vd-record";

pub(crate) fn run(engine: &Engine, job: &Job, batch: &Batch, out: &mut JobOutcome) {
    let template = batch.template.as_str();
    out.read.insert(format!("templates/{template}"));
    let tmpl = match engine.env.get_template(template) {
        Ok(t) => t,
        Err(e) => {
            out.errors.push(render::template_error(template, &e));
            return;
        }
    };
    // Capturing a block evaluates the template's top level, which renders the `record` block
    // too: under strict undefined it needs a `record`, so the preamble pass gets the first one
    // (the preamble itself must not use it).
    let preamble_ctx = match batch.records.first() {
        Some(r) => context! { record => r.value.clone(), ..batch.shared.clone() },
        None => batch.shared.clone(),
    };
    let render_start = std::time::Instant::now();
    let preamble = match render_block(&tmpl, preamble_ctx, "preamble") {
        Ok(p) => p,
        Err(e) => {
            out.errors.push(render::template_error(template, &e));
            return;
        }
    };
    out.phases.render += render_start.elapsed();
    let source = |items: &[(usize, String)]| {
        let mut s = preamble.clone();
        for (k, (i, body)) in items.iter().enumerate() {
            // The page counter is reset at the END of the previous record: a header reads the
            // counter as it stands at the top of its page, before anything on that page runs.
            if k > 0 {
                s.push_str("\n#counter(page).update(0)\n#pagebreak()");
            }
            s.push_str(&format!("\n#metadata({i}) <{MARK}>\n"));
            s.push_str(body);
        }
        s
    };
    let out_dir = engine
        .options
        .out_dir
        .join(batch.dir.as_deref().unwrap_or_default());
    if !engine.options.lay_out_only
        && let Err(e) = write::ensure_dir(&out_dir)
    {
        out.errors.push(e.into());
        return;
    }

    // Records are compiled in chunks: one compile per chunk keeps fonts and templates parsed
    // once per chunk, and evicting comemo's cache between chunks bounds memory (a single
    // 1,000-page compile peaked at 1.4 GB; chunks of 100 stay near 200 MB). Chunks are laid out
    // and exported concurrently, as many at once as the build runs jobs (`--jobs`, default the
    // cores), so a long batch is not the one job left running on one core at the end.
    let merged = batch
        .merged
        .as_ref()
        .map(|m| engine.options.out_dir.join(m));
    let records = batch.records.len();
    let bar = progress(engine, records as u64, &job.name);
    // As many chunks as CHUNK asks for, of even sizes: 139 invitations as 70 and 69 keep both
    // cores busy to the end, where 100 and 39 left one core alone with the last 61.
    let size = records.div_ceil(records.div_ceil(CHUNK).max(1)).max(1);
    let chunks = records.div_ceil(size);
    let done = pool::map(chunks, engine.workers(), |k| {
        let mut mine = JobOutcome::default();
        // A chunk's records are rendered when the chunk starts, not all before the first: the
        // Typst of 10,000 invitations (6.4 KB each) was held through the whole batch. A record
        // whose block fails is reported and left out of its chunk.
        let render_start = std::time::Instant::now();
        let mut bodies: Vec<Body> = Vec::new();
        for i in k * size..((k + 1) * size).min(records) {
            let r = &batch.records[i];
            let ctx = context! { record => r.value.clone(), ..batch.shared.clone() };
            match render_block(&tmpl, ctx, "record") {
                Ok(b) => bodies.push((i, b)),
                Err(e) => {
                    failed(
                        &mut mine,
                        &r.label,
                        render::template_error(template, &e).into(),
                    );
                    bar.inc(1);
                }
            }
        }
        mine.phases.render += render_start.elapsed();
        if bodies.is_empty() {
            return (mine, None);
        }
        let c = Chunk {
            engine,
            job,
            batch,
            source: &source,
            part: k + 1,
        };
        let print = c.run(k, &bodies, &out_dir, &bar, &mut mine);
        // The chunk's part of the print file waits for the join on disk, beside the print
        // file: held in memory, the parts of 10,000 invitations (50 MB) stayed to the end.
        let print = print.zip(merged.as_deref()).map(|(print, path)| {
            let bytes = print?;
            timed(&mut mine.phases.write, || write::spill(path, &bytes)).map_err(Diagnostic::from)
        });
        (mine, print)
    });
    let mut parts: Vec<tempfile::NamedTempFile> = Vec::new();
    for (mine, print) in done {
        out.merge(mine);
        match print {
            Some(Ok(part)) => parts.push(part),
            Some(Err(d)) => out.errors.push(d),
            None => {}
        }
    }
    bar.finish_and_clear();
    if let Some(path) = &merged
        && !parts.is_empty()
    {
        let staged = timed(&mut out.phases.join, || join::join_files(parts, path));
        let written = staged.and_then(|s| {
            let mut done = timed(&mut out.phases.write, || write::commit(vec![s]));
            done.pop().expect("one file").map_err(Diagnostic::from)
        });
        match written {
            Ok(path) => out.written.push(path),
            Err(d) => out.errors.push(d),
        }
    }
    compile::evict(engine.memo_age());
}

/// Renders one block of a batch template. minijinja renders a block of a captured state, and
/// capturing evaluates the top level (both blocks) once more: twice the rendering of one
/// record, negligible next to its compile.
fn render_block(
    tmpl: &minijinja::Template,
    ctx: Value,
    block: &str,
) -> Result<String, minijinja::Error> {
    tmpl.render_captured(ctx)?
        .with_state_mut(|state| state.render_block(block))
}

/// Records per compile: large enough that fonts and templates are laid out once per hundred
/// documents, small enough that a chunk's layout fits in a couple of hundred megabytes.
pub(crate) const CHUNK: usize = 100;

/// A record's rendered Typst, with the record's index.
type Body = (usize, String);

/// One chunk of a batch being compiled.
struct Chunk<'a> {
    engine: &'a Engine<'a>,
    job: &'a Job,
    batch: &'a Batch,
    source: &'a dyn Fn(&[Body]) -> String,
    /// Number of the chunk in the job (for `--keep-typst`).
    part: usize,
}

impl Chunk<'_> {
    /// Lays out chunk `k`, reports its layout warnings and missing glyphs, and exports its
    /// records' files and its part of the print file (returned, when the batch has one).
    fn run(
        &self,
        k: usize,
        chunk: &[Body],
        out_dir: &std::path::Path,
        bar: &indicatif::ProgressBar,
        out: &mut JobOutcome,
    ) -> Option<Result<Vec<u8>, Diagnostic>> {
        let (engine, job, batch) = (self.engine, self.job, self.batch);
        let Some((doc, ok_items)) = self.compile(chunk, out) else {
            bar.inc(chunk.len() as u64);
            compile::evict(engine.memo_age());
            return None;
        };
        vinhdanh_core::trace!("chunk-compiled {} {}", job.name, chunk.len());
        let ranges = record_pages(&doc);
        for (page, w) in super::layout_warnings(&doc) {
            let Some(&(i, _)) = ranges.iter().find(|(_, (a, b))| (*a..=*b).contains(&page)) else {
                out.warnings.push(Diagnostic { field: None, ..w });
                continue;
            };
            let r = &batch.records[i];
            let mut w = w.record(r.label.clone());
            match w.field.take().and_then(|f| r.origins.get(&f)) {
                Some((loc, path)) => w = w.at(loc.clone()).field(path.clone()),
                None => w.field = None,
            }
            out.warnings.push(w);
        }
        let mut jobs: Vec<(usize, (usize, usize))> = Vec::new();
        for &i in &ok_items {
            let Some(&(_, range)) = ranges.iter().find(|(j, _)| *j == i) else {
                continue;
            };
            let label = &batch.records[i].label;
            match engine.check_glyphs(&doc, label, range.0..=range.1, out) {
                Ok(()) => jobs.push((i, range)),
                Err(d) => failed(out, label, d),
            }
        }
        out.pages += doc.pages().len();
        if engine.options.keep.is_some() {
            let laid = jobs
                .iter()
                .map(|&(i, (first, last))| {
                    let r = &batch.records[i];
                    super::LaidRecord {
                        label: r.label.clone(),
                        file: batch.dir.as_ref().map(|d| format!("{d}/{}", r.file_name)),
                        first,
                        last,
                    }
                })
                .collect();
            let output = batch.merged.as_deref().unwrap_or(&job.name);
            engine.keep(job, output, k, &doc, laid);
        }
        if engine.options.lay_out_only {
            bar.inc(chunk.len() as u64);
            drop(doc);
            compile::evict(engine.memo_age());
            return None;
        }
        if batch.dir.is_none() {
            jobs.clear();
        }
        bar.inc((chunk.len() - jobs.len()) as u64);
        let print = export_chunk(&doc, &jobs, batch, out_dir, bar, out);
        vinhdanh_core::trace!("chunk-exported {}", job.name);
        drop(doc);
        compile::evict(engine.memo_age());
        // What the chunk freed goes back to the system, not left in the arena of a thread that
        // is gone.
        crate::memory::give_back_now_and_then();
        print
    }

    fn compile_source(
        &self,
        items: &[Body],
        how: super::How,
        out: &mut JobOutcome,
    ) -> Result<PagedDocument, Diagnostics> {
        self.engine.compile_source_as(
            (self.source)(items),
            &self.batch.template,
            self.job.today,
            &[],
            super::How {
                part: Some(self.part),
                ..how
            },
            out,
        )
    }

    /// Compiles the chunk; if that fails, each record alone, so failing records are named and
    /// the rest recompiled together. Returns the document and the indices of the records in it.
    ///
    /// The chunk is laid out with its page numbers left out: reading the page counter in a
    /// header made Typst lay out every chunk of invitations twice (its second pass a quarter
    /// of the first), and a record of one page shows no number. The records that run onto a
    /// second page are laid out again with their numbers ([`Self::number_long_records`]).
    fn compile(&self, chunk: &[Body], out: &mut JobOutcome) -> Option<(PagedDocument, Vec<usize>)> {
        // `part`: the chunk's, which `compile_source` sets.
        const FIRST: super::How = super::How {
            part: None,
            keep: true,
            numbers_later: true,
        };
        if let Ok(doc) = self.compile_source(chunk, FIRST, out) {
            let ok: Vec<usize> = chunk.iter().map(|(i, _)| *i).collect();
            return self.number_long_records(doc, chunk, ok, out);
        }
        let mut ok = Vec::new();
        for (i, body) in chunk {
            // Alone, only to find the failing records: warnings come from the chunk's compile.
            match self.compile_source(&[(*i, body.clone())], FIRST, &mut JobOutcome::default()) {
                Ok(_) => ok.push((*i, body.clone())),
                Err(d) => failed(out, &self.batch.records[*i].label, d),
            }
        }
        if ok.is_empty() {
            return None;
        }
        match self.compile_source(&ok, FIRST, out) {
            Ok(doc) => {
                let items = ok.iter().map(|(i, _)| *i).collect();
                self.number_long_records(doc, &ok, items, out)
            }
            Err(d) => {
                out.errors.extend(d);
                None
            }
        }
    }

    /// The chunk `doc` (laid out without page numbers) with the pages of its records of two
    /// pages or more laid out again with their numbers, in one compile of those records; a
    /// record of one page keeps its page, which is the same either way (the numbers start on
    /// page 2). If that compile fails or gives a record another page count, the whole chunk is
    /// laid out again with its numbers, as before.
    fn number_long_records(
        &self,
        doc: PagedDocument,
        chunk: &[Body],
        ok: Vec<usize>,
        out: &mut JobOutcome,
    ) -> Option<(PagedDocument, Vec<usize>)> {
        const AGAIN: super::How = super::How {
            part: None,
            keep: false,
            numbers_later: false,
        };
        let ranges = record_pages(&doc);
        let long: Vec<usize> = ranges
            .iter()
            .filter(|(_, (first, last))| last > first)
            .map(|(i, _)| *i)
            .collect();
        if long.is_empty() {
            return Some((doc, ok));
        }
        // The records of `chunk` that `pick` keeps, laid out again with their numbers; their
        // findings are the chunk's, told once already.
        let mut again = |pick: &dyn Fn(usize) -> bool| {
            let bodies: Vec<Body> = chunk.iter().filter(|(i, _)| pick(*i)).cloned().collect();
            let mut scratch = JobOutcome::default();
            let doc = self.compile_source(&bodies, AGAIN, &mut scratch);
            out.phases.compile += scratch.phases.compile;
            doc
        };
        if let Ok(numbered) = again(&|i| long.contains(&i))
            && let Some(doc) = splice(&doc, &ranges, &numbered)
        {
            return Some((doc, ok));
        }
        match again(&|i| ok.contains(&i)) {
            Ok(doc) => Some((doc, ok)),
            Err(d) => {
                out.errors.extend(d);
                None
            }
        }
    }
}

/// `doc` with the pages of each record of `numbered` (the same records laid out again) in
/// place of its own; `None` when a record has another page count there.
fn splice(
    doc: &PagedDocument,
    ranges: &[(usize, (usize, usize))],
    numbered: &PagedDocument,
) -> Option<PagedDocument> {
    use typst::model::Document as _;
    let mut pages: Vec<_> = doc.pages().to_vec();
    for (i, (first, last)) in record_pages(numbered) {
        let &(_, (a, b)) = ranges.iter().find(|(j, _)| *j == i)?;
        if b - a != last - first {
            return None;
        }
        pages[a - 1..b].clone_from_slice(&numbered.pages()[first - 1..last]);
    }
    Some(PagedDocument::new(
        pages.into_iter().collect(),
        doc.info().clone(),
    ))
}

/// Exports each record's pages as its own PDF, and the chunk's print file (the longest task,
/// so it starts first), on a few worker threads. The records' files are flushed to disk
/// together and then renamed into place. Returns the print file's bytes, if the batch has one.
fn export_chunk(
    doc: &PagedDocument,
    jobs: &[(usize, (usize, usize))],
    batch: &Batch,
    out_dir: &std::path::Path,
    bar: &indicatif::ProgressBar,
    out: &mut JobOutcome,
) -> Option<Result<Vec<u8>, Diagnostic>> {
    /// A worker's task: the print file (first, the longest), or one record's file.
    enum Done {
        Print(Result<Vec<u8>, Diagnostic>),
        Record(usize, Result<Vec<write::Staged>, Diagnostics>),
    }
    let print_task = usize::from(batch.merged.is_some());
    let workers = pool::cores().min(4);
    let done = pool::map(print_task + jobs.len(), workers, |k| {
        let mut mine = Phases::default();
        let mut made = 0u64;
        let done = if k < print_task {
            let name = batch.merged.as_deref().unwrap_or_default();
            // Untagged like the records' files and the joined print file.
            Done::Print(timed(&mut mine.export, || {
                compile::pdf(doc, name, None, false)
            }))
        } else {
            let (i, range) = jobs[k - print_task];
            let r = &batch.records[i];
            let path = out_dir.join(&r.file_name);
            let own = own_pages(doc, range);
            let res = timed(&mut mine.export, || compile::pdf(&own, &r.id, None, false))
                .map_err(Diagnostics::from)
                .and_then(|bytes| Engine::with_fields(batch.esign.as_ref(), &own, bytes, &r.label))
                .and_then(|bytes| {
                    made += bytes.len() as u64;
                    timed(&mut mine.write, || write::stage(&path, &bytes))
                        .map_err(|e| Diagnostics::from(Diagnostic::from(e)))
                });
            // The record's metadata file beside it, committed with it.
            let res = match (res, batch.esign.as_ref().and_then(|e| e.metadata.as_ref())) {
                (Ok(pdf), Some(m)) => {
                    let name = crate::esign::metadata_name(&r.file_name);
                    let xml = m(own.pages().len());
                    timed(&mut mine.write, || {
                        write::stage(&out_dir.join(name), xml.as_bytes())
                    })
                    .map(|x| vec![pdf, x])
                    .map_err(|e| Diagnostics::from(Diagnostic::from(e)))
                }
                (res, _) => res.map(|pdf| vec![pdf]),
            };
            bar.inc(1);
            Done::Record(i, res)
        };
        (done, mine, made)
    });
    let mut print = None;
    let mut staged = Vec::new();
    for (done, mine, made) in done {
        out.phases.add(&mine);
        out.bytes += made;
        match done {
            Done::Print(p) => print = Some(p),
            Done::Record(i, res) => staged.push((i, res)),
        }
    }
    staged.sort_by_key(|(i, _)| *i);
    let mut ready = Vec::new();
    let mut owners = Vec::new();
    for (i, res) in staged {
        match res {
            Ok(s) => {
                for s in s {
                    ready.push(s);
                    owners.push(i);
                }
            }
            Err(d) => failed(out, &batch.records[i].label, d),
        }
    }
    let committed = timed(&mut out.phases.write, || write::commit(ready));
    for (i, res) in owners.into_iter().zip(committed) {
        match res {
            Ok(p) => out.written.push(p),
            Err(e) => failed(out, &batch.records[i].label, Diagnostic::from(e).into()),
        }
    }
    print
}

/// A record's pages as a document of their own. Exported as a page range of the chunk instead,
/// a page without numbering (an invitation) was labelled with its place in the chunk ("80"), as
/// typst-pdf marks pages left out of an export: a viewer showed page 80 of a one-page file, and
/// a record's bytes depended on where its chunk began.
fn own_pages(doc: &PagedDocument, (first, last): (usize, usize)) -> PagedDocument {
    use typst::model::Document as _;
    let pages = doc.pages()[first - 1..last].iter().cloned().collect();
    PagedDocument::new(pages, doc.info().clone())
}

/// (record index, (first page, last page)) from the `<vd-record>` markers, 1-based pages.
fn record_pages(doc: &PagedDocument) -> Vec<(usize, (usize, usize))> {
    let intro = doc.introspector();
    let Some(label) = Label::new(PicoStr::intern(MARK)) else {
        return Vec::new();
    };
    let mut starts: Vec<(usize, usize)> = intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let page = intro.page(c.location()?)?.get();
            let idx = c.get_by_name("value").ok()?.cast::<i64>().ok()? as usize;
            Some((idx, page))
        })
        .collect();
    starts.sort_by_key(|(_, p)| *p);
    let total = doc.pages().len();
    starts
        .iter()
        .enumerate()
        .map(|(k, &(idx, first))| {
            let last = starts.get(k + 1).map(|&(_, p)| p - 1).unwrap_or(total);
            (idx, (first, last.max(first)))
        })
        .collect()
}

/// A record bar: among the caller's bars when it has some, else on standard error (drawn only
/// on a terminal).
fn progress(engine: &Engine, len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let bar = match &engine.options.bars {
        Some(m) => m.add(bar),
        None => bar,
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}
