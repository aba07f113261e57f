//! The page's write endpoints, on top of [`crate::write`]. Only when `serve` is not started
//! with `--readonly`. Each is a POST that must carry:
//! - the `Host` of this server (checked for every request by [`crate::http`]);
//! - an `Origin` header naming this server (`http://127.0.0.1:PORT` or `http://localhost:PORT`),
//!   which browsers send with every POST, so another site's page cannot write;
//! - the session's token in `X-Vinhdanh-Token`, which only the served page knows (a custom
//!   header also makes any cross-site request a preflighted one, which this server never
//!   allows);
//! - a body no larger than [`MAX_JSON`] (a spreadsheet: [`MAX_UPLOAD`]).
//!
//! | endpoint | body | answer |
//! | --- | --- | --- |
//! | `/api/files` | `{}` | the data files: name, kind, version |
//! | `/api/read` | `{"file": "data/plan.yaml"}` | its version and nodes |
//! | `/api/edit` | `{"file", "version", "ops": [..]}` | the new version, the lines changed; 409 on a conflict |
//! | `/api/check` | `{"file", "version", "ops": [..]}` | what `check` would say of those values, by field; nothing written |
//! | `/api/undo` | `{}` | the file restored and its version |
//! | `/api/sheet?name=x.xlsx` | a spreadsheet's bytes | which list it reads as, and the files each list has now; nothing written |
//! | `/api/upload?file=data/delegates.xlsx&replace=…` | the file's bytes | its version; 409 unless `replace` names exactly the list's files now |
//! | `/api/marked` | `{"file": "data/x.xlsx"}` | an .xlsx copy, the problem cells marked |

use std::io::Read;

use serde::Deserialize;
use serde_json::{Value, json};
use tiny_http::Request;

use crate::state::Shared;

use crate::write::{
    FileView, MAX_JSON, MAX_UPLOAD, Op, Refusal, SHEETS, Workspace, Written, YAML, version,
};

/// The header the page sends its token in.
pub const TOKEN_HEADER: &str = "X-Vinhdanh-Token";

/// An answer: status and JSON body, or a file to download.
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub file: Option<Vec<u8>>,
}

fn refused(r: Refusal) -> Answer {
    Answer {
        status: r.status(),
        body: json!({"error": r.message(), "conflict": matches!(r, Refusal::Conflict(_))}),
        file: None,
    }
}

fn ok(body: Value) -> Answer {
    Answer {
        status: 200,
        body,
        file: None,
    }
}

fn header<'r>(request: &'r Request, name: &'static str) -> Vec<&'r str> {
    request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
        .collect()
}

/// Whether the request comes from this server's own page: one `Origin` naming it, and the
/// session's token.
pub fn allowed(request: &Request, ws: &Workspace, port: u16) -> bool {
    let origin_ok = matches!(header(request, "Origin").as_slice(), [o]
        if o.eq_ignore_ascii_case(&format!("http://127.0.0.1:{port}"))
            || o.eq_ignore_ascii_case(&format!("http://localhost:{port}")));
    let token_ok = matches!(header(request, TOKEN_HEADER).as_slice(), [t] if ws.token_ok(t));
    origin_ok && token_ok
}

/// Answers a POST to `path` (`/api/…`) whose Host, Origin and token were checked.
pub fn answer(
    request: &mut Request,
    ws: &Workspace,
    shared: &Shared,
    path: &str,
    query: &str,
) -> Answer {
    let limit = if path == "/api/upload" || path == "/api/sheet" {
        MAX_UPLOAD
    } else {
        MAX_JSON
    };
    if request.body_length().is_some_and(|n| n > limit) {
        return refused(Refusal::TooLarge);
    }
    let mut body = Vec::new();
    if request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body)
        .is_err()
    {
        return refused(Refusal::Bad(crate::msg::write_bad_request(&"body")));
    }
    if body.len() > limit {
        return refused(Refusal::TooLarge);
    }
    if path == "/api/marked" {
        return match parse::<ReadBody>(&body).and_then(|b| marked(ws, shared, &b.file)) {
            Ok(bytes) => Answer {
                status: 200,
                body: Value::Null,
                file: Some(bytes),
            },
            Err(r) => refused(r),
        };
    }
    route(ws, path, query, &body)
}

/// The clerk's list with the problem cells marked ([`crate::marked`]).
fn marked(ws: &Workspace, shared: &Shared, rel: &str) -> Result<Vec<u8>, Refusal> {
    let path = ws.resolve(rel, SHEETS)?;
    if !path.is_file() {
        return Err(Refusal::Missing(crate::msg::write_missing(rel)));
    }
    crate::marked::marked_copy(&path, rel, &shared.diagnostics())
        .map_err(|e| Refusal::Bad(crate::msg::write_not_sheet_read(rel, &e)))
}

