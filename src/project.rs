//! A project is a folder (`data/`, `templates/`, `fonts/`, `assets/`) laid over the embedded
//! default project: a clerk's folder only needs the files it changes, and the binary alone is a
//! complete project. Every read goes through here, so the sandbox (nothing outside the folder,
//! no symlink escape) is enforced in one place.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("đường dẫn “{0}” nằm ngoài thư mục dự án")]
    OutsideProject(String),
    #[error("không đọc được “{path}”: {source}")]
    Io { path: String, source: io::Error },
    #[error("thư mục dự án “{0}” không tồn tại")]
    NoSuchProject(String),
}

#[derive(Debug, Clone)]
pub struct Project {
    /// Canonical folder of the user's project; `None` for the embedded default alone.
    root: Option<PathBuf>,
    /// Whether the folder has its own `data/`: if it has, data comes only from there (a clerk
    /// who deleted `data/honorees.yaml` means it, and must not get the seed's honorees back).
    own_data: bool,
}

impl Project {
    /// The embedded default project (the seed conference).
    pub fn embedded() -> Self {
        Self {
            root: None,
            own_data: false,
        }
    }

    pub fn open(dir: &Path) -> Result<Self, ProjectError> {
        let root = fs::canonicalize(dir)
            .map_err(|_| ProjectError::NoSuchProject(dir.display().to_string()))?;
        let own_data = root.join("data").is_dir();
        Ok(Self {
            root: Some(root),
            own_data,
        })
    }

    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Reads `rel` (a `/`-separated path inside the project): the user's file if present,
    /// otherwise the embedded default's, except for data files when the project has its own data.
    pub fn read(&self, rel: &str) -> Result<Option<Cow<'static, [u8]>>, ProjectError> {
        let rel = normalize(rel)?;
        if let Some(path) = self.disk_path(&rel)? {
            return fs::read(&path)
                .map(|b| Some(Cow::Owned(b)))
                .map_err(|source| ProjectError::Io {
                    path: rel.clone(),
                    source,
                });
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
        let real = fs::canonicalize(&candidate).map_err(|source| ProjectError::Io {
            path: rel.to_string(),
            source,
        })?;
        if !real.starts_with(root) {
            return Err(ProjectError::OutsideProject(rel.to_string()));
        }
        Ok(real.is_file().then_some(real))
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

    /// Writes the embedded default project into `dir` (for `vinhdanh init`).
    pub fn write_default(dir: &Path) -> io::Result<usize> {
        let mut n = 0;
        for (rel, bytes) in embedded::FILES {
            if rel.starts_with("fonts/") {
                continue; // embedded in the binary; a project's fonts/ is for extra fonts
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

#[cfg(test)]
mod tests {
    use super::*;

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
