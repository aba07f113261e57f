//! The messages of the pipeline (the project's own templates, layouts for preview), in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;

// ---- pipeline.rs: the project's own templates ----

message!(template_copies(n: usize, versions: &str) vi "{n} tệp trong templates/ là bản sao y nguyên mẫu có sẵn (phiên bản {versions}): đã dùng mẫu mới nhất thay cho chúng" en "{n} file(s) in templates/ are unchanged copies of shipped templates (version {versions}): the latest templates were used instead");
message!(template_copies_hint(list: &str) vi "có thể xoá các tệp này: {list}" en "these files can be deleted: {list}");
message!(template_edited(rel: &str, version: &str) vi "{rel} là mẫu đã sửa: dùng thay cho mẫu có sẵn, nên không nhận các bản sửa của mẫu này từ phiên bản {version} trở đi" en "{rel} is an edited template: it is used instead of the shipped one, so it does not get that template's fixes from version {version} on");
message!(template_diff_hint(name: &str) vi "xem khác biệt với mẫu mới nhất: `vinhdanh eject --diff {name}`" en "see how it differs from the latest template: `vinhdanh eject --diff {name}`");
message!(template_edited_failed(rel: &str, version: &str) vi "mẫu riêng {rel} (bản đã sửa của mẫu có sẵn) có thể không còn hợp với phiên bản {version} của vinhdanh" en "the project's template {rel} (an edited copy of a shipped one) may no longer fit version {version} of vinhdanh");
message!(template_edited_failed_hint(name: &str) vi "xem khác biệt với mẫu mới nhất: `vinhdanh eject --diff {name}`; hoặc đổi tên, xoá tệp này để dùng mẫu có sẵn" en "see how it differs from the latest template: `vinhdanh eject --diff {name}`; or rename or delete this file to use the shipped one");
message!(layout_no_output(output: &str) vi "không có văn bản “{output}”" en "no document named “{output}”");
message!(layout_batch(output: &str) vi "“{output}” là một loạt văn bản" en "“{output}” is a batch of documents");

message!(check_folder_hint() vi "kiểm tra đường dẫn thư mục dự án" en "check the path of the project folder");
message!(
    unknown_output(name: &str) vi "không có văn bản “{name}”" en "no document named “{name}”"
);
message!(
    did_you_mean(s: &str, list: &str) vi "có phải “{s}”? Các văn bản: {list}" en "did you mean “{s}”? Documents: {list}"
);
message!(outputs_list(list: &str) vi "các văn bản: {list}" en "documents: {list}");
message!(
    preview_no_page(doc: &str, page: usize, pages: usize)
    vi "{doc} không có trang {page} (chỉ có {pages} trang)" en "{doc} has no page {page} (it has {pages} page(s))"
);
message!(
    preview_unknown_record(code: &str, doc: &str) vi "{doc} không có bản của “{code}”" en "{doc} has no record “{code}”"
);
message!(records_list(list: &str) vi "các mã: {list}" en "codes: {list}");
message!(
    did_you_mean_code(s: &str, list: &str) vi "có phải “{s}”? Các mã: {list}" en "did you mean “{s}”? Codes: {list}"
);
message!(
    preview_record_needs_batch(doc: &str)
    vi "--record chỉ dùng cho loạt văn bản (giay-moi/, giay-khen/), không dùng cho {doc}"
    en "--record is for the per-person documents (giay-moi/, giay-khen/), not for {doc}"
);
message!(
    raster_failed(doc: &str, page: usize) vi "không vẽ được trang {page} của {doc}" en "could not draw page {page} of {doc}"
);

message!(calibrate_no_decision(file: &str) vi "không có {file}: chưa có Giấy khen để căn chỉnh" en "no {file}: there are no certificates to calibrate");

message!(draft_band(n: usize) vi "BẢN NHÁP – còn {n} lỗi, chưa được in" en "DRAFT – {n} error(s) left, not for print");
message!(lock_waiting(command: &str, pid: u32, since: &str, out: &dyn std::fmt::Display) vi "Đang chờ {command} (tiến trình {pid}, bắt đầu lúc {since}) ghi xong vào {out}: mỗi lúc chỉ một lệnh được ghi vào thư mục này…" en "Waiting for {command} (process {pid}, started at {since}) to finish writing into {out}: only one command writes into this folder at a time…");
message!(lock_waiting_unknown(out: &dyn std::fmt::Display) vi "Đang chờ một lệnh vinhdanh khác ghi xong vào {out}: mỗi lúc chỉ một lệnh được ghi vào thư mục này…" en "Waiting for another vinhdanh command to finish writing into {out}: only one command writes into this folder at a time…");
message!(stopped_disk_full(out: &dyn std::fmt::Display, files: usize, not_run: usize, need: &str, free: &str) vi "ổ đĩa chứa “{out}” đã đầy: {files} tệp không ghi được và {not_run} văn bản chưa in, lần in đã dừng; các tệp này cần khoảng {need}, ổ đĩa còn trống {free}" en "the disk holding “{out}” is full: {files} file(s) not written and {not_run} document(s) not printed, the build stopped; those files need about {need}, the disk has {free} free");
message!(stopped_read_only(folder: &dyn std::fmt::Display, files: usize, not_run: usize) vi "không ghi được vào thư mục “{folder}” (chỉ đọc): {files} tệp không ghi được và {not_run} văn bản chưa in, lần in đã dừng" en "cannot write into the folder “{folder}” (read-only): {files} file(s) not written and {not_run} document(s) not printed, the build stopped");
message!(lock_read_only(out: &dyn std::fmt::Display) vi "không ghi được vào thư mục “{out}” (chỉ đọc): chưa in văn bản nào" en "cannot write into the folder “{out}” (read-only): nothing was printed");
