//! Stage 1: read the project's data files into typed records, NFC-normalised, each kept with
//! its source so later stages can point at the exact line (YAML) or cell (spreadsheet).

pub mod tables;
pub mod yaml;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{AgendaFile, DelegatesFile, HonoreesFile, PlanFile, ResponsibilitiesFile};
use crate::project::Project;
pub use yaml::YamlDoc;

/// Where a data set came from: a YAML file, or a clerk's spreadsheet (row and column per field).
#[derive(Debug)]
pub enum DataSource {
    Yaml(YamlDoc),
    Table(TableSource),
}

/// A spreadsheet's record → row map and field → column letter map.
#[derive(Debug, Default)]
pub struct TableSource {
    pub file: String,
    /// Top-level key of the records in paths ("delegates"), and each record's sheet row.
    pub key: String,
    pub rows: Vec<usize>,
    /// Field → column letter, per record (columns are the same for all rows of one sheet).
    pub columns: std::collections::HashMap<String, String>,
}

impl DataSource {
    pub fn file(&self) -> &str {
        match self {
            DataSource::Yaml(d) => &d.file,
            DataSource::Table(t) => &t.file,
        }
    }

    /// Location of `path` ("delegates[3].name"): line:column in YAML, row and column in a sheet.
    pub fn locate(&self, path: &str) -> Location {
        match self {
            DataSource::Yaml(d) => d.locate(path),
            DataSource::Table(t) => {
                let mut loc = Location::file(t.file.clone());
                let rest = path.strip_prefix(&t.key).unwrap_or(path);
                if let Some(idx) = rest
                    .strip_prefix('[')
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    loc.line = t.rows.get(idx).copied();
                    let field = rest.split("].").nth(1).unwrap_or("");
                    loc.cell_column = t.columns.get(field).cloned();
                    if loc.cell_column.is_none() && loc.line.is_some() {
                        loc.cell_column = Some("A".into());
                    }
                }
                loc
            }
        }
    }

    pub fn error(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message)
            .at(self.locate(path))
            .field(path.to_string())
    }

    pub fn warning(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(message)
            .at(self.locate(path))
            .field(path.to_string())
    }
}

/// Everything the documents are made from. Optional files that are absent are `None`; their
/// documents are skipped with a note rather than failing the whole build.
#[derive(Debug)]
pub struct Data {
    pub plan: PlanFile,
    pub plan_src: YamlDoc,
    pub agenda: Option<(AgendaFile, YamlDoc)>,
    pub responsibilities: Option<(ResponsibilitiesFile, YamlDoc)>,
    pub delegates: Option<(DelegatesFile, DataSource)>,
    pub honorees: Option<(HonoreesFile, DataSource)>,
    /// Notes for the user (skipped documents, sample data in use).
    pub notes: Vec<Diagnostic>,
}

pub const PLAN: &str = "data/plan.yaml";
pub const AGENDA: &str = "data/agenda.yaml";
pub const RESPONSIBILITIES: &str = "data/responsibilities.yaml";
pub const DELEGATES: &str = "data/delegates.yaml";
pub const HONOREES: &str = "data/honorees.yaml";

/// Reads and parses one YAML file of the project; `Ok(None)` when it does not exist.
pub fn read_yaml<T: DeserializeOwned>(
    project: &Project,
    rel: &str,
) -> Result<Option<(T, YamlDoc)>, Diagnostic> {
    match project.read(rel) {
        Ok(Some(bytes)) => yaml::parse::<T>(rel, &bytes).map(Some),
        Ok(None) => Ok(None),
        Err(e) => Err(Diagnostic::error(e.to_string()).in_file(rel)),
    }
}

pub fn load(project: &Project) -> Result<Data, Diagnostics> {
    let mut errors = Diagnostics::default();
    let plan = match read_yaml::<PlanFile>(project, PLAN) {
        Ok(Some(p)) => Some(p),
        Ok(None) => {
            errors.push(
                Diagnostic::error("thiếu tệp dữ liệu chính data/plan.yaml")
                    .in_file(PLAN)
                    .hint("chạy `vinhdanh init THƯ-MỤC` để có bộ dữ liệu mẫu, rồi sửa theo đơn vị mình"),
            );
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let mut notes = Vec::new();
    let mut optional = |rel: &str, what: &str| {
        if !project.exists(rel) {
            notes.push(Diagnostic::warning(format!("không có {rel}: bỏ qua {what}")).in_file(rel));
        }
    };
    optional(
        AGENDA,
        "mục Chương trình của Kế hoạch và cuốn Chương trình hội nghị",
    );
    optional(RESPONSIBILITIES, "phần tổ chức thực hiện");
    let agenda = read_yaml::<AgendaFile>(project, AGENDA)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let responsibilities = read_yaml::<ResponsibilitiesFile>(project, RESPONSIBILITIES)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let delegates = load_list::<DelegatesFile>(
        project,
        "delegates",
        tables::delegates,
        &mut errors,
        &mut notes,
    );
    let honorees = load_list::<HonoreesFile>(
        project,
        "honorees",
        tables::honorees,
        &mut errors,
        &mut notes,
    );
    if errors.has_errors() {
        return Err(errors);
    }
    let (plan, plan_src) = plan.expect("no errors means the plan loaded");
    Ok(Data {
        plan,
        plan_src,
        agenda,
        responsibilities,
        delegates,
        honorees,
        notes,
    })
}

/// Reads a list from a spreadsheet: (path on disk, path for messages).
/// `Ok` also has the warnings (what was skipped), which join the notes.
type TableReader<T> =
    fn(&std::path::Path, &str) -> Result<(T, DataSource, Diagnostics), Diagnostics>;

/// A list (delegates, honorees) from `data/<name>.yaml`, or a clerk's spreadsheet
/// `data/<name>.xlsx` / `.csv` (…) read by [`tables`]. A project has one list: two files for the
/// same list are refused rather than one silently winning.
fn load_list<T: DeserializeOwned>(
    project: &Project,
    name: &str,
    from_table: TableReader<T>,
    errors: &mut Diagnostics,
    notes: &mut Vec<Diagnostic>,
) -> Option<(T, DataSource)> {
    let rel = format!("data/{name}.yaml");
    let tables: Vec<(String, std::path::PathBuf)> = tables::TABLE_EXTENSIONS
        .iter()
        .map(|ext| format!("data/{name}.{ext}"))
        .filter_map(|r| match project.disk_path(&r) {
            Ok(Some(p)) => Some((r, p)),
            _ => None,
        })
        .collect();
    let mut found: Vec<&str> = tables.iter().map(|(r, _)| r.as_str()).collect();
    if project.exists(&rel) {
        found.insert(0, &rel);
    }
    if found.len() > 1 {
        errors.push(
            Diagnostic::error(format!(
                "một dự án chỉ có một danh sách {name}: đang có cả {}",
                found.join(" và ")
            ))
            .in_file(found[1].to_string())
            .hint("giữ lại một tệp (YAML, Excel hoặc CSV), đổi tên hoặc chuyển các tệp còn lại ra khỏi thư mục data/"),
        );
        return None;
    }
    if let Some((r, path)) = tables.first() {
        return match from_table(path, r) {
            Ok((v, src, warnings)) => {
                notes.extend(warnings.0);
                Some((v, src))
            }
            Err(d) => {
                errors.extend(d);
                None
            }
        };
    }
    match read_yaml::<T>(project, &rel) {
        Ok(Some((v, doc))) => Some((v, DataSource::Yaml(doc))),
        Ok(None) => {
            notes.push(Diagnostic::warning(format!("không có danh sách {rel}")).in_file(rel));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    }
}
