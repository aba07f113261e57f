//! Long lists laid out in bounded parts: the decision's appendix and the check-in list grow with
//! the data (10,000 honorees give a 1,300-page table), and Typst holds a whole document, its
//! table and comemo's caches in memory until the compile ends (2,000 rows peaked at 457 MB).
//!
//! A document of its own may declare its list ([`Single::long_list`]): it has `items` entries,
//! and the document gives its context for a range of them, nothing more; where to cut is the
//! engine's alone. Above `size` items, the engine compiles `size` items at a time and keeps every
//! page of a part but the last, whose items start the next part; so each page is laid out
//! exactly as in one compile, provided the template starts a continued list the way a page
//! break continues it (the column headers repeat).
//!
//! The contract with a template is three things, all named here once:
//! - the engine sets `window` in the context of each part ([`Window`]: `first`, `last`,
//!   `page`, the number a continued part's first page shows); a document laid out in one
//!   compile sees the whole-list window, a global of the template environment;
//! - the template marks each item by calling `parts.item(index)` (index in the whole list) from
//!   `templates/lib/parts.typ`, which places the one marker the engine reads ([`ITEM_LABEL`])
//!   to find the items on a part's last page. A template never spells the label. A template
//!   that marks none (one written before parts) gets the whole list in one compile, as before;
//! - what the first part measured of the whole list (the decision's name column, sized from
//!   every name), placed with `parts.carry(value)` ([`CARRY_LABEL`]), is `window.carry` in every
//!   later part, which then need not be given the whole list again: measuring 10,000 names
//!   in each of 40 parts made the decision's appendix quadratic in its length.
//!
//! The parts are exported untagged and joined into one file (the print files' road); below
//! `size` items nothing changes, the document stays one tagged compile.

use std::ops::Range;

use minijinja::Value;
use serde::Serialize;
use typst::foundations::{Label, Selector};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::{Engine, Job, JobOutcome, Single, compile, join, layout_warnings, timed};

use crate::diag::{Diagnostic, Diagnostics};

/// The label of the marker `parts.item` places (`templates/lib/parts.typ`): the engine reads
/// this constant, a template calls the function.
pub(crate) const ITEM_LABEL: &str = "vd-item";

/// The label of the value `parts.carry` places (`templates/lib/parts.typ`).
pub(crate) const CARRY_LABEL: &str = "vd-carry";

/// Items per compile: 250 rows of the decision (about 32 pages with a few lines of merit text
/// each) lay out in ~170 MB where 2,000 rows in one compile took 518 MB.
pub(crate) const SIZE: usize = 250;

/// Items per compile: the document's own `size`, or the engine's [`Options::part_size`] when
/// set (`build --part-size`: tests lay a short list out in parts to compare it page by page
/// with one compile).
///
/// [`Options::part_size`]: crate::Options::part_size
pub(crate) fn size(p: &Parts, part_size: usize) -> usize {
    match part_size {
        0 => p.size,
        n => n,
    }
}

/// A document whose list is laid out in parts (see the module's text): made by
/// [`Single::long_list`], read only by the engine.
pub struct Parts {
    /// Entries of the list (rows and group headings alike, as the template marks them).
    pub(crate) items: usize,
    /// Items per compile; at most this many, the document is one compile.
    pub(crate) size: usize,
    /// The document's context for a range of items (the engine adds `window`).
    context: Box<dyn Fn(Range<usize>) -> Value + Send + Sync>,
    /// For a document whose end depends on its page count (the booklet's note pages): the
    /// last range's context given the whole count, if it must be laid out again.
    pub(crate) relayout: Option<Relayout>,
}

type Relayout = Box<dyn Fn(Range<usize>, usize) -> Option<Value> + Send + Sync>;

/// What a template is told of the part it lays out, as `window`: whether it opens the document
/// (everything before the list is printed) or closes it (everything after), and the number its
/// first page shows. The items themselves are the document's business: its context holds only
/// the part's.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Window {
    /// First item (0-based, in the whole list) and one past the last.
    #[serde(skip)]
    start: usize,
    #[serde(skip)]
    end: usize,
    first: bool,
    last: bool,
    /// A continued part's pages go on from the previous part's; 0 in the first part, whose
    /// numbering is the template's own.
    page: usize,
    /// What the first part handed on with `parts.carry`, in every later part; absent (so
    /// undefined in the template) in the first part and in one compile.
    #[serde(skip_serializing_if = "Option::is_none")]
    carry: Option<Value>,
}

impl Window {
    /// The window of a document laid out in one compile. It is the template environment's
    /// global `window` ([`crate::render::environment`]), so a template reads `window` alike
    /// whether its document declared a list or not, and a list below [`SIZE`] items is laid
    /// out from the document's whole context untouched.
    pub(crate) fn whole() -> Value {
        Value::from_serialize(Window {
            start: 0,
            end: 0,
            first: true,
            last: true,
            page: 0,
            carry: None,
        })
    }

