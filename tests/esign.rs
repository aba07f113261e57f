//! Documents issued electronically (`build --dien-tu`, `--truong-ky`), read back from the PDFs:
//! the signature fields' places in mm against the words poppler finds around them (the title
//! above, the name below, nothing inside), the seal over the signature's left third, the number
//! and date left blank, the unfilled "Kèm theo" line, the separate appendix's top-right area;
//! pyHanko signs every empty field and validates it, poppler's `pdfsig` and `qpdf --check`
//! agree; the metadata file field by field against the PDF's own text. Under `CI=true` the
//! tools are required (`.ci/run` installs them).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{pdf_pages, pdf_text, run, squash};

const MM: f64 = 25.4 / 72.0;

/// A copy of the default project with sizes of its own for the clear areas (so they are seen
/// to come from data), built with `args`.
fn project(extra_plan: &str, extra_decision: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = common::init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, format!("{text}\n{extra_plan}")).unwrap();
    let dec = p.join("data/decision.yaml");
    let text = std::fs::read_to_string(&dec).unwrap();
    std::fs::write(&dec, format!("{text}\n{extra_decision}")).unwrap();
    let mut a = vec!["build", "p", "-q"];
    a.extend_from_slice(args);
    let (code, out) = run(dir.path(), &a);
    assert_eq!(code, 0, "{out}");
    let o = p.join("output");
    (dir, o)
}

const SIZES: &str = "electronic:\n  signature_width: 52\n  signature_height: 24\n  seal: 36\n";

/// A signature field: name, page (1-based), rect in mm from the page's top-left (x0, y0, x1, y1).
#[derive(Debug, Clone)]
struct Field {
    name: String,
    page: usize,
    rect: (f64, f64, f64, f64),
}

fn fields(pdf: &Path) -> Vec<Field> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let pages: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
    let catalog = doc.catalog().unwrap();
    let Ok(form) = catalog.get(b"AcroForm") else {
        return Vec::new();
    };
    let form = match form {
        lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        o => o.as_dict().unwrap(),
    };
    let mut out = Vec::new();
    for f in form.get(b"Fields").unwrap().as_array().unwrap() {
        let d = doc.get_dictionary(f.as_reference().unwrap()).unwrap();
        assert_eq!(d.get(b"FT").unwrap().as_name().unwrap(), b"Sig");
        let name = lopdf::decode_text_string(d.get(b"T").unwrap()).unwrap();
        let p = d.get(b"P").unwrap().as_reference().unwrap();
        let page = pages.iter().find(|(_, id)| *id == p).unwrap().0 as usize;
        let r: Vec<f64> = d
            .get(b"Rect")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap() as f64)
            .collect();
        let h = 297.0;
        out.push(Field {
            name,
            page,
            rect: (r[0] * MM, h - r[3] * MM, r[2] * MM, h - r[1] * MM),
        });
    }
    out
}

/// Words of a page with their boxes in mm: (text, x0, y0, x1, y1), from `pdftotext -bbox`.
fn words(pdf: &Path, page: usize) -> Vec<(String, f64, f64, f64, f64)> {
    let p = page.to_string();
    let html = common::tool(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    let mut out = Vec::new();
    for line in html.lines().filter(|l| l.contains("<word ")) {
        let attr = |k: &str| -> f64 {
            let i = line.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
            line[i..].split('"').next().unwrap().parse().unwrap()
        };
        let text = line.split('>').nth(1).unwrap().split('<').next().unwrap();
        out.push((
            text.to_string(),
            attr("xMin") * MM,
            attr("yMin") * MM,
            attr("xMax") * MM,
            attr("yMax") * MM,
        ));
    }
    out
}

fn field<'a>(fs: &'a [Field], name: &str) -> &'a Field {
    fs.iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name} in {fs:?}"))
}

fn overlaps(r: (f64, f64, f64, f64), w: &(String, f64, f64, f64, f64)) -> bool {
    w.1 < r.2 && w.3 > r.0 && w.2 < r.3 && w.4 > r.1
}

