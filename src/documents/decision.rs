//! The Chairman's award decision (QUYẾT ĐỊNH khen thưởng, Nghị định 30/2020 Mẫu 1.2) with its
//! attached list, and the data both it and the certificates (GIẤY KHEN) read: one ordered list
//! of honorees, so the number a certificate prints as "Số sổ vàng" is the line of the decision's
//! list. `data/decision.yaml` is optional: without it neither document is printed.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{ConferenceFacts, HeaderView, SignatureView, header, signature};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{self, Data, YamlDoc};
use crate::model::{Gender, Honoree, HonoreeKind, Signature};
use crate::project::Project;
use crate::text::{self, PartialDate};

pub const FILE: &str = "data/decision.yaml";
pub const TEMPLATE: &str = "quyet-dinh-khen-thuong.typ.j2";
pub const OUTPUT: &str = "quyet-dinh-khen-thuong.pdf";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionFile {
    #[serde(default = "default_code")]
    pub code: String,
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    pub summary: String,
    #[serde(default)]
    pub bases: Vec<String>,
    #[serde(default)]
    pub proposal: Option<String>,
    pub articles: Vec<String>,
    #[serde(default)]
    pub award: Option<Award>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub archive: Option<String>,
    #[serde(default)]
    pub signature: Option<Signature>,
    #[serde(default = "default_appendix_title")]
    pub appendix_title: String,
    #[serde(default)]
    pub certificate: CertificateSettings,
}

fn default_code() -> String {
    "QĐ".into()
}

fn default_appendix_title() -> String {
    "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN".into()
}

/// Money given with each certificate, in đồng.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    #[serde(default)]
    pub collective: Option<u64>,
    #[serde(default)]
    pub individual: Option<u64>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// The order of the data (`order:` of an honoree first, then the file's order).
    #[default]
    Data,
    /// Vietnamese order: collectives by name, people by given name.
    Name,
    /// Grouped by unit (Vietnamese order of the unit), data order within a unit.
    Unit,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum NameFont {
    #[default]
    Playfair,
    GreatVibes,
    Tinos,
}

