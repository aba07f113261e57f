//! What the page shows, shared between the rebuild loop and the HTTP threads: the documents
//! (their pages as content-addressed images, their records, their state), the problems of the
//! last round, and a version that the event stream announces.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::engine::Page;
use serde_json::{Value, json};

use super::rebuild::AHEAD;
use super::rebuild::Round;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::engine::{JobOutcome, Keep, Laid};

/// Screen resolution of the page images (a browser's 100 %).
pub const PPI: f32 = 96.0;

/// Bytes of rendered page images kept at most. A page image is 70–500 KB: without a bound, a
/// session that had rendered every page of a large project (a title change renders them all)
/// kept them all; past it, the images served longest ago are dropped, and rendered again if
/// asked for (their page stays).
pub const IMAGE_BUDGET: usize = 48 << 20;

/// New pages of one document rendered ahead of the browser's requests: a row of thumbnails
/// and then some (an edited record's page is always among a batch's new pages). The others
/// render when the page asks for them, which a lazy-loading page does only as they scroll in.
pub const RENDER_AHEAD: usize = 12;

/// A page, rendered on first request and kept (within [`IMAGE_BUDGET`]) while a document
/// shows it.
pub struct PageImage {
    page: Page,
    png: Mutex<Option<Arc<Vec<u8>>>>,
    /// [`Shared::clock`] when last served: the least recent go first.
    used: AtomicU64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DocState {
    /// Not built yet in this session.
    Pending,
    Ok,
    Rebuilding,
    Failed,
    /// Laid out from data the rules refuse: shown banded, its PDF in `output/` not written.
    Draft,
    /// The data could not be read: the pages are the last ones built, not the data's.
    Stale,
}

struct RecordView {
    label: String,
    file: Option<String>,
    first: usize,
    last: usize,
}

struct Doc {
    name: String,
    state: DocState,
    /// Content hashes of the pages shown (the job's main document).
    pages: Vec<u128>,
    /// The file those pages are ("chuong-trinh.pdf", not its print copy): the page names it
    /// when the document writes more than one.
    shown: Option<String>,
    records: Vec<RecordView>,
    /// Files written, relative to the output folder ("giay-khen.pdf", "chuong-trinh-in.pdf").
    outputs: Vec<String>,
    errors: Diagnostics,
    /// The rules' errors about the data files this document is made from.
    about: Diagnostics,
}

#[derive(Default)]
struct State {
    version: u64,
    docs: Vec<Doc>,
    diags: Diagnostics,
    blocked: bool,
    /// The rules' errors the documents were laid out despite ([`Round::draft`]).
    draft: usize,
    /// A round has ended (before, the page says the first build is under way).
    finished: bool,
    /// The last round's time, for the page's footer.
    elapsed: Duration,
}

/// One laid-out part of a job, collected while the engine runs.
struct Part {
    output: String,
    part: usize,
    pages: Vec<u128>,
    records: Vec<RecordView>,
}

#[derive(Default)]
pub struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    images: Mutex<HashMap<u128, Arc<PageImage>>>,
    collected: Mutex<HashMap<String, Vec<Part>>>,
    clock: AtomicU64,
    /// Bytes of the PNGs kept (recounted whenever it passes the budget).
    png_bytes: AtomicUsize,
    /// [`IMAGE_BUDGET`] unless set (0).
    budget: AtomicUsize,
    /// Drawn across every page image while the documents are a draft.
    band: Mutex<Option<crate::engine::raster::Band>>,
}

impl Shared {
    /// The findings of the last round (what the page's problems panel shows).
    pub fn diagnostics(&self) -> crate::diag::Diagnostics {
        self.state
            .lock()
            .map(|s| s.diags.clone())
            .unwrap_or_default()
    }

    /// The hook the engine calls with every laid-out document: each page's content hash, the
    /// page kept for rendering if it is new.
    pub fn keep(self: &Arc<Self>) -> Keep {
        let me = Arc::clone(self);
        Keep(Arc::new(move |laid: &Laid| me.collect(laid)))
    }

