//! The messages of `serve` and `watch`, in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;

// ---- serve/ and watch ----

/// The comment `rules::samples` reads as "checked, keep this value": data vocabulary, written
/// as is in either language (the page's "Đúng, giữ giá trị này" writes it).
pub const CONFIRMED: &str = "đã kiểm tra";

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
        (
            "pages_of",
            pick("{n} trang của {name}", "{n} page(s) of {name}"),
        ),
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
        (
            "checklist",
            pick("Các việc của hội nghị", "The conference's checklist"),
        ),
        (
            "check_plan",
            pick(
                "Cơ quan, người ký, hội nghị",
                "Authority, signers, conference",
            ),
        ),
        ("check_delegates", pick("Đại biểu", "Delegates")),
        ("check_honorees", pick("Khen thưởng", "Honorees")),
        (
            "check_agenda",
            pick("Chương trình, phân công", "Programme, duties"),
        ),
        ("check_decision", pick("Quyết định", "Decision")),
        ("check_print", pick("In", "Print")),
        ("check_people", pick("{n} người", "{n} people")),
        ("check_ok", pick("xong", "done")),
        ("check_errors", pick("{n} lỗi", "{n} error(s)")),
        ("check_warnings", pick("{n} cảnh báo", "{n} warning(s)")),
        (
            "check_samples",
            pick(
                "{n} giá trị còn của dữ liệu mẫu",
                "{n} value(s) still the sample's",
            ),
        ),
        ("check_missing", pick("chưa có", "not there yet")),
        (
            "check_printed",
            pick("PDF đã ghi trong output/", "PDFs written in output/"),
        ),
        (
            "check_not_printed",
            pick("PDF chưa ghi lại: còn lỗi", "PDFs not written: errors left"),
        ),
        ("check_busy", pick("đang dựng…", "building…")),
    ]
}

message!(serve_needs_folder() vi "serve cần một thư mục dự án" en "serve needs a project folder");
message!(serve_port_failed(port: u16, e: &dyn std::fmt::Display) vi "không mở được cổng {port}: {e}" en "could not open port {port}: {e}");
message!(serve_url(url: &str) vi "Xem trước tại {url} (Ctrl+C để dừng)" en "Preview at {url} (Ctrl+C to stop)");
message!(watch_failed(e: &dyn std::fmt::Display) vi "không theo dõi được thư mục dự án: {e}" en "could not watch the project folder: {e}");
message!(serve_no_browser(url: &str) vi "Không mở được trình duyệt: hãy mở {url}" en "Could not open a browser: open {url}");
message!(serve_blocked() vi "Không đọc được dữ liệu: chưa dựng lại; trang xem trước giữ bản dựng trước đó." en "The data cannot be read: nothing rebuilt; the preview keeps the earlier pages.");
message!(serve_where(root: &dyn std::fmt::Display, out: &dyn std::fmt::Display) vi "Dự án: {root}\nCác tệp PDF: {out}" en "Project: {root}\nPDFs: {out}");
message!(serve_fixed(out: &dyn std::fmt::Display) vi "Đã sửa hết lỗi: các tệp PDF đã được ghi lại trong {out}." en "Every error fixed: the PDFs were written again in {out}.");
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

// ---- the page's write path (write.rs, api.rs) ----

