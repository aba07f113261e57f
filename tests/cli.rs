//! The everyday command line: `build --only/--quiet/--verbose`, stale outputs, `preview`,
//! `build --png`, `build --pdf-a`, completions, the man page and the message language.

use crate::common;

use std::path::Path;

use common::{init_project, pdf_pages, run};

fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn only_builds_the_named_outputs() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(
        &p,
        &["build", "--only", "ke-hoach.pdf,quyet-dinh-khen-thuong.pdf"],
    );
    assert_eq!(code, 0, "{out}");
    let written = files(&p.join("output"));
    assert_eq!(
        written,
        [
            ".vinhdanh-lock",
            ".vinhdanh-manifest",
            "ke-hoach.pdf",
            "quyet-dinh-khen-thuong.pdf"
        ],
        "{out}"
    );
    assert!(out.contains("Đã ghi 2 tệp"), "{out}");
    // A batch by its print file: that file alone, its pages those of every certificate.
    let (code, out) = run(&p, &["build", "--only", "giay-khen.pdf"]);
    assert_eq!(code, 0, "{out}");
    assert!(p.join("output/giay-khen.pdf").is_file());
    assert_eq!(pdf_pages(&p.join("output/giay-khen.pdf")), 44, "{out}");
    assert!(!p.join("output/giay-khen").exists(), "{out}");
    assert!(!p.join("output/giay-moi.pdf").exists());
    // By its folder: the records' files and the print file.
    let (code, out) = run(&p, &["build", "--only", "giay-khen/"]);
    assert_eq!(code, 0, "{out}");
    let one = p.join("output/giay-khen/001-chi-bo-thon-ha-tien.pdf");
    assert!(one.is_file(), "{out}");
    assert_eq!(files(&p.join("output/giay-khen")).len(), 44);
    // The print file again: the records' files of the earlier build stay, untouched.
    let before = std::fs::read(&one).unwrap();
    std::fs::remove_file(p.join("output/giay-khen.pdf")).unwrap();
    let (code, out) = run(&p, &["build", "--only", "giay-khen.pdf"]);
    assert_eq!(code, 0, "{out}");
    let alone = std::fs::read(p.join("output/giay-khen.pdf")).unwrap();
    assert_eq!(files(&p.join("output/giay-khen")).len(), 44, "{out}");
    assert_eq!(std::fs::read(&one).unwrap(), before);
    // A whole build after it removes nothing of either, and its print file is the same file.
    let (code, out) = run(&p, &["build"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(files(&p.join("output/giay-khen")).len(), 44, "{out}");
    assert!(std::fs::read(p.join("output/giay-khen.pdf")).unwrap() == alone);
}

#[test]
fn only_an_unknown_name_is_misuse_with_a_suggestion() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--only", "giay-khen.pd"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("không có văn bản “giay-khen.pd”"), "{out}");
    assert!(out.contains("có phải “giay-khen.pdf”?"), "{out}");
    assert!(out.contains("ke-hoach.pdf, giay-moi/"), "{out}");
    assert!(!p.join("output").exists(), "nothing is written on misuse");
}

#[test]
fn quiet_verbose_and_log_lines() {
    let dir = init_project();
    let p = dir.path().join("p");
    // Standard error is a pipe here (a log): one plain line per document, no bar.
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("đã in ke-hoach.pdf (5 trang)\n"), "{out}");
    assert!(
        !out.contains('\r') && !out.contains("\x1b["),
        "no bar drawing in a log: {out}"
    );
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf", "--verbose"]);
    assert_eq!(code, 0, "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("đã in ke-hoach.pdf (5 trang, "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.ends_with(" ms)"), "{line}");
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf", "--quiet"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("đã in") && !out.contains("Đã ghi"), "{out}");
}

