//! The rebuild loop shared by `serve` and `watch`: load and judge the data again, then hand the
//! engine only the jobs whose fingerprint changed ([`super::fingerprint`]).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diag::Diagnostics;
use crate::engine::manifest::Manifest;
use crate::engine::raster::Band;
use crate::engine::{Batch, Job, JobOutcome, Keep, OnDone, Work};
use crate::pipeline::lock::{self, OutputLock};
use crate::pipeline::{self, BuildOptions, Planned, Refused, Select};
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
    /// The rules' errors when the round laid the documents out anyway, as a draft
    /// ([`Rebuilder::draft_dir`]); 0 for a round built from good data.
    pub draft: usize,
    /// The band the page images of a draft carry.
    pub band: Option<Band>,
    /// The rules' errors about each job's data files, by job: its card shows them.
    pub affected: Vec<(String, Diagnostics)>,
}

pub struct Rebuilder {
    pub project: Project,
    pub out_dir: PathBuf,
    /// Build the pages a person waits for first, as parts of their jobs ([`AHEAD`]): `serve`
    /// does, `watch` (which shows no page) does not.
    pub ahead: bool,
    /// Where the documents are laid out while the rules find errors in the data (`serve`: the
    /// page shows them, marked as a draft; `output/` keeps the last good PDFs). `None`
    /// (`watch`): such a round builds nothing.
    pub draft_dir: Option<PathBuf>,
    /// The command named to another one waiting for the output folder's lock.
    pub command: &'static str,
    /// Each job's last successful build: its fingerprint, the files its compiles read and
    /// their fingerprint.
    built: HashMap<String, Built>,
    /// The output folder's manifest as this loop last left it: a job whose files another
    /// writer (a `build` meanwhile) changed since is built again, so the folder ends as the
    /// data says whatever ran in between.
    left: Option<Manifest>,
    /// The band of the last draft, by its count of errors: a round with the same count (every
    /// save while the lists are incomplete) draws no new one.
    band: Option<(usize, Band)>,
}

struct Built {
    job: u64,
    /// [`fingerprint::shared`]: the job without a batch's records.
    shared: u64,
    /// A batch's records by id, with [`fingerprint::record`].
    records: HashMap<String, u64>,
    read: BTreeSet<String>,
    files: u64,
    /// Built as a draft (into [`Rebuilder::draft_dir`]): not in `output/`, so built again
    /// once the data is good even if nothing else changed.
    draft: bool,
    /// What its layout warned (a name too long for its certificate): still true while the
    /// job is not built again, so the page keeps saying it.
    warnings: Diagnostics,
}

/// Marks the name of a job built ahead: a batch restricted to some of its records and without
/// its print file, whose pages reach the page before the whole job is rebuilt.
pub const AHEAD: &str = "#ahead";

/// Records of a batch whose pages a card shows without scrolling (a row of thumbnails): after
/// a change to what every record shows (the conference's name), these are built first.
pub const VISIBLE: usize = 5;

/// Compiles per worker whose memoized layouts stay cached: a round lays out again mostly what
/// the last one did (the 43 certificates not edited), from this cache. With a build's two,
/// an honoree's edit took 395 ms to its round's end instead of 234, and a title change's pages
/// 355 ms instead of 254 (`examples/serve_bench.rs`).
const MEMO_COMPILES: usize = 5;

/// Which records of a batch to build ahead, if any.
enum Ahead {
    /// Only these records changed: they alone, then the whole job (the print file, …).
    Records(Vec<usize>),
    /// Everything changed: the records on screen first.
    Visible,
}

impl Rebuilder {
    pub fn new(project: Project, out_dir: PathBuf) -> Self {
        Self {
            project,
            out_dir,
            ahead: false,
            draft_dir: None,
            command: "vinhdanh watch",
            built: HashMap::new(),
            left: None,
            band: None,
        }
    }

    /// One round: reload, judge, build what changed.
    pub fn round(&mut self, keep: Option<Keep>) -> Round {
        self.round_with(keep, |_| {}, None)
    }

