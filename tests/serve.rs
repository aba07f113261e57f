//! `vinhdanh serve`: the real binary on a fresh project, its HTTP surface probed with a raw TCP
//! client, and its page driven in a real headless Chromium (DevTools protocol).
//!
//! Screenshots of each state are written to `$CARGO_TARGET_TMPDIR/serve-shots/` (also copied to
//! /tmp/serve-shots/) for a person to look at.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::serve::{Serve, browser, chromium, done, http_get, js, wait_js};

use serde_json::Value;

/// The documents of the default project, as `build` writes them (README), with their titles.
const DOCUMENTS: [(&str, &str); 6] = [
    ("ke-hoach.pdf", "Kế hoạch"),
    ("giay-moi/", "Giấy mời"),
    ("danh-sach-dai-bieu.pdf", "Danh sách đại biểu"),
    ("chuong-trinh.pdf", "Chương trình hội nghị"),
    ("quyet-dinh-khen-thuong.pdf", "Quyết định khen thưởng"),
    ("giay-khen/", "Giấy khen"),
];

/// `honorees.yaml`'s text with the `k`-th honoree's achievement replaced by `text`.
fn with_achievement(t: &str, k: usize, text: &str) -> String {
    let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("achievement:"))
        .nth(k)
        .map(|(i, _)| i)
        .unwrap();
    lines[at] = format!("    achievement: {text}");
    lines.join("\n") + "\n"
}

/// Image URLs of each card, from the state.
fn images(st: &Value, name: &str) -> Vec<String> {
    st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("no card {name}"))["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn http_serves_only_the_page_images_and_output_to_its_own_host() {
    let s = Serve::start(&[]);
    let st = s.state();
    // What is served: the page, an image, a file of output/.
    let (status, page) = s.get("/");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("lang=\"vi\""));
    let plan = &images(&st, "ke-hoach.pdf")[0];
    let (status, png) = s.get(plan);
    assert_eq!(status, 200);
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let (status, pdf) = s.get("/output/ke-hoach.pdf");
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF"));

    // A link to the outside of output/ from inside it.
    #[cfg(unix)]
    std::os::unix::fs::symlink(s.project().join("data"), s.project().join("output/du-lieu"))
        .unwrap();
    for target in [
        "/output/../data/plan.yaml",
        "/output/%2e%2e/data/plan.yaml",
        "/output/..%2fdata%2fplan.yaml",
        "/output/%2E%2E%2Fdata/plan.yaml",
        "/output/giay-khen/../../data/plan.yaml",
        "/output/giay-khen/%2e%2e/%2e%2e/data/plan.yaml",
        "/output/..%5cdata%5cplan.yaml",
        "/output/%2fetc%2fpasswd",
        "/output//etc/passwd",
        "/output/du-lieu/plan.yaml",
        "/../data/plan.yaml",
        "/data/plan.yaml",
        "/img/../data/plan.yaml",
        "/img/..%2f..%2fdata%2fplan.yaml",
        "/templates/",
        "/output/",
        "/output",
        "//etc/passwd",
        "/output/ke-hoach.pdf%00.png",
    ] {
        let (status, body) = s.get(target);
        assert_eq!(status, 404, "{target}: {}", String::from_utf8_lossy(&body));
    }

    // DNS rebinding: a foreign name that resolves to 127.0.0.1 is refused, on every route.
    for host in [
        format!("evil.example:{}", s.port),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{}", s.port + 1),
        format!("localhost.evil.example:{}", s.port),
    ] {
        for target in ["/", "/api/state", "/output/ke-hoach.pdf", plan.as_str()] {
            let (status, _) = http_get(s.port, target, &host);
            assert!(status == 403 || status == 421, "{host} {target}: {status}");
        }
    }
    let (status, _) = http_get(s.port, "/api/state", &format!("localhost:{}", s.port));
    assert_eq!(status, 200, "localhost:PORT is this server");

    // Only loopback: the server is not on another address of the machine.
    let (status, _) = http_get(s.port, "/", &s.host());
    assert_eq!(status, 200);
}

