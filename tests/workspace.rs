//! The serve page as the clerk's workspace (issue 23): forms and tables that save through the
//! server's write endpoints. The real binary on a fresh project; the endpoints probed with a raw
//! TCP client, the page driven in headless Chromium (DevTools protocol).
//!
//! Screenshots go to `$CARGO_TARGET_TMPDIR/workspace-shots/` (also /tmp/workspace-shots/).

use crate::common;

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use common::serve::{Serve, browser, chromium, js, request, run_js, wait_js};

use serde_json::{Value, json};

/// Every document built (none a draft).
fn done(st: &Value) -> bool {
    st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["state"] == "ok" || d["state"] == "failed")
}

/// Every file of the project but `output/`, by path: what a refused request must not change.
fn sources(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    common::tree(root)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("output/"))
        .collect()
}

fn version_of(s: &Serve, file: &str) -> String {
    let (status, v) = s.post("/api/read", json!({"file": file}).to_string().as_bytes());
    assert_eq!(status, 200, "{v}");
    v["version"].as_str().unwrap().to_string()
}

#[test]
fn write_requests_that_are_not_the_pages_own_are_refused_and_change_nothing() {
    let s = Serve::start(&[]);
    let token = s.token();
    assert_eq!(token.len(), 48, "a 192-bit token in the page: {token}");
    let host = s.host();
    let origin = s.origin();
    let v = version_of(&s, "data/plan.yaml");
    let edit = json!({"file": "data/plan.yaml", "version": v, "ops": [{"op": "set", "at": "conference.venue", "value": "X"}]}).to_string();
    let before = sources(&s.project());

    let foreign_host = format!("evil.example:{}", s.port);
    let other_port = format!("http://127.0.0.1:{}", s.port + 1);
    let zeros = "0".repeat(48);
    type Headers<'a> = Vec<(&'a str, &'a str)>;
    let cases: Vec<(&str, Headers, u16)> = vec![
        ("no token", vec![("Host", &host), ("Origin", &origin)], 403),
        (
            "a wrong token",
            vec![
                ("Host", &host),
                ("Origin", &origin),
                ("X-Vinhdanh-Token", "00ff"),
            ],
            403,
        ),
        (
            "a token of the same length, wrong",
            vec![
                ("Host", &host),
                ("Origin", &origin),
                ("X-Vinhdanh-Token", &zeros),
            ],
            403,
        ),
        (
            "no Origin",
            vec![("Host", &host), ("X-Vinhdanh-Token", &token)],
            403,
        ),
        (
            "a foreign Origin",
            vec![
                ("Host", &host),
                ("Origin", "http://evil.example"),
                ("X-Vinhdanh-Token", &token),
            ],
            403,
        ),
        (
            "an Origin of another port",
            vec![
                ("Host", &host),
                ("Origin", &other_port),
                ("X-Vinhdanh-Token", &token),
            ],
            403,
        ),
        (
            "Origin null",
            vec![
                ("Host", &host),
                ("Origin", "null"),
                ("X-Vinhdanh-Token", &token),
            ],
            403,
        ),
        (
            "a foreign Host",
            vec![
                ("Host", &foreign_host),
                ("Origin", &origin),
                ("X-Vinhdanh-Token", &token),
            ],
            403,
        ),
        (
            "two tokens",
            vec![
                ("Host", &host),
                ("Origin", &origin),
                ("X-Vinhdanh-Token", &token),
                ("X-Vinhdanh-Token", &token),
            ],
            403,
        ),
    ];
    for (what, headers, want) in &cases {
        for path in [
            "/api/edit",
            "/api/undo",
            "/api/upload?file=data/x.csv",
            "/api/read",
        ] {
            let (status, body) = request(s.port, "POST", path, headers, edit.as_bytes());
            assert_eq!(
                status,
                *want,
                "{what} {path}: {}",
                String::from_utf8_lossy(&body)
            );
        }
    }
    // Paths outside data/, or not a data file.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.project().join("templates"), s.project().join("data/mau"))
            .unwrap();
        std::os::unix::fs::symlink(
            s.project().join("templates/README.md"),
            s.project().join("data/link.yaml"),
        )
        .unwrap();
    }
    let before = {
        let mut b = before;
        b.extend(sources(&s.project()));
        b
    };
    for file in [
        "data/../templates/ke-hoach.typ.j2",
        "templates/ke-hoach.typ.j2",
        "/etc/passwd",
        "data/%2e%2e/plan.yaml",
        "data/..\\plan.yaml",
        "data/mau/README.md",
        "data/mau/x.yaml",
        "data/link.yaml",
        "data/plan.yaml/../../Cargo.toml",
        "../p/data/plan.yaml",
        "data/plan.yaml\u{0}.csv",
        "data/examples/../../templates/x.yaml",
    ] {
        let body =
            json!({"file": file, "version": v, "ops": [{"op": "set", "at": "a", "value": "X"}]})
                .to_string();
        let (status, answer) = s.post("/api/edit", body.as_bytes());
        assert_eq!(status, 400, "{file}: {answer}");
        let (status, answer) = s.post(
            &format!("/api/upload?file={}", percent(file)),
            b"a,b\n1,2\n",
        );
        assert!(status == 400, "{file}: {status} {answer}");
    }
    // A spreadsheet that is not what its name says; a type that is no list.
    for (file, bytes) in [
        ("data/delegates.xlsx", b"a,b\n".as_slice()),
        ("data/delegates.xls", b"PK\x03\x04".as_slice()),
        ("data/x.exe", b"MZ".as_slice()),
        ("data/plan.yaml", b"x: 1\n".as_slice()),
    ] {
        let (status, answer) = s.post(&format!("/api/upload?file={}", percent(file)), bytes);
        assert_eq!(status, 400, "{file}: {answer}");
    }
    // GET never writes.
    let (status, _) = request(s.port, "GET", "/api/edit", &[("Host", &host)], b"");
    assert_eq!(status, 404);
    assert_eq!(
        sources(&s.project()),
        before,
        "nothing changed, no backup made"
    );

    // The page's own request is accepted, and backs data/ up first.
    let (status, answer) = s.post("/api/edit", edit.as_bytes());
    assert_eq!(status, 200, "{answer}");
    let backup = answer["backup"].as_str().unwrap();
    assert!(backup.starts_with("data.bak-"), "{answer}");
    assert_eq!(
        std::fs::read(s.project().join(backup).join("plan.yaml")).unwrap(),
        before["data/plan.yaml"],
        "the backup holds the file before the save"
    );
}