    /// One round; `starting` is told the jobs about to be built, `on_done` each job as it
    /// finishes (jobs built ahead are named with [`AHEAD`] at the end).
    ///
    /// With [`Self::ahead`], a batch that changed in a few records only (one honoree's line)
    /// is first built for those records alone, without its print file; after a change that
    /// touches every record, its first [`VISIBLE`] records are. Those parts run first, then the
    /// documents of their own, then the whole batches, so the pages a person is looking at come
    /// first. The whole jobs are always built too: the files end as a full `build` writes them.
    pub fn round_with(
        &mut self,
        keep: Option<Keep>,
        starting: impl FnOnce(&[String]),
        on_done: Option<OnDone>,
    ) -> Round {
        let start = Instant::now();
        let mut round = Round::default();
        // One writer at a time, from reading the data to the last file (see `pipeline::lock`).
        let out = self.out_dir.clone();
        let lock = OutputLock::acquire(&self.out_dir, self.command, &|h| {
            say!("{}", lock::waiting_message(h, &out))
        });
        let _lock = match lock {
            Ok(l) => l,
            Err(e) => {
                round.diags = lock::failed(&self.out_dir, e).into();
                round.blocked = true;
                round.elapsed = start.elapsed();
                return round;
            }
        };
        if let Some(left) = &self.left {
            let now = Manifest::read(&self.out_dir);
            if now != *left {
                self.built
                    .retain(|name, _| now.0.get(name) == left.0.get(name));
            }
        }
        // The road every command takes. Data the rules refuse is laid out anyway where there
        // is a draft folder (the page shows every document, banded, and the problems); data
        // that cannot be read blocks.
        let force = self.draft_dir.is_some();
        let planned = pipeline::plan(
            &self.project,
            &Select::All,
            &BuildOptions {
                force,
                ..BuildOptions::default()
            },
        );
        let (p, jobs) = match planned {
            Ok(Planned { prepared, jobs }) => (prepared, jobs),
            Err(refused) => {
                round.diags = refused.diagnostics().clone();
                if let Refused::Rules(_, names) = refused {
                    round.jobs = names;
                }
                round.blocked = true;
                round.elapsed = start.elapsed();
                return round;
            }
        };
        vinhdanh_core::trace!("planned {:?}", p.timings);
        round.diags = p.diags.clone();
        round.jobs = jobs.iter().map(|j| j.name.clone()).collect();
        let errors = p.diags.errors().count();
        let draft = errors > 0;
        let out_dir = match (&self.draft_dir, draft) {
            (Some(d), true) => d.clone(),
            _ => self.out_dir.clone(),
        };
        if draft {
            round.draft = errors;
            round.affected = jobs
                .iter()
                .map(|j| {
                    let about = p.diags.errors().filter(|d| {
                        d.location
                            .as_ref()
                            .is_some_and(|l| j.inputs.contains(&l.file))
                    });
                    (j.name.clone(), Diagnostics(about.cloned().collect()))
                })
                .filter(|(_, d)| !d.is_empty())
                .collect();
            round.band = match &self.band {
                Some((n, band)) if *n == errors => Some(band.clone()),
                _ => {
                    let engine = pipeline::engine(&self.project, &p, &BuildOptions::default());
                    let band = pipeline::draft_band(&engine, &p.diags);
                    self.band = band.clone().map(|b| (errors, b));
                    band
                }
            };
        }
        let fonts = fingerprint::fonts_stamp(&self.project);
        let mut files = FileHashes::default();
        let mut todo = Vec::new();
        let mut prints = Vec::new();
        let mut ahead = Vec::new();
        let mut kept: Vec<String> = Vec::new();
        for job in jobs {
            let fingerprint::Prints {
                job: f,
                shared,
                records,
            } = fingerprint::prints(&self.project, &job, fonts, &mut files);
            let records: HashMap<String, u64> = records.into_iter().collect();
            let before = self.built.get(&job.name).filter(|b| b.draft == draft);
            let read_same = before
                .is_some_and(|b| fingerprint::read(&self.project, &b.read, &mut files) == b.files);
            if before.is_some_and(|b| b.job == f) && read_same {
                kept.push(job.name.clone());
                continue;
            }
            if self.ahead
                && let (Some(b), Work::Batch(batch)) = (before, &job.work)
                && batch.dir.is_some()
            {
                let plan = if b.shared == shared && read_same {
                    let changed: Vec<usize> = batch
                        .records
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| b.records.get(&r.id) != records.get(&r.id))
                        .map(|(i, _)| i)
                        .collect();
                    (!changed.is_empty() && changed.len() < batch.records.len())
                        .then_some(Ahead::Records(changed))
                } else {
                    (batch.records.len() > VISIBLE).then_some(Ahead::Visible)
                };
                if let Some(plan) = plan {
                    ahead.push(part(&job, batch, plan));
                }
            }
            prints.push((f, shared, records));
            todo.push(job);
        }
        // Jobs that disappeared (no decision any more) are forgotten.
        self.built.retain(|k, _| round.jobs.contains(k));
        let kept_warnings: Vec<_> = kept
            .iter()
            .filter_map(|n| self.built.get(n))
            .flat_map(|b| b.warnings.0.iter().cloned())
            .collect();
        if todo.is_empty() {
            round.diags.0.extend(kept_warnings);
            round.elapsed = start.elapsed();
            return round;
        }
        starting(&todo.iter().map(|j| j.name.clone()).collect::<Vec<_>>());
        // The parts first, then the documents of their own, then the batches whole (a stable
        // sort keeps the documents' order within each group).
        let mut pairs: Vec<_> = todo.into_iter().zip(prints).collect();
        pairs.sort_by_key(|(j, _)| matches!(j.work, Work::Batch(_)));
        let (todo, prints): (Vec<Job>, Vec<_>) = pairs.into_iter().unzip();
        let partial: Vec<bool> = ahead
            .iter()
            .map(|_| true)
            .chain(todo.iter().map(|_| false))
            .collect();
        let n_ahead = ahead.len();
        let all: Vec<Job> = ahead.into_iter().chain(todo).collect();
        let options = BuildOptions {
            out_dir,
            // Only a draft (whose files do not reach `output/`) is written despite errors.
            force: draft,
            keep,
            on_done,
            memo_compiles: MEMO_COMPILES,
            ..BuildOptions::default()
        };
        vinhdanh_core::trace!(
            "run_partly {:?}",
            all.iter().map(|j| j.name.clone()).collect::<Vec<_>>()
        );
        let mut report = match pipeline::run_partly(&self.project, &p, &options, all, &partial) {
            Ok(r) => r,
            Err(d) => {
                round.diags.extend(d);
                round.blocked = true;
                round.elapsed = start.elapsed();
                return round;
            }
        };
        if !draft {
            self.left = Some(Manifest::read(&self.out_dir));
        }
        // The parts' findings come again with their whole jobs (`run_partly` leaves them out).
        let outcomes = report.outcomes.split_off(n_ahead);
        for (o, (f, shared, records)) in outcomes.iter().zip(prints) {
            if o.errors.is_empty() {
                // Files hashed before the compile keep those hashes: a file saved during
                // the compile differs next round.
                let read = fingerprint::read(&self.project, &o.read, &mut files);
                self.built.insert(
                    o.name.clone(),
                    Built {
                        job: f,
                        shared,
                        records,
                        read: o.read.clone(),
                        files: read,
                        draft,
                        warnings: o.warnings.clone(),
                    },
                );
            } else {
                self.built.remove(&o.name);
            }
        }
        // Typst's warnings go with the rules' findings, as `build` prints them; those of the
        // jobs not built again stay.
        round.diags = report.warnings;
        round.diags.0.extend(kept_warnings);
        round.failed = report.failed;
        if let Some(stopped) = report.stopped {
            // Each card it left unprinted says why.
            for name in stopped.jobs {
                match round.failed.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, d)) => d.push(stopped.cause.clone()),
                    None => round.failed.push((name, stopped.cause.clone().into())),
                }
            }
        }
        round.outcomes = outcomes;
        round.elapsed = start.elapsed();
        round
    }
}

