//! GIẤY MỜI (Nghị định 30/2020, Phụ lục III, Mẫu 1.7): one invitation per delegate, the
//! all-in-one print file, and the reception's check-in list (danh sách đại biểu).
//!
//! A delegate who is an honoree is one entry referring to the honoree's id: the invitee's name
//! and salutation are taken from the honoree list, so a correction there reaches the invitation.
//! Date, start time and venue are read from `plan.conference` only.

use crate::Settings;
use crate::collate;
use crate::fonts::Fonts;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use minijinja::Value;
use serde::Serialize;

use super::{HeaderView, SignatureView, header, signature};
use crate::engine::{Batch, Job, Record, Work};
use crate::load::{DELEGATES, Data, HONOREES, PLAN};
use crate::model::{Delegate, Gender, Group, GroupOrder, Honoree, HonoreeKind, Layout};
use crate::text::{self, PartialDate};

pub const TEMPLATE: &str = "giay-moi.typ.j2";
pub const DIR: &str = "giay-moi";
pub const MERGED: &str = "giay-moi.pdf";
/// The invitations laid out for electronic issuance, one file each.
pub const E_DIR: &str = "dien-tu/giay-moi";
pub const LIST_TEMPLATE: &str = "danh-sach-dai-bieu.typ.j2";
pub const LIST_OUTPUT: &str = "danh-sach-dai-bieu.pdf";

/// A delegate resolved against the honoree list: what is printed for them.
#[derive(Debug, Clone, Serialize)]
pub struct Invitee {
    /// Position in the list, from 1.
    pub index: usize,
    /// Stable id: the data's, or made from the name ("db-nguyen-van-an").
    pub id: String,
    /// Whether the list gave the code: only then is it printed (with its QR code); a made
    /// code only names files.
    pub code_given: bool,
    pub salutation: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub unit: Option<String>,
    pub group: String,
    pub seat: Option<String>,
    /// The bold line of the invitation ("Ông Vũ Đức Thắng", "Đại diện lãnh đạo Sở Nội vụ …").
    pub headline: String,
    /// The line under it (title and unit of a person), if any.
    pub detail: Option<String>,
    /// Name for lists, file names and messages (the person, or the unit invited).
    pub display: String,
    /// Whether `display` is a person's name (ordered by given name) or a unit's.
    pub is_person: bool,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
}

/// Resolves every delegate (honoree references filled in). References that do not resolve are
/// reported by [`validate`]; here they fall back to the delegate's own fields.
pub fn invitees(data: &Data) -> Vec<Invitee> {
    let Some((list, _)) = &data.delegates else {
        return Vec::new();
    };
    let honorees: HashMap<&str, &Honoree> = data
        .honorees
        .as_ref()
        .map(|(h, _)| h.honorees.iter().map(|x| (x.id.as_str(), x)).collect())
        .unwrap_or_default();
    let mut all: Vec<Invitee> = list
        .delegates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let honoree = d
                .honoree
                .as_deref()
                .and_then(|h| honorees.get(h.trim()).copied());
            resolve(i + 1, d, honoree)
        })
        .collect();
    // Codes for delegates the list gives none, from the name rather than the row, so adding
    // or moving a row changes no other delegate's code; the clerk's codes are kept clear of.
    let given: Vec<String> = all
        .iter()
        .filter(|i| i.code_given)
        .map(|i| i.id.clone())
        .collect();
    let wanted: Vec<String> = all
        .iter()
        .filter(|i| !i.code_given)
        .map(|i| format!("db {}", i.display))
        .collect();
    let names: Vec<&str> = given
        .iter()
        .chain(wanted.iter())
        .map(String::as_str)
        .collect();
    let mut codes = crate::slug::unique_slugs(&names)
        .into_iter()
        .skip(given.len());
    for inv in all.iter_mut().filter(|i| !i.code_given) {
        inv.id = codes.next().unwrap_or_default();
    }
    all
}