/// Opens the page and waits for its six cards, nothing being rebuilt. Not
/// `wait_until_navigated`: the page's event stream never ends; the wait polls.
fn open_page(tab: &headless_chrome::Tab, s: &Serve) {
    tab.navigate_to(&format!("http://{}/", s.host())).unwrap();
    wait_js(
        tab,
        "six cards",
        "document.querySelectorAll('.card').length === 6 && document.body.dataset.busy === '0'",
    );
}

fn shot(tab: &headless_chrome::Tab, name: &str) {
    common::serve::shot_into("serve-shots", tab, name);
}

/// The image URLs each card of the page shows, by document name.
const CARD_IMAGES: &str = "Object.fromEntries([...document.querySelectorAll('.card')].map(c => [c.dataset.name, [...c.querySelectorAll(':scope > .pages img')].map(i => i.getAttribute('src'))]))";

#[test]
fn the_page_shows_every_document_follows_edits_and_shows_problems() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let browser = browser(chrome, (1280, 1600));
    let tab = browser.new_tab().unwrap();
    // Every document is a card, with its title, its pages and a link to its PDF.
    open_page(&tab, &s);
    let cards = js(
        &tab,
        "[...document.querySelectorAll('.card')].map(c => ({name: c.dataset.name, title: c.querySelector('h2').textContent, pages: c.querySelectorAll(':scope > .pages img').length, meta: c.querySelector('.meta').textContent, pdf: [...c.querySelectorAll('.links a')].map(a => a.getAttribute('href'))}))",
    );
    let cards = cards.as_array().unwrap();
    assert_eq!(cards.len(), DOCUMENTS.len());
    for ((name, title), card) in DOCUMENTS.iter().zip(cards) {
        assert_eq!(card["name"], *name);
        assert_eq!(card["title"], *title);
        let pages = card["pages"].as_u64().unwrap();
        assert!(pages >= 1, "{name} shows its pages");
        let file = match name.strip_suffix('/') {
            Some(batch) => format!("{batch}.pdf"),
            None => name.to_string(),
        };
        let pdf = format!("/output/{file}");
        let links = card["pdf"].as_array().unwrap();
        assert!(
            links.iter().any(|h| *h == pdf),
            "{name} links {pdf}: {card}"
        );
        // The count is the shown file's own (the booklet's, not its print copy's too), and
        // a card linking two files says which one.
        let written = common::pdf_pages(&s.project().join("output").join(&file));
        assert_eq!(pages as usize, written, "{name}: the page and {file} agree");
        let meta = if links.len() > 1 {
            format!("{pages} trang của {file}")
        } else {
            format!("{pages} trang")
        };
        assert_eq!(card["meta"], meta, "{card}");
    }
    // The first images are drawn (lazy loading loads those on screen).
    wait_js(
        &tab,
        "the plan's first page drawn",
        "(() => { const i = document.querySelector('.card .pages img'); return i.complete && i.naturalWidth > 0 && i.getAttribute('loading') === 'lazy'; })()",
    );
    shot(&tab, "1-every-document.png");
    // The booklet's card: its pages are the reading copy's, and it says so.
    js(
        &tab,
        "(document.querySelector('[data-name=\"chuong-trinh.pdf\"]').scrollIntoView(), true)",
    );
    shot(&tab, "1-booklet-card.png");

    // The search box of a batch finds one person's certificate.
    let st = s.state();
    let certs = st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "giay-khen/")
        .unwrap();
    let record = &certs["records"][3];
    let label = record["label"].as_str().unwrap();
    let name = label
        .split(" – ")
        .nth(1)
        .unwrap()
        .split(" (")
        .next()
        .unwrap();
    tab.evaluate(
        &format!(
            "(() => {{ const i = document.querySelector('[data-name=\"giay-khen/\"] input'); i.value = {}; i.dispatchEvent(new Event('input')); }})()",
            serde_json::to_string(&name.to_lowercase()).unwrap()
        ),
        false,
    )
    .unwrap();
    let found = js(
        &tab,
        "(() => { const c = document.querySelector('[data-name=\"giay-khen/\"]'); return {text: c.querySelector('.found').textContent, imgs: [...c.querySelectorAll('.found-pages img')].map(i => i.getAttribute('src')), pdf: c.querySelector('.found a') && c.querySelector('.found a').getAttribute('href')}; })()",
    );
    assert!(found["text"].as_str().unwrap().contains(label), "{found}");
    let first = record["first"].as_u64().unwrap() as usize;
    assert_eq!(found["imgs"][0], images(&st, "giay-khen/")[first - 1]);
    assert_eq!(found["pdf"], record["url"]);
    let (status, pdf) = s.get(record["url"].as_str().unwrap());
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF"));
    shot(&tab, "2-search-one-certificate.png");

    // One honoree's merit text edited: their certificate and the decision change, and nothing
    // else of the plan or the invitations.
    let before = js(&tab, CARD_IMAGES);
    let plan_png = s.get(before["ke-hoach.pdf"][0].as_str().unwrap()).1;
    let v0 = s.state()["version"].as_u64().unwrap();
    s.edit("data/honorees.yaml", |t| {
        t.replacen("achievement: ", "achievement: Năm qua ", 1)
    });
    s.wait_state("the rebuild after the edit", |st| {
        st["version"].as_u64().unwrap() > v0
            && done(st)
            && images(st, "giay-khen/") != json_strings(&before["giay-khen/"])
    });
    let after = wait_js(
        &tab,
        "the certificate card updated",
        &format!(
            "(() => {{ const m = {CARD_IMAGES}; return JSON.stringify(m['giay-khen/']) !== {} && document.body.dataset.busy === '0' && m; }})()",
            serde_json::to_string(&before["giay-khen/"].to_string()).unwrap()
        ),
    );
    for unchanged in ["ke-hoach.pdf", "giay-moi/", "danh-sach-dai-bieu.pdf"] {
        assert_eq!(before[unchanged], after[unchanged], "{unchanged} untouched");
    }
    let changed: Vec<usize> = (0..before["giay-khen/"].as_array().unwrap().len())
        .filter(|&i| before["giay-khen/"][i] != after["giay-khen/"][i])
        .collect();
    assert_eq!(changed.len(), 1, "one certificate changed: {changed:?}");
    assert_ne!(
        before["quyet-dinh-khen-thuong.pdf"], after["quyet-dinh-khen-thuong.pdf"],
        "the decision lists the merit"
    );
    assert_eq!(
        s.get(after["ke-hoach.pdf"][0].as_str().unwrap()).1,
        plan_png,
        "same plan image bytes"
    );
    // The changed certificate is drawn from the new image.
    let new_url = after["giay-khen/"][changed[0]]
        .as_str()
        .unwrap()
        .to_string();
    let (status, png) = s.get(&new_url);
    assert_eq!(status, 200);
    assert!(png.starts_with(b"\x89PNG"));
    tab.evaluate(
        &format!("document.querySelector('img[src=\"{new_url}\"]').scrollIntoView()"),
        false,
    )
    .unwrap();
    wait_js(
        &tab,
        "the new certificate image drawn",
        &format!(
            "(() => {{ const i = document.querySelector('img[src=\"{new_url}\"]'); return i.complete && i.naturalWidth > 0; }})()"
        ),
    );
    shot(&tab, "3-after-edit-new-certificate.png");
    tab.evaluate("window.scrollTo(0, 0)", false).unwrap();

    // An error in the data: the panel shows it at its place with the line quoted, a banner
    // says the pages are the last good ones, and those pages stay.
    let text = std::fs::read_to_string(s.project().join("data/honorees.yaml")).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim() == "kind: individual")
        .unwrap()
        + 1;
    let column = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("individual")
        .unwrap()
        + 1;
    s.edit("data/honorees.yaml", |t| {
        t.replacen("kind: individual", "kind: ca-nhan-x", 1)
    });
    let problem = wait_js(
        &tab,
        "the error in the panel",
        "(() => { const li = document.querySelector('#errors li'); return li && !document.getElementById('banner').hidden && {file: li.dataset.file, line: li.dataset.line, text: li.textContent}; })()",
    );
    assert_eq!(problem["file"], "data/honorees.yaml");
    assert_eq!(problem["line"], line.to_string());
    let text = problem["text"].as_str().unwrap();
    assert!(
        text.contains(&format!("data/honorees.yaml:{line}:{column}")),
        "{text}"
    );
    assert!(
        text.contains("kind: ca-nhan-x"),
        "the data line is quoted: {text}"
    );
    let kept = js(&tab, CARD_IMAGES);
    assert_eq!(kept, after, "the last good pages stay");
    let drawn = js(
        &tab,
        "[...document.querySelectorAll('.card .pages img')].slice(0, 3).every(i => i.complete && i.naturalWidth > 0)",
    );
    assert_eq!(drawn, Value::Bool(true));
    shot(&tab, "4-error-in-panel.png");

    // Fixed: the panel and the banner clear.
    s.edit("data/honorees.yaml", |t| {
        t.replacen("kind: ca-nhan-x", "kind: individual", 1)
    });
    wait_js(
        &tab,
        "the panel cleared",
        "document.getElementById('errors-box').hidden && document.getElementById('banner').hidden && document.body.dataset.busy === '0'",
    );
    assert_eq!(
        js(&tab, "document.querySelectorAll('#errors li').length"),
        0
    );
    assert_eq!(
        js(&tab, CARD_IMAGES),
        after,
        "nothing changed: the same pages"
    );
    shot(&tab, "5-fixed.png");
}