/// The part of a batch job built ahead: some of its records, into the same folder, without
/// the print file (the whole job writes that).
fn part(job: &Job, batch: &Batch, plan: Ahead) -> Job {
    let records: Vec<_> = match plan {
        Ahead::Records(ks) => ks.iter().map(|&k| batch.records[k].clone()).collect(),
        Ahead::Visible => batch.records.iter().take(VISIBLE).cloned().collect(),
    };
    Job {
        name: format!("{}{AHEAD}", job.name),
        inputs: job.inputs.clone(),
        today: job.today,
        work: Work::Batch(Batch {
            template: batch.template.clone(),
            shared: batch.shared.clone(),
            records,
            dir: batch.dir.clone(),
            merged: None,
            esign: None,
        }),
    }
}

/// The default project written to a temporary folder and built once for the page, as `serve`
/// starts: the shared setup of the tests of this module and of [`super::state`].
#[cfg(test)]
pub(crate) fn first_round(
    ahead: bool,
) -> (
    tempfile::TempDir,
    Rebuilder,
    std::sync::Arc<super::state::Shared>,
    PathBuf,
) {
    let dir = tempfile::tempdir().unwrap();
    crate::project::Project::write_default(dir.path()).unwrap();
    let project = crate::project::Project::open(dir.path()).unwrap();
    let out = dir.path().join("output");
    let mut r = Rebuilder::new(project, out.clone());
    r.ahead = ahead;
    let shared = std::sync::Arc::new(super::state::Shared::default());
    let first = r.round_with(Some(shared.keep()), |j| shared.starting(j), None);
    assert!(first.failed.is_empty(), "{:?}", first.failed);
    shared.finish(&first, &out);
    (dir, r, shared, out)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// A warning the certificates' layout measured (a name too long for its box) stays on the
    /// page after a save that does not lay the certificates out again.
    #[test]
    fn a_layout_warning_stays_while_its_job_is_not_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        crate::project::Project::write_default(dir.path()).unwrap();
        let honorees = dir.path().join("data/honorees.yaml");
        let text = std::fs::read_to_string(&honorees).unwrap();
        let at = text.find("kind: individual").unwrap();
        let start = at + text[at..].find("    name: ").unwrap();
        let end = start + text[start..].find('\n').unwrap();
        let long = "    name: Công Tằng Tôn Nữ Thị Minh Nguyệt Hoàng Phương Thảo Anh Thư Nguyễn Phước Bảo Long Khánh Linh Đoan Trang";
        std::fs::write(
            &honorees,
            format!("{}{long}{}", &text[..start], &text[end..]),
        )
        .unwrap();
        let project = crate::project::Project::open(dir.path()).unwrap();
        let mut r = Rebuilder::new(project, dir.path().join("output"));
        let long_name = |round: &Round| {
            round
                .diags
                .warnings()
                .filter(|d| d.message.contains("tên quá dài"))
                .count()
        };
        let first = r.round(None);
        assert_eq!(long_name(&first), 1, "{:?}", first.diags);

        let plan = dir.path().join("data/plan.yaml");
        let text = std::fs::read_to_string(&plan).unwrap();
        std::fs::write(&plan, text.replacen("VT, VHXH", "VT, VP", 1)).unwrap();
        let second = r.round(None);
        let built: Vec<&str> = second.outcomes.iter().map(|o| o.name.as_str()).collect();
        assert!(!built.contains(&"giay-khen/"), "{built:?}");
        assert_eq!(long_name(&second), 1, "{:?}", second.diags);
    }

    /// One honoree's line saved: that certificate is built alone and put on the page (one new
    /// page image) before the whole batch is done (the engine starts it first); the batch then
    /// brings no other new image (the same certificate looks the same, built alone or with
    /// the others); the plan and the invitations are not rebuilt.
    #[test]
    fn an_edited_record_goes_ahead_of_its_batch() {
        let (dir, mut r, shared, out) = first_round(true);

        let path = dir.path().join("data/honorees.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replacen("    achievement: Đã có", "    achievement: Đã từng có", 3);
        let edited = edited.replacen("    achievement: Đã từng có", "    achievement: Đã có", 2);
        assert_ne!(edited, text);
        std::fs::write(&path, edited).unwrap();

        let done: Arc<Mutex<Vec<(String, usize)>>> = Arc::default();
        let on_done = {
            let (shared, done, out) = (Arc::clone(&shared), Arc::clone(&done), out.clone());
            OnDone(Arc::new(move |o: &JobOutcome| {
                let new = shared.early(o, &out);
                done.lock().unwrap().push((o.name.clone(), new.len()));
            }))
        };
        let round = r.round_with(Some(shared.keep()), |j| shared.starting(j), Some(on_done));
        assert!(round.failed.is_empty(), "{:?}", round.failed);
        let done = done.lock().unwrap().clone();
        let names: Vec<&str> = done.iter().map(|(n, _)| n.as_str()).collect();
        let at = |name: &str| names.iter().position(|n| *n == name);
        let (ahead, whole) = (at("giay-khen/#ahead").unwrap(), at("giay-khen/").unwrap());
        assert!(ahead < whole, "{done:?}");
        assert_eq!(done[ahead].1, 1, "one certificate, one new page: {done:?}");
        assert_eq!(
            done[whole].1, 0,
            "the whole batch draws nothing new: {done:?}"
        );
        assert!(at("quyet-dinh-khen-thuong.pdf").is_some(), "{done:?}");
        for untouched in ["ke-hoach.pdf", "giay-moi/", "giay-moi/#ahead"] {
            assert!(!names.contains(&untouched), "{done:?}");
        }
        // The round's outcomes are the whole jobs only (what `build` would report).
        let built: Vec<&str> = round.outcomes.iter().map(|o| o.name.as_str()).collect();
        assert!(built.iter().all(|n| !n.ends_with(AHEAD)), "{built:?}");
        assert!(shared.finish(&round, &out).is_empty());
    }

    /// After a save, the edited record's new page is on the page (and drawn) as soon as its
    /// part is laid out, before that part's files are written: when the part's job is done,
    /// nothing of it is new any more, and the image is the one the finished round shows.
    /// A round as `serve` runs one after a save: each laid-out job on the page at once
    /// (`keep_live`, drawn when `render`), then `seen` with it; each job taken in as it ends.
    /// Returns the round and, per job's end, the number of pages it made new on the page.
    fn live_round(
        r: &mut Rebuilder,
        shared: &Arc<super::super::state::Shared>,
        out: &std::path::Path,
        render: bool,
        seen: impl Fn(&crate::engine::Laid) + Send + Sync + 'static,
    ) -> (Round, Vec<(String, usize)>) {
        let live = shared.keep_live(render);
        let keep = Keep(Arc::new(move |laid: &crate::engine::Laid| {
            (live.0)(laid);
            seen(laid);
        }));
        let done: Arc<Mutex<Vec<(String, usize)>>> = Arc::default();
        let on_done = {
            let (shared, done, out) = (Arc::clone(shared), Arc::clone(&done), out.to_path_buf());
            OnDone(Arc::new(move |o: &JobOutcome| {
                let new = shared.early(o, &out);
                done.lock().unwrap().push((o.name.clone(), new.len()));
            }))
        };
        let round = r.round_with(Some(keep), |j| shared.starting(j), Some(on_done));
        assert!(round.failed.is_empty(), "{:?}", round.failed);
        let done = done.lock().unwrap().clone();
        (round, done)
    }

    #[test]
    fn an_edited_record_is_on_the_page_once_laid_out() {
        let (dir, mut r, shared, out) = first_round(true);
        let before: std::collections::BTreeSet<String> = images(&shared).into_iter().collect();
        let path = dir.path().join("data/honorees.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replacen("    achievement: Đã có", "    achievement: Đã từng có", 1);
        assert_ne!(edited, text);
        std::fs::write(&path, edited).unwrap();

        let at_layout: Arc<Mutex<Vec<String>>> = Arc::default();
        let seen = {
            let (shared, at_layout) = (Arc::clone(&shared), Arc::clone(&at_layout));
            move |laid: &crate::engine::Laid| {
                if laid.job.ends_with(AHEAD) {
                    *at_layout.lock().unwrap() = images(&shared);
                }
            }
        };
        let (round, done) = live_round(&mut r, &shared, &out, true, seen);
        let new: Vec<String> = at_layout
            .lock()
            .unwrap()
            .iter()
            .filter(|u| !before.contains(*u))
            .cloned()
            .collect();
        assert_eq!(new.len(), 1, "one new certificate page at layout: {new:?}");
        assert!(
            done.contains(&("giay-khen/#ahead".to_string(), 0)),
            "{done:?}"
        );
        shared.finish(&round, &out);
        assert!(images(&shared).contains(&new[0]));
        let hash = u128::from_str_radix(&new[0][5..37], 16).unwrap();
        assert!(shared.drawn(hash), "drawn as it was laid out");
    }

    /// A document of its own (the plan, after its venue changed) is on the page as soon as it
    /// is laid out: the pages its card shows then are those of the finished round, and its
    /// job's end brings nothing new.
    #[test]
    fn a_document_of_its_own_is_on_the_page_once_laid_out() {
        let (dir, mut r, shared, out) = first_round(true);
        let plan = |shared: &super::super::state::Shared| {
            shared.json()["docs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["name"] == "ke-hoach.pdf")
                .map(|d| d["images"].clone())
                .unwrap()
        };
        let before = plan(&shared);
        let path = dir.path().join("data/plan.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replacen("  venue: ", "  venue: Hội trường, ", 1);
        assert_ne!(edited, text);
        std::fs::write(&path, edited).unwrap();

        let at_layout: Arc<Mutex<Option<serde_json::Value>>> = Arc::default();
        let seen = {
            let (shared, at_layout) = (Arc::clone(&shared), Arc::clone(&at_layout));
            move |laid: &crate::engine::Laid| {
                if laid.job == "ke-hoach.pdf" && laid.whole {
                    *at_layout.lock().unwrap() = Some(plan(&shared));
                }
            }
        };
        let (round, done) = live_round(&mut r, &shared, &out, false, seen);
        let at_layout = at_layout
            .lock()
            .unwrap()
            .clone()
            .expect("the plan laid out");
        assert_ne!(at_layout, before);
        assert!(done.contains(&("ke-hoach.pdf".to_string(), 0)), "{done:?}");
        shared.finish(&round, &out);
        assert_eq!(plan(&shared), at_layout);
    }

    /// The page images' addresses, in the page's order.
    fn images(shared: &super::super::state::Shared) -> Vec<String> {
        shared.json()["docs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["images"].as_array().unwrap().clone())
            .map(|u| u.as_str().unwrap().to_string())
            .collect()
    }
}
