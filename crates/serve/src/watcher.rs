//! Saves under `data/`, `templates/`, `fonts/` and `assets/`, debounced: an editor's save is
//! several file-system events (a temporary file, a rename), which make one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::pipeline::registry;
use crate::project::Project;
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher as _};

/// The folders whose files make documents and are not data: the templates, the fonts, the
/// images.
const NOT_DATA: [&str; 3] = ["templates", "fonts", "assets"];

/// The folders whose files make documents: those of `project`'s declared data files
/// ([`registry::folders`], the phôi layout wherever decision.yaml names it) and [`NOT_DATA`].
/// Read when the watch starts: a layout moved to a new folder later is watched from the next
/// start.
pub fn watched(project: &Project) -> Vec<String> {
    let mut v = registry::folders(project);
    v.extend(NOT_DATA.map(String::from));
    v.sort_unstable();
    v.dedup();
    v
}

type Inner = notify::RecommendedWatcher;

/// The watch on a project's folders; dropping it ends the watch.
pub struct Watcher {
    _inner: Arc<Mutex<Inner>>,
}

/// How long the folders must stay quiet before a rebuild starts, after a change that may be
/// the first of several (a file truncated, a backup renamed away, a file removed).
const QUIET: Duration = Duration::from_millis(30);

/// How long they must stay quiet after a file was closed from writing or renamed into place
/// (an editor's save ends so; where the system reports it, Linux): the file is whole, and a
/// save that writes another file right after joins the same rebuild. Waiting [`QUIET`] there
/// too was a third of the time from an honoree's save to its new certificate on the page.
const SETTLED: Duration = Duration::from_millis(4);

/// Watches the folders that make documents (recursively) and the project folder itself
/// (not recursively, so a `templates/` created later is seen, and then watched too), and sends
/// the project-relative paths of each burst of saves in them. Keep the returned watcher alive
/// as long as the receiver.
///
/// Not the whole project: a build writes `output/` (about 190 files for the default project),
/// and on Windows that burst overflows the change buffer of a watch over the project, which
/// notify 8 ends without a word: every later save would go unseen.
pub fn watch(
    root: &Path,
    folders: Vec<String>,
) -> Result<(Watcher, Receiver<Vec<String>>), notify::Error> {
    let (raw_tx, raw_rx) = channel::<notify::Event>();
    let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            let _ = raw_tx.send(event);
        }
    })?;
    let inner = Arc::new(Mutex::new(watcher));
    {
        let mut d = inner.lock().expect("watcher lock");
        d.watch(root, RecursiveMode::NonRecursive)?;
        for name in &folders {
            let dir = root.join(name);
            if dir.is_dir() {
                d.watch(&dir, RecursiveMode::Recursive)?;
            }
        }
    }
    let (tx, rx) = channel();
    let base = root.to_path_buf();
    let weak = Arc::downgrade(&inner);
    // Ends when the watcher is dropped (its callback, holding `raw_tx`, goes with it) or when
    // the receiver is.
    std::thread::spawn(move || {
        while let Some(changes) = burst(&raw_rx, |e| relevant_any(&base, e, &folders)) {
            for e in &changes {
                for p in &e.paths {
                    if new_watched_folder(&base, p, &folders)
                        && let Some(inner) = weak.upgrade()
                    {
                        let _ = inner
                            .lock()
                            .expect("watcher lock")
                            .watch(p, RecursiveMode::Recursive);
                    }
                }
            }
            let mut paths: Vec<String> = changes
                .iter()
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| relevant(&base, p, &folders))
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() && tx.send(paths).is_err() {
                break;
            }
        }
    });
    Ok((Watcher { _inner: inner }, rx))
}

/// The next burst of changes: blocks until a change arrives, then gathers the changes behind
/// it until the folders stay quiet ([`QUIET`] after a change to a watched file, `ends(event)`,
/// or [`SETTLED`] when that change was a save's last step). `None` when the watch is gone.
///
/// Reading a file is an event too (every rebuild reads `data/`): only changes count, and
/// reads neither join a burst nor hold it back.
fn burst(
    raw: &Receiver<notify::Event>,
    watched: impl Fn(&notify::Event) -> bool,
) -> Option<Vec<notify::Event>> {
    let mut changes = Vec::new();
    let mut quiet = QUIET;
    loop {
        let event = if changes.is_empty() {
            raw.recv().ok()?
        } else {
            match raw.recv_timeout(quiet) {
                Ok(e) => e,
                Err(RecvTimeoutError::Timeout) => return Some(changes),
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        };
        let saved = matches!(
            event.kind,
            EventKind::Access(AccessKind::Close(AccessMode::Write))
                | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
        );
        let change = saved
            || matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            );
        if !change {
            continue;
        }
        // An editor's backup or lock file coming and going neither ends a save nor holds one.
        if watched(&event) {
            quiet = if saved { SETTLED } else { QUIET };
        }
        changes.push(event);
    }
}

/// Whether `event` names a file under the watched folders (not an editor's backup or lock).
fn relevant_any(root: &Path, event: &notify::Event, folders: &[String]) -> bool {
    event
        .paths
        .iter()
        .any(|p| relevant(root, p, folders).is_some())
}