/// ô 7c and ô 8 of `pdf`: the signer's area 52 × 24 mm between the title's last line and the
/// name, centred under them, nothing printed inside; the seal 36 mm square, its right edge a
/// third into the signature, centred on it vertically, nothing printed inside either.
fn check_signature_block(pdf: &Path, name: &str) {
    let fs = fields(pdf);
    let s = field(&fs, "signer");
    let o = field(&fs, "organisation");
    let (w, h) = (s.rect.2 - s.rect.0, s.rect.3 - s.rect.1);
    assert!(
        (w - 52.0).abs() < 0.05 && (h - 24.0).abs() < 0.05,
        "{pdf:?} signer {w}×{h}"
    );
    let (sw, sh) = (o.rect.2 - o.rect.0, o.rect.3 - o.rect.1);
    assert!(
        (sw - 36.0).abs() < 0.05 && (sh - 36.0).abs() < 0.05,
        "seal {sw}×{sh}"
    );
    assert_eq!(s.page, o.page);
    assert!(
        (o.rect.2 - (s.rect.0 + w / 3.0)).abs() < 0.05,
        "seal not over the left third"
    );
    let mid = |r: (f64, f64, f64, f64)| (r.1 + r.3) / 2.0;
    assert!((mid(o.rect) - mid(s.rect)).abs() < 0.05);
    let ws = words(pdf, s.page);
    for r in [s.rect, o.rect] {
        let inside: Vec<_> = ws.iter().filter(|w| overlaps(r, w)).collect();
        assert!(
            inside.is_empty(),
            "{pdf:?}: printed inside a signature area: {inside:?}"
        );
    }
    // The name right under the area, the title right above it, both centred on it.
    let last = name.split_whitespace().last().unwrap();
    let n = ws
        .iter()
        .find(|w| w.0 == last && w.2 > s.rect.3)
        .expect("name");
    // The band kept clear is as tall as the taller of the signature and the seal (36 mm), the
    // signature centred in it.
    let band = 36.0_f64.max(24.0);
    let gap_below = n.2 - s.rect.3;
    let least = (band - 24.0) / 2.0;
    assert!(
        gap_below >= least && gap_below < least + 4.0,
        "name {gap_below} mm below the area"
    );
    let title = ws
        .iter()
        .rev()
        .find(|w| w.4 <= s.rect.1 && w.0 == "TỊCH")
        .expect("title");
    let gap_above = s.rect.1 - title.4;
    assert!(
        gap_above >= least && gap_above < least + 4.0,
        "title {gap_above} mm above the area"
    );
    let name_line: Vec<_> = ws.iter().filter(|w| (w.4 - n.4).abs() < 0.5).collect();
    let name_mid = (name_line.first().unwrap().1 + name_line.last().unwrap().3) / 2.0;
    assert!(
        ((s.rect.0 + s.rect.2) / 2.0 - name_mid).abs() < 1.0,
        "not centred on the name"
    );
    // The seal stays inside the right column, clear of the recipients list.
    let left: Vec<_> = ws
        .iter()
        .filter(|w| {
            w.2 > o.rect.1 - 2.0 && w.4 < o.rect.3 && w.3 > o.rect.0 - 1.0 && w.1 < o.rect.0
        })
        .collect();
    assert!(
        left.is_empty(),
        "words touching the seal's left edge: {left:?}"
    );
}

/// Whether `parts` follow one another in `text` with only whitespace (at least one character of
/// it where `spaced`) between them.
fn in_sequence(text: &str, parts: &[&str]) -> bool {
    text.match_indices(parts[0]).any(|(i, first)| {
        let mut rest = &text[i + first.len()..];
        for p in &parts[1..] {
            let trimmed = rest.trim_start();
            if !trimmed.starts_with(p) {
                return false;
            }
            rest = &trimmed[p.len()..];
        }
        true
    })
}

fn blank_number_and_date(pdf: &Path, code: &str) {
    let t = common::tool(
        "pdftotext",
        &["-layout", "-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"],
    );
    assert!(
        in_sequence(&t, &["Số:", &format!("/{code}")]),
        "{pdf:?}: {t}"
    );
    // The number's place: "Số:" and "/KH-UBND" real text on one line with room between them
    // (at least 8 mm, the paper form's 12 mm blank near enough), as the signing application
    // searches for them.
    let ws = words(pdf, 1);
    let so = ws.iter().find(|w| w.0 == "Số:").expect("Số:");
    let code_w = ws.iter().find(|w| w.0 == format!("/{code}")).expect("code");
    assert!((so.4 - code_w.4).abs() < 0.3, "not on one line");
    let room = code_w.1 - so.3;
    assert!((8.0..20.0).contains(&room), "{room} mm for the number");
    let line = t.lines().find(|l| l.contains("Số:")).unwrap();
    assert!(
        squash(line).ends_with(", ngày tháng năm"),
        "date not blank: {line}"
    );
}