    /// [`Self::keep`] for `serve`'s rounds: a part of a batch built ahead ([`AHEAD`]: the
    /// edited records) and a document of its own laid out whole ([`Laid::whole`]) go on the
    /// page as soon as they are laid out, their new pages rendered then (`render`, after a
    /// save), before their files are exported: the page image a person waits for no longer
    /// waits for the PDF (an honoree's edit spent a fifth of its time to the image there). The
    /// card says "rebuilding" until the round ends, its files written.
    pub fn keep_live(self: &Arc<Self>, render: bool) -> Keep {
        let me = Arc::clone(self);
        Keep(Arc::new(move |laid: &Laid| {
            me.collect(laid);
            let new = if laid.job.ends_with(AHEAD) {
                me.splice_laid(laid.job)
            } else if laid.whole {
                me.show_laid(laid.job)
            } else {
                return;
            };
            if render {
                me.render(&new);
            }
        }))
    }

    /// A document of its own laid out whole: its pages on its card at once (its state, its
    /// files and its problems come with the job's end, [`Self::early`]); the hashes of the
    /// pages new on the page.
    fn show_laid(&self, job: &str) -> Vec<u128> {
        let parts: Vec<Part> = match self.collected.lock().unwrap().get(job) {
            Some(parts) => parts
                .iter()
                .map(|p| Part {
                    output: p.output.clone(),
                    part: p.part,
                    pages: p.pages.clone(),
                    records: Vec::new(),
                })
                .collect(),
            None => return Vec::new(),
        };
        let Some(main) = parts.first() else {
            return Vec::new();
        };
        self.change_doc(job, |doc| {
            doc.pages = main.pages.clone();
            doc.records = Vec::new();
            doc.shown = Some(main.output.clone());
        })
    }

    /// Changes the card of document `name` (none: nothing changes) and returns the hashes of
    /// the pages it shows that no card showed before, to render.
    fn change_doc(&self, name: &str, change: impl FnOnce(&mut Doc)) -> Vec<u128> {
        let mut s = self.state.lock().unwrap();
        let before: BTreeSet<u128> = s.docs.iter().flat_map(|d| d.pages.clone()).collect();
        let Some(doc) = s.docs.iter_mut().find(|d| d.name == name) else {
            return Vec::new();
        };
        change(doc);
        let new = doc
            .pages
            .iter()
            .filter(|h| !before.contains(h))
            .copied()
            .collect();
        self.bump(&mut s);
        new
    }

    fn collect(&self, laid: &Laid) {
        let mut hashes = Vec::with_capacity(laid.doc.pages().len());
        {
            let mut images = self.images.lock().unwrap();
            for page in laid.doc.pages() {
                let h = crate::engine::raster::look(page);
                images.entry(h).or_insert_with(|| {
                    Arc::new(PageImage {
                        page: page.clone(),
                        png: Mutex::new(None),
                        used: AtomicU64::new(0),
                    })
                });
                hashes.push(h);
            }
        }
        let records = laid
            .records
            .iter()
            .map(|r| RecordView {
                label: r.label.clone(),
                file: r.file.clone(),
                first: r.first,
                last: r.last,
            })
            .collect();
        self.collected
            .lock()
            .unwrap()
            .entry(laid.job.to_string())
            .or_default()
            .push(Part {
                output: laid.output.to_string(),
                part: laid.part,
                pages: hashes,
                records,
            });
    }

    fn image(&self, hash: u128) -> Option<Arc<PageImage>> {
        self.images.lock().unwrap().get(&hash).cloned()
    }

    /// The page's PNG: kept, or rendered now (two requests for the same page render it once).
    pub fn png(&self, hash: u128) -> Option<Arc<Vec<u8>>> {
        let img = self.image(hash)?;
        img.used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        let mut slot = img.png.lock().unwrap();
        if let Some(png) = &*slot {
            return Some(Arc::clone(png));
        }
        let band = self.band.lock().unwrap().clone();
        vinhdanh_core::trace!("png-start {hash:032x}");
        let png = Arc::new(crate::engine::raster::screen_png(
            &img.page,
            PPI,
            band.as_ref(),
        ));
        *slot = Some(Arc::clone(&png));
        drop(slot);
        vinhdanh_core::trace!("png-done {hash:032x} {}", png.len());
        let total = self.png_bytes.fetch_add(png.len(), Ordering::Relaxed) + png.len();
        if total > self.budget() {
            self.shrink();
        }
        Some(png)
    }