/// `serve --readonly`: today's page, with no token and no write endpoint.
#[test]
fn readonly_serves_no_workspace() {
    let s = Serve::start(&["--readonly"]);
    assert_eq!(s.token(), "", "no token in the page");
    let before = sources(&s.project());
    let (status, _) = request(
        s.port,
        "POST",
        "/api/edit",
        &[
            ("Host", &s.host()),
            ("Origin", &s.origin()),
            ("X-Vinhdanh-Token", ""),
        ],
        b"{}",
    );
    assert_eq!(status, 405);
    assert_eq!(sources(&s.project()), before);
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_./".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Malformed and oversized bodies to every write endpoint, through HTTP: an answer each (no
/// panic: the server still answers), and no file changed.
#[test]
fn malformed_and_oversized_bodies_change_nothing() {
    use proptest::prelude::*;
    let s = Serve::start(&[]);
    let before = sources(&s.project());
    let endpoints = [
        "/api/edit",
        "/api/read",
        "/api/undo",
        "/api/files",
        "/api/check",
        "/api/upload?file=data/delegates.xlsx",
        "/api/upload?file=data/honorees.xls",
        "/api/sheet?name=danh-sach.xlsx",
    ];
    // Oversized: more than a megabyte of JSON, more than 20 MiB of spreadsheet.
    let big_json = format!(
        "{{\"file\": \"data/plan.yaml\", \"version\": \"{}\", \"ops\": []}}",
        "x".repeat(1 << 20)
    );
    for e in &endpoints[..5] {
        let (status, _) = s.post(e, big_json.as_bytes());
        assert_eq!(status, 413, "{e}");
    }
    let mut big = b"PK\x03\x04".to_vec();
    big.resize((20 << 20) + 1, 0);
    let (status, _) = s.post("/api/upload?file=data/delegates.xlsx", &big);
    assert_eq!(status, 413);

    let v = version_of(&s, "data/plan.yaml");
    let valid = json!({"file": "data/plan.yaml", "version": "0", "ops": [{"op": "set", "at": "conference.venue", "value": "X"}]}).to_string();
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2000),
        // A valid edit with bytes flipped (its version is never the file's).
        (0..valid.len(), any::<u8>()).prop_map(move |(i, b)| {
            let mut v = valid.clone().into_bytes();
            v[i] = b;
            v
        }),
        // Well-formed JSON of the wrong shape.
        "[a-z\\[\\]{}\":,0-9 ]{0,200}".prop_map(String::into_bytes),
        // Every operation with wrong paths, indices and kinds, at a stale version.
        (0usize..7, "[a-z.\\[\\]0-9]{0,30}", any::<i64>()).prop_map(|(k, p, n)| {
            let op = match k {
                0 => json!({"op": "set", "at": p, "value": n.to_string(), "raw": true}),
                1 => json!({"op": "insert", "list": p, "index": n, "item": [["a", "b"]]}),
                2 => json!({"op": "move", "list": p, "from": n, "to": 0}),
                3 => json!({"op": "remove", "at": p}),
                4 => json!({"op": "rename", "at": p}),
                5 => json!({"op": "put", "at": p, "value": {"map": [[p, n], ["x", [n, null]]]}}),
                _ => json!({"op": "set", "at": p}),
            };
            json!({"file": "data/plan.yaml", "version": "stale", "ops": [op]})
                .to_string()
                .into_bytes()
        }),
    ];
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 48,
        failure_persistence: None,
        ..Default::default()
    });
    runner
        .run(&(0..endpoints.len(), body), |(e, body)| {
            let endpoint = endpoints[e];
            let (status, answer) = s.post(endpoint, &body);
            // Undo with nothing to undo, files and read may answer 200; nothing else may.
            if status == 200 {
                prop_assert!(
                    matches!(endpoint, "/api/files" | "/api/read"),
                    "{endpoint} accepted {:?}: {answer}",
                    String::from_utf8_lossy(&body)
                );
            } else {
                prop_assert!(answer["error"].is_string(), "{endpoint}: {status} {answer}");
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(
        sources(&s.project()),
        before,
        "no file changed, no backup made"
    );
    assert_eq!(version_of(&s, "data/plan.yaml"), v);
}

// ---- in Chromium ----

/// The page of `s` in a fresh headless Chromium, once its six cards and the workspace are
/// shown and no build is running. The browser comes back with its tab: dropping it closes both.
fn workspace_page(
    chrome: std::path::PathBuf,
    s: &Serve,
    size: (u32, u32),
) -> (
    headless_chrome::Browser,
    std::sync::Arc<headless_chrome::Tab>,
) {
    let browser = browser(chrome, size);
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{}/", s.host())).unwrap();
    wait_js(
        &tab,
        "the cards and the workspace",
        "document.querySelectorAll('.card').length === 6 && !document.getElementById('workspace').hidden && document.body.dataset.busy === '0'",
    );
    (browser, tab)
}

fn shot(tab: &headless_chrome::Tab, name: &str) {
    common::serve::shot_into("workspace-shots", tab, name);
}

/// Opens the form section `id` and waits for its fields.
fn open_section(tab: &headless_chrome::Tab, id: &str) {
    run_js(
        tab,
        &format!("document.getElementById('ws-{id}').open = true;"),
    );
    wait_js(
        tab,
        &format!("the section {id}"),
        &format!("document.querySelectorAll('#ws-{id} [data-path][data-orig]').length > 0"),
    );
}

/// Types `value` into the field at `path` of section `id`.
fn type_in(tab: &headless_chrome::Tab, id: &str, path: &str, value: &str) {
    run_js(
        tab,
        &format!(
            "const i = document.querySelector('#ws-{id} [data-path=\"{path}\"]'); i.value = {}; i.dispatchEvent(new Event('input'));",
            serde_json::to_string(value).unwrap()
        ),
    );
}

/// Presses the section's Save and waits for its message; returns (class, text).
fn save(tab: &headless_chrome::Tab, id: &str) -> (String, String) {
    run_js(
        tab,
        &format!(
            "const m = document.querySelector('#ws-{id} .ws-msg'); m.textContent = ''; document.querySelector('#ws-{id} .ws-save').click();"
        ),
    );
    let v = wait_js(
        tab,
        &format!("the save of {id}"),
        &format!(
            "(() => {{ const m = document.querySelector('#ws-{id} .ws-msg'); return m.textContent && [m.className, m.textContent]; }})()"
        ),
    );
    (
        v[0].as_str().unwrap().to_string(),
        v[1].as_str().unwrap().to_string(),
    )
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::repo().join("tests/fixtures/workspace").join(name)).unwrap()
}

const PLAN_IMAGE: &str = "(() => { const i = document.querySelector('[data-name=\"ke-hoach.pdf\"] > .pages img'); return i && i.getAttribute('src'); })()";

#[test]
fn forms_and_tables_save_exactly_the_edited_value_and_undo_restores_the_file() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let read = |rel: &str| std::fs::read_to_string(p.join(rel)).unwrap();
    // The fixtures are the sample files with one value changed by hand.
    for f in ["plan", "decision", "agenda", "delegates"] {
        assert_eq!(
            read(&format!("data/{f}.yaml")),
            std::fs::read_to_string(common::repo().join(format!("data/{f}.yaml"))).unwrap(),
            "the project's {f}.yaml is the sample's"
        );
    }
    let original_plan = std::fs::read(p.join("data/plan.yaml")).unwrap();
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    let titles = js(
        &tab,
        "[...document.querySelectorAll('.ws-section > summary')].map(s => s.firstChild.textContent)",
    );
    assert_eq!(
        titles,
        json!([
            "Cơ quan ban hành",
            "Người ký mặc định",
            "Người ký Kế hoạch",
            "Người ký Giấy mời",
            "Người ký Quyết định và Giấy khen",
            "Hội nghị",
            "Thành phần đại biểu",
            "Số lượng khen thưởng",
            "Kế hoạch: số, ngày",
            "Giấy mời: số, ngày",
            "Chương trình hội nghị",
            "Phân công thực hiện",
            "Quyết định khen thưởng",
            "Nội dung Kế hoạch: phần, đề mục, đoạn văn",
            "Nội dung Kế hoạch: dán từ Word",
            "Danh sách đại biểu",
            "Danh sách khen thưởng",
            "Danh sách Excel/CSV"
        ])
    );

    // The conference: its venue (a text) and its date (a date, written unquoted).
    open_section(&tab, "conference");
    assert_eq!(
        js(
            &tab,
            "document.querySelector('#ws-conference [data-path=\"conference.venue\"]').value"
        ),
        "Nhà Văn hoá thôn Hà Tiên xã Thượng Hồng"
    );
    shot(&tab, "1-conference-form.png");
    let plan_before = js(&tab, PLAN_IMAGE);
    type_in(
        &tab,
        "conference",
        "conference.venue",
        "Hội trường Ủy ban nhân dân xã Thượng Hồng",
    );
    type_in(&tab, "conference", "conference.date", "2025-08-29");
    let (class, text) = save(&tab, "conference");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        read("data/plan.yaml"),
        fixture("plan-conference.yaml"),
        "exactly the two values changed"
    );
    assert!(
        js(&tab, "document.getElementById('ws-status').textContent")
            .as_str()
            .unwrap()
            .contains("data.bak-"),
        "the first save names its backup"
    );
    // The plan's pages follow.
    wait_js(
        &tab,
        "the plan's new first page",
        &format!(
            "(() => {{ const s = {PLAN_IMAGE}; return s && s !== {} && document.body.dataset.busy === '0'; }})()",
            plan_before
        ),
    );
    shot(&tab, "2-conference-saved.png");

    // Undo: the file byte for byte as it was.
    run_js(&tab, "document.getElementById('ws-undo').click();");
    wait_js(
        &tab,
        "the undo",
        "document.getElementById('ws-status').textContent.includes('hoàn tác')",
    );
    assert_eq!(
        std::fs::read(p.join("data/plan.yaml")).unwrap(),
        original_plan,
        "undo restores the bytes"
    );
    wait_js(
        &tab,
        "the form re-read",
        "document.querySelector('#ws-conference [data-path=\"conference.venue\"]').value === 'Nhà Văn hoá thôn Hà Tiên xã Thượng Hồng'",
    );

    // A conflict: the file edited on disk after the page read it; the save is refused, shown,
    // and the file is as the other editor left it.
    let mut other = read("data/plan.yaml");
    other.push_str("# sửa bằng trình soạn thảo khác\n");
    std::fs::write(p.join("data/plan.yaml"), &other).unwrap();
    type_in(&tab, "conference", "conference.venue", "Nơi khác");
    let (class, text) = save(&tab, "conference");
    assert!(class.contains("conflict"), "{class}: {text}");
    assert!(text.contains("vừa được sửa ở nơi khác"), "{text}");
    assert_eq!(read("data/plan.yaml"), other, "never overwritten");
    shot(&tab, "3-conflict.png");
    std::fs::write(p.join("data/plan.yaml"), &original_plan).unwrap();

    // The decision's award amount (a number, unquoted).
    open_section(&tab, "decision");
    type_in(&tab, "decision", "award.collective", "1500000");
    let (class, text) = save(&tab, "decision");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/decision.yaml"), fixture("decision-award.yaml"));

    // The programme: one item's lead, in a flow mapping, its quotes kept.
    open_section(&tab, "agenda");
    type_in(&tab, "agenda", "items[1].lead", "Đoàn Thanh niên xã");
    let (class, text) = save(&tab, "agenda");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/agenda.yaml"), fixture("agenda-lead.yaml"));
    run_js(
        &tab,
        "document.querySelector('#ws-agenda [data-path=\"items[1].lead\"]').scrollIntoView({block: 'center'});",
    );
    shot(&tab, "4-agenda-saved.png");

    // The delegates as a table: search, then one cell.
    run_js(
        &tab,
        "document.getElementById('ws-conference').open = false; document.getElementById('ws-agenda').open = false; document.getElementById('ws-decision').open = false;",
    );
    open_section(&tab, "delegates");
    let rows = js(
        &tab,
        "document.querySelectorAll('#ws-delegates tbody tr').length",
    )
    .as_u64()
    .unwrap();
    assert!(rows > 50, "{rows} rows");
    run_js(
        &tab,
        "const i = document.querySelector('#ws-delegates .ws-search'); i.value = 'db-001'; i.dispatchEvent(new Event('input'));",
    );
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-delegates tbody tr')].filter(r => !r.hidden).length"
        ),
        1
    );
    type_in(&tab, "delegates", "delegates[0].seat", "B01");
    shot(&tab, "5-delegates-table.png");
    let (class, text) = save(&tab, "delegates");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/delegates.yaml"), fixture("delegates-seat.yaml"));

    // Rows added, moved and removed: back to the sample, byte for byte.
    let seat_saved = read("data/delegates.yaml");
    let click = |what: &str, sel: &str| {
        run_js(
            &tab,
            &format!(
                "const m = document.querySelector('#ws-delegates .ws-msg'); m.textContent = ''; document.querySelector('#ws-delegates {sel}').click();"
            ),
        );
        let m = wait_js(
            &tab,
            what,
            "(() => { const m = document.querySelector('#ws-delegates .ws-msg'); return m.textContent !== '' && !document.getElementById('ws-delegates').dataset.saving && [m.className, m.textContent]; })()",
        );
        assert!(m[0].as_str().unwrap().contains("ok"), "{what}: {m}");
    };
    click("a row added", ".ws-add");
    assert_eq!(
        js(
            &tab,
            "document.querySelectorAll('#ws-delegates tbody tr').length"
        )
        .as_u64()
        .unwrap(),
        rows + 1
    );
    let added = read("data/delegates.yaml");
    assert!(
        added.starts_with(&seat_saved) && added.len() > seat_saved.len(),
        "a row appended at the end:\n{}",
        &added[seat_saved.len().saturating_sub(200)..]
    );
    click(
        "the new row removed",
        &format!("tbody tr:nth-child({}) .ws-remove", rows + 1),
    );
    assert_eq!(
        read("data/delegates.yaml"),
        seat_saved,
        "removing the added row gives the file back"
    );
    click(
        "row 1 moved down",
        "tbody tr:nth-child(1) button[title=\"Xuống\"]",
    );
    assert!(read("data/delegates.yaml") != seat_saved, "the row moved");
    assert_eq!(
        js(
            &tab,
            "document.querySelector('#ws-delegates tbody tr:nth-child(2) input').value"
        ),
        "db-001"
    );
    click(
        "row 2 moved up",
        "tbody tr:nth-child(2) button[title=\"Lên\"]",
    );
    assert_eq!(
        read("data/delegates.yaml"),
        seat_saved,
        "moved back: the file as it was"
    );
    for _ in 0..4 {
        run_js(
            &tab,
            "document.getElementById('ws-status').textContent = ''; document.getElementById('ws-undo').click();",
        );
        wait_js(
            &tab,
            "an undo",
            "document.getElementById('ws-status').textContent !== ''",
        );
    }
    assert_eq!(read("data/delegates.yaml"), seat_saved);

    // Each later undo takes one save back, last first.
    for (rel, sample) in [
        ("data/delegates.yaml", "delegates"),
        ("data/agenda.yaml", "agenda"),
        ("data/decision.yaml", "decision"),
    ] {
        run_js(
            &tab,
            "document.getElementById('ws-status').textContent = ''; document.getElementById('ws-undo').click();",
        );
        wait_js(
            &tab,
            "an undo",
            "document.getElementById('ws-status').textContent !== ''",
        );
        assert_eq!(
            read(rel),
            std::fs::read_to_string(common::repo().join(format!("data/{sample}.yaml"))).unwrap(),
            "{rel} undone"
        );
    }
}