#[test]
fn build_removes_its_own_stale_outputs_only() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--only", "giay-khen/,giay-moi/"]);
    assert_eq!(code, 0, "{out}");
    let invitations = files(&p.join("output/giay-moi")).len();
    let gone = p.join("output/giay-khen/044-vu-dinh-trong.pdf");
    assert!(gone.is_file());
    // The clerk's own files beside the certificates, one of them numbered like ours.
    let own = [
        p.join("output/giay-khen/045-ban-chup-cua-toi.pdf"),
        p.join("output/giay-khen/ghi-chu.txt"),
        p.join("output/danh-sach-ky-nhan.pdf"),
    ];
    for f in &own {
        std::fs::write(f, b"cua van thu").unwrap();
    }
    // A certificate the clerk replaced by hand is theirs now.
    let edited = p.join("output/giay-khen/043-thich-dam-hanh.pdf");
    std::fs::write(&edited, b"ban da sua").unwrap();

    // The last honoree (cn-32) and their delegate seat are deleted, and 043 (cn-31) too.
    let honorees = std::fs::read_to_string(p.join("data/honorees.yaml")).unwrap();
    let cut = honorees.find("  - id: cn-31\n").unwrap();
    std::fs::write(p.join("data/honorees.yaml"), &honorees[..cut]).unwrap();
    let delegates = std::fs::read_to_string(p.join("data/delegates.yaml")).unwrap();
    let delegates: String = delegates
        .lines()
        .filter(|l| !l.contains("honoree: cn-32") && !l.contains("honoree: cn-31"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(p.join("data/delegates.yaml"), delegates).unwrap();

    let (code, out) = run(&p, &["build", "--only", "giay-khen/,giay-moi/", "--force"]);
    assert_eq!(code, 0, "{out}");
    // Two delegates fewer: the invitations after them are renumbered, the old files go.
    assert_eq!(
        files(&p.join("output/giay-moi")).len(),
        invitations - 2,
        "{out}"
    );
    assert!(
        !gone.exists(),
        "the deleted honoree's certificate is removed: {out}"
    );
    assert!(out.contains("tệp cũ không còn dùng"), "{out}");
    for f in &own {
        assert_eq!(std::fs::read(f).unwrap(), b"cua van thu", "{}", f.display());
    }
    assert_eq!(std::fs::read(&edited).unwrap(), b"ban da sua");
    assert!(
        p.join("output/giay-khen/001-chi-bo-thon-ha-tien.pdf")
            .is_file()
    );
}

/// Grey levels of a PNG (8-bit RGB/RGBA/grey), with its size.
fn grey(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "{}", path.display());
    let px = buf[..info.buffer_size()]
        .chunks(step)
        .map(|c| match step {
            1 | 2 => c[0],
            _ => ((u32::from(c[0]) + u32::from(c[1]) + u32::from(c[2])) / 3) as u8,
        })
        .collect();
    (info.width, info.height, px)
}

/// Mean absolute difference of two images' grey levels over their common area (0–255).
fn difference(a: &Path, b: &Path) -> f64 {
    let (wa, ha, pa) = grey(a);
    let (wb, hb, pb) = grey(b);
    assert!(
        wa.abs_diff(wb) <= 2 && ha.abs_diff(hb) <= 2,
        "{wa}x{ha} vs {wb}x{hb}"
    );
    let (w, h) = (wa.min(wb), ha.min(hb));
    let mut sum = 0u64;
    for y in 0..h {
        for x in 0..w {
            let i = (y * wa + x) as usize;
            let j = (y * wb + x) as usize;
            sum += u64::from(pa[i].abs_diff(pb[j]));
        }
    }
    sum as f64 / f64::from(w * h)
}

/// Page `page` of a PDF as poppler draws it (the independent oracle), at 96 ppi.
fn poppler_png(pdf: &Path, page: usize, out: &Path) -> std::path::PathBuf {
    let p = page.to_string();
    let file = pdf.file_stem().unwrap().to_string_lossy();
    let stem = out.join(format!("poppler-{file}-{page}"));
    common::tool(
        "pdftoppm",
        &[
            "-r",
            "96",
            "-f",
            &p,
            "-l",
            &p,
            "-png",
            "-singlefile",
            pdf.to_str().unwrap(),
            stem.to_str().unwrap(),
        ],
    );
    stem.with_extension("png")
}

