//! Every data file of a project, declared once: where it lives, the forms it may take, how it
//! is read, and whether the text rules read its strings. Loading ([`super::load`]), the walk of
//! every loaded file ([`Data::loaded`], which the text, font and glyph rules go through), the
//! inputs a job reads ([`Data::inputs`]), `serve`'s watch list ([`folders`]) and the files
//! `migrate` and `check --fix-tone-marks` rewrite ([`yaml_paths`]) all come from [`FILES`]: a
//! file added here is loaded, checked, fingerprinted, watched and rewritten, and a file not
//! added here is none of these, so nothing can be half-declared.
//!
//! A file another one may place elsewhere (the phôi layout, which `decision.yaml` names) is
//! declared at its default path with the field that names it; [`DataFile::path_in`] gives the
//! path in a given project, so every reader above follows the project's own choice.

use crate::diag::Diagnostic;
use crate::model::{DecisionFile, DelegatesFile, HonoreesFile, PhoiLayout, PlanFile};
use crate::project::Project;
use crate::{Data, Decision, Loaded, Loading};

/// A form a data file may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `<path>` itself, YAML.
    Yaml,
    /// A clerk's spreadsheet next to it, `<stem>.xlsx` (or any of [`crate::tables::TABLE_EXTENSIONS`]).
    Table,
}

/// One data file of a project.
pub struct DataFile {
    /// Project-relative path of its YAML form ("data/plan.yaml"): the default, when another
    /// file may name it (see [`DataFile::path_in`]).
    pub path: &'static str,
    /// The file and field that may name this file's path instead (the phôi layout's is
    /// `certificate.phoi_layout` of decision.yaml).
    named_by: Option<(&'static DataFile, &'static str)>,
    pub formats: &'static [Format],
    /// The file that says which schema the project's data was written for (`vinhdanh: N`).
    pub carries_schema_version: bool,
    /// Whether the text rules (stray spaces, NFC, TCVN3/VNI, fonts, tone marks) read its
    /// strings. Every file the documents print from must say yes.
    pub text_rules: bool,
    load: fn(&Project, &DataFile, &mut Loading),
    view: for<'a> fn(&'a Data) -> Option<Loaded<'a>>,
}

impl std::fmt::Debug for DataFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path)
    }
}

impl PartialEq for DataFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl DataFile {
    /// The list's name as the file is named ("delegates" for `data/delegates.yaml`).
    pub fn stem(&self) -> &'static str {
        let name = self.path.rsplit('/').next().unwrap_or(self.path);
        name.split('.').next().unwrap_or(name)
    }

    /// Every project-relative path this file may have, the YAML form first, as a project
    /// that names no other place has them.
    pub fn paths(&self) -> Vec<String> {
        self.forms(self.path)
    }

    /// Every project-relative path this file may have in `project`, the YAML form first.
    pub fn paths_in(&self, project: &Project) -> Vec<String> {
        self.forms(&self.path_in(project))
    }

    /// The project-relative path of its YAML form in `project`: where the naming file's field
    /// says (as the loader reads it), else the default. A naming file that is absent, does not
    /// parse or names nothing leaves the default.
    pub fn path_in(&self, project: &Project) -> String {
        let Some((by, field)) = self.named_by else {
            return self.path.to_string();
        };
        let named = match project.read(&by.path_in(project)) {
            Ok(Some(bytes)) => String::from_utf8(bytes.into_owned()).ok().and_then(|text| {
                let index = vinhdanh_yaml::Index::build(&text);
                index.scalar(field).map(str::to_string)
            }),
            _ => None,
        };
        named
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| self.path.to_string())
    }

    fn forms(&self, path: &str) -> Vec<String> {
        let mut v = Vec::new();
        for f in self.formats {
            match f {
                Format::Yaml => v.push(path.to_string()),
                Format::Table => {
                    let base = path.rsplit_once('.').map_or(path, |(b, _)| b);
                    v.extend(
                        crate::tables::TABLE_EXTENSIONS
                            .iter()
                            .map(|ext| format!("{base}.{ext}")),
                    );
                }
            }
        }
        v
    }

    /// The file as loaded in `data` (its source file, its strings), `None` when absent.
    pub fn loaded<'a>(&self, data: &'a Data) -> Option<Loaded<'a>> {
        (self.view)(data)
    }
}

pub const PLAN: DataFile = DataFile {
    path: "data/plan.yaml",
    named_by: None,
    formats: &[Format::Yaml],
    carries_schema_version: true,
    text_rules: true,
    load: |p, f, l| match crate::read_yaml::<PlanFile>(p, f.path) {
        Ok(Some(v)) => l.plan = Some(v),
        Ok(None) => l.errors.push(
            Diagnostic::error(crate::msg::no_plan(f.path))
                .in_file(f.path)
                .hint(crate::msg::no_plan_hint()),
        ),
        Err(e) => l.errors.push(e),
    },
    view: |d| Some(crate::yaml_loaded(&PLAN, &d.plan, &d.plan_src)),
};

pub const AGENDA: DataFile = DataFile {
    path: "data/agenda.yaml",
    named_by: None,
    formats: &[Format::Yaml],
    carries_schema_version: false,
    text_rules: true,
    load: |p, f, l| l.agenda = crate::optional(p, f.path, &crate::msg::what_agenda(), l),
    view: |d| {
        d.agenda
            .as_ref()
            .map(|(v, doc)| crate::yaml_loaded(&AGENDA, v, doc))
    },
};

pub const RESPONSIBILITIES: DataFile = DataFile {
    path: "data/responsibilities.yaml",
    named_by: None,
    formats: &[Format::Yaml],
    carries_schema_version: false,
    text_rules: true,
    load: |p, f, l| {
        l.responsibilities = crate::optional(p, f.path, &crate::msg::what_responsibilities(), l);
    },
    view: |d| {
        d.responsibilities
            .as_ref()
            .map(|(v, doc)| crate::yaml_loaded(&RESPONSIBILITIES, v, doc))
    },
};