/// The time from pressing Save in a form to the plan's new first page image loaded in the
/// page (its load event, or where the page could not see it, the poll that found it): printed (the median goes in the notes); no time is asserted. In the suite it runs 3
/// saves, enough to keep the measure working; `VINHDANH_SAVES=20` with `--nocapture` gives the
/// median of 20 that docs/sua-tren-trang.md reports (the other tests would load the machine:
/// run it alone, `-- workspace::time_from`). With `VINHDANH_TRACE=1` too, serve's timestamps
/// follow, beside `test-save` and `test-image` on the same clock.
#[test]
fn time_from_a_save_to_the_new_page_images() {
    let saves: usize = std::env::var("VINHDANH_SAVES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3)
        .max(1);
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    open_section(&tab, "conference");
    // The time the new image loaded, taken by the page as it happens: a poll (every 50 ms,
    // each a round trip to the browser) alone added up to a poll's time to the measure.
    run_js(
        &tab,
        "window.__t1 = 0; document.addEventListener('load', e => { const i = document.querySelector('[data-name=\"ke-hoach.pdf\"] > .pages img'); if (e.target === i && i.getAttribute('src') !== window.__before && !window.__t1) window.__t1 = performance.now(); }, true);",
    );
    let mut times = Vec::new();
    for k in 0..saves {
        let before = js(&tab, PLAN_IMAGE);
        run_js(
            &tab,
            &format!("window.__before = {before}; window.__t1 = 0;"),
        );
        type_in(
            &tab,
            "conference",
            "conference.venue",
            &format!("Nhà Văn hoá thôn Hà Tiên, phòng {}", k + 1),
        );
        vinhdanh::trace!("test-save {k}");
        run_js(
            &tab,
            "window.__t0 = performance.now(); document.querySelector('#ws-conference .ws-save').click();",
        );
        let ms = wait_js(
            &tab,
            "the new plan image",
            &format!(
                "(() => {{ const i = document.querySelector('[data-name=\"ke-hoach.pdf\"] > .pages img'); return i && i.getAttribute('src') !== {before} && i.complete && i.naturalWidth > 0 && (window.__t1 || performance.now()) - window.__t0; }})()"
            ),
        );
        times.push(ms.as_f64().unwrap());
        vinhdanh::trace!("test-image {k} {ms}");
        wait_js(
            &tab,
            "settled",
            "document.body.dataset.busy === '0' && !document.querySelector('#ws-conference .ws-changed')",
        );
    }
    times.sort_by(f64::total_cmp);
    let n = times.len();
    let median = (times[(n - 1) / 2] + times[n / 2]) / 2.0;
    eprintln!("save → new plan image, ms (sorted): {times:?}\nmedian of {n}: {median:.0} ms");
    if vinhdanh::trace::on() {
        // Serve's own timestamps (VINHDANH_TRACE), beside this test's, on one clock.
        eprint!("{}", s.log.lock().unwrap());
    }
}

/// Differences between two YAML values, by path (`body[2].body[0].list[1]`).
fn differences(path: &str, a: &serde_yaml::Value, b: &serde_yaml::Value, out: &mut Vec<String>) {
    use serde_yaml::Value as Y;
    match (a, b) {
        (Y::Sequence(x), Y::Sequence(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                differences(&format!("{path}[{i}]"), p, q, out);
            }
        }
        (Y::Mapping(x), Y::Mapping(y))
            if x.keys().collect::<Vec<_>>() == y.keys().collect::<Vec<_>>() =>
        {
            for (k, p) in x {
                differences(
                    &format!("{path}.{}", k.as_str().unwrap_or("?")),
                    p,
                    &y[k],
                    out,
                );
            }
        }
        _ if a == b => {}
        _ => out.push(format!(
            "{path}:\n  sample: {}\n  pasted: {}",
            serde_yaml::to_string(a).unwrap().trim(),
            serde_yaml::to_string(b).unwrap().trim()
        )),
    }
}

/// "Dán từ Word": the seed plan's text (shared/seed/), pasted and confirmed, becomes the sample
/// plan.yaml's body: the same sections, headings, numbered items, lists and paragraphs; the
/// parts the sample makes from other data (composition, agenda, duties) kept; the only
/// differences are where the sample writes a placeholder and the seed its printed value.
#[test]
fn the_seed_plan_pasted_from_word_becomes_the_sample_body() {
    let Some(chrome) = chromium() else { return };
    let seed = [
        "../shared/seed/ke-hoach-thuong-hong.txt",
        "../../shared/seed/ke-hoach-thuong-hong.txt",
    ]
    .iter()
    .map(|p| common::repo().join(p))
    .find(|p| p.is_file());
    let Some(seed) = seed else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("shared/seed/ke-hoach-thuong-hong.txt is beside the repository in CI");
        }
        eprintln!("SKIPPED: no shared/seed/ beside the repository");
        return;
    };
    let seed = std::fs::read_to_string(seed).unwrap();
    let s = Serve::start(&[]);
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    run_js(
        &tab,
        &format!(
            "document.getElementById('ws-paste').open = true; const a = document.getElementById('paste-text'); a.value = {}; document.getElementById('paste-show').click();",
            serde_json::to_string(&seed).unwrap()
        ),
    );
    let tree = wait_js(
        &tab,
        "the structure",
        "(() => { const t = document.querySelector('#paste-preview .paste-tree'); return t && [...t.querySelectorAll('.pt-section')].map(s => s.firstChild.textContent); })()",
    );
    assert_eq!(
        tree,
        json!([
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. HÌNH THỨC, THỜI GIAN, THÀNH PHẦN VÀ SỐ LƯỢNG ĐẠI BIỂU",
            "III. CHƯƠNG TRÌNH HỘI NGHỊ",
            "IV. TỔ CHỨC THỰC HIỆN"
        ]),
        "the sections as they will print"
    );
    // Italic and bold pasted as Word's HTML are kept; "+" items, "1.1." subheadings.
    assert_eq!(
        js(
            &tab,
            "PASTE.htmlToText('<p class=MsoNormal>Căn cứ <i>Luật Thi đua</i>, <b>khen thưởng</b></p><p class=MsoListParagraph><span style=\"mso-list:Ignore\">-</span> <span style=\"font-style:italic\">mục</span></p>')"
        ),
        "Căn cứ *Luật Thi đua*, **khen thưởng**\n- *mục*"
    );
    assert_eq!(
        js(
            &tab,
            "PASTE.parse('I. A\\n1. Đề mục\\n+ ý một\\n- ý hai\\n1.1. Nhỏ:\\nĐoạn.\\n2. Một\\n3. Hai')"
        ),
        json!([{"section": "A", "body": [
            {"heading": "Đề mục", "body": [{"list": ["ý một", "ý hai"]}, {"subheading": "1.1. Nhỏ:"}, {"p": "Đoạn."}]},
            {"numbered": ["Một", "Hai"]}
        ]}])
    );
    run_js(
        &tab,
        "document.getElementById('ws-paste').scrollIntoView();",
    );
    shot(&tab, "6-paste-structure.png");
    assert_eq!(
        std::fs::read_to_string(s.project().join("data/plan.yaml")).unwrap(),
        std::fs::read_to_string(common::repo().join("data/plan.yaml")).unwrap(),
        "nothing replaced before the clerk confirms"
    );
    run_js(
        &tab,
        "document.querySelector('#ws-paste .ws-msg').textContent = ''; document.getElementById('paste-apply').click();",
    );
    let m = wait_js(
        &tab,
        "the body replaced",
        "(() => { const m = document.querySelector('#ws-paste .ws-msg'); return m.textContent !== '' && !document.getElementById('ws-paste').dataset.saving && [m.className, m.textContent]; })()",
    );
    assert!(m[0].as_str().unwrap().contains("ok"), "{m}");
    let read = |p: &Path| -> serde_yaml::Value {
        let v: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        v["plan"]["body"].clone()
    };
    let sample = read(&common::repo().join("data/plan.yaml"));
    let pasted = read(&s.project().join("data/plan.yaml"));
    let mut diff = Vec::new();
    differences("body", &sample, &pasted, &mut diff);
    // Only the two items where the sample writes {conference.…} and the seed the value.
    let paths: Vec<&str> = diff.iter().map(|d| d.split(':').next().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "body[3].body[0].body[0].list[1]",
            "body[3].body[0].body[0].list[2]"
        ],
        "{}",
        diff.join("\n")
    );
    assert!(
        diff[1].contains("{conference.venue}") && diff[1].contains("Nhà Văn hoá thôn Hà Tiên"),
        "{}",
        diff[1]
    );
}

/// Every label the workspace's scripts use is in the page, in the language vinhdanh was
/// started with; with `--lang en` the workspace's own words are English.
#[test]
fn the_workspace_labels_exist_and_follow_lang() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&["--lang", "en"]);
    let get = |p: &str| {
        let (status, body) = request(s.port, "GET", p, &[("Host", &s.host())], b"");
        assert_eq!(status, 200, "{p}");
        String::from_utf8(body).unwrap()
    };
    let page = get("/");
    let labels: Value = serde_json::from_str(
        page.split("<script id=\"labels\" type=\"application/json\">")
            .nth(1)
            .and_then(|r| r.split("</script>").next())
            .unwrap(),
    )
    .unwrap();
    let mut used = std::collections::BTreeSet::new();
    for script in ["/workspace.js", "/paste.js"] {
        let text = get(script);
        for (i, _) in text.match_indices("ws_") {
            let before = &text[..i];
            if before.ends_with("L.") || before.ends_with("W(\"") {
                let key: String = text[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                used.insert(key);
            }
        }
    }
    let forms = get("/forms.js");
    for (i, _) in forms.match_indices("l: \"fl_") {
        let key: String = forms[i + 4..].chars().take_while(|c| *c != '"').collect();
        used.insert(key);
    }
    used.insert("paste_title".into());
    used.insert("paste_end".into());
    assert!(used.len() > 100, "{used:?}");
    for key in &used {
        assert!(labels[key].is_string(), "label {key} missing from the page");
    }
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    open_section(&tab, "signature");
    let words = js(
        &tab,
        "({title: document.querySelector('#workspace h2').textContent, sections: [...document.querySelectorAll('.ws-section > summary')].map(s => s.firstChild.textContent), mode: document.querySelector('#ws-signature select').closest('label').textContent})",
    );
    assert_eq!(words["title"], "Edit the conference's data");
    assert_eq!(words["sections"][1], "Default signer");
    assert_eq!(
        words["sections"][4],
        "Signer of the decision and certificates"
    );
    assert_eq!(words["sections"][6], "Delegate composition");
    assert_eq!(words["sections"][7], "Honour quotas");
    assert_eq!(
        words["sections"][13],
        "The plan's body: sections, headings, paragraphs"
    );
    assert_eq!(words["sections"][14], "The plan's body: paste from Word");
    let mode = words["mode"].as_str().unwrap();
    assert!(
        mode.contains("Signing mode") && mode.contains("“KT.” (signing for)"),
        "{mode}"
    );
    run_js(
        &tab,
        "document.getElementById('ws-signature').scrollIntoView();",
    );
    shot(&tab, "7-signer-en.png");
}