impl NameFont {
    pub fn family(self) -> &'static str {
        match self {
            NameFont::Playfair => "Playfair Display",
            NameFont::GreatVibes => "Great Vibes",
            NameFont::Tinos => "Tinos",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {
    /// Word before a person's name by gender: `{nam: Ông, nữ: Bà}`.
    pub salutation: BTreeMap<String, String>,
    pub order: Order,
    /// Project path of the State emblem image; none is shipped.
    pub emblem: Option<String>,
    pub name_font: NameFont,
    /// Always write the overlay for pre-printed blanks, as `build --phoi` does.
    pub phoi: bool,
    pub phoi_layout: String,
}

impl Default for CertificateSettings {
    fn default() -> Self {
        Self {
            salutation: BTreeMap::from([("nam".into(), "Ông".into()), ("nữ".into(), "Bà".into())]),
            order: Order::Data,
            emblem: None,
            name_font: NameFont::Playfair,
            phoi: false,
            phoi_layout: "data/phoi.yaml".into(),
        }
    }
}

/// Where each variable field of the certificate sits (mm from the sheet's top-left corner),
/// shared by the full design and the overlay for blanks, plus the printer's feed offset.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhoiLayout {
    #[serde(default)]
    pub offset: Offset,
    pub fields: BTreeMap<String, FieldBox>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    pub dx: f64,
    pub dy: f64,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Printed on blanks (false for lines the blank already carries).
    #[serde(default = "yes")]
    pub phoi: bool,
}

fn yes() -> bool {
    true
}

/// The fields the certificate template places; the layout file must give each.
pub const FIELDS: [&str; 9] = [
    "position",
    "name",
    "detail",
    "achievement",
    "place_date",
    "signer_position",
    "signer_name",
    "decision",
    "book_number",
];

/// decision.yaml and its phôi layout, loaded and checked.
pub struct Loaded {
    pub decision: DecisionFile,
    pub doc: YamlDoc,
    pub layout: PhoiLayout,
    pub layout_doc: YamlDoc,
}

/// Reads decision.yaml and the layout file; `Ok(None)` (with a note) when the project has no
/// decision. Problems are located in the files.
pub fn load(project: &Project) -> Result<Option<Loaded>, Diagnostics> {
    let (decision, doc) = match load::read_yaml::<DecisionFile>(project, FILE) {
        Ok(Some(d)) => d,
        Ok(None) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let rel = decision.certificate.phoi_layout.clone();
    let (layout, layout_doc) = match load::read_yaml::<PhoiLayout>(project, &rel) {
        Ok(Some(l)) => l,
        Ok(None) => {
            return Err(doc
                .error(
                    "certificate.phoi_layout",
                    format!("không có tệp vị trí ô chữ “{rel}”"),
                )
                .hint("chép tệp data/phoi.yaml của bộ mẫu (vinhdanh init) vào dự án")
                .into());
        }
        Err(e) => return Err(e.into()),
    };
    let mut errors = Diagnostics::default();
    for f in FIELDS {
        match layout.fields.get(f) {
            None => errors.push(
                layout_doc
                    .error("fields", format!("thiếu vị trí ô “{f}”"))
                    .hint(format!("các ô cần có: {}", FIELDS.join(", "))),
            ),
            Some(b) => {
                let path = format!("fields.{f}");
                if b.width <= 0.0 || b.height <= 0.0 {
                    errors.push(layout_doc.error(&path, "width và height phải lớn hơn 0"));
                }
                if b.x < 0.0 || b.y < 0.0 || b.x + b.width > 297.0 || b.y + b.height > 210.0 {
                    errors.push(
                        layout_doc
                            .error(&path, format!("ô “{f}” nằm ra ngoài tờ giấy 297 × 210 mm"))
                            .hint("x + width ≤ 297 và y + height ≤ 210"),
                    );
                }
            }
        }
    }
    for k in layout.fields.keys() {
        if !FIELDS.contains(&k.as_str()) {
            errors.push(
                layout_doc
                    .warning(&format!("fields.{k}"), format!("ô “{k}” không dùng đến"))
                    .hint(format!("các ô dùng được: {}", FIELDS.join(", "))),
            );
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(Some(Loaded {
        decision,
        doc,
        layout,
        layout_doc,
    }))
}

/// What `check` and `build` say about decision.yaml before printing: located errors, a note when
/// the decision is absent, and (once) when no emblem image is configured.
pub fn check(project: &Project, data: &Data) -> Diagnostics {
    let mut out = Diagnostics::default();
    match load(project) {
        Ok(None) => out.push(
            Diagnostic::warning(format!(
                "không có {FILE}: bỏ qua Quyết định khen thưởng và Giấy khen"
            ))
            .in_file(FILE),
        ),
        Err(e) => out.extend(e),
        Ok(Some(l)) => {
            let d = &l.decision;
            // The last line of the preamble ends with "."; the others with ";".
            let n = d.bases.len();
            let last_is_basis = d.proposal.is_none();
            for (i, b) in d.bases.iter().enumerate() {
                let want = if i + 1 == n && last_is_basis {
                    '.'
                } else {
                    ';'
                };
                if !b.trim_end().ends_with(want) {
                    out.push(
                        l.doc
                            .warning(
                                &format!("bases[{i}]"),
                                format!("căn cứ nên kết thúc bằng dấu “{want}”"),
                            )
                            .hint("mỗi căn cứ kết thúc bằng “;”, căn cứ cuối bằng “.”"),
                    );
                }
            }
            match &d.certificate.emblem {
                Some(e) if !e.trim().is_empty() => {
                    if !project.exists(e.trim_start_matches('/')) {
                        out.push(
                            l.doc
                                .error(
                                    "certificate.emblem",
                                    format!("không có tệp ảnh Quốc huy “{e}”"),
                                )
                                .hint("đặt ảnh (PNG hoặc SVG) vào thư mục assets/ của dự án và ghi đường dẫn, ví dụ assets/quoc-huy.png"),
                        );
                    }
                }
                _ => out.push(
                    l.doc
                        .warning(
                            "certificate",
                            "chưa có ảnh Quốc huy: Giấy khen để trống chỗ in Quốc huy",
                        )
                        .hint("ghi certificate.emblem: assets/quoc-huy.png (ảnh do đơn vị tự cung cấp)"),
                ),
            }
            if let Some(n) = data.honorees.as_ref().map(|(h, _)| h.honorees.len())
                && n == 0
            {
                out.push(
                    Diagnostic::warning("danh sách khen thưởng trống").in_file(load::HONOREES),
                );
            }
        }
    }
    out
}

/// Honorees: located problems in the list itself (called from `validate`).
pub fn validate_honorees(data: &Data, out: &mut Diagnostics) {
    let Some((file, src)) = &data.honorees else {
        return;
    };
    let fields: Vec<String> = data
        .plan
        .conference
        .fields
        .iter()
        .map(|f| fold(f))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, h) in file.honorees.iter().enumerate() {
        let p = format!("honorees[{i}]");
        if let Some(first) = seen.insert(h.id.as_str(), i) {
            out.push(
                src.error(
                    &format!("{p}.id"),
                    format!("mã “{}” trùng với mục thứ {}", h.id, first + 1),
                )
                .record(label(h))
                .hint("mỗi tập thể, cá nhân một mã riêng"),
            );
            seen.insert(h.id.as_str(), first);
        }
        if let Some(f) = &h.field
            && !fields.is_empty()
            && !fields.contains(&fold(f))
        {
            // A warning: the certificate prints regardless; only the balance table is affected.
            let mut d = src
                .warning(
                    &format!("{p}.field"),
                    format!("lĩnh vực “{f}” không có trong Kế hoạch (bảng cân đối sẽ tính riêng)"),
                )
                .record(label(h));
            d = match nearest(f, &data.plan.conference.fields) {
                Some(s) => d.hint(format!(
                    "có phải “{s}”? Các lĩnh vực: {}",
                    data.plan.conference.fields.join(", ")
                )),
                None => d.hint(format!(
                    "các lĩnh vực: {}",
                    data.plan.conference.fields.join(", ")
                )),
            };
            out.push(d);
        }
        if h.kind == HonoreeKind::Individual && h.gender.is_none() {
            out.push(
                src.warning(
                    &format!("{p}.gender"),
                    "cá nhân chưa ghi giới tính: Giấy khen in tên không có “Ông”/“Bà”",
                )
                .record(label(h))
                .hint("ghi gender: nam hoặc gender: nữ"),
            );
        }
        if h.name.trim().is_empty() {
            out.push(
                src.error(&format!("{p}.name"), "thiếu tên")
                    .record(label(h)),
            );
        }
        if h.achievement.trim().is_empty() {
            out.push(
                src.error(&format!("{p}.achievement"), "thiếu thành tích")
                    .record(label(h)),
            );
        }
    }
}

fn label(h: &Honoree) -> String {
    format!("{} ({})", h.name, h.id)
}

fn fold(s: &str) -> String {
    text::nfc(&s.trim().to_lowercase())
}

/// The closest allowed value by edit distance, if reasonably close (a typo, not another word).
fn nearest<'a>(s: &str, options: &'a [String]) -> Option<&'a str> {
    let s: Vec<char> = fold(s).chars().collect();
    options
        .iter()
        .map(|o| {
            let oc: Vec<char> = fold(o).chars().collect();
            (levenshtein(&s, &oc), o.as_str(), oc.len())
        })
        .filter(|(d, _, len)| *d <= (*len / 3).max(2))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, o, _)| o)
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The decision's list: collectives first, then individuals, each in the configured order.
/// Index + 1 is the number in the list and the certificate's "Số sổ vàng".
pub fn ordered(honorees: &[Honoree], order: Order) -> Vec<&Honoree> {
    let mut by_data: Vec<(usize, &Honoree)> = honorees.iter().enumerate().collect();
    by_data.sort_by_key(|(i, h)| (h.order.unwrap_or(u32::MAX), *i));
    let mut out = Vec::with_capacity(honorees.len());
    for kind in [HonoreeKind::Collective, HonoreeKind::Individual] {
        let mut part: Vec<&Honoree> = by_data
            .iter()
            .filter(|(_, h)| h.kind == kind)
            .map(|(_, h)| *h)
            .collect();
        match order {
            Order::Data => {}
            Order::Name if kind == HonoreeKind::Individual => {
                crate::collate::sort_by_person_name(&mut part, |h| h.name.as_str())
            }
            Order::Name => part.sort_by(|a, b| crate::collate::compare(&a.name, &b.name)),
            Order::Unit => part.sort_by(|a, b| {
                crate::collate::compare(
                    a.unit.as_deref().unwrap_or(""),
                    b.unit.as_deref().unwrap_or(""),
                )
            }),
        }
        out.extend(part);
    }
    out
}

