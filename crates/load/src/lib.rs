//! Stage 1: read the project's data files into typed records, NFC-normalised, each kept with
//! its source so later stages can point at the exact line (YAML) or cell (spreadsheet).

pub mod import;
pub mod msg;
#[allow(unused_imports)]
pub(crate) use vinhdanh_core::{collate, diag, memory, project, slug, text, tone};
pub(crate) use vinhdanh_model as model;

mod facts;
#[cfg(test)]
mod office_lists;
pub mod registry;
pub mod schema;
pub mod tables;
pub mod tone_fix;
pub mod yaml;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{
    AgendaFile, DecisionFile, DelegatesFile, HonoreesFile, PhoiLayout, PlanFile,
    ResponsibilitiesFile,
};
use crate::project::Project;
pub use facts::ConferenceFacts;
pub use registry::{
    AGENDA, DECISION, DELEGATES, DataFile, FILES, HONOREES, PHOI_LAYOUT, PLAN, RESPONSIBILITIES,
};
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
    /// Field → the column's header as the clerk wrote it ("Nhóm đại biểu" for `group`).
    pub headers: std::collections::HashMap<String, String>,
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

/// One loaded data file, as [`Data::loaded`] lists them.
pub struct Loaded<'a> {
    /// Its declaration in [`registry::FILES`].
    pub declared: &'static DataFile,
    /// Project-relative path ("data/plan.yaml", "data/delegates.xlsx").
    pub file: &'a str,
    /// The YAML text as loaded; `None` for a spreadsheet.
    pub yaml: Option<&'a YamlDoc>,
    /// Location of a field path in this file (line:column, or a sheet's row and column).
    pub locate: Box<dyn Fn(&str) -> Location + 'a>,
    /// Calls its argument with (field path, text) for every string of the file's values.
    pub strings: Box<WalkStrings<'a>>,
}

/// A walk over the strings of one file's values: (field path, text) for each.
pub type WalkStrings<'a> = dyn Fn(&mut dyn FnMut(&str, &str)) + 'a;

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
    /// `data/decision.yaml` with the phôi layout it names; `None` when the project has none.
    pub decision: Option<Decision>,
    /// Every image the data names (signature and seal, emblem), as written, with what was found.
    pub images: std::collections::BTreeMap<String, Image>,
    /// Notes for the user (skipped documents, sample data in use, import warnings).
    pub notes: Vec<Diagnostic>,
    /// Values of the YAML lists typed otherwise than they print (stray spaces): the lists hold
    /// the cleaned value, and this the value as typed, for the rules to flag where it stands.
    pub unclean: Vec<Unclean>,
    /// Group → the text the delegate list wrote for it, when that is not the group's id (a
    /// spreadsheet names groups by their label): messages quote the list as the clerk wrote it.
    pub group_written: std::collections::BTreeMap<String, String>,
}

/// A value of a YAML list as typed, before cleaning (see [`Data::unclean`]).
#[derive(Debug, Clone)]
pub struct Unclean {
    /// "delegates" or "honorees".
    pub list: &'static str,
    /// Field path in the list's file ("honorees[12].title").
    pub path: String,
    pub raw: String,
}

/// What an image path named in data leads to, read at load so rules need not open files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Image {
    /// An image Typst can place: "PNG", "JPEG", "GIF", "WebP", "SVG".
    Found(&'static str),
    NotAnImage,
    Missing,
    /// Outside the project (`..`, an absolute path, a symlink out): the message says which.
    Refused(String),
}

/// The award decision and the certificate field layout, each with its source for locations.
#[derive(Debug)]
pub struct Decision {
    pub file: DecisionFile,
    pub src: YamlDoc,
    pub layout: PhoiLayout,
    pub layout_src: YamlDoc,
}

impl Data {
    /// The project-relative files `wanted` were loaded from, in that order (a list may come
    /// from a spreadsheet; files the project lacks are left out): the inputs of a job.
    pub fn inputs(&self, wanted: &[&DataFile]) -> Vec<String> {
        wanted
            .iter()
            .filter_map(|f| f.loaded(self).map(|l| l.file.to_string()))
            .collect()
    }

    /// The file `f` was loaded from, if the project has it.
    pub fn source(&self, f: &DataFile) -> Option<String> {
        f.loaded(self).map(|l| l.file.to_string())
    }