/// The endpoint's work on a body already read (also what the tests drive directly).
pub fn route(ws: &Workspace, path: &str, query: &str, body: &[u8]) -> Answer {
    let result = match path {
        "/api/upload" => upload(ws, query, body),
        "/api/sheet" => sheet(ws, query, body),
        "/api/files" => files(ws),
        "/api/read" => parse::<ReadBody>(body).and_then(|b| read(ws, &b.file)),
        "/api/edit" => {
            parse::<EditBody>(body).and_then(|b| ws.edit(&b.file, &b.version, &b.ops).map(written))
        }
        "/api/check" => parse::<EditBody>(body)
            .and_then(|b| ws.check(&b.file, &b.version, &b.ops))
            .map(|found| {
                let found: Vec<Value> = found
                    .into_iter()
                    .map(|f| json!({"path": f.path, "severity": f.severity, "message": f.message, "hint": f.hint}))
                    .collect();
                json!({"findings": found})
            }),
        "/api/undo" => parse::<Empty>(body).and_then(|_| ws.undo().map(written)),
        _ => {
            return Answer {
                status: 404,
                body: json!({"error": crate::msg::http_not_found()}),
                file: None,
            };
        }
    };
    match result {
        Ok(v) => ok(v),
        Err(r) => refused(r),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadBody {
    file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditBody {
    file: String,
    version: String,
    ops: Vec<Op>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Empty {}

fn parse<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(body).map_err(|e| Refusal::Bad(crate::msg::write_bad_request(&e)))
}

fn read(ws: &Workspace, rel: &str) -> Result<Value, Refusal> {
    let FileView { version, nodes } = ws.read(rel)?;
    let nodes: Vec<Value> = nodes
        .into_iter()
        .map(|n| {
            json!({"path": n.path, "kind": n.kind, "value": n.value, "plain": n.plain, "line": n.line})
        })
        .collect();
    Ok(json!({"file": rel, "version": version, "nodes": nodes}))
}

fn written(w: Written) -> Value {
    json!({"file": w.file, "version": w.version, "backup": w.backup, "lines": w.lines})
}

/// The values of `key` in a query string, percent-decoded.
fn query_values(query: &str, key: &str) -> Vec<String> {
    query
        .split('&')
        .filter_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
        .filter_map(|f| {
            percent_encoding::percent_decode_str(&f.replace('+', " "))
                .decode_utf8()
                .ok()
                .map(|s| s.into_owned())
        })
        .collect()
}

fn upload(ws: &Workspace, query: &str, body: &[u8]) -> Result<Value, Refusal> {
    let file = query_values(query, "file")
        .pop()
        .ok_or_else(|| Refusal::Bad(crate::msg::write_bad_request(&"file=")))?;
    let replace: Vec<String> = query_values(query, "replace")
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect();
    ws.upload(&file, body, &replace).map(written)
}

/// A dropped spreadsheet, before it is saved: which list it reads as, and for each list the
/// name it would be saved under and the files that list has now (which the page asks about).
fn sheet(ws: &Workspace, query: &str, body: &[u8]) -> Result<Value, Refusal> {
    let name = query_values(query, "name")
        .pop()
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\']))
        .ok_or_else(|| Refusal::Bad(crate::msg::write_bad_request(&"name=")))?;
    let guess = ws.sheet_guess(&name, body)?;
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let lists: Vec<Value> = crate::write::LISTS
        .iter()
        .map(
            |l| json!({"list": l, "file": format!("data/{l}.{ext}"), "existing": ws.list_files(l)}),
        )
        .collect();
    Ok(json!({"guess": guess, "lists": lists}))
}

/// The files at the top of `data/` the page knows how to show: YAML and spreadsheets.
fn files(ws: &Workspace) -> Result<Value, Refusal> {
    let mut out = Vec::new();
    let dir = ws.data_dir();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Refusal::Failed(e.to_string()))?
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = format!("data/{name}");
        let kind = if ws.resolve(&rel, YAML).is_ok() {
            "yaml"
        } else if ws.resolve(&rel, SHEETS).is_ok() {
            "sheet"
        } else {
            continue;
        };
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap_or_default();
        out.push(json!({"file": rel, "kind": kind, "version": version(&bytes)}));
    }
    Ok(json!({"files": out, "undo": ws.undoable()}))
}