    fn budget(&self) -> usize {
        match self.budget.load(Ordering::Relaxed) {
            0 => IMAGE_BUDGET,
            b => b,
        }
    }

    /// Another bound than [`IMAGE_BUDGET`] (tests).
    pub fn set_budget(&self, bytes: usize) {
        self.budget.store(bytes, Ordering::Relaxed);
    }

    /// Drops the PNGs served longest ago until three quarters of the budget are used.
    fn shrink(&self) {
        let budget = self.budget();
        let images = self.images.lock().unwrap();
        let mut kept: Vec<(u64, usize, &Arc<PageImage>)> = images
            .values()
            .filter_map(|img| {
                let len = img.png.try_lock().ok()?.as_ref()?.len();
                Some((img.used.load(Ordering::Relaxed), len, img))
            })
            .collect();
        let mut total: usize = kept.iter().map(|k| k.1).sum();
        kept.sort_by_key(|k| k.0);
        for (_, len, img) in kept {
            if total <= budget / 4 * 3 {
                break;
            }
            if let Ok(mut slot) = img.png.try_lock() {
                *slot = None;
                total -= len;
            }
        }
        self.png_bytes.store(total, Ordering::Relaxed);
    }

    /// Whether the page of `hash` is drawn and kept.
    #[cfg(test)]
    pub(crate) fn drawn(&self, hash: u128) -> bool {
        self.image(hash)
            .is_some_and(|img| img.png.lock().unwrap().is_some())
    }

    /// Bytes of the page images kept now.
    #[cfg(test)]
    fn png_bytes(&self) -> usize {
        self.images
            .lock()
            .unwrap()
            .values()
            .filter_map(|img| Some(img.png.lock().ok()?.as_ref()?.len()))
            .sum()
    }

    pub fn version(&self) -> u64 {
        self.state.lock().unwrap().version
    }

