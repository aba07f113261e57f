//! What `build` wrote, so a later build removes its own stale outputs (the certificate of an
//! honoree deleted from the list) and nothing else: `output/.vinhdanh-manifest` lists each file
//! it wrote with the SHA-256 of the bytes it wrote, grouped by job. A file is removed only when
//! its group ran again without errors and did not write it, and its bytes are still the ones
//! written: a clerk's own file, or one they changed or replaced, is never touched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub const FILE: &str = ".vinhdanh-manifest";

/// Files by group ("giay-khen/", "giay-khen/ png"), each (path relative to the output folder,
/// hex SHA-256).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Manifest(pub BTreeMap<String, Vec<(String, String)>>);

impl Manifest {
    pub fn read(out_dir: &Path) -> Self {
        let mut m = Manifest::default();
        let Ok(text) = std::fs::read_to_string(out_dir.join(FILE)) else {
            return m;
        };
        for line in text.lines() {
            let mut parts = line.splitn(3, '\t');
            if let (Some(g), Some(h), Some(p)) = (parts.next(), parts.next(), parts.next()) {
                m.0.entry(g.to_string())
                    .or_default()
                    .push((p.to_string(), h.to_string()));
            }
        }
        m
    }

    pub fn write(&self, out_dir: &Path) -> std::io::Result<()> {
        let mut text =
            String::from("# vinhdanh: files written by `vinhdanh build` (do not edit)\n");
        for (g, files) in &self.0 {
            for (p, h) in files {
                text.push_str(&format!("{g}\t{h}\t{p}\n"));
            }
        }
        crate::write::atomic_write(&out_dir.join(FILE), text.as_bytes()).map_err(|e| e.source)
    }

    /// Records that `group` ran and wrote `written` (absolute paths under `out_dir`). When it ran
    /// whole (`complete`), the files it wrote before and not now are removed if unchanged since;
    /// otherwise they stay listed for a later complete run. Returns the files removed.
    pub fn replace(
        &mut self,
        out_dir: &Path,
        group: &str,
        written: &[PathBuf],
        complete: bool,
    ) -> Vec<PathBuf> {
        // Read back and hashed on every core: one after another, 1,000 certificates kept the
        // build waiting on one core at its very end.
        let mut now: Vec<(String, String)> =
            crate::pool::map(written.len(), crate::pool::cores(), |k| {
                let p = &written[k];
                let rel = p.strip_prefix(out_dir).ok()?;
                let rel = rel.to_string_lossy().replace('\\', "/");
                Some((rel, hash_file(p)?))
            })
            .into_iter()
            .flatten()
            .collect();
        let before = self.0.remove(group).unwrap_or_default();
        // A set, not a scan of `now` per earlier file: a batch of 10,000 files was quadratic.
        let written_now: std::collections::HashSet<String> =
            now.iter().map(|(r, _)| r.clone()).collect();
        let mut removed = Vec::new();
        for (rel, hash) in before {
            if written_now.contains(&rel) {
                continue;
            }
            let path = out_dir.join(&rel);
            if !complete {
                if path.exists() {
                    now.push((rel, hash));
                }
                continue;
            }
            if hash_file(&path).as_deref() == Some(hash.as_str())
                && std::fs::remove_file(&path).is_ok()
            {
                removed.push(path);
            }
        }
        now.sort();
        if !now.is_empty() {
            self.0.insert(group.to_string(), now);
        }
        removed
    }
}

fn hash_file(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Some(
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_its_own_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::create_dir_all(out.join("giay-khen")).unwrap();
        let a = out.join("giay-khen/001-a.pdf");
        let b = out.join("giay-khen/002-b.pdf");
        let c = out.join("giay-khen/003-c.pdf");
        for p in [&a, &b, &c] {
            std::fs::write(p, p.to_string_lossy().as_bytes()).unwrap();
        }
        let mut m = Manifest::default();
        m.replace(out, "giay-khen/", &[a.clone(), b.clone(), c.clone()], true);
        m.write(out).unwrap();
        // The clerk edits c; a clerk's own file sits beside them.
        std::fs::write(&c, b"edited by hand").unwrap();
        let own = out.join("giay-khen/004-cua-toi.pdf");
        std::fs::write(&own, b"mine").unwrap();

        let mut m = Manifest::read(out);
        // An incomplete run removes nothing.
        assert!(
            m.replace(out, "giay-khen/", std::slice::from_ref(&a), false)
                .is_empty()
        );
        assert!(b.exists());
        let removed = m.replace(out, "giay-khen/", std::slice::from_ref(&a), true);
        assert_eq!(removed, vec![b.clone()]);
        assert!(a.exists() && !b.exists() && c.exists() && own.exists());
    }
}
