//! CHƯƠNG TRÌNH HỘI NGHỊ: the programme booklet each delegate holds. Two files from one
//! layout: the reading copy (A5 pages in reading order) and the print copy, the same pages
//! imposed two to an A4 landscape sheet side so that a duplex print, folded in the middle and
//! stapled, reads in order. The print copy places the reading copy's PDF pages as images, so
//! both files always carry exactly the same pages.

use crate::Settings;
use crate::fonts::Fonts;
use serde::Serialize;

use crate::collate;
use std::ops::Range;

use crate::engine::{Derived, Job, Single, Work};
use crate::load::{AGENDA, Data, HONOREES, PLAN, RESPONSIBILITIES};
use crate::model::{Honoree, HonoreeKind};
use crate::text;

pub const TEMPLATE: &str = "chuong-trinh.typ.j2";
pub const TEMPLATE_PRINT: &str = "chuong-trinh-in.typ.j2";
pub const OUTPUT: &str = "chuong-trinh.pdf";
pub const OUTPUT_PRINT: &str = "chuong-trinh-in.pdf";

/// Where the print copy's compile finds the reading copy's PDF.
const BOOKLET_FILE: &str = "/__booklet__.pdf";

#[derive(Debug, Clone, Serialize)]
pub struct BookletView {
    /// Lines of the issuing body, parent first (cover).
    pub authority: Vec<String>,
    pub authority_name: String,
    pub place: String,
    pub conference: ConferenceView,
    pub items: Vec<ItemView>,
    pub speakers: Vec<SpeakerView>,
    /// The entries of the honours list this part prints (all of them, laid out whole).
    pub collectives: Vec<HonoreeView>,
    pub individuals: Vec<HonoreeView>,
    pub honours: HonoursView,
    pub duties: Vec<DutyView>,
    /// Note pages before the back cover, bringing the page count to a multiple of 4.
    pub notes: usize,
}

