//! The messages of the engine (templates, Typst layout, the print file), in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;

// ---- engine/: template filling, Typst layout, the print file ----

message!(join_failed(e: &dyn std::fmt::Display) vi "không ghép được tệp in: {e}" en "could not join the print file: {e}");
message!(typst_package(spec: &dyn std::fmt::Display) vi "không dùng được gói “{spec}”: vinhdanh không tải gói từ mạng; hãy chép tệp cần dùng vào thư mục templates/ của dự án" en "the package “{spec}” cannot be used: vinhdanh does not download packages; copy the files you need into the project's templates/ folder");
message!(typst_symlink_outside(rel: &str) vi "“{rel}” nằm ngoài thư mục dự án (liên kết tượng trưng trỏ ra ngoài): không được phép đọc" en "“{rel}” is outside the project folder (a symbolic link pointing outside): reading it is not allowed");
message!(pdf_export_failed(msg: &str) vi "không xuất được PDF: {msg}" en "could not export the PDF: {msg}");
message!(typst_in_generated(message: &str, line: usize, generated: &str) vi "{message} (trong mã Typst sinh ra, dòng {line}: {generated})" en "{message} (in the generated Typst, line {line}: {generated})");
message!(typst_error(message: &str) vi "lỗi dàn trang: {message}" en "layout error: {message}");
message!(typst_warning(message: &str) vi "dàn trang: {message}" en "layout: {message}");
message!(
    /// Typst's own messages are English; the Vietnamese side translates and keeps the original
    /// in brackets for searching.
    typst_file_not_found(path: &str, m: &str) vi "không tìm thấy tệp “{path}” trong thư mục dự án (mẫu chỉ đọc được tệp bên trong dự án) [{m}]" en "the file “{path}” is not in the project folder (a template can read only files inside the project) [{m}]"
);
message!(typst_escapes(m: &str) vi "đường dẫn ra ngoài thư mục dự án: không được phép đọc [{m}]" en "the path leads outside the project folder: reading it is not allowed [{m}]");
message!(typst_unknown_variable(name: &str, m: &str) vi "không có biến hoặc hàm “{name}” [{m}]" en "there is no variable or function “{name}” [{m}]");
message!(typst_bad_image(m: &str) vi "tệp ảnh hỏng hoặc không phải ảnh [{m}]" en "the image file is damaged or not an image [{m}]");
message!(page_missing_glyph(page: usize, document: &str, c: char, code: u32) vi "trang {page} của {document} có ký tự “{c}” (U+{code:04X}) mà không phông chữ nào có: in ra ô trống" en "page {page} of {document} has the character “{c}” (U+{code:04X}), which no font has: it prints as an empty box");
message!(page_missing_glyph_hint() vi "nếu ký tự đến từ dữ liệu, gõ lại bằng bộ gõ tiếng Việt; nếu từ tệp mẫu, sửa mẫu hoặc thêm phông chữ có ký tự này vào thư mục fonts/" en "if the character comes from the data, retype it with a Vietnamese keyboard; if from a template, correct the template or add a font that has it to the fonts/ folder");
message!(parted_no_archive(document: &str) vi "{document} dài, được dàn trang từng phần nên không có bản lưu trữ PDF/A" en "{document} is long and was laid out in parts, so it has no PDF/A archive copy");
message!(parted_no_archive_hint() vi "bản PDF/A cần cả văn bản dàn trang một lần; chuyển tệp PDF đã ghi sang PDF/A bằng công cụ khác" en "a PDF/A copy needs the whole document laid out at once; convert the written PDF with another PDF/A tool");
message!(parted_no_fields(document: &str) vi "{document} dài, được dàn trang từng phần nên không có ô chữ ký số (--truong-ky)" en "{document} is long and was laid out in parts, so it has no signature fields (--truong-ky)");
message!(fields_failed(document: &str, detail: &str) vi "không thêm được ô chữ ký số vào {document}: {detail}" en "could not add the signature fields to {document}: {detail}");
message!(template_not_utf8(rel: &str) vi "{rel} không phải UTF-8" en "{rel} is not UTF-8");
message!(template_not_found(missing: &str) vi "không tìm thấy mẫu “{missing}”" en "the template “{missing}” was not found");
message!(template_syntax(detail: &str) vi "mẫu sai cú pháp: {detail}" en "template syntax error: {detail}");
message!(template_undefined(detail: &str) vi "mẫu dùng một giá trị không có trong dữ liệu: {detail}" en "the template uses a value that is not in the data: {detail}");
message!(template_failed(e: &dyn std::fmt::Display) vi "lỗi khi điền mẫu: {e}" en "error while filling the template: {e}");
message!(template_error_hint() vi "đây là lỗi của tệp mẫu (.typ.j2), không phải của dữ liệu; sửa mẫu hoặc xóa tệp mẫu riêng để dùng mẫu mặc định" en "this is an error of the template file (.typ.j2), not of the data; correct the template or delete the project's own copy to use the default one");