fn resolve(index: usize, d: &Delegate, h: Option<&Honoree>) -> Invitee {
    let mut salutation = nonempty(&d.salutation);
    let mut name = nonempty(&d.name);
    let mut title = nonempty(&d.title);
    let mut unit = nonempty(&d.unit);
    let mut collective = None;
    if let Some(h) = h {
        match h.kind {
            HonoreeKind::Individual => {
                name = Some(h.name.clone());
                salutation = match h.gender {
                    Some(Gender::Male) => Some("Ông".into()),
                    Some(Gender::Female) => Some("Bà".into()),
                    None => salutation.or(Some("Ông/Bà".into())),
                };
                title = title.or_else(|| nonempty(&h.title));
                unit = unit.or_else(|| nonempty(&h.unit));
            }
            HonoreeKind::Collective => {
                // A collective is invited through its representative.
                name = None;
                salutation = None;
                collective = Some(h.name.clone());
                title = title.or(Some("Đại diện".into()));
                unit = Some(h.name.clone());
            }
        }
    }
    let join = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => Some(crate::text::position_in(a, b)),
        (Some(a), None) | (None, Some(a)) => Some(a.clone()),
        (None, None) => None,
    };
    // A name cell holding a position ("Giám đốc Trung tâm …") takes no salutation (`check`
    // warns about it).
    if name
        .as_deref()
        .is_some_and(|n| crate::text::position_title(n).is_some())
    {
        salutation = None;
    }
    let (headline, detail, display, is_person) = match &name {
        Some(n) => {
            let head = match &salutation {
                Some(s) => format!("{s} {n}"),
                None => n.clone(),
            };
            (head, join(&title, &unit), n.clone(), true)
        }
        None => {
            let head = match (&title, &unit) {
                // "Đại diện" + "Hội Nông dân xã"; "Trưởng thôn" + "thôn Bắc Hà" once.
                (Some(t), Some(u)) => {
                    crate::text::merge_words(t, u).unwrap_or_else(|| format!("{t} {u}"))
                }
                (Some(t), None) => t.clone(),
                (None, Some(u)) => u.clone(),
                (None, None) => String::new(),
            };
            let display = collective.or_else(|| unit.clone()).unwrap_or(head.clone());
            (head, None, display, false)
        }
    };
    Invitee {
        index,
        id: nonempty(&d.id).unwrap_or_default(),
        code_given: nonempty(&d.id).is_some(),
        salutation,
        name,
        title,
        unit,
        group: d.group.trim().to_string(),
        seat: nonempty(&d.seat),
        headline,
        detail,
        display,
        is_person,
    }
}

/// File names "NNN-slug.pdf": NNN the position (zero-padded to the list's width, at least 3),
/// slugs unique within the list.
pub fn file_names(list: &[Invitee]) -> Vec<String> {
    let width = list.len().to_string().len().max(3);
    let slugs = crate::slug::unique_slugs(&list.iter().map(|i| &i.display).collect::<Vec<_>>());
    list.iter()
        .zip(slugs)
        .map(|(i, s)| format!("{:0width$}-{s}.pdf", i.index))
        .collect()
}

#[derive(Debug, Serialize)]
struct Shared<'a> {
    layout: &'a Layout,
    header: HeaderView,
    summary: String,
    issuer: String,
    occasion: String,
    chair: Option<String>,
    time: String,
    venue: String,
    notes: Option<String>,
    recipients: Vec<String>,
    archive: Option<String>,
    signature: SignatureView,
    title: String,
    draft: bool,
    qr: bool,
}

#[derive(Debug, Serialize)]
struct RecordView<'a> {
    #[serde(flatten)]
    invitee: &'a Invitee,
    /// The code, drawn when the invitation is rendered ([`Qr`]).
    qr: Option<Value>,
}

/// The invitation's fixed part. The time line is "07 giờ 30 phút, thứ Sáu, ngày 22/8/2025":
/// the weekday is computed from the date, never typed.
fn shared(data: &Data) -> Shared<'_> {
    let inv = data.plan.invitation.clone().unwrap_or_default();
    let facts = data.facts();
    let c = &data.plan.conference;
    let date = facts.date();
    let summary = match &inv.summary {
        Some(s) => facts.fill(s),
        None => format!("Dự {}", c.short_name.as_ref().unwrap_or(&c.name)),
    };
    let occasion = match &inv.occasion {
        Some(s) => facts.fill(s),
        None => c.name.clone(),
    };
    let chair = inv.chair.as_ref().map(|s| facts.fill(s));
    let notes = inv.notes.as_ref().map(|s| facts.fill(s));
    let time = format!(
        "{}, {}, ngày {}",
        facts.start().long(),
        text::weekday(date),
        text::date_short(date)
    );
    use chrono::Datelike;
    Shared {
        layout: &data.plan.layout,
        header: header(data, &inv.code, inv.number, inv.date, date.year()),
        summary,
        issuer: data.plan.authority.name.clone(),
        occasion,
        chair,
        time,
        venue: c.venue.clone(),
        notes,
        recipients: inv.recipients.clone(),
        archive: inv.archive.clone(),
        signature: signature(inv.signature.as_ref().unwrap_or(&data.plan.signature)),
        title: format!("GIẤY MỜI {}", c.name),
        draft: inv.draft,
        qr: inv.qr,
    }
}