    fn items(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The document's context for this part, with the window.
    fn context(&self, p: &Parts) -> Value {
        self.with((p.context)(self.items()))
    }

    fn with(&self, context: Value) -> Value {
        minijinja::context! { window => Value::from_serialize(self), ..context }
    }
}

impl Single {
    /// Declares the document's long list to the engine: `items` entries (rows and group
    /// headings alike, each marked by the template with `parts.item`), and the template's
    /// context for a range of them. The engine decides whether and where to cut it ([`SIZE`]
    /// items per compile, or `build --part-size`) and tells the template which part it lays
    /// out; the document only answers for a range.
    pub fn long_list(
        &mut self,
        items: usize,
        context: impl Fn(Range<usize>) -> Value + Send + Sync + 'static,
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
    /// range's context given the whole count, if it must be laid out again.
    pub fn relayout_last(
        &mut self,
        relayout: impl Fn(Range<usize>, usize) -> Option<Value> + Send + Sync + 'static,
    ) -> &mut Self {
        self.relayout = Some(Box::new(relayout));
        self
    }
}

/// The values of the metadata the template placed under `label` (`parts.item`, `parts.carry`),
/// in the document's order, each with its page (1-based).
fn marked(doc: &PagedDocument, label: &str) -> Vec<(typst::foundations::Value, Option<usize>)> {
    let intro = doc.introspector();
    let Some(label) = Label::new(PicoStr::intern(label)) else {
        return Vec::new();
    };
    intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let page = c.location().and_then(|l| intro.page(l)).map(|p| p.get());
            Some((c.get_by_name("value").ok()?, page))
        })
        .collect()
}

/// The value the template handed on with `parts.carry`, as a template value: Typst's numbers,
/// strings, booleans, arrays and dictionaries keep their meaning (a float its every digit, so a
/// width carried is the width measured).
fn carried(doc: &PagedDocument) -> Option<Value> {
    let (value, _) = marked(doc, CARRY_LABEL).into_iter().next()?;
    Some(Value::from_serialize(&value))
}

/// `(item, page)` of every item marker, pages 1-based.
fn item_pages(doc: &PagedDocument) -> Vec<(usize, usize)> {
    marked(doc, ITEM_LABEL)
        .into_iter()
        .filter_map(|(value, page)| {
            let item = value.cast::<i64>().ok()?;
            Some((usize::try_from(item).ok()?, page?))
        })
        .collect()
}

/// The document laid out in parts and joined, with its page count; `None` when the template
/// marks no item or fails on its first part (lay it out whole).
pub(crate) fn run(
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
        carry: None,
    };
    let mut pdfs = Vec::new();
    let mut pages = 0;
    let mut part = 0;
    loop {
        let doc = match engine.typeset(&s.template, window.context(p), job.today, &[], out) {
            Ok(doc) => doc,
            // A template or library written before parts may not take a window (a clerk's own
            // `nd30.typ` without `first-page`): lay the list out whole, which reports any
            // error that is not about parts.
            Err(_) if window.first => return Ok(None),
            Err(e) => return Err(e),
        };
        // The last part again, once the whole page count is known (only the last part changes).
        let again = match &p.relayout {
            Some(f) if window.last => {
                f(window.items(), pages + doc.pages().len()).map(|c| window.with(c))
            }
            _ => None,
        };
        let doc = match again {
            Some(ctx) => engine.typeset(&s.template, ctx, job.today, &[], out)?,
            None => doc,
        };
        // What the later parts are handed: the first part's carry, once.
        let carry = match window.first {
            true => carried(&doc),
            false => window.carry.take(),
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
            carry,
        };
    }
    let pdf = timed(&mut out.phases.join, || join::join(pdfs))?;
    Ok(Some((pdf, pages)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Fonts;
    use crate::project::Project;
    use crate::{Engine, Options};

    /// A template marks its items by calling `parts.item` from the template library, never by
    /// spelling the marker: the engine finds each item so marked on its page, and `none`
    /// marks nothing.
    #[test]
    fn items_marked_by_the_template_library_are_found_on_their_pages() {
        let project = Project::embedded();
        let fonts = Fonts::load(&project);
        let engine = Engine::new(&project, &fonts, Options::default());
        let today = chrono::NaiveDate::from_ymd_opt(2025, 8, 22).unwrap();
        let src = "#import \"lib/parts.typ\"\n#parts.item(0)Một\n#pagebreak()\n#parts.item(1)Hai #parts.item(none)Ba #parts.item(7)Bốn".to_string();
        let mut out = JobOutcome::default();
        let doc = engine
            .compile_source(src, "t.typ.j2", today, &[], None, &mut out)
            .unwrap();
        let mut found = item_pages(&doc);
        found.sort();
        assert_eq!(found, [(0, 1), (1, 2), (7, 2)]);
    }
}
