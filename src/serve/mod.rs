//! `vinhdanh serve` and `vinhdanh watch`: the same rebuild loop ([`rebuild`]) driven by saves
//! ([`watcher`]); `serve` also keeps each document's pages ([`state`]) and shows them on a
//! local read-only web page ([`http`]).

pub mod fingerprint;
pub mod http;
pub mod rebuild;
pub mod state;
pub mod watcher;

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
}

/// Runs the server and the rebuild loop until the process is stopped.
pub fn serve(project: Project, out_dir: PathBuf, options: ServeOptions) -> Result<(), String> {
    let Some(root) = project.root().map(PathBuf::from) else {
        return Err("serve cần một thư mục dự án".into());
    };
    let (server, port) = http::bind(options.port)
        .map_err(|e| format!("không mở được cổng {}: {e}", options.port))?;
    let shared = Arc::new(Shared::default());
    let url = format!("http://127.0.0.1:{port}/");
    println!("Xem trước tại {url} (Ctrl+C để dừng)");
    {
        let shared = Arc::clone(&shared);
        let out_dir = out_dir.clone();
        std::thread::spawn(move || http::run(server, shared, out_dir, port));
    }
    let (_watcher, rx) =
        watcher::watch(&root).map_err(|e| format!("không theo dõi được thư mục dự án: {e}"))?;
    if options.open && opener::open_browser(&url).is_err() {
        println!("Không mở được trình duyệt: hãy mở {url}");
    }
    let mut rebuilder = Rebuilder::new(project, out_dir.clone());
    rebuilder.ahead = true;
    let round = step(&mut rebuilder, &shared, &out_dir, false);
    report(&round, None, options.verbose);
    while let Some(paths) = watcher::next(&rx) {
        let saved = Instant::now();
        let round = step(&mut rebuilder, &shared, &out_dir, true);
        report(&round, Some((&paths, saved)), options.verbose);
    }
    Ok(())
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
    let keep = shared.keep();
    let on_done = {
        let shared = Arc::clone(shared);
        let out_dir = out_dir.to_path_buf();
        OnDone(Arc::new(move |o: &JobOutcome| {
            let new = shared.early(o, &out_dir);
            if render {
                shared.render(&new);
            }
        }))
    };
    let round = rebuilder.round_with(Some(keep), |jobs| shared.starting(jobs), Some(on_done));
    let new = shared.finish(&round, out_dir);
    if render {
        shared.render(&new);
    }
    round
}

fn report(round: &Round, edit: Option<(&[String], Instant)>, verbose: bool) {
    let built: Vec<&str> = round.outcomes.iter().map(|o| o.name.as_str()).collect();
    if round.blocked {
        eprint!("{}", crate::diag::render(&errors_only(&round.diags)));
        eprintln!("Dữ liệu có lỗi: chưa dựng lại; trang xem trước giữ bản đúng gần nhất.");
    } else if verbose {
        let ms = round.elapsed.as_millis();
        let images = edit.map(|(_, t)| t.elapsed().as_millis());
        match (built.is_empty(), images) {
            (true, _) => eprintln!("Không văn bản nào thay đổi ({ms} ms)."),
            (false, Some(i)) => eprintln!(
                "Đã dựng lại {} trong {ms} ms; ảnh trang mới sẵn sàng sau {i} ms.",
                built.join(", ")
            ),
            (false, None) => eprintln!("Đã dựng {} văn bản trong {ms} ms.", built.len()),
        }
    }
    for (name, d) in &round.failed {
        eprintln!("Không in được {name}:");
        eprint!("{}", crate::diag::render(d));
    }
}

fn errors_only(d: &Diagnostics) -> Diagnostics {
    Diagnostics(d.errors().cloned().collect())
}

/// `vinhdanh watch`: builds, then rebuilds what each save changed, printing what and how long;
/// errors print as `check` prints them and the watch goes on.
pub fn watch(project: Project, out_dir: PathBuf) -> Result<(), String> {
    let Some(root) = project.root().map(PathBuf::from) else {
        return Err("watch cần một thư mục dự án".into());
    };
    let (_watcher, rx) =
        watcher::watch(&root).map_err(|e| format!("không theo dõi được thư mục dự án: {e}"))?;
    let mut rebuilder = Rebuilder::new(project, out_dir);
    eprintln!("Đang theo dõi data/, templates/, fonts/, assets/ (Ctrl+C để dừng).");
    print_round(&rebuilder.round(None), None);
    while let Some(paths) = watcher::next(&rx) {
        print_round(&rebuilder.round(None), Some(&paths));
    }
    Ok(())
}

fn print_round(round: &Round, paths: Option<&[String]>) {
    if let Some(paths) = paths {
        eprintln!("Đã lưu: {}", paths.join(", "));
    }
    if round.blocked {
        eprint!("{}", crate::diag::render(&round.diags));
        let errors = round.diags.errors().count();
        eprintln!(
            "Dữ liệu có {errors} lỗi: chưa in lại. Sửa rồi lưu tệp, vinhdanh sẽ tự kiểm tra lại."
        );
        return;
    }
    for (name, d) in &round.failed {
        eprintln!("Không in được {name}:");
        eprint!("{}", crate::diag::render(d));
    }
    let built: Vec<&str> = round
        .outcomes
        .iter()
        .filter(|o| o.errors.is_empty())
        .map(|o| o.name.as_str())
        .collect();
    if built.is_empty() && round.failed.is_empty() {
        eprintln!("Không văn bản nào thay đổi.");
    } else if !built.is_empty() {
        let secs = round.elapsed.as_secs_f64();
        let secs = format!("{secs:.2}").replace('.', ",");
        eprintln!("Đã in lại {} trong {secs} giây.", built.join(", "));
    }
}