    pub fn facts(&self) -> ConferenceFacts<'_> {
        ConferenceFacts { data: self }
    }

    /// Every data file loaded, once, in load order, as [`registry::FILES`] declares them: the
    /// one list the text rules, the font check and the glyph locations walk.
    pub fn loaded(&self) -> Vec<Loaded<'_>> {
        registry::FILES
            .iter()
            .filter_map(|f| f.loaded(self))
            .collect()
    }

    /// Every loaded file whose strings the text rules read.
    pub fn texts(&self) -> Vec<Loaded<'_>> {
        self.loaded()
            .into_iter()
            .filter(|l| l.declared.text_rules)
            .collect()
    }

    /// Every YAML file of the data the text rules read, for the rules that look at the text
    /// as typed.
    pub fn yaml_docs(&self) -> Vec<&YamlDoc> {
        self.texts().into_iter().filter_map(|l| l.yaml).collect()
    }

    /// The image paths named in data, with the field that names each (file, field path).
    pub fn image_refs(&self) -> Vec<(&YamlDoc, String, &str)> {
        fn add<'a>(
            v: &mut Vec<(&'a YamlDoc, String, &'a str)>,
            doc: &'a YamlDoc,
            path: &str,
            image: &'a Option<String>,
        ) {
            if let Some(i) = image.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                v.push((doc, path.to_string(), i));
            }
        }
        let mut v = Vec::new();
        let p = &self.plan;
        add(
            &mut v,
            &self.plan_src,
            "signature.image",
            &p.signature.image,
        );
        if let Some(s) = &p.plan.signature {
            add(&mut v, &self.plan_src, "plan.signature.image", &s.image);
        }
        if let Some(s) = p.invitation.as_ref().and_then(|i| i.signature.as_ref()) {
            add(
                &mut v,
                &self.plan_src,
                "invitation.signature.image",
                &s.image,
            );
        }
        if let Some(d) = &self.decision {
            if let Some(s) = &d.file.signature {
                add(&mut v, &d.src, "signature.image", &s.image);
            }
            add(
                &mut v,
                &d.src,
                "certificate.emblem",
                &d.file.certificate.emblem,
            );
        }
        v
    }
}

pub(crate) fn yaml_loaded<'a, T: serde::Serialize>(
    declared: &'static DataFile,
    value: &'a T,
    doc: &'a YamlDoc,
) -> Loaded<'a> {
    Loaded {
        declared,
        file: &doc.file,
        yaml: Some(doc),
        locate: Box::new(move |p| doc.locate(p)),
        strings: Box::new(move |f| walk_strings(value, f)),
    }
}

pub(crate) fn list_loaded<'a, T: serde::Serialize>(
    declared: &'static DataFile,
    value: &'a T,
    src: &'a DataSource,
) -> Loaded<'a> {
    Loaded {
        declared,
        file: src.file(),
        yaml: match src {
            DataSource::Yaml(d) => Some(d),
            DataSource::Table(_) => None,
        },
        locate: Box::new(move |p| src.locate(p)),
        strings: Box::new(move |f| walk_strings(value, f)),
    }
}

/// Reads and parses one YAML file of the project; `Ok(None)` when it does not exist.
pub(crate) fn read_yaml<T: DeserializeOwned>(
    project: &Project,
    rel: &str,
) -> Result<Option<(T, YamlDoc)>, Diagnostic> {
    match project.read(rel) {
        Ok(Some(bytes)) => yaml::parse::<T>(rel, &bytes).map(Some),
        Ok(None) => Ok(None),
        Err(e) => Err(Diagnostic::error(e.to_string()).in_file(rel)),
    }
}

/// What loading has read so far, file by file (see [`registry::FILES`]).
#[derive(Default)]
pub(crate) struct Loading {
    pub plan: Option<(PlanFile, YamlDoc)>,
    pub agenda: Option<(AgendaFile, YamlDoc)>,
    pub responsibilities: Option<(ResponsibilitiesFile, YamlDoc)>,
    pub delegates: Option<(DelegatesFile, DataSource)>,
    pub honorees: Option<(HonoreesFile, DataSource)>,
    /// decision.yaml read, waiting for the layout it names.
    pub decision_file: Option<(DecisionFile, YamlDoc)>,
    pub decision: Option<Decision>,
    pub errors: Diagnostics,
    pub notes: Vec<Diagnostic>,
}

impl Loading {
    /// Takes what `other` read (one file's loading, done apart), its messages after ours.
    pub(crate) fn absorb(&mut self, other: Loading) {
        let Loading {
            plan,
            agenda,
            responsibilities,
            delegates,
            honorees,
            decision_file,
            decision,
            errors,
            notes,
        } = other;
        fn take<T>(mine: &mut Option<T>, theirs: Option<T>) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        take(&mut self.plan, plan);
        take(&mut self.agenda, agenda);
        take(&mut self.responsibilities, responsibilities);
        take(&mut self.delegates, delegates);
        take(&mut self.honorees, honorees);
        take(&mut self.decision_file, decision_file);
        take(&mut self.decision, decision);
        self.errors.extend(errors);
        self.notes.extend(notes);
    }
}