/// A delegate's QR code in the record, drawn only when the invitation is rendered (`{{
/// record.qr }}` in the template): the codes of a whole list were drawn before the first
/// invitation and held to the end of the build (10,000 delegates: 39 MB and 0.5 s on one core
/// before any layout), and a build of the check-in list alone drew them too. As a template
/// value it is the SVG text, and so is its `Debug` (minijinja renders an object for it), which
/// `serve`'s fingerprint of a record reads: the codes `serve` keeps ([`KEEP`]) are drawn once.
#[derive(Debug)]
struct Qr(Arc<str>);

impl Qr {
    /// The code of `id` when one can be made (an id too long for a QR code has none): found
    /// by encoding the id, without choosing among the masks, the slow part of drawing it.
    fn of(id: &str) -> Option<Value> {
        qrcode::bits::encode_auto(id.as_bytes(), qrcode::EcLevel::M)
            .is_ok()
            .then(|| Value::from_object(Qr(id.into())))
    }
}

impl minijinja::value::Object for Qr {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(qr_svg(&self.0).as_deref().unwrap_or_default())
    }
}

/// Codes kept for drawing again: `serve` renders the same invitations after every save (139
/// codes took 80 ms to draw), while a build draws each code once, and 10,000 kept codes held
/// 39 MB to its end. A `serve` of more delegates than this draws the others again each round.
const KEEP: usize = 2_000;

type Made = Option<HashMap<String, Option<Arc<str>>>>;

/// The codes drawn so far, by id: at most [`KEEP`].
static MADE: std::sync::Mutex<Made> = std::sync::Mutex::new(None);

/// The delegate's id as an SVG QR code (for scanning at the reception desk), drawn once per id
/// and process for the first [`KEEP`] ids.
fn qr_svg(id: &str) -> Option<Arc<str>> {
    let known = |made: &mut Made| made.get_or_insert_with(HashMap::new).get(id).cloned();
    if let Some(svg) = known(&mut MADE.lock().unwrap_or_else(|e| e.into_inner())) {
        return svg;
    }
    // Encoded outside the lock, so that the cores encode at once.
    let svg: Option<Arc<str>> = qrcode::QrCode::new(id.as_bytes())
        .ok()
        .map(|code| svg_of(&code.to_colors(), code.width()).into());
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    let made = made.get_or_insert_with(HashMap::new);
    if made.len() < KEEP {
        made.insert(id.to_string(), svg.clone());
    }
    svg
}

