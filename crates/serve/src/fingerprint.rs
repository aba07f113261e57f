//! Whether a job must be built again: a fingerprint of everything its output depends on.
//!
//! A job's data files ([`Job::inputs`]) say which files it reads, but not which parts: every
//! invitation job lists `honorees.yaml`, yet an honoree's merit text is printed only on the
//! certificates, the decision and the booklet. So the fingerprint hashes what the job actually
//! receives (its contexts, records and templates, as the documents layer made them from the
//! data) together with the contents of the files its last compile read (templates, libraries,
//! images) and the fonts. Equal fingerprints give the same bytes, so the job is skipped.

use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::engine::{Job, Work};
use crate::project::Project;

/// File contents hashed once per round, shared by the jobs that read the same file.
#[derive(Default)]
pub struct FileHashes(HashMap<String, u64>);

impl FileHashes {
    fn get(&mut self, project: &Project, rel: &str) -> u64 {
        if let Some(h) = self.0.get(rel) {
            return *h;
        }
        let mut hasher = DefaultHasher::new();
        match project.read(rel) {
            Ok(Some(bytes)) => bytes.hash(&mut hasher),
            Ok(None) => 0u8.hash(&mut hasher),
            Err(e) => e.to_string().hash(&mut hasher),
        }
        let h = hasher.finish();
        self.0.insert(rel.to_string(), h);
        h
    }
}

/// The fonts' stamp: size and modification time of the project's own font files (the embedded
/// ones never change while a session runs).
pub fn fonts_stamp(project: &Project) -> u64 {
    let mut h = DefaultHasher::new();
    if let Some(root) = project.root() {
        for rel in project.list("fonts") {
            let Ok(meta) = std::fs::metadata(root.join(&rel)) else {
                continue;
            };
            rel.hash(&mut h);
            meta.len().hash(&mut h);
            meta.modified().ok().hash(&mut h);
        }
    }
    h.finish()
}

/// The fingerprint of what `job` is given: its contexts and records, its templates' text and
/// the fonts' stamp.
pub fn job(project: &Project, job: &Job, fonts: u64, files: &mut FileHashes) -> u64 {
    prints(project, job, fonts, files).job
}

/// A job's fingerprints: the whole ([`job`]), without a batch's records ([`shared`]), and each
/// record's ([`record`], by id in the batch's order).
pub struct Prints {
    pub job: u64,
    pub shared: u64,
    pub records: Vec<(String, u64)>,
}

/// [`Prints`], each part hashed once (a round hashes every job of the project, a save's time
/// waits for it: the contexts and records are formatted to be hashed).
pub fn prints(project: &Project, job: &Job, fonts: u64, files: &mut FileHashes) -> Prints {
    let shared = shared(project, job, fonts, files);
    let records: Vec<(String, u64)> = match &job.work {
        Work::Batch(b) => b
            .records
            .iter()
            .map(|r| (r.id.clone(), record(r)))
            .collect(),
        Work::Single(_) => Vec::new(),
    };
    let mut h = DefaultHasher::new();
    shared.hash(&mut h);
    for (_, r) in &records {
        r.hash(&mut h);
    }
    Prints {
        job: h.finish(),
        shared,
        records,
    }
}

/// What every page of `job` depends on: [`job`] without a batch's records (the shared
/// context, the templates, the fonts). A batch whose shared fingerprint is unchanged changed
/// only in the records whose own fingerprint ([`record`]) changed.
pub fn shared(project: &Project, job: &Job, fonts: u64, files: &mut FileHashes) -> u64 {
    let mut h = DefaultHasher::new();
    fonts.hash(&mut h);
    job.name.hash(&mut h);
    job.today.hash(&mut h);
    let mut templates = BTreeSet::new();
    match &job.work {
        Work::Single(s) => {
            templates.insert(s.template.clone());
            s.template.hash(&mut h);
            format!("{:?}", s.context).hash(&mut h);
            s.output.hash(&mut h);
            s.relayout.is_some().hash(&mut h);
            if let Some(d) = &s.then {
                templates.insert(d.template.clone());
                (&d.template, &d.output, &d.embed_as).hash(&mut h);
            }
        }
        Work::Batch(b) => {
            templates.insert(b.template.clone());
            (&b.template, &b.dir, &b.merged).hash(&mut h);
            format!("{:?}", b.shared).hash(&mut h);
        }
    }
    for t in templates {
        files.get(project, &format!("templates/{t}")).hash(&mut h);
    }
    h.finish()
}

/// The fingerprint of the contents of the files a compile read (templates, libraries, images).
pub fn read(project: &Project, read: &BTreeSet<String>, files: &mut FileHashes) -> u64 {
    let mut h = DefaultHasher::new();
    for rel in read {
        rel.hash(&mut h);
        files.get(project, rel).hash(&mut h);
    }
    h.finish()
}

/// One record of a batch: what its pages are made from.
pub fn record(r: &crate::engine::Record) -> u64 {
    let mut h = DefaultHasher::new();
    (&r.id, &r.file_name, &r.label).hash(&mut h);
    format!("{:?}", r.value).hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{self, BuildOptions, Select};

    fn fingerprints(project: &Project) -> HashMap<String, u64> {
        let options = BuildOptions {
            force: true,
            ..BuildOptions::default()
        };
        let jobs = pipeline::plan(project, &Select::All, &options)
            .unwrap()
            .jobs;
        let mut files = FileHashes::default();
        jobs.iter()
            .map(|j| {
                let f = job(project, j, 0, &mut files);
                (j.name.clone(), f)
            })
            .collect()
    }

    /// Editing one honoree's merit text changes the certificates, the decision and the booklet,
    /// and neither the plan nor the invitations (which do not print it).
    #[test]
    fn an_honoree_edit_touches_only_what_prints_it() {
        let dir = tempfile::tempdir().unwrap();
        Project::write_default(dir.path()).unwrap();
        let project = Project::open(dir.path()).unwrap();
        let before = fingerprints(&project);
        let path = dir.path().join("data/honorees.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replacen("achievement: ", "achievement: Đã ", 1);
        assert_ne!(
            edited, text,
            "the seed's honorees have an achievement field"
        );
        std::fs::write(&path, edited).unwrap();
        let after = fingerprints(&project);
        let changed: BTreeSet<&str> = before
            .iter()
            .filter(|(k, v)| after.get(*k) != Some(v))
            .map(|(k, _)| k.as_str())
            .collect();
        assert!(changed.contains("giay-khen/"), "{changed:?}");
        assert!(!changed.contains("ke-hoach.pdf"), "{changed:?}");
        assert!(!changed.contains("giay-moi/"), "{changed:?}");
    }
}