fn json_strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

/// README: `--port N` serves on that port of 127.0.0.1 (the port comes from the OS, free at the
/// time, not from vinhdanh), and prints that address.
#[test]
fn serves_on_the_port_asked_for() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = Serve::start(&["--port", &port.to_string()]);
    assert_eq!(s.port, port, "the printed address names the port asked for");
    let (status, body) = http_get(port, "/", &format!("127.0.0.1:{port}"));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("<html"));
}

/// Saves that take serve's fast road (one honoree's line: that certificate alone first; the
/// conference's name: each card's first records first; then the whole jobs) leave `output/`
/// exactly as a fresh `build` of the edited project writes it, file for file.
#[test]
fn after_edits_the_output_equals_a_fresh_build() {
    let s = Serve::start(&[]);
    let settle = |what: &str, before: u64| {
        s.wait_state(what, |st| {
            st["version"].as_u64().unwrap() >= before + 2 && done(st)
        });
    };
    let achievement = |k: usize, text: &str| {
        let v = s.state()["version"].as_u64().unwrap();
        s.edit("data/honorees.yaml", |t| with_achievement(t, k, text));
        settle("an honoree's edit", v);
    };
    achievement(
        3,
        "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025.",
    );
    let v = s.state()["version"].as_u64().unwrap();
    s.edit("data/plan.yaml", |t| {
        t.replacen("\n  name: Hội nghị", "\n  name: Hội nghị biểu dương và", 1)
    });
    settle("the conference's new name", v);
    achievement(
        20,
        "Đã có thành tích xuất sắc, được tặng nhiều giấy khen giai đoạn 2020 – 2025.",
    );

    let fresh = tempfile::tempdir().unwrap();
    common::copy_dir(&s.project(), fresh.path());
    std::fs::remove_dir_all(fresh.path().join("output")).unwrap();
    let (code, text) = common::run(fresh.path(), &["build"]);
    assert_eq!(code, 0, "{text}");
    let served = common::tree(&s.project().join("output"));
    let built = common::tree(&fresh.path().join("output"));
    let names = |t: &std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        t.keys().cloned().collect()
    };
    assert_eq!(names(&served), names(&built));
    let differ: Vec<&String> = built
        .iter()
        .filter(|(k, v)| served.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        differ.is_empty(),
        "serve's output differs from a build in {differ:?}"
    );
    // The edits are in the files, not only on the page.
    let cert = built
        .keys()
        .filter(|k| k.starts_with("giay-khen/"))
        .nth(3)
        .unwrap();
    let text = common::squash(&common::pdf_text(&s.project().join("output").join(cert)));
    assert!(
        text.contains("phong trào thi đua năm 2025"),
        "{cert}: {text}"
    );
}

