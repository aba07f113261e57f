//! Delegate and honoree lists kept as spreadsheets (.xlsx, .xls, .ods, .csv) with the
//! Vietnamese headers clerks already type. [`crate::import`] reads the cells (header synonyms,
//! legacy encodings, merged cells); this module maps them into the same records as the YAML
//! files and keeps every record's row and every field's column, so a later problem (an unknown
//! group, a duplicate honoree) still points at the cell to fix.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::import::{
    self, FieldSpec, ImportError, ImportWarning, Record, Section, normalize_header,
};
use crate::model::{Delegate, DelegatesFile, Gender, Honoree, HonoreeKind, HonoreesFile};

use super::{DataSource, TableSource};

/// Extensions a list may have besides `.yaml`, in the order they are looked for.
pub const TABLE_EXTENSIONS: [&str; 5] = ["xlsx", "csv", "xls", "ods", "xlsm"];

const fn f(
    key: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
    required: bool,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        synonyms,
        required,
    }
}

/// Columns of a delegate list. Keys are the YAML field names, so located messages name the
/// same field whatever the source.
pub const DELEGATE_FIELDS: &[FieldSpec] = &[
    f("stt", "STT", &["Số thứ tự", "TT", "Số TT"], false),
    f(
        "id",
        "Mã",
        &["Mã đại biểu", "Mã ĐB", "Mã số", "ID", "Mã mời"],
        false,
    ),
    f(
        "salutation",
        "Xưng hô",
        &["Danh xưng", "Ông/Bà", "Ông (Bà)", "Kính gửi"],
        false,
    ),
    f(
        "name",
        "Họ và tên",
        &[
            "Họ tên",
            "Họ và tên đại biểu",
            "Tên đại biểu",
            "Đại biểu",
            "Họ, tên",
            "Họ tên đại biểu",
            "Họ và tên / Tên tập thể",
            "Tên tập thể, cá nhân",
            "Tên tập thể/cá nhân",
        ],
        false,
    ),
    f(
        "title",
        "Chức vụ",
        &[
            "Chức danh",
            "Chức vụ, chức danh",
            "Chức vụ/Chức danh",
            "Chức vụ hiện nay",
        ],
        false,
    ),
    f(
        "unit",
        "Đơn vị",
        &[
            "Đơn vị công tác",
            "Cơ quan",
            "Cơ quan, đơn vị",
            "Nơi công tác",
            "Địa chỉ",
            // Position and unit in one column, kept as one field: the unit, printed as typed
            // after the name ("Phó Chủ tịch, Ủy ban nhân dân xã") or alone for a unit invited
            // ("Đại diện lãnh đạo Sở Nội vụ"); splitting it would guess.
            "Chức vụ, đơn vị",
            "Chức vụ, đơn vị công tác",
            "Chức vụ, nơi công tác",
        ],
        false,
    ),
    f(
        "group",
        "Nhóm",
        &[
            "Nhóm đại biểu",
            "Thành phần",
            "Mã nhóm",
            "Nhóm thành phần",
            "Thành phần đại biểu",
            "Thành phần mời",
            "Đối tượng",
            "Khối",
        ],
        true,
    ),
    f(
        "seat",
        "Chỗ ngồi",
        &["Ghế", "Số ghế", "Vị trí", "Vị trí ngồi", "Chỗ"],
        false,
    ),
    f(
        "honoree",
        "Mã khen thưởng",
        &[
            "Mã điển hình",
            "Mã tập thể/cá nhân",
            "Mã tập thể, cá nhân",
            "Điển hình",
            // Honorees invited by name, as lists kept in offices do.
            "Tập thể, cá nhân được khen",
            "Điển hình tiên tiến",
        ],
        false,
    ),
    NOTE,
];

/// "Ghi chú": read so it is not reported as an unknown column, never printed.
const NOTE: FieldSpec = f("note", "Ghi chú", &["Ghi chú khác", "Chú thích"], false);