/// An optional YAML file: a note when it is absent (what goes without it), an error when it
/// does not read.
pub(crate) fn optional<T: DeserializeOwned>(
    project: &Project,
    rel: &str,
    what: &str,
    l: &mut Loading,
) -> Option<(T, YamlDoc)> {
    if !project.exists(rel) {
        l.notes
            .push(Diagnostic::warning(crate::msg::optional_missing(rel, what)).in_file(rel));
    }
    read_yaml::<T>(project, rel)
        .map_err(|e| l.errors.push(e))
        .ok()
        .flatten()
}

pub fn load(project: &Project) -> Result<Data, Diagnostics> {
    let mut l = Loading::default();
    registry::load_all(project, &mut l);
    let Some((plan, plan_src)) = l.plan.filter(|_| !l.errors.has_errors()) else {
        return Err(l.errors);
    };
    let mut data = Data {
        plan,
        plan_src,
        agenda: l.agenda,
        responsibilities: l.responsibilities,
        delegates: l.delegates,
        honorees: l.honorees,
        decision: l.decision,
        images: Default::default(),
        notes: l.notes,
        unclean: Vec::new(),
        group_written: Default::default(),
    };
    clean_lists(&mut data);
    let migrations: Vec<Diagnostic> = data
        .yaml_docs()
        .iter()
        .flat_map(|d| d.migrations.iter().cloned())
        .collect();
    data.notes.extend(migrations);
    resolve_references(&mut data);
    let images = data
        .image_refs()
        .into_iter()
        .map(|(_, _, rel)| (rel.to_string(), read_image(project, rel)))
        .collect();
    data.images = images;
    Ok(data)
}

/// Reads a list from a spreadsheet: (path on disk, path for messages).
/// `Ok` also has the warnings (what was skipped), which join the notes.
type TableReader<T> =
    fn(&std::path::Path, &str) -> Result<(T, DataSource, Diagnostics), Diagnostics>;