/// Without `--no-open`, serve opens the page in the browser: the one `$BROWSER` names (here a
/// script that writes down the address it is given), at the address serve prints.
#[test]
fn serve_opens_its_page_in_the_browser() {
    let dir = common::init_project();
    let seen = dir.path().join("opened.txt");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
        .args(["serve", "p"])
        .env("BROWSER", &script)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start vinhdanh serve");
    let mut first = String::new();
    // Kept open while serve runs: serve writes more lines, and a closed pipe would stop it.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut first).unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("serve prints its address: {first:?}"))
        .trim_end_matches(['.', ','])
        .to_string();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let opened = loop {
        if let Ok(s) = std::fs::read_to_string(&seen)
            && !s.is_empty()
        {
            break s;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the browser was not opened"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let _ = child.kill();
    drop(stdout);
    let _ = child.wait();
    assert_eq!(opened, url);
}

/// `--lang en` alone turns the page's own words to English (labels, states, search, status),
/// while the documents' pages stay Vietnamese; without it the page is Vietnamese.
#[test]
fn the_page_speaks_the_language_vinhdanh_was_started_with() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&["--lang", "en"]);
    let (status, page) = s.get("/");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert!(!page.contains("{{"), "every placeholder filled: {page}");
    let browser = browser(chrome, (1280, 1000));
    let tab = browser.new_tab().unwrap();
    open_page(&tab, &s);
    tab.evaluate(
        "(() => { const i = document.querySelector('[data-name=\"giay-khen/\"] input'); i.value = 'a'; i.dispatchEvent(new Event('input')); })()",
        false,
    )
    .unwrap();
    let page = js(
        &tab,
        "({title: document.title, heading: document.querySelector('h1').textContent, problems: document.querySelector('#problems h2').textContent, status: document.getElementById('status').textContent, cards: [...document.querySelectorAll('.card')].map(c => ({title: c.querySelector('h2').textContent, meta: c.querySelector('.meta').textContent, badge: c.querySelector('.badge').textContent, links: c.querySelector('.links').textContent, search: c.querySelector('.search') && c.querySelector('.search').firstChild.textContent, placeholder: c.querySelector('input') && c.querySelector('input').placeholder, found: c.querySelector('.found') && c.querySelector('.found').firstChild && c.querySelector('.found').firstChild.textContent, alt: c.querySelector(':scope > .pages:not(.found-pages) img').alt}))})",
    );
    shot(&tab, "en-every-document.png");
    assert_eq!(page["title"], "vinhdanh – document preview");
    assert_eq!(page["heading"], "The conference's documents");
    assert_eq!(page["problems"], "Problems");
    let status = page["status"].as_str().unwrap();
    assert!(
        status.starts_with("6 document(s) · last build ")
            && status.contains(" ms · updates itself"),
        "{status}"
    );
    let titles: Vec<&str> = page["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Plan",
            "Invitations",
            "Delegate list",
            "Conference programme",
            "Award decision",
            "Certificates"
        ]
    );
    for c in page["cards"].as_array().unwrap() {
        let meta = c["meta"].as_str().unwrap();
        assert!(
            meta.ends_with(" page(s)") || meta.ends_with(" page(s) of chuong-trinh.pdf"),
            "{c}"
        );
        assert_eq!(c["badge"], "up to date", "{c}");
        let alt = c["alt"].as_str().unwrap();
        assert_eq!(alt, format!("{} – page 1", c["title"].as_str().unwrap()));
    }
    let certs = &page["cards"][5];
    assert_eq!(certs["search"], "Find a person: ");
    assert_eq!(certs["placeholder"], "Type a name…");
    assert!(
        certs["links"]
            .as_str()
            .unwrap()
            .ends_with("44 separate file(s) in the folder giay-khen/"),
        "{certs}"
    );
    let found = certs["found"].as_str().unwrap();
    assert!(found.ends_with(" result(s). "), "{found}");
    // Nothing of the page's own words is Vietnamese (the people's names and the problems
    // quoting the data are data).
    let own = serde_json::to_string(&page).unwrap();
    for word in [
        "trang",
        "đã cập nhật",
        "Tìm",
        "kết quả",
        "bản riêng",
        "văn bản",
        "Vấn đề",
    ] {
        assert!(!own.contains(word), "{word} in {own}");
    }
}