message!(write_too_large(json_kib: usize, upload_mib: usize) vi "Dữ liệu gửi lên quá lớn (tối đa {json_kib} KiB cho một lần sửa, {upload_mib} MiB cho một tệp danh sách); không tệp nào bị đổi." en "What was sent is too large (at most {json_kib} KiB for an edit, {upload_mib} MiB for a list file); no file was changed.");
message!(write_bad_path(rel: &str) vi "Đường dẫn không được phép: {rel} (chỉ các tệp trong thư mục data/)" en "Path not allowed: {rel} (only the files in the data/ folder)");
message!(write_bad_type(rel: &str, exts: &str) vi "Loại tệp không được phép: {rel} (chỉ {exts})" en "File type not allowed: {rel} (only {exts})");
message!(write_missing(rel: &str) vi "Không có tệp {rel}" en "No file {rel}");
message!(write_not_utf8(rel: &str) vi "{rel} không phải văn bản UTF-8; hãy lưu lại tệp với mã UTF-8" en "{rel} is not UTF-8 text; save the file as UTF-8");
message!(write_not_yaml(rel: &str, e: &dyn std::fmt::Display) vi "{rel} đang có lỗi cú pháp YAML, trang chưa sửa được ({e}); hãy sửa lỗi trong khung “Vấn đề” trước" en "{rel} has a YAML syntax error, the page cannot edit it yet ({e}); fix the error under “Problems” first");
message!(write_no_edit() vi "Không có thay đổi nào để lưu" en "No change to save");
message!(write_edit_failed(rel: &str, e: &dyn std::fmt::Display) vi "Không sửa được {rel}: {e}; tệp giữ nguyên" en "Could not edit {rel}: {e}; the file is unchanged");
message!(write_conflict(rel: &str) vi "{rel} vừa được sửa ở nơi khác (trình soạn thảo khác?) sau khi trang đọc nó: chưa lưu, để không ghi đè. Trang đã đọc lại tệp; hãy nhập lại thay đổi." en "{rel} was changed elsewhere (another editor?) after the page read it: not saved, so as not to overwrite it. The page has read the file again; enter the change again.");
message!(write_nothing_to_undo() vi "Không còn thay đổi nào để hoàn tác" en "Nothing left to undo");
message!(write_not_raw(value: &str) vi "“{value}” không phải số, ngày (2025-08-22) hay true/false" en "“{value}” is not a number, a date (2025-08-22) or true/false");
message!(write_sheet_not_list(rel: &str, names: &str) vi "{rel}: chỉ lưu được danh sách dưới tên vinhdanh đọc ({names}, hoặc .xls, .ods, .csv)" en "{rel}: a list is saved only under the names vinhdanh reads ({names}, or .xls, .ods, .csv)");
message!(write_sheet_replaces(rel: &str, files: &str) vi "Chưa lưu {rel}: danh sách này đang có {files}; trang phải hỏi trước khi thay. Thả lại tệp và xác nhận." en "{rel} not saved: this list has {files} now; the page must ask before replacing it. Drop the file again and confirm.");
message!(write_confirm_failed(at: &str) vi "Không ghi được “# đã kiểm tra” sau giá trị {at}: giá trị phải nằm trọn trên một dòng" en "Could not write “# đã kiểm tra” after the value {at}: the value must be on one line");
message!(write_not_sheet(rel: &str) vi "{rel} không phải tệp Excel/CSV đúng như phần mở rộng của nó" en "{rel} is not the Excel/CSV file its extension says");
message!(write_not_block_list(at: &str) vi "{at} không phải một danh sách viết theo khối (mỗi mục một dòng “- …”), hoặc nội dung mới không ghi được thành YAML đúng; tệp giữ nguyên" en "{at} is not a block list (one “- …” line per item), or the new content could not be written as valid YAML; the file is unchanged");
message!(write_not_sheet_read(rel: &str, e: &dyn std::fmt::Display) vi "Không đọc được {rel}: {e}" en "Could not read {rel}: {e}");
message!(write_bad_request(e: &dyn std::fmt::Display) vi "Yêu cầu không hợp lệ: {e}" en "Malformed request: {e}");
message!(write_forbidden() vi "Yêu cầu ghi bị từ chối: thiếu mã phiên của trang, hoặc không đến từ trang xem trước (Origin)" en "Write refused: the page's session token is missing, or the request does not come from the preview page (Origin)");
message!(write_backup_failed(e: &dyn std::fmt::Display) vi "không sao lưu được thư mục data/: {e}; không tệp nào bị đổi" en "could not back up the data/ folder: {e}; no file was changed");