    /// Waits until the version passes `seen` or `timeout` elapses; the current version.
    pub fn wait(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.state.lock().unwrap();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.version <= seen)
            .unwrap();
        guard.version
    }

    fn bump(&self, s: &mut State) {
        s.version += 1;
        self.changed.notify_all();
    }

    /// The jobs about to be built show "rebuilding" (a document new in the session shows as
    /// pending, so its pages can come in before the round ends).
    pub fn starting(&self, jobs: &[String]) {
        let mut s = self.state.lock().unwrap();
        for d in s.docs.iter_mut().filter(|d| jobs.contains(&d.name)) {
            d.state = DocState::Rebuilding;
        }
        for name in jobs {
            if !s.docs.iter().any(|d| d.name == *name) {
                s.docs.push(Doc::new(name));
            }
        }
        self.bump(&mut s);
    }

    /// Takes in one job as soon as it finishes, before the round ends: a whole job's pages, or,
    /// for a part of a batch built ahead (named with [`AHEAD`]), its records' new pages in
    /// place of theirs. Returns the hashes of the pages new on the page, to render.
    pub fn early(&self, o: &JobOutcome, out_dir: &Path) -> Vec<u128> {
        if o.errors.has_errors() {
            // The round's end shows the problems.
            return Vec::new();
        }
        if o.name.ends_with(AHEAD) {
            // A part built ahead went on the page as it was laid out (`keep_live`); if it
            // did not, now.
            return self.splice_laid(&o.name);
        }
        self.change_doc(&o.name, |doc| {
            let parts = self.collected.lock().unwrap().remove(&o.name);
            let parts = parts.unwrap_or_default();
            // The card says "rebuilding" until the round ends (its files, the manifest).
            let state = doc.state;
            take_in(doc, o, Diagnostics::default(), parts, out_dir);
            doc.state = state;
        })
    }

    /// The parts of `job` (a part of a batch built ahead, [`AHEAD`]) laid out so far, their
    /// records' pages in place of theirs on the card ([`splice`]); the hashes of the pages new
    /// on the page. Nothing collected, nothing changes (no new version).
    fn splice_laid(&self, job: &str) -> Vec<u128> {
        let Some(parts) = self.collected.lock().unwrap().remove(job) else {
            return Vec::new();
        };
        let name = job.strip_suffix(AHEAD).unwrap_or(job);
        self.change_doc(name, |doc| {
            for p in parts {
                splice(doc, p);
            }
        })
    }

    /// Renders the first [`RENDER_AHEAD`] of `hashes` ahead of the browser's requests, on two
    /// threads: a finished job's new pages (at the round's end, what is left of every
    /// document's new pages, mostly drawn already).
    pub fn render(&self, hashes: &[u128]) {
        let hashes = &hashes[..hashes.len().min(RENDER_AHEAD)];
        crate::engine::pool::map(hashes.len(), 2, |k| self.png(hashes[k]));
    }

    /// Takes in a finished round: new pages for the jobs built, the problems, and the images no
    /// document shows any more dropped. Returns the hashes of pages new in this round.
    pub fn finish(&self, round: &Round, out_dir: &Path) -> Vec<u128> {
        let mut collected = std::mem::take(&mut *self.collected.lock().unwrap());
        let mut s = self.state.lock().unwrap();
        let before: BTreeSet<u128> = s.docs.iter().flat_map(|d| d.pages.clone()).collect();
        s.diags = round.diags.clone();
        s.finished = true;
        s.blocked = round.blocked;
        s.elapsed = round.elapsed;
        if !round.blocked && s.draft != round.draft {
            // Every image is drawn again with (or without) the band; their URLs change with
            // the count, so the browser asks for them.
            s.draft = round.draft;
            *self.band.lock().unwrap() = round.band.clone();
            for img in self.images.lock().unwrap().values() {
                *img.png.lock().unwrap() = None;
            }
            self.png_bytes.store(0, Ordering::Relaxed);
        }
        if !round.jobs.is_empty() {
            // The project's documents, in order; earlier views kept for the same names.
            let mut old: HashMap<String, Doc> =
                s.docs.drain(..).map(|d| (d.name.clone(), d)).collect();
            s.docs = round
                .jobs
                .iter()
                .map(|name| old.remove(name).unwrap_or_else(|| Doc::new(name)))
                .collect();
        }
        for o in &round.outcomes {
            let Some(doc) = s.docs.iter_mut().find(|d| d.name == o.name) else {
                continue;
            };
            let failed = round
                .failed
                .iter()
                .find(|(n, _)| *n == o.name)
                .map(|(_, d)| d.clone())
                .unwrap_or_default();
            let parts = collected.remove(&o.name).unwrap_or_default();
            take_in(doc, o, failed, parts, out_dir);
        }
        if round.blocked {
            // Nothing was built: the documents keep the pages they had, which are no longer
            // the data's (or none, if nothing was ever built).
            for d in s.docs.iter_mut() {
                if d.pages.is_empty() {
                    d.state = DocState::Pending;
                } else if d.state != DocState::Failed {
                    d.state = DocState::Stale;
                }
            }
        } else {
            let draft = round.draft > 0;
            for d in s.docs.iter_mut() {
                d.about = round
                    .affected
                    .iter()
                    .find(|(n, _)| *n == d.name)
                    .map(|(_, a)| a.clone())
                    .unwrap_or_default();
                match d.state {
                    DocState::Ok | DocState::Draft | DocState::Stale if draft => {
                        d.state = DocState::Draft
                    }
                    DocState::Draft | DocState::Stale => d.state = DocState::Ok,
                    _ => {}
                }
            }
        }
        let shown: BTreeSet<u128> = s.docs.iter().flat_map(|d| d.pages.clone()).collect();
        self.images.lock().unwrap().retain(|h, img| {
            let keep = shown.contains(h);
            if let (false, Some(png)) = (keep, &*img.png.lock().unwrap()) {
                let len = png.len();
                let _ = self
                    .png_bytes
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| {
                        Some(b.saturating_sub(len))
                    });
            }
            keep
        });
        self.bump(&mut s);
        shown.difference(&before).copied().collect()
    }

    /// The page's data: documents, problems, version.
    pub fn json(&self) -> Value {
        let s = self.state.lock().unwrap();
        let draft = s.draft;
        let docs: Vec<Value> = s
            .docs
            .iter()
            .map(|d| {
                json!({
                    "name": d.name,
                    "title": title(&d.name),
                    "state": match d.state {
                        DocState::Pending => "pending",
                        DocState::Ok => "ok",
                        DocState::Rebuilding => "rebuilding",
                        DocState::Failed => "failed",
                        DocState::Draft => "draft",
                        DocState::Stale => "stale",
                    },
                    "pages": d.pages.len(),
                    "shown": d.shown,
                    "images": d.pages.iter().map(|h| image_url(*h, draft)).collect::<Vec<_>>(),
                    "outputs": d.outputs.iter().map(|o| json!({
                        "name": o,
                        "url": output_url(o),
                    })).collect::<Vec<_>>(),
                    "records": d.records.iter().map(|r| json!({
                        "label": r.label,
                        "url": r.file.as_deref().map(output_url),
                        "first": r.first,
                        "last": r.last,
                    })).collect::<Vec<_>>(),
                    "errors": d.errors.0.iter().chain(&d.about.0).map(diag_json).collect::<Vec<_>>(),
                })
            })
            .collect();
        let errors: Vec<Value> = s.diags.errors().map(diag_json).collect();
        let warnings: Vec<Value> = s
            .diags
            .0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(diag_json)
            .collect();
        json!({
            "version": s.version,
            "blocked": s.blocked,
            "draft": s.draft,
            "finished": s.finished,
            "elapsed_ms": s.elapsed.as_millis() as u64,
            "docs": docs,
            "errors": errors,
            "warnings": warnings,
        })
    }
}