/// "(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm     của …": nothing filled in.
fn kem_theo_blank(t: &str) -> bool {
    in_sequence(
        &squash(t),
        &[
            "Kèm theo Quyết định số",
            "/QĐ-UBND ngày",
            "tháng",
            "năm",
            "của",
        ],
    )
}

fn electronic_files(out: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let e = out.join("dien-tu");
    let mut inv: Vec<PathBuf> = std::fs::read_dir(e.join("giay-moi"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    inv.sort();
    (
        e.join("ke-hoach.pdf"),
        inv[0].clone(),
        e.join("quyet-dinh-khen-thuong.pdf"),
    )
}

#[test]
fn electronic_layout_is_measured_on_the_pdfs() {
    let (_d, out) = project(SIZES, "", &["--truong-ky"]);
    let (plan, inv, dec) = electronic_files(&out);
    for pdf in [&plan, &inv, &dec] {
        check_signature_block(pdf, "Hà Thị Thủy");
    }
    blank_number_and_date(&plan, "KH-UBND");
    blank_number_and_date(&inv, "GM-UBND");
    blank_number_and_date(&dec, "QĐ-UBND");
    // The list in the same file: its "Kèm theo" line not filled in, and no field of its own.
    let t = pdf_text(&dec);
    assert!(kem_theo_blank(&t), "{t}");
    let names: Vec<String> = fields(&dec).into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["signer", "organisation"]);
    // The paper originals of the same build as a build without --dien-tu writes them.
    let dir = common::init_project();
    let (code, o) = run(dir.path(), &["build", "p", "-q"]);
    assert_eq!(code, 0, "{o}");
    let paper = dir.path().join("p/output");
    for f in ["ke-hoach.pdf", "quyet-dinh-khen-thuong.pdf", "giay-moi.pdf"] {
        assert_eq!(
            std::fs::read(paper.join(f)).unwrap(),
            std::fs::read(out.join(f)).unwrap(),
            "{f} changed"
        );
        assert!(fields(&out.join(f)).is_empty());
    }
}

#[test]
fn separate_appendix_has_its_area_top_right_and_the_decision_no_list() {
    // Asked for by the decision's data alone, the fields by the plan's settings.
    let (_d, out) = project(
        "electronic:\n  fields: true\n",
        "appendix_separate: true\nelectronic: true\n",
        &[],
    );
    let e = out.join("dien-tu");
    let dec = e.join("quyet-dinh-khen-thuong.pdf");
    let app = e.join("quyet-dinh-khen-thuong-phu-luc.pdf");
    assert!(!pdf_text(&dec).contains("DANH SÁCH TẬP THỂ"));
    let fs = fields(&app);
    assert_eq!(fs.len(), 1, "{fs:?}");
    let a = &fs[0];
    assert_eq!((a.name.as_str(), a.page), ("appendix", 1));
    // Top right of the first page: in the top margin (20 mm), flush with the right margin (15).
    assert!((a.rect.2 - (210.0 - 15.0)).abs() < 0.05, "{a:?}");
    assert!((a.rect.1 - 3.0).abs() < 0.05 && a.rect.3 <= 20.0, "{a:?}");
    assert!(words(&app, 1).iter().all(|w| !overlaps(a.rect, w)));
    let t = pdf_text(&app);
    assert!(t.contains("DANH SÁCH TẬP THỂ"));
    assert!(kem_theo_blank(&t), "{t}");
    // Only the decision asked for it: no plan or invitations issued electronically.
    assert!(!e.join("ke-hoach.pdf").exists());
    assert!(
        e.join("quyet-dinh-khen-thuong-phu-luc-metadata.xml")
            .exists()
    );
}

/// Whether an external tool runs; under CI=true it must.
fn have(cmd: &str, args: &[&str]) -> bool {
    let ok = Command::new(cmd)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{cmd} is needed (.ci/run installs it)");
    }
    if !ok {
        eprintln!("skipped: {cmd} is not installed");
    }
    ok
}

