//! The messages of `serve` and `watch`, in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;

// ---- serve/ and watch ----

/// The labels of `serve`'s page, by the keys `index.html` and `app.js` use. `{n}`-style
/// placeholders are filled in by the page's script.
pub fn serve_labels() -> Vec<(&'static str, &'static str)> {
    vec![
        ("lang", pick("vi", "en")),
        (
            "page_title",
            pick(
                "vinhdanh – xem trước văn bản",
                "vinhdanh – document preview",
            ),
        ),
        (
            "heading",
            pick("Xem trước văn bản hội nghị", "The conference's documents"),
        ),
        (
            "building",
            pick("Đang dựng văn bản…", "Building the documents…"),
        ),
        (
            "first_build",
            pick(
                "Đang dựng văn bản lần đầu…",
                "Building the documents for the first time…",
            ),
        ),
        (
            "banner",
            pick(
                "Không đọc được dữ liệu: các trang dưới đây là bản dựng trước đó, chưa theo dữ liệu mới. Sửa các lỗi trong khung “Vấn đề” rồi lưu tệp.",
                "The data cannot be read: the pages below are the earlier build, not the new data. Fix the errors under “Problems”, then save the file.",
            ),
        ),
        (
            "banner_nothing",
            pick(
                "Không đọc được dữ liệu nên chưa dựng được văn bản nào. Sửa các lỗi trong khung “Vấn đề” rồi lưu tệp.",
                "The data cannot be read, so no document could be built yet. Fix the errors under “Problems”, then save the file.",
            ),
        ),
        (
            "banner_draft",
            pick(
                "Dữ liệu còn {n} lỗi: các trang dưới đây theo dữ liệu mới nhưng là BẢN NHÁP (có dải đỏ), không dùng để in. Tệp PDF trong output/ chỉ được ghi lại khi đã sửa hết lỗi trong khung “Vấn đề”.",
                "The data has {n} error(s): the pages below follow the new data but are a DRAFT (red band), not for print. The PDFs in output/ are written again only once every error under “Problems” is fixed.",
            ),
        ),
        ("problems", pick("Vấn đề", "Problems")),
        (
            "no_problems",
            pick("Không có lỗi hay cảnh báo.", "No errors or warnings."),
        ),
        ("errors", pick("Lỗi", "Errors")),
        ("warnings", pick("Cảnh báo", "Warnings")),
        ("state_ok", pick("đã cập nhật", "up to date")),
        ("state_rebuilding", pick("đang dựng lại", "rebuilding")),
        ("state_pending", pick("đang dựng", "building")),
        ("state_failed", pick("lỗi", "failed")),
        (
            "state_draft",
            pick("bản nháp · PDF chưa ghi lại", "draft · PDF not written"),
        ),
        (
            "state_stale",
            pick(
                "bản cũ · chưa theo dữ liệu mới",
                "earlier build · not the new data",
            ),
        ),
        ("pages", pick("{n} trang", "{n} page(s)")),
        ("page_alt", pick("{doc} – trang {n}", "{doc} – page {n}")),
        ("field", pick("[trường {field}]", "[field {field}]")),
        ("hint", pick("gợi ý: {hint}", "hint: {hint}")),
        ("search", pick("Tìm người: ", "Find a person: ")),
        ("search_placeholder", pick("Gõ tên để tìm…", "Type a name…")),
        ("search_label", pick("Tìm theo tên", "Search by name")),
        ("not_found", pick("Không tìm thấy.", "Not found.")),
        ("results", pick("{n} kết quả. ", "{n} result(s). ")),
        ("open_pdf", pick("mở PDF", "open the PDF")),
        (
            "records_in",
            pick(
                "{n} bản riêng trong thư mục {dir}",
                "{n} separate file(s) in the folder {dir}",
            ),
        ),
        ("rebuilding", pick("Đang dựng lại…", "Rebuilding…")),
        (
            "status",
            pick(
                "{n} văn bản · lần dựng gần nhất {ms} ms · tự cập nhật khi lưu tệp trong data/, templates/, fonts/, assets/",
                "{n} document(s) · last build {ms} ms · updates itself when a file in data/, templates/, fonts/, assets/ is saved",
            ),
        ),
        (
            "disconnected",
            pick(
                "Mất kết nối với vinhdanh serve; đang thử lại…",
                "Lost the connection to vinhdanh serve; trying again…",
            ),
        ),
    ]
}