/// Columns of an honoree list.
pub const HONOREE_FIELDS: &[FieldSpec] = &[
    f("stt", "STT", &["Số thứ tự", "TT", "Số TT"], false),
    // Lists kept in offices have no code column: codes are then made from the names.
    f("id", "Mã", &["Mã số", "ID", "Mã khen thưởng"], false),
    // Without it the kind comes from section rows ("I. TẬP THỂ") or from gender and birth.
    f(
        "kind",
        "Loại",
        &[
            "Loại (Tập thể/Cá nhân)",
            "Tập thể/Cá nhân",
            "Tập thể hay cá nhân",
            "Hình thức",
        ],
        false,
    ),
    f(
        "name",
        "Họ và tên",
        &[
            "Họ tên",
            "Tên",
            "Tên tập thể, cá nhân",
            "Tên tập thể/cá nhân",
            "Họ và tên / Tên tập thể",
            "Tên tập thể / Họ và tên",
            "Họ và tên, tên tập thể",
            "Họ tên cá nhân, tên tập thể",
            "Tên tập thể, họ tên cá nhân",
            "Tên tập thể hoặc cá nhân",
            "Tên đơn vị, cá nhân",
            // Not "Tập thể, cá nhân": compared without punctuation it is "Tập thể/Cá nhân",
            // the kind column, which is matched first.
        ],
        true,
    ),
    f("gender", "Giới tính", &["Nam/Nữ", "Phái"], false),
    // Forms with a column per sex, marked with "x" (or with the year of birth in it).
    f("male", "Nam", &[], false),
    f("female", "Nữ", &[], false),
    // A year, a full date (dd/mm/yyyy) or an Excel date cell: only the year is kept.
    f(
        "birth_year",
        "Năm sinh",
        &[
            "Sinh năm",
            "Năm sinh (YYYY)",
            "Ngày sinh",
            "Ngày, tháng, năm sinh",
            "Sinh ngày",
        ],
        false,
    ),
    f(
        "title",
        "Chức vụ",
        &[
            "Chức danh",
            "Chức vụ, nghề nghiệp",
            "Nghề nghiệp",
            // One column for both: kept as one field, see DELEGATE_FIELDS.
            "Chức vụ, đơn vị",
            "Chức vụ, đơn vị công tác",
            "Chức vụ, nơi công tác",
        ],
        false,
    ),
    f(
        "unit",
        "Đơn vị",
        &["Đơn vị công tác", "Cơ quan", "Nơi công tác", "Địa chỉ"],
        false,
    ),
    f("field", "Lĩnh vực", &["Ngành, lĩnh vực", "Ngành"], false),
    f(
        "achievement",
        "Thành tích",
        &[
            "Tóm tắt thành tích",
            "Thành tích đạt được",
            "Nội dung khen",
            "Thành tích tiêu biểu",
            "Tóm tắt thành tích tiêu biểu",
            "Thành tích nổi bật",
        ],
        true,
    ),
    f(
        "proposed_by",
        "Đơn vị đề nghị",
        &["Cơ quan đề nghị", "Đề nghị của", "Nơi đề nghị"],
        false,
    ),
    f("order", "Thứ tự", &["Thứ tự xếp", "Thứ tự in"], false),
    NOTE,
];

/// Parts of an honoree list kept as one table: "I. TẬP THỂ" above the collectives.
pub const HONOREE_SECTIONS: &[Section] = &[
    Section {
        key: "collective",
        words: &[
            "Tập thể",
            "Khen thưởng tập thể",
            "Danh sách tập thể",
            "Tập thể đề nghị khen thưởng",
            "Tập thể được khen thưởng",
            "Giấy khen tập thể",
            "Khối tập thể",
        ],
    },
    Section {
        key: "individual",
        words: &[
            "Cá nhân",
            "Khen thưởng cá nhân",
            "Danh sách cá nhân",
            "Cá nhân đề nghị khen thưởng",
            "Cá nhân được khen thưởng",
            "Giấy khen cá nhân",
            "Khối cá nhân",
        ],
    },
];

/// A diagnostic location in a spreadsheet: `line` is the row, `cell_column` the column letter.
fn cell_location(rel: &str, row: Option<usize>, column: Option<&str>) -> Location {
    let mut loc = Location::file(rel);
    loc.line = row;
    loc.cell_column = column.map(str::to_string);
    loc
}

/// A [`Location`] has no place for the worksheet, so it is named after the message.
fn in_sheet(sheet: Option<&str>, message: &str) -> String {
    match sheet {
        Some(s) => crate::msg::in_sheet(message, s),
        None => message.to_string(),
    }
}

/// An import failure as a located diagnostic (spreadsheet row and column letter; the worksheet
/// is named in the message).
pub fn import_diagnostic(rel: &str, e: &ImportError) -> Diagnostic {
    let mut d = Diagnostic::error(in_sheet(e.sheet(), e.message())).at(cell_location(
        rel,
        e.row(),
        e.column(),
    ));
    if let Some(h) = e.hint() {
        d = d.hint(h.to_string());
    }
    d
}

/// Every import failure of a file, each located.
pub fn import_diagnostics<'a>(
    rel: &str,
    errors: impl IntoIterator<Item = &'a ImportError>,
) -> Diagnostics {
    Diagnostics(
        errors
            .into_iter()
            .map(|e| import_diagnostic(rel, e))
            .collect(),
    )
}

/// Something the importer skipped (an unknown column, rows without data) as a located warning.
pub fn import_warning(rel: &str, w: &ImportWarning) -> Diagnostic {
    let message = in_sheet(w.sheet.as_deref(), &w.message);
    let d = if w.info {
        Diagnostic::info(message)
    } else {
        Diagnostic::warning(message)
    };
    d.at(cell_location(rel, w.row, w.column.as_deref()))
}

/// Reads a table: what could be read, every problem the importer found (as errors) and what it
/// skipped (as warnings). `Err` only when the file cannot be read as a table at all.
fn read(
    path: &Path,
    rel: &str,
    spec: &[FieldSpec],
    sections: &[Section],
) -> Result<(import::Table, Diagnostics, Diagnostics), Diagnostics> {
    let (table, problems) = import::read_table_sections(path, spec, sections)
        .map_err(|e| import_diagnostic(rel, &e))?;
    let errors = import_diagnostics(rel, &problems);
    let mut warnings = Diagnostics(
        table
            .warnings
            .iter()
            .map(|w| import_warning(rel, w))
            .collect(),
    );
    warnings.extend(cleaned(rel, &table));
    Ok((table, errors, warnings))
}