#[test]
fn pyhanko_signs_every_field_and_pdfsig_and_qpdf_agree() {
    if !(have("python3", &["-c", "import pyhanko, pyhanko_certvalidator"])
        & have("openssl", &["version"])
        & have("pdfsig", &["-v"])
        & have("qpdf", &["--version"]))
    {
        return;
    }
    let (d, out) = project("", "appendix_separate: true\n", &["--truong-ky"]);
    let t = d.path();
    let key = t.join("k.pem");
    let cert = t.join("c.pem");
    let st = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args(["-subj", "/CN=vinhdanh test"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(st.status.success());
    let (plan, inv, _) = electronic_files(&out);
    let e = out.join("dien-tu");
    let cases = [
        (plan, vec!["signer", "organisation"]),
        (inv, vec!["signer", "organisation"]),
        (
            e.join("quyet-dinh-khen-thuong.pdf"),
            vec!["signer", "organisation"],
        ),
        (
            e.join("quyet-dinh-khen-thuong-phu-luc.pdf"),
            vec!["appendix"],
        ),
    ];
    for (pdf, names) in cases {
        let signed = t.join(format!(
            "signed-{}",
            pdf.file_name().unwrap().to_str().unwrap()
        ));
        let o = Command::new("python3")
            .arg(common::repo().join("tests/esign/sign.py"))
            .args([&key, &cert, &pdf, &signed])
            .args(&names)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success(),
            "{pdf:?}: {said}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(said.lines().count(), names.len(), "{said}");
        assert!(
            said.lines()
                .last()
                .unwrap()
                .ends_with("coverage=ENTIRE_FILE"),
            "{said}"
        );
        let o = Command::new("pdfsig").arg(&signed).output().unwrap();
        let s = String::from_utf8_lossy(&o.stdout);
        assert_eq!(s.matches("Signature is Valid.").count(), names.len(), "{s}");
        let last = s.rsplit("Signature #").next().unwrap();
        assert!(
            last.contains("Total document signed") && !last.contains("Not total"),
            "{s}"
        );
        for n in &names {
            assert!(s.contains(&format!("Signature Field Name: {n}")), "{s}");
        }
        for f in [&pdf, &signed] {
            let o = Command::new("qpdf").arg("--check").arg(f).output().unwrap();
            let q = String::from_utf8_lossy(&o.stdout);
            assert!(o.status.success() && !q.contains("WARNING"), "{f:?}: {q}");
        }
    }
}

/// The metadata file field by field: what it says is what the PDF prints.
#[test]
fn metadata_matches_the_pdf_text() {
    let (_d, out) = project("", "", &["--dien-tu"]);
    let (plan, inv, dec) = electronic_files(&out);
    for pdf in [plan, inv, dec] {
        let xml_path = pdf.with_file_name(format!(
            "{}-metadata.xml",
            pdf.file_stem().unwrap().to_str().unwrap()
        ));
        let xml = std::fs::read_to_string(&xml_path).unwrap();
        let text = squash(&pdf_text(&pdf)).to_lowercase();
        let get = |tag: &str| -> Vec<String> {
            let mut v = Vec::new();
            for piece in xml.split(&format!("<{tag}")).skip(1) {
                if piece.starts_with("/>") {
                    v.push(String::new());
                } else if let Some(body) = piece.strip_prefix('>') {
                    let end = body.find(&format!("</{tag}>")).unwrap();
                    v.push(body[..end].replace("&amp;", "&"));
                }
            }
            v
        };
        let one = |tag: &str| get(tag).into_iter().next().unwrap_or_default();
        let appears = |tag: &str, v: &str| {
            assert!(!v.is_empty(), "{xml_path:?}: {tag} empty");
            assert!(
                text.contains(&squash(v).to_lowercase()),
                "{xml_path:?}: {tag} “{v}” not in the PDF"
            );
        };
        for tag in [
            "TypeName",
            "CodeNotation",
            "Subject",
            "Position",
            "FullName",
        ] {
            appears(tag, &one(tag));
        }
        // OrganName: the issuing body, printed in capitals over lines.
        appears("OrganName", &one("OrganName"));
        let to = get("OrganName");
        assert!(to.len() > 1, "no recipients");
        for r in &to[1..] {
            appears("To/OrganName", r);
        }
        assert_eq!(one("PageAmount"), pdf_pages(&pdf).to_string());
        assert_eq!(one("Language"), "Tiếng Việt");
        // The same values in the PDF's own XMP (what the catalog's metadata stream says, as
        // poppler reads it), beside what Typst wrote there.
        let meta = common::tool("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
        assert!(
            meta.contains("<dc:title>"),
            "{pdf:?}: Typst's XMP kept: {meta}"
        );
        for tag in [
            "TypeName",
            "CodeNotation",
            "OrganName",
            "Subject",
            "Language",
            "PageAmount",
            "Position",
            "FullName",
        ] {
            let v = one(tag).replace('&', "&amp;");
            assert!(
                meta.contains(&format!("<vbdi:{tag}>{v}</vbdi:{tag}>")),
                "{pdf:?}: XMP {tag} “{v}”: {meta}"
            );
        }
        for r in &to[1..] {
            let r = r.replace('&', "&amp;");
            assert!(
                meta.contains(&format!("<rdf:li>{r}</rdf:li>")),
                "{r}: {meta}"
            );
        }
        assert!(
            !meta.contains("<vbdi:CodeNumber>"),
            "left for the signing step"
        );
        // Left for the signing step, as the PDF leaves them.
        assert_eq!(
            (one("CodeNumber"), one("IssuedDate")),
            (String::new(), String::new())
        );
        for (tag, max) in [
            ("TypeName", 100),
            ("CodeNotation", 30),
            ("Subject", 500),
            ("OrganName", 200),
            ("Position", 100),
            ("FullName", 50),
        ] {
            for v in get(tag) {
                assert!(v.chars().count() <= max, "{tag}");
            }
        }
    }
}

#[test]
fn check_warns_of_paper_only_elements_and_long_fields() {
    let dir = common::init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    let mut text = std::fs::read_to_string(&plan).unwrap();
    text = text.replacen("  image: ~", "  image: assets/chu-ky.png", 1);
    text = text.replacen("  draft: false", "  draft: false\n  electronic: true", 1);
    std::fs::write(&plan, format!("{text}\n")).unwrap();
    let dec = p.join("data/decision.yaml");
    let long = "x".repeat(501);
    let text = std::fs::read_to_string(&dec)
        .unwrap()
        .replacen("number: ~", "number: 15", 1)
        .replacen("date: 2025-08 ", "date: 2025-08-20 ", 1)
        .replacen("summary: Về việc", &format!("summary: {long} Về việc"), 1);
    std::fs::write(&dec, format!("{text}\nelectronic: true\n")).unwrap();
    let (_, out) = run(dir.path(), &["check", "p"]);
    assert!(out.contains("không dán ảnh chữ ký"), "{out}");
    assert!(out.contains("signature.image"), "{out}");
    assert!(
        out.contains("data/decision.yaml:") && out.contains("trường number"),
        "{out}"
    );
    assert!(out.contains("trường date"), "{out}");
    assert!(out.contains("quá 500 ký tự của trường Subject"), "{out}");
}

/// `plan: electronic: true` and `invitation: electronic: true` in the data ask for those
/// documents' electronic copies alone, without `--dien-tu` (docs/dien-tu.md).
#[test]
fn the_plans_and_invitations_data_switches_ask_for_their_electronic_copies() {
    let dir = common::init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let text = text.replacen("  draft: false", "  draft: false\n  electronic: true", 1);
    std::fs::write(&plan, &text).unwrap();
    let (code, out) = run(dir.path(), &["build", "p", "-q"]);
    assert_eq!(code, 0, "{out}");
    let e = p.join("output/dien-tu");
    assert!(e.join("ke-hoach.pdf").is_file(), "the plan asked for it");
    assert!(!e.join("giay-moi").exists(), "the invitations did not");
    assert!(!e.join("quyet-dinh-khen-thuong.pdf").exists());
    blank_number_and_date(&e.join("ke-hoach.pdf"), "KH-UBND");

    let inv = text.replacen("invitation:\n", "invitation:\n  electronic: true\n", 1);
    assert_ne!(inv, text, "plan.yaml has an invitation block");
    std::fs::write(&plan, inv).unwrap();
    let (code, out) = run(dir.path(), &["build", "p", "-q"]);
    assert_eq!(code, 0, "{out}");
    let files = std::fs::read_dir(e.join("giay-moi")).unwrap().count();
    assert!(
        files >= 139,
        "one per delegate, with their metadata: {files}"
    );
}
