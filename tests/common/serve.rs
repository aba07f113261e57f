//! The harness of the `serve` tests (`tests/serve.rs`, `tests/workspace.rs`): the real binary
//! serving a fresh project, a raw HTTP client that sends exactly the headers asked for, and
//! headless Chromium driven over the DevTools protocol, with screenshots for a person to look at.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

/// `vinhdanh serve` on a fresh project, killed when dropped.
pub struct Serve {
    pub child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
    pub log: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    pub fn start(extra: &[&str]) -> Self {
        Self::start_setup(extra, |_| {})
    }

    /// Serve on a fresh project that `setup` changed first (given the project folder); returns
    /// once the first build of the six documents has ended.
    pub fn start_setup(extra: &[&str], setup: impl Fn(&Path)) -> Self {
        let dir = super::init_project();
        setup(&dir.path().join("p"));
        // `VINHDANH_SERVE_BIN`: another build to run (an older one, for the figures before a
        // change, as `examples/serve_bench.rs --bin`).
        let bin = std::env::var_os("VINHDANH_SERVE_BIN")
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_vinhdanh").into());
        let mut command = Command::new(bin);
        command
            .args(["serve", "p", "--no-open", "--verbose"])
            .args(extra)
            .stderr(Stdio::piped());
        Self::launch(dir, command)
    }

    /// Serve started by a shell whose `redirect` sends its standard error elsewhere
    /// (`2>&-`: closed); the test's log stays empty.
    #[cfg(unix)]
    #[allow(dead_code)] // used by tests/serve.rs only
    pub fn start_redirected(redirect: &str) -> Self {
        let dir = super::init_project();
        let mut command = Command::new("sh");
        command.arg("-c").arg(format!(
            "exec '{}' serve p --no-open --verbose {redirect}",
            env!("CARGO_BIN_EXE_vinhdanh")
        ));
        Self::launch(dir, command)
    }

    fn launch(dir: tempfile::TempDir, mut command: Command) -> Self {
        let mut child = command
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start vinhdanh serve");
        let log = Arc::new(Mutex::new(String::new()));
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        let port: u16 = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("serve prints its address: {first:?}"));
        if let Some(stderr) = child.stderr.take() {
            let l = Arc::clone(&log);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    l.lock().unwrap().push_str(&(line + "\n"));
                }
            });
        }
        let s = Self {
            child,
            port,
            dir,
            log,
        };
        s.wait_state("the first build", |st| {
            done(st) && st["docs"].as_array().unwrap().len() == 6
        });
        s
    }

    pub fn project(&self) -> PathBuf {
        self.dir.path().join("p")
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        http_get(self.port, path, &self.host())
    }

    pub fn state(&self) -> Value {
        let (status, body) = self.get("/api/state");
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    }

    pub fn wait_state(&self, what: &str, f: impl Fn(&Value) -> bool) -> Value {
        let start = Instant::now();
        loop {
            let st = self.state();
            if f(&st) {
                return st;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "timed out waiting for {what}; state: {st}\nlog:\n{}",
                self.log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Changes a file of the project as another editor would.
    pub fn edit(&self, rel: &str, f: impl Fn(&str) -> String) {
        let path = self.project().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        let new = f(&text);
        assert_ne!(new, text, "the edit changes {rel}");
        std::fs::write(&path, new).unwrap();
    }

    /// The session token, as the page carries it.
    pub fn token(&self) -> String {
        let (_, page) = self.get("/");
        let page = String::from_utf8(page).unwrap();
        page.split("name=\"vinhdanh-token\" content=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_string()
    }

    /// A POST as the page sends it (its Host, Origin and token), with `body`.
    pub fn post(&self, path: &str, body: &[u8]) -> (u16, Value) {
        let token = self.token();
        let (status, body) = request(
            self.port,
            "POST",
            path,
            &[
                ("Host", &self.host()),
                ("Origin", &self.origin()),
                ("X-Vinhdanh-Token", &token),
                ("Content-Type", "application/json"),
            ],
            body,
        );
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }
}

/// No document is being built (each is built, failed, a draft, or its last pages kept).
pub fn done(st: &Value) -> bool {
    st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| ["ok", "failed", "draft", "stale"].contains(&d["state"].as_str().unwrap()))
}

/// A raw HTTP/1.0 GET with only a Host header: the status and the body, whatever the URL holds.
pub fn http_get(port: u16, target: &str, host: &str) -> (u16, Vec<u8>) {
    request(port, "GET", target, &[("Host", host)], b"")
}

/// A raw HTTP/1.0 request with exactly these headers: the status and the body.
pub fn request(
    port: u16,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut head = format!("{method} {target} HTTP/1.0\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if method != "GET" || !body.is_empty() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // The server may answer (and close) before reading an oversized body.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("a complete response to {method} {target}: {raw:?}"));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap();
    (status, raw[split + 4..].to_vec())
}

/// Where Debian's chromium is; `None` (the test skipped) outside CI only.
pub fn chromium() -> Option<PathBuf> {
    for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(p).exists() {
            return Some(PathBuf::from(p));
        }
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("chromium is needed in CI (.ci/run installs Debian's chromium)");
    }
    eprintln!(
        "SKIPPED: chromium is not installed (apt-get install chromium); browser test not run"
    );
    None
}

/// Headless Chromium with a window of `size` pixels.
pub fn browser(chrome: PathBuf, size: (u32, u32)) -> headless_chrome::Browser {
    headless_chrome::Browser::new(
        headless_chrome::LaunchOptions::default_builder()
            .path(Some(chrome))
            .headless(true)
            .sandbox(false)
            .window_size(Some(size))
            .idle_browser_timeout(Duration::from_secs(600))
            .build()
            .unwrap(),
    )
    .expect("launch chromium")
}

/// A screenshot of the page into `$CARGO_TARGET_TMPDIR/<dir>/` and `/tmp/<dir>/`.
pub fn shot_into(dir: &str, tab: &headless_chrome::Tab, name: &str) {
    use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join(name), &png).unwrap();
    let tmp = Path::new("/tmp").join(dir);
    let _ = std::fs::create_dir_all(&tmp);
    let _ = std::fs::write(tmp.join(name), &png);
}

/// Evaluates a JavaScript expression in the page; its value as JSON (`undefined`: null).
pub fn js(tab: &headless_chrome::Tab, expr: &str) -> Value {
    let r = tab
        .evaluate(&format!("JSON.stringify(({expr}) ?? null)"), false)
        .unwrap();
    let Some(v) = r.value.clone() else {
        panic!("the page could not evaluate {expr}: {r:?}")
    };
    serde_json::from_str(v.as_str().unwrap()).unwrap()
}

/// Runs statements in the page.
pub fn run_js(tab: &headless_chrome::Tab, code: &str) {
    tab.evaluate(&format!("(() => {{ {code} }})()"), false)
        .unwrap();
}

/// Polls `expr` until it is neither null, false nor the empty text (a message not said yet);
/// its value.
pub fn wait_js(tab: &headless_chrome::Tab, what: &str, expr: &str) -> Value {
    let start = Instant::now();
    loop {
        let v = js(tab, expr);
        if v != Value::Null && v != Value::Bool(false) && v != Value::String(String::new()) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out waiting in the page for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
