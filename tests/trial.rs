//! The new clerk's trial (`tests/fixtures/trial`: another commune's data typed from the README
//! alone, names invented), built as the clerk built it: what the trial found, checked on the
//! console's lines and on the PDFs read back with poppler.

use crate::common;

use std::sync::OnceLock;

use common::*;

/// The trial project built once: (its folder, the console's output).
fn built() -> &'static (tempfile::TempDir, String) {
    static BUILT: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture("trial"), dir.path());
        let (code, out) = run(dir.path(), &["build"]);
        assert_eq!(code, 0, "{out}");
        (dir, out)
    })
}

fn output(name: &str) -> std::path::PathBuf {
    built().0.path().join("output").join(name)
}

/// `build` said 12 pages for the booklet while the page showed 8: 12 was the reading copy's 8
/// and the print copy's 4 added up. Each file is now told with its own count, the one pdfinfo
/// reads in it.
#[test]
fn build_tells_each_booklet_file_its_own_page_count() {
    let out = &built().1;
    let reading = pdf_pages(&output("chuong-trinh.pdf"));
    let print = pdf_pages(&output("chuong-trinh-in.pdf"));
    assert_eq!((reading, print), (8, 4), "the trial's booklet");
    let line =
        format!("đã in chuong-trinh.pdf ({reading} trang), chuong-trinh-in.pdf ({print} trang)");
    assert!(out.contains(&line), "{line}\n{out}");
    // Every document's line agrees with its file.
    for name in [
        "ke-hoach.pdf",
        "danh-sach-dai-bieu.pdf",
        "quyet-dinh-khen-thuong.pdf",
    ] {
        let line = format!("đã in {name} ({} trang)", pdf_pages(&output(name)));
        assert!(out.contains(&line), "{line}\n{out}");
    }
}

/// The Vice-Chairman (Trần Minh Khoa) was listed above the Chairman (Nguyễn Thị Hồng Nhung):
/// the group was sorted by given name, and Khoa comes before Nhung. The check-in list keeps the
/// order the clerk wrote (protocol rank), as the invitations do.
#[test]
fn the_chairman_is_listed_before_the_vice_chairman() {
    use std::cmp::Ordering;
    // What made the trial's data show it: the Vice-Chairman's name sorts first.
    assert_eq!(
        vinhdanh::collate::compare_person_names("Trần Minh Khoa", "Nguyễn Thị Hồng Nhung"),
        Ordering::Less
    );
    let text = squash(&pdf_text(&output("danh-sach-dai-bieu.pdf")));
    // The leaders in the order of data/delegates.csv.
    let order = [
        "Lê Văn Thành",
        "Nguyễn Thị Hồng Nhung",
        "Trần Minh Khoa",
        "Phạm Quốc Dũng",
        "Đỗ Thị Lan",
        "Bùi Văn Nam",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("{n} in {text}")))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "{order:?} at {at:?}: {text}"
    );
    // The invitations' numbers follow the same order.
    let names: Vec<String> = std::fs::read_dir(output("giay-moi"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"003-nguyen-thi-hong-nhung.pdf".into()),
        "{names:?}"
    );
    assert!(
        names.contains(&"004-tran-minh-khoa.pdf".into()),
        "{names:?}"
    );
}

/// The cover's "Thời gian:" line broke inside the date ("… ngày 15 tháng 11" / "năm 2026"):
/// the date now stays whole on one line.
#[test]
fn the_booklet_cover_keeps_the_date_on_one_line() {
    let path = output("chuong-trinh.pdf");
    let cover = tool(
        "pdftotext",
        &[
            "-layout",
            "-enc",
            "UTF-8",
            "-f",
            "1",
            "-l",
            "1",
            path.to_str().unwrap(),
            "-",
        ],
    );
    let date = "ngày 15 tháng 11 năm 2026";
    assert!(
        cover.lines().any(|l| squash(l).contains(date)),
        "“{date}” on one line of the cover:\n{cover}"
    );
    assert!(
        squash(&cover).contains("07 giờ 30 phút, sáng Chủ nhật,"),
        "{cover}"
    );
}

/// `vinhdanh check` in a copy of the trial whose plan.yaml's date line is `date`.
fn check_with_date(date: &str) -> (i32, String, usize) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("trial"), dir.path());
    let plan = dir.path().join("data/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("date: 15/11/2026"))
        .expect("the trial's conference date")
        + 1;
    std::fs::write(&plan, text.replacen("date: 15/11/2026", date, 1)).unwrap();
    let (code, out) = run(dir.path(), &["check"]);
    (code, out, line)
}

fn day_off_warning(out: &str, line: usize) -> bool {
    out.lines().any(|l| l.contains("ngày nghỉ cuối tuần"))
        && out.contains(&format!("data/plan.yaml:{line}:"))
}

/// The trial's conference falls on a Sunday (15/11/2026) and nothing said so. A Saturday or a
/// Sunday is warned (not an error) at the date's line; `# đã kiểm tra` on that line confirms
/// it; a weekday says nothing.
#[test]
fn a_conference_on_a_weekend_is_warned_at_its_date_until_confirmed() {
    let (code, out, line) = check_with_date("date: 15/11/2026");
    assert_eq!(code, 0, "a warning, not an error: {out}");
    assert!(day_off_warning(&out, line), "{out}");
    assert!(
        out.contains("ngày hội nghị 15/11/2026 là Chủ nhật"),
        "{out}"
    );
    assert!(
        out.contains("# đã kiểm tra"),
        "the hint says how to confirm: {out}"
    );

    let (_, out, line) = check_with_date("date: 14/11/2026");
    assert!(out.contains("ngày hội nghị 14/11/2026 là thứ Bảy"), "{out}");
    assert!(day_off_warning(&out, line), "{out}");

    let (code, out, _) = check_with_date("date: 15/11/2026   # đã kiểm tra");
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("ngày nghỉ cuối tuần"), "confirmed: {out}");

    let (_, out, _) = check_with_date("date: 13/11/2026");
    assert!(!out.contains("ngày nghỉ cuối tuần"), "a Friday: {out}");
}

/// `sample: true` in honorees.yaml (the sample's own list) is warned as delegates.yaml's is, at
/// its line; `sample: false` says nothing.
#[test]
fn a_sample_honours_list_is_warned_until_marked_real() {
    let dir = init_project();
    let p = dir.path().join("p");
    let file = p.join("data/honorees.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("sample: true"))
        .expect("the sample's flag")
        + 1;
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 0, "{out}");
    let message = "danh sách khen thưởng là dữ liệu mẫu";
    assert!(out.contains(message), "{out}");
    assert!(
        out.contains(&format!("data/honorees.yaml:{line}:")),
        "{out}"
    );
    // The flag's own line (the file's comments quote it too).
    std::fs::write(&file, text.replacen("\nsample: true", "\nsample: false", 1)).unwrap();
    let (_, out) = run(dir.path(), &["check", "p"]);
    assert!(!out.contains(message), "{out}");
}
