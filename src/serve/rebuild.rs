//! The rebuild loop shared by `serve` and `watch`: load and judge the data again, then hand the
//! engine only the jobs whose fingerprint changed ([`super::fingerprint`]).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diag::Diagnostics;
use crate::documents::{self, Settings};
use crate::engine::{JobOutcome, Keep};
use crate::pipeline::{self, BuildOptions};
use crate::project::Project;

use super::fingerprint::{self, FileHashes};

/// What one round found and did.
#[derive(Debug, Default)]
pub struct Round {
    /// Findings of `check` (load notes, rules, Typst's warnings); errors here mean nothing was
    /// built this round (`blocked`).
    pub diags: Diagnostics,
    /// The data could not be read, or the rules found errors: nothing was built.
    pub blocked: bool,
    /// Every job of the project, in the summary's order.
    pub jobs: Vec<String>,
    /// The jobs built this round, with what each did.
    pub outcomes: Vec<JobOutcome>,
    /// Jobs whose build failed (some or all of their documents not written).
    pub failed: Vec<(String, Diagnostics)>,
    pub elapsed: Duration,
}

pub struct Rebuilder {
    pub project: Project,
    pub out_dir: PathBuf,
    /// Each job's last successful build: its fingerprint, the files its compiles read and
    /// their fingerprint.
    built: HashMap<String, Built>,
}

struct Built {
    job: u64,
    read: BTreeSet<String>,
    files: u64,
}

impl Rebuilder {
    pub fn new(project: Project, out_dir: PathBuf) -> Self {
        Self {
            project,
            out_dir,
            built: HashMap::new(),
        }
    }

    /// One round: reload, judge, build what changed.
    pub fn round(&mut self, keep: Option<Keep>) -> Round {
        self.round_with(keep, |_| {})
    }

    /// One round; `starting` is told the jobs about to be built.
    pub fn round_with(&mut self, keep: Option<Keep>, starting: impl FnOnce(&[String])) -> Round {
        let start = Instant::now();
        let mut round = Round::default();
        let p = match pipeline::prepare(&self.project) {
            Ok(p) => p,
            Err(d) => {
                round.diags = d;
                round.blocked = true;
                round.elapsed = start.elapsed();
                return round;
            }
        };
        round.diags = p.diags.clone();
        let jobs = documents::jobs(&p.data, &p.fonts, Settings::default());
        round.jobs = jobs.iter().map(|j| j.name.clone()).collect();
        if p.diags.has_errors() {
            round.blocked = true;
            round.elapsed = start.elapsed();
            return round;
        }
        let fonts = fingerprint::fonts_stamp(&self.project);
        let mut files = FileHashes::default();
        let mut todo = Vec::new();
        let mut prints = Vec::new();
        for job in jobs {
            let f = fingerprint::job(&self.project, &job, fonts, &mut files);
            let same = self.built.get(&job.name).is_some_and(|b| {
                b.job == f && fingerprint::read(&self.project, &b.read, &mut files) == b.files
            });
            if !same {
                prints.push(f);
                todo.push(job);
            }
        }
        // Jobs that disappeared (no decision any more) are forgotten.
        self.built.retain(|k, _| round.jobs.contains(k));
        if todo.is_empty() {
            round.elapsed = start.elapsed();
            return round;
        }
        starting(&todo.iter().map(|j| j.name.clone()).collect::<Vec<_>>());
        let options = BuildOptions {
            out_dir: self.out_dir.clone(),
            keep,
            ..BuildOptions::default()
        };
        let report = match pipeline::run(&self.project, &p, &options, todo) {
            Ok(r) => r,
            Err(d) => {
                round.diags.extend(d);
                round.blocked = true;
                round.elapsed = start.elapsed();
                return round;
            }
        };
        for (o, f) in report.outcomes.iter().zip(prints) {
            if o.errors.is_empty() {
                // Files hashed before the compile keep those hashes: a file saved during
                // the compile differs next round.
                let read = fingerprint::read(&self.project, &o.read, &mut files);
                self.built.insert(
                    o.name.clone(),
                    Built {
                        job: f,
                        read: o.read.clone(),
                        files: read,
                    },
                );
            } else {
                self.built.remove(&o.name);
            }
        }
        // Typst's warnings go with the rules' findings, as `build` prints them.
        round.diags = report.warnings;
        round.failed = report.failed;
        round.outcomes = report.outcomes;
        round.elapsed = start.elapsed();
        round
    }
}