/// The code as SVG, at least 120 units wide, each module a whole number of units (the drawing
/// qrcode's own SVG renderer made: the same background and the same dark area), but each row's
/// run of dark modules one rectangle instead of one per module: the image is parsed, laid out
/// and drawn into every invitation's PDF, and a code had ~220 rectangles where it has ~100 runs
/// (the page prints the same: the rectangles' union is the same area, filled as one path).
fn svg_of(modules: &[qrcode::Color], width: usize) -> String {
    use std::fmt::Write;
    let unit = 120usize.div_ceil(width.max(1));
    let size = unit * width;
    let mut svg = format!(
        concat!(
            r#"<?xml version="1.0" standalone="yes"?>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{s}" height="{s}""#,
            r#" viewBox="0 0 {s} {s}" shape-rendering="crispEdges">"#,
            r##"<rect x="0" y="0" width="{s}" height="{s}" fill="#fff"/><path fill="#000" d=""##,
        ),
        s = size
    );
    // Each row's runs of dark modules, (start, end) in modules.
    let runs: Vec<Vec<(usize, usize)>> = modules
        .chunks(width.max(1))
        .map(|row| {
            let mut runs = Vec::new();
            let mut x = 0;
            while x < row.len() {
                let start = x;
                while x < row.len() && row[x] == qrcode::Color::Dark {
                    x += 1;
                }
                if x > start {
                    runs.push((start, x));
                } else {
                    x += 1;
                }
            }
            runs
        })
        .collect();
    // A run goes down as far as the rows below repeat it, and those rows then skip it.
    let mut drawn = vec![Vec::new(); runs.len()];
    for y in 0..runs.len() {
        for &run in &runs[y] {
            if drawn[y].contains(&run) {
                continue;
            }
            let mut end = y + 1;
            while end < runs.len() && runs[end].contains(&run) {
                drawn[end].push(run);
                end += 1;
            }
            let (left, top) = (run.0 * unit, y * unit);
            let (w, h) = ((run.1 - run.0) * unit, (end - y) * unit);
            let _ = write!(svg, "M{left} {top}h{w}v{h}H{left}V{top}");
        }
    }
    svg.push_str(r#""/></svg>"#);
    svg
}

/// Invitations (one PDF each + the print file), and the check-in list.
pub fn jobs(data: &Data, settings: Settings) -> Vec<Job> {
    if data.source(&DELEGATES).is_none() {
        return Vec::new();
    }
    let shared = shared(data);
    let list = invitees(data);
    let names = file_names(&list);
    let qrs = list.iter().map(|inv| {
        (shared.qr && inv.code_given)
            .then(|| Qr::of(&inv.id))
            .flatten()
    });
    let records = list
        .iter()
        .zip(names)
        .zip(qrs)
        .map(|((inv, file_name), qr)| Record {
            id: inv.id.clone(),
            file_name,
            label: format!("{} ({})", inv.display, inv.id),
            value: Value::from_serialize(RecordView { invitee: inv, qr }),
            origins: Default::default(),
        })
        .collect::<Vec<Record>>();
    let inputs = data.inputs(&[&PLAN, &DELEGATES, &HONOREES]);
    let today = data.facts().date();
    let inv = data.plan.invitation.clone().unwrap_or_default();
    let issued = crate::metadata::issued(
        data,
        "Giấy mời",
        &shared.header.code,
        &shared.summary,
        &shared.signature,
        &shared.recipients,
    );
    let electronic = crate::electronic(settings, inv.electronic, data, issued).map(|e| {
        let mut s = self::shared(data);
        s.header = s.header.electronic();
        s.signature = s.signature.electronic(data);
        Job {
            name: format!("{E_DIR}/"),
            inputs: inputs.clone(),
            today,
            work: Work::Batch(Batch {
                template: TEMPLATE.into(),
                shared: Value::from_serialize(&s),
                records: records.clone(),
                dir: Some(E_DIR.into()),
                merged: None,
                esign: Some(e),
            }),
        }
    });
    let mut jobs = vec![
        Job {
            name: format!("{DIR}/"),
            inputs: inputs.clone(),
            today,
            work: Work::Batch(Batch {
                template: TEMPLATE.into(),
                shared: Value::from_serialize(&shared),
                records,
                dir: Some(DIR.into()),
                merged: Some(MERGED.into()),
                esign: None,
            }),
        },
        checkin_job(checkin(data, &shared, &list), inputs, today),
    ];
    jobs.extend(electronic);
    jobs
}

/// The check-in list, laid out in parts when long ([`crate::engine::Single::long_list`]).
fn checkin_job(view: ListView<'_>, inputs: Vec<String>, today: chrono::NaiveDate) -> Job {
    let full = Value::from_serialize(&view);
    let total = view.total;
    let groups = view.groups;
    let mut job = Job::single(LIST_TEMPLATE, full.clone(), LIST_OUTPUT, inputs, today);
    if let Work::Single(s) = &mut job.work {
        s.long_list(total, move |rows| {
            minijinja::context! {
                groups => Value::from_serialize(list_window(&groups, rows, total)),
                ..full.clone()
            }
        });
    }
    job
}

#[derive(Debug, Clone, Serialize)]
struct ListGroup {
    /// "I", "1", … as printed before the label.
    number: String,
    label: String,
    depth: usize,
    /// Delegates in the group and its subgroups.
    count: usize,
    rows: Vec<ListRow>,
}

#[derive(Debug, Clone, Serialize)]
struct ListRow {
    /// Its place in the list (stt − 1), marked for the engine's parts.
    item: usize,
    stt: usize,
    name: String,
    title: Option<String>,
    unit: Option<String>,
    seat: Option<String>,
}

/// Groups in the plan's order (composition tree), delegates inside a group in the list's order
/// (protocol rank, as the clerk wrote it) or, for a group marked `order: name`, in Vietnamese
/// order ([`GroupOrder`]).
fn list_groups(comp: &Group, list: &[Invitee]) -> Vec<ListGroup> {
    let mut by_group: HashMap<&str, Vec<&Invitee>> = HashMap::new();
    for i in list {
        by_group.entry(i.group.as_str()).or_default().push(i);
    }
    fn has_any(g: &Group, by: &HashMap<&str, Vec<&Invitee>>) -> bool {
        by.contains_key(g.id.as_str()) || g.groups.iter().any(|c| has_any(c, by))
    }
    fn subtree(g: &Group, by: &HashMap<&str, Vec<&Invitee>>) -> usize {
        by.get(g.id.as_str()).map_or(0, Vec::len)
            + g.groups.iter().map(|c| subtree(c, by)).sum::<usize>()
    }
    let mut out = Vec::new();
    let mut stt = 0;
    let mut top = 0;
    let mut sub = 0;
    comp.walk("", &mut |g, _, depth| {
        if !has_any(g, &by_group) {
            return;
        }
        let number = match depth {
            0 => String::new(),
            1 => {
                top += 1;
                sub = 0;
                crate::text::roman(top)
            }
            _ => {
                sub += 1;
                sub.to_string()
            }
        };
        let mut members = by_group.get(g.id.as_str()).cloned().unwrap_or_default();
        if depth == 0 && members.is_empty() {
            return; // the whole composition: its label is the document's title
        }
        if g.order == GroupOrder::Name {
            members.sort_by(|a, b| match (a.is_person, b.is_person) {
                (true, true) => collate::compare_person_names(&a.display, &b.display),
                (false, false) => collate::compare(&a.display, &b.display),
                (true, false) => std::cmp::Ordering::Less,
                (false, true) => std::cmp::Ordering::Greater,
            });
        }
        let rows = members
            .iter()
            .map(|i| {
                stt += 1;
                // A unit invited without a name: "Đại diện lãnh đạo" in the name column.
                let (name, title) = match &i.name {
                    Some(n) => (n.clone(), i.title.clone()),
                    None => (i.title.clone().unwrap_or_else(|| "Đại diện".into()), None),
                };
                ListRow {
                    item: stt - 1,
                    stt,
                    name,
                    title,
                    unit: i.unit.clone(),
                    seat: i.seat.clone(),
                }
            })
            .collect();
        out.push(ListGroup {
            number,
            label: g.label.clone(),
            depth,
            count: subtree(g, &by_group),
            rows,
        });
    });
    out
}

#[derive(Debug, Serialize)]
struct ListView<'a> {
    layout: &'a Layout,
    header: HeaderView,
    title: String,
    subtitle: String,
    when: String,
    total: usize,
    groups: Vec<ListGroup>,
}