/// Cells typed otherwise than they print: what prints is the cleaned value (what the clerk
/// meant), and the cell is named so the list itself can be corrected.
fn cleaned(rel: &str, table: &import::Table) -> Diagnostics {
    const SHOWN: usize = 50;
    let mut out = Diagnostics::default();
    let mut more = 0usize;
    for r in &table.records {
        for (key, cell) in &r.cells {
            let Some(raw) = cell.raw.as_deref() else {
                continue;
            };
            if matches!(*key, "stt" | "note") {
                continue;
            }
            if out.0.len() >= SHOWN {
                more += 1;
                continue;
            }
            let mut what: Vec<String> = crate::tone::text_issues(raw)
                .into_iter()
                .map(|i| match i {
                    crate::tone::TextIssue::DoubleSpace => crate::msg::cell_double_space(),
                    crate::tone::TextIssue::LeadingOrTrailingSpace => crate::msg::cell_edge_space(),
                    crate::tone::TextIssue::Decomposed => crate::msg::cell_decomposed(),
                    crate::tone::TextIssue::ControlChar => crate::msg::cell_control_char(),
                })
                .collect();
            if raw.contains('\n') {
                what.push(crate::msg::cell_line_break());
            }
            if what.is_empty() {
                what.push(crate::msg::cell_stray());
            }
            out.push(
                Diagnostic::warning(in_sheet(
                    table.sheet.as_deref(),
                    &crate::msg::cell_cleaned(&import_excerpt(raw), &what.join(", "), &cell.value),
                ))
                .at(cell_location(rel, Some(cell.row), Some(&cell.column)))
                .hint(crate::msg::cell_cleaned_hint()),
            );
        }
    }
    if more > 0 {
        out.push(
            Diagnostic::warning(crate::msg::cells_cleaned_more(more)).in_file(rel.to_string()),
        );
    }
    out
}

/// A raw cell shown in a message: line breaks visible, long text shortened.
fn import_excerpt(raw: &str) -> String {
    let shown: String = raw.replace('\n', "↵").chars().take(60).collect();
    if raw.chars().count() > 60 {
        format!("{shown}…")
    } else {
        shown
    }
}

/// 0-based index of a column letter ("A" → 0, "AA" → 26).
fn column_index(letter: &str) -> usize {
    letter
        .bytes()
        .fold(0, |n, b| n * 26 + usize::from(b.saturating_sub(b'A')) + 1)
        .saturating_sub(1)
}

/// The warnings when there is no error; otherwise every error and warning together, top to
/// bottom and left to right, so the clerk fixes the file in one pass.
fn finish(errors: Diagnostics, warnings: Diagnostics) -> Result<Diagnostics, Diagnostics> {
    if !errors.has_errors() {
        return Ok(warnings);
    }
    let mut all = errors;
    all.extend(warnings);
    // Stable: on the same cell, errors stay before warnings.
    all.0.sort_by_key(|d| {
        let loc = d.location.as_deref();
        (
            loc.and_then(|l| l.line).unwrap_or(0),
            loc.and_then(|l| l.cell_column.as_deref())
                .map_or(usize::MAX, column_index),
        )
    });
    Err(all)
}

fn source(rel: &str, key: &str, table: &import::Table) -> TableSource {
    TableSource {
        file: rel.to_string(),
        key: key.to_string(),
        rows: table.records.iter().map(|r| r.row).collect(),
        columns: table
            .columns
            .iter()
            .map(|c| (c.key.to_string(), c.column.clone()))
            .collect::<HashMap<_, _>>(),
        headers: table
            .columns
            .iter()
            .map(|c| (c.key.to_string(), c.header.clone()))
            .collect::<HashMap<_, _>>(),
    }
}

fn text(r: &Record, key: &str) -> Option<String> {
    r.get(key).map(str::to_string)
}

fn cell_error(
    rel: &str,
    sheet: Option<&str>,
    r: &Record,
    key: &str,
    msg: String,
    hint: String,
) -> Diagnostic {
    let column = r.cell(key).map(|c| c.column.as_str());
    Diagnostic::error(in_sheet(sheet, &msg))
        .at(cell_location(rel, Some(r.row), column))
        .hint(hint)
}

/// Reads a delegate list from a spreadsheet. `Ok` has the list, where each record came from,
/// and the warnings (what was skipped: unknown columns, rows without data, …), located. `Err`
/// has every problem of the file at once (with the warnings, which may explain them).
pub fn delegates(
    path: &Path,
    rel: &str,
) -> Result<(DelegatesFile, DataSource, Diagnostics), Diagnostics> {
    let (table, errors, warnings) = read(path, rel, DELEGATE_FIELDS, &[])?;
    let warnings = finish(errors, warnings)?;
    let delegates = table
        .records
        .iter()
        .map(|r| Delegate {
            id: text(r, "id"),
            salutation: text(r, "salutation"),
            name: text(r, "name"),
            title: text(r, "title"),
            unit: text(r, "unit"),
            group: text(r, "group").unwrap_or_default(),
            seat: text(r, "seat"),
            honoree: text(r, "honoree"),
        })
        .collect();
    Ok((
        DelegatesFile {
            sample: false,
            delegates,
        },
        DataSource::Table(source(rel, "delegates", &table)),
        warnings,
    ))
}