/// The sample delegate list as the office's Excel file, with the group of its first delegate
/// (cell E4) changed to one the plan does not have.
fn delegates_xlsx_with_a_wrong_group() -> Vec<u8> {
    use std::io::Read;
    let src = std::fs::read(common::repo().join("data/examples/delegates.xlsx")).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let t = String::from_utf8(data).unwrap();
            assert!(t.contains("<c r=\"E4\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Đại biểu thành phố</t>"), "E4 is the first delegate's group");
            data = t
                .replacen(">Đại biểu thành phố<", ">Nhóm không có trong Kế hoạch<", 1)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// An .xlsx dropped onto the page replaces the list (the old one in the backup), its problem
/// appears at its cell, and "Tải bản đánh dấu lỗi" gives a copy with that cell marked.
#[test]
fn an_xlsx_dropped_in_replaces_the_list_and_its_problems_show_at_their_cells() {
    let Some(chrome) = chromium() else { return };
    // The office's lists: the delegates as the sample Excel file.
    let s = Serve::start_setup(&[], |p| {
        std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
        std::fs::copy(
            common::repo().join("data/examples/delegates.xlsx"),
            p.join("data/delegates.xlsx"),
        )
        .unwrap();
    });
    let old = std::fs::read(s.project().join("data/delegates.xlsx")).unwrap();
    let new = delegates_xlsx_with_a_wrong_group();
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    // The YAML table of a list kept in Excel says where the list is, with nothing to save.
    run_js(
        &tab,
        "document.querySelector('.ws-table[data-file=\"data/delegates.yaml\"]').open = true;",
    );
    let note = wait_js(
        &tab,
        "the table's note",
        "(() => { const d = document.querySelector('.ws-table[data-file=\"data/delegates.yaml\"]'); const n = d.querySelector('.ws-note'); return n && d.querySelector('.ws-save').hidden && n.textContent; })()",
    );
    assert!(
        note.as_str()
            .unwrap()
            .contains("lấy từ tệp Excel/CSV trong data/"),
        "{note}"
    );
    run_js(&tab, "document.getElementById('ws-sheets').open = true;");
    wait_js(
        &tab,
        "the lists",
        "(() => { const r = document.querySelector('.ws-sheet[data-file=\"data/delegates.xlsx\"]'); return r && r.textContent.includes('0 vấn đề'); })()",
    );
    // Dropped as a browser drops a file.
    drop_file(&tab, &new, "delegates.xlsx");
    // The list has a file now: the page asks before replacing it, the list told by the
    // header row already chosen.
    let asked = wait_js(
        &tab,
        "the question",
        "(() => { const c = document.getElementById('sheet-choice'); const r = c.querySelector('input:checked'); return !c.hidden && r && [r.value, c.textContent]; })()",
    );
    assert_eq!(asked[0], "delegates");
    assert!(
        asked[1]
            .as_str()
            .unwrap()
            .contains("sẽ thay data/delegates.xlsx"),
        "{asked}"
    );
    assert_eq!(
        std::fs::read(s.project().join("data/delegates.xlsx")).unwrap(),
        old,
        "nothing replaced before the clerk confirms"
    );
    run_js(&tab, "document.getElementById('sheet-confirm').click();");
    let problem = wait_js(
        &tab,
        "the problem at its cell",
        "(() => { const li = [...document.querySelectorAll('#errors li')].find(l => l.dataset.file === 'data/delegates.xlsx'); return li && li.textContent; })()",
    );
    let problem = problem.as_str().unwrap();
    assert!(
        problem.contains("data/delegates.xlsx, dòng 4, cột E")
            && problem.contains("Nhóm không có trong Kế hoạch"),
        "{problem}"
    );
    assert_eq!(
        std::fs::read(s.project().join("data/delegates.xlsx")).unwrap(),
        new,
        "the dropped file, as dropped"
    );
    let backup = std::fs::read_dir(s.project())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("data.bak-"))
        .expect("a backup");
    assert_eq!(
        std::fs::read(backup.path().join("delegates.xlsx")).unwrap(),
        old,
        "the old list in the backup"
    );
    wait_js(
        &tab,
        "the count",
        "(() => { const r = document.querySelector('.ws-sheet[data-file=\"data/delegates.xlsx\"] .ws-bad'); return r && r.textContent; })()",
    );
    run_js(
        &tab,
        "document.getElementById('ws-sheets').scrollIntoView();",
    );
    shot(&tab, "8-xlsx-dropped.png");

    // The marked copy: E4 red, with a note saying what is wrong.
    let token = s.token();
    let (status, bytes) = request(
        s.port,
        "POST",
        "/api/marked",
        &[
            ("Host", &s.host()),
            ("Origin", &s.origin()),
            ("X-Vinhdanh-Token", &token),
        ],
        br#"{"file": "data/delegates.xlsx"}"#,
    );
    assert_eq!(status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        use std::io::Read;
        let mut t = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut t).unwrap();
        t
    };
    let comments = read("xl/comments1.xml");
    assert!(comments.contains("ref=\"E4\""), "{comments}");
    assert!(
        comments.contains("Nhóm không có trong Kế hoạch"),
        "{comments}"
    );
    let sheet = read("xl/sharedStrings.xml");
    assert!(sheet.contains("Vũ Đức Thắng"), "the list's values are kept");
    assert!(read("xl/styles.xml").contains("FFC7CE"), "the red fill");
    assert_eq!(
        std::fs::read(s.project().join("data/delegates.xlsx")).unwrap(),
        new,
        "the clerk's file untouched"
    );
}

/// Clicks `button` (a selector) and waits for the section's message; returns (class, text).
fn click_and_wait(tab: &headless_chrome::Tab, id: &str, button: &str) -> (String, String) {
    run_js(
        tab,
        &format!(
            "const m = document.querySelector('#ws-{id} .ws-msg'); m.textContent = ''; document.querySelector('#ws-{id} {button}').click();"
        ),
    );
    let v = wait_js(
        tab,
        &format!("the message of {id} after {button}"),
        &format!(
            "(() => {{ const m = document.querySelector('#ws-{id} .ws-msg'); return m.textContent && !document.querySelector('#ws-{id}').dataset.saving && [m.className, m.textContent]; }})()"
        ),
    );
    (
        v[0].as_str().unwrap().to_string(),
        v[1].as_str().unwrap().to_string(),
    )
}

#[test]
fn composition_tree_and_a_documents_own_signer_are_edited_on_the_page() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let read = |rel: &str| std::fs::read_to_string(p.join(rel)).unwrap();
    let original_decision = std::fs::read(p.join("data/decision.yaml")).unwrap();
    let original_plan = std::fs::read(p.join("data/plan.yaml")).unwrap();
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1100));

    // The composition as a tree: every group a row, indented by its depth.
    open_section(&tab, "composition");
    let rows = js(
        &tab,
        "[...document.querySelectorAll('#ws-composition .ws-group-row')].map(r => [r.dataset.path, r.querySelector('code').textContent, parseFloat(r.style.marginLeft) || 0])",
    );
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows.len(),
        1 + 4 + 8 + 3 + 1,
        "the total, 4 groups, their 12 subgroups"
    );
    assert_eq!(rows[0], json!(["composition", "total", 0]));
    assert_eq!(
        rows[3],
        json!(["composition.groups[1].groups[0]", "party-standing", 3.6])
    );
    run_js(
        &tab,
        "document.getElementById('ws-composition').scrollIntoView();",
    );
    shot(&tab, "20-composition-tree.png");
    // A group's count, and a subgroup added to a group that had none: one save.
    type_in(&tab, "composition", "composition.groups[0].count", "5");
    let (class, text) = click_and_wait(
        &tab,
        "composition",
        ".ws-group-row[data-path=\"composition.groups[0]\"] .ws-add-child",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/plan.yaml"), fixture("plan-composition.yaml"));
    wait_js(
        &tab,
        "the new subgroup's row",
        "document.querySelector('#ws-composition .ws-group-row[data-path=\"composition.groups[0].groups[0]\"]')",
    );
    run_js(
        &tab,
        "document.querySelector('#ws-composition .ws-group-row[data-path=\"composition.groups[0].groups[0]\"]').scrollIntoView({block: 'center'});",
    );
    shot(&tab, "21-composition-subgroup-added.png");
    // The new counts disagree with the delegates' list (an error that stops the documents):
    // undone, the plan is byte for byte the sample's again.
    run_js(&tab, "document.getElementById('ws-undo').click();");
    wait_js(
        &tab,
        "the undo",
        "document.getElementById('ws-status').textContent.includes('hoàn tác')",
    );
    assert_eq!(
        std::fs::read(p.join("data/plan.yaml")).unwrap(),
        original_plan
    );
    run_js(
        &tab,
        "document.getElementById('ws-composition').open = false;",
    );

    // The honour quotas: one row each.
    open_section(&tab, "honours");
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-honours .ws-group-row')].map(r => r.querySelector('[data-path$=\".kind\"]').value + ' ' + r.querySelector('[data-path$=\".min\"]').value + '-' + r.querySelector('[data-path$=\".max\"]').value)",
        ),
        json!(["collective 10-15", "individual 30-35"])
    );
    run_js(&tab, "document.getElementById('ws-honours').open = false;");

    // The decision's own signer: `signature: ~` (the default signer) made from the default,
    // its name changed, saved; the decision's PDF names the new signer.
    run_js(
        &tab,
        "document.getElementById('ws-signer-decision').open = true;",
    );
    let said = wait_js(
        &tab,
        "the default signer's line",
        "(() => { const e = document.querySelector('#ws-signer-decision .ws-signer-default'); return e && e.textContent; })()",
    );
    assert!(said.as_str().unwrap().contains("Hà Thị Thủy"), "{said}");
    assert!(
        js(
            &tab,
            "document.querySelector('#ws-signer-decision .ws-body').textContent"
        )
        .as_str()
        .unwrap()
        .contains("Nghị định 30/2020"),
        "the ND30 modes explained before the signer is made"
    );
    run_js(
        &tab,
        "document.getElementById('ws-signer-decision').scrollIntoView();",
    );
    shot(&tab, "22-signer-default.png");
    let (class, text) = click_and_wait(&tab, "signer-decision", ".ws-signer-make");
    assert!(class.contains("ok"), "{class}: {text}");
    wait_js(
        &tab,
        "the signer's fields",
        "document.querySelector('#ws-signer-decision [data-path=\"signature.name\"]')",
    );
    type_in(&tab, "signer-decision", "signature.name", "Nguyễn Văn Bình");
    let (class, text) = save(&tab, "signer-decision");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/decision.yaml"), fixture("decision-signer.yaml"));
    assert!(
        js(
            &tab,
            "document.querySelector('#ws-signer-decision [data-path=\"signature.mode\"]').closest('label').textContent"
        )
        .as_str()
        .unwrap()
        .contains("Nghị định 30/2020"),
        "the ND30 modes explained in place"
    );
    shot(&tab, "23-signer-own.png");
    let pdf = p.join("output/quyet-dinh-khen-thuong.pdf");
    let start = Instant::now();
    loop {
        let st = s.state();
        if done(&st) && pdf.exists() && common::pdf_text(&pdf).contains("Nguyễn Văn Bình") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the decision's PDF never named the new signer; state: {st}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // Dropped again: back to `signature: ~`, the file byte for byte as it was.
    let (class, text) = click_and_wait(&tab, "signer-decision", ".ws-signer-drop");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        std::fs::read(p.join("data/decision.yaml")).unwrap(),
        original_decision
    );
    wait_js(
        &tab,
        "the default signer's line again",
        "document.querySelector('#ws-signer-decision .ws-signer-default')",
    );

    // The plan has no `signature:` of its own: made, it is added at the end of `plan:`; dropped,
    // the key goes and the file is byte for byte the sample's.
    run_js(
        &tab,
        "document.getElementById('ws-signer-plan').open = true;",
    );
    wait_js(
        &tab,
        "the plan's default signer line",
        "document.querySelector('#ws-signer-plan .ws-signer-make')",
    );
    let (class, text) = click_and_wait(&tab, "signer-plan", ".ws-signer-make");
    assert!(class.contains("ok"), "{class}: {text}");
    let made = read("data/plan.yaml");
    let sample = String::from_utf8(original_plan.clone()).unwrap();
    let archive = "  archive: VT, VHXH         # dòng \"- Lưu: VT, VHXH.\"\n";
    assert_eq!(
        made,
        sample.replacen(
            archive,
            &format!("{archive}  signature:\n    on_behalf: ỦY BAN NHÂN DÂN\n    mode: ~\n    head: CHỦ TỊCH\n    position: CHỦ TỊCH\n    name: Hà Thị Thủy\n    image: ~\n"),
            1
        )
    );
    let (class, text) = click_and_wait(&tab, "signer-plan", ".ws-signer-drop");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        std::fs::read(p.join("data/plan.yaml")).unwrap(),
        original_plan
    );
}