/// "1.404.000": đồng amounts with dots between thousands.
pub fn money(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Certificates and the decision cite the decision the same way.
#[derive(Debug, Serialize)]
pub struct DecisionRef {
    pub header: HeaderView,
    /// "15/QĐ-UBND", or "      /QĐ-UBND" awaiting a number.
    pub number_text: String,
    /// "ngày 20 tháng 8 năm 2025" with blanks for what is not known yet.
    pub date_text: String,
    /// "An Bình, ngày … tháng … năm …".
    pub place_date: String,
}

pub fn decision_ref(data: &Data, d: &DecisionFile) -> DecisionRef {
    let year = ConferenceFacts { data }.date().format("%Y").to_string();
    let hd = header(
        data,
        &d.code,
        d.number,
        d.date,
        year.parse().unwrap_or(2025),
    );
    let blank = "\u{2002}\u{2002}\u{2002}\u{2002}";
    let number_text = match &hd.number {
        Some(n) => format!("{n}/{}", hd.code),
        None => format!("{blank}/{}", hd.code),
    };
    let date_text = format!(
        "ngày {} tháng {} năm {}",
        hd.day.clone().unwrap_or_else(|| blank.into()),
        hd.month.clone().unwrap_or_else(|| blank.into()),
        hd.year
    );
    let place_date = format!("{}, {date_text}", hd.place);
    DecisionRef {
        header: hd,
        number_text,
        date_text,
        place_date,
    }
}

/// The signer of the decision and certificates: decision.yaml's, else the plan's in the
/// Chairman's own competence (no "TM." line).
pub fn signer(data: &Data, d: &DecisionFile) -> SignatureView {
    let s = d.signature.clone().unwrap_or_else(|| Signature {
        on_behalf: None,
        ..data.plan.signature.clone()
    });
    signature(&s)
}

#[derive(Debug, Serialize)]
pub struct DecisionView {
    pub layout: crate::model::Layout,
    pub header: HeaderView,
    pub summary: String,
    pub competence: String,
    pub bases: Vec<String>,
    pub proposal: Option<String>,
    pub articles: Vec<String>,
    pub recipients: Vec<String>,
    pub archive: Option<String>,
    pub signature: SignatureView,
    pub title: String,
    pub appendix: AppendixView,
}

#[derive(Debug, Serialize)]
pub struct AppendixView {
    pub title: String,
    /// "(Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch …)".
    pub reference: String,
    pub groups: Vec<AppendixGroup>,
}

#[derive(Debug, Serialize)]
pub struct AppendixGroup {
    pub heading: String,
    pub rows: Vec<AppendixRow>,
}

#[derive(Debug, Serialize)]
pub struct AppendixRow {
    pub number: usize,
    pub name: String,
    pub detail: String,
    pub achievement: String,
}

/// `{honorees.*}` and `{award.*}` of the decision's prose, then the plan's placeholders.
fn expand(
    data: &Data,
    doc: &YamlDoc,
    d: &DecisionFile,
    list: &[&Honoree],
    s: &str,
    path: &str,
    errors: &mut Diagnostics,
) -> String {
    let nc = list
        .iter()
        .filter(|h| h.kind == HonoreeKind::Collective)
        .count();
    let ni = list.len() - nc;
    let award = d.award.clone().unwrap_or(Award {
        collective: None,
        individual: None,
    });
    let total =
        award.collective.unwrap_or(0) * nc as u64 + award.individual.unwrap_or(0) * ni as u64;
    let mut t = s
        .replace("{honorees.collectives}", &format!("{nc:02}"))
        .replace("{honorees.individuals}", &format!("{ni:02}"))
        .replace("{honorees.total}", &format!("{:02}", list.len()))
        .replace("{award.total}", &money(total));
    for (key, v) in [
        ("{award.collective}", award.collective),
        ("{award.individual}", award.individual),
    ] {
        if t.contains(key) {
            match v {
                Some(v) => t = t.replace(key, &money(v)),
                None => errors.push(
                    doc.error(path, format!("dùng chỗ điền {key} nhưng chưa ghi số tiền trong award"))
                        .hint("ghi award: {collective: 1404000, individual: 702000}, hoặc bỏ câu về tiền thưởng"),
                ),
            }
        }
    }
    match text::expand(&t, &ConferenceFacts { data }) {
        Ok(t) => t,
        Err(key) => {
            errors.push(
                doc.error(path, format!("chỗ điền “{{{key}}}” không có trong dữ liệu"))
                    .hint("dùng {honorees.collectives}, {honorees.individuals}, {award.collective}, {award.individual}, {award.total}, {conference.…}"),
            );
            t
        }
    }
}

/// "Chức vụ, đơn vị" of the list and certificates: a person's title then unit ("Chi hội trưởng
/// … thôn X" reads on when the unit starts in lower case), a collective's managing body.
pub fn detail(h: &Honoree) -> String {
    let title = h.title.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let unit = h.unit.as_deref().map(str::trim).filter(|s| !s.is_empty());
    match (h.kind, title, unit) {
        (HonoreeKind::Collective, _, Some(u)) => u.to_string(),
        (HonoreeKind::Collective, Some(t), None) => t.to_string(),
        (_, Some(t), Some(u)) => {
            let sep = if u.chars().next().is_some_and(char::is_lowercase) {
                " "
            } else {
                ", "
            };
            format!("{t}{sep}{u}")
        }
        (_, Some(t), None) => t.to_string(),
        (_, None, Some(u)) => u.to_string(),
        _ => String::new(),
    }
}

pub fn salutation(h: &Honoree, s: &CertificateSettings) -> Option<String> {
    if h.kind != HonoreeKind::Individual {
        return None;
    }
    let key = match h.gender? {
        Gender::Male => "nam",
        Gender::Female => "nữ",
    };
    s.salutation
        .get(key)
        .filter(|w| !w.trim().is_empty())
        .cloned()
}

pub fn view(data: &Data, l: &Loaded, list: &[&Honoree]) -> Result<DecisionView, Diagnostics> {
    let d = &l.decision;
    let mut errors = Diagnostics::default();
    let mut ex = |s: &str, path: &str| expand(data, &l.doc, d, list, s, path, &mut errors);
    let summary = ex(&d.summary, "summary");
    let bases: Vec<String> = d
        .bases
        .iter()
        .enumerate()
        .map(|(i, b)| ex(b, &format!("bases[{i}]")))
        .collect();
    let proposal = d.proposal.as_ref().map(|p| ex(p, "proposal"));
    let articles: Vec<String> = d
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ex(a, &format!("articles[{i}]")))
        .collect();
    if errors.has_errors() {
        return Err(errors);
    }
    let r = decision_ref(data, d);
    let chair = &data.plan.authority.chair;
    let mut groups = Vec::new();
    for (kind, heading) in [
        (HonoreeKind::Collective, "TẬP THỂ"),
        (HonoreeKind::Individual, "CÁ NHÂN"),
    ] {
        let rows: Vec<AppendixRow> = list
            .iter()
            .enumerate()
            .filter(|(_, h)| h.kind == kind)
            .map(|(i, h)| AppendixRow {
                number: i + 1,
                name: match salutation(h, &d.certificate) {
                    Some(s) => format!("{s} {}", h.name),
                    None => h.name.clone(),
                },
                detail: detail(h),
                achievement: h.achievement.clone(),
            })
            .collect();
        if !rows.is_empty() {
            groups.push(AppendixGroup {
                heading: format!(
                    "{} {heading} ({:02})",
                    crate::render::roman(groups.len() as u32 + 1),
                    rows.len()
                ),
                rows,
            });
        }
    }
    Ok(DecisionView {
        layout: data.plan.layout.clone(),
        title: format!("Quyết định {summary}"),
        summary,
        competence: text::upper(chair),
        bases,
        proposal,
        articles,
        recipients: d.recipients.clone(),
        archive: d.archive.clone(),
        signature: signer(data, d),
        appendix: AppendixView {
            title: d.appendix_title.clone(),
            reference: format!(
                "(Kèm theo Quyết định số {} {} của {chair})",
                r.number_text, r.date_text
            ),
            groups,
        },
        header: r.header,
    })
}

