//! Saves under `data/`, `templates/`, `fonts/` and `assets/`, debounced: an editor's save is
//! several file-system events (a temporary file, a rename), which make one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// The folders whose files make documents.
pub const WATCHED: [&str; 4] = ["data", "templates", "fonts", "assets"];

pub type Watcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// How long the folders must stay quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(30);

/// Watches the project folder (recursively, so a `templates/` created later is seen too) and
/// sends the project-relative paths of each burst of saves in the watched folders. Keep the
/// returned watcher alive as long as the receiver.
pub fn watch(root: &Path) -> Result<(Watcher, Receiver<Vec<String>>), notify::Error> {
    let (tx, rx) = channel();
    let base = root.to_path_buf();
    let mut debouncer = new_debouncer(QUIET, None, move |res: DebounceEventResult| {
        let Ok(events) = res else { return };
        // Reading a file (every rebuild reads data/) is an event too: only changes count.
        let mut paths: Vec<String> = events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                )
            })
            .flat_map(|e| e.paths.iter())
            .filter_map(|p| relevant(&base, p))
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            let _ = tx.send(paths);
        }
    })?;
    debouncer.watch(root, RecursiveMode::Recursive)?;
    Ok((debouncer, rx))
}

/// `data/honorees.yaml` for a file in a watched folder; `None` for output, editors' backups and
/// lock files, and anything else.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel: PathBuf = path.strip_prefix(root).ok()?.to_path_buf();
    let first = rel.components().next()?.as_os_str().to_str()?;
    if !WATCHED.contains(&first) {
        return None;
    }
    let name = rel.file_name()?.to_str()?;
    if name.starts_with(".#")
        || name.starts_with('~')
        || name.ends_with('~')
        || name.ends_with(".swp")
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