/// Presses the workspace's undo and waits for its message.
fn undo(tab: &headless_chrome::Tab) {
    run_js(
        tab,
        "document.getElementById('ws-status').textContent = ''; document.getElementById('ws-undo').click();",
    );
    wait_js(
        tab,
        "an undo",
        "document.getElementById('ws-status').textContent.includes('hoàn tác')",
    );
}

/// Waits until the page has redrawn the section after a save (the file read again).
fn rows_of(tab: &headless_chrome::Tab, id: &str) -> Value {
    js(
        tab,
        &format!(
            "[...document.querySelectorAll('#ws-{id} .ws-group-row')].map(r => r.dataset.path + ' ' + r.querySelector('code').textContent)"
        ),
    )
}

/// The parsed YAML of a file of the project.
fn yaml(p: &Path, rel: &str) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(p.join(rel)).unwrap()).unwrap()
}

/// The composition tree's ↑ ↓ and ✕, its "soft" choice and the quotas' add, clicked in the
/// page: each save changes the plan by exactly those lines (the rest byte for byte), the values
/// read back as the clerk set them, and the page and the plan's PDF follow.
#[test]
fn composition_reorder_remove_soft_and_a_new_quota_clicked_on_the_page() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let read = |rel: &str| std::fs::read_to_string(p.join(rel)).unwrap();
    let original = read("data/plan.yaml");
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1100));
    open_section(&tab, "composition");
    let party = "        - {id: party-standing, label: Thường trực Đảng ủy, count: 2}\n";
    let leaders = "        - {id: ubnd-leaders, label: Lãnh đạo UBND xã, count: 3}\n";

    // ↓ on the commune's first subgroup: it and the next change places, nothing else.
    let (class, text) = click_and_wait(
        &tab,
        "composition",
        ".ws-group-row[data-path=\"composition.groups[1].groups[0]\"] button[title=\"Xuống\"]",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        read("data/plan.yaml"),
        original.replacen(
            &format!("{party}{leaders}"),
            &format!("{leaders}{party}"),
            1
        )
    );
    let y = yaml(&p, "data/plan.yaml");
    assert_eq!(
        y["composition"]["groups"][1]["groups"][0]["id"],
        "ubnd-leaders"
    );
    assert_eq!(
        y["composition"]["groups"][1]["groups"][1]["id"],
        "party-standing"
    );
    wait_js(
        &tab,
        "the tree redrawn",
        "(() => { const r = document.querySelector('#ws-composition .ws-group-row[data-path=\"composition.groups[1].groups[0]\"] code'); return r && r.textContent === 'ubnd-leaders'; })()",
    );
    // The plan, built again, prints the two in their new order.
    let pdf = p.join("output/ke-hoach.pdf");
    let start = Instant::now();
    loop {
        let text = common::squash(&common::pdf_text(&pdf));
        let (a, b) = (
            text.find("Lãnh đạo UBND xã"),
            text.find("Thường trực Đảng ủy:"),
        );
        if done(&s.state()) && matches!((a, b), (Some(a), Some(b)) if a < b) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the plan never printed the new order"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    run_js(
        &tab,
        "document.querySelector('#ws-composition .ws-group-row[data-path=\"composition.groups[1]\"]').scrollIntoView();",
    );
    shot(&tab, "30-composition-moved.png");
    undo(&tab);
    assert_eq!(read("data/plan.yaml"), original);

    // ✕ on a village group: its line goes; the villages' count no longer adds up, which the
    // problems panel says once the documents are built again (as a draft).
    let head = "        - {id: village-head, label: Trưởng thôn, count: 7}\n";
    wait_js(
        &tab,
        "the tree after the undo",
        "document.querySelector('#ws-composition .ws-group-row[data-path=\"composition.groups[2].groups[2]\"]')",
    );
    let (class, text) = click_and_wait(
        &tab,
        "composition",
        ".ws-group-row[data-path=\"composition.groups[2].groups[2]\"] .ws-remove",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/plan.yaml"), original.replacen(head, "", 1));
    let y = yaml(&p, "data/plan.yaml");
    assert_eq!(
        y["composition"]["groups"][2]["groups"]
            .as_sequence()
            .unwrap()
            .len(),
        2
    );
    let ids = rows_of(&tab, "composition");
    assert!(
        !ids.to_string().contains("village-head"),
        "the row is gone: {ids}"
    );
    let problem = wait_js(
        &tab,
        "the count's problem on the page",
        "(() => { const li = [...document.querySelectorAll('#errors li')].find(l => l.dataset.file === 'data/plan.yaml'); return document.body.dataset.busy === '0' && li && li.textContent; })()",
    );
    assert!(
        problem.as_str().unwrap().contains("24"),
        "the villages' 24 no longer adds up: {problem}"
    );
    shot(&tab, "31-composition-removed.png");
    undo(&tab);
    assert_eq!(read("data/plan.yaml"), original);

    // "Mềm" on the city's group (a block mapping without the key): `soft: true` is added at the
    // end of its mapping; back to "không", it is written `false`.
    wait_js(
        &tab,
        "the soft choice",
        "document.querySelector('#ws-composition [data-put=\"composition.groups[0].soft\"]')",
    );
    run_js(
        &tab,
        "const e = document.querySelector('#ws-composition [data-put=\"composition.groups[0].soft\"]'); e.value = 'true'; e.dispatchEvent(new Event('change'));",
    );
    let (class, text) = save(&tab, "composition");
    assert!(class.contains("ok"), "{class}: {text}");
    let note_end = "công chức Ban Thi đua - Khen thưởng phụ trách xã Thượng Hồng.\n";
    let soft = original.replacen(note_end, &format!("{note_end}      soft: true\n"), 1);
    assert_eq!(read("data/plan.yaml"), soft);
    assert_eq!(
        yaml(&p, "data/plan.yaml")["composition"]["groups"][0]["soft"],
        serde_yaml::Value::Bool(true)
    );
    wait_js(
        &tab,
        "the soft field",
        "(() => { const e = document.querySelector('#ws-composition [data-path=\"composition.groups[0].soft\"]'); return e && e.value === 'true'; })()",
    );
    run_js(
        &tab,
        "const e = document.querySelector('#ws-composition [data-path=\"composition.groups[0].soft\"]'); e.value = 'false'; e.dispatchEvent(new Event('input'));",
    );
    let (class, text) = save(&tab, "composition");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        read("data/plan.yaml"),
        soft.replacen("soft: true", "soft: false", 1)
    );
    // A subgroup written on one line gets the key inside its braces.
    run_js(
        &tab,
        "const e = document.querySelector('#ws-composition [data-put=\"composition.groups[2].groups[0].soft\"]'); e.value = 'true'; e.dispatchEvent(new Event('change'));",
    );
    let (class, text) = save(&tab, "composition");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        read("data/plan.yaml"),
        soft.replacen("soft: true", "soft: false", 1).replacen(
            "{id: village-secretary-head, label: Bí thư kiêm Trưởng thôn, count: 10}",
            "{id: village-secretary-head, label: Bí thư kiêm Trưởng thôn, count: 10, soft: true}",
            1
        )
    );
    shot(&tab, "32-composition-soft.png");
    for _ in 0..3 {
        undo(&tab);
    }
    assert_eq!(read("data/plan.yaml"), original);
    run_js(
        &tab,
        "document.getElementById('ws-composition').open = false;",
    );

    // A new quota: a row at the end of `honours`, the blank line and comment after the list
    // kept; the page shows three rows.
    open_section(&tab, "honours");
    let (class, text) = click_and_wait(&tab, "honours", ".ws-tree > .ws-add");
    assert!(class.contains("ok"), "{class}: {text}");
    let last = "  - {id: individuals, kind: individual, label: Cá nhân đề nghị khen thưởng, min: 30, max: 35, unit: cá nhân}\n";
    assert_eq!(
        read("data/plan.yaml"),
        original.replacen(
            last,
            &format!("{last}  - id: khen-1\n    kind: individual\n    label: Khen thưởng mới\n    min: 1\n    max: 1\n"),
            1
        )
    );
    let y = yaml(&p, "data/plan.yaml");
    assert_eq!(y["honours"][2]["label"], "Khen thưởng mới");
    assert_eq!(y["honours"][2]["max"], serde_yaml::Value::from(1));
    wait_js(
        &tab,
        "three quota rows",
        "document.querySelectorAll('#ws-honours .ws-group-row').length === 3",
    );
    run_js(
        &tab,
        "document.getElementById('ws-honours').scrollIntoView();",
    );
    shot(&tab, "33-quota-added.png");
    undo(&tab);
    assert_eq!(read("data/plan.yaml"), original);
}

