//! Delegate and honoree lists kept as spreadsheets (.xlsx, .xls, .ods, .csv) with the
//! Vietnamese headers clerks already type. [`crate::import`] reads the cells (header synonyms,
//! legacy encodings, merged cells); this module maps them into the same records as the YAML
//! files and keeps every record's row and every field's column, so a later problem (an unknown
//! group, a duplicate honoree) still points at the cell to fix.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::import::{self, FieldSpec, ImportError, Record, normalize_header};
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

/// An import failure as a located diagnostic (spreadsheet row and column letter).
pub fn import_diagnostic(rel: &str, e: &ImportError) -> Diagnostic {
    let mut loc = Location::file(rel);
    loc.line = e.row();
    loc.cell_column = e.column().map(str::to_string);
    let mut d = Diagnostic::error(e.message().to_string()).at(loc);
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

fn cell_error(rel: &str, r: &Record, key: &str, msg: String, hint: &str) -> Diagnostic {
    let mut loc = Location::file(rel);
    loc.line = Some(r.row);
    loc.cell_column = r.cell(key).map(|c| c.column.clone());
    Diagnostic::error(msg).at(loc).hint(hint.to_string())
}

/// Reads a delegate list from a spreadsheet.
pub fn delegates(path: &Path, rel: &str) -> Result<(DelegatesFile, DataSource), Diagnostics> {
    let table =
        import::read_table_full(path, DELEGATE_FIELDS).map_err(|e| import_diagnostics(rel, &e))?;
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
    ))
}

/// Reads an honoree list from a spreadsheet; "Tập thể"/"Cá nhân", "Nam"/"Nữ" and year cells
/// are checked here, each problem at its cell.
pub fn honorees(path: &Path, rel: &str) -> Result<(HonoreesFile, DataSource), Diagnostics> {
    let table =
        import::read_table_full(path, HONOREE_FIELDS).map_err(|e| import_diagnostics(rel, &e))?;
    let mut errors = Diagnostics::default();
    let mut honorees = Vec::new();
    for r in &table.records {
        let kind_text = r.get("kind").unwrap_or_default();
        let kind = match normalize_header(kind_text).as_str() {
            "tapthe" | "collective" | "tt" => HonoreeKind::Collective,
            "canhan" | "individual" | "cn" => HonoreeKind::Individual,
            _ => {
                errors.push(cell_error(
                    rel,
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
    if errors.has_errors() {
        return Err(errors);
    }
    Ok((
        HonoreesFile {
            sample: false,
            honorees,
        },
        DataSource::Table(source(rel, "honorees", &table)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name)
    }

    #[test]
    fn csv_and_xlsx_give_the_same_delegates() {
        let (a, _) = delegates(&fixture("delegates.csv"), "data/delegates.csv").unwrap();
        let (b, src) = delegates(&fixture("delegates.xlsx"), "data/delegates.xlsx").unwrap();
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
    fn honorees_from_xlsx() {
        let (h, _) = honorees(&fixture("honorees.xlsx"), "data/honorees.xlsx").unwrap();
        assert_eq!(h.honorees.len(), 44);
        assert_eq!(h.honorees[0].kind, HonoreeKind::Collective);
        let ind = h.honorees.iter().find(|x| x.id == "cn-01").unwrap();
        assert_eq!(ind.kind, HonoreeKind::Individual);
        assert!(ind.birth_year.is_some() && ind.gender.is_some());
    }
}