#[test]
fn preview_draws_the_asked_page_as_poppler_does() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf,giay-khen/"]);
    assert_eq!(code, 0, "{out}");
    let before = common::tree(&p.join("output"));
    let (code, out) = run(&p, &["preview", "--doc", "ke-hoach.pdf", "--page", "2"]);
    assert_eq!(code, 0, "{out}");
    let png = p.join("output/xem-truoc/ke-hoach-2.png");
    assert!(out.contains(&png.display().to_string()), "{out}");
    let page2 = poppler_png(&p.join("output/ke-hoach.pdf"), 2, dir.path());
    let page1 = poppler_png(&p.join("output/ke-hoach.pdf"), 1, dir.path());
    let same = difference(&png, &page2);
    let other = difference(&png, &page1);
    // Two rasterisers anti-alias differently; another page differs several times more.
    assert!(
        same < 12.0 && other > 3.0 * same,
        "page 2: {same}, page 1: {other}"
    );

    // One person's certificate, by their code.
    let (code, out) = run(&p, &["preview", "--doc", "giay-khen/", "--record", "cn-05"]);
    assert_eq!(code, 0, "{out}");
    let png = p.join("output/xem-truoc/giay-khen/017-vu-thi-thu-ha.png");
    let theirs = poppler_png(
        &p.join("output/giay-khen/017-vu-thi-thu-ha.pdf"),
        1,
        dir.path(),
    );
    let neighbour = poppler_png(
        &p.join("output/giay-khen/016-do-van-khang.pdf"),
        1,
        dir.path(),
    );
    let same = difference(&png, &theirs);
    let other = difference(&png, &neighbour);
    assert!(
        same < 12.0 && other > same,
        "own: {same}, neighbour: {other}"
    );
    // Previews leave the printed PDFs alone.
    let mut after = common::tree(&p.join("output"));
    after.retain(|k, _| !k.starts_with("xem-truoc"));
    assert!(before == after, "a preview changed the printed files");
}

#[test]
fn preview_refuses_what_is_not_there() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["preview", "--doc", "ke-hoach.pdf", "--page", "9"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("ke-hoach.pdf không có trang 9 (chỉ có 5 trang)"),
        "{out}"
    );
    let (code, out) = run(&p, &["preview", "--doc", "giay-khen/", "--record", "cn-99"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("giay-khen/ không có bản của “cn-99”"), "{out}");
    let (code, out) = run(
        &p,
        &["preview", "--doc", "ke-hoach.pdf", "--record", "cn-01"],
    );
    assert_eq!(code, 2, "{out}");
    let (code, out) = run(&p, &["preview", "--doc", "ke-hoach"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("có phải “ke-hoach.pdf”?"), "{out}");
    assert!(!p.join("output/xem-truoc").exists());
}

#[test]
fn build_png_writes_the_first_page_of_every_pdf() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--png", "--only", "ke-hoach.pdf,giay-moi/"]);
    assert_eq!(code, 0, "{out}");
    let pdfs: Vec<String> = files(&p.join("output"))
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .collect();
    let pngs: Vec<String> = files(&p.join("output/xem-truoc"));
    let expected: Vec<String> = pdfs.iter().map(|f| f.replace(".pdf", ".png")).collect();
    assert_eq!(pngs, expected);
    let plan = p.join("output/xem-truoc/ke-hoach.png");
    let oracle = poppler_png(&p.join("output/ke-hoach.pdf"), 1, dir.path());
    let d = difference(&plan, &oracle);
    assert!(d < 12.0, "{d}");
}