/// A value is checked as it is typed, by the server's loader and rules (no file written): a
/// date that does not exist is said under its field; typed right, the message goes. A group
/// the plan does not have, typed in the delegates' table, is said under its cell.
#[test]
fn a_bad_value_is_said_under_its_field_as_it_is_typed_nothing_saved() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let before = sources(&p);
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    open_section(&tab, "conference");
    let field_msg = |id: &str, path: &str| {
        format!(
            "(() => {{ const i = document.querySelector('#ws-{id} [data-path=\"{path}\"]'); const m = i.closest('.ws-field, td').querySelector('.ws-check'); return m ? m.textContent : null; }})()"
        )
    };
    type_in(&tab, "conference", "conference.date", "2025-02-30");
    let said = wait_js(
        &tab,
        "the date's message",
        &field_msg("conference", "conference.date"),
    );
    let said = said.as_str().unwrap();
    assert!(said.contains("2025-02-30"), "{said}");
    assert!(
        js(
            &tab,
            "document.querySelector('#ws-conference [data-path=\"conference.date\"]').getAttribute('aria-invalid')"
        ) == "true"
    );
    run_js(
        &tab,
        "document.querySelector('#ws-conference [data-path=\"conference.date\"]').scrollIntoView({block: 'center'});",
    );
    shot(&tab, "40-bad-date-said.png");
    type_in(&tab, "conference", "conference.date", "tháng tám");
    wait_js(
        &tab,
        "the text's message",
        &format!(
            "({} || '').length > 0 && !({} || '').includes('2025-02-30')",
            field_msg("conference", "conference.date"),
            field_msg("conference", "conference.date")
        ),
    );
    type_in(&tab, "conference", "conference.date", "2025-08-29");
    wait_js(
        &tab,
        "the message gone",
        &format!("{} === null", field_msg("conference", "conference.date")),
    );
    assert_eq!(
        js(
            &tab,
            "document.querySelector('#ws-conference [data-path=\"conference.date\"]').getAttribute('aria-invalid')"
        ),
        Value::Null
    );
    shot(&tab, "41-date-fixed.png");
    assert_eq!(sources(&p), before, "nothing was written while typing");

    // A group the plan does not have, in the delegates' table.
    open_section(&tab, "delegates");
    type_in(&tab, "delegates", "delegates[0].group", "nhom-khong-co");
    let said = wait_js(
        &tab,
        "the group's message",
        &format!(
            "({} || '').length > 0 && {}",
            field_msg("delegates", "delegates[0].group"),
            field_msg("delegates", "delegates[0].group")
        ),
    );
    assert!(said.as_str().unwrap().contains("nhom-khong-co"), "{said}");
    run_js(
        &tab,
        "document.querySelector('#ws-delegates [data-path=\"delegates[0].group\"]').scrollIntoView({block: 'center'});",
    );
    shot(&tab, "42-bad-group-said.png");
    assert_eq!(sources(&p), before, "nothing was written while typing");
}

/// The plan's body edited in place: each block a field, numbered as the plan prints it; a
/// paragraph and a heading retyped, a bulleted line moved, a paragraph added: each save
/// changes exactly those lines of the plan, and the plan's PDF prints them.
#[test]
fn the_plans_blocks_are_edited_in_place() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let read = |rel: &str| std::fs::read_to_string(p.join(rel)).unwrap();
    let original = read("data/plan.yaml");
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1100));
    open_section(&tab, "body");
    // Numbered as printed: four sections, three headings in the second.
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-body .ws-block-section > .ws-num')].map(e => e.textContent)"
        ),
        json!(["I.", "II.", "III.", "IV."])
    );
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-body .ws-block-heading')].map(e => e.querySelector('.ws-num').textContent + ' ' + e.querySelector('input').value)"
        ),
        json!([
            "1. Hình thức, thời gian, địa điểm tổ chức",
            "2. Thành phần đại biểu",
            "3. Số lượng đại biểu:"
        ])
    );
    run_js(&tab, "document.getElementById('ws-body').scrollIntoView();");
    shot(&tab, "50-body-blocks.png");

    // A paragraph and a heading retyped: one save, two lines changed, quoting kept.
    type_in(
        &tab,
        "body",
        "plan.body[1].p",
        "Ủy ban nhân dân xã xây dựng kế hoạch như sau:",
    );
    type_in(
        &tab,
        "body",
        "plan.body[3].body[0].heading",
        "Hình thức và địa điểm tổ chức",
    );
    let (class, text) = save(&tab, "body");
    assert!(class.contains("ok"), "{class}: {text}");
    let retyped = original
        .replacen(
            "    - p: \"Ủy ban nhân dân xã Thượng Hồng xây dựng kế hoạch chi tiết tổ chức Hội nghị tuyên dương điển hình tiên tiến xã lần thứ I (2025 – 2030) như sau:\"\n",
            "    - p: \"Ủy ban nhân dân xã xây dựng kế hoạch như sau:\"\n",
            1,
        )
        .replacen(
            "        - heading: Hình thức, thời gian, địa điểm tổ chức\n",
            "        - heading: Hình thức và địa điểm tổ chức\n",
            1,
        );
    assert_ne!(retyped, original);
    assert_eq!(read("data/plan.yaml"), retyped);

    // A bulleted line moved down: it and the next change places.
    wait_js(
        &tab,
        "the blocks redrawn",
        "document.querySelector('#ws-body .ws-block-line[data-path=\"plan.body[3].body[1].body[0].list[0]\"]')",
    );
    let (class, text) = click_and_wait(
        &tab,
        "body",
        ".ws-block-line[data-path=\"plan.body[3].body[1].body[0].list[0]\"] button[title=\"Xuống\"]",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    let y: serde_yaml::Value = serde_yaml::from_str(&original).unwrap();
    let list = &y["plan"]["body"][3]["body"][1]["body"][0]["list"];
    let (first, second) = (list[0].as_str().unwrap(), list[1].as_str().unwrap());
    let moved = retyped.replacen(
        &format!("                - {first}\n                - {second}\n"),
        &format!("                - {second}\n                - {first}\n"),
        1,
    );
    assert_ne!(moved, retyped);
    assert_eq!(read("data/plan.yaml"), moved);

    // A paragraph added at the end of section I, then typed in.
    let (class, text) = click_and_wait(
        &tab,
        "body",
        ".ws-add-block[data-list=\"plan.body[2].body\"]",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    wait_js(
        &tab,
        "the new paragraph's field",
        "document.querySelector('#ws-body [data-path=\"plan.body[2].body[1].p\"]')",
    );
    let added = "Ủy ban nhân dân xã giao các đơn vị chuẩn bị chu đáo.";
    type_in(&tab, "body", "plan.body[2].body[1].p", added);
    let (class, text) = save(&tab, "body");
    assert!(class.contains("ok"), "{class}: {text}");
    let now = read("data/plan.yaml");
    let y: serde_yaml::Value = serde_yaml::from_str(&now).unwrap();
    assert_eq!(y["plan"]["body"][2]["body"][1]["p"], added);
    // Exactly one line added, right after section I's numbered list; the rest as it was.
    let new_lines: Vec<&str> = now.lines().collect();
    let old_lines: Vec<&str> = moved.lines().collect();
    assert_eq!(new_lines.len(), old_lines.len() + 1);
    let at = new_lines
        .iter()
        .position(|l| l.contains(added))
        .expect("the new paragraph's line");
    assert!(
        new_lines[at].starts_with("        - p: "),
        "{}",
        new_lines[at]
    );
    assert!(new_lines[at + 1].starts_with("    - section: HÌNH THỨC"));
    let mut without = new_lines.clone();
    without.remove(at);
    assert_eq!(without, old_lines);

    // The plan prints them.
    let pdf = p.join("output/ke-hoach.pdf");
    let start = Instant::now();
    loop {
        let text = common::squash(&common::pdf_text(&pdf));
        if done(&s.state())
            && text.contains(added)
            && text.contains("1. Hình thức và địa điểm tổ chức")
            && text.contains("Ủy ban nhân dân xã xây dựng kế hoạch như sau:")
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the plan never printed the edited blocks"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    run_js(
        &tab,
        "document.querySelector('#ws-body [data-path=\"plan.body[2].body[1].p\"]').scrollIntoView({block: 'center'});",
    );
    shot(&tab, "51-body-edited.png");
    for _ in 0..4 {
        undo(&tab);
    }
    assert_eq!(read("data/plan.yaml"), original);
}

/// Drops `bytes` as a file named `name` on the spreadsheet box, as a browser does.
fn drop_file(tab: &headless_chrome::Tab, bytes: &[u8], name: &str) {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    run_js(
        tab,
        &format!(
            "const b = Uint8Array.from(atob('{b64}'), c => c.charCodeAt(0)); const dt = new DataTransfer(); dt.items.add(new File([b], {})); document.getElementById('sheet-drop').dispatchEvent(new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}}));",
            serde_json::to_string(name).unwrap()
        ),
    );
}

/// A list dropped under the office's own file name is saved under the name the loader reads
/// (`data/delegates.xlsx`), the list told by its header row; the page asks before it replaces
/// the list's YAML file, which the backup keeps and one undo brings back.
#[test]
fn a_dropped_list_is_saved_under_the_name_the_loader_reads() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let before = sources(&p);
    let yaml_list = std::fs::read(p.join("data/delegates.yaml")).unwrap();
    // Which list, from the header row (nothing written).
    for (example, name, want) in [
        ("delegates.xlsx", "DS thang 8.xlsx", "delegates"),
        ("honorees.xlsx", "bang 1.xlsx", "honorees"),
        ("delegates.csv", "bang 2.csv", "delegates"),
        ("honorees.csv", "bang 3.csv", "honorees"),
    ] {
        let bytes = std::fs::read(common::repo().join("data/examples").join(example)).unwrap();
        let (status, answer) = s.post(&format!("/api/sheet?name={}", percent(name)), &bytes);
        assert_eq!(status, 200, "{example}: {answer}");
        assert_eq!(answer["guess"], want, "{example}: {answer}");
    }
    let (status, answer) = s.post("/api/sheet?name=ghi-chu.csv", b"Ngay,Viec\n1,2\n");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["guess"], Value::Null, "no list's header: {answer}");
    assert_eq!(
        answer["lists"],
        json!([
            {"list": "delegates", "file": "data/delegates.csv", "existing": ["data/delegates.yaml"]},
            {"list": "honorees", "file": "data/honorees.csv", "existing": ["data/honorees.yaml"]},
        ])
    );
    // Saved without naming what it replaces: refused; under a name no list has: refused.
    let new = delegates_xlsx_with_a_wrong_group();
    let (status, answer) = s.post("/api/upload?file=data/delegates.xlsx", &new);
    assert_eq!(status, 409, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("data/delegates.yaml")
    );
    let (status, answer) = s.post(
        "/api/upload?file=data/DS.xlsx&replace=data/delegates.yaml",
        &new,
    );
    assert_eq!(status, 400, "{answer}");
    assert_eq!(sources(&p), before, "nothing written");

    // In the page.
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    run_js(&tab, "document.getElementById('ws-sheets').open = true;");
    drop_file(&tab, &new, "Danh sách đại biểu tháng 8.xlsx");
    let asked = wait_js(
        &tab,
        "the question",
        "(() => { const c = document.getElementById('sheet-choice'); const r = c.querySelector('input:checked'); return !c.hidden && r && [r.value, c.textContent]; })()",
    );
    assert_eq!(asked[0], "delegates");
    let asked = asked[1].as_str().unwrap();
    assert!(
        asked.contains("data/delegates.xlsx") && asked.contains("sẽ thay data/delegates.yaml"),
        "{asked}"
    );
    run_js(
        &tab,
        "document.getElementById('ws-sheets').scrollIntoView();",
    );
    shot(&tab, "60-sheet-asked.png");
    assert_eq!(
        sources(&p),
        before,
        "nothing written before the clerk confirms"
    );
    run_js(&tab, "document.getElementById('sheet-confirm').click();");
    let problem = wait_js(
        &tab,
        "the problem at its cell",
        "(() => { const li = [...document.querySelectorAll('#errors li')].find(l => l.dataset.file === 'data/delegates.xlsx'); return li && li.textContent; })()",
    );
    assert!(
        problem
            .as_str()
            .unwrap()
            .contains("data/delegates.xlsx, dòng 4, cột E"),
        "{problem}"
    );
    assert_eq!(std::fs::read(p.join("data/delegates.xlsx")).unwrap(), new);
    assert!(
        !p.join("data/delegates.yaml").exists(),
        "the YAML list replaced"
    );
    let backup = std::fs::read_dir(&p)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("data.bak-"))
        .expect("a backup");
    assert_eq!(
        std::fs::read(backup.path().join("delegates.yaml")).unwrap(),
        yaml_list
    );
    let said = js(
        &tab,
        "document.querySelector('#ws-sheets .ws-msg').textContent",
    );
    assert!(
        said.as_str()
            .unwrap()
            .contains("Danh sách đại biểu tháng 8.xlsx thành data/delegates.xlsx"),
        "{said}"
    );
    wait_js(
        &tab,
        "the list's row",
        "document.querySelector('.ws-sheet[data-file=\"data/delegates.xlsx\"] .ws-bad')",
    );
    shot(&tab, "61-sheet-saved-as-delegates.png");
    // One undo: the YAML list back byte for byte, the spreadsheet gone.
    undo(&tab);
    assert_eq!(
        std::fs::read(p.join("data/delegates.yaml")).unwrap(),
        yaml_list
    );
    assert!(!p.join("data/delegates.xlsx").exists());
}