impl Doc {
    fn new(name: &str) -> Self {
        Doc {
            name: name.to_string(),
            state: DocState::Pending,
            pages: Vec::new(),
            shown: None,
            records: Vec::new(),
            outputs: Vec::new(),
            errors: Diagnostics::default(),
            about: Diagnostics::default(),
        }
    }
}

/// A finished job into its card: its state, its files and (unless it failed, when the last
/// good pages stay) its pages from the `parts` it laid out.
fn take_in(doc: &mut Doc, o: &JobOutcome, failed: Diagnostics, parts: Vec<Part>, out_dir: &Path) {
    doc.state = if failed.has_errors() {
        DocState::Failed
    } else {
        DocState::Ok
    };
    doc.errors = failed;
    let outputs: Vec<String> = o
        .written
        .iter()
        .filter_map(|p| p.strip_prefix(out_dir).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !doc.name.ends_with('/') || !p.starts_with(&doc.name))
        .collect();
    if !outputs.is_empty() {
        doc.outputs = outputs;
    }
    let mut parts = parts;
    // The job's own document: the first output it laid out (not the imposed booklet).
    let Some(main) = parts.first().map(|p| p.output.clone()) else {
        return;
    };
    parts.retain(|p| p.output == main);
    parts.sort_by_key(|p| p.part);
    let mut pages = Vec::new();
    let mut records = Vec::new();
    for p in parts {
        let offset = pages.len();
        records.extend(p.records.into_iter().map(|r| RecordView {
            first: r.first + offset,
            last: r.last + offset,
            ..r
        }));
        pages.extend(p.pages);
    }
    if !pages.is_empty() && !doc.errors.has_errors() {
        doc.pages = pages;
        doc.records = records;
        doc.shown = Some(main);
    }
}

/// A part of a batch built ahead: each of its records' pages replace that record's pages in
/// the card (found by file); the records after it move if the page count changed. A record
/// the card does not show yet (a new honoree) waits for the whole job.
fn splice(doc: &mut Doc, part: Part) {
    for r in part.records {
        let Some(file) = &r.file else { continue };
        let Some(k) = doc
            .records
            .iter()
            .position(|d| d.file.as_ref() == Some(file))
        else {
            continue;
        };
        let Some(new) = part.pages.get(r.first - 1..r.last) else {
            continue;
        };
        let (first, last) = (doc.records[k].first, doc.records[k].last);
        if first == 0 || last > doc.pages.len() || first > last {
            continue;
        }
        doc.pages.splice(first - 1..last, new.iter().copied());
        let delta = new.len() as isize - (last - first + 1) as isize;
        doc.records[k].last = first + new.len() - 1;
        for d in doc.records.iter_mut().filter(|d| d.first > last) {
            d.first = (d.first as isize + delta) as usize;
            d.last = (d.last as isize + delta) as usize;
        }
    }
}

/// A page image's address: its look, and while the documents are a draft the count of errors
/// its band says (the same look draws another image then).
pub fn image_url(hash: u128, draft: usize) -> String {
    match draft {
        0 => format!("/img/{hash:032x}.png"),
        n => format!("/img/{hash:032x}.png?nhap={n}"),
    }
}