/// Every image on the first screen arrives, page load after page load (each in a fresh browser
/// context, so nothing comes from the browser's cache). With the connections kept alive, one
/// image was never fetched in about half of the loads (tiny_http's pool missed a connection
/// arriving among others): this test failed 2 of 3 runs then, and passes since the server
/// closes each connection after its reply.
#[test]
fn every_image_on_the_first_screen_arrives() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let browser = browser(chrome, (1280, 900));
    for load in 0..4 {
        let context = browser.new_context().unwrap();
        let tab = context.new_tab().unwrap();
        tab.navigate_to(&format!("http://{}/", s.host())).unwrap();
        let start = Instant::now();
        loop {
            let v = js(
                &tab,
                "(() => { const inWindow = (i) => { const r = i.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; }; const imgs = [...document.images].filter(inWindow); return {cards: document.querySelectorAll('.card').length, shown: imgs.length, missing: imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.getAttribute('src'))}; })()",
            );
            if v["cards"] == 6
                && v["shown"].as_u64() > Some(0)
                && v["missing"] == Value::Array(vec![])
            {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "load {load}: images on the first screen never arrived: {v}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = tab.close(false);
    }
}

/// The first invitation `build` wrote in a project.
fn invitation_of(project: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(project.join("output/giay-moi"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.remove(0)
}

/// While the rules find errors (here fewer delegates than the plan's minimum: the normal state
/// while the lists are being collected), the page still shows every document, laid out from
/// the new data with a red "BẢN NHÁP" band across each page image, the errors in the panel and
/// on the cards of the documents made from the file at fault; `output/` keeps the last good
/// PDFs. Fixed, the band goes and the PDFs follow the data.
#[test]
fn a_project_with_errors_shows_every_document_as_a_draft() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let plan_pdf = s.project().join("output/ke-hoach.pdf");
    let good = std::fs::read(&plan_pdf).unwrap();
    let clean_url = images(&s.state(), "ke-hoach.pdf")[0].clone();
    let (_, clean_png) = s.get(&clean_url);
    assert_eq!(common::red_on_top(&clean_png), 0, "no band on good data");

    s.edit("data/plan.yaml", |t| {
        t.replacen("  min: 120\n", "  min: 145\n", 1).replacen(
            "\n  name: Hội nghị",
            "\n  name: Hội nghị biểu dương và",
            1,
        )
    });
    let st = s.wait_state("the draft", |st| {
        st["draft"].as_u64().unwrap_or(0) > 0
            && st["docs"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["state"] == "draft")
    });
    assert!(!st["blocked"].as_bool().unwrap(), "{st}");
    let errors = st["errors"].as_array().unwrap();
    assert_eq!(st["draft"].as_u64().unwrap() as usize, errors.len());
    assert!(
        errors
            .iter()
            .any(|e| e["file"] == "data/plan.yaml" || e["file"] == "data/delegates.yaml"),
        "{errors:?}"
    );
    for (name, _) in DOCUMENTS {
        assert!(!images(&st, name).is_empty(), "{name} shows pages: {st}");
    }
    let plan_card = st["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "ke-hoach.pdf")
        .unwrap();
    assert!(
        !plan_card["errors"].as_array().unwrap().is_empty(),
        "the plan's card shows the error about its data: {plan_card}"
    );
    // The pages follow the new data, banded; the printed PDF is the last good one.
    let draft_url = images(&st, "ke-hoach.pdf")[0].clone();
    assert!(draft_url.contains("?nhap="), "{draft_url}");
    let (status, draft_png) = s.get(&draft_url);
    assert_eq!(status, 200);
    assert!(common::red_on_top(&draft_png) > 2000, "the band is drawn");
    assert_eq!(
        std::fs::read(&plan_pdf).unwrap(),
        good,
        "output/ keeps the good PDF"
    );
    assert!(
        !common::squash(&common::pdf_text(&invitation_of(&s.project()))).contains("biểu dương và")
    );

    let browser = browser(chrome, (1280, 1600));
    let tab = browser.new_tab().unwrap();
    open_page(&tab, &s);
    let banner = wait_js(
        &tab,
        "the draft banner",
        "(() => { const b = document.getElementById('banner'); return !b.hidden && b.dataset.kind === 'draft' && b.textContent; })()",
    );
    assert!(banner.as_str().unwrap().contains("BẢN NHÁP"), "{banner}");
    let badges = js(
        &tab,
        "[...document.querySelectorAll('.card .badge')].map(b => b.textContent)",
    );
    assert_eq!(badges.as_array().unwrap().len(), 6);
    assert!(
        badges
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b.as_str().unwrap().contains("bản nháp")),
        "{badges}"
    );
    wait_js(
        &tab,
        "the first page images drawn",
        "[...document.querySelectorAll('.card .pages img')].slice(0, 3).every(i => i.complete && i.naturalWidth > 0)",
    );
    shot(&tab, "6-draft-with-errors.png");

    // Fixed: no band, the cards up to date, the PDFs written from the new data.
    s.edit("data/plan.yaml", |t| {
        t.replacen("  min: 145\n", "  min: 120\n", 1)
    });
    let st = s.wait_state("the draft gone", |st| {
        st["draft"] == 0
            && st["docs"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["state"] == "ok")
    });
    let url = images(&st, "ke-hoach.pdf")[0].clone();
    assert!(!url.contains('?'), "{url}");
    // The console says so too, with where the PDFs are.
    let start = Instant::now();
    while !s
        .log
        .lock()
        .unwrap()
        .contains("Đã sửa hết lỗi: các tệp PDF đã được ghi lại trong")
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}",
            s.log.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(common::red_on_top(&s.get(&url).1), 0);
    let text = common::squash(&common::pdf_text(&invitation_of(&s.project())));
    assert!(text.contains("Hội nghị biểu dương và"), "{text}");
    wait_js(
        &tab,
        "the banner gone",
        "document.getElementById('banner').hidden && document.body.dataset.busy === '0'",
    );
    shot(&tab, "7-draft-fixed.png");
}

/// `serve` running while the clerk saves and runs `build` in every order (a build started
/// just before a save, just after, two saves during a build): once the saves stop, `output/`
/// is what a fresh build of the data writes, and stays so (no older file lands later).
#[test]
fn saves_and_builds_interleaved_leave_the_output_matching_the_data() {
    let s = Serve::start(&[]);
    // Saved as an editor saves, whole (a build reading a half-written file refuses it).
    let achievement = |k: usize, text: &str| {
        let path = s.project().join("data/honorees.yaml");
        let t = std::fs::read_to_string(&path).unwrap();
        let staged = path.with_extension("yaml.saving");
        std::fs::write(&staged, with_achievement(&t, k, text)).unwrap();
        std::fs::rename(&staged, &path).unwrap();
    };
    let build = || {
        Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
            .args(["build", "p", "--quiet"])
            .current_dir(s.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    for (round, pause) in [0u64, 40, 150, 400].into_iter().enumerate() {
        achievement(round, &format!("Thành tích lần sửa {round}, trước khi in."));
        let b = build();
        std::thread::sleep(Duration::from_millis(pause));
        achievement(
            round + 10,
            &format!("Thành tích lần sửa {round}, trong khi in."),
        );
        std::thread::sleep(Duration::from_millis(pause / 2));
        achievement(round + 20, &format!("Thành tích lần sửa {round}, lần hai."));
        let out = b.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let fresh = tempfile::tempdir().unwrap();
    common::copy_dir(&s.project(), fresh.path());
    std::fs::remove_dir_all(fresh.path().join("output")).unwrap();
    let (code, text) = common::run(fresh.path(), &["build"]);
    assert_eq!(code, 0, "{text}");
    let built = common::tree(&fresh.path().join("output"));
    let differ = || -> Vec<String> {
        let served = common::tree(&s.project().join("output"));
        let mut names: Vec<String> = built
            .iter()
            .filter(|(k, v)| served.get(*k) != Some(v))
            .map(|(k, _)| k.clone())
            .collect();
        names.extend(served.keys().filter(|k| !built.contains_key(*k)).cloned());
        names
    };
    let start = Instant::now();
    while !differ().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "output/ never matched the data: {:?}\nlog:\n{}",
            differ(),
            s.log.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(differ(), Vec::<String>::new(), "an older file landed later");
}

/// The checklist at the top of the page: each part of the conference with its state from the
/// data (people counted from the lists, problems by file), and once the project is another
/// commune's, the sample values it still holds; a click goes to the first problem.
#[test]
fn the_checklist_shows_each_part_and_the_sample_values_left() {
    let Some(chrome) = chromium() else { return };
    let s = Serve::start(&[]);
    let browser = browser(chrome, (1400, 1200));
    let tab = browser.new_tab().unwrap();
    open_page(&tab, &s);
    const ITEMS: &str = "Object.fromEntries([...document.querySelectorAll('#checklist .item')].map(i => [i.dataset.key, [i.dataset.state, i.textContent]]))";
    let items = wait_js(
        &tab,
        "the checklist",
        &format!("(() => {{ const x = {ITEMS}; return Object.keys(x).length === 6 && x; }})()"),
    );
    let text = |k: &str| items[k][1].as_str().unwrap().to_string();
    assert!(text("check_delegates").contains("139 người"), "{items}");
    assert!(text("check_honorees").contains("44 người"), "{items}");
    assert_eq!(items["check_print"][0], "ok", "{items}");
    assert!(text("check_print").contains("PDF đã ghi"), "{items}");
    assert!(
        !text("check_decision").contains("mẫu"),
        "the sample itself is not flagged: {items}"
    );

    // Another commune's authority: the values still the sample's are counted where they are.
    s.edit("data/plan.yaml", |t| t.replace("Thượng Hồng", "Tân Phú"));
    let items = wait_js(
        &tab,
        "the sample values counted",
        &format!(
            "(() => {{ const x = {ITEMS}; return document.body.dataset.busy === '0' && x.check_decision && x.check_decision[1].includes('giá trị còn của dữ liệu mẫu') && x; }})()"
        ),
    );
    assert_eq!(items["check_decision"][0], "warn", "{items}");
    shot(&tab, "8-checklist-sample-values.png");
    // A click on the item brings its first problem into view.
    let first = js(
        &tab,
        "(() => { document.querySelector('#checklist [data-key=check_decision]').click(); const li = [...document.querySelectorAll('#warnings li')].find(l => l.dataset.file === 'data/decision.yaml'); const r = li.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()",
    );
    assert_eq!(first, Value::Bool(true));
}
