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

use tiny_http::{Method, Request, Server};

use super::state::Shared;
use crate::write::Workspace;

const INDEX: &str = include_str!("static/index.html");
const SCRIPT: &str = include_str!("static/app.js");
const STYLE: &str = include_str!("static/style.css");
const WORKSPACE: &str = include_str!("static/workspace.js");
const FORMS: &str = include_str!("static/forms.js");
const PASTE: &str = include_str!("static/paste.js");

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

/// Answers requests until the server is dropped, each on its own thread. With a workspace,
/// the page's write endpoints ([`crate::api`]) answer too; without (`--readonly`), every
/// request other than GET and HEAD is refused.
pub fn run(
    server: Server,
    shared: Arc<Shared>,
    out_dir: PathBuf,
    port: u16,
    ws: Option<Arc<Workspace>>,
) {
    let out_dir = Arc::new(out_dir);
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        let out_dir = Arc::clone(&out_dir);
        let ws = ws.clone();
        std::thread::spawn(move || handle(request, &shared, &out_dir, port, ws.as_deref()));
    }
}

fn handle(
    mut request: Request,
    shared: &Shared,
    out_dir: &Path,
    port: u16,
    ws: Option<&Workspace>,
) {
    let post = *request.method() == Method::Post;
    if !(matches!(request.method(), Method::Get | Method::Head) || (post && ws.is_some())) {
        send(request, text(405, &crate::msg::http_read_only()));
        return;
    }
    if !host_allowed(&request, port) {
        send(request, text(403, &crate::msg::http_bad_host()));
        return;
    }
    let Some(path) = decoded_path(request.url()) else {
        send(request, not_found());
        return;
    };
    if let (true, Some(ws)) = (post, ws) {
        let reply = if !path.starts_with("/api/") {
            text(405, &crate::msg::http_read_only())
        } else if !crate::api::allowed(&request, ws, port) {
            json_reply(
                403,
                &serde_json::json!({"error": crate::msg::write_forbidden()}),
            )
        } else {
            let query = request
                .url()
                .split_once('?')
                .map(|(_, q)| q)
                .unwrap_or("")
                .to_string();
            vinhdanh_core::trace!("http-post {path}");
            let a = crate::api::answer(&mut request, ws, shared, &path, &query);
            vinhdanh_core::trace!("http-answered {path} {}", a.status);
            match a.file {
                Some(bytes) => body(
                    bytes,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                None => json_reply(a.status, &a.body),
            }
        };
        send(request, reply);
        return;
    }
    vinhdanh_core::trace!("http-get {path}");
    let response = match path.as_str() {
        "/" | "/index.html" => body(index(ws).into_bytes(), "text/html; charset=utf-8"),
        "/app.js" => body(SCRIPT.as_bytes().to_vec(), "text/javascript; charset=utf-8"),
        "/workspace.js" => body(
            WORKSPACE.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        ),
        "/forms.js" => body(FORMS.as_bytes().to_vec(), "text/javascript; charset=utf-8"),
        "/paste.js" => body(PASTE.as_bytes().to_vec(), "text/javascript; charset=utf-8"),
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
            Some(png) => body(png, "image/png").cached(),
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
    send(request, response);
    vinhdanh_core::trace!("http-sent {path}");
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
fn index(ws: Option<&Workspace>) -> String {
    let mut labels = crate::msg::serve_labels();
    labels.extend(crate::msg::workspace_labels());
    labels.extend(crate::msg::form_labels());
    labels.extend(crate::msg::paste_markers());
    let json: serde_json::Map<String, serde_json::Value> = labels
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    let json = serde_json::Value::Object(json)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    // The session's token: only this page, served to this server's own host, knows it.
    let token = ws.map(Workspace::token).unwrap_or_default();
    let mut page = INDEX
        .replace("{{labels_json}}", &json)
        .replace("{{token}}", token);
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
            vinhdanh_core::trace!("event-sent {v}");
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

/// A whole response, sent by [`send`].
struct Reply {
    status: u16,
    content_type: &'static str,
    cache: &'static str,
    body: Vec<u8>,
}

impl Reply {
    /// Images are named by their content: the browser may keep them for good.
    fn cached(mut self) -> Self {
        self.cache = "public, max-age=31536000, immutable";
        self
    }
}

fn body(bytes: Vec<u8>, content_type: &'static str) -> Reply {
    Reply {
        status: 200,
        content_type,
        cache: "no-store",
        body: bytes,
    }
}

fn json_reply(status: u16, value: &serde_json::Value) -> Reply {
    Reply {
        status,
        ..body(
            value.to_string().into_bytes(),
            "application/json; charset=utf-8",
        )
    }
}

fn text(status: u16, message: &str) -> Reply {
    Reply {
        status,
        ..body(message.as_bytes().to_vec(), "text/plain; charset=utf-8")
    }
}

/// Writes the reply and asks the browser to close the connection ("Connection: close", which
/// tiny_http's own responses cannot say). tiny_http serves each connection on a pooled
/// thread for as long as the client keeps it open, and its pool can miss the wake-up of a
/// connection that arrives together with others: with the browser's idle keep-alive
/// connections holding the threads, such a connection waited until another one arrived (a
/// first-screen image the page never received, in about half of the cold page loads in
/// headless Chromium). Closed after each reply, every connection frees its thread at once; on
/// the loopback a new connection per image costs a fraction of a millisecond.
fn send(request: Request, reply: Reply) {
    let head_only = *request.method() == Method::Head;
    let reason = match reply.status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        409 => "Conflict",
        413 => "Payload Too Large",
        500 => "Internal Server Error",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len(),
        reply.cache,
    );
    let mut w = request.into_writer();
    let _ = w
        .write_all(head.as_bytes())
        .and_then(|()| {
            if head_only {
                Ok(())
            } else {
                w.write_all(&reply.body)
            }
        })
        .and_then(|()| w.flush());
}

fn not_found() -> Reply {
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