/// Everything but a name's plain characters is escaped in a path segment.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn output_url(rel: &str) -> String {
    let encoded: Vec<String> = rel
        .split('/')
        .map(|s| percent_encoding::utf8_percent_encode(s, SEGMENT).to_string())
        .collect();
    format!("/output/{}", encoded.join("/"))
}

fn diag_json(d: &Diagnostic) -> Value {
    let loc = d.location.as_deref();
    json!({
        // A note is not a problem: the page must not count it as a warning.
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        },
        "where": loc.map(|l| l.to_string()),
        "file": loc.map(|l| l.file.clone()),
        "line": loc.and_then(|l| l.line),
        "column": loc.and_then(|l| l.column),
        "cell_column": loc.and_then(|l| l.cell_column.clone()),
        "excerpt": loc.and_then(|l| l.excerpt.clone()),
        "message": d.message,
        "field": d.field,
        "record": d.record,
        "hint": d.hint,
        "code": d.code.map(|c| c.as_str()),
    })
}

/// A document's name for clerks, from the output it writes.
fn title(name: &str) -> String {
    crate::msg::document_title(name).map_or_else(|| name.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::first_round;

    /// The hashes of the pages shown, in the page's order.
    fn shown(shared: &Shared) -> Vec<u128> {
        shared.json()["docs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["images"].as_array().unwrap().clone())
            .map(|u| {
                let url = u.as_str().unwrap();
                let hex = url.split('?').next().unwrap();
                u128::from_str_radix(&hex[5..hex.len() - 4], 16).unwrap()
            })
            .collect()
    }

    fn drawn(shared: &Shared) -> usize {
        let images = shared.images.lock().unwrap();
        images
            .values()
            .filter(|i| i.png.lock().unwrap().is_some())
            .count()
    }

    /// A note (a sheet left unread, a list read from Excel) reaches the page as a note, an
    /// error as an error and a warning as a warning: the page counts only the last two.
    #[test]
    fn diag_json_keeps_each_severity() {
        let cases = [
            (Diagnostic::error("e"), "error"),
            (Diagnostic::warning("w"), "warning"),
            (Diagnostic::info("n"), "note"),
        ];
        for (d, want) in cases {
            assert_eq!(diag_json(&d)["severity"], want, "{}", d.message);
        }
    }

    /// Of a document's new pages, twelve are drawn ahead (README, "What keeps a long
    /// session's memory level"); the others when asked.
    #[test]
    fn twelve_new_pages_drawn_ahead() {
        let (_dir, _r, shared, _out) = first_round(false);
        let hashes = shown(&shared);
        assert!(hashes.len() > 20, "{}", hashes.len());
        assert_eq!(drawn(&shared), 0, "the first build draws on request");
        shared.render(&hashes[..20]);
        assert_eq!(drawn(&shared), 12);
        shared.png(hashes[19]).unwrap();
        assert_eq!(drawn(&shared), 13);
    }

    /// Rendered images stay within the budget, the least recently served are the ones dropped,
    /// and a dropped image asked for again is drawn again, the same bytes.
    #[test]
    fn page_images_kept_within_the_budget_least_recent_dropped() {
        let (_dir, _r, shared, _out) = first_round(false);
        let hashes: Vec<u128> = shown(&shared).into_iter().take(12).collect();
        assert_eq!(hashes.len(), 12);

        let first = shared.png(hashes[0]).unwrap().to_vec();
        assert!(first.starts_with(b"\x89PNG"));
        let budget = first.len() * 4;
        shared.set_budget(budget);
        let mut last = None;
        for h in &hashes[1..] {
            last = shared.png(*h);
            assert!(
                shared.png_bytes() <= budget,
                "{} > {budget}",
                shared.png_bytes()
            );
        }
        let last = last.unwrap();
        assert!(
            Arc::ptr_eq(&last, &shared.png(hashes[11]).unwrap()),
            "the image served last is kept"
        );
        let kept_first = shared.images.lock().unwrap()[&hashes[0]]
            .png
            .lock()
            .unwrap()
            .is_some();
        assert!(!kept_first, "the image served first is dropped");
        assert_eq!(shared.png(hashes[0]).unwrap().to_vec(), first);
    }
}
