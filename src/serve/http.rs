//! The read-only local web server: the page, its script and style, the state as JSON, the event
//! stream, the page images and the files of `output/`; nothing else. It listens on the loopback
//! interface only and answers only requests addressed to `127.0.0.1:PORT` or `localhost:PORT`,
//! so a web page elsewhere cannot reach it through a DNS name pointed at 127.0.0.1.
//!
//! tiny_http: a small synchronous server on plain threads, like the engine; the event stream is
//! written on the raw connection, one thread per open page.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use super::state::Shared;

const INDEX: &str = include_str!("static/index.html");
const SCRIPT: &str = include_str!("static/app.js");
const STYLE: &str = include_str!("static/style.css");

/// Listens on 127.0.0.1:`port` (0: a free port); returns the server and its port.
pub fn bind(port: u16) -> std::io::Result<(Server, u16)> {
    let server = Server::http(("127.0.0.1", port)).map_err(std::io::Error::other)?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(port);
    Ok((server, port))
}

/// Answers requests until the server is dropped, each on its own thread.
pub fn run(server: Server, shared: Arc<Shared>, out_dir: PathBuf, port: u16) {
    let out_dir = Arc::new(out_dir);
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        let out_dir = Arc::clone(&out_dir);
        std::thread::spawn(move || handle(request, &shared, &out_dir, port));
    }
}

fn handle(request: Request, shared: &Shared, out_dir: &Path, port: u16) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text(405, &crate::msg::http_read_only()));
        return;
    }
    if !host_allowed(&request, port) {
        let _ = request.respond(text(403, &crate::msg::http_bad_host()));
        return;
    }
    let Some(path) = decoded_path(request.url()) else {
        let _ = request.respond(not_found());
        return;
    };
    let response = match path.as_str() {
        "/" | "/index.html" => body(index().into_bytes(), "text/html; charset=utf-8"),
        "/app.js" => body(SCRIPT.as_bytes().to_vec(), "text/javascript; charset=utf-8"),
        "/style.css" => body(STYLE.as_bytes().to_vec(), "text/css; charset=utf-8"),
        "/api/state" => body(
            shared.json().to_string().into_bytes(),
            "application/json; charset=utf-8",
        ),
        "/events" => {
            events(request, shared);
            return;
        }
        p if p.starts_with("/img/") => match image(shared, p) {
            Some(png) => body(png, "image/png").with_header(header(
                "Cache-Control",
                "public, max-age=31536000, immutable",
            )),
            None => not_found(),
        },
        p if p.starts_with("/output/") => {
            match output_file(out_dir, &p["/output/".len()..])
                .and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)))
            {
                Some((f, bytes)) => body(bytes, content_type(&f)),
                None => not_found(),
            }
        }
        _ => not_found(),
    };
    let _ = request.respond(response);
}

/// The Host header names this server exactly (DNS rebinding: a foreign name resolving to
/// 127.0.0.1 is refused).
fn host_allowed(request: &Request, port: u16) -> bool {
    let hosts: Vec<&str> = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str())
        .collect();
    let [host] = hosts.as_slice() else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

/// The request's path, percent-decoded; `None` for a target that is not a path or does not
/// decode to text.
fn decoded_path(url: &str) -> Option<String> {
    if !url.starts_with('/') {
        return None;
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?
        .into_owned();
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    Some(decoded)
}

/// A file inside the output folder: every segment a plain name, and the file, symlinks
/// resolved, still inside the folder.
pub fn output_file(out_dir: &Path, rel: &str) -> Option<PathBuf> {
    if rel.is_empty()
        || rel
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == ".." || s.contains(':'))
    {
        return None;
    }
    let base = out_dir.canonicalize().ok()?;
    let path = base.join(rel).canonicalize().ok()?;
    (path.starts_with(&base) && path.is_file()).then_some(path)
}

/// The page in the language vinhdanh speaks: `{{key}}` replaced by its label (escaped for
/// HTML), `{{labels_json}}` by every label for the script (escaped so that no label can end
/// the `<script>` element).
fn index() -> String {
    let labels = crate::msg::serve_labels();
    let json: serde_json::Map<String, serde_json::Value> = labels
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    let json = serde_json::Value::Object(json)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let mut page = INDEX.replace("{{labels_json}}", &json);
    for (key, label) in labels {
        page = page.replace(&format!("{{{{{key}}}}}"), &html_escape(label));
    }
    page
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn image(shared: &Shared, path: &str) -> Option<Vec<u8>> {
    let hex = path.strip_prefix("/img/")?.strip_suffix(".png")?;
    if hex.len() != 32 {
        return None;
    }
    let hash = u128::from_str_radix(hex, 16).ok()?;
    shared.png(hash).map(|png| png.to_vec())
}

/// Server-sent events: `state` with the version each time the state changes, a comment every
/// few seconds so a closed page ends its thread.
fn events(request: Request, shared: &Shared) {
    let mut w = request.into_writer();
    let mut seen = shared.version();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    if write!(w, "{head}retry: 1000\nevent: state\ndata: {seen}\n\n")
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let v = shared.wait(seen, Duration::from_secs(10));
        let sent = if v == seen {
            write!(w, ": ping\n\n")
        } else {
            seen = v;
            write!(w, "event: state\ndata: {v}\n\n")
        };
        if sent.and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        Some("typ" | "txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn body(bytes: Vec<u8>, content_type: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(bytes)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn text(status: u16, message: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    body(message.as_bytes().to_vec(), "text/plain; charset=utf-8").with_status_code(status)
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    text(404, &crate::msg::http_not_found())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_inside_output_are_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        std::fs::create_dir_all(out.join("giay-khen")).unwrap();
        std::fs::write(out.join("giay-khen/001-a.pdf"), b"%PDF").unwrap();
        std::fs::write(dir.path().join("secret.yaml"), b"x").unwrap();
        assert!(output_file(&out, "giay-khen/001-a.pdf").is_some());
        for bad in [
            "../secret.yaml",
            "giay-khen/../../secret.yaml",
            "./giay-khen/001-a.pdf",
            "giay-khen//001-a.pdf",
            "",
            "giay-khen",
        ] {
            assert!(output_file(&out, bad).is_none(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.yaml"), out.join("link.yaml"))
                .unwrap();
            assert!(output_file(&out, "link.yaml").is_none());
        }
        assert_eq!(
            decoded_path("/output/%2e%2e/x").as_deref(),
            Some("/output/../x")
        );
        assert!(decoded_path("http://evil/x").is_none());
        assert!(decoded_path("/a%5cb").is_none());
    }
}