/// The honours list as a whole: its counts, and the items of its two headings when this part
/// prints them.
#[derive(Debug, Clone, Serialize)]
pub struct HonoursView {
    pub collectives: usize,
    pub individuals: usize,
    pub collectives_heading: Option<usize>,
    pub individuals_heading: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConferenceView {
    pub name: String,
    pub short_name: String,
    /// "07 giờ 30 phút".
    pub start: String,
    pub session: Option<String>,
    /// "thứ Sáu".
    pub weekday: String,
    /// "ngày 22 tháng 8 năm 2025".
    pub date_long: String,
    /// "tháng 8 năm 2025" (back cover).
    pub month_year: String,
    pub venue: String,
    pub period: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// "07h30", or `None` when the agenda gives no time.
    pub time: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    /// Indexes (1-based) into [`BookletView::speakers`] of this item's speakers.
    pub speakers: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerView {
    pub name: String,
    /// The speaker speaks for a collective of the honours list ("Đại diện …").
    pub collective: bool,
    /// Title and unit, as one line ("Chi hội trưởng Chi hội Phụ nữ, thôn …").
    pub detail: Option<String>,
    pub topic: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HonoreeView {
    pub id: String,
    pub name: String,
    pub detail: Option<String>,
    /// Number in its own list (1-based).
    pub n: usize,
    /// Place in the honours list, headings counted (the parts' item).
    pub item: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DutyView {
    pub unit: String,
    pub brief: Option<String>,
}

fn non_empty(s: Option<&String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// "title, unit" of an individual; either may be missing.
fn person_detail(h: &Honoree) -> Option<String> {
    let joined = crate::text::position_in(
        h.title.as_deref().unwrap_or(""),
        h.unit.as_deref().unwrap_or(""),
    );
    (!joined.is_empty()).then_some(joined)
}

pub fn view(data: &Data) -> BookletView {
    let facts = data.facts();
    let p = &data.plan;
    let c = &p.conference;
    let date = facts.date();
    let mut authority: Vec<String> = p
        .authority
        .parent
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| text::upper(s))
        .collect();
    authority.extend(p.authority.lines.iter().cloned());
    let honorees: &[Honoree] = data
        .honorees
        .as_ref()
        .map(|(h, _)| h.honorees.as_slice())
        .unwrap_or(&[]);

    let mut items = Vec::new();
    let mut speakers = Vec::new();
    if let Some((agenda, _)) = &data.agenda {
        for item in &agenda.items {
            let mut refs = Vec::new();
            for s in &item.speakers {
                let h = s
                    .honoree
                    .as_ref()
                    .and_then(|id| honorees.iter().find(|h| &h.id == id));
                let collective = h.is_some_and(|h| h.kind == HonoreeKind::Collective);
                let name = non_empty(s.name.as_ref())
                    .or_else(|| h.map(|h| h.name.clone()))
                    .unwrap_or_default();
                let detail = non_empty(s.unit.as_ref()).or_else(|| match h {
                    Some(h) if h.kind == HonoreeKind::Individual => person_detail(h),
                    _ => None,
                });
                speakers.push(SpeakerView {
                    name,
                    collective: collective && s.name.is_none(),
                    detail,
                    topic: non_empty(s.topic.as_ref()),
                });
                refs.push(speakers.len());
            }
            items.push(ItemView {
                time: item.time.map(|t| t.short()),
                title: item.title.clone(),
                lead: non_empty(item.lead.as_ref()),
                speakers: refs,
            });
        }
    }

    let (mut collectives, mut individuals): (Vec<&Honoree>, Vec<&Honoree>) = honorees
        .iter()
        .partition(|h| h.kind == HonoreeKind::Collective);
    collectives.sort_by(|a, b| collate::compare(&a.name, &b.name));
    collate::sort_by_person_name(&mut individuals, |h| h.name.as_str());

    // The honours list's items, in print order: a heading, its entries, the other heading, its
    // entries. `detail` is what a list prints under a name.
    let mut item = 0;
    let mut list = |honorees: Vec<&Honoree>, detail: fn(&Honoree) -> Option<String>| {
        let heading = (!honorees.is_empty()).then_some(item);
        item += usize::from(heading.is_some());
        let views: Vec<HonoreeView> = honorees
            .into_iter()
            .enumerate()
            .map(|(i, h)| HonoreeView {
                id: h.id.clone(),
                name: h.name.clone(),
                detail: detail(h),
                n: i + 1,
                item: item + i,
            })
            .collect();
        item += views.len();
        (heading, views)
    };
    let (collectives_heading, collectives) = list(collectives, |_| None);
    let (individuals_heading, individuals) = list(individuals, person_detail);
    BookletView {
        authority,
        authority_name: p.authority.name.clone(),
        place: p.authority.place.clone(),
        conference: ConferenceView {
            name: c.name.clone(),
            short_name: c.short_name.clone().unwrap_or_else(|| c.name.clone()),
            start: facts.start().long(),
            session: non_empty(c.session.as_ref()),
            weekday: text::weekday(date).to_string(),
            date_long: text::date_long(date),
            month_year: {
                use chrono::Datelike;
                format!(
                    "tháng {} năm {}",
                    text::month_text(date.month()),
                    date.year()
                )
            },
            venue: c.venue.clone(),
            period: non_empty(c.period.as_ref()),
        },
        items,
        speakers,
        honours: HonoursView {
            collectives: collectives.len(),
            individuals: individuals.len(),
            collectives_heading,
            individuals_heading,
        },
        collectives,
        individuals,
        duties: data
            .responsibilities
            .as_ref()
            .map(|(r, _)| {
                r.units
                    .iter()
                    .map(|u| DutyView {
                        unit: u.unit.clone(),
                        brief: non_empty(u.brief.as_ref()),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        notes: 0,
    }
}

/// Items of the honours list: its headings and its entries.
fn items(v: &BookletView) -> usize {
    let headings = [v.honours.collectives_heading, v.honours.individuals_heading];
    headings.iter().flatten().count() + v.collectives.len() + v.individuals.len()
}

/// The context of the list's `items`, with `notes` note pages: the whole view (`full`, made
/// once) with those items' entries and headings.
fn windowed(
    v: &BookletView,
    full: &minijinja::Value,
    items: Range<usize>,
    notes: usize,
) -> minijinja::Value {
    use minijinja::Value;
    let in_part = |i: &usize| items.contains(i);
    let part = |list: &[HonoreeView]| -> Value {
        let kept: Vec<&HonoreeView> = list.iter().filter(|h| in_part(&h.item)).collect();
        Value::from_serialize(&kept)
    };
    minijinja::context! {
        collectives => part(&v.collectives),
        individuals => part(&v.individuals),
        honours => Value::from_serialize(&HonoursView {
            collectives_heading: v.honours.collectives_heading.filter(in_part),
            individuals_heading: v.honours.individuals_heading.filter(in_part),
            ..v.honours.clone()
        }),
        notes => notes,
        ..full.clone()
    }
}

/// Note pages that bring `pages` to a multiple of four.
fn notes(pages: usize) -> usize {
    (4 - pages % 4) % 4
}

/// One side of a printed sheet: the booklet pages (1-based) on its left and right halves;
/// `None` is a blank half.
pub type Side = (Option<usize>, Option<usize>);

/// Saddle-stitch order for a booklet of `n` pages: pages are padded with blanks to a multiple
/// of 4, and each sheet carries, front then back, the outermost pages still unplaced:
/// front (last, first), back (second, second-to-last). Sheets are listed outermost first, so
/// the printed stack, folded once, reads 1, 2, 3, …
pub fn imposition(n: usize) -> Vec<Side> {
    let total = n.div_ceil(4) * 4;
    let page = |k: usize| (k <= n).then_some(k);
    let mut sides = Vec::with_capacity(total / 2);
    for s in 0..total / 4 {
        sides.push((page(total - 2 * s), page(1 + 2 * s)));
        sides.push((page(2 + 2 * s), page(total - 1 - 2 * s)));
    }
    sides
}

/// The booklet: the reading copy, laid out again with note pages up to a multiple of four,
/// then the print copy placing its pages. No agenda, no booklet (the loader noted it).
pub fn jobs(data: &Data) -> Vec<Job> {
    if data.source(&AGENDA).is_none() {
        return Vec::new();
    }
    // One view, shared by the whole layout and every part's context (10,000 honorees are not
    // copied per part).
    let v = std::sync::Arc::new(view(data));
    let full = minijinja::Value::from_serialize(&*v);
    let whole = full.clone();
    let relayout = move |pages: usize| {
        // The page count is known only after layout: a second layout adds the note pages.
        let short = notes(pages);
        (short > 0).then(|| minijinja::context! { notes => short, ..whole.clone() })
    };
    let inputs = data.inputs(&[&PLAN, &AGENDA, &HONOREES, &RESPONSIBILITIES]);
    let mut single = Single::new(TEMPLATE, full.clone(), OUTPUT);
    single.relayout = Some(Box::new(relayout));
    // A long honours list (a district's thousands) in bounded parts; the last part is laid out
    // again with the note pages once the whole count is known.
    let (w, l) = ((v.clone(), full.clone()), (v.clone(), full));
    single
        .long_list(items(&v), move |r| windowed(&w.0, &w.1, r, 0))
        .relayout_last(move |r, pages| {
            let short = notes(pages);
            (short > 0).then(|| windowed(&l.0, &l.1, r, short))
        });
    single.then = Some(Box::new(Derived {
        template: TEMPLATE_PRINT.into(),
        output: OUTPUT_PRINT.into(),
        embed_as: BOOKLET_FILE.into(),
        context: Box::new(|pages| {
            let sides: Vec<[Option<usize>; 2]> =
                imposition(pages).into_iter().map(|(l, r)| [l, r]).collect();
            minijinja::context! { file => BOOKLET_FILE, sides => sides, pages => pages }
        }),
    }));
    vec![Job {
        name: OUTPUT.into(),
        inputs,
        today: data.facts().date(),
        work: Work::Single(single),
    }]
}

/// The programme booklet, in reading order and imposed for printing.
pub struct Booklet;

impl crate::Document for Booklet {
    fn outputs(&self) -> &'static [&'static str] {
        &[OUTPUT, OUTPUT_PRINT]
    }

    fn jobs(&self, data: &Data, _fonts: &Fonts, _settings: Settings) -> Vec<Job> {
        jobs(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_pages_one_sheet() {
        assert_eq!(imposition(4), vec![(Some(4), Some(1)), (Some(2), Some(3))]);
    }

    #[test]
    fn eight_pages_as_in_the_issue() {
        assert_eq!(
            imposition(8),
            vec![
                (Some(8), Some(1)),
                (Some(2), Some(7)),
                (Some(6), Some(3)),
                (Some(4), Some(5)),
            ]
        );
    }

    #[test]
    fn twelve_pages_three_sheets() {
        assert_eq!(
            imposition(12),
            vec![
                (Some(12), Some(1)),
                (Some(2), Some(11)),
                (Some(10), Some(3)),
                (Some(4), Some(9)),
                (Some(8), Some(5)),
                (Some(6), Some(7)),
            ]
        );
    }

    #[test]
    fn odd_counts_are_padded_with_blanks_at_the_end() {
        assert_eq!(
            imposition(5),
            vec![
                (None, Some(1)),
                (Some(2), None),
                (None, Some(3)),
                (Some(4), Some(5)),
            ]
        );
        assert_eq!(
            imposition(7),
            vec![
                (None, Some(1)),
                (Some(2), Some(7)),
                (Some(6), Some(3)),
                (Some(4), Some(5)),
            ]
        );
    }

    /// Every page appears exactly once, facing pages of each side sum to total + 1 (the fold),
    /// and folding the stack gives reading order, for every size up to 64 pages.
    #[test]
    fn every_size_reads_in_order_when_folded() {
        for n in 1..=64 {
            let sides = imposition(n);
            let total = n.div_ceil(4) * 4;
            assert_eq!(sides.len(), total / 2, "n = {n}");
            let mut seen = vec![0; n + 1];
            for &(l, r) in &sides {
                for p in [l, r].into_iter().flatten() {
                    seen[p] += 1;
                }
            }
            assert!(seen[1..].iter().all(|&c| c == 1), "n = {n}: {seen:?}");
            // Reading order: right halves of fronts and left halves of backs going in,
            // then the other halves coming out.
            let mut order = Vec::new();
            for s in sides.chunks(2) {
                order.push(s[0].1);
                order.push(s[1].0);
            }
            for s in sides.chunks(2).rev() {
                order.push(s[1].1);
                order.push(s[0].0);
            }
            let expected: Vec<Option<usize>> = (1..=total).map(|k| (k <= n).then_some(k)).collect();
            assert_eq!(order, expected, "n = {n}");
        }
    }
}