/// A list (delegates, honorees) from `data/<name>.yaml`, or a clerk's spreadsheet
/// `data/<name>.xlsx` / `.csv` (…) read by [`tables`]. A project has one list: two files for the
/// same list are refused rather than one silently winning.
pub(crate) fn load_list<T: DeserializeOwned>(
    project: &Project,
    declared: &DataFile,
    from_table: TableReader<T>,
    l: &mut Loading,
) -> Option<(T, DataSource)> {
    let (errors, notes) = (&mut l.errors, &mut l.notes);
    let name = declared.stem();
    let rel = declared.path.to_string();
    let tables: Vec<(String, std::path::PathBuf)> = declared
        .paths()
        .into_iter()
        .filter(|r| *r != rel)
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
            Diagnostic::error(crate::msg::two_lists(name, &found.join(crate::msg::and())))
                .in_file(found[1].to_string())
                .hint(crate::msg::two_lists_hint()),
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
            notes.push(Diagnostic::warning(crate::msg::no_list(&rel)).in_file(rel));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

/// Names, titles and units of the YAML lists print as the clerk meant them: trimmed, runs of
/// spaces as one (a spreadsheet's cells are cleaned the same way when read). What was typed
/// otherwise is kept in [`Data::unclean`] for the rules to point at.
fn clean_lists(data: &mut Data) {
    fn one(v: &mut String, list: &'static str, path: String, out: &mut Vec<Unclean>) {
        let clean = crate::import::clean_value(v);
        if clean != *v {
            out.push(Unclean {
                list,
                path,
                raw: std::mem::replace(v, clean),
            });
        }
    }
    fn opt(v: &mut Option<String>, list: &'static str, path: String, out: &mut Vec<Unclean>) {
        if let Some(s) = v {
            one(s, list, path, out);
        }
    }
    let mut out = Vec::new();
    if let Some((file, DataSource::Yaml(_))) = &mut data.delegates {
        for (i, d) in file.delegates.iter_mut().enumerate() {
            let p = |k: &str| format!("delegates[{i}].{k}");
            opt(&mut d.salutation, "delegates", p("salutation"), &mut out);
            opt(&mut d.name, "delegates", p("name"), &mut out);
            opt(&mut d.title, "delegates", p("title"), &mut out);
            opt(&mut d.unit, "delegates", p("unit"), &mut out);
            opt(&mut d.seat, "delegates", p("seat"), &mut out);
        }
    }
    if let Some((file, DataSource::Yaml(_))) = &mut data.honorees {
        for (i, h) in file.honorees.iter_mut().enumerate() {
            let p = |k: &str| format!("honorees[{i}].{k}");
            one(&mut h.name, "honorees", p("name"), &mut out);
            opt(&mut h.title, "honorees", p("title"), &mut out);
            opt(&mut h.unit, "honorees", p("unit"), &mut out);
            one(&mut h.achievement, "honorees", p("achievement"), &mut out);
            opt(&mut h.proposed_by, "honorees", p("proposed_by"), &mut out);
        }
    }
    data.unclean = out;
}

/// A delegate's group may be written as the plan names it ("Đại biểu thành phố") rather than
/// by its id ("city"), and an honoree may be named rather than coded (lists kept in offices
/// have no codes): each such reference is turned into the id here, tone marks, case and
/// spacing ignored, when exactly one group or honoree matches. What matches nothing is left
/// as written, for the rules to report with a suggestion.
fn resolve_references(data: &mut Data) {
    use crate::text::fold;
    let mut groups: Vec<(String, String)> = Vec::new();
    data.plan.composition.walk("", &mut |g, _, _| {
        groups.push((g.id.clone(), g.label.clone()));
    });
    let group_id = |written: &str| -> Option<String> {
        if groups.iter().any(|(id, _)| id == written) {
            return None;
        }
        let f = fold(written);
        let by_id: Vec<&String> = groups
            .iter()
            .filter(|(id, _)| fold(id) == f)
            .map(|(id, _)| id)
            .collect();
        let hits = if by_id.is_empty() {
            groups
                .iter()
                .filter(|(_, label)| fold(label) == f)
                .map(|(id, _)| id)
                .collect()
        } else {
            by_id
        };
        match hits.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    };
    let honorees: Vec<(String, String)> = data
        .honorees
        .as_ref()
        .map(|(f, _)| {
            f.honorees
                .iter()
                .map(|h| (h.id.clone(), h.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    let honoree_id = |written: &str| -> Option<String> {
        if honorees.iter().any(|(id, _)| id == written) {
            return None;
        }
        let f = fold(written);
        let hits: Vec<&String> = honorees
            .iter()
            .filter(|(id, name)| fold(id) == f || fold(name) == f)
            .map(|(id, _)| id)
            .collect();
        match hits.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    };
    if let Some((file, _)) = &mut data.delegates {
        for d in &mut file.delegates {
            if let Some(id) = group_id(&d.group) {
                data.group_written
                    .entry(id.clone())
                    .or_insert_with(|| d.group.clone());
                d.group = id;
            }
            if let Some(id) = d.honoree.as_deref().and_then(honoree_id) {
                d.honoree = Some(id);
            }
        }
    }
    if let Some((file, _)) = &mut data.agenda {
        for s in file.items.iter_mut().flat_map(|i| i.speakers.iter_mut()) {
            if let Some(id) = s.honoree.as_deref().and_then(honoree_id) {
                s.honoree = Some(id);
            }
        }
    }
}

fn read_image(project: &Project, rel: &str) -> Image {
    match project.read(rel.trim_start_matches('/')) {
        Ok(Some(bytes)) => image_kind(&bytes).map_or(Image::NotAnImage, Image::Found),
        Ok(None) => Image::Missing,
        Err(e) => Image::Refused(e.to_string()),
    }
}

/// What an image file's first bytes say it is, if it is an image Typst can place.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("JPEG")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("GIF")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("WebP")
    } else {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        head.contains("<svg").then_some("SVG")
    }
}

/// Calls `f(path, text)` for every string of a loaded value, with the field paths of the file
/// (serde names, `[i]` for list items): the walk rules use to see every printable string.
pub fn walk_strings<T: serde::Serialize>(value: &T, f: &mut dyn FnMut(&str, &str)) {
    if let Ok(v) = serde_yaml::to_value(value) {
        walk(&v, "", false, f);
    }
}

/// [`walk_strings`], numbers too (as written back: "120"): the values a sample file may share
/// with the clerk's.
pub fn walk_leaves<T: serde::Serialize>(value: &T, f: &mut dyn FnMut(&str, &str)) {
    if let Ok(v) = serde_yaml::to_value(value) {
        walk(&v, "", true, f);
    }
}

fn walk(v: &serde_yaml::Value, path: &str, numbers: bool, f: &mut dyn FnMut(&str, &str)) {
    match v {
        serde_yaml::Value::String(s) => f(path, s),
        serde_yaml::Value::Number(n) if numbers => f(path, &n.to_string()),
        serde_yaml::Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}[{i}]"), numbers, f);
            }
        }
        serde_yaml::Value::Mapping(m) => {
            for (k, item) in m {
                let key = k.as_str().unwrap_or("?");
                let p = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                walk(item, &p, numbers, f);
            }
        }
        serde_yaml::Value::Tagged(t) => walk(&t.value, path, numbers, f),
        _ => {}
    }
}
