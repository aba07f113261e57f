//! `vinhdanh serve` and `vinhdanh watch`: the same rebuild loop ([`rebuild`]) driven by saves
//! ([`watcher`]); `serve` also keeps each document's pages ([`state`]) and shows them on a
//! local read-only web page ([`http`]).

/// A console line on standard error. `eprintln!` panics when the console is gone (a closed
/// pipe, a redirect to a full disk) and would stop the server with it: the line is dropped
/// instead, the page still shows everything.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// [`say!`] without the line end (the diagnostics' rendering ends its own lines).
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

pub mod msg;
#[allow(unused_imports)]
pub(crate) use vinhdanh_core::{collate, diag, memory, project, slug, text, tone};
pub(crate) use vinhdanh_engine as engine;
pub(crate) use vinhdanh_pipeline as pipeline;

pub mod api;
pub mod fingerprint;
pub mod http;
pub mod marked;
pub mod rebuild;
pub mod state;
pub mod watcher;
pub mod write;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diag::Diagnostics;
use crate::engine::{JobOutcome, OnDone};
use crate::project::Project;
use rebuild::{Rebuilder, Round};
use state::Shared;

pub struct ServeOptions {
    pub port: u16,
    pub open: bool,
    /// Log each round's timings on standard error.
    pub verbose: bool,
    /// The page only shows: no form saves, no write endpoint (`serve --readonly`).
    pub readonly: bool,
}

/// Runs the server and the rebuild loop until the process is stopped.
pub fn serve(project: Project, out_dir: PathBuf, options: ServeOptions) -> Result<(), String> {
    let Some(root) = project.root().map(PathBuf::from) else {
        return Err(msg::serve_needs_folder());
    };
    let (server, port) =
        http::bind(options.port).map_err(|e| msg::serve_port_failed(options.port, &e))?;
    let shared = Arc::new(Shared::default());
    let ws = if options.readonly {
        None
    } else {
        Some(Arc::new(
            write::Workspace::new(&root).map_err(|e| msg::watch_failed(&e))?,
        ))
    };
    let url = format!("http://127.0.0.1:{port}/");
    // A console that went away (a closed pipe) must not stop the server.
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = writeln!(out, "{}", msg::serve_url(&url));
        let _ = writeln!(
            out,
            "{}",
            msg::serve_where(&root.display(), &out_dir.display())
        );
        let _ = out.flush();
    }
    {
        let shared = Arc::clone(&shared);
        let out_dir = out_dir.clone();
        std::thread::spawn(move || http::run(server, shared, out_dir, port, ws));
    }
    let (_watcher, rx) =
        watcher::watch(&root, watcher::watched(&project)).map_err(|e| msg::watch_failed(&e))?;
    if options.open && opener::open_browser(&url).is_err() {
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), "{}", msg::serve_no_browser(&url));
    }
    let mut rebuilder = Rebuilder::new(project, out_dir.clone());
    rebuilder.ahead = true;
    rebuilder.command = "vinhdanh serve";
    // Drafts (data with errors, laid out for the page) are written here, never in `output/`.
    let drafts = tempfile::Builder::new()
        .prefix("vinhdanh-nhap-")
        .tempdir()
        .map_err(|e| msg::serve_draft_dir_failed(&e))?;
    rebuilder.draft_dir = Some(drafts.path().to_path_buf());
    let round = step(&mut rebuilder, &shared, &out_dir, false);
    report(&round, None, options.verbose);
    let mut held = held_open(&round);
    let mut was_draft = round.draft > 0 || round.blocked;
    while let Some(paths) = watcher::next_or_retry(&rx, held.then_some(RETRY_HELD_OPEN)) {
        let saved = Instant::now();
        vinhdanh_core::trace!("loop-got {paths:?}");
        let round = step(&mut rebuilder, &shared, &out_dir, true);
        let was_held = held;
        held = held_open(&round);
        // A retry that still meets the open file says nothing again.
        if !(paths.is_empty() && was_held && held) {
            report(&round, Some((&paths, saved)), options.verbose);
        }
        // The console says when the errors it reported are gone and the PDFs written.
        let draft = round.draft > 0 || round.blocked;
        if was_draft && !draft && round.failed.is_empty() {
            say!("{}", msg::serve_fixed(&out_dir.display()));
        }
        was_draft = draft;
    }
    Ok(())
}

/// How often serve tries again to write a PDF that a reader holds open (on Windows), until
/// the reader closes it.
const RETRY_HELD_OPEN: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether a job of the round failed only because a file it writes is held open by another
/// program (see `platform::replace_error`): worth trying again without a save.
fn held_open(round: &Round) -> bool {
    let hint = msg::close_pdf_hint();
    round.failed.iter().any(|(_, d)| {
        d.errors().next().is_some() && d.errors().all(|x| x.hint.as_deref() == Some(hint))
    })
}