message!(serve_needs_folder() vi "serve cần một thư mục dự án" en "serve needs a project folder");
message!(serve_port_failed(port: u16, e: &dyn std::fmt::Display) vi "không mở được cổng {port}: {e}" en "could not open port {port}: {e}");
message!(serve_url(url: &str) vi "Xem trước tại {url} (Ctrl+C để dừng)" en "Preview at {url} (Ctrl+C to stop)");
message!(watch_failed(e: &dyn std::fmt::Display) vi "không theo dõi được thư mục dự án: {e}" en "could not watch the project folder: {e}");
message!(serve_no_browser(url: &str) vi "Không mở được trình duyệt: hãy mở {url}" en "Could not open a browser: open {url}");
message!(serve_blocked() vi "Không đọc được dữ liệu: chưa dựng lại; trang xem trước giữ bản dựng trước đó." en "The data cannot be read: nothing rebuilt; the preview keeps the earlier pages.");
message!(serve_draft(n: usize) vi "Dữ liệu còn {n} lỗi: trang xem trước hiện bản nháp theo dữ liệu mới; output/ giữ các tệp PDF đúng gần nhất." en "The data has {n} error(s): the preview shows a draft of the new data; output/ keeps the last good PDFs.");
message!(serve_draft_dir_failed(e: &dyn std::fmt::Display) vi "không tạo được thư mục tạm cho bản nháp: {e}" en "could not create a temporary folder for drafts: {e}");
message!(serve_nothing_changed(ms: u128) vi "Không văn bản nào thay đổi ({ms} ms)." en "No document changed ({ms} ms).");
message!(serve_rebuilt(list: &str, ms: u128, i: u128) vi "Đã dựng lại {list} trong {ms} ms; ảnh trang mới sẵn sàng sau {i} ms." en "Rebuilt {list} in {ms} ms; the new page images were ready after {i} ms.");
message!(serve_job_done(name: &str, ms: u128, images: usize, since: u128) vi "  {name}: dựng trong {ms} ms, {images} ảnh trang mới, xong lúc {since} ms" en "  {name}: built in {ms} ms, {images} new page image(s), done at {since} ms");
message!(serve_built(n: usize, ms: u128) vi "Đã dựng {n} văn bản trong {ms} ms." en "Built {n} document(s) in {ms} ms.");
message!(watch_needs_folder() vi "watch cần một thư mục dự án" en "watch needs a project folder");
message!(watch_started() vi "Đang theo dõi data/, templates/, fonts/, assets/ (Ctrl+C để dừng)." en "Watching data/, templates/, fonts/, assets/ (Ctrl+C to stop).");
message!(watch_saved(list: &str) vi "Đã lưu: {list}" en "Saved: {list}");
message!(watch_blocked(errors: usize) vi "Dữ liệu có {errors} lỗi: chưa in lại. Sửa rồi lưu tệp, vinhdanh sẽ tự kiểm tra lại." en "The data has {errors} error(s): nothing reprinted. Fix and save the file; vinhdanh checks again by itself.");
message!(watch_nothing_changed() vi "Không văn bản nào thay đổi." en "No document changed.");
/// "Đã in lại …": seconds with a decimal comma in Vietnamese, a point in English.
pub fn watch_reprinted(list: &str, secs: f64) -> String {
    let s = format!("{secs:.2}");
    match lang() {
        Lang::Vi => format!("Đã in lại {list} trong {} giây.", s.replace('.', ",")),
        Lang::En => format!("Reprinted {list} in {s} s."),
    }
}
message!(http_read_only() vi "Chỉ đọc: phương thức không được phép" en "Read-only: method not allowed");
message!(http_bad_host() vi "Tên máy không được phép (chỉ 127.0.0.1 hoặc localhost)" en "Host not allowed (only 127.0.0.1 or localhost)");
message!(http_not_found() vi "Không có trang này" en "No such page");
/// A document's name on the serve page, from the output it writes.
pub fn document_title(output: &str) -> Option<&'static str> {
    Some(match output {
        "ke-hoach.pdf" => pick("Kế hoạch", "Plan"),
        "giay-moi/" => pick("Giấy mời", "Invitations"),
        "danh-sach-dai-bieu.pdf" => pick("Danh sách đại biểu", "Delegate list"),
        "chuong-trinh.pdf" => pick("Chương trình hội nghị", "Conference programme"),
        "quyet-dinh-khen-thuong.pdf" => pick("Quyết định khen thưởng", "Award decision"),
        "giay-khen/" => pick("Giấy khen", "Certificates"),
        "giay-khen-phoi.pdf" => pick(
            "Giấy khen (in trên phôi)",
            "Certificates (on pre-printed blanks)",
        ),
        _ => return None,
    })
}

message!(job_failed(name: &str) vi "Không in được {name}:" en "Could not print {name}:");
message!(
    serve_retry_held_open()
    vi "Trang xem trước sẽ tự ghi lại tệp đó khi nó được đóng trong trình đọc PDF."
    en "The preview writes that file again once it is closed in the PDF reader."
);
