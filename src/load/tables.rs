//! Delegate and honoree lists kept as spreadsheets (.xlsx, .xls, .ods, .csv) with the
//! Vietnamese headers clerks already type. [`crate::import`] reads the cells (header synonyms,
//! legacy encodings, merged cells); this module maps them into the same records as the YAML
//! files and keeps every record's row and every field's column, so a later problem (an unknown
//! group, a duplicate honoree) still points at the cell to fix.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::import::{self, FieldSpec, ImportError, ImportWarning, Record, normalize_header};
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
        ],
        false,
    ),
    f(
        "title",
        "Chức vụ",
        &["Chức danh", "Chức vụ, chức danh", "Chức vụ/Chức danh"],
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
        ],
        false,
    ),
    f(
        "group",
        "Nhóm",
        &["Nhóm đại biểu", "Thành phần", "Mã nhóm", "Nhóm thành phần"],
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
        ],
        false,
    ),
];

/// Columns of an honoree list.
pub const HONOREE_FIELDS: &[FieldSpec] = &[
    f("stt", "STT", &["Số thứ tự", "TT", "Số TT"], false),
    f("id", "Mã", &["Mã số", "ID", "Mã khen thưởng"], true),
    f(
        "kind",
        "Loại",
        &[
            "Loại (Tập thể/Cá nhân)",
            "Tập thể/Cá nhân",
            "Tập thể hay cá nhân",
            "Hình thức",
        ],
        true,
    ),
    f(
        "name",
        "Họ và tên",
        &[
            "Họ tên",
            "Tên",
            "Tên tập thể, cá nhân",
            "Tên tập thể/cá nhân",
            // Not "Tập thể, cá nhân": compared without punctuation it is "Tập thể/Cá nhân",
            // the kind column, which is matched first.
        ],
        true,
    ),
    f("gender", "Giới tính", &["Nam/Nữ", "Phái"], false),
    f(
        "birth_year",
        "Năm sinh",
        &["Sinh năm", "Năm sinh (YYYY)"],
        false,
    ),
    f(
        "title",
        "Chức vụ",
        &["Chức danh", "Chức vụ, nghề nghiệp", "Nghề nghiệp"],
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
        &["Tóm tắt thành tích", "Thành tích đạt được", "Nội dung khen"],
        true,
    ),
    f(
        "proposed_by",
        "Đơn vị đề nghị",
        &["Cơ quan đề nghị", "Đề nghị của", "Nơi đề nghị"],
        false,
    ),
    f("order", "Thứ tự", &["Thứ tự xếp", "Thứ tự in"], false),
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
        Some(s) => format!("{message} [trang tính “{s}”]"),
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
    Diagnostic::warning(in_sheet(w.sheet.as_deref(), &w.message)).at(cell_location(
        rel,
        w.row,
        w.column.as_deref(),
    ))
}

/// Reads a table: what could be read, every problem the importer found (as errors) and what it
/// skipped (as warnings). `Err` only when the file cannot be read as a table at all.
fn read(
    path: &Path,
    rel: &str,
    spec: &[FieldSpec],
) -> Result<(import::Table, Diagnostics, Diagnostics), Diagnostics> {
    let (table, problems) =
        import::read_table_lenient(path, spec).map_err(|e| import_diagnostic(rel, &e))?;
    let errors = import_diagnostics(rel, &problems);
    let warnings = Diagnostics(
        table
            .warnings
            .iter()
            .map(|w| import_warning(rel, w))
            .collect(),
    );
    Ok((table, errors, warnings))
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
    hint: &str,
) -> Diagnostic {
    let column = r.cell(key).map(|c| c.column.as_str());
    Diagnostic::error(in_sheet(sheet, &msg))
        .at(cell_location(rel, Some(r.row), column))
        .hint(hint.to_string())
}

/// Reads a delegate list from a spreadsheet. `Ok` has the list, where each record came from,
/// and the warnings (what was skipped: unknown columns, rows without data, …), located. `Err`
/// has every problem of the file at once (with the warnings, which may explain them).
pub fn delegates(
    path: &Path,
    rel: &str,
) -> Result<(DelegatesFile, DataSource, Diagnostics), Diagnostics> {
    let (table, errors, warnings) = read(path, rel, DELEGATE_FIELDS)?;
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
    let (table, mut errors, warnings) = read(path, rel, HONOREE_FIELDS)?;
    let sheet = table.sheet.as_deref();
    let mut honorees = Vec::new();
    for r in &table.records {
        // "Loại" is required: when it is absent the importer has already said why.
        let Some(kind_text) = r.get("kind") else {
            continue;
        };
        let kind = match normalize_header(kind_text).as_str() {
            "tapthe" | "collective" | "tt" => HonoreeKind::Collective,
            "canhan" | "individual" | "cn" => HonoreeKind::Individual,
            _ => {
                errors.push(cell_error(
                    rel,
                    sheet,
                    r,
                    "kind",
                    format!("loại “{kind_text}” không hợp lệ"),
                    "ghi “Tập thể” hoặc “Cá nhân”",
                ));
                continue;
            }
        };
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
                    format!(
                        "giới tính “{}” không hợp lệ",
                        r.get("gender").unwrap_or_default()
                    ),
                    "ghi “Nam” hoặc “Nữ”, hoặc để trống",
                ));
                None
            }
        };
        let number = |key: &str, what: &str, errors: &mut Diagnostics| -> Option<i64> {
            let v = r.get(key)?;
            match v.trim().trim_end_matches(".0").parse::<i64>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    errors.push(cell_error(
                        rel,
                        sheet,
                        r,
                        key,
                        format!("{what} “{v}” không phải số"),
                        "chỉ ghi số, ví dụ 1978",
                    ));
                    None
                }
            }
        };
        let birth_year = number("birth_year", "năm sinh", &mut errors).map(|n| n as i32);
        let order = number("order", "thứ tự", &mut errors).map(|n| n as u32);
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
    }
    let warnings = finish(errors, warnings)?;
    Ok((
        HonoreesFile {
            sample: false,
            honorees,
        },
        DataSource::Table(source(rel, "honorees", &table)),
        warnings,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::import::tests::{X, write_xlsx};

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
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
                vec![
                    X::S("STT"),
                    X::S("Họ và tên"),
                    X::S("Nhóm"),
                    X::S("Ghi chú"),
                ],
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
            "data/delegates.xlsx, dòng 1, cột D: cảnh báo: Cột D (\"Ghi chú\") không dùng đến, \
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
                    X::S("Ghi chú"),
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
                // "Ghi chú" is not read (a warning, reported with the errors).
                (Severity::Warning, Some(1), Some("F")),
                // No "Thành tích" column.
                (Severity::Error, Some(1), None),
                (Severity::Error, Some(3), Some("D")),
                (Severity::Error, Some(3), Some("E")),
                // Empty "Loại": said once, by the importer.
                (Severity::Error, Some(4), Some("B")),
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
}
