//! The benchmark of `vinhdanh serve` (issue #11's targets): it runs the real binary on a temporary
//! copy of the default project and prints figures; nothing here asserts a time.
//!
//! ```text
//! cargo build --release && cargo run --release --example serve_bench -- \
//!     [--edits 20] [--titles 5] [--rebuilds 500] [--thumbs 200] [--bin PATH] [--no-browser]
//! ```
//! - honoree edits: `--edits` saves of one honoree's line (a different honoree and text each
//!   time); from the file write to the new certificate image served (the event received, the
//!   state read, the image fetched): median and max; and to the end of the round.
//! - title change (`--titles` times): `conference.name` in `plan.yaml`; per document, the time until the images on
//!   its card's first row are the new ones (fetched), and the end of the round.
//! - memory: the serve process's resident memory (VmRSS) after the first build, after the first
//!   edit and after `--rebuilds` edit rounds.
//! - first paint: a project of `--thumbs` honorees (as many certificate thumbnails, plus the
//!   other documents' pages) opened in Debian's headless chromium (DevTools protocol): the
//!   browser's paint timings, and the time until every image in the window is loaded; cold
//!   (images rendered on request) and warm (reload).
//!
//! `SERVE_BENCH_TRACE=1`: each event and state read of the title change, and memory every ten
//! rebuilds, on standard error.
//!
//! `VINHDANH_TRACE=1`: the serve process's standard error passes through, with its timestamps
//! (`vinhdanh_core::trace`: the save seen, the data planned, each job and part laid out and
//! exported, each image drawn and served) and this bench's own (`bench-write` before each
//! honoree's save, `bench-image` once its image is fetched), on one clock: the time from a
//! save to its image, step by step.
//!
//! `--bin`: the vinhdanh binary to run (default: `target/release/vinhdanh` beside this example);
//! an older binary gives the figures before a change.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

struct Args {
    edits: usize,
    titles: usize,
    rebuilds: usize,
    thumbs: usize,
    bin: PathBuf,
    browser: bool,
}

fn args() -> Args {
    let mut a = Args {
        edits: 20,
        titles: 5,
        rebuilds: 500,
        thumbs: 200,
        bin: default_bin(),
        browser: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut num = || -> usize {
            it.next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| panic!("{x} needs a number"))
        };
        match x.as_str() {
            "--edits" => a.edits = num(),
            "--titles" => a.titles = num(),
            "--rebuilds" => a.rebuilds = num(),
            "--thumbs" => a.thumbs = num(),
            "--bin" => a.bin = it.next().map(PathBuf::from).expect("--bin PATH"),
            "--no-browser" => a.browser = false,
            other => panic!("unknown option {other}"),
        }
    }
    a
}

/// `target/release/vinhdanh` for `target/release/examples/serve_bench`.
fn default_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("own path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    dir.join(format!("vinhdanh{}", std::env::consts::EXE_SUFFIX))
}