/// The labels of the page's workspace (forms, tables), by the keys `workspace.js` uses.
pub fn workspace_labels() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "ws_table_from_sheet",
            pick(
                "Không có tệp {file}: danh sách này lấy từ tệp Excel/CSV trong data/. Sửa tệp đó trong Excel, rồi thả bản mới vào mục “Danh sách Excel/CSV” bên dưới.",
                "No file {file}: this list comes from an Excel/CSV file in data/. Edit it in Excel, then drop the new version on “Excel/CSV lists” below.",
            ),
        ),
        (
            "ws_title",
            pick("Sửa dữ liệu hội nghị", "Edit the conference's data"),
        ),
        (
            "ws_intro",
            pick(
                "Mở một mục, sửa, bấm “Lưu”: chỉ giá trị đã sửa đổi trong tệp, các văn bản bên cạnh tự dựng lại. Lần lưu đầu tiên sao lưu cả thư mục data/.",
                "Open a section, edit, press “Save”: only the edited values change in the file, and the documents alongside rebuild by themselves. The first save backs up the whole data/ folder.",
            ),
        ),
        ("ws_forms", pick("Biểu mẫu", "Forms")),
        ("ws_tables", pick("Danh sách", "Lists")),
        ("ws_save", pick("Lưu", "Save")),
        (
            "ws_undo",
            pick("Hoàn tác lần lưu gần nhất", "Undo the last save"),
        ),
        ("ws_add", pick("+ Thêm", "+ Add")),
        ("ws_add_row", pick("+ Thêm dòng", "+ Add a row")),
        ("ws_block_add", pick("+ Thêm", "+ Add")),
        (
            "ws_block_kind",
            pick("Loại khối mới", "Kind of the new block"),
        ),
        (
            "ws_block_kind_section",
            pick("Phần (I., II., …)", "Section (I., II., …)"),
        ),
        (
            "ws_block_kind_heading",
            pick("Đề mục (1., 2., …)", "Heading (1., 2., …)"),
        ),
        (
            "ws_block_kind_subheading",
            pick("Đề mục nhỏ (1.1., 1.2., …)", "Subheading (1.1., 1.2., …)"),
        ),
        ("ws_block_kind_p", pick("Đoạn văn", "Paragraph")),
        (
            "ws_block_kind_list",
            pick("Các dòng gạch đầu dòng (-)", "Bulleted lines (-)"),
        ),
        (
            "ws_block_kind_numbered",
            pick("Các dòng đánh số (1., 2., …)", "Numbered lines (1., 2., …)"),
        ),
        ("ws_block_where", pick("Chỗ thêm", "Where")),
        (
            "ws_block_into_top",
            pick("Thêm vào Kế hoạch:", "Add to the plan:"),
        ),
        (
            "ws_block_into_section",
            pick("Thêm vào phần {n}", "Add to section {n}"),
        ),
        (
            "ws_block_into_heading",
            pick("Thêm vào đề mục {n}", "Add to heading {n}"),
        ),
        ("ws_block_before", pick("trước {what}", "before {what}")),
        ("ws_block_at_end", pick("ở cuối", "at the end")),
        (
            "ws_block_text",
            pick(
                "Chữ của khối mới (gõ sau cũng được)",
                "The new block's words (or type them later)",
            ),
        ),
        ("ws_cancel", pick("Thôi", "Cancel")),
        (
            "ws_sample_flag",
            pick(
                "Còn là dữ liệu mẫu (sample)",
                "Still the sample's data (sample)",
            ),
        ),
        (
            "ws_sample_flag_help",
            pick(
                "“có”: danh sách này còn là dữ liệu mẫu, văn bản in ra bị cảnh báo. Khi đã thay bằng dữ liệu đã duyệt của đơn vị mình, chọn “không” rồi bấm Lưu.",
                "“yes”: this list is still the sample's and the documents are warned about. Once it holds your own approved data, choose “no” and Save.",
            ),
        ),
        (
            "ws_confirm_sample",
            pick("Đúng, giữ giá trị này", "Right, keep this value"),
        ),
        (
            "ws_sheet_as_delegates",
            pick("Danh sách đại biểu", "Delegate list"),
        ),
        (
            "ws_sheet_as_honorees",
            pick("Danh sách khen thưởng", "Honoree list"),
        ),
        (
            "ws_sheet_which",
            pick(
                "Tệp {name} là danh sách nào? (dòng tiêu đề không cho biết)",
                "Which list is {name}? (its header row does not say)",
            ),
        ),
        (
            "ws_sheet_which_guess",
            pick(
                "Tệp {name}: theo dòng tiêu đề, đây là danh sách đã chọn dưới đây. Kiểm tra rồi bấm Lưu.",
                "{name}: by its header row, this is the list chosen below. Check, then Save.",
            ),
        ),
        (
            "ws_sheet_replaces",
            pick(
                "sẽ thay {files} (bản cũ giữ trong bản sao lưu data.bak-…; hoàn tác được)",
                "replaces {files} (the old one kept in the data.bak-… backup; can be undone)",
            ),
        ),
        ("ws_sheet_confirm", pick("Lưu danh sách", "Save the list")),
        ("ws_sheet_cancelled", pick("Chưa lưu gì.", "Nothing saved.")),
        (
            "ws_sheet_saved_as",
            pick(
                "Đã lưu {name} thành {file}. Văn bản đang dựng lại…",
                "Saved {name} as {file}. Rebuilding the documents…",
            ),
        ),
        (
            "ws_sheet_saved_guessed",
            pick(
                "Đã lưu {name} thành {file} (nhận ra từ dòng tiêu đề). Văn bản đang dựng lại…",
                "Saved {name} as {file} (told by its header row). Rebuilding the documents…",
            ),
        ),
        (
            "ws_block_generated",
            pick(
                "lấy từ dữ liệu khác ({what}): sửa ở mục của nó",
                "made from other data ({what}): edit it in its own section",
            ),
        ),
        ("ws_group_add", pick("+ Thêm nhóm", "+ Add a group")),
        ("ws_group_child", pick("+ Nhóm con", "+ Subgroup")),
        ("ws_group_new", pick("Nhóm mới", "New group")),
        ("ws_group_range", pick("Khoảng", "Range")),
        ("ws_honour_new", pick("Khen thưởng mới", "New quota")),
        (
            "ws_signer_default",
            pick(
                "Văn bản này do người ký mặc định ký (mục “Người ký mặc định” ở trên): {who}.",
                "This document is signed by the default signer (the “Default signer” section above): {who}.",
            ),
        ),
        (
            "ws_signer_make",
            pick(
                "Tạo người ký riêng (chép từ người ký mặc định)",
                "Give it its own signer (copied from the default)",
            ),
        ),
        (
            "ws_signer_drop",
            pick(
                "Bỏ người ký riêng, dùng người ký mặc định",
                "Drop its own signer, use the default",
            ),
        ),
        ("ws_up", pick("Lên", "Up")),
        ("ws_down", pick("Xuống", "Down")),
        ("ws_remove", pick("Xóa", "Remove")),
        ("ws_yes", pick("có", "yes")),
        ("ws_no", pick("không", "no")),
        (
            "ws_mode_none",
            pick("(người đứng đầu tự ký)", "(the head signs)"),
        ),
        (
            "ws_search",
            pick("Tìm trong danh sách…", "Search the list…"),
        ),
        ("ws_rows", pick("{n}/{total} dòng", "{n}/{total} row(s)")),
        (
            "ws_nothing",
            pick("Chưa có gì thay đổi.", "Nothing changed."),
        ),
        (
            "ws_saved",
            pick(
                "Đã lưu {file} (dòng {lines}). Văn bản đang dựng lại…",
                "Saved {file} (line(s) {lines}). The documents are rebuilding…",
            ),
        ),
        (
            "ws_saved_file",
            pick(
                "Đã lưu {file}. Văn bản đang dựng lại…",
                "Saved {file}. The documents are rebuilding…",
            ),
        ),
        (
            "ws_backup",
            pick(
                "Bản sao lưu dữ liệu cũ: {dir}/",
                "Backup of the old data: {dir}/",
            ),
        ),
        (
            "ws_undone",
            pick(
                "Đã hoàn tác: {file} như trước lần lưu đó.",
                "Undone: {file} is as it was before that save.",
            ),
        ),
        (
            "ws_paste_title",
            pick(
                "Nội dung Kế hoạch: dán từ Word",
                "The plan's body: paste from Word",
            ),
        ),
        (
            "ws_paste_help",
            pick(
                "Chép nội dung bản Kế hoạch trong Word (Ctrl+A, Ctrl+C) rồi dán vào ô dưới. “Xem cấu trúc” cho thấy các mục I., II., các đề mục 1., 2., các gạch đầu dòng và đoạn văn như sẽ in; chữ nghiêng, đậm được giữ. Chỉ khi bấm “Thay nội dung Kế hoạch” thì phần nội dung (plan.body) mới bị thay; phần thành phần đại biểu, chương trình, phân công vẫn lấy từ dữ liệu.",
                "Copy the body of the plan in Word (Ctrl+A, Ctrl+C) and paste it below. “Show the structure” shows the sections I., II., the headings 1., 2., the bullets and paragraphs as they will print; italic and bold are kept. Only “Replace the plan's body” replaces the body (plan.body); the delegate composition, the programme and the duties still come from the data.",
            ),
        ),
        (
            "ws_paste_placeholder",
            pick(
                "Dán văn bản từ Word vào đây…",
                "Paste the text from Word here…",
            ),
        ),
        ("ws_paste_show", pick("Xem cấu trúc", "Show the structure")),
        (
            "ws_paste_apply",
            pick("Thay nội dung Kế hoạch", "Replace the plan's body"),
        ),
        (
            "ws_paste_kept",
            pick("giữ nguyên: lấy từ dữ liệu", "kept: made from the data"),
        ),
        (
            "ws_paste_generated",
            pick("(lấy từ dữ liệu)", "(made from the data)"),
        ),
        (
            "ws_paste_count",
            pick(
                "{n} khối ở cấp ngoài cùng. Kiểm tra rồi bấm “Thay nội dung Kế hoạch”.",
                "{n} top-level block(s). Check them, then press “Replace the plan's body”.",
            ),
        ),
        (
            "ws_paste_empty",
            pick("Không thấy nội dung nào.", "No content found."),
        ),
        (
            "ws_sheets_title",
            pick("Danh sách Excel/CSV", "Excel/CSV lists"),
        ),
        (
            "ws_sheets_help",
            pick(
                "vinhdanh không bao giờ ghi vào tệp Excel/CSV của văn phòng. Sửa trong Excel rồi thả bản mới vào đây, tên tệp là gì cũng được: trang nhận ra từ dòng tiêu đề đây là danh sách đại biểu hay khen thưởng (hoặc hỏi), lưu thành data/delegates.xlsx hoặc data/honorees.xlsx (bản cũ nằm trong bản sao lưu data.bak-…; trang hỏi trước khi thay) và kiểm tra ngay; lỗi hiện ở khung “Vấn đề” với dòng, cột của ô.",
                "vinhdanh never writes the office's Excel/CSV files. Edit in Excel, then drop the new version here, whatever its name: the page tells from its header row whether it is the delegate or the honoree list (or asks), saves it as data/delegates.xlsx or data/honorees.xlsx (the old one stays in the data.bak-… backup; the page asks before replacing it) and checks it at once; the problems show under “Problems” with the cell's row and column.",
            ),
        ),
        (
            "ws_sheet_drop",
            pick(
                "Thả tệp Excel/CSV mới vào đây, hoặc chọn tệp:",
                "Drop a new Excel/CSV file here, or choose one:",
            ),
        ),
        (
            "ws_sheet_marked",
            pick(
                "Tải bản đánh dấu lỗi",
                "Download a copy with the problems marked",
            ),
        ),
        ("ws_sheet_problems", pick("{n} vấn đề", "{n} problem(s)")),
        (
            "ws_sheet_none",
            pick(
                "Chưa có danh sách Excel/CSV nào trong data/.",
                "No Excel/CSV list in data/ yet.",
            ),
        ),
        (
            "ws_missing",
            pick("Không có mục {path} trong {file}.", "No {path} in {file}."),
        ),
    ]
}