pub fn build(cx: &crate::pipeline::Context) -> crate::pipeline::Outcome {
    let l = match load(&cx.engine.project) {
        Ok(Some(l)) => l,
        Ok(None) => return Default::default(),
        Err(d) => return Err(d).into(),
    };
    let Some((file, _)) = &cx.data.honorees else {
        return Default::default();
    };
    let list = ordered(&file.honorees, l.decision.certificate.order);
    let mut outcome = crate::pipeline::Outcome::default();
    outcome.push(view(cx.data, &l, &list).and_then(|v| {
        Ok(vec![cx.produce(
            TEMPLATE,
            minijinja::Value::from_serialize(&v),
            OUTPUT,
        )?])
    }));
    // The certificates print even when the decision could not be laid out (and vice versa).
    let certs = super::certificate::build(cx, &l, &list);
    outcome.written.extend(certs.written);
    outcome.failed.extend(certs.failed);
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(1404000), "1.404.000");
        assert_eq!(money(702000), "702.000");
        assert_eq!(money(0), "0");
        assert_eq!(money(100), "100");
        assert_eq!(money(61776000), "61.776.000");
    }

    #[test]
    fn nearest_field_suggests_typos_only() {
        let opts = vec!["kinh tế".to_string(), "văn hóa".into(), "an ninh".into()];
        assert_eq!(nearest("kinh te", &opts), Some("kinh tế"));
        assert_eq!(nearest("Văn Hoá", &opts), Some("văn hóa"));
        assert_eq!(nearest("thể thao", &opts), None);
    }
}
