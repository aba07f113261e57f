//! Long lists laid out in bounded parts: the decision's appendix and the check-in list grow with
//! the data (10,000 honorees give a 1,300-page table), and Typst holds a whole document, its
//! table and comemo's caches in memory until the compile ends (2,000 rows peaked at 457 MB).
//!
//! A document of its own may say its list has `items` entries and give its context for a window
//! of them. Above `size` items, the engine compiles `size` items at a time and keeps every page
//! of a part but the last, whose items start the next part; so each page is laid out exactly as
//! in one compile, provided the template starts a continued list the way a page break continues
//! it (the column headers repeat) and numbers the first page from [`Window::page`]. The template
//! marks each item with `#metadata(index) <vd-item>` (index in the whole list) so the engine
//! finds the items on the last page. A template that marks none (one written before windows)
//! gets the whole list in one compile, as before.
//!
//! The parts are exported untagged and joined into one file (the print files' road); below
//! `size` items nothing changes, the document stays one tagged compile.

use serde::Serialize;
use typst::foundations::{Label, Selector};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::{Engine, Job, JobOutcome, Single, compile, join, layout_warnings, timed};

use crate::diag::{Diagnostic, Diagnostics};

/// The label of a list item's marker.
pub const ITEM_LABEL: &str = "vd-item";

/// Items per compile: 250 rows of the decision (about 32 pages with a few lines of merit text
/// each) lay out in ~170 MB where 2,000 rows in one compile took 518 MB.
pub const SIZE: usize = 250;

/// Items per compile: the document's own `size`, or the engine's [`Options::part_size`] when
/// set (`build --part-size`: tests lay a short list out in parts to compare it page by page
/// with one compile).
///
/// [`Options::part_size`]: crate::Options::part_size
pub fn size(p: &Parts, part_size: usize) -> usize {
    match part_size {
        0 => p.size,
        n => n,
    }
}

/// A document whose list is laid out in parts (see the module's text).
pub struct Parts {
    /// Entries of the list (rows and group headings alike, as the template marks them).
    pub items: usize,
    /// Items per compile; at most this many, the document is one compile.
    pub size: usize,
    /// The template's context for a window of the list.
    pub context: Box<dyn Fn(&Window) -> minijinja::Value + Send + Sync>,
    /// For a document whose end depends on its page count (the booklet's note pages): the
    /// last window's context given the whole count, if it must be laid out again.
    pub relayout: Option<Relayout>,
}

pub type Relayout = Box<dyn Fn(&Window, usize) -> Option<minijinja::Value> + Send + Sync>;

/// The part of a list one compile lays out, given to the template as `window`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Window {
    /// First item (0-based, in the whole list) and one past the last.
    pub start: usize,
    pub end: usize,
    /// The part that opens the document (everything before the list is printed).
    pub first: bool,
    /// The part that closes it (everything after the list is printed).
    pub last: bool,
    /// The number the first page shows (a continued part's pages go on from the previous part's);
    /// 0 in the first part, whose numbering is the template's own.
    pub page: usize,
}

impl Window {
    /// The whole list in one compile.
    pub fn whole(items: usize) -> Self {
        Self {
            start: 0,
            end: items,
            first: true,
            last: true,
            page: 0,
        }
    }
}

impl Single {
    /// Declares the document's long list to the engine: `items` entries (rows and group
    /// headings alike, as the template marks them with `<vd-item>`), and the template's context
    /// for a window of them. The engine decides whether and where to cut it ([`SIZE`] items
    /// per compile, or `build --part-size`); the document only answers for a window.
    pub fn long_list(
        &mut self,
        items: usize,
        context: impl Fn(&Window) -> minijinja::Value + Send + Sync + 'static,
    ) -> &mut Parts {
        self.parts.insert(Parts {
            items,
            size: SIZE,
            context: Box::new(context),
            relayout: None,
        })
    }
}

impl Parts {
    /// For a document whose end depends on its page count (the booklet's note pages): the last
    /// window's context given the whole count, if it must be laid out again.
    pub fn relayout_last(
        &mut self,
        relayout: impl Fn(&Window, usize) -> Option<minijinja::Value> + Send + Sync + 'static,
    ) -> &mut Self {
        self.relayout = Some(Box::new(relayout));
        self
    }
}