/// A value flagged as the sample's that is right as it is (a national law every commune
/// cites): "Đúng, giữ giá trị này" on its warning writes `# đã kiểm tra` at the end of its
/// line, nothing else of the file changes, and the warning goes with the rebuild.
#[test]
fn a_sample_value_is_confirmed_from_the_page() {
    let Some(chrome) = chromium() else { return };
    // Another commune: the sample's values left in its files are flagged.
    let s = Serve::start_setup(&[], |p| {
        let plan = p.join("data/plan.yaml");
        let text = std::fs::read_to_string(&plan).unwrap();
        std::fs::write(&plan, text.replace("Thượng Hồng", "Tân Phú")).unwrap();
    });
    let p = s.project();
    let original = std::fs::read_to_string(p.join("data/decision.yaml")).unwrap();
    let browser = browser(chrome, (1400, 1000));
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{}/", s.host())).unwrap();
    let flagged = wait_js(
        &tab,
        "a sample value of the decision with its button",
        "(() => { const li = [...document.querySelectorAll('#warnings li[data-code=\"sample-value\"]')].find(l => l.dataset.file === 'data/decision.yaml' && l.dataset.field.startsWith('bases[')); return li && li.querySelector('.confirm-sample') && [li.dataset.field, li.dataset.line]; })()",
    );
    let field = flagged[0].as_str().unwrap().to_string();
    let line: usize = flagged[1].as_str().unwrap().parse().unwrap();
    run_js(
        &tab,
        &format!(
            "const li = [...document.querySelectorAll('#warnings li[data-code=\"sample-value\"]')].find(l => l.dataset.file === 'data/decision.yaml' && l.dataset.field === '{field}'); li.scrollIntoView({{block: 'center'}});"
        ),
    );
    shot(&tab, "70-sample-value-flagged.png");
    run_js(
        &tab,
        &format!(
            "[...document.querySelectorAll('#warnings li[data-code=\"sample-value\"]')].find(l => l.dataset.file === 'data/decision.yaml' && l.dataset.field === '{field}').querySelector('.confirm-sample').click();"
        ),
    );
    // Exactly that line gets the mark.
    let want: String = original
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == line {
                format!("{}   # đã kiểm tra\n", l.trim_end_matches('\n'))
            } else {
                l.to_string()
            }
        })
        .collect();
    let start = Instant::now();
    while std::fs::read_to_string(p.join("data/decision.yaml")).unwrap() == original {
        assert!(start.elapsed() < Duration::from_secs(30), "never saved");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(p.join("data/decision.yaml")).unwrap(),
        want
    );
    wait_js(
        &tab,
        "the warning gone",
        &format!(
            "document.body.dataset.busy === '0' && ![...document.querySelectorAll('#warnings li')].some(l => l.dataset.file === 'data/decision.yaml' && l.dataset.field === '{field}')"
        ),
    );
    shot(&tab, "71-sample-value-confirmed.png");
    undo(&tab);
    assert_eq!(
        std::fs::read_to_string(p.join("data/decision.yaml")).unwrap(),
        original
    );
}

/// The programme's `sample: true` is a choice at the top of its section: set to "không", it is
/// written `false` and the warning that the programme is the sample's goes. A speaker is named
/// by the honours list's id or, for a list without one, by name: an unknown one is said under
/// the field as it is typed.
#[test]
fn the_programmes_sample_flag_and_its_speakers_on_the_page() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let original = std::fs::read_to_string(p.join("data/agenda.yaml")).unwrap();
    let browser = browser(chrome, (1400, 1000));
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{}/", s.host())).unwrap();
    wait_js(
        &tab,
        "the agenda's sample warning",
        "[...document.querySelectorAll('#warnings li')].some(l => l.dataset.file === 'data/agenda.yaml' && l.dataset.field === 'sample')",
    );
    open_section(&tab, "agenda");
    let flag = js(
        &tab,
        "(() => { const e = document.querySelector('#ws-agenda .ws-sample-flag [data-path=\"sample\"]'); return e && [e.value, e.closest('label').textContent]; })()",
    );
    assert_eq!(flag[0], "true");
    assert!(flag[1].as_str().unwrap().contains("dữ liệu mẫu"), "{flag}");
    // The speaker's field says a name is fine for a list without ids.
    let help = js(
        &tab,
        "document.querySelector('#ws-agenda [data-path=\"items[5].speakers[0].honoree\"]').closest('label').textContent",
    );
    assert!(help.as_str().unwrap().contains("không có cột Mã"), "{help}");
    type_in(
        &tab,
        "agenda",
        "items[5].speakers[0].honoree",
        "Nguyễn Không Có",
    );
    let said = wait_js(
        &tab,
        "the unknown speaker said",
        "(() => { const m = document.querySelector('#ws-agenda [data-path=\"items[5].speakers[0].honoree\"]').closest('.ws-field').querySelector('.ws-check'); return m && m.textContent; })()",
    );
    assert!(said.as_str().unwrap().contains("Nguyễn Không Có"), "{said}");
    run_js(
        &tab,
        "document.querySelector('#ws-agenda [data-path=\"items[5].speakers[0].honoree\"]').scrollIntoView({block: 'center'});",
    );
    shot(&tab, "80-agenda-unknown-speaker.png");
    type_in(&tab, "agenda", "items[5].speakers[0].honoree", "cn-01");
    wait_js(
        &tab,
        "the message gone",
        "!document.querySelector('#ws-agenda [data-path=\"items[5].speakers[0].honoree\"]').closest('.ws-field').querySelector('.ws-check')",
    );
    // The flag cleared: one line changes, the warning goes.
    run_js(
        &tab,
        "const e = document.querySelector('#ws-agenda [data-path=\"sample\"]'); e.value = 'false'; e.dispatchEvent(new Event('input'));",
    );
    let (class, text) = save(&tab, "agenda");
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(
        std::fs::read_to_string(p.join("data/agenda.yaml")).unwrap(),
        original.replacen("\nsample: true\n", "\nsample: false\n", 1)
    );
    wait_js(
        &tab,
        "the agenda's sample warning gone",
        "document.body.dataset.busy === '0' && ![...document.querySelectorAll('#warnings li')].some(l => l.dataset.file === 'data/agenda.yaml' && l.dataset.field === 'sample')",
    );
    run_js(
        &tab,
        "document.getElementById('ws-agenda').scrollIntoView();",
    );
    shot(&tab, "81-agenda-sample-cleared.png");
}