/// Reads an honoree list from a spreadsheet, like [`delegates`]; "Tập thể"/"Cá nhân",
/// "Nam"/"Nữ" and year cells are checked here, each problem at its cell, and reported together
/// with the importer's problems (a missing column, an empty required cell, …).
pub fn honorees(
    path: &Path,
    rel: &str,
) -> Result<(HonoreesFile, DataSource, Diagnostics), Diagnostics> {
    let (table, mut errors, warnings) = read(path, rel, HONOREE_FIELDS, HONOREE_SECTIONS)?;
    let sheet = table.sheet.as_deref();
    let mut honorees = Vec::new();
    let mut rows = Vec::new();
    for r in &table.records {
        let gender = match r.get("gender").map(normalize_header).as_deref() {
            None => None,
            Some("nam" | "male") => Some(Gender::Male),
            Some("nu" | "female") => Some(Gender::Female),
            Some(_) => {
                errors.push(cell_error(
                    rel,
                    sheet,
                    r,
                    "gender",
                    crate::msg::cell_gender_invalid(r.get("gender").unwrap_or_default()),
                    crate::msg::cell_gender_hint(),
                ));
                None
            }
        };
        // "Nam" / "Nữ" columns: any mark counts; a year or date there is the birth too.
        let mark = match (r.get("male"), r.get("female")) {
            (Some(_), Some(_)) => {
                errors.push(cell_error(
                    rel,
                    sheet,
                    r,
                    "female",
                    crate::msg::cell_both_genders(),
                    crate::msg::cell_both_genders_hint(),
                ));
                None
            }
            (Some(m), None) => Some((Gender::Male, m)),
            (None, Some(m)) => Some((Gender::Female, m)),
            (None, None) => None,
        };
        let gender = gender.or(mark.map(|(g, _)| g));
        let marked = r.get("male").is_some() || r.get("female").is_some();
        let birth_year = match r.get("birth_year") {
            Some(v) => match crate::text::birth_year(v) {
                Ok(y) if (1000..=2999).contains(&y) => Some(y),
                // A date that does not exist says which part.
                Err(Some(impossible)) => {
                    errors.push(cell_error(
                        rel,
                        sheet,
                        r,
                        "birth_year",
                        impossible,
                        crate::msg::cell_birth_hint(),
                    ));
                    None
                }
                _ => {
                    errors.push(cell_error(
                        rel,
                        sheet,
                        r,
                        "birth_year",
                        crate::msg::cell_birth_unreadable(v),
                        crate::msg::cell_birth_hint(),
                    ));
                    None
                }
            },
            None => mark.and_then(|(_, m)| year_of(m)),
        };
        let order = match r.get("order") {
            None => None,
            Some(v) => match v.trim().trim_end_matches(".0").parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(cell_error(
                        rel,
                        sheet,
                        r,
                        "order",
                        crate::msg::cell_order_not_number(v),
                        crate::msg::cell_order_hint(),
                    ));
                    None
                }
            },
        };
        let kind = match r.get("kind") {
            Some(k) => match normalize_header(k).as_str() {
                "tapthe" | "collective" | "tt" => HonoreeKind::Collective,
                "canhan" | "individual" | "cn" => HonoreeKind::Individual,
                _ => {
                    errors.push(cell_error(
                        rel,
                        sheet,
                        r,
                        "kind",
                        crate::msg::cell_kind_invalid(k),
                        crate::msg::cell_kind_hint(),
                    ));
                    continue;
                }
            },
            None => match r.section {
                Some("collective") => HonoreeKind::Collective,
                Some(_) => HonoreeKind::Individual,
                None if gender.is_some() || birth_year.is_some() || marked => {
                    HonoreeKind::Individual
                }
                None => {
                    // A missing name is already reported by the importer.
                    if let Some(name) = r.get("name") {
                        errors.push(cell_error(
                            rel,
                            sheet,
                            r,
                            "name",
                            crate::msg::cell_kind_unknown(name),
                            crate::msg::cell_kind_unknown_hint(),
                        ));
                    }
                    continue;
                }
            },
        };
        honorees.push(Honoree {
            id: text(r, "id").unwrap_or_default(),
            kind,
            name: text(r, "name").unwrap_or_default(),
            gender,
            birth_year,
            title: text(r, "title"),
            unit: text(r, "unit"),
            field: text(r, "field"),
            achievement: text(r, "achievement").unwrap_or_default(),
            proposed_by: text(r, "proposed_by"),
            order,
        });
        rows.push(r.row);
    }
    generate_codes(&mut honorees);
    let warnings = finish(errors, warnings)?;
    let mut src = source(rel, "honorees", &table);
    // Rows left out above (a problem already reported) would shift every later record.
    src.rows = rows;
    Ok((
        HonoreesFile {
            sample: false,
            honorees,
        },
        DataSource::Table(src),
        warnings,
    ))
}