/// The words of the page's form table (`static/forms.js`), by its keys `fl_…`.
pub fn form_labels() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "fl_001",
            pick(
                "Nghị định 30/2020, ô 7a: “TM.” (thay mặt) tập thể khi ký thay mặt một cơ quan làm việc theo chế độ tập thể (TM. ỦY BAN NHÂN DÂN, rồi CHỦ TỊCH); “KT.” (ký thay) khi cấp phó ký thay người đứng đầu (KT. CHỦ TỊCH, rồi PHÓ CHỦ TỊCH); “Q.” (quyền) khi người ký được giao quyền người đứng đầu; “TL.” (thừa lệnh) và “TUQ.” (thừa ủy quyền) khi người ký được người đứng đầu giao hoặc ủy quyền ký. Để trống (~) khi người đứng đầu tự ký. Quyết định khen thưởng và Giấy khen của Chủ tịch ký theo thẩm quyền cá nhân: không có dòng TM.",
                "Decree 30/2020, box 7a: “TM.” (on behalf of) a collective body when signing for a body that works collectively (“TM. ỦY BAN NHÂN DÂN”, then “CHỦ TỊCH”); “KT.” (signing for) when a deputy signs for the head (“KT. CHỦ TỊCH”, then “PHÓ CHỦ TỊCH”); “Q.” (acting) when the signer acts as the head; “TL.” and “TUQ.” when the head has delegated or authorised the signer. Leave empty (~) when the head signs. The Chairman's award decision and certificates are signed in his own competence: no TM. line.",
            ),
        ),
        (
            "fl_002",
            pick("Thay mặt (dòng “TM. …”)", "On behalf of (the “TM. …” line)"),
        ),
        (
            "fl_003",
            pick(
                "Tên tập thể in hoa, ví dụ ỦY BAN NHÂN DÂN; để trống nếu ký theo thẩm quyền cá nhân.",
                "The collective body in capitals, e.g. “ỦY BAN NHÂN DÂN”; empty when signing in one's own competence.",
            ),
        ),
        ("fl_004", pick("Hình thức ký", "Signing mode")),
        (
            "fl_005",
            pick("Chức danh người đứng đầu", "Title of the head"),
        ),
        (
            "fl_006",
            pick(
                "In sau KT./Q./TL./TUQ., ví dụ CHỦ TỊCH.",
                "Printed after KT./Q./TL./TUQ., e.g. “CHỦ TỊCH”.",
            ),
        ),
        ("fl_007", pick("Chức vụ người ký", "Signer's position")),
        (
            "fl_008",
            pick(
                "Ví dụ PHÓ CHỦ TỊCH khi ký KT.",
                "E.g. “PHÓ CHỦ TỊCH” when signing KT.",
            ),
        ),
        ("fl_009", pick("Họ và tên người ký", "Signer's name")),
        (
            "fl_010",
            pick(
                "Ảnh chữ ký và dấu (tùy chọn)",
                "Signature and seal image (optional)",
            ),
        ),
        ("fl_011", pick("Tên loại văn bản", "Document type")),
        (
            "fl_012",
            pick(
                "Chữ viết tắt tên loại (trong số, ký hiệu)",
                "Type abbreviation (in the number)",
            ),
        ),
        (
            "fl_013",
            pick(
                "Số văn bản (để trống: chờ cấp số)",
                "Number (empty: left blank for the office)",
            ),
        ),
        ("fl_014", pick("Ngày ban hành", "Date of issue")),
        (
            "fl_015",
            pick("In dấu “DỰ THẢO”", "Print “DỰ THẢO” (draft)"),
        ),
        ("fl_016", pick("Trích yếu", "Summary line")),
        (
            "fl_017",
            pick("Lời đề nghị (Giấy mời)", "Request (invitation)"),
        ),
        (
            "fl_018",
            pick("In mã QR của đại biểu", "Print the delegate's QR code"),
        ),
        ("fl_019", pick("Cơ quan ban hành", "Issuing authority")),
        (
            "fl_020",
            pick(
                "Ô 2 của Nghị định 30/2020: tên cơ quan in ở góc trái mọi văn bản.",
                "Box 2 of Decree 30/2020: the body's name at the top left of every document.",
            ),
        ),
        (
            "fl_021",
            pick("Cơ quan chủ quản (nếu có)", "Parent body (if any)"),
        ),
        (
            "fl_022",
            pick(
                "Tên cơ quan, in hoa, mỗi dòng một phần",
                "The body's name, in capitals, one part per line",
            ),
        ),
        ("fl_023", pick("Dòng", "Line")),
        (
            "fl_024",
            pick("Tên viết trong câu văn", "Name as written in a sentence"),
        ),
        (
            "fl_025",
            pick(
                "Tên tập thể (dòng “TM. …”)",
                "Collective name (the “TM. …” line)",
            ),
        ),
        (
            "fl_026",
            pick("Chữ viết tắt trong số, ký hiệu", "Abbreviation in numbers"),
        ),
        (
            "fl_027",
            pick("Địa danh (dòng ngày tháng)", "Place (the date line)"),
        ),
        ("fl_028", pick("Thẩm quyền khen thưởng", "Award authority")),
        ("fl_029", pick("Người ký mặc định", "Default signer")),
        (
            "fl_030",
            pick(
                "Người ký mặc định của mọi văn bản; một văn bản cần người ký khác (Kế hoạch do Phó Chủ tịch ký thay, Quyết định do Chủ tịch ký…) có người ký riêng ở các mục “Người ký …” bên dưới.",
                "The default signer of every document; a document signed by someone else (the plan by a deputy, the decision by the chairman…) gets its own signer in the “Signer of …” sections below.",
            ),
        ),
        ("fl_031", pick("Hội nghị", "Conference")),
        ("fl_032", pick("Tên hội nghị", "Name")),
        ("fl_033", pick("Tên ngắn", "Short name")),
        ("fl_034", pick("Ngày họp", "Date")),
        (
            "fl_035",
            pick("Buổi (sáng, chiều)", "Session (“sáng”, “chiều”)"),
        ),
        ("fl_036", pick("Giờ bắt đầu", "Start time")),
        (
            "fl_037",
            pick(
                "Giờ bắt đầu là giờ mẫu (Kế hoạch chỉ ghi buổi)",
                "The start time is a sample (the plan names the session only)",
            ),
        ),
        ("fl_038", pick("Thời lượng", "Duration")),
        ("fl_039", pick("Địa điểm", "Venue")),
        ("fl_040", pick("Giai đoạn", "Period")),
        ("fl_041", pick("Giai đoạn được xét", "Period reviewed")),
        ("fl_042", pick("Các lĩnh vực", "Fields")),
        ("fl_043", pick("Lĩnh vực", "Field")),
        ("fl_044", pick("Kế hoạch: số, ngày", "Plan: number, date")),
        ("fl_045", pick("Đoạn kết", "Closing paragraph")),
        ("fl_046", pick("Nơi nhận", "Recipients")),
        ("fl_047", pick("Nơi nhận", "Recipient")),
        (
            "fl_048",
            pick("Lưu (dòng “- Lưu: …”)", "Archive (the “- Lưu: …” line)"),
        ),
        (
            "fl_049",
            pick("Người ký riêng của Kế hoạch", "The plan's own signer"),
        ),
        (
            "fl_050",
            pick("Giấy mời: số, ngày", "Invitation: number, date"),
        ),
        (
            "fl_051",
            pick("Nơi lưu (dòng “- Lưu: …”)", "Archive (the “- Lưu: …” line)"),
        ),
        ("fl_052", pick("Chương trình hội nghị", "Programme")),
        (
            "fl_053",
            pick(
                "Giờ tăng dần, không sớm hơn giờ bắt đầu hội nghị.",
                "Times in increasing order, not before the conference's start.",
            ),
        ),
        ("fl_054", pick("Mục", "Item")),
        ("fl_055", pick("Giờ", "Time")),
        ("fl_056", pick("Nội dung", "Item")),
        ("fl_057", pick("Người thực hiện, phụ trách", "Led by")),
        ("fl_058", pick("Tham luận", "Speeches")),
        (
            "fl_059",
            pick(
                "Người trong danh sách khen thưởng: mã, hoặc họ tên",
                "Someone on the honours list: id, or name",
            ),
        ),
        (
            "fl_110",
            pick(
                "Mã ở cột Mã của danh sách khen thưởng (cn-01). Danh sách không có cột Mã: ghi họ tên (tên tập thể) đúng như trong danh sách. Người ngoài danh sách: để trống ô này, ghi ô Họ và tên.",
                "The id in the honours list's id column (cn-01). A list without an id column: the name (of the person or collective) exactly as the list writes it. Someone not on the list: leave this empty and fill in the name.",
            ),
        ),
        (
            "fl_060",
            pick(
                "Họ và tên (người ngoài danh sách)",
                "Name (someone not on the list)",
            ),
        ),
        ("fl_061", pick("Đơn vị", "Unit")),
        ("fl_062", pick("Tên bài tham luận", "Topic")),
        ("fl_063", pick("Phân công thực hiện", "Duties of each unit")),
        (
            "fl_064",
            pick(
                "Tóm tắt (in trong cuốn Chương trình)",
                "In brief (printed in the programme booklet)",
            ),
        ),
        (
            "fl_065",
            pick(
                "Nhiệm vụ (in sau dấu hai chấm)",
                "Duty (printed after the colon)",
            ),
        ),
        (
            "fl_066",
            pick("Các việc (gạch đầu dòng)", "Tasks (bullets)"),
        ),
        ("fl_067", pick("Việc", "Task")),
        ("fl_068", pick("Quyết định khen thưởng", "Award decision")),
        ("fl_069", pick("Căn cứ ban hành", "Legal bases")),
        ("fl_070", pick("Căn cứ", "Basis")),
        ("fl_071", pick("Theo đề nghị của", "On the proposal of")),
        ("fl_072", pick("Các điều", "Articles")),
        ("fl_073", pick("Điều", "Article")),
        ("fl_074", pick("Tiền thưởng (đồng)", "Award amounts (VND)")),
        ("fl_075", pick("Mỗi tập thể", "Each collective")),
        ("fl_076", pick("Mỗi cá nhân", "Each individual")),
        ("fl_077", pick("Tên phụ lục", "Appendix title")),
        ("fl_078", pick("Danh sách đại biểu", "Delegates")),
        ("fl_079", pick("Mã", "Id")),
        ("fl_080", pick("Xưng hô", "Salutation")),
        ("fl_081", pick("Họ và tên", "Name")),
        ("fl_082", pick("Chức vụ", "Title")),
        ("fl_083", pick("Nhóm", "Group")),
        ("fl_084", pick("Ghế", "Seat")),
        ("fl_085", pick("Danh sách khen thưởng", "Honorees")),
        ("fl_086", pick("Loại", "Kind")),
        ("fl_087", pick("Tên", "Name")),
        ("fl_088", pick("Thành tích", "Achievement")),
        ("fl_089", pick("Đơn vị đề nghị", "Proposed by")),
        (
            "fl_090",
            pick("Thành phần đại biểu", "Delegate composition"),
        ),
        (
            "fl_091",
            pick(
                "Các nhóm đại biểu, lồng nhau như mục II.3 của Kế hoạch in ra: mỗi nhóm có tên, một số lượng (số) hoặc một khoảng (từ … đến …); “mềm” khi con số chỉ là dự kiến (tổng các nhóm con không cần khớp). Nút ↑ ↓ đổi thứ tự trong cùng nhóm cha.",
                "The delegate groups, nested as section II.3 of the printed plan shows them: each has a label, a count or a range (min … max); “soft” when the number is only an estimate (its subgroups need not add up). ↑ ↓ reorder within the same parent.",
            ),
        ),
        ("fl_092", pick("Số lượng khen thưởng", "Honour quotas")),
        (
            "fl_093",
            pick(
                "Số tập thể và cá nhân đề nghị khen thưởng (mục II.3.2 – 3.3), mỗi dòng một khoảng từ … đến ….",
                "How many collectives and individuals are proposed for an award (sections II.3.2–3.3), each a range min … max.",
            ),
        ),
        ("fl_094", pick("Số lượng", "Count")),
        ("fl_095", pick("Từ", "Min")),
        ("fl_096", pick("Đến", "Max")),
        ("fl_097", pick("Mềm", "Soft")),
        ("fl_098", pick("Đơn vị tính", "Unit")),
        ("fl_099", pick("Loại", "Kind")),
        ("fl_100", pick("Tập thể", "Collectives")),
        ("fl_101", pick("Cá nhân", "Individuals")),
        ("fl_102", pick("Ghi chú", "Note")),
        ("fl_103", pick("Mô tả", "Detail")),
        ("fl_104", pick("Người ký Kế hoạch", "Signer of the plan")),
        (
            "fl_105",
            pick("Người ký Giấy mời", "Signer of the invitations"),
        ),
        (
            "fl_106",
            pick(
                "Người ký Quyết định và Giấy khen",
                "Signer of the decision and certificates",
            ),
        ),
        ("fl_107", pick("Tên gọi", "Label")),
        (
            "fl_108",
            pick(
                "Nội dung Kế hoạch: phần, đề mục, đoạn văn",
                "The plan's body: sections, headings, paragraphs",
            ),
        ),
        (
            "fl_109",
            pick(
                "Mỗi khối một ô: phần (I., II.), đề mục (1., 2.), đề mục nhỏ (1.1.), đoạn văn, các dòng gạch đầu dòng hoặc đánh số; số thứ tự hiện đúng như khi in. Thêm khối mới ở dòng “+ Thêm” dưới mỗi phần (chọn loại, chỗ đặt, gõ chữ), đổi thứ tự (↑ ↓), xóa (✕) từng khối hoặc từng dòng: mỗi lần bấm là một lần lưu. Sửa chữ trong ô rồi bấm Lưu.",
                "One box per block: section (I., II.), heading (1., 2.), subheading (1.1.), paragraph, bulleted or numbered lines; the numbers are shown as they print. Add a block on the “+ Add” line under each part (choose its kind and place, type its words), move (↑ ↓) or remove (✕) a block or a line: each click is a save. Retype words in their box, then Save.",
            ),
        ),
    ]
}

/// The words of a Vietnamese plan the paste recognises (the document's own words, the same
/// in both languages of the page): its title line and the lines where its body ends.
pub fn paste_markers() -> Vec<(&'static str, &'static str)> {
    vec![
        ("paste_title", "KẾ HOẠCH"),
        ("paste_end", "Trên đây|Nơi nhận"),
    ]
}