/// Word text with a heading that has nothing under it (and a section with nothing under it)
/// pasted: the heading stays a heading, numbered as Word numbered it, not a one-item list
/// that restarts the headings' numbers; the plan prints them so.
#[test]
fn a_pasted_heading_with_nothing_under_it_stays_a_heading() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    let text = "KẾ HOẠCH\nTổ chức Hội nghị\nI. MỤC ĐÍCH\n1. Mở đầu chưa viết\n2. Nội dung chính\nCác đơn vị chuẩn bị.\n3. Kết thúc chưa viết\nII. PHẦN CHƯA VIẾT\nIII. DANH SÁCH\n1. một\n2. hai\n";
    let blocks = js(
        &tab,
        &format!("PASTE.parse({})", serde_json::to_string(text).unwrap()),
    );
    assert_eq!(
        blocks,
        json!([
            {"section": "MỤC ĐÍCH", "body": [
                {"heading": "Mở đầu chưa viết"},
                {"heading": "Nội dung chính", "body": [{"p": "Các đơn vị chuẩn bị."}]},
                {"heading": "Kết thúc chưa viết"},
            ]},
            {"section": "PHẦN CHƯA VIẾT"},
            {"section": "DANH SÁCH", "body": [{"numbered": ["một", "hai"]}]},
        ])
    );
    run_js(
        &tab,
        &format!(
            "document.getElementById('ws-paste').open = true; const a = document.getElementById('paste-text'); a.value = {}; document.getElementById('paste-show').click();",
            serde_json::to_string(text).unwrap()
        ),
    );
    let headings = wait_js(
        &tab,
        "the structure",
        "(() => { const t = document.querySelector('#paste-preview .paste-tree'); return t && [...t.querySelectorAll('.pt-heading')].map(s => s.firstChild.textContent); })()",
    );
    assert_eq!(
        headings,
        json!([
            "1. Mở đầu chưa viết",
            "2. Nội dung chính",
            "3. Kết thúc chưa viết"
        ])
    );
    run_js(
        &tab,
        "document.getElementById('ws-paste').scrollIntoView();",
    );
    shot(&tab, "90-paste-empty-heading.png");
    run_js(&tab, "document.getElementById('paste-apply').click();");
    wait_js(
        &tab,
        "the paste saved",
        "document.querySelector('#ws-paste .ws-msg').classList.contains('ok')",
    );
    let y: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(p.join("data/plan.yaml")).unwrap()).unwrap();
    let body = serde_json::to_value(&y["plan"]["body"]).unwrap();
    assert_eq!(body, blocks);
    let pdf = p.join("output/ke-hoach.pdf");
    let start = Instant::now();
    loop {
        let text = common::squash(&common::pdf_text(&pdf));
        if done(&s.state())
            && text.contains("1. Mở đầu chưa viết")
            && text.contains("3. Kết thúc chưa viết")
            && text.contains("II. PHẦN CHƯA VIẾT")
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the plan never printed the pasted headings; state: {}",
            s.state()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Sets the kind, place and words of the block adder under the body list `list`, presses its
/// "+ Thêm" and waits for the save's message; returns (class, text).
fn add_block(
    tab: &headless_chrome::Tab,
    list: &str,
    kind: &str,
    before: Option<usize>,
    words: &str,
) -> (String, String) {
    let adder = format!(".ws-block-adder[data-list=\"{list}\"]");
    wait_js(
        tab,
        &format!("the adder of {list}"),
        &format!("!!document.querySelector('#ws-body {adder}')"),
    );
    run_js(
        tab,
        &format!(
            "const a = document.querySelector('#ws-body {adder}'); a.querySelector('.ws-block-kind').value = {kind:?}; const w = a.querySelector('.ws-block-where'); w.value = {where_}; a.querySelector('.ws-block-text').value = {words};",
            where_ = match before {
                Some(i) => format!("'{i}'"),
                None => "w.options[w.options.length - 1].value".into(),
            },
            words = serde_json::to_string(words).unwrap(),
        ),
    );
    click_and_wait(tab, "body", &format!("{adder} .ws-add-block"))
}

/// The plan's body grows from the page: a new section put before the last one, a heading in
/// it, a bulleted list under the heading, a paragraph moved above the heading and a block
/// removed. Each click is one save through the YAML editor: the file after them is the
/// expected one (the sample with those lines added; every comment and other line as it was);
/// the page numbers the sections as the plan prints them, and the plan prints the new ones.
#[test]
fn new_sections_headings_and_lists_are_added_on_the_page() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let read = |rel: &str| std::fs::read_to_string(p.join(rel)).unwrap();
    let original = read("data/plan.yaml");
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1100));
    open_section(&tab, "body");
    // The top list's places are its blocks, numbered as printed.
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-body .ws-block-adder[data-list=\"plan.body\"] .ws-block-where option')].slice(2).map(o => o.textContent)"
        ),
        json!([
            "trước I. MỤC ĐÍCH, YÊU CẦU",
            "trước II. HÌNH THỨC, THỜI GIAN, THÀNH PHẦN VÀ SỐ LƯỢNG…",
            "trước III. CHƯƠNG TRÌNH HỘI NGHỊ",
            "trước IV. TỔ CHỨC THỰC HIỆN",
            "ở cuối"
        ])
    );

    // A section (I., II.) is added at the top only; a subheading (1.1.) in a heading only.
    let kinds = |list: &str| {
        js(
            &tab,
            &format!(
                "[...document.querySelectorAll('#ws-body .ws-block-adder[data-list=\"{list}\"] .ws-block-kind option')].map(o => o.value)"
            ),
        )
    };
    assert_eq!(
        kinds("plan.body"),
        json!(["section", "heading", "p", "list", "numbered"])
    );
    assert_eq!(
        kinds("plan.body[3].body"),
        json!(["heading", "p", "list", "numbered"])
    );
    assert_eq!(
        kinds("plan.body[3].body[2].body"),
        json!(["subheading", "p", "list", "numbered"])
    );
    // Subheadings numbered under their heading, as printed: 3.1., 3.2., 3.3.
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-body .ws-block-subheading > .ws-num')].map(e => e.textContent)"
        ),
        json!(["3.1.", "3.2.", "3.3."])
    );

    // A section before "IV. TỔ CHỨC THỰC HIỆN" (the sixth block of the body).
    let (class, text) = add_block(&tab, "plan.body", "section", Some(5), "KINH PHÍ THỰC HIỆN");
    assert!(class.contains("ok"), "{class}: {text}");
    wait_js(
        &tab,
        "the new section",
        "document.querySelector('#ws-body [data-path=\"plan.body[5].section\"]')",
    );
    // A heading in it (the section has no body yet), then a bulleted line under the heading.
    let (class, text) = add_block(&tab, "plan.body[5].body", "heading", None, "Nguồn kinh phí");
    assert!(class.contains("ok"), "{class}: {text}");
    let (class, text) = add_block(
        &tab,
        "plan.body[5].body[0].body",
        "list",
        None,
        "Kinh phí tổ chức Hội nghị do ngân sách xã bảo đảm.",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    // A paragraph at the section's end, then moved above the heading.
    let (class, text) = add_block(
        &tab,
        "plan.body[5].body",
        "p",
        None,
        "Văn phòng HĐND và UBND xã lập dự toán kinh phí.",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    let (class, text) = click_and_wait(
        &tab,
        "body",
        ".ws-block[data-path=\"plan.body[5].body[1]\"] button[title=\"Lên\"]",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    // A second heading added, then removed.
    let (class, text) = add_block(&tab, "plan.body[5].body", "heading", None, "Quyết toán");
    assert!(class.contains("ok"), "{class}: {text}");
    wait_js(
        &tab,
        "the second heading",
        "document.querySelector('#ws-body [data-path=\"plan.body[5].body[2].heading\"]')",
    );
    let (class, text) = click_and_wait(
        &tab,
        "body",
        ".ws-block[data-path=\"plan.body[5].body[2]\"] .ws-remove",
    );
    assert!(class.contains("ok"), "{class}: {text}");
    assert_eq!(read("data/plan.yaml"), fixture("plan-new-section.yaml"));

    // Numbered as the plan prints them: the new section is IV., the last one V.
    wait_js(
        &tab,
        "the blocks redrawn",
        "!document.querySelector('#ws-body [data-path=\"plan.body[5].body[2]\"]') && document.querySelectorAll('#ws-body .ws-block-section').length === 5",
    );
    assert_eq!(
        js(
            &tab,
            "[...document.querySelectorAll('#ws-body .ws-block-section')].map(e => e.querySelector('.ws-num').textContent + ' ' + e.querySelector('input').value)"
        ),
        json!([
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. HÌNH THỨC, THỜI GIAN, THÀNH PHẦN VÀ SỐ LƯỢNG ĐẠI BIỂU",
            "III. CHƯƠNG TRÌNH HỘI NGHỊ",
            "IV. KINH PHÍ THỰC HIỆN",
            "V. TỔ CHỨC THỰC HIỆN"
        ])
    );
    assert_eq!(
        js(
            &tab,
            "document.querySelector('#ws-body .ws-block[data-path=\"plan.body[5].body[1]\"] .ws-num').textContent"
        ),
        "1."
    );

    // The plan prints them.
    let pdf = p.join("output/ke-hoach.pdf");
    let start = Instant::now();
    loop {
        let text = common::squash(&common::pdf_text(&pdf));
        if done(&s.state())
            && text.contains("IV. KINH PHÍ THỰC HIỆN Văn phòng HĐND và UBND xã lập dự toán kinh phí. 1. Nguồn kinh phí - Kinh phí tổ chức Hội nghị do ngân sách xã bảo đảm.")
            && text.contains("V. TỔ CHỨC THỰC HIỆN")
            && !text.contains("Quyết toán")
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the plan never printed the new section: {text}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    run_js(
        &tab,
        "document.querySelector('#ws-body [data-path=\"plan.body[5]\"]').scrollIntoView({block: 'start'});",
    );
    shot(&tab, "52-body-new-section.png");
    for _ in 0..7 {
        undo(&tab);
    }
    assert_eq!(read("data/plan.yaml"), original);
}

/// A value the documents cannot print without, cleared in its box, is said under it as it is
/// typed (the rule `check` applies: rules/required.rs), and nothing is written: the
/// conference's name, the place of the date line, the signer's name, a delegate's name.
#[test]
fn an_emptied_required_field_is_said_under_it_nothing_saved() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let p = s.project();
    let before = sources(&p);
    let (_browser, tab) = workspace_page(chrome, &s, (1400, 1000));
    let field_msg = |id: &str, path: &str| {
        format!(
            "(() => {{ const i = document.querySelector('#ws-{id} [data-path=\"{path}\"]'); const m = i.closest('.ws-field, td').querySelector('.ws-check'); return m ? m.textContent : null; }})()"
        )
    };
    for (id, path, said) in [
        (
            "conference",
            "conference.name",
            "tên hội nghị đang để trống",
        ),
        (
            "authority",
            "authority.place",
            "địa danh ở dòng ngày tháng đang để trống",
        ),
        (
            "signature",
            "signature.name",
            "họ tên người ký đang để trống",
        ),
        (
            "delegates",
            "delegates[0].name",
            "họ tên đại biểu đang để trống",
        ),
    ] {
        open_section(&tab, id);
        type_in(&tab, id, path, "");
        let shown = wait_js(
            &tab,
            &format!("the message under {path}"),
            &field_msg(id, path),
        );
        let shown = shown.as_str().unwrap();
        assert!(shown.contains(said), "{path}: {shown}");
        assert_eq!(
            js(
                &tab,
                &format!(
                    "document.querySelector('#ws-{id} [data-path=\"{path}\"]').getAttribute('aria-invalid')"
                )
            ),
            "true"
        );
        if path == "conference.name" {
            run_js(
                &tab,
                "document.querySelector('#ws-conference [data-path=\"conference.name\"]').scrollIntoView({block: 'center'});",
            );
            shot(&tab, "43-empty-name-said.png");
        }
        // Typed again, the message goes.
        type_in(&tab, id, path, "Nguyễn Văn An");
        wait_js(
            &tab,
            &format!("the message under {path} gone"),
            &format!("{} === null", field_msg(id, path)),
        );
    }
    assert_eq!(sources(&p), before, "nothing was written while typing");
}