/// One round for the page: jobs marked rebuilding, then built, each job's pages put on the
/// page as soon as it finishes (an edited record's certificate before the whole batch, see
/// [`Rebuilder::round_with`]) and rendered ahead of the browser's requests (after an edit only;
/// the first pages render when asked).
fn step(
    rebuilder: &mut Rebuilder,
    shared: &Arc<Shared>,
    out_dir: &std::path::Path,
    render: bool,
) -> Round {
    let keep = shared.keep_live(render);
    let on_done = {
        let shared = Arc::clone(shared);
        let out_dir = out_dir.to_path_buf();
        OnDone(Arc::new(move |o: &JobOutcome| {
            let new = shared.early(o, &out_dir);
            vinhdanh_core::trace!("early {} new={}", o.name, new.len());
            if render {
                shared.render(&new);
                vinhdanh_core::trace!("rendered {}", o.name);
            }
        }))
    };
    let round = rebuilder.round_with(Some(keep), |jobs| shared.starting(jobs), Some(on_done));
    vinhdanh_core::trace!("round-end");
    let new = shared.finish(&round, out_dir);
    if render {
        shared.render(&new);
    }
    // A session runs for hours: what each round frees goes back to the system.
    crate::memory::give_back();
    round
}

fn report(round: &Round, edit: Option<(&[String], Instant)>, verbose: bool) {
    let built: Vec<&str> = round.outcomes.iter().map(|o| o.name.as_str()).collect();
    if round.blocked {
        say_raw!("{}", crate::diag::render(&errors_only(&round.diags)));
        say!("{}", msg::serve_blocked());
    } else if round.draft > 0 {
        say_raw!("{}", crate::diag::render(&errors_only(&round.diags)));
        say!("{}", msg::serve_draft(round.draft));
    } else if verbose {
        let ms = round.elapsed.as_millis();
        let images = edit.map(|(_, t)| t.elapsed().as_millis());
        match (built.is_empty(), images) {
            (true, _) => say!("{}", msg::serve_nothing_changed(ms)),
            (false, Some(i)) => say!("{}", msg::serve_rebuilt(&built.join(", "), ms, i)),
            (false, None) => say!("{}", msg::serve_built(built.len(), ms)),
        }
    }
    for (name, d) in &round.failed {
        say!("{}", msg::job_failed(name));
        say_raw!("{}", crate::diag::render(d));
    }
    if held_open(round) {
        say!("{}", msg::serve_retry_held_open());
    }
}

fn errors_only(d: &Diagnostics) -> Diagnostics {
    Diagnostics(d.errors().cloned().collect())
}

/// `vinhdanh watch`: builds, then rebuilds what each save changed, printing what and how long;
/// errors print as `check` prints them and the watch goes on.
pub fn watch(project: Project, out_dir: PathBuf) -> Result<(), String> {
    let Some(root) = project.root().map(PathBuf::from) else {
        return Err(msg::watch_needs_folder());
    };
    let (_watcher, rx) =
        watcher::watch(&root, watcher::watched(&project)).map_err(|e| msg::watch_failed(&e))?;
    let mut rebuilder = Rebuilder::new(project, out_dir);
    say!("{}", msg::watch_started());
    print_round(&rebuilder.round(None), None);
    while let Some(paths) = watcher::next(&rx) {
        print_round(&rebuilder.round(None), Some(&paths));
    }
    Ok(())
}

fn print_round(round: &Round, paths: Option<&[String]>) {
    if let Some(paths) = paths {
        say!("{}", msg::watch_saved(&paths.join(", ")));
    }
    if round.blocked {
        say_raw!("{}", crate::diag::render(&round.diags));
        let errors = round.diags.errors().count();
        say!("{}", msg::watch_blocked(errors));
        return;
    }
    for (name, d) in &round.failed {
        say!("{}", msg::job_failed(name));
        say_raw!("{}", crate::diag::render(d));
    }
    let built: Vec<&str> = round
        .outcomes
        .iter()
        .filter(|o| o.errors.is_empty())
        .map(|o| o.name.as_str())
        .collect();
    if built.is_empty() && round.failed.is_empty() {
        say!("{}", msg::watch_nothing_changed());
    } else if !built.is_empty() {
        say!(
            "{}",
            msg::watch_reprinted(&built.join(", "), round.elapsed.as_secs_f64())
        );
    }
}