fn inv_date(data: &Data) -> Option<PartialDate> {
    data.plan.invitation.as_ref().and_then(|i| i.date)
}

fn checkin<'a>(data: &'a Data, shared: &Shared, list: &[Invitee]) -> ListView<'a> {
    let c = &data.plan.conference;
    let date = data.facts().date();
    use chrono::Datelike;
    ListView {
        layout: &data.plan.layout,
        header: header(data, "DS", None, inv_date(data), date.year()),
        title: "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ".into(),
        subtitle: c.name.clone(),
        when: format!("{}; {}", shared.time, shared.venue),
        total: list.len(),
        groups: list_groups(&data.plan.composition, list),
    }
}

/// The groups of `rows` of a list of `total` rows, as the full table reads from the first of
/// them on: the sub-headers standing at that row (its group's and, under a subgroup, its
/// parent's, which a continued page repeats), then every group that begins before the rows end.
fn list_window(groups: &[ListGroup], rows: Range<usize>, total: usize) -> Vec<ListGroup> {
    let first = |g: &ListGroup| g.rows.first().map(|r| r.item);
    // The group of the part's first row; groups before it come only in the first part.
    let k = groups
        .iter()
        .position(|g| g.rows.iter().any(|r| r.item == rows.start))
        .unwrap_or(0);
    let last = rows.end == total;
    let mut out = Vec::new();
    if rows.start == 0 {
        out.extend(groups[..k].iter().cloned());
    } else if groups[k].depth >= 2
        && let Some(parent) = groups[..k].iter().rev().find(|g| g.depth <= 1)
    {
        out.push(ListGroup {
            rows: Vec::new(),
            ..parent.clone()
        });
    }
    for (j, g) in groups.iter().enumerate().skip(k) {
        // An empty group (a parent whose delegates are all in subgroups) sits before the next
        // row; it belongs to this part when that row does, or when this part ends the list.
        let at = first(g).or_else(|| groups[j..].iter().find_map(first));
        if j > k && !last && at.is_none_or(|i| i >= rows.end) {
            break;
        }
        out.push(ListGroup {
            rows: g
                .rows
                .iter()
                .filter(|r| rows.contains(&r.item))
                .cloned()
                .collect(),
            ..g.clone()
        });
    }
    out
}