/// `(item, page)` of every item marker, pages 1-based.
fn item_pages(doc: &PagedDocument) -> Vec<(usize, usize)> {
    let intro = doc.introspector();
    let Some(label) = Label::new(PicoStr::intern(ITEM_LABEL)) else {
        return Vec::new();
    };
    intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let page = intro.page(c.location()?)?.get();
            let value = c.get_by_name("value").ok()?;
            let item = value.cast::<i64>().ok()?;
            Some((usize::try_from(item).ok()?, page))
        })
        .collect()
}

/// The document laid out in parts and joined, with its page count; `None` when the template
/// marks no item or fails on its first part (lay it out whole).
pub fn run(
    engine: &Engine,
    job: &Job,
    s: &Single,
    p: &Parts,
    out: &mut JobOutcome,
) -> Result<Option<(Vec<u8>, usize)>, Diagnostics> {
    let size = size(p, engine.options.part_size);
    let mut window = Window {
        start: 0,
        end: size.min(p.items),
        first: true,
        last: size >= p.items,
        page: 0,
    };
    let mut pdfs = Vec::new();
    let mut pages = 0;
    let mut part = 0;
    loop {
        let doc = match engine.typeset(&s.template, (p.context)(&window), job.today, &[], out) {
            Ok(doc) => doc,
            // A template or library written before parts may not take a window (a clerk's own
            // `nd30.typ` without `first-page`): lay the list out whole, which reports any
            // error that is not about parts.
            Err(_) if window.first => return Ok(None),
            Err(e) => return Err(e),
        };
        // The last part again, once the whole page count is known (only the last part changes).
        let again = match &p.relayout {
            Some(f) if window.last => f(&window, pages + doc.pages().len()),
            _ => None,
        };
        let doc = match again {
            Some(ctx) => engine.typeset(&s.template, ctx, job.today, &[], out)?,
            None => doc,
        };
        let n = doc.pages().len();
        let mut keep = n;
        let mut next = window.end;
        if !window.last {
            let marks = item_pages(&doc);
            if marks.is_empty() && window.first {
                return Ok(None);
            }
            // The items that start on the last page begin the next part.
            match marks
                .iter()
                .filter(|(_, page)| *page == n)
                .map(|(i, _)| *i)
                .min()
            {
                // The whole part is on one page (`size` is less than a page holds): lay out
                // more items at once, or the list would never move on.
                Some(first) if first <= window.start || n == 1 => {
                    window.end = (window.end + size).min(p.items);
                    window.last = window.end == p.items;
                    continue;
                }
                Some(first) => {
                    keep = n - 1;
                    next = first;
                }
                None => {}
            }
        }
        for (page, w) in layout_warnings(&doc) {
            if page <= keep {
                out.warnings.push(Diagnostic { field: None, ..w });
            }
        }
        engine.check_glyphs(&doc, &s.output, 1..=keep, out)?;
        // The number the next part's first page shows: the page after the last one kept.
        let shown = |i: usize| {
            let base = if window.first { 0 } else { window.page - 1 };
            base + doc.pages()[i].number as usize
        };
        let next_page = shown(keep - 1) + 1;
        let kept = if keep == n {
            doc
        } else {
            let mut doc = doc;
            let info = doc.info_mut().clone();
            PagedDocument::new(doc.pages()[..keep].iter().cloned().collect(), info)
        };
        // Joined parts cannot keep one structure tree: untagged, as the print files.
        let pdf = timed(&mut out.phases.export, || {
            compile::pdf(&kept, &s.output, None, false)
        })?;
        engine.keep(job, &s.output, part, &kept, Vec::new());
        drop(kept);
        // What this part laid out (its rows, its table) is never asked for again; only what
        // every part uses (the libraries, the fonts) is: keep comemo's cache to that, else
        // the parts add up to the memory of one compile.
        typst::comemo::evict(1);
        crate::memory::give_back_now_and_then();
        pdfs.push(pdf);
        pages += keep;
        part += 1;
        if window.last {
            break;
        }
        let end = (next + size).min(p.items);
        window = Window {
            start: next,
            end,
            first: false,
            last: end == p.items,
            page: next_page,
        };
    }
    let pdf = timed(&mut out.phases.join, || join::join(pdfs))?;
    Ok(Some((pdf, pages)))
}