/// The conference date in a project's plan.yaml: what the archive copy is dated (not the clock).
fn conference_date(project: &Path) -> String {
    let text = std::fs::read_to_string(project.join("data/plan.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    match &v["conference"]["date"] {
        serde_yaml::Value::String(s) => s.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pdf_a_copies_declare_pdf_a_2b_and_embed_every_font() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--pdf-a"]);
    assert_eq!(code, 0, "{out}");
    let archived = files(&p.join("output/luu-tru"));
    // The documents of their own; not the per-person batches nor the imposed booklet.
    assert_eq!(
        archived,
        [
            "chuong-trinh.pdf",
            "danh-sach-dai-bieu.pdf",
            "ke-hoach.pdf",
            "quyet-dinh-khen-thuong.pdf"
        ]
    );
    let date = conference_date(&p); // "2025-08-22"
    for name in &archived {
        let pdf = p.join("output/luu-tru").join(name);
        let bytes = std::fs::read(&pdf).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        // XMP identification: PDF/A part 2, conformance B.
        assert!(text.contains("<pdfaid:part>2</pdfaid:part>"), "{name}");
        assert!(
            text.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "{name}"
        );
        assert!(
            text.contains(&format!("<xmp:CreateDate>{date}")),
            "{name} dated from data"
        );
        let fonts = common::tool("pdffonts", &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type [type…] encoding emb sub uni id gen: `emb` is 5th from the end.
            assert_eq!(cols[cols.len() - 5], "yes", "{name}: not embedded: {row}");
        }
        let check = std::process::Command::new("qpdf")
            .args(["--check", pdf.to_str().unwrap()])
            .output()
            .expect("qpdf is needed (apt-get install qpdf)");
        assert!(
            check.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    // The ordinary print file is not PDF/A.
    let plain = std::fs::read(p.join("output/ke-hoach.pdf")).unwrap();
    assert!(!String::from_utf8_lossy(&plain).contains("pdfaid:part"));
}

#[test]
fn pdf_a_refuses_a_cmyk_image_clearly() {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::create_dir_all(p.join("assets")).unwrap();
    std::fs::copy(
        common::fixture("pdfa/chu-ky-cmyk.jpg"),
        p.join("assets/chu-ky.jpg"),
    )
    .unwrap();
    let plan = std::fs::read_to_string(p.join("data/plan.yaml")).unwrap();
    let plan = plan.replacen("  image: ~", "  image: assets/chu-ky.jpg", 1);
    std::fs::write(p.join("data/plan.yaml"), plan).unwrap();
    let (code, out) = run(&p, &["build", "--pdf-a", "--only", "ke-hoach.pdf"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("không tạo được bản lưu trữ PDF/A-2b của ke-hoach.pdf: ảnh assets/chu-ky.jpg dùng hệ màu CMYK"),
        "{out}"
    );
    assert!(out.contains("lưu lại dưới dạng PNG"), "{out}");
    // The ordinary PDF, which may hold a CMYK image, is still written.
    assert!(p.join("output/ke-hoach.pdf").is_file());
    assert!(!p.join("output/luu-tru/ke-hoach.pdf").exists());
}

#[test]
fn bash_completions_load_and_know_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (code, script) = run(dir.path(), &["completions", "bash"]);
    assert_eq!(code, 0, "{script}");
    let file = dir.path().join("vinhdanh.bash");
    std::fs::write(&file, &script).unwrap();
    // Sourced by a real bash: the function is registered for `vinhdanh`, and asking it to
    // complete `vinhdanh bu` and `vinhdanh build --on` gives the command and the option.
    let probe = format!(
        "source {f}; complete -p vinhdanh; \
         COMP_WORDS=(vinhdanh bu); COMP_CWORD=1; COMP_LINE='vinhdanh bu'; COMP_POINT=11; \
         _vinhdanh vinhdanh bu vinhdanh; echo \"words: ${{COMPREPLY[*]}}\"; \
         COMP_WORDS=(vinhdanh build --on); COMP_CWORD=2; COMP_LINE='vinhdanh build --on'; COMP_POINT=19; \
         _vinhdanh vinhdanh --on build; echo \"options: ${{COMPREPLY[*]}}\"",
        f = file.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("-F _vinhdanh vinhdanh"), "{text}");
    assert!(text.contains("words: build"), "{text}");
    assert!(text.contains("options: --only"), "{text}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let (code, script) = run(dir.path(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains("preview"), "{shell}");
    }
}

#[test]
fn man_page_is_valid_roff_with_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let (code, page) = run(dir.path(), &["man"]);
    assert_eq!(code, 0, "{page}");
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &page[..80.min(page.len())]
    );
    assert!(page.contains(".TH vinhdanh 1"), "{page}");
    let file = dir.path().join("vinhdanh.1");
    std::fs::write(&file, &page).unwrap();
    // groff formats it without a warning (-ww: all warnings); -k reads UTF-8 as man-db does.
    let out = std::process::Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", file.to_str().unwrap()])
        .output()
        .expect("groff (man-db's formatter) is needed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.trim().is_empty(), "{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["build", "check", "preview", "completions", "man"] {
        assert!(text.contains(cmd), "{cmd} missing from the man page");
    }
    assert!(text.contains("In tất cả văn bản của dự án"), "{text}");
    // One page per command with --out.
    let (code, out) = run(dir.path(), &["man", "--out", "man1"]);
    assert_eq!(code, 0, "{out}");
    let pages = files(&dir.path().join("man1"));
    assert!(pages.contains(&"vinhdanh.1".to_string()), "{pages:?}");
    assert!(pages.contains(&"vinhdanh-build.1".to_string()), "{pages:?}");
}

#[test]
fn lang_en_alone_switches_to_english() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["--lang", "en", "build", "--only", "ke-hoach.pdf"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Wrote 1 file(s) to "), "{out}");
    assert!(out.contains("printed ke-hoach.pdf (5 page(s))"), "{out}");
    let (code, out) = run(&p, &["build", "--only", "ke-hoach", "--lang", "en"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("error: no document named “ke-hoach”"), "{out}");
    assert!(out.contains("hint: did you mean “ke-hoach.pdf”?"), "{out}");
    let (code, out) = run(&p, &["--lang", "en", "build", "--help"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Prints every document of the project into output/."),
        "{out}"
    );
    assert!(out.contains("Options:"), "{out}");
}

#[test]
fn an_english_locale_still_speaks_vietnamese() {
    let dir = init_project();
    let p = dir.path().join("p");
    let with_locale = |args: &[&str]| {
        let out = common::bin()
            .args(args)
            .current_dir(&p)
            .env("LANG", "en_US.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .env("LANGUAGE", "en")
            .output()
            .unwrap();
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        (out.status.code().unwrap(), text)
    };
    let (code, out) = with_locale(&["build", "--only", "ke-hoach.pdf"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Đã ghi 1 tệp vào "), "{out}");
    let (code, out) = with_locale(&["build", "--only", "ke-hoach"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("lỗi: không có văn bản “ke-hoach”"), "{out}");
    let (_, out) = with_locale(&["build", "--help"]);
    assert!(
        out.contains("Tuỳ chọn:") && out.contains("Cách dùng:"),
        "{out}"
    );
}

/// README's pictures of the documents are what `preview --ppi 40` draws from the embedded
/// default project today (regenerate them with the commands below when a template changes).
#[test]
fn readme_pictures_are_current_previews() {
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    let cases: [(&str, &[&str], &str); 7] = [
        ("ke-hoach.png", &["--doc", "ke-hoach.pdf"], "ke-hoach.png"),
        (
            "giay-moi.png",
            &["--doc", "giay-moi/", "--record", "db-001"],
            "giay-moi/001-vu-duc-thang.png",
        ),
        (
            "danh-sach-dai-bieu.png",
            &["--doc", "danh-sach-dai-bieu.pdf"],
            "danh-sach-dai-bieu.png",
        ),
        (
            "quyet-dinh-khen-thuong.png",
            &["--doc", "quyet-dinh-khen-thuong.pdf"],
            "quyet-dinh-khen-thuong.png",
        ),
        (
            "giay-khen.png",
            &["--doc", "giay-khen/", "--record", "tt-01"],
            "giay-khen/001-chi-bo-thon-ha-tien.png",
        ),
        (
            "chuong-trinh.png",
            &["--doc", "chuong-trinh.pdf"],
            "chuong-trinh.png",
        ),
        (
            "chuong-trinh-in.png",
            &["--doc", "chuong-trinh-in.pdf"],
            "chuong-trinh-in.png",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (picture, args, made) in cases {
        assert!(
            readme.contains(&format!("(docs/hinh/{picture})")),
            "README shows {picture}"
        );
        let mut all = vec!["preview", "--ppi", "40", "--out", "out"];
        all.extend_from_slice(args);
        let (code, out) = run(dir.path(), &all);
        assert_eq!(code, 0, "{out}");
        let d = difference(
            &common::repo().join("docs/hinh").join(picture),
            &dir.path().join("out/xem-truoc").join(made),
        );
        assert!(
            d < 1.0,
            "docs/hinh/{picture} differs from today's preview ({d})"
        );
    }
}

#[test]
fn data_errors_in_english_keep_their_location() {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = std::fs::read_to_string(p.join("data/plan.yaml")).unwrap();
    let plan = plan.replacen("conference:\n  name:", "conference:\n  nmae:", 1);
    std::fs::write(p.join("data/plan.yaml"), plan).unwrap();
    let (code, out) = run(&p, &["check", "--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: the key “nmae” is not part of the data schema"),
        "{out}"
    );
    assert!(out.contains("did you mean “name”?"), "{out}");
    assert!(out.contains("data/plan.yaml:"), "{out}");
    let (_, out) = run(&p, &["check"]);
    assert!(
        out.contains("lỗi: khóa “nmae” không có trong mẫu dữ liệu"),
        "{out}"
    );
}

/// `check --strict` fails on warnings alone and says why (the summary counts no error).
#[test]
fn check_strict_says_the_warnings_count_as_errors() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("--strict"), "{out}");
    let (code, out) = run(&p, &["check", "--strict"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Kiểm tra xong: 0 lỗi,"), "{out}");
    assert!(
        out.contains("--strict: ") && out.contains("cảnh báo được tính là lỗi (mã thoát 1)"),
        "{out}"
    );
}