/// Codes for honorees the list gives none: "tt-" or "cn-" and the name's slug
/// ("cn-nguyen-van-an"), "-2", "-3" … after a name already used. Made from the name rather
/// than the row so that a row added anywhere, or the list sorted again, leaves every other
/// honoree's code (and its certificate's file name) as it was; only a namesake added above
/// shifts the suffix of the namesakes below. They name files only: nothing prints them.
fn generate_codes(honorees: &mut [Honoree]) {
    let given: Vec<String> = honorees
        .iter()
        .filter(|h| !h.id.is_empty())
        .map(|h| h.id.clone())
        .collect();
    let wanted: Vec<String> = honorees
        .iter()
        .filter(|h| h.id.is_empty())
        .map(|h| {
            let prefix = match h.kind {
                HonoreeKind::Collective => "tt",
                HonoreeKind::Individual => "cn",
            };
            format!("{prefix} {}", h.name)
        })
        .collect();
    // The clerk's codes first, so a generated code never takes one of them.
    let all: Vec<&str> = given
        .iter()
        .map(String::as_str)
        .chain(wanted.iter().map(String::as_str))
        .collect();
    let mut codes = crate::slug::unique_slugs(&all)
        .into_iter()
        .skip(given.len());
    for h in honorees.iter_mut().filter(|h| h.id.is_empty()) {
        h.id = codes.next().unwrap_or_default();
    }
}