pub const DELEGATES: DataFile = DataFile {
    path: "data/delegates.yaml",
    named_by: None,
    formats: &[Format::Yaml, Format::Table],
    carries_schema_version: false,
    text_rules: true,
    load: |p, f, l| {
        l.delegates = crate::load_list::<DelegatesFile>(p, f, crate::tables::delegates, l);
    },
    view: |d| {
        d.delegates
            .as_ref()
            .map(|(v, src)| crate::list_loaded(&DELEGATES, v, src))
    },
};

pub const HONOREES: DataFile = DataFile {
    path: "data/honorees.yaml",
    named_by: None,
    formats: &[Format::Yaml, Format::Table],
    carries_schema_version: false,
    text_rules: true,
    load: |p, f, l| {
        l.honorees = crate::load_list::<HonoreesFile>(p, f, crate::tables::honorees, l);
    },
    view: |d| {
        d.honorees
            .as_ref()
            .map(|(v, src)| crate::list_loaded(&HONOREES, v, src))
    },
};

/// Without it there is no decision and no certificates, with a note.
pub const DECISION: DataFile = DataFile {
    path: "data/decision.yaml",
    named_by: None,
    formats: &[Format::Yaml],
    carries_schema_version: false,
    text_rules: true,
    load: |p, f, l| match crate::read_yaml::<DecisionFile>(p, f.path) {
        Ok(Some(v)) => l.decision_file = Some(v),
        Ok(None) => l
            .notes
            .push(Diagnostic::warning(crate::msg::no_decision(f.path)).in_file(f.path)),
        Err(e) => l.errors.push(e),
    },
    view: |d| {
        d.decision
            .as_ref()
            .map(|x| crate::yaml_loaded(&DECISION, &x.file, &x.src))
    },
};

/// The certificate's field layout, at the path `decision.yaml` names: read with the decision
/// (and only with it); named but absent is an error in decision.yaml. The typed decision says
/// where, as [`DataFile::path_in`] finds it in the text.
pub const PHOI_LAYOUT: DataFile = DataFile {
    path: "data/phoi.yaml",
    named_by: Some((&DECISION, "certificate.phoi_layout")),
    formats: &[Format::Yaml],
    carries_schema_version: false,
    text_rules: true,
    load: |p, _, l| {
        let Some((file, src)) = l.decision_file.take() else {
            return;
        };
        let rel = file.certificate.phoi_layout.clone();
        match crate::read_yaml::<PhoiLayout>(p, &rel) {
            Ok(Some((layout, layout_src))) => {
                l.decision = Some(Decision {
                    file,
                    src,
                    layout,
                    layout_src,
                })
            }
            Ok(None) => l.errors.push(
                src.error("certificate.phoi_layout", crate::msg::no_phoi_layout(&rel))
                    .hint(crate::msg::no_phoi_layout_hint()),
            ),
            Err(e) => l.errors.push(e),
        }
    },
    view: |d| {
        d.decision
            .as_ref()
            .map(|x| crate::yaml_loaded(&PHOI_LAYOUT, &x.layout, &x.layout_src))
    },
};

/// Every data file, in load order (the order of the notes and errors of loading).
pub const FILES: &[&DataFile] = &[
    &PLAN,
    &AGENDA,
    &RESPONSIBILITIES,
    &DELEGATES,
    &HONOREES,
    &DECISION,
    &PHOI_LAYOUT,
];

/// Reads every declared file. The files no other names are read at once, each on a thread of
/// its own (the delegate and the honoree lists were two thirds of loading 10,000 + 10,000,
/// one after the other); a file another names (the phôi layout, named by the decision) is
/// read once they are. Messages come in the order of [`FILES`], as when read in turn.
pub(crate) fn load_all(project: &Project, loading: &mut Loading) {
    std::thread::scope(|s| {
        let apart: Vec<_> = FILES
            .iter()
            .map(|&f| {
                f.named_by.is_none().then(|| {
                    s.spawn(move || {
                        let mut l = Loading::default();
                        (f.load)(project, f, &mut l);
                        l
                    })
                })
            })
            .collect();
        for (f, read) in FILES.iter().zip(apart) {
            match read {
                Some(read) => {
                    loading.absorb(read.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                }
                None => (f.load)(project, f, loading),
            }
        }
    });
}

/// The folders of `project` holding its data files: what `serve` watches for data (with the
/// folders of templates, fonts and images, which are not data). A file named outside the
/// project has no folder to watch.
pub fn folders(project: &Project) -> Vec<String> {
    let mut v: Vec<String> = FILES
        .iter()
        .filter_map(|f| {
            let path = f.path_in(project);
            let (folder, _) = path.split_once('/')?;
            (!folder.is_empty() && folder != "." && folder != ".." && !folder.contains(':'))
                .then(|| folder.to_string())
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The paths of `project`'s declared data files in their YAML form (in load order, each once,
/// present or not): what `migrate` and `check --fix-tone-marks` rewrite. A YAML file of
/// `data/` that no declaration names (a clerk's notes, an old copy) is not data and is left
/// alone.
pub fn yaml_paths(project: &Project) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for f in FILES.iter().filter(|f| f.formats.contains(&Format::Yaml)) {
        let path = f.path_in(project);
        if !v.contains(&path) {
            v.push(path);
        }
    }
    v
}

/// The file in which a project says its schema version.
pub fn schema_file() -> &'static str {
    FILES
        .iter()
        .find(|f| f.carries_schema_version)
        .map_or(PLAN.path, |f| f.path)
}
