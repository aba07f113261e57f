//! A project is a folder (`data/`, `templates/`, `fonts/`, `assets/`) laid over the embedded
//! default project: a clerk's folder only needs the files it changes, and the binary alone is a
//! complete project. Every read goes through here, so the sandbox (nothing outside the folder,
//! no symlink escape) is enforced in one place.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use vinhdanh_default::{embedded, shipped};

/// What a template file in the clerk's folder is, next to the templates shipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Override {
    /// Byte for byte a template that version shipped: the current default is used instead.
    Copy { version: &'static str },
    /// A shipped template's path with other content: the clerk's (or an engineer's) edit.
    Edited,
    /// A file no version shipped (an extra library, an image, notes).
    Own,
}

/// Which shipped version a template's bytes are, if any, by sha256 against `table`.
fn shipped_version(
    table: &[(&str, &str, &'static str)],
    rel: &str,
    bytes: &[u8],
) -> Option<&'static str> {
    use sha2::{Digest, Sha256};
    let rows: Vec<_> = table.iter().filter(|(p, _, _)| *p == rel).collect();
    if rows.is_empty() {
        return None;
    }
    let hash = format!("{:x}", Sha256::digest(bytes));
    rows.iter().find(|(_, h, _)| *h == hash).map(|(_, _, v)| *v)
}

/// The current template for a byte-for-byte copy of one that `table` lists.
fn current_for_copy(
    table: &[(&str, &str, &'static str)],
    rel: &str,
    bytes: &[u8],
) -> Option<&'static [u8]> {
    if !rel.starts_with("templates/") {
        return None;
    }
    shipped_version(table, rel, bytes)?;
    embedded_file(rel)
}

fn classify(table: &[(&str, &str, &'static str)], rel: &str, bytes: &[u8]) -> Override {
    match shipped_version(table, rel, bytes) {
        Some(version) => Override::Copy { version },
        None if table.iter().any(|(p, _, _)| *p == rel) => Override::Edited,
        None => Override::Own,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("{}", crate::msg::outside_project(.0))]
    OutsideProject(String),
    #[error("{}", crate::msg::cannot_read_path(path, source))]
    Io { path: String, source: io::Error },
    #[error("{}", crate::msg::no_such_project(.0))]
    NoSuchProject(String),
}

#[derive(Debug, Clone)]
pub struct Project {
    /// Canonical folder of the user's project; `None` for the embedded default alone.
    root: Option<PathBuf>,
    /// Whether the folder has its own `data/`: if it has, data comes only from there (a clerk
    /// who deleted `data/honorees.yaml` means it, and must not get the seed's honorees back).
    own_data: bool,
    /// One data file read from memory instead of the disk ([`Project::with_file`]).
    overlay: Option<std::sync::Arc<(String, Vec<u8>)>>,
}

impl Project {
    /// The embedded default project (the seed conference).
    pub fn embedded() -> Self {
        Self {
            root: None,
            own_data: false,
            overlay: None,
        }
    }

    pub fn open(dir: &Path) -> Result<Self, ProjectError> {
        let root = crate::platform::canonicalize(dir)
            .map_err(|_| ProjectError::NoSuchProject(dir.display().to_string()))?;
        let own_data = root.join("data").is_dir();
        Ok(Self {
            root: Some(root),
            own_data,
            overlay: None,
        })
    }

    /// The same project with `rel` holding `bytes`, read from memory: the page checks a value
    /// the clerk is typing with the loader and rules `check` runs, before anything is saved.
    pub fn with_file(&self, rel: &str, bytes: Vec<u8>) -> Self {
        Self {
            overlay: Some(std::sync::Arc::new((rel.to_string(), bytes))),
            ..self.clone()
        }
    }

    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Reads `rel` (a `/`-separated path inside the project): the user's file if present,
    /// otherwise the embedded default's, except for data files when the project has its own data.
    ///
    /// A template that is a byte-for-byte copy of one a version shipped (what `init` used to
    /// write) reads as the current default: a copy is not an edit, and must not pin a clerk's
    /// project to that version's layout.
    pub fn read(&self, rel: &str) -> Result<Option<Cow<'static, [u8]>>, ProjectError> {
        let rel = normalize(rel)?;
        if let Some(o) = self.overlay.as_deref().filter(|o| o.0 == rel) {
            return Ok(Some(Cow::Owned(o.1.clone())));
        }
        if let Some(path) = self.disk_path(&rel)? {
            let bytes = fs::read(&path).map_err(|source| ProjectError::Io {
                path: rel.clone(),
                source,
            })?;
            if let Some(current) = current_for_copy(shipped::SHIPPED, &rel, &bytes) {
                return Ok(Some(Cow::Borrowed(current)));
            }
            return Ok(Some(Cow::Owned(bytes)));
        }
        if self.own_data && rel.starts_with("data/") {
            return Ok(None);
        }
        Ok(embedded_file(&rel).map(Cow::Borrowed))
    }

    pub fn exists(&self, rel: &str) -> bool {
        matches!(self.read(rel), Ok(Some(_)))
    }

    /// The file on disk for `rel`, if the user's folder has it, checked to stay inside the folder
    /// after following symlinks.
    pub fn disk_path(&self, rel: &str) -> Result<Option<PathBuf>, ProjectError> {
        let Some(root) = &self.root else {
            return Ok(None);
        };
        let candidate = root.join(rel);
        if !candidate.exists() {
            return Ok(None);
        }
        let real =
            crate::platform::canonicalize(&candidate).map_err(|source| ProjectError::Io {
                path: rel.to_string(),
                source,
            })?;
        if !real.starts_with(root) {
            return Err(ProjectError::OutsideProject(rel.to_string()));
        }
        Ok(real.is_file().then_some(real))
    }

    /// The template files of the clerk's own folder, each with what it is.
    pub fn overrides(&self) -> Vec<(String, Override)> {
        let Some(root) = &self.root else {
            return Vec::new();
        };
        let base = root.join("templates");
        let mut out = Vec::new();
        for entry in walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy();
            if !entry.file_type().is_file() || !(name.ends_with(".j2") || name.ends_with(".typ")) {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(root) else {
                continue;
            };
            let rel = to_slash(rel);
            if let Ok(bytes) = fs::read(entry.path()) {
                let kind = classify(shipped::SHIPPED, &rel, &bytes);
                out.push((rel, kind));
            }
        }
        out
    }

    /// Files under a folder (`fonts/`, `templates/`), user's and embedded merged, sorted.
    pub fn list(&self, dir: &str) -> Vec<String> {
        let dir = dir.trim_end_matches('/');
        let mut out: Vec<String> = Vec::new();
        if !(self.own_data && dir.starts_with("data")) {
            out.extend(
                embedded::FILES
                    .iter()
                    .filter(|(p, _)| p.starts_with(&format!("{dir}/")))
                    .map(|(p, _)| p.to_string()),
            );
        }
        if let Some(root) = &self.root {
            let base = root.join(dir);
            if base.is_dir() {
                for entry in walkdir::WalkDir::new(&base)
                    .sort_by_file_name()
                    .into_iter()
                    .flatten()
                {
                    if entry.file_type().is_file()
                        && let Ok(rel) = entry.path().strip_prefix(root)
                    {
                        out.push(to_slash(rel));
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Writes a new project into `dir` (for `vinhdanh init`): the sample data, `assets/` and
    /// a note on templates. No template is copied: a copy would pin the project to this
    /// version's layout (`vinhdanh eject` copies one on purpose).
    pub fn write_default(dir: &Path) -> io::Result<usize> {
        let mut n = 0;
        fs::create_dir_all(dir.join("assets"))?;
        for (rel, bytes) in embedded::FILES {
            let wanted = rel.starts_with("data/")
                || rel.starts_with("assets/")
                || *rel == "templates/README.md";
            if !wanted {
                continue; // fonts are in the binary; templates come from it unless ejected
            }
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            if !path.exists() {
                fs::write(&path, bytes)?;
                n += 1;
            }
        }
        Ok(n)
    }
}

/// Whether `rel` is a template the program ships (`templates/….typ.j2` or `….typ`).
pub fn is_shipped_template(rel: &str) -> bool {
    rel.starts_with("templates/")
        && (rel.ends_with(".j2") || rel.ends_with(".typ"))
        && embedded_file(rel).is_some()
}

/// The templates the program ships, as `templates/…` paths.
pub fn shipped_templates() -> Vec<&'static str> {
    embedded::FILES
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| is_shipped_template(p))
        .collect()
}

fn embedded_file(rel: &str) -> Option<&'static [u8]> {
    embedded::FILES
        .iter()
        .find(|(p, _)| *p == rel)
        .map(|(_, b)| *b)
}

/// Rejects absolute paths and `..`, and turns `\` into `/`, so a path from data or a template
/// names a file inside the project on every platform.
pub fn normalize(rel: &str) -> Result<String, ProjectError> {
    let rel = rel.replace('\\', "/");
    let rel = rel.trim_start_matches("./");
    let path = Path::new(rel);
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return Err(ProjectError::OutsideProject(rel.to_string())),
        }
    }
    if rel.starts_with('/') {
        return Err(ProjectError::OutsideProject(rel.to_string()));
    }
    Ok(parts.join("/"))
}

fn to_slash(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Copies the project's `data/` to `data.bak-YYYYMMDD/` (today, local time), or `…-2`, `-3` … when taken: what `migrate` and
/// the page's first save of a session keep before they rewrite a data file.
pub fn backup_data(root: &Path) -> std::io::Result<PathBuf> {
    let day = chrono::Local::now()
        .date_naive()
        .format("%Y%m%d")
        .to_string();
    let mut dest = root.join(format!("data.bak-{day}"));
    let mut n = 2;
    while dest.exists() {
        dest = root.join(format!("data.bak-{day}-{n}"));
        n += 1;
    }
    copy_dir(&root.join("data"), &dest)?;
    Ok(dest)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of an earlier version's template is known by its hash and classed as a copy; the
    /// same path with other bytes is an edit; another path is the clerk's own.
    #[test]
    fn copies_of_any_shipped_version_are_known() {
        use sha2::{Digest, Sha256};
        let old = b"#let x = 1 // as version 0.0.9 shipped it";
        let hash = format!("{:x}", Sha256::digest(old));
        let table = [("templates/a.typ.j2", hash.as_str(), "0.0.9")];
        assert_eq!(
            classify(&table, "templates/a.typ.j2", old),
            Override::Copy { version: "0.0.9" }
        );
        assert_eq!(
            classify(&table, "templates/a.typ.j2", b"#let x = 2"),
            Override::Edited
        );
        assert_eq!(classify(&table, "templates/b.typ", old), Override::Own);
    }

    /// A template fixed since an earlier version: the earlier version's copy in a clerk's folder
    /// reads as the fixed template, an edited copy as itself.
    #[test]
    fn an_old_copy_reads_as_the_fixed_template() {
        use sha2::{Digest, Sha256};
        let rel = "templates/ke-hoach.typ.j2";
        let before_the_fix = b"{# ke-hoach as 0.0.9 shipped it, before a layout fix #}";
        let hash = format!("{:x}", Sha256::digest(before_the_fix));
        let table = [(rel, hash.as_str(), "0.0.9")];
        let current = embedded_file(rel).unwrap();
        assert_ne!(current, &before_the_fix[..]);
        assert_eq!(current_for_copy(&table, rel, before_the_fix), Some(current));
        assert_eq!(current_for_copy(&table, rel, b"{# edited #}"), None);
        assert_eq!(
            current_for_copy(&table, "data/plan.yaml", before_the_fix),
            None
        );
    }

    #[test]
    fn this_versions_templates_are_in_the_table() {
        for rel in shipped_templates() {
            let bytes = embedded_file(rel).unwrap();
            assert_eq!(
                shipped_version(shipped::SHIPPED, rel, bytes),
                Some(env!("CARGO_PKG_VERSION")),
                "{rel}"
            );
        }
    }

    #[test]
    fn normalize_refuses_escapes() {
        assert!(normalize("../etc/passwd").is_err());
        assert!(normalize("/etc/passwd").is_err());
        assert!(normalize("data/../../x").is_err());
        assert_eq!(
            normalize("templates\\lib\\nd30.typ").unwrap(),
            "templates/lib/nd30.typ"
        );
    }
}