message!(cannot_write(path: &dyn std::fmt::Display, e: &std::io::Error) vi "không ghi được “{path}”: {e}" en "cannot write “{path}”: {e}");
pub fn write_denied_hint() -> &'static str {
    pick(
        "kiểm tra quyền ghi vào thư mục, hoặc đóng tệp PDF đang mở trong trình đọc",
        "check that the folder is writable, or close the PDF open in a viewer",
    )
}
message!(disk_full_hint() vi "ổ đĩa đã đầy: giải phóng chỗ trống (xoá bớt tệp, dọn Thùng rác) hoặc in vào thư mục khác bằng --out, rồi in lại; các tệp PDF đã in trước đó vẫn nguyên vẹn" en "the disk is full: free some space (delete files, empty the Recycle Bin) or print into another folder with --out, then print again; the PDFs printed before are intact");
message!(read_only_hint() vi "thư mục này chỉ đọc: bỏ thuộc tính chỉ đọc của thư mục, hoặc in vào thư mục khác bằng --out; các tệp PDF đã in trước đó vẫn nguyên vẹn" en "this folder is read-only: make it writable, or print into another folder with --out; the PDFs printed before are intact");
message!(job_stopped(name: &str) vi "{name}: chưa in vì lần in đã dừng" en "{name}: not printed, the build stopped");
pub fn write_dir_hint() -> &'static str {
    pick(
        "kiểm tra thư mục đầu ra (--out): đường dẫn phải là một thư mục ghi được, không phải một tệp",
        "check the output folder (--out): it must be a writable folder, not a file",
    )
}
message!(
    pdfa_embedded_pdf(doc: &str, files: &str)
    vi "không tạo được bản lưu trữ PDF/A-2b của {doc}: văn bản có hình ảnh dạng PDF ({files}), mà PDF/A-2b không cho nhúng PDF"
    en "cannot make the PDF/A-2b archive copy of {doc}: it shows an image that is a PDF ({files}), which PDF/A-2b does not allow"
);
message!(
    pdfa_embedded_pdf_hint()
    vi "chuyển ảnh đó sang PNG hoặc JPEG (ví dụ chụp/quét lại chữ ký, con dấu thành ảnh PNG) rồi sửa tên tệp trong data/"
    en "convert that image to PNG or JPEG (e.g. scan the signature and seal as a PNG) and update its file name in data/"
);
message!(
    pdfa_cmyk(doc: &str, files: &str)
    vi "không tạo được bản lưu trữ PDF/A-2b của {doc}: ảnh {files} dùng hệ màu CMYK (ảnh quét cho nhà in), mà PDF/A-2b không nhận ảnh CMYK không kèm hồ sơ màu"
    en "cannot make the PDF/A-2b archive copy of {doc}: the image {files} is in CMYK colours (a scan for a print shop), which PDF/A-2b does not accept without a colour profile"
);
message!(
    pdfa_cmyk_hint()
    vi "mở ảnh bằng phần mềm xem ảnh và lưu lại dưới dạng PNG (hệ màu RGB), rồi sửa tên tệp trong data/; bản PDF thường vẫn in được"
    en "open the image in an image editor and save it as PNG (RGB colours), then update its file name in data/; the ordinary PDF prints as it is"
);
message!(
    pdfa_other(doc: &str, why: &str)
    vi "không tạo được bản lưu trữ PDF/A-2b của {doc}: {why}" en "cannot make the PDF/A-2b archive copy of {doc}: {why}"
);