fn main() {
    let a = args();
    assert!(
        a.bin.is_file(),
        "no binary at {} (run `cargo build --release` first, or pass --bin PATH)",
        a.bin.display()
    );
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "## vinhdanh serve bench ({cores} cores, binary {})",
        a.bin.display()
    );
    println!();
    println!("| figure | value |");
    println!("|---|---|");

    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p");
    vinhdanh::project::Project::write_default(&project).unwrap();
    let s = Serve::start(&a.bin, &project);
    s.wait_done();
    row(
        "RSS after the first build (MB)",
        format!("{:.0}", s.rss_mb()),
    );

    // Honoree edits.
    let mut to_image = Vec::new();
    let mut to_round = Vec::new();
    for k in 0..a.edits {
        let (image, round) = s.edit_honoree(k, k);
        to_image.push(image);
        to_round.push(round);
    }
    if !to_image.is_empty() {
        row(
            &format!(
                "honoree edit → new certificate image served, median of {} (ms)",
                a.edits
            ),
            ms(median(&to_image)),
        );
        row(
            "honoree edit → new certificate image served, max (ms)",
            ms(*to_image.iter().max().unwrap()),
        );
        row(
            "honoree edit → round finished (print file, decision, booklet), median (ms)",
            ms(median(&to_round)),
        );
    }
    let rss_first_edit = s.rss_mb();
    row(
        "RSS after the first edit round (MB)",
        format!("{rss_first_edit:.0}"),
    );

    // The conference's name, shown by every document: `--titles` changes (each appends to
    // the name), medians.
    let mut per_doc: Vec<(String, Vec<Duration>)> = Vec::new();
    let (mut worst, mut rounds) = (Vec::new(), Vec::new());
    for _ in 0..a.titles {
        let (docs, round) = s.edit_title();
        for (name, t) in &docs {
            match per_doc.iter_mut().find(|(n, _)| n == name) {
                Some((_, ts)) => ts.push(*t),
                None => per_doc.push((name.clone(), vec![*t])),
            }
        }
        worst.push(docs.iter().map(|d| d.1).max().unwrap_or_default());
        rounds.push(round);
    }
    if a.titles > 0 {
        for (name, ts) in &per_doc {
            row(
                &format!(
                    "title change → {name}: first row of images new, median of {} (ms)",
                    ts.len()
                ),
                ms(median(ts)),
            );
        }
        row(
            &format!(
                "title change → every document showing it ({}) has its new images, median of {} (ms)",
                per_doc.len(),
                a.titles
            ),
            ms(median(&worst)),
        );
        row(
            "title change → every document showing it, max (ms)",
            ms(*worst.iter().max().unwrap()),
        );
        row(
            "title change → round finished, median (ms)",
            ms(median(&rounds)),
        );
    }

    // Memory over many rebuilds.
    let t = Instant::now();
    let mut rss_first_rebuild = f64::NAN;
    for k in 0..a.rebuilds {
        s.edit_honoree(k, 1000 + k);
        if k == 0 {
            rss_first_rebuild = s.rss_mb();
        }
        let every = if std::env::var_os("SERVE_BENCH_TRACE").is_some() {
            10
        } else {
            100
        };
        if (k + 1) % every == 0 {
            eprintln!(
                "{} rebuilds, RSS {:.0} MB, {:.0} s",
                k + 1,
                s.rss_mb(),
                t.elapsed().as_secs_f64()
            );
        }
    }
    if a.rebuilds > 0 {
        let rss = s.rss_mb();
        row(
            &format!("RSS after {} more edit rounds (MB)", a.rebuilds),
            format!("{rss:.0}"),
        );
        row(
            "RSS growth from the first edit round (%)",
            format!("{:+.1}", (rss / rss_first_edit - 1.0) * 100.0),
        );
        // The rounds before (title changes: every invitation rebuilt) raise the heap's
        // high-water mark; from the first of these rounds on, growth means a leak.
        row(
            "RSS after the first of these rounds (MB)",
            format!("{rss_first_rebuild:.0}"),
        );
        row(
            &format!(
                "RSS growth from the first of these rounds to the {}th (%)",
                a.rebuilds
            ),
            format!("{:+.1}", (rss / rss_first_rebuild - 1.0) * 100.0),
        );
    }
    drop(s);

    if a.browser {
        match chromium() {
            Some(chrome) => first_paint(&a, &chrome),
            None => row(
                "first paint",
                "skipped: no chromium (apt-get install chromium)".into(),
            ),
        }
    }
}