/// The year of a birth cell: "1978", "1978.0", "05/09/1978", "5-9-1978", "05.09.1978", or an
/// Excel date cell (read as "1978-09-05").
pub fn year_of(v: &str) -> Option<i32> {
    crate::text::birth_year(v)
        .ok()
        .filter(|y| (1000..=2999).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::import::tests::{X, write_xlsx};
    use crate::model::{DelegatesFile, Gender, HonoreesFile};

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join("tests/fixtures/import")
            .join(name)
    }

    #[test]
    fn csv_and_xlsx_give_the_same_delegates() {
        let (a, _, _) = delegates(&fixture("delegates.csv"), "data/delegates.csv").unwrap();
        let (b, src, _) = delegates(&fixture("delegates.xlsx"), "data/delegates.xlsx").unwrap();
        assert_eq!(a.delegates.len(), 139);
        assert_eq!(
            serde_yaml::to_string(&a.delegates).unwrap(),
            serde_yaml::to_string(&b.delegates).unwrap()
        );
        let loc = src.locate("delegates[1].unit");
        assert_eq!(loc.line, Some(3));
        assert_eq!(loc.cell_column.as_deref(), Some("F"));
    }

    #[test]
    fn no_header_names_two_fields() {
        for spec in [DELEGATE_FIELDS, HONOREE_FIELDS] {
            let mut seen = HashMap::new();
            for f in spec {
                for h in std::iter::once(f.label).chain(f.synonyms.iter().copied()) {
                    if let Some(other) = seen.insert(normalize_header(h), f.key) {
                        assert_eq!(other, f.key, "“{h}” names both {other} and {}", f.key);
                    }
                }
            }
        }
    }

    #[test]
    fn delegate_warnings_reach_the_caller_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = write_xlsx(
            dir.path(),
            "delegates.xlsx",
            &[
                vec![X::S("STT"), X::S("Họ và tên"), X::S("Nhóm"), X::S("Chữ ký")],
                vec![X::N("1"), X::S("Nguyễn Văn An"), X::S("lanh-dao"), X::E],
                vec![X::E, X::E, X::E, X::S("xếp sau")],
                vec![X::N("2"), X::S("Lê Thị Bình"), X::S("khach"), X::E],
            ],
            &[],
        );
        let (file, _, warnings) = delegates(&p, "data/delegates.xlsx").unwrap();
        assert_eq!(file.delegates.len(), 2);
        let found: Vec<_> = warnings
            .0
            .iter()
            .map(|d| {
                let loc = d.location.as_deref().unwrap();
                (
                    d.severity,
                    loc.file.as_str(),
                    loc.line,
                    loc.cell_column.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (Severity::Warning, "data/delegates.xlsx", Some(1), Some("D")),
                (Severity::Warning, "data/delegates.xlsx", Some(3), None),
            ],
            "{warnings}"
        );
        assert_eq!(
            warnings.0[0].to_string(),
            "data/delegates.xlsx, dòng 1, cột D: cảnh báo: Cột D (\"Chữ ký\") không dùng đến, \
             đã bỏ qua. [trang tính “Danh sách”]"
        );
        assert!(warnings.0[1].message.contains("dòng 3"), "{warnings}");
    }

    #[test]
    fn honoree_header_and_cell_errors_come_together() {
        let dir = tempfile::tempdir().unwrap();
        let p = write_xlsx(
            dir.path(),
            "honorees.xlsx",
            &[
                vec![
                    X::S("Mã"),
                    X::S("Loại"),
                    X::S("Họ và tên"),
                    X::S("Giới tính"),
                    X::S("Năm sinh"),
                    X::S("Chữ ký"),
                ],
                vec![X::S("tt-01"), X::S("Tập thể"), X::S("Chi bộ thôn 1")],
                vec![
                    X::S("cn-01"),
                    X::S("Cá nhân"),
                    X::S("Lê Văn An"),
                    X::S("Ông"),
                    X::S("khoảng 1970"),
                ],
                vec![X::S("cn-02"), X::E, X::S("Trần Thị Bình"), X::S("Nữ")],
            ],
            &[],
        );
        let e = honorees(&p, "data/honorees.xlsx").unwrap_err();
        let found: Vec<_> =
            e.0.iter()
                .map(|d| {
                    let loc = d.location.as_deref().unwrap();
                    (d.severity, loc.line, loc.cell_column.as_deref())
                })
                .collect();
        assert_eq!(
            found,
            [
                // "Chữ ký" is not read (a warning, reported with the errors).
                (Severity::Warning, Some(1), Some("F")),
                // No "Thành tích" column.
                (Severity::Error, Some(1), None),
                (Severity::Error, Some(3), Some("D")),
                (Severity::Error, Some(3), Some("E")),
                // Empty "Loại" on row 4: a woman ("Nữ"), so an individual.
            ],
            "{e}"
        );
        assert!(e.0[1].message.contains("Thành tích"), "{e}");
        assert!(e.0[2].message.contains("giới tính “Ông”"), "{e}");
        assert!(e.0[3].message.contains("năm sinh “khoảng 1970”"), "{e}");
        assert!(
            e.0.iter()
                .all(|d| d.message.ends_with("[trang tính “Danh sách”]")),
            "{e}"
        );
    }

    #[test]
    fn honorees_from_xlsx() {
        let (h, _, _) = honorees(&fixture("honorees.xlsx"), "data/honorees.xlsx").unwrap();
        assert_eq!(h.honorees.len(), 44);
        assert_eq!(h.honorees[0].kind, HonoreeKind::Collective);
        let ind = h.honorees.iter().find(|x| x.id == "cn-01").unwrap();
        assert_eq!(ind.kind, HonoreeKind::Individual);
        assert!(ind.birth_year.is_some() && ind.gender.is_some());
    }

    /// Every header of the forms offices keep, and the field it fills (None: not read).
    #[test]
    fn header_vocabulary_of_real_forms() {
        let honoree_cases: &[(&str, Option<&str>)] = &[
            ("STT", Some("stt")),
            ("TT", Some("stt")),
            ("Họ và tên / Tên tập thể", Some("name")),
            ("HỌ VÀ TÊN/TÊN TẬP THỂ", Some("name")),
            ("Tên tập thể, cá nhân", Some("name")),
            ("Tên tập thể/cá nhân", Some("name")),
            ("Họ tên", Some("name")),
            ("ho ten", Some("name")),
            ("Họ  và   tên:", Some("name")),
            ("Chức vụ, đơn vị", Some("title")),
            ("Chức vụ - đơn vị", Some("title")),
            ("Đơn vị công tác", Some("unit")),
            ("Ngày sinh", Some("birth_year")),
            ("Ngày, tháng, năm sinh", Some("birth_year")),
            ("Năm sinh", Some("birth_year")),
            ("Nam", Some("male")),
            ("Nữ", Some("female")),
            ("NỮ", Some("female")),
            ("Giới tính", Some("gender")),
            ("Ghi chú", Some("note")),
            ("Tóm tắt thành tích", Some("achievement")),
            ("Thành tích tiêu biểu", Some("achievement")),
            ("Loại (Tập thể/Cá nhân)", Some("kind")),
            ("Mã", Some("id")),
            ("Chữ ký", None),
        ];
        for (header, want) in honoree_cases {
            assert_eq!(
                import::field_key(HONOREE_FIELDS, header),
                *want,
                "honorees: “{header}”"
            );
        }
        let delegate_cases: &[(&str, Option<&str>)] = &[
            ("Họ và tên", Some("name")),
            ("Họ tên đại biểu", Some("name")),
            ("Họ và tên / Tên tập thể", Some("name")),
            ("Chức vụ, đơn vị", Some("unit")),
            ("Chức vụ", Some("title")),
            ("Đơn vị công tác", Some("unit")),
            ("Thành phần đại biểu", Some("group")),
            ("Nhóm", Some("group")),
            ("Xưng hô", Some("salutation")),
            ("Tập thể, cá nhân được khen", Some("honoree")),
            ("Ghi chú", Some("note")),
            ("Số TT", Some("stt")),
        ];
        for (header, want) in delegate_cases {
            assert_eq!(
                import::field_key(DELEGATE_FIELDS, header),
                *want,
                "delegates: “{header}”"
            );
        }
    }

    #[test]
    fn years_of_birth_cells() {
        for (cell, want) in [
            ("1978", Some(1978)),
            ("1978.0", Some(1978)),
            ("05/09/1978", Some(1978)),
            ("5/9/1978", Some(1978)),
            ("05-09-1978", Some(1978)),
            ("05.09.1978", Some(1978)),
            ("09/1978", Some(1978)),
            // An Excel date cell, as the reader gives it.
            ("1978-09-05", Some(1978)),
            ("1978-09-05T00:00:00", Some(1978)),
            ("x", None),
            ("khoảng 1970", None),
            ("78", None),
            ("32/13", None),
            // Impossible dates of birth are not read as their year.
            ("31/9/1978", None),
            ("29/02/1978", None),
            ("29/02/1980", Some(1980)),
            ("05/13/1978", None),
        ] {
            assert_eq!(year_of(cell), want, "“{cell}”");
        }
    }

    fn seed<T: serde::de::DeserializeOwned>(rel: &str) -> T {
        let bytes = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(rel),
        )
        .unwrap();
        crate::yaml::parse::<T>(rel, &bytes).unwrap().0
    }

    fn repo_file(rel: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(rel)
    }

    /// The example lists `vinhdanh init` writes read without a problem, and hold what the
    /// seed data holds (the oracle: data/honorees.yaml, data/delegates.yaml).
    #[test]
    fn example_lists_import_cleanly() {
        let want: HonoreesFile = seed("data/honorees.yaml");
        for ext in ["xlsx", "csv"] {
            let rel = format!("data/examples/honorees.{ext}");
            let (got, _, notes) =
                honorees(&repo_file(&rel), &rel).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                notes.0.iter().all(|d| d.severity == Severity::Info),
                "{rel}: {notes}"
            );
            assert_eq!(got.honorees.len(), want.honorees.len(), "{rel}");
            for (g, w) in got.honorees.iter().zip(&want.honorees) {
                assert_eq!(
                    (&g.name, g.kind, g.gender, g.birth_year, &g.title, &g.unit),
                    (&w.name, w.kind, w.gender, w.birth_year, &w.title, &w.unit),
                    "{rel}"
                );
                assert_eq!(
                    (&g.field, &g.achievement, &g.proposed_by),
                    (&w.field, &w.achievement, &w.proposed_by)
                );
                // No code in the list: one made from the name.
                let prefix = match w.kind {
                    HonoreeKind::Collective => "tt-",
                    HonoreeKind::Individual => "cn-",
                };
                assert_eq!(
                    g.id,
                    crate::slug::slug(&format!("{prefix}{}", w.name)),
                    "{rel}"
                );
            }
            if ext == "xlsx" {
                // The summary sheet after the list: a note, not a warning.
                assert!(
                    notes.0.iter().any(|d| d.message.contains("Tổng hợp")),
                    "{notes}"
                );
            }
        }
        let want: DelegatesFile = seed("data/delegates.yaml");
        for ext in ["xlsx", "csv"] {
            let rel = format!("data/examples/delegates.{ext}");
            let (got, _, notes) =
                delegates(&repo_file(&rel), &rel).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                notes.0.iter().all(|d| d.severity == Severity::Info),
                "{rel}: {notes}"
            );
            assert_eq!(got.delegates.len(), want.delegates.len(), "{rel}");
            for (g, w) in got.delegates.iter().zip(&want.delegates) {
                assert_eq!(
                    (&g.name, &g.salutation, &g.seat),
                    (&w.name, &w.salutation, &w.seat)
                );
                // No codes: the invitation makes its own, and prints none.
                assert_eq!(g.id, None);
                assert_eq!(g.honoree.is_some(), w.honoree.is_some());
            }
        }
    }

    #[test]
    fn section_rows_marks_and_codes() {
        let dir = tempfile::tempdir().unwrap();
        let header = || {
            vec![
                X::S("STT"),
                X::S("Họ và tên / Tên tập thể"),
                X::S("Nam"),
                X::S("Nữ"),
                X::S("Ngày sinh"),
                X::S("Tóm tắt thành tích"),
                X::S("Ghi chú"),
            ]
        };
        let rows = |extra: Option<Vec<X<'static>>>| {
            let mut r = vec![
                vec![X::S("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")],
                vec![X::S("Năm 2025")],
                header(),
                vec![X::S("I."), X::S("TẬP THỂ")],
                vec![
                    X::N("1"),
                    X::S("Tổ dân phố số 3"),
                    X::E,
                    X::E,
                    X::E,
                    X::S("Tốt."),
                ],
                vec![
                    X::N("2"),
                    X::S("Hội Cựu chiến binh"),
                    X::E,
                    X::E,
                    X::E,
                    X::S("Tốt."),
                ],
                vec![X::S("II."), X::S("CÁ NHÂN (2)")],
                vec![
                    X::N("1"),
                    X::S("Lê Văn An"),
                    X::S("x"),
                    X::E,
                    X::S("05/09/1978"),
                    X::S("Tốt."),
                    X::S("hồ sơ đủ"),
                ],
                vec![
                    X::N("2"),
                    X::S("Trần Thị Bình"),
                    X::E,
                    X::S("X"),
                    X::D("30000"),
                    X::S("Tốt."),
                ],
                // The year written in the sex column, as some forms have it.
                vec![
                    X::N("3"),
                    X::S("Đỗ Văn Cường"),
                    X::N("1975"),
                    X::E,
                    X::E,
                    X::S("Tốt."),
                ],
                // A numbered empty row and a remark alone: not records.
                vec![X::N("4")],
                vec![
                    X::E,
                    X::E,
                    X::E,
                    X::E,
                    X::E,
                    X::E,
                    X::S("còn thiếu một người"),
                ],
            ];
            if let Some(e) = extra {
                r.insert(4, e);
            }
            r
        };
        let p = write_xlsx(dir.path(), "a.xlsx", &rows(None), &["A1:G1", "B4:G4"]);
        let (h, src, notes) = honorees(&p, "data/honorees.xlsx").unwrap_or_else(|e| panic!("{e}"));
        // Title rows are a note; the empty rows a warning.
        assert!(
            notes.0.iter().all(|d| d.severity == Severity::Info
                || d.message.contains("Bỏ qua 2 dòng không có dữ liệu")),
            "{notes}"
        );
        let got: Vec<_> = h
            .honorees
            .iter()
            .map(|x| (x.id.as_str(), x.kind, x.gender, x.birth_year))
            .collect();
        assert_eq!(
            got,
            [
                ("tt-to-dan-pho-so-3", HonoreeKind::Collective, None, None),
                ("tt-hoi-cuu-chien-binh", HonoreeKind::Collective, None, None),
                (
                    "cn-le-van-an",
                    HonoreeKind::Individual,
                    Some(Gender::Male),
                    Some(1978)
                ),
                // Excel serial 30000 is 2 February 1982.
                (
                    "cn-tran-thi-binh",
                    HonoreeKind::Individual,
                    Some(Gender::Female),
                    Some(1982)
                ),
                (
                    "cn-do-van-cuong",
                    HonoreeKind::Individual,
                    Some(Gender::Male),
                    Some(1975)
                ),
            ]
        );
        assert_eq!(src.locate("honorees[2].name").line, Some(8));
        // A row inserted above changes no other code.
        let p = write_xlsx(
            dir.path(),
            "b.xlsx",
            &rows(Some(vec![
                X::N("1"),
                X::S("Chi bộ thôn Đông"),
                X::E,
                X::E,
                X::E,
                X::S("Tốt."),
            ])),
            &[],
        );
        let (h2, _, _) = honorees(&p, "data/honorees.xlsx").unwrap_or_else(|e| panic!("{e}"));
        let ids = |h: &HonoreesFile| h.honorees.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        let mut before = ids(&h);
        before.insert(0, "tt-chi-bo-thon-dong".into());
        assert_eq!(ids(&h2), before);
    }

    #[test]
    fn an_honoree_of_unknown_kind_and_two_marks_are_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = write_xlsx(
            dir.path(),
            "a.xlsx",
            &[
                vec![X::S("Họ tên"), X::S("Nam"), X::S("Nữ"), X::S("Thành tích")],
                vec![X::S("Tổ dân phố số 3"), X::E, X::E, X::S("Tốt.")],
                vec![X::S("Lê Văn An"), X::S("x"), X::S("x"), X::S("Tốt.")],
            ],
            &[],
        );
        let e = honorees(&p, "data/honorees.xlsx").unwrap_err();
        let found: Vec<_> =
            e.0.iter()
                .map(|d| {
                    let loc = d.location.as_deref().unwrap();
                    (loc.line, loc.cell_column.as_deref())
                })
                .collect();
        assert_eq!(found, [(Some(2), Some("A")), (Some(3), Some("C"))], "{e}");
        assert!(e.0[0].message.contains("tập thể hay cá nhân"), "{e}");
        assert!(
            e.0[0].hint.as_deref().unwrap().contains("I. TẬP THỂ"),
            "{e}"
        );
    }

    /// What prints is the cleaned value; the cell typed otherwise is named.
    #[test]
    fn cells_typed_otherwise_than_printed_are_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let nfd: String = {
            use unicode_normalization::UnicodeNormalization;
            "Trần Thị Bình".nfd().collect()
        };
        let csv = format!(
            "Họ và tên,Nhóm\nNguyễn  Văn An,khach\n{nfd},khach\n  Lê Văn Cường ,khach\nĐỗ Văn Dũng,khach\n"
        );
        let p = dir.path().join("delegates.csv");
        std::fs::write(&p, csv).unwrap();
        let (file, _, warnings) = delegates(&p, "data/delegates.csv").unwrap();
        let names: Vec<_> = file
            .delegates
            .iter()
            .map(|d| d.name.clone().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "Nguyễn Văn An",
                "Trần Thị Bình",
                "Lê Văn Cường",
                "Đỗ Văn Dũng"
            ]
        );
        let found: Vec<_> = warnings
            .0
            .iter()
            .map(|d| {
                let loc = d.location.as_deref().unwrap();
                (d.severity, loc.line, loc.cell_column.as_deref())
            })
            .collect();
        assert_eq!(
            found,
            [
                (Severity::Warning, Some(2), Some("A")),
                (Severity::Warning, Some(3), Some("A")),
                (Severity::Warning, Some(4), Some("A")),
            ],
            "{warnings}"
        );
        assert!(warnings.0[0].message.contains("hai dấu cách"), "{warnings}");
        assert!(warnings.0[1].message.contains("NFD"), "{warnings}");
        assert!(
            warnings.0[2].message.contains("đầu hoặc cuối"),
            "{warnings}"
        );
        assert!(
            warnings.0[2]
                .to_string()
                .starts_with("data/delegates.csv, dòng 4, cột A: cảnh báo:"),
            "{warnings}"
        );
    }

    /// Every header problem of a file comes in one run, located, with a suggestion.
    #[test]
    fn header_problems_come_together_with_suggestions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("honorees.csv");
        std::fs::write(&p, "TT;Họ và tn;Thanh tich dat dc;Nhóm\n1;A;B;C\n").unwrap();
        let e = honorees(&p, "data/honorees.csv").unwrap_err();
        let text = e.to_string();
        assert_eq!(e.0.iter().filter(|d| d.is_error()).count(), 2, "{text}");
        assert!(text.contains("Không tìm thấy cột \"Họ và tên\""), "{text}");
        assert!(text.contains("Có phải là cột B (\"Họ và tn\")"), "{text}");
        assert!(text.contains("Không tìm thấy cột \"Thành tích\""), "{text}");
        assert!(text.contains("Có phải là cột C"), "{text}");
        // The column itself is named too, with what it may be.
        assert!(
            text.contains(
                "Cột B (\"Họ và tn\") không dùng đến, đã bỏ qua. Nếu đây là cột \"Họ và tên\""
            ),
            "{text}"
        );
    }
}