/// Whether `path` is one of the watched folders, right in the project folder (created after
/// the watch began, or made again).
fn new_watched_folder(root: &Path, path: &Path, folders: &[String]) -> bool {
    path.parent() == Some(root)
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| folders.iter().any(|f| f == n))
        && path.is_dir()
}

/// `data/honorees.yaml` for a file in a watched folder; `None` for output, editors' backups and
/// lock files, vinhdanh's own temporary files (a save from the page is written as one, then
/// renamed into place: the rename is the save), and anything else.
fn relevant(root: &Path, path: &Path, folders: &[String]) -> Option<String> {
    let rel: PathBuf = path.strip_prefix(root).ok()?.to_path_buf();
    let first = rel.components().next()?.as_os_str().to_str()?;
    if !folders.iter().any(|f| f == first) {
        return None;
    }
    let name = rel.file_name()?.to_str()?;
    if name.starts_with(".#")
        || name.starts_with('~')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || (name.starts_with(".vinhdanh-") && name.ends_with(".tmp"))
    {
        return None;
    }
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Blocks until the next burst, then gathers what else arrives right behind it.
pub fn next(rx: &Receiver<Vec<String>>) -> Option<Vec<String>> {
    let mut paths = rx.recv().ok()?;
    while let Ok(more) = rx.try_recv() {
        paths.extend(more);
    }
    paths.sort();
    paths.dedup();
    Some(paths)
}

/// As [`next`], but when `retry` is given and no save comes within it, an empty burst: a round
/// that rebuilds only what failed before (a PDF that a reader held open, once it is closed).
pub fn next_or_retry(rx: &Receiver<Vec<String>>, retry: Option<Duration>) -> Option<Vec<String>> {
    let Some(wait) = retry else {
        return next(rx);
    };
    match rx.recv_timeout(wait) {
        Ok(mut paths) => {
            while let Ok(more) = rx.try_recv() {
                paths.extend(more);
            }
            paths.sort();
            paths.dedup();
            Some(paths)
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Some(Vec::new()),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::time::Instant;

    /// An editor's save (the old file renamed to a backup, the new one written, the backup
    /// removed) and a save by a temporary file renamed into place each reach the loop as the
    /// data file's change, the backup not named; reading the data (every rebuild does) is no
    /// save at all.
    #[test]
    fn saves_reach_the_loop_and_reads_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dunce::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("data")).unwrap();
        let file = root.join("data/honorees.yaml");
        std::fs::write(&file, "honorees: []\n").unwrap();
        let (_watcher, rx) = watch(&root, vec!["data".into()]).unwrap();
        let gather = |rx: &Receiver<Vec<String>>| {
            let mut seen = BTreeSet::new();
            while let Ok(paths) = rx.recv_timeout(Duration::from_millis(400)) {
                seen.extend(paths);
            }
            seen
        };

        std::fs::read_to_string(&file).unwrap();
        assert_eq!(gather(&rx), BTreeSet::new(), "a read is no save");

        let backup = root.join("data/honorees.yaml~");
        std::fs::rename(&file, &backup).unwrap();
        std::fs::write(&file, "honorees: [a]\n").unwrap();
        std::fs::remove_file(&backup).unwrap();
        let want = BTreeSet::from(["data/honorees.yaml".to_string()]);
        assert_eq!(gather(&rx), want);

        let tmp = root.join("data/.honorees.yaml.tmp");
        std::fs::write(&tmp, "honorees: [b]\n").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        let seen = gather(&rx);
        assert!(seen.contains("data/honorees.yaml"), "{seen:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "honorees: [b]\n");
    }

    /// The data folders watched are those of the project's declared data files, the phôi
    /// layout's wherever its decision.yaml names it, and a save of any declared file, in any
    /// of its forms (YAML, spreadsheet), starts a rebuild.
    #[test]
    fn the_watch_list_is_the_registry() {
        let dir = tempfile::tempdir().unwrap();
        let root = dunce::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("data")).unwrap();
        std::fs::write(
            root.join("data/decision.yaml"),
            "certificate:\n  phoi_layout: mau/phoi-rieng.yaml\n",
        )
        .unwrap();
        let project = Project::open(&root).unwrap();
        let declared: BTreeSet<String> = registry::FILES
            .iter()
            .flat_map(|f| f.paths_in(&project))
            .collect();
        assert!(declared.contains("mau/phoi-rieng.yaml"), "{declared:?}");
        assert!(!declared.contains("data/phoi.yaml"), "{declared:?}");
        let data_folders: BTreeSet<String> = watched(&project)
            .into_iter()
            .filter(|f| !NOT_DATA.contains(&f.as_str()))
            .collect();
        assert_eq!(data_folders, BTreeSet::from(["data".into(), "mau".into()]));

        for f in &data_folders {
            std::fs::create_dir_all(root.join(f)).unwrap();
        }
        let (_watcher, rx) = watch(&root, watched(&project)).unwrap();
        for p in &declared {
            std::fs::write(root.join(p), "x: 1\n").unwrap();
        }
        let mut seen = BTreeSet::new();
        let start = Instant::now();
        while !declared.is_subset(&seen) && start.elapsed() < Duration::from_secs(20) {
            if let Ok(paths) = rx.recv_timeout(Duration::from_millis(500)) {
                seen.extend(paths);
            }
        }
        assert_eq!(seen, declared);
    }
}