/// One invitation (GIẤY MỜI) per delegate, their print file and the reception's list.
pub struct Invitations;

impl crate::Document for Invitations {
    fn outputs(&self) -> &'static [&'static str] {
        &[DIR, MERGED, LIST_OUTPUT, E_DIR]
    }

    fn jobs(&self, data: &Data, _fonts: &Fonts, settings: Settings) -> Vec<Job> {
        jobs(data, settings)
    }
}

#[cfg(test)]
mod tests {
    use super::{KEEP, MADE, Qr, qr_svg, svg_of};

    /// The unit cells an SVG path of `M{x} {y}h{w}v{h}H{x}V{y}` rectangles covers, and the
    /// text before the path (size, view box, background).
    fn cells(svg: &str) -> (String, std::collections::BTreeSet<(u32, u32)>) {
        let (head, rest) = svg.split_once(" d=\"").unwrap();
        let path = rest.split_once('"').unwrap().0;
        let mut out = std::collections::BTreeSet::new();
        for rect in path.split('M').filter(|r| !r.is_empty()) {
            let num = |s: &str| s.parse::<u32>().unwrap();
            let (xy, rest) = rect.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (w, rest) = rest.split_once('v').unwrap();
            let h = rest.split_once('H').unwrap().0;
            for cx in num(x)..num(x) + num(w) {
                for cy in num(y)..num(y) + num(h) {
                    assert!(out.insert((cx, cy)), "rectangles overlap at {cx},{cy}");
                }
            }
        }
        (head.to_string(), out)
    }

    /// A record holds its code undrawn: rendered, it is the drawing of the code of its id, and
    /// so is its `Debug` (what `serve`'s fingerprint reads); a template's `if` finds it; an id
    /// too long for any QR code has none.
    #[test]
    fn a_code_in_a_record_is_drawn_when_rendered() {
        let code = qrcode::QrCode::new(b"db-007").unwrap();
        let drawn = svg_of(&code.to_colors(), code.width());
        let qr = Qr::of("db-007").unwrap();
        assert_eq!(qr.to_string(), drawn);
        assert_eq!(format!("{qr:?}"), drawn);
        let env = minijinja::Environment::new();
        let shown = env
            .render_str(
                "{% if qr %}[{{ qr }}]{% endif %}",
                minijinja::context! { qr },
            )
            .unwrap();
        assert_eq!(shown, format!("[{drawn}]"));
        assert!(Qr::of(&"x".repeat(3000)).is_none());
        assert!(qrcode::QrCode::new("x".repeat(3000).as_bytes()).is_err());
    }

    /// The first ids' codes are kept for drawing again, and no more than [`KEEP`] of them.
    #[test]
    fn codes_are_kept_for_the_first_ids_only() {
        let last = format!("keep-{}", KEEP + 4);
        for k in 0..KEEP + 5 {
            assert!(qr_svg(&format!("keep-{k}")).is_some());
        }
        let made = MADE.lock().unwrap();
        let made = made.as_ref().unwrap();
        assert_eq!(made.len(), KEEP);
        assert!(!made.contains_key(&last));
    }

    /// Against the qrcode crate's own SVG renderer, which drew one rectangle per module: the
    /// same header and the same dark area, in fewer rectangles, for codes of several versions.
    #[test]
    fn the_code_covers_what_the_crates_renderer_covered() {
        let long = "x".repeat(120);
        for id in [
            "db-001",
            "db-139",
            "DB-2025-000123",
            "db-nguyen-van-an-thon-3",
            &long,
        ] {
            let code = qrcode::QrCode::new(id.as_bytes()).unwrap();
            let theirs = code
                .render::<qrcode::render::svg::Color>()
                .quiet_zone(false)
                .min_dimensions(120, 120)
                .build();
            let ours = svg_of(&code.to_colors(), code.width());
            assert_eq!(cells(&ours), cells(&theirs), "{id}");
            assert!(ours.ends_with(r#""/></svg>"#));
            assert!(
                ours.matches('M').count() * 2 < theirs.matches('M').count(),
                "{id}"
            );
        }
    }
}