fn row(what: &str, value: String) {
    println!("| {what} | {value} |");
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

fn median(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[v.len() / 2]
}

/// A running `vinhdanh serve` and its project.
struct Serve {
    child: Child,
    port: u16,
    project: PathBuf,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(bin: &Path, project: &Path) -> Self {
        let mut child = Command::new(bin)
            .arg("serve")
            .arg(project)
            .arg("--no-open")
            .stdout(Stdio::piped())
            .stderr(if std::env::var_os("VINHDANH_TRACE").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .expect("start vinhdanh serve");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("serve prints its address: {first:?}"));
        Self {
            child,
            port,
            project: project.to_path_buf(),
        }
    }

    fn get(&self, path: &str) -> (u16, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.port
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap();
        (status, raw[split + 4..].to_vec())
    }

    fn state(&self) -> Value {
        let (status, body) = self.get("/api/state");
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    }

    fn image(&self, url: &str) {
        let (status, body) = self.get(url);
        assert!(
            status == 200 && body.starts_with(b"\x89PNG"),
            "{url}: {status}"
        );
    }

    fn wait_done(&self) -> Value {
        let start = Instant::now();
        loop {
            let st = self.state();
            if done(&st) {
                return st;
            }
            assert!(
                st["blocked"] != true,
                "the project has errors: {}",
                st["errors"]
            );
            assert!(start.elapsed() < Duration::from_secs(600), "serve hangs");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The event stream, its first event read.
    fn events(&self) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            self.port
        )
        .unwrap();
        let mut e = Events(BufReader::new(s));
        e.next();
        e
    }

    fn rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    }

    /// Rewrites honoree `k`'s (cycling) achievement with a text marked `mark`; returns the time
    /// from the write to the new certificate image fetched, and to the round's end.
    fn edit_honoree(&self, k: usize, mark: usize) -> (Duration, Duration) {
        let path = self.project.join("data/honorees.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let achievements: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].trim_start().starts_with("achievement:"))
            .collect();
        let line = achievements[k % achievements.len()];
        let name = lines[..line]
            .iter()
            .rev()
            .find_map(|l| l.trim_start().strip_prefix("name:"))
            .unwrap()
            .trim()
            .trim_matches('"')
            .to_string();
        let indent = &lines[line][..lines[line].len() - lines[line].trim_start().len()];
        let new_line = format!(
            "{indent}achievement: Đã có thành tích xuất sắc trong phong trào thi đua, lần sửa thứ {mark}."
        );
        let mut new: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        new[line] = new_line;
        let st = self.state();
        let (old, _) = record_images(&st, &name);
        let mut events = self.events();
        let t0 = Instant::now();
        vinhdanh::trace!("bench-write {name}");
        std::fs::write(&path, new.join("\n") + "\n").unwrap();
        let mut image = None;
        loop {
            events.next();
            let st = self.state();
            if image.is_none() {
                let (now, _) = record_images(&st, &name);
                if now != old && !now.is_empty() {
                    for url in &now {
                        self.image(url);
                    }
                    image = Some(t0.elapsed());
                    vinhdanh::trace!("bench-image {name} {:?}", t0.elapsed());
                }
            }
            if let Some(image) = image.filter(|_| done(&st)) {
                return (image, t0.elapsed());
            }
            assert!(
                t0.elapsed() < Duration::from_secs(120),
                "no new certificate for {name}"
            );
        }
    }

    /// Changes `conference.name`; per document whose images change, the time until the images
    /// of its card's first row are the final ones (fetched), and the time to the round's end.
    fn edit_title(&self) -> (Vec<(String, Duration)>, Duration) {
        let path = self.project.join("data/plan.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text
            .find("\nconference:\n")
            .expect("plan.yaml has conference:");
        let at = start + text[start..].find("\n  name: ").expect("conference.name") + 9;
        let end = at + text[at..].find('\n').unwrap();
        let new = format!(
            "{}{} (sửa tên){}",
            &text[..at],
            &text[at..end],
            &text[end..]
        );
        let before = self.state();
        // The page on screen already shows the old images: fetched before the save, as the
        // browser did when it opened the page, so the clock runs only for the new ones.
        let mut seen: std::collections::HashSet<String> = Default::default();
        for d in before["docs"].as_array().unwrap() {
            for url in first_row(d) {
                if seen.insert(url.clone()) {
                    self.image(&url);
                }
            }
        }
        let mut events = self.events();
        let t0 = Instant::now();
        std::fs::write(&path, new).unwrap();
        let mut snapshots: Vec<(Duration, Value)> = Vec::new();
        loop {
            events.next();
            if std::env::var_os("SERVE_BENCH_TRACE").is_some() {
                eprintln!("  event at {} ms", t0.elapsed().as_millis());
            }
            let st = self.state();
            for d in st["docs"].as_array().unwrap() {
                for url in first_row(d) {
                    if seen.insert(url.clone()) {
                        self.image(&url);
                    }
                }
            }
            let finished = done(&st);
            if std::env::var_os("SERVE_BENCH_TRACE").is_some() {
                eprintln!("  snapshot at {} ms", t0.elapsed().as_millis());
            }
            snapshots.push((t0.elapsed(), st));
            if finished && snapshots.len() > 1 {
                break;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(120),
                "title change hangs"
            );
        }
        let round = t0.elapsed();
        let last = &snapshots.last().unwrap().1;
        let mut per_doc = Vec::new();
        for d in last["docs"].as_array().unwrap() {
            let name = d["name"].as_str().unwrap();
            let finals = first_row(d);
            let old = before["docs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["name"] == name)
                .map(first_row)
                .unwrap_or_default();
            if finals == old {
                continue;
            }
            let t = snapshots
                .iter()
                .find(|(_, st)| {
                    st["docs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|x| x["name"] == name && first_row(x) == finals)
                })
                .map(|(t, _)| *t)
                .unwrap();
            per_doc.push((name.to_string(), t));
        }
        (per_doc, round)
    }
}

/// Server-sent events, read a line at a time.
struct Events(BufReader<TcpStream>);

impl Events {
    /// Blocks until the next `state` event.
    fn next(&mut self) {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.0.read_line(&mut line).expect("event stream");
            assert!(n > 0, "event stream closed");
            if line.starts_with("data:") {
                return;
            }
        }
    }
}

/// Every card built (none rebuilding or pending).
fn done(st: &Value) -> bool {
    let docs = st["docs"].as_array().unwrap();
    !docs.is_empty()
        && docs
            .iter()
            .all(|d| d["state"] == "ok" || d["state"] == "failed")
}

/// The images a card shows without scrolling (its first row).
fn first_row(d: &Value) -> Vec<String> {
    d["images"]
        .as_array()
        .unwrap()
        .iter()
        .take(5)
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The images of the certificate whose label names `name`, and its PDF.
fn record_images(st: &Value, name: &str) -> (Vec<String>, Option<String>) {
    let Some(doc) = st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "giay-khen/")
    else {
        return (Vec::new(), None);
    };
    let images = doc["images"].as_array().unwrap();
    let Some(r) = doc["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"].as_str().is_some_and(|l| l.contains(name)))
    else {
        return (Vec::new(), None);
    };
    let (first, last) = (
        r["first"].as_u64().unwrap() as usize,
        r["last"].as_u64().unwrap() as usize,
    );
    let urls = images[first - 1..last]
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    (urls, r["url"].as_str().map(str::to_string))
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// The default project with generated honorees appended up to `n` in all (the plan's numbers
/// made soft, so the longer list passes; the seed's honorees stay, the delegates name them).
fn big_project(dir: &Path, n: usize) {
    vinhdanh::project::Project::write_default(dir).unwrap();
    let plan = std::fs::read_to_string(dir.join("data/plan.yaml")).unwrap();
    let mut plan: serde_yaml::Value = serde_yaml::from_str(&plan).unwrap();
    fn soften(g: &mut serde_yaml::Value) {
        g["soft"] = true.into();
        if let Some(children) = g.get_mut("groups").and_then(|c| c.as_sequence_mut()) {
            children.iter_mut().for_each(soften);
        }
    }
    soften(&mut plan["composition"]);
    if let Some(honours) = plan.get_mut("honours").and_then(|h| h.as_sequence_mut()) {
        for h in honours {
            h["soft"] = true.into();
        }
    }
    std::fs::write(
        dir.join("data/plan.yaml"),
        serde_yaml::to_string(&plan).unwrap(),
    )
    .unwrap();
    let path = dir.join("data/honorees.yaml");
    let mut h = std::fs::read_to_string(&path).unwrap();
    let seed = h.matches("\n  - id: ").count();
    const FAMILY: [&str; 6] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"];
    const GIVEN: [&str; 6] = ["An", "Bình", "Cường", "Hương", "Lan", "Phúc"];
    for i in seed..n {
        h.push_str(&format!(
            "  - id: cn-g{i:05}\n    kind: individual\n    name: \"{} Văn {}\"\n    gender: nam\n    birth_year: {}\n    unit: \"Chi hội Nông dân thôn số {}\"\n    field: xã hội\n    achievement: \"Đã có thành tích xuất sắc trong phong trào nông dân thi đua sản xuất, kinh doanh giỏi giai đoạn 2020 – 2025.\"\n",
            FAMILY[i % FAMILY.len()],
            GIVEN[i / FAMILY.len() % GIVEN.len()],
            1950 + i % 50,
            i % 40 + 1
        ));
    }
    std::fs::write(path, h).unwrap();
}

/// The page of a project with `--thumbs` certificates in headless chromium: paint timings and
/// the time until every image in the window has loaded, from the navigation's start.
fn first_paint(a: &Args, chrome: &Path) {
    use headless_chrome::{Browser, LaunchOptions};
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p");
    big_project(&project, a.thumbs);
    let s = Serve::start(&a.bin, &project);
    let st = s.wait_done();
    let thumbs: usize = st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["images"].as_array().unwrap().len())
        .sum();
    row(
        &format!("first paint: project of {} honorees", a.thumbs.max(44)),
        format!(
            "{} cards, {thumbs} page thumbnails",
            st["docs"].as_array().unwrap().len()
        ),
    );
    let browser = Browser::new(
        LaunchOptions::default_builder()
            .path(Some(chrome.to_path_buf()))
            .window_size(Some((1280, 900)))
            .sandbox(false)
            .idle_browser_timeout(Duration::from_secs(300))
            .build()
            .unwrap(),
    )
    .expect("start chromium");
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(120));
    let url = format!("http://127.0.0.1:{}/", s.port);
    for visit in ["cold", "warm"] {
        tab.navigate_to("about:blank").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        // Not `wait_until_navigated`: the page's event stream never ends. The script is retried
        // until it runs in the served page (not the blank one it replaces).
        tab.navigate_to(&url).unwrap();
        let t = Instant::now();
        let v: Value = loop {
            let r = tab
                .evaluate(TIMINGS, true)
                .ok()
                .and_then(|r| r.value)
                .and_then(|v| v.as_str().map(str::to_string));
            let v = r.and_then(|r| serde_json::from_str::<Value>(&r).ok());
            if let Some(v) = v.filter(|v| !v.is_null()) {
                break v;
            }
            assert!(
                t.elapsed() < Duration::from_secs(120),
                "the page never loaded"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let f = |k: &str| v[k].as_f64().map_or("?".into(), |x| format!("{x:.0}"));
        row(
            &format!("first paint ({visit}): first-contentful-paint (ms)"),
            f("fcp"),
        );
        row(
            &format!("first paint ({visit}): every image in the window loaded (ms)"),
            format!(
                "{} ({} images in the window, {} loaded)",
                f("images"),
                f("visible"),
                f("loaded")
            ),
        );
        row(
            &format!("first paint ({visit}): load event (ms)"),
            f("load"),
        );
        if let Some(missing) = v["missing"].as_array() {
            row(
                &format!("first paint ({visit}): not loaded"),
                format!("{missing:?}"),
            );
            for m in missing {
                let url = m.as_str().unwrap().split(' ').next().unwrap();
                let t = Instant::now();
                let (status, body) = s.get(url);
                row(
                    &format!("first paint ({visit}): {url} asked again"),
                    format!(
                        "{status}, {} bytes, {} ms",
                        body.len(),
                        t.elapsed().as_millis()
                    ),
                );
            }
        }
    }
}

/// In the page: waits until the cards are drawn and every image in the window has loaded, then
/// reports the paint timings (milliseconds from the navigation's start).
const TIMINGS: &str = r#"(async () => {
  if (!location.href.startsWith('http')) return 'null';
  const inWindow = (i) => { const r = i.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; };
  for (;;) {
    const cards = document.querySelectorAll('.card').length;
    const imgs = [...document.images].filter(inWindow);
    const loaded = imgs.filter((i) => i.complete && i.naturalWidth > 0).length;
    // Never waits forever: after a minute it reports how many had loaded.
    if (performance.now() > 60000) return JSON.stringify({ images: null, visible: imgs.length, loaded, missing: imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => `${i.getAttribute('src')} complete=${i.complete}`) });
    if (cards > 0 && imgs.length > 0 && loaded === imgs.length) {
      const now = performance.now();
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const nav = performance.getEntriesByType('navigation')[0] || {};
      return JSON.stringify({ fcp: paint['first-contentful-paint'], images: now, visible: imgs.length, loaded, load: nav.loadEventEnd });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
})()"#;
