//! Every string a person reads, in Vietnamese and English side by side: the command line, the
//! checks (`rules/`), loading and importing data, the engine, `serve`/`watch`. Grouped by
//! layer below. Not here: the text of the printed documents (`documents/`, `model/`, the
//! templates), which is Vietnamese whatever the clerk's language, and vocabulary matched
//! against input (spreadsheet headers in `load/tables.rs`); `tests/lang.rs` scans `src/` for
//! Vietnamese literals elsewhere, with that allow-list.
//!
//! A Rust module rather than Fluent `.ftl` files: each message is a function whose arguments
//! the compiler checks (a placeholder misspelt in one language is a build error, not a blank at
//! the clerk's desk), both languages of a message sit on adjacent lines so a translator sees
//! what they translate, and nothing is parsed at run time. Vietnamese has no plural forms and
//! the English side needs only a few, so Fluent's selectors would buy little.
//!
//! The language is chosen by `--lang` only, never by `LANG`/`LC_*`: a clerk's machine set up in
//! English still speaks Vietnamese. It is process-wide (set once by `main`), below every layer,
//! so the diagnostic renderer can name its levels without being handed a language.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// The language asked for on the command line (`--lang en`, `--lang=en`), read before clap
/// parses so that clap's own help is already in that language. Anything else is Vietnamese.
pub fn from_args<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(args: I) -> Lang {
    let mut lang = Lang::Vi;
    let mut next_is_lang = false;
    for a in args {
        let a = a.as_ref().to_string_lossy();
        if a == "--" {
            break;
        }
        let value = if next_is_lang {
            next_is_lang = false;
            Some(a.to_string())
        } else if a == "--lang" {
            next_is_lang = true;
            None
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        match value.as_deref() {
            Some("en") => lang = Lang::En,
            Some(_) => lang = Lang::Vi,
            None => {}
        }
    }
    lang
}

/// Picks the string of the current language.
pub fn pick<'a>(vi: &'a str, en: &'a str) -> &'a str {
    match lang() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// One message: a function returning the text in the current language. Placeholders name the
/// function's arguments.
macro_rules! message {
    ($(#[$m:meta])* $name:ident($($arg:ident: $ty:ty),*) vi $vi:literal en $en:literal) => {
        $(#[$m])*
        pub fn $name($($arg: $ty),*) -> String {
            match lang() {
                Lang::Vi => format!($vi),
                Lang::En => format!($en),
            }
        }
    };
}

// ---- The diagnostic renderer ----

pub fn level_error() -> &'static str {
    pick("lỗi", "error")
}
pub fn level_warning() -> &'static str {
    pick("cảnh báo", "warning")
}
pub fn level_note() -> &'static str {
    pick("ghi chú", "note")
}
pub fn level_hint() -> &'static str {
    pick("gợi ý", "hint")
}
message!(field_label(field: &str) vi "trường {field}" en "field {field}");
message!(
    /// A spreadsheet cell.
    at_cell(row: usize, col: &str) vi ", dòng {row}, cột {col}" en ", row {row}, column {col}"
);
message!(
    /// A spreadsheet row without a particular cell.
    at_row(row: usize) vi ", dòng {row}" en ", row {row}"
);

// ---- Common to several commands ----

message!(no_such_project(dir: &str) vi "thư mục dự án “{dir}” không tồn tại" en "the project folder “{dir}” does not exist");
message!(outside_project(path: &str) vi "đường dẫn “{path}” nằm ngoài thư mục dự án" en "the path “{path}” is outside the project folder");
message!(cannot_read_path(path: &str, e: &std::io::Error) vi "không đọc được “{path}”: {e}" en "cannot read “{path}”: {e}");
message!(cannot_write(path: &dyn std::fmt::Display, e: &std::io::Error) vi "không ghi được “{path}”: {e}" en "cannot write “{path}”: {e}");
pub fn write_denied_hint() -> &'static str {
    pick(
        "kiểm tra quyền ghi vào thư mục, hoặc đóng tệp PDF đang mở trong trình đọc",
        "check that the folder is writable, or close the PDF open in a viewer",
    )
}
pub fn write_dir_hint() -> &'static str {
    pick(
        "kiểm tra thư mục đầu ra (--out): đường dẫn phải là một thư mục ghi được, không phải một tệp",
        "check the output folder (--out): it must be a writable folder, not a file",
    )
}

message!(cannot_read(e: &dyn std::fmt::Display) vi "không đọc được tệp: {e}" en "cannot read the file: {e}");
message!(check_folder_hint() vi "kiểm tra đường dẫn thư mục dự án" en "check the path of the project folder");

// ---- Finding the data files ----

message!(no_plan(file: &str) vi "thiếu tệp dữ liệu chính {file}" en "the main data file {file} is missing");
message!(
    no_plan_hint()
    vi "chạy `vinhdanh init THƯ-MỤC` để có bộ dữ liệu mẫu, rồi sửa theo đơn vị mình"
    en "run `vinhdanh init FOLDER` to get the sample data, then edit it for your commune"
);
message!(optional_missing(rel: &str, what: &str) vi "không có {rel}: bỏ qua {what}" en "no {rel}: {what} left out");
message!(
    what_agenda() vi "mục Chương trình của Kế hoạch và cuốn Chương trình hội nghị"
    en "the programme section of the plan and the programme booklet"
);
message!(what_responsibilities() vi "phần tổ chức thực hiện" en "the section on who does what");
message!(two_lists(name: &str, found: &str) vi "một dự án chỉ có một danh sách {name}: đang có cả {found}" en "a project has one list of {name}: there are {found}");
pub fn and() -> &'static str {
    pick(" và ", " and ")
}
message!(
    two_lists_hint()
    vi "giữ lại một tệp (YAML, Excel hoặc CSV), đổi tên hoặc chuyển các tệp còn lại ra khỏi thư mục data/"
    en "keep one file (YAML, Excel or CSV); rename the others or move them out of data/"
);
message!(no_list(rel: &str) vi "không có danh sách {rel}" en "no list {rel}");
message!(
    no_decision(file: &str) vi "không có {file}: bỏ qua Quyết định khen thưởng và Giấy khen"
    en "no {file}: the award decision and the certificates are left out"
);
message!(no_phoi_layout(rel: &str) vi "không có tệp vị trí ô chữ “{rel}”" en "no field-position file “{rel}”");
message!(
    no_phoi_layout_hint() vi "chép tệp data/phoi.yaml của bộ mẫu (vinhdanh init) vào dự án"
    en "copy data/phoi.yaml from the sample project (vinhdanh init) into the project"
);

// ---- Reading data files (YAML) ----

message!(not_utf8() vi "tệp không phải văn bản UTF-8" en "the file is not UTF-8 text");
message!(not_utf8_hint() vi "mở tệp bằng Notepad hoặc VS Code và lưu lại với bảng mã UTF-8" en "open the file in Notepad or VS Code and save it again as UTF-8");
message!(tab_indent() vi "dòng thụt lề bằng phím Tab" en "the line is indented with a Tab");
message!(tab_indent_hint() vi "YAML chỉ cho phép thụt lề bằng dấu cách: thay Tab bằng 2 dấu cách" en "YAML indents with spaces only: replace the Tab by 2 spaces");
message!(unknown_key(name: &str) vi "khóa “{name}” không có trong mẫu dữ liệu" en "the key “{name}” is not part of the data schema");
message!(did_you_mean_key(best: &str, list: &str) vi "có phải ý bạn là “{best}”? Các khóa hợp lệ: {list}" en "did you mean “{best}”? Valid keys: {list}");
message!(keys_list(list: &str) vi "các khóa hợp lệ: {list}" en "valid keys: {list}");
message!(missing_field(name: &str) vi "thiếu trường bắt buộc “{name}”" en "the required field “{name}” is missing");
message!(missing_field_hint(name: &str) vi "thêm dòng `{name}: …` vào mục này" en "add a line `{name}: …` to this entry");
message!(wrong_type(found: &str, expected: &str) vi "sai kiểu dữ liệu: gặp {found}, cần {expected}" en "wrong kind of value: found {found}, expected {expected}");
message!(bad_variant(name: &str) vi "giá trị “{name}” không hợp lệ" en "the value “{name}” is not allowed");
message!(choose_one(list: &str) vi "chọn một trong: {list}" en "choose one of: {list}");
message!(yaml_syntax(body: &str) vi "cú pháp YAML sai ({body})" en "YAML syntax error ({body})");
pub fn yaml_syntax_hint() -> &'static str {
    pick(
        "kiểm tra thụt lề (các khóa cùng cấp phải thẳng hàng), dấu hai chấm sau mỗi khóa, và dấu ngoặc kép đóng mở đủ cặp; văn bản có dấu hai chấm thì đặt trong ngoặc kép",
        "check the indentation (keys of one level line up), the colon after each key, and that quotes come in pairs; put text containing a colon in quotes",
    )
}
message!(yaml_unclosed_quote(body: &str) vi "cú pháp YAML sai: thiếu dấu ngoặc kép đóng ({body})" en "YAML syntax error: a closing quote is missing ({body})");
pub fn yaml_unclosed_quote_hint() -> &'static str {
    pick(
        "mỗi chuỗi mở bằng \" hoặc ' phải được đóng bằng đúng dấu đó trên cùng mục",
        "a string opened with \" or ' must be closed with the same mark in the same entry",
    )
}
message!(invalid_data(body: &str) vi "dữ liệu không hợp lệ: {body}" en "invalid data: {body}");
pub fn kind_string() -> &'static str {
    pick("chuỗi", "string")
}
pub fn kind_integer() -> &'static str {
    pick("số nguyên", "whole number")
}
pub fn kind_sequence() -> &'static str {
    pick(
        "danh sách (các dòng bắt đầu bằng “- ”)",
        "list (lines starting with “- ”)",
    )
}
pub fn kind_map() -> &'static str {
    pick("nhóm khóa: giá trị", "group of key: value")
}
pub fn kind_bool() -> &'static str {
    pick("true hoặc false", "true or false")
}
pub fn kind_unit() -> &'static str {
    pick("giá trị rỗng", "empty value")
}

// ---- build ----

message!(
    build_summary(written: usize, dir: &dyn std::fmt::Display, failed: usize, errors: usize, warnings: usize)
    vi "Đã ghi {written} tệp vào {dir}; {failed} văn bản lỗi ({errors} lỗi), {warnings} cảnh báo"
    en "Wrote {written} file(s) to {dir}; {failed} document(s) failed ({errors} error(s)), {warnings} warning(s)"
);
message!(build_forced(n: usize) vi "; đã in dù còn {n} lỗi (--force)" en "; printed despite {n} error(s) (--force)");
message!(build_removed(n: usize) vi "; đã xoá {n} tệp cũ không còn dùng" en "; removed {n} stale file(s)");
message!(job_failed(name: &str) vi "Không in được {name}:" en "Could not print {name}:");
message!(
    refused_load()
    vi "Chưa in văn bản nào: dữ liệu chưa đọc được, hãy sửa các lỗi trên (--force không bỏ qua được lỗi này)."
    en "Nothing printed: the data could not be read; fix the errors above (--force cannot skip these)."
);
message!(
    refused_errors()
    vi "Chưa in văn bản nào: hãy sửa các lỗi trên (hoặc dùng --force để in dù dữ liệu còn lỗi)."
    en "Nothing printed: fix the errors above (or use --force to print despite errors in the data)."
);
message!(
    refused_strict()
    vi "Chưa in văn bản nào: hãy sửa các cảnh báo (--strict) trên (hoặc dùng --force để in dù dữ liệu còn lỗi)."
    en "Nothing printed: fix the warnings (--strict) above (or use --force to print despite errors in the data)."
);
message!(
    job_done(name: &str, pages: usize) vi "đã in {name} ({pages} trang)" en "printed {name} ({pages} page(s))"
);
message!(
    job_done_timed(name: &str, pages: usize, ms: u128)
    vi "đã in {name} ({pages} trang, {ms} ms)" en "printed {name} ({pages} page(s), {ms} ms)"
);
message!(job_not_done(name: &str) vi "lỗi khi in {name}" en "failed: {name}");
message!(progress_documents() vi "văn bản" en "documents");
message!(
    unknown_output(name: &str) vi "không có văn bản “{name}”" en "no document named “{name}”"
);
message!(
    did_you_mean(s: &str, list: &str) vi "có phải “{s}”? Các văn bản: {list}" en "did you mean “{s}”? Documents: {list}"
);
message!(outputs_list(list: &str) vi "các văn bản: {list}" en "documents: {list}");
message!(
    png_written(n: usize, dir: &dyn std::fmt::Display) vi "Đã ghi {n} ảnh xem trước vào {dir}" en "Wrote {n} preview image(s) to {dir}"
);
message!(
    archive_written(n: usize, dir: &dyn std::fmt::Display)
    vi "Đã ghi {n} bản lưu trữ PDF/A-2b vào {dir}" en "Wrote {n} PDF/A-2b archive copy(ies) to {dir}"
);

// ---- PDF/A ----

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

// ---- preview ----

message!(
    preview_written(path: &dyn std::fmt::Display) vi "Đã ghi {path}" en "Wrote {path}"
);
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
    preview_failed(doc: &str) vi "Chưa xem trước được {doc}:" en "Could not preview {doc}:"
);
message!(
    raster_failed(doc: &str, page: usize) vi "không vẽ được trang {page} của {doc}" en "could not draw page {page} of {doc}"
);

// ---- check ----

message!(check_done(errors: usize, warnings: usize) vi "Kiểm tra xong: {errors} lỗi, {warnings} cảnh báo." en "Check done: {errors} error(s), {warnings} warning(s).");
message!(check_load_failed() vi "Chưa kiểm tra được số lượng: hãy sửa các lỗi trên trước." en "Could not check the numbers: fix the errors above first.");
message!(
    fix_tone_needs_folder()
    vi "lỗi: --fix-tone-marks cần một thư mục dự án\n  gợi ý: tạo dự án bằng `vinhdanh init THƯ-MỤC` rồi chạy `vinhdanh check THƯ-MỤC --fix-tone-marks new`"
    en "error: --fix-tone-marks needs a project folder\n  hint: create one with `vinhdanh init FOLDER`, then run `vinhdanh check FOLDER --fix-tone-marks new`"
);
message!(tone_will_fix(n: usize) vi "Sẽ sửa {n} chỗ bỏ dấu.\n" en "Would fix {n} tone mark(s).\n");
message!(tone_fixed(n: usize) vi "Đã sửa {n} chỗ bỏ dấu.\n" en "Fixed {n} tone mark(s).\n");
message!(yaml_syntax_not_fixed(e: &str) vi "cú pháp YAML sai, không sửa tệp này: {e}" en "bad YAML syntax, this file is left as it is: {e}");

// ---- init ----

message!(
    init_done(n: usize, dir: &dyn std::fmt::Display)
    vi "Đã tạo {n} tệp trong {dir}. Sửa các tệp trong data/ rồi chạy: vinhdanh build {dir}"
    en "Created {n} files in {dir}. Edit the files in data/, then run: vinhdanh build {dir}"
);
message!(init_failed(e: &dyn std::fmt::Display) vi "không tạo được dự án: {e}" en "could not create the project: {e}");

// ---- calibrate ----

message!(calibrate_no_decision(file: &str) vi "không có {file}: chưa có Giấy khen để căn chỉnh" en "no {file}: there are no certificates to calibrate");
message!(calibrate_refused() vi "Chưa in trang căn chỉnh: hãy sửa các lỗi trên." en "Calibration sheet not printed: fix the errors above.");
message!(wrote(path: &dyn std::fmt::Display) vi "Đã ghi {path}" en "Wrote {path}");

// ---- eject ----

message!(no_template(name: &str) vi "không có mẫu “{name}”" en "no template “{name}”");
message!(did_you_mean_template(s: &str, list: &str) vi "có phải “{s}”? Các mẫu: {list}" en "did you mean “{s}”? Templates: {list}");
message!(templates_list(list: &str) vi "các mẫu: {list}" en "templates: {list}");
message!(
    eject_exists(rel: &str, name: &str)
    vi "{rel} đã có trong dự án: không chép đè (xem khác biệt: vinhdanh eject --diff {name})"
    en "{rel} is already in the project: not overwritten (see the difference: vinhdanh eject --diff {name})"
);
message!(
    ejected(rel: &str)
    vi "Đã chép {rel}: từ nay dự án dùng bản này thay cho mẫu có sẵn."
    en "Copied {rel}: the project now uses this copy instead of the shipped template."
);
message!(
    eject_imports(list: &str, args: &str)
    vi "  mẫu này dùng: {list} (vẫn lấy từ mẫu có sẵn, trừ khi chép cả chúng: vinhdanh eject {args})"
    en "  this template uses: {list} (still taken from the shipped ones unless you copy them too: vinhdanh eject {args})"
);
message!(diff_not_ejected(rel: &str) vi "dự án không có {rel}: đang dùng mẫu có sẵn" en "the project has no {rel}: the shipped template is used");
message!(diff_same(rel: &str) vi "{rel}: giống hệt mẫu mới nhất (có thể xoá tệp này)." en "{rel}: identical to the latest template (you may delete this file).");
message!(diff_shipped(version: &str, rel: &str) vi "mẫu có sẵn {version} ({rel})" en "shipped template {version} ({rel})");
message!(diff_project(rel: &str) vi "dự án ({rel})" en "project ({rel})");

// ---- migrate ----

message!(
    migrate_needs_folder()
    vi "lỗi: migrate cần một thư mục dự án (bộ mẫu có sẵn trong chương trình luôn theo mẫu dữ liệu mới nhất)\n  gợi ý: chạy `vinhdanh migrate THƯ-MỤC`, THƯ-MỤC là thư mục có data/"
    en "error: migrate needs a project folder (the built-in sample always follows the latest schema)\n  hint: run `vinhdanh migrate FOLDER`, FOLDER being the folder with data/"
);
message!(migrate_nothing_changed() vi "Không đổi tệp nào." en "No file was changed.");
message!(
    migrate_up_to_date(schema: u32)
    vi "Dữ liệu đã theo mẫu dữ liệu mới nhất (số {schema}): không có gì để đổi."
    en "The data already follows the latest schema (number {schema}): nothing to change."
);
message!(
    migrate_would(lines: usize, files: usize)
    vi "Sẽ đổi {lines} dòng trong {files} tệp (--dry-run: chưa ghi gì)."
    en "Would change {lines} line(s) in {files} file(s) (--dry-run: nothing written)."
);
message!(migrate_backup_failed(e: &std::io::Error) vi "không sao lưu được thư mục data/: {e}" en "could not back up the data/ folder: {e}");
pub fn migrate_backup_failed_hint() -> &'static str {
    pick(
        "không tệp nào bị đổi; kiểm tra quyền ghi vào thư mục dự án rồi chạy lại",
        "no file was changed; check that the project folder is writable and run again",
    )
}
message!(migrate_backup(name: &str) vi "Bản sao lưu dữ liệu cũ: {name}/" en "Backup of the old data: {name}/");
message!(
    migrate_done(lines: usize, files: usize, schema: u32, name: &str)
    vi "Đã đổi {lines} dòng trong {files} tệp sang mẫu dữ liệu số {schema}. Bản sao lưu dữ liệu cũ: {name}/"
    en "Changed {lines} line(s) in {files} file(s) to schema number {schema}. Backup of the old data: {name}/"
);

// ---- completions, man ----

message!(
    man_written(path: &dyn std::fmt::Display) vi "Đã ghi {path}" en "Wrote {path}"
);

// ---- rules/: the checks of `check` and `build` ----
// (the word "plan" below is the Kế hoạch; "honours list" the list of honorees)

// rules/agenda.rs
message!(agenda_sample() vi "giờ, người phụ trách và người tham luận trong chương trình là dữ liệu mẫu" en "the times, people in charge and speakers of the programme are sample data");
message!(agenda_sample_hint() vi "sửa data/agenda.yaml theo chương trình đã duyệt rồi đổi “sample: true” thành “sample: false”" en "edit data/agenda.yaml to the approved programme, then change “sample: true” to “sample: false”");
message!(agenda_before_start(t: &str, start: &str) vi "giờ {t} sớm hơn giờ bắt đầu hội nghị ({start})" en "the time {t} is earlier than the start of the conference ({start})");
message!(agenda_before_start_hint() vi "giờ bắt đầu ghi ở data/plan.yaml, mục conference.start" en "the start time is in data/plan.yaml, under conference.start");
message!(agenda_not_after(t: &str, item: usize, prev: &str) vi "giờ {t} không muộn hơn giờ của mục trước (mục {item}: {prev})" en "the time {t} is not later than the item before (item {item}: {prev})");
message!(agenda_order_hint() vi "các mục của chương trình phải theo thứ tự thời gian" en "the programme's items must be in time order");
message!(agenda_unknown_speaker(id: &str) vi "không có tập thể, cá nhân nào tên hoặc mã “{id}” trong danh sách khen thưởng" en "no collective or individual named or coded “{id}” in the honours list");
message!(agenda_unknown_speaker_best(best: &str) vi "có phải “{best}”? Ghi tên (hoặc mã) đúng như trong danh sách khen thưởng" en "did you mean “{best}”? Write the name (or code) exactly as in the honours list");
message!(agenda_unknown_speaker_hint() vi "ghi tên (hoặc mã) đúng như trong danh sách khen thưởng" en "write the name (or code) exactly as in the honours list");
message!(agenda_speaker_no_name() vi "người tham luận chưa có tên" en "a speaker has no name");
message!(agenda_speaker_no_name_hint() vi "ghi `honoree: cn-01` (lấy tên từ danh sách khen thưởng) hoặc `name: Họ và tên`" en "write `honoree: cn-01` (the name is taken from the honours list) or `name: Full name`");

// rules/assets.rs
message!(asset_not_image(rel: &str) vi "tệp “{rel}” không phải là ảnh (PNG, JPEG, GIF, SVG)" en "the file “{rel}” is not an image (PNG, JPEG, GIF, SVG)");
message!(asset_not_image_hint() vi "xuất lại ảnh dưới dạng PNG rồi ghi đường dẫn tệp đó; hoặc để `~` để in không có ảnh" en "export the image again as PNG and write that file's path; or write `~` to print without an image");
message!(asset_no_emblem(rel: &str) vi "không có tệp ảnh Quốc huy “{rel}”" en "the State emblem image “{rel}” does not exist");
message!(asset_no_emblem_hint() vi "đặt ảnh (PNG hoặc SVG) vào thư mục assets/ của dự án và ghi đường dẫn, ví dụ assets/quoc-huy.png" en "put the image (PNG or SVG) into the project's assets/ folder and write its path, e.g. assets/quoc-huy.png");
message!(asset_missing(rel: &str) vi "không tìm thấy ảnh “{rel}” trong thư mục dự án" en "the image “{rel}” is not in the project folder");
message!(asset_missing_hint() vi "chép ảnh vào thư mục assets/ của dự án và ghi `image: assets/ten-tep.png`" en "copy the image into the project's assets/ folder and write `image: assets/file-name.png`");
message!(asset_refused_hint() vi "ảnh phải nằm trong thư mục dự án (không dùng “..”, đường dẫn tuyệt đối hay liên kết trỏ ra ngoài)" en "images must be inside the project folder (no “..”, absolute paths or links pointing outside)");
message!(asset_emblem_unset() vi "chưa có ảnh Quốc huy: Giấy khen để trống chỗ in Quốc huy" en "no State emblem image: the certificates leave its place blank");
message!(asset_emblem_unset_hint() vi "ghi certificate.emblem: assets/quoc-huy.png (ảnh do đơn vị tự cung cấp)" en "write certificate.emblem: assets/quoc-huy.png (an image your office provides)");

// rules/composition.rs
message!(group_id_twice(id: &str) vi "mã nhóm “{id}” bị trùng" en "the group code “{id}” is used twice");
message!(min_above_max(a: u32, b: u32) vi "min ({a}) lớn hơn max ({b})" en "min ({a}) is greater than max ({b})");
message!(group_count_and_range() vi "nhóm chỉ ghi `count` hoặc cặp `min`/`max`, không ghi cả hai" en "a group has either `count` or a `min`/`max` pair, not both");
message!(group_no_number() vi "nhóm cần số lượng: `count: 5` hoặc `min: 70` và `max: 80`" en "the group needs a number: `count: 5` or `min: 70` and `max: 80`");
message!(quota_id_twice(id: &str) vi "mã “{id}” trùng với một nhóm khác" en "the code “{id}” is already used by another group");
message!(quota_no_number() vi "cần `count` hoặc `min`/`max`" en "`count` or `min`/`max` is needed");
message!(plan_of_which_exceeds(label: &str, planned: &str, sum: &str) vi "Kế hoạch tự mâu thuẫn: “{label}” có {planned}, nhưng phần “trong đó” ({sum}) lại nhiều hơn" en "The plan contradicts itself: “{label}” has {planned}, but its “of which” part ({sum}) is more");
message!(plan_parts_mismatch(label: &str, planned: &str, terms: &str, sum: &str) vi "Kế hoạch tự mâu thuẫn: “{label}” ghi {planned}, nhưng các nhóm con cộng lại {terms} = {sum}" en "The plan contradicts itself: “{label}” says {planned}, but its sub-groups add up to {terms} = {sum}");
message!(plan_arithmetic_hint() vi "sửa số của nhóm hoặc của các nhóm con trong data/plan.yaml cho khớp nhau" en "make the numbers of the group and of its sub-groups in data/plan.yaml agree");
message!(delegates_empty() vi "danh sách đại biểu trống" en "the delegate list is empty");
message!(delegates_empty_hint() vi "thêm đại biểu (mỗi người một mục “- …”), hoặc xóa tệp nếu chưa lập danh sách" en "add delegates (one “- …” entry per person), or delete the file if the list is not drawn up yet");
message!(delegate_parent_group(group: &str, label: &str) vi "đại biểu ghi nhóm chung “{group}” ({label}), không ghi nhóm con" en "the delegate names the general group “{group}” ({label}) rather than one of its sub-groups");
message!(delegate_parent_group_hint(list: &str) vi "ghi một trong các nhóm con: {list}" en "write one of the sub-groups: {list}");
message!(delegate_unknown_group(group: &str) vi "nhóm “{group}” không có trong thành phần đại biểu của Kế hoạch" en "the group “{group}” is not in the plan's delegate composition");
message!(delegate_group_best(best: &str, list: &str) vi "có phải ý bạn là “{best}”? Ghi mã nhóm hoặc tên nhóm như Kế hoạch; các nhóm: {list}" en "did you mean “{best}”? Write the group's code or name as in the plan; the groups: {list}");
message!(delegate_group_best_id(best: &str, id: &str, list: &str) vi "có phải ý bạn là “{best}” (mã {id})? Ghi mã nhóm hoặc tên nhóm như Kế hoạch; các nhóm: {list}" en "did you mean “{best}” (code {id})? Write the group's code or name as in the plan; the groups: {list}");
message!(delegate_group_hint(list: &str) vi "ghi mã nhóm hoặc tên nhóm như Kế hoạch; các nhóm: {list}" en "write the group's code or name as in the plan; the groups: {list}");
message!(quota_short() vi "thiếu" en "too few");
message!(quota_over() vi "vượt" en "too many");
message!(composition_off(label: &str, file: &str, actual: usize, planned: &str, what: &str) vi "{label}: danh sách {file} có {actual} đại biểu, Kế hoạch ghi {planned} ({what})" en "{label}: the list {file} has {actual} delegate(s), the plan says {planned} ({what})");
message!(composition_off_hint(id: &str) vi "sửa danh sách đại biểu (cột group = “{id}”) hoặc số lượng trong data/plan.yaml; ghi `soft: true` cho nhóm nếu chỉ cần cảnh báo" en "correct the delegate list (column group = “{id}”) or the number in data/plan.yaml; write `soft: true` on the group if a warning is enough");
message!(honorees_empty() vi "danh sách khen thưởng trống" en "the honours list is empty");
message!(honorees_empty_hint() vi "thêm tập thể, cá nhân đề nghị khen thưởng, hoặc xóa tệp nếu chưa có danh sách" en "add the collectives and individuals proposed for awards, or delete the file if there is no list yet");
message!(honours_off(label: &str, file: &str, actual: usize, kind: &str, planned: &str, what: &str) vi "{label}: danh sách {file} có {actual} {kind}, Kế hoạch ghi {planned} ({what})" en "{label}: the list {file} has {actual} {kind}, the plan says {planned} ({what})");
message!(honours_off_hint() vi "sửa danh sách khen thưởng hoặc số lượng trong data/plan.yaml (honours); `soft: true` nếu chỉ cần cảnh báo" en "correct the honours list or the number in data/plan.yaml (honours); `soft: true` if a warning is enough");
message!(field_unknown(f: &str) vi "lĩnh vực “{f}” không có trong danh sách lĩnh vực của Kế hoạch" en "the field “{f}” is not among the plan's fields");
message!(field_unknown_best(s: &str, list: &str) vi "có phải “{s}”? Các lĩnh vực (conference.fields trong data/plan.yaml): {list}" en "did you mean “{s}”? The fields (conference.fields in data/plan.yaml): {list}");
message!(field_unknown_hint(list: &str) vi "các lĩnh vực (conference.fields trong data/plan.yaml): {list}" en "the fields (conference.fields in data/plan.yaml): {list}");
message!(fields_empty(list: &str) vi "chưa có điển hình nào thuộc lĩnh vực: {list} (Kế hoạch yêu cầu cân đối giữa các lĩnh vực)" en "no honoree yet in the field(s): {list} (the plan asks for a balance between fields)");
message!(fields_empty_hint() vi "bổ sung tập thể, cá nhân của lĩnh vực này, hoặc ghi `field:` cho các điển hình đã có" en "add collectives or individuals of this field, or write `field:` for the honorees already listed");
message!(balance_no_field() vi "(chưa ghi lĩnh vực)" en "(no field given)");
message!(balance_by_field() vi "Theo lĩnh vực (tập thể và cá nhân)" en "By field (collectives and individuals)");
message!(gender_male() vi "nam" en "men");
message!(gender_female() vi "nữ" en "women");
message!(balance_unknown() vi "(chưa ghi)" en "(not given)");
message!(balance_by_gender() vi "Theo giới tính (cá nhân)" en "By gender (individuals)");
/// The age bands of the balance table, youngest first (under 30, then by decade, 60 and over).
pub fn age_band(band: usize) -> &'static str {
    const VI: [&str; 5] = [
        "dưới 30 tuổi",
        "30–39 tuổi",
        "40–49 tuổi",
        "50–59 tuổi",
        "từ 60 tuổi",
    ];
    const EN: [&str; 5] = ["under 30", "30–39", "40–49", "50–59", "60 and over"];
    pick(VI[band], EN[band])
}
message!(birth_year_invalid(y: i32, year: i32) vi "năm sinh {y} không hợp lệ (hội nghị năm {year})" en "the birth year {y} is not valid (the conference is in {year})");
message!(birth_year_hint() vi "ghi năm sinh bốn chữ số, ví dụ 1975" en "write the birth year with four digits, e.g. 1975");
message!(balance_no_birth_year() vi "(chưa ghi năm sinh)" en "(no birth year given)");
message!(balance_by_age(date: &str) vi "Theo độ tuổi (cá nhân, tính đến {date})" en "By age (individuals, as of {date})");
message!(balance_no_unit() vi "(chưa ghi đơn vị)" en "(no unit given)");
message!(balance_by_unit() vi "Theo thôn, đơn vị" en "By village or unit");

// rules/decision.rs
message!(basis_punctuation(want: char) vi "căn cứ nên kết thúc bằng dấu “{want}”" en "this legal basis should end with “{want}”");
message!(basis_punctuation_hint() vi "mỗi căn cứ kết thúc bằng “;”, căn cứ cuối bằng “.”" en "each legal basis ends with “;”, the last one with “.”");
message!(phoi_field_missing(f: &str) vi "thiếu vị trí ô “{f}”" en "the position of the box “{f}” is missing");
message!(phoi_fields_needed(list: &str) vi "các ô cần có: {list}" en "the boxes needed: {list}");
message!(phoi_size_positive() vi "width và height phải lớn hơn 0" en "width and height must be greater than 0");
message!(phoi_off_sheet(f: &str) vi "ô “{f}” nằm ra ngoài tờ giấy 297 × 210 mm" en "the box “{f}” goes off the 297 × 210 mm sheet");
message!(phoi_off_sheet_hint() vi "x + width ≤ 297 và y + height ≤ 210" en "x + width ≤ 297 and y + height ≤ 210");
message!(phoi_field_unused(k: &str) vi "ô “{k}” không dùng đến" en "the box “{k}” is not used");
message!(phoi_fields_usable(list: &str) vi "các ô dùng được: {list}" en "the boxes that can be used: {list}");

// rules/fonts.rs
message!(char_no_font(c: char, code: u32) vi "ký tự “{c}” (U+{code:04X}) không có trong phông chữ nào: sẽ in ra ô trống" en "the character “{c}” (U+{code:04X}) is in no font: it would print as an empty box");
message!(char_no_font_hint() vi "gõ lại ký tự đó bằng bộ gõ tiếng Việt (Unicode dựng sẵn), hoặc thêm phông chữ có ký tự này vào thư mục fonts/ của dự án" en "type that character again with a Vietnamese keyboard (precomposed Unicode), or add a font that has it to the project's fonts/ folder");

// rules/layout.rs
message!(layout_out_of_range(what: &str, v: f64, lo: f64, hi: f64) vi "{what} {v} nằm ngoài khoảng Nghị định 30/2020 cho phép ({lo}–{hi})" en "{what} {v} is outside the range Decree 30/2020 allows ({lo}–{hi})");
message!(layout_range_hint(lo: f64, hi: f64) vi "chọn một giá trị từ {lo} đến {hi}" en "choose a value from {lo} to {hi}");
message!(layout_margin_top() vi "lề trên (mm)" en "top margin (mm)");
message!(layout_margin_bottom() vi "lề dưới (mm)" en "bottom margin (mm)");
message!(layout_margin_left() vi "lề trái (mm)" en "left margin (mm)");
message!(layout_margin_right() vi "lề phải (mm)" en "right margin (mm)");
message!(layout_body_size() vi "cỡ chữ nội dung" en "body text size");
message!(layout_national_size() vi "cỡ chữ Quốc hiệu" en "size of the national title");
message!(layout_motto_size() vi "cỡ chữ Tiêu ngữ" en "size of the motto");
message!(layout_authority_size() vi "cỡ chữ tên cơ quan" en "size of the authority's name");
message!(layout_date_size() vi "cỡ chữ dòng địa danh, ngày tháng" en "size of the place and date line");
message!(layout_indent() vi "thụt đầu dòng (mm)" en "first-line indent (mm)");
message!(layout_line_spacing() vi "khoảng cách dòng" en "line spacing");
message!(layout_paragraph_spacing() vi "khoảng cách đoạn phải từ 6 pt trở lên" en "paragraph spacing must be 6 pt or more");
message!(block_no_kind() vi "khối nội dung không có loại" en "the content block has no kind");
message!(block_no_kind_hint(list: &str) vi "mỗi khối cần đúng một khóa: {list}" en "each block needs exactly one key: {list}");
message!(block_many_kinds(list: &str) vi "khối nội dung có nhiều loại cùng lúc: {list}" en "the content block has several kinds at once: {list}");
message!(block_many_kinds_hint() vi "tách thành nhiều khối, mỗi khối một dòng “- …”" en "split it into several blocks, one “- …” line each");
message!(block_unknown_group(id: &str) vi "không có nhóm đại biểu mã “{id}”" en "there is no delegate group with the code “{id}”");
message!(block_unknown_group_hint() vi "dùng mã (id) của một nhóm trong composition" en "use the code (id) of a group in composition");
message!(block_body_misplaced() vi "chỉ mục (section) và tiểu mục (heading) mới có phần body" en "only a section or a heading can have a body");

// rules/mod.rs: how a record is named in a diagnostic
message!(kind_collective() vi "tập thể" en "collective");
message!(kind_individual() vi "cá nhân" en "individual");
message!(delegate_nth(n: usize) vi "đại biểu thứ {n}" en "delegate no. {n}");
message!(nth(n: usize) vi "thứ {n}" en "no. {n}");
message!(delegate_id(id: &str) vi "đại biểu {id}" en "delegate {id}");
message!(delegate_id_who(id: &str, who: &str) vi "đại biểu {id} ({who})" en "delegate {id} ({who})");
message!(honoree_nth(n: usize) vi "mục khen thưởng thứ {n}" en "honours entry no. {n}");

// rules/people.rs
message!(delegate_id_twice(id: &str, first: &str) vi "mã “{id}” bị trùng (đã dùng cho {first})" en "the code “{id}” is used twice (already used for {first})");
message!(delegate_id_twice_hint() vi "mỗi đại biểu một mã riêng: tên tệp Giấy mời lấy theo mã này" en "each delegate needs a code of their own: the invitation's file name is made from it");
message!(delegate_nobody() vi "đại biểu không có họ tên, đơn vị, cũng không có mã khen thưởng: không biết mời ai" en "the delegate has no name, no unit and no honoree code: nobody to invite");
message!(delegate_nobody_hint() vi "ghi `name:` (họ và tên) hoặc `unit:` (cơ quan, đơn vị được mời), hoặc `honoree:` (mã tập thể, cá nhân được khen)" en "write `name:` (full name) or `unit:` (the office or unit invited), or `honoree:` (the code of an honoree)");
message!(delegate_unit_no_title() vi "mời một đơn vị mà không ghi chức danh người dự" en "a unit is invited without the position of who attends");
message!(delegate_unit_no_title_hint() vi "ghi `title: Đại diện lãnh đạo` (hoặc chức danh phù hợp)" en "write `title: Đại diện lãnh đạo` (a representative of the leadership) or a fitting position");
message!(delegate_twice(first: &str) vi "đại biểu trùng: cùng họ tên và đơn vị với {first}" en "duplicate delegate: same name and unit as {first}");
message!(delegate_twice_hint() vi "xóa một trong hai mục (một người chỉ nhận một Giấy mời)" en "delete one of the two entries (a person receives one invitation)");
message!(delegate_unknown_honoree(h: &str) vi "mã khen thưởng “{h}” không có trong danh sách khen thưởng" en "the honoree code “{h}” is not in the honours list");
message!(delegate_unknown_honoree_hint() vi "ghi mã hoặc tên đúng như trong danh sách khen thưởng (data/honorees.yaml, .xlsx hoặc .csv)" en "write the code or name exactly as in the honours list (data/honorees.yaml, .xlsx or .csv)");
message!(honoree_invited_twice(h: &str, first: &str) vi "“{h}” được mời hai lần (cùng mã với {first})" en "“{h}” is invited twice (same code as {first})");
message!(honoree_invited_twice_hint() vi "mỗi tập thể, cá nhân được khen chỉ nhận một Giấy mời" en "each honoree receives one invitation");
message!(honoree_unusual_group(h: &str, group: &str, usual: &str) vi "đại biểu được khen thưởng ({h}) lại mời theo nhóm “{group}”, trong khi các đại biểu được khen khác thuộc nhóm “{usual}”" en "the honoured delegate ({h}) is invited in the group “{group}”, while the other honoured delegates are in the group “{usual}”");
message!(honoree_unusual_group_hint(usual: &str) vi "có phải nhóm đúng là “{usual}”?" en "should the group be “{usual}”?");
message!(honoree_id_twice(id: &str, first: &str) vi "mã “{id}” bị trùng (đã dùng cho {first})" en "the code “{id}” is used twice (already used for {first})");
message!(honoree_id_twice_hint() vi "mỗi tập thể, cá nhân một mã riêng: tên tệp Giấy khen lấy theo mã này" en "each honoree needs a code of their own: the certificate's file name is made from it");
message!(honoree_no_name() vi "thiếu tên" en "the name is missing");
message!(honoree_no_name_hint() vi "ghi tên tập thể hoặc họ và tên cá nhân" en "write the collective's name or the person's full name");
message!(honoree_twice(first: &str) vi "khen thưởng trùng: cùng tên và đơn vị với {first}" en "duplicate honoree: same name and unit as {first}");
message!(honoree_twice_hint() vi "xóa một trong hai mục (mỗi tập thể, cá nhân chỉ nhận một Giấy khen)" en "delete one of the two entries (each honoree receives one certificate)");
message!(honoree_no_achievement() vi "thiếu thành tích (in trên Giấy khen)" en "the achievement is missing (it is printed on the certificate)");
message!(honoree_no_achievement_hint() vi "ghi một câu thành tích, kết thúc bằng dấu chấm" en "write one sentence of achievement, ending with a full stop");
message!(honoree_no_gender() vi "cá nhân chưa ghi giới tính (cần để xưng Ông/Bà và cân đối giới tính)" en "the individual has no gender (needed for Mr/Ms and for the gender balance)");
message!(honoree_no_gender_hint() vi "thêm `gender: nam` hoặc `gender: nữ`" en "add `gender: nam` (male) or `gender: nữ` (female)");
message!(collective_person_fields() vi "tập thể mà có giới tính hoặc năm sinh: có phải đây là cá nhân?" en "a collective with a gender or a birth year: is this an individual?");
message!(collective_person_fields_hint() vi "đổi `kind: individual`, hoặc bỏ gender/birth_year" en "change to `kind: individual`, or remove gender/birth_year");
message!(delegates_sample() vi "danh sách đại biểu là dữ liệu mẫu: Giấy mời chưa dùng được" en "the delegate list is sample data: the invitations cannot be used yet");
message!(delegates_sample_hint() vi "thay bằng danh sách đã duyệt rồi đổi “sample: true” thành “sample: false”" en "replace it with the approved list, then change “sample: true” to “sample: false”");
message!(start_sample() vi "giờ bắt đầu hội nghị là giờ mẫu, in trên mọi Giấy mời" en "the conference's start time is a sample time, printed on every invitation");
message!(start_sample_hint() vi "ghi giờ đã chốt vào conference.start và đổi start_is_sample thành false" en "write the agreed time into conference.start and change start_is_sample to false");

// rules/placeholders.rs
message!(placeholder_award_hint() vi "ghi số tiền trong decision.yaml (award: {{collective: 1404000, individual: 702000}}), hoặc bỏ câu về tiền thưởng" en "write the amounts in decision.yaml (award: {{collective: 1404000, individual: 702000}}), or remove the sentence about the award money");
message!(placeholder_hint() vi "dùng {{conference.date}}, {{conference.venue}}, {{conference.start}}, {{count:<mã nhóm>}}, {{honorees.total}}, {{award.total}}…; xem README, mục Chỗ điền" en "use {{conference.date}}, {{conference.venue}}, {{conference.start}}, {{count:<group code>}}, {{honorees.total}}, {{award.total}}…; see README, section “Chỗ điền” (placeholders)");
message!(placeholder_unknown(key: &str) vi "chỗ điền “{{{key}}}” không có trong dữ liệu" en "the placeholder “{{{key}}}” is not in the data");

// rules/report.rs: the table `check` prints
message!(report_ok() vi "đạt" en "ok");
message!(report_warning() vi "CẢNH BÁO" en "WARNING");
message!(report_error() vi "LỖI" en "ERROR");
message!(report_composition(file: &str) vi "THÀNH PHẦN ĐẠI BIỂU (Kế hoạch mục II.3) — danh sách {file}" en "DELEGATES (plan, section II.3) — list {file}");
message!(report_group() vi "Nhóm" en "Group");
message!(report_planned() vi "Kế hoạch" en "Plan");
message!(report_listed() vi "Danh sách" en "List");
message!(report_sums() vi "SỐ CỘNG CỦA KẾ HOẠCH" en "THE PLAN'S SUMS");
message!(report_sum_ok(r: &str) vi "nằm trong {r}: đúng" en "within {r}: right");
message!(report_sum_bad(r: &str) vi "KHÔNG khớp {r}" en "does NOT match {r}");
message!(report_part_ok(r: &str) vi "(trong đó) không vượt {r}: đúng" en "(of which) not above {r}: right");
message!(report_part_bad(r: &str) vi "(trong đó) VƯỢT {r}" en "(of which) ABOVE {r}");
message!(report_honours(file: &str) vi "KHEN THƯỞNG (Kế hoạch mục II.3) — danh sách {file}" en "AWARDS (plan, section II.3) — list {file}");
message!(report_balance() vi "CÂN ĐỐI (Kế hoạch mục II.2)" en "BALANCE (plan, section II.2)");
message!(report_none_yet() vi "  ← chưa có" en "  ← none yet");

// rules/text.rs
message!(legacy_encoding(s: &str, enc: &str) vi "“{s}” có vẻ được gõ bằng bảng mã {enc} (không phải Unicode): sẽ in sai chữ" en "“{s}” seems typed in the {enc} encoding (not Unicode): it would print garbled");
message!(legacy_encoding_hint(fixed: &str) vi "nội dung đúng có lẽ là “{fixed}”; chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6) hoặc gõ lại" en "the right text is probably “{fixed}”; convert it to Unicode (Unikey: “Công cụ chuyển mã”, Ctrl+Shift+F6) or type it again");
message!(text_double_space() vi "có hai dấu cách liền nhau" en "two spaces in a row");
message!(text_edge_space() vi "có dấu cách thừa ở đầu hoặc cuối" en "a stray space at the start or end");
message!(text_control_char() vi "có ký tự điều khiển hoặc ký tự vô hình (Tab, khoảng trắng độ rộng 0, …)" en "a control or invisible character (Tab, zero-width space, …)");
message!(text_hygiene_hint() vi "xóa các dấu cách, ký tự thừa (chúng không hiện trên màn hình nhưng làm lệch chữ khi in)" en "delete the stray spaces and characters (invisible on screen, they shift the printed text)");
message!(text_more_issues(n: usize) vi "… và {n} chỗ dấu cách, ký tự thừa khác" en "… and {n} more stray spaces or characters");
message!(tone_mixed(old: usize, old_ex: &str, new: usize, new_ex: &str) vi "dữ liệu dùng lẫn hai kiểu bỏ dấu: kiểu cũ {old} chỗ (ví dụ {old_ex}), kiểu mới {new} chỗ (ví dụ {new_ex})" en "the data mixes the two tone-mark styles: old style {old} time(s) (e.g. {old_ex}), new style {new} time(s) (e.g. {new_ex})");
message!(tone_mixed_hint() vi "chạy `vinhdanh check --fix-tone-marks new` (hoặc `old`) để thống nhất; thêm `--dry-run` để xem trước. Chỉ sửa phần văn bản tự do, không sửa tên người, tên địa danh, tên đơn vị" en "run `vinhdanh check --fix-tone-marks new` (or `old`) to make it uniform; add `--dry-run` to see the changes first. Only free text is changed, never names of people, places or units");
message!(tone_names_mixed(old: usize, old_ex: &str, new: usize, new_ex: &str) vi "tên riêng (người, địa danh, đơn vị) dùng kiểu bỏ dấu khác phần văn bản: kiểu cũ {old} chỗ (ví dụ {old_ex}), kiểu mới {new} chỗ (ví dụ {new_ex})" en "proper names (people, places, units) use another tone-mark style than the text: old style {old} time(s) (e.g. {old_ex}), new style {new} time(s) (e.g. {new_ex})");
message!(tone_names_mixed_hint() vi "tên riêng giữ đúng cách viết của người, đơn vị đó; --fix-tone-marks không sửa tên riêng" en "proper names keep the spelling of their owner; --fix-tone-marks does not change them");
message!(text_nfd(lines: usize) vi "chữ tổ hợp (dấu gõ rời, dạng NFD) ở {lines} dòng: in vẫn đúng, nhưng tìm kiếm và sắp xếp sẽ sai" en "decomposed letters (separate tone marks, NFD) on {lines} line(s): they print right, but searching and sorting go wrong");
message!(text_nfd_hint() vi "gõ lại bằng bộ gõ tiếng Việt với bảng mã Unicode dựng sẵn, hoặc lưu lại tệp bằng một trình soạn thảo có chức năng chuẩn hóa NFC" en "type it again with a Vietnamese keyboard set to precomposed Unicode, or save the file again with an editor that normalises to NFC");
message!(tone_style_new() vi "kiểu mới" en "in the new style");
message!(tone_style_old() vi "kiểu cũ" en "in the old style");
message!(tone_minority(before: &str, style: &str, after: &str) vi "“{before}” bỏ dấu {style}, khác phần lớn dữ liệu (“{after}”)" en "“{before}” has its tone mark {style}, unlike most of the data (“{after}”)");
message!(tone_minority_hint(fix: &str) vi "sửa tay, hoặc chạy `vinhdanh check --fix-tone-marks {fix}`" en "correct it by hand, or run `vinhdanh check --fix-tone-marks {fix}`");
message!(tone_minority_more(n: usize, style: &str, fix: &str) vi "… và {n} chỗ khác bỏ dấu {style} (xem tất cả: `vinhdanh check --fix-tone-marks {fix} --dry-run`)" en "… and {n} more with the tone mark {style} (see them all: `vinhdanh check --fix-tone-marks {fix} --dry-run`)");

// ---- load/: reading spreadsheets, schema versions ----

// load/tables.rs
message!(
    /// A spreadsheet has no place for the worksheet in a location: it follows the message.
    in_sheet(message: &str, sheet: &str) vi "{message} [trang tính “{sheet}”]" en "{message} [worksheet “{sheet}”]"
);
message!(cell_double_space() vi "có hai dấu cách liền nhau" en "has two spaces in a row");
message!(cell_edge_space() vi "có dấu cách thừa ở đầu hoặc cuối" en "has a stray space at the start or end");
message!(cell_decomposed() vi "có chữ tổ hợp (dấu gõ rời, dạng NFD)" en "has decomposed letters (separate tone marks, NFD)");
message!(cell_control_char() vi "có ký tự điều khiển hoặc ký tự vô hình" en "has a control or invisible character");
message!(cell_line_break() vi "có xuống dòng trong ô (Alt+Enter)" en "has a line break in the cell (Alt+Enter)");
message!(cell_stray() vi "có khoảng trắng hoặc ký tự thừa" en "has stray spaces or characters");
message!(cell_cleaned(raw: &str, what: &str, value: &str) vi "ô “{raw}” {what}: in ra “{value}”" en "the cell “{raw}” {what}: it prints as “{value}”");
message!(cell_cleaned_hint() vi "sửa ô trong bảng tính cho giống chữ in ra (xóa dấu cách, ký tự thừa; gõ lại bằng bảng mã Unicode dựng sẵn)" en "correct the cell in the spreadsheet to match what prints (delete stray spaces and characters; retype with precomposed Unicode)");
message!(cells_cleaned_more(more: usize) vi "… và {more} ô khác có dấu cách, ký tự thừa hoặc chữ tổ hợp" en "… and {more} more cell(s) with stray spaces or characters or decomposed letters");
message!(cell_gender_invalid(v: &str) vi "giới tính “{v}” không hợp lệ" en "the gender “{v}” is not valid");
message!(cell_gender_hint() vi "ghi “Nam” hoặc “Nữ”, hoặc để trống" en "write “Nam” (male) or “Nữ” (female), or leave it empty");
message!(cell_both_genders() vi "đánh dấu cả cột “Nam” lẫn cột “Nữ”" en "both the “Nam” (male) and the “Nữ” (female) column are marked");
message!(cell_both_genders_hint() vi "chỉ đánh dấu (x) một trong hai cột" en "mark (x) only one of the two columns");
message!(cell_birth_unreadable(v: &str) vi "năm sinh “{v}” không đọc được" en "the birth year “{v}” cannot be read");
message!(cell_birth_hint() vi "ghi năm (1978) hoặc ngày sinh đủ (05/09/1978)" en "write the year (1978) or the full date of birth (05/09/1978)");
message!(cell_order_not_number(v: &str) vi "thứ tự “{v}” không phải số" en "the order “{v}” is not a number");
message!(cell_order_hint() vi "chỉ ghi số, ví dụ 3" en "write a number only, e.g. 3");
message!(cell_kind_invalid(k: &str) vi "loại “{k}” không hợp lệ" en "the kind “{k}” is not valid");
message!(cell_kind_hint() vi "ghi “Tập thể” hoặc “Cá nhân”" en "write “Tập thể” (collective) or “Cá nhân” (individual)");
message!(cell_kind_unknown(name: &str) vi "không rõ “{name}” là tập thể hay cá nhân" en "it is not clear whether “{name}” is a collective or an individual");
message!(cell_kind_unknown_hint() vi "thêm dòng “I. TẬP THỂ” phía trên các tập thể và “II. CÁ NHÂN” phía trên các cá nhân, hoặc thêm cột “Loại” (Tập thể/Cá nhân), hoặc ghi giới tính, năm sinh của cá nhân" en "add a row “I. TẬP THỂ” above the collectives and “II. CÁ NHÂN” above the individuals, or add a column “Loại” (“Tập thể”/“Cá nhân”), or give the individuals' gender and birth year");

// load/schema.rs
message!(schema_newer(n: u64, schema: u32) vi "tệp được viết cho phiên bản mới hơn của vinhdanh (mẫu dữ liệu số {n}; chương trình này chỉ đọc đến số {schema})" en "the file was written for a newer version of vinhdanh (schema number {n}; this program reads up to number {schema})");
message!(schema_newer_hint() vi "cập nhật vinhdanh lên phiên bản mới nhất rồi chạy lại (đừng sửa số này: dữ liệu viết theo mẫu mới có thể không đọc đúng)" en "update vinhdanh to the latest version and run again (do not edit this number: data written for the newer schema may be read wrongly)");
message!(schema_older(n: u64, oldest: u32, schema: u32) vi "mẫu dữ liệu số {n} không còn được hỗ trợ (chương trình này đọc từ số {oldest} đến {schema})" en "schema number {n} is no longer supported (this program reads numbers {oldest} to {schema})");
message!(schema_older_hint() vi "dùng một phiên bản vinhdanh cũ hơn chạy `vinhdanh migrate`, rồi quay lại phiên bản này" en "run `vinhdanh migrate` with an older version of vinhdanh, then come back to this one");
message!(rename_both(old: &str, new: &str) vi "có cả “{old}” (tên cũ) và “{new}”: giữ một" en "both “{old}” (the old name) and “{new}” are present: keep one");
message!(rename_both_hint(old: &str, new: &str) vi "xóa dòng “{old}: …” (tên cũ), giữ “{new}: …”" en "delete the line “{old}: …” (old name), keep “{new}: …”");
message!(rename_failed(old: &str, new: &str) vi "không đổi được tên khóa “{old}” thành “{new}” trong tệp" en "the key “{old}” could not be renamed to “{new}” in the file");
message!(rename_failed_hint(old: &str, new: &str) vi "sửa tay: đổi “{old}:” thành “{new}:”" en "edit by hand: change “{old}:” to “{new}:”");
message!(renamed_field(old: &str, new: &str) vi "trường “{old}” đã đổi tên thành “{new}”" en "the field “{old}” has been renamed “{new}”");
message!(renamed_field_hint(old: &str, new: &str) vi "đổi “{old}:” thành “{new}:”, hoặc chạy `vinhdanh migrate` để chuyển cả dự án sang mẫu dữ liệu mới (có bản sao lưu)" en "change “{old}:” to “{new}:”, or run `vinhdanh migrate` to move the whole project to the new schema (with a backup)");
message!(migrate_fix_first(hint: &str, sep: &str) vi "{hint}{sep}sửa lỗi này (xem `vinhdanh check`) rồi chạy lại `vinhdanh migrate`" en "{hint}{sep}fix this error (see `vinhdanh check`), then run `vinhdanh migrate` again");
message!(version_line_failed() vi "không thêm được dòng `vinhdanh: …` vào đầu tệp" en "the line `vinhdanh: …` could not be added at the top of the file");
message!(version_line_failed_hint(schema: u32) vi "sửa tay: thêm dòng `vinhdanh: {schema}` ở đầu tệp, trước `authority:`" en "edit by hand: add the line `vinhdanh: {schema}` at the top of the file, before `authority:`");

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
message!(template_not_utf8(rel: &str) vi "{rel} không phải UTF-8" en "{rel} is not UTF-8");
message!(template_not_found(missing: &str) vi "không tìm thấy mẫu “{missing}”" en "the template “{missing}” was not found");
message!(template_syntax(detail: &str) vi "mẫu sai cú pháp: {detail}" en "template syntax error: {detail}");
message!(template_undefined(detail: &str) vi "mẫu dùng một giá trị không có trong dữ liệu: {detail}" en "the template uses a value that is not in the data: {detail}");
message!(template_failed(e: &dyn std::fmt::Display) vi "lỗi khi điền mẫu: {e}" en "error while filling the template: {e}");
message!(template_error_hint() vi "đây là lỗi của tệp mẫu (.typ.j2), không phải của dữ liệu; sửa mẫu hoặc xóa tệp mẫu riêng để dùng mẫu mặc định" en "this is an error of the template file (.typ.j2), not of the data; correct the template or delete the project's own copy to use the default one");

// ---- import/: reading Excel and CSV lists ----

message!(import_at_sheet(sheet: &str) vi "trang tính \"{sheet}\"" en "worksheet \"{sheet}\"");
message!(import_at_row(row: usize) vi "dòng {row}" en "row {row}");
message!(import_at_column(col: &str) vi "cột {col}" en "column {col}");
message!(import_no_extension() vi "Tệp không có phần mở rộng nên không biết là loại tệp gì." en "The file has no extension, so its type is unknown.");
message!(import_unsupported(ext: &str) vi "Không đọc được loại tệp \".{ext}\"." en "Files of type \".{ext}\" cannot be read.");
message!(import_unsupported_hint() vi "Hãy dùng tệp Excel (.xlsx) hoặc CSV UTF-8 (.csv)." en "Use an Excel file (.xlsx) or a UTF-8 CSV file (.csv).");
message!(import_legacy(value: &str) vi "Chữ trong ô bị lỗi phông: \"{value}\"." en "The text in the cell has a font-encoding problem: \"{value}\".");
message!(import_legacy_hint(enc: &str, fixed: &str) vi "có vẻ được gõ bằng bảng mã {enc}; nội dung đúng có lẽ là \"{fixed}\". Hãy chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6) rồi lưu lại." en "it seems typed in the {enc} encoding; the right text is probably \"{fixed}\". Convert it to Unicode (Unikey: “Công cụ chuyển mã”, Ctrl+Shift+F6) and save again.");
message!(import_header_first() vi "Dòng đầu của bảng phải là tiêu đề cột (ví dụ \"Họ và tên\"), các dòng sau là dữ liệu." en "The first row of the table must hold the column headers (e.g. \"Họ và tên\"), the rows below it the data.");
message!(import_other_sheets(list: &str) vi " Chỉ trang tính đầu tiên đang hiện được đọc; các trang tính có dữ liệu: {list}." en " Only the first visible worksheet is read; the worksheets with data: {list}.");
message!(import_sheet_empty() vi "Trang tính này không có dữ liệu." en "This worksheet has no data.");
message!(import_file_empty() vi "Tệp không có dữ liệu." en "The file has no data.");
message!(import_one_sheet(sheet: &str, list: &str) vi "Chỉ đọc trang tính \"{sheet}\"; bỏ qua các trang tính khác cũng có dữ liệu: {list}. Nếu danh sách nằm ở nhiều trang, hãy gộp vào một trang." en "Only the worksheet \"{sheet}\" is read; the other worksheets with data are skipped: {list}. If the list is spread over several worksheets, put it into one.");
message!(import_rows_above(n: usize, from: usize, to: usize) vi "Bỏ qua {n} dòng phía trên tiêu đề (từ dòng {from} đến dòng {to})." en "Skipped {n} row(s) above the header (rows {from} to {to}).");
message!(import_column_no_header(col: &str) vi "Cột {col} có dữ liệu nhưng không có tiêu đề, đã bỏ qua." en "Column {col} has data but no header: skipped.");
message!(import_column_unused(col: &str, header: &str) vi "Cột {col} (\"{header}\") không dùng đến, đã bỏ qua." en "Column {col} (\"{header}\") is not used: skipped.");
message!(import_column_maybe(label: &str) vi " Nếu đây là cột \"{label}\", hãy sửa tiêu đề thành \"{label}\"." en " If this is the column \"{label}\", change its header to \"{label}\".");
message!(import_formula_error(label: &str, e: &dyn std::fmt::Display) vi "Ô \"{label}\" chứa lỗi công thức {e}." en "The cell \"{label}\" holds the formula error {e}.");
message!(import_formula_error_hint() vi "Hãy sửa công thức hoặc gõ thẳng giá trị vào ô." en "Correct the formula or type the value into the cell.");
message!(import_cell_empty(label: &str) vi "Ô \"{label}\" đang trống." en "The cell \"{label}\" is empty.");
message!(import_cell_empty_hint(label: &str) vi "Hãy điền \"{label}\" cho dòng này, hoặc xoá cả dòng nếu không dùng." en "Fill in \"{label}\" for this row, or delete the whole row if it is not used.");
message!(import_rows_skipped(n: usize, list: &str, more: &str) vi "Bỏ qua {n} dòng không có dữ liệu ở các cột cần dùng (dòng {list}{more})." en "Skipped {n} row(s) with no data in the columns used (row(s) {list}{more}).");
message!(import_duplicate_column(label: &str, a: &str, ah: &str, b: &str, bh: &str) vi "Có hai cột cùng là \"{label}\": cột {a} (\"{ah}\") và cột {b} (\"{bh}\")." en "Two columns are both \"{label}\": column {a} (\"{ah}\") and column {b} (\"{bh}\").");
message!(import_duplicate_column_hint() vi "Hãy xoá hoặc đổi tiêu đề một trong hai cột." en "Delete one of the two columns or change its header.");
message!(import_no_other_columns(row: usize) vi "Dòng tiêu đề (dòng {row}) không có cột nào khác dùng được." en "The header row (row {row}) has no other usable column.");
message!(import_other_columns(row: usize, list: &str) vi "Các cột khác ở dòng tiêu đề (dòng {row}): {list}." en "The other columns of the header row (row {row}): {list}.");
message!(import_column_is_it(col: &str, header: &str, label: &str) vi " Có phải là cột {col} (\"{header}\")? Nếu đúng, hãy sửa tiêu đề thành \"{label}\"." en " Is it column {col} (\"{header}\")? If so, change its header to \"{label}\".");
message!(import_add_column(label: &str) vi " Hãy thêm cột có tiêu đề \"{label}\" vào dòng tiêu đề." en " Add a column with the header \"{label}\" to the header row.");
message!(import_missing_column(label: &str) vi "Không tìm thấy cột \"{label}\"." en "The column \"{label}\" was not found.");
message!(import_merged(name: &str) vi "Bảng có ô gộp {name}." en "The table has merged cells {name}.");
message!(import_merged_hint() vi "Hãy bỏ gộp ô (Home → Merge & Center → Unmerge Cells) rồi điền đủ giá trị cho từng dòng." en "Unmerge the cells (Home → Merge & Center → Unmerge Cells) and fill in the value on every row.");
message!(import_csv_malformed() vi "Tệp CSV bị lỗi định dạng, không đọc được." en "The CSV file is malformed and cannot be read.");
message!(import_csv_malformed_hint() vi "Hãy mở tệp bằng Excel rồi lưu lại kiểu \"CSV UTF-8 (Comma delimited)\"." en "Open the file in Excel and save it again as \"CSV UTF-8 (Comma delimited)\".");
message!(import_csv_not_utf8() vi "Tệp CSV không được lưu bằng mã UTF-8, chữ tiếng Việt sẽ bị lỗi. Có lẽ tệp được lưu bằng bảng mã cũ (Windows-1258, kiểu \"CSV (Comma delimited)\" của Excel cũ)." en "The CSV file is not saved as UTF-8, so Vietnamese letters would be garbled. It was probably saved in an old encoding (Windows-1258, the \"CSV (Comma delimited)\" type of older Excel).");
message!(import_csv_not_utf8_hint() vi "Lưu lại bằng Excel: CSV UTF-8 (Comma delimited) — mở tệp, chọn File → Save As, chọn kiểu \"CSV UTF-8 (Comma delimited) (*.csv)\"" en "Save it again from Excel as CSV UTF-8 (Comma delimited): open the file, choose File → Save As, and the type \"CSV UTF-8 (Comma delimited) (*.csv)\"");
message!(import_not_found() vi "Không tìm thấy tệp." en "The file was not found.");
message!(import_not_found_hint() vi "Hãy kiểm tra lại tên và thư mục của tệp." en "Check the file's name and folder.");
message!(import_denied() vi "Không được phép mở tệp." en "Opening the file is not allowed.");
message!(import_close_excel_hint() vi "Nếu tệp đang mở trong Excel, hãy đóng lại rồi chạy lại." en "If the file is open in Excel, close it and run again.");
message!(import_cannot_open() vi "Không mở được tệp." en "The file could not be opened.");
message!(import_unreadable() vi "Không đọc được tệp bảng tính (tệp hỏng, có mật khẩu, hoặc không đúng loại)." en "The spreadsheet cannot be read (damaged, password-protected, or not the right type).");
message!(import_unreadable_hint() vi "Hãy mở tệp bằng Excel rồi Lưu thành (Save As) kiểu \"Excel Workbook (*.xlsx)\"." en "Open the file in Excel and Save As the type \"Excel Workbook (*.xlsx)\".");
message!(import_no_sheet() vi "Tệp không có trang tính nào." en "The file has no worksheet.");
message!(import_no_sheet_hint() vi "Hãy nhập danh sách vào trang tính đầu tiên." en "Enter the list in the first worksheet.");

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
            "banner",
            pick(
                "Dữ liệu đang có lỗi: các trang dưới đây là bản dựng đúng gần nhất, chưa theo dữ liệu mới. Sửa các lỗi trong khung “Vấn đề” rồi lưu tệp.",
                "The data has errors: the pages below are the last good build, not the new data yet. Fix the errors under “Problems”, then save the file.",
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
message!(serve_blocked() vi "Dữ liệu có lỗi: chưa dựng lại; trang xem trước giữ bản đúng gần nhất." en "The data has errors: nothing rebuilt; the preview keeps the last good pages.");
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

message!(serve_not_project(dir: &dyn std::fmt::Display) vi "lỗi: {dir} không phải thư mục dự án (không có thư mục data/)\n  gợi ý: tạo dự án bằng `vinhdanh init THƯ-MỤC`" en "error: {dir} is not a project folder (it has no data/ folder)\n  hint: create a project with `vinhdanh init FOLDER`");

// ---- pipeline.rs: the project's own templates ----

message!(template_copies(n: usize, versions: &str) vi "{n} tệp trong templates/ là bản sao y nguyên mẫu có sẵn (phiên bản {versions}): đã dùng mẫu mới nhất thay cho chúng" en "{n} file(s) in templates/ are unchanged copies of shipped templates (version {versions}): the latest templates were used instead");
message!(template_copies_hint(list: &str) vi "có thể xoá các tệp này: {list}" en "these files can be deleted: {list}");
message!(template_edited(rel: &str, version: &str) vi "{rel} là mẫu đã sửa: dùng thay cho mẫu có sẵn, nên không nhận các bản sửa của mẫu này từ phiên bản {version} trở đi" en "{rel} is an edited template: it is used instead of the shipped one, so it does not get that template's fixes from version {version} on");
message!(template_diff_hint(name: &str) vi "xem khác biệt với mẫu mới nhất: `vinhdanh eject --diff {name}`" en "see how it differs from the latest template: `vinhdanh eject --diff {name}`");
message!(template_edited_failed(rel: &str, version: &str) vi "mẫu riêng {rel} (bản đã sửa của mẫu có sẵn) có thể không còn hợp với phiên bản {version} của vinhdanh" en "the project's template {rel} (an edited copy of a shipped one) may no longer fit version {version} of vinhdanh");
message!(template_edited_failed_hint(name: &str) vi "xem khác biệt với mẫu mới nhất: `vinhdanh eject --diff {name}`; hoặc đổi tên, xoá tệp này để dùng mẫu có sẵn" en "see how it differs from the latest template: `vinhdanh eject --diff {name}`; or rename or delete this file to use the shipped one");
message!(layout_no_output(output: &str) vi "không có văn bản “{output}”" en "no document named “{output}”");
message!(layout_batch(output: &str) vi "“{output}” là một loạt văn bản" en "“{output}” is a batch of documents");

// ---- text.rs: dates and times typed in data ----

message!(date_not_iso(s: &str) vi "“{s}” không phải ngày dạng NĂM-THÁNG-NGÀY" en "“{s}” is not a date of the form YEAR-MONTH-DAY");
message!(date_not_iso_example(s: &str) vi "“{s}” không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2025-08-22)" en "“{s}” is not a date of the form YEAR-MONTH-DAY (e.g. 2025-08-22)");
message!(date_impossible(s: &str) vi "ngày “{s}” không tồn tại" en "the date “{s}” does not exist");
message!(date_incomplete(p: &str) vi "ngày “{p}” phải đủ ngày, tháng, năm (ví dụ 2025-08-22)" en "the date “{p}” needs a day, month and year (e.g. 2025-08-22)");
message!(time_not_clock(s: &str) vi "“{s}” không phải giờ dạng GIỜ:PHÚT (ví dụ 07:30)" en "“{s}” is not a time of the form HOURS:MINUTES (e.g. 07:30)");
message!(time_impossible(s: &str) vi "giờ “{s}” không tồn tại (giờ 0–23, phút 0–59)" en "the time “{s}” does not exist (hours 0–23, minutes 0–59)");
message!(unclosed_quote_maybe(e: &str) vi "{e}; có thể thiếu dấu ngoặc kép đóng ở giá trị này" en "{e}; a closing quote may be missing in this value");

/// What a date or time field expects, in serde's "expected …" of a wrong value.
pub fn expected_date() -> &'static str {
    pick("ngày", "a date")
}
pub fn expected_time() -> &'static str {
    pick("giờ", "a time")
}

// ---- clap's own words ----

pub fn help_template() -> &'static str {
    pick(
        "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
        "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
    )
}
pub fn heading_options() -> &'static str {
    pick("Tuỳ chọn", "Options")
}
pub fn heading_arguments() -> &'static str {
    pick("Đối số", "Arguments")
}
pub fn heading_commands() -> &'static str {
    pick("Lệnh", "Commands")
}
pub fn value_command() -> &'static str {
    pick("LỆNH", "COMMAND")
}
pub fn help_flag_help() -> &'static str {
    pick("In trợ giúp này", "Print help")
}
pub fn help_flag_version() -> &'static str {
    pick("In số phiên bản", "Print version")
}

/// Help of every command and option, by key: "build" is the command, "build.only" its option
/// (the clap argument id). `cli::command` applies them; a test checks that none is missing.
const HELP: &[(&str, &str, &str)] = &[
    (
        "",
        "In văn bản Hội nghị tuyên dương điển hình tiên tiến từ dữ liệu (Kế hoạch, Giấy mời, Giấy khen, Quyết định, Chương trình)",
        "Prints the documents of an awards conference from data (plan, invitations, certificates, decision, programme)",
    ),
    (
        ".lang",
        "Ngôn ngữ của thông báo: vi (mặc định) hoặc en. Không theo biến LANG của máy.",
        "Language of the messages: vi (default) or en. The LANG variable is not used.",
    ),
    (
        "build",
        "In tất cả văn bản của dự án vào thư mục output/.",
        "Prints every document of the project into output/.",
    ),
    (
        "build.dir",
        "Thư mục dự án (có data/, templates/). Bỏ trống: thư mục hiện tại nếu có data/, nếu không dùng bộ mẫu có sẵn.",
        "Project folder (with data/, templates/). Default: the current folder if it has data/, else the built-in sample.",
    ),
    (
        "build.out",
        "Thư mục ghi PDF (mặc định DIR/output).",
        "Folder for the PDFs (default DIR/output).",
    ),
    (
        "build.force",
        "In cả khi kiểm tra dữ liệu còn lỗi.",
        "Print even when the data check finds errors.",
    ),
    (
        "build.strict",
        "Coi cảnh báo là lỗi (cho script): không in khi còn cảnh báo.",
        "Treat warnings as errors (for scripts): print nothing while there are warnings.",
    ),
    (
        "build.keep_typst",
        "Ghi thêm mã Typst sinh ra vào output/typst/ (cho người sửa mẫu).",
        "Also write the generated Typst into output/typst/ (for template authors).",
    ),
    (
        "build.phoi",
        "In thêm Giấy khen lên phôi in sẵn (output/giay-khen-phoi.pdf, chỉ phần chữ thay đổi).",
        "Also print the certificates onto pre-printed blanks (output/giay-khen-phoi.pdf, variable text only).",
    ),
    (
        "build.jobs",
        "Số văn bản dàn trang cùng lúc (mặc định: số nhân CPU).",
        "Documents laid out at once (default: the number of CPU cores).",
    ),
    (
        "build.only",
        "Chỉ in các văn bản này, cách nhau bởi dấu phẩy, theo tên trong output/: ke-hoach.pdf, giay-moi/, giay-khen/, giay-khen.pdf, chuong-trinh-in.pdf, …",
        "Print only these documents, comma-separated, by their names in output/: ke-hoach.pdf, giay-moi/, giay-khen/, giay-khen.pdf, chuong-trinh-in.pdf, …",
    ),
    (
        "build.quiet",
        "Không in tiến độ và dòng tổng kết (vẫn in lỗi, cảnh báo).",
        "No progress and no summary line (errors and warnings still print).",
    ),
    (
        "build.verbose",
        "In từng văn bản đã in, số trang và thời gian.",
        "Print each document printed, with its pages and time.",
    ),
    (
        "build.png",
        "Ghi thêm ảnh trang đầu của mỗi PDF vào output/xem-truoc/.",
        "Also write the first page of every PDF as an image into output/xem-truoc/.",
    ),
    (
        "build.pdf_a",
        "Ghi thêm bản lưu trữ PDF/A-2b của các văn bản in riêng (Kế hoạch, Danh sách đại biểu, Chương trình, Quyết định) vào output/luu-tru/.",
        "Also write PDF/A-2b archive copies of the documents of their own (plan, delegate list, programme, decision) into output/luu-tru/.",
    ),
    (
        "calibrate",
        "In trang căn chỉnh phôi Giấy khen (output/can-chinh-phoi.pdf): lưới milimét và các ô chữ.",
        "Prints the calibration sheet for certificate blanks (output/can-chinh-phoi.pdf): a millimetre grid and the text boxes.",
    ),
    (
        "calibrate.dir",
        "Thư mục dự án (như lệnh build).",
        "Project folder (as for build).",
    ),
    (
        "calibrate.out",
        "Thư mục ghi PDF (mặc định DIR/output).",
        "Folder for the PDF (default DIR/output).",
    ),
    (
        "check",
        "Kiểm tra dữ liệu theo Kế hoạch: số lượng đại biểu, khen thưởng, cân đối, trùng lặp, chữ viết.",
        "Checks the data against the plan: numbers of delegates and awards, balance, duplicates, spelling.",
    ),
    (
        "check.dir",
        "Thư mục dự án (bỏ trống: như lệnh build).",
        "Project folder (default: as for build).",
    ),
    (
        "check.fix_tone_marks",
        "Thống nhất kiểu bỏ dấu trong phần văn bản tự do của data/*.yaml: new (hoà, thuỷ) hoặc old (hòa, thủy).",
        "Make the tone-mark style of the free text in data/*.yaml uniform: new (“hoà”, “thuỷ”) or old (“hòa”, “thủy”).",
    ),
    (
        "check.dry_run",
        "Chỉ in các chỗ sẽ sửa, không ghi tệp (dùng cùng --fix-tone-marks).",
        "Only print what would change, write nothing (with --fix-tone-marks).",
    ),
    (
        "check.strict",
        "Coi cảnh báo là lỗi (thoát với mã 1 khi còn cảnh báo).",
        "Treat warnings as errors (exit status 1 while there are warnings).",
    ),
    (
        "init",
        "Tạo một dự án mới từ bộ dữ liệu mẫu (không chép mẫu văn bản).",
        "Creates a new project from the sample data (templates are not copied).",
    ),
    ("init.dir", "Thư mục sẽ tạo.", "Folder to create."),
    (
        "eject",
        "Chép mẫu văn bản có sẵn vào dự án để sửa (--diff: so mẫu đã sửa với mẫu mới nhất).",
        "Copies shipped templates into the project for editing (--diff: compare an edited copy with the latest).",
    ),
    (
        "eject.names",
        "Tên mẫu, ví dụ ke-hoach.typ.j2 hoặc lib/nd30.typ.",
        "Template names, e.g. ke-hoach.typ.j2 or lib/nd30.typ.",
    ),
    (
        "eject.dir",
        "Thư mục dự án (mặc định: thư mục hiện tại).",
        "Project folder (default: the current folder).",
    ),
    (
        "eject.diff",
        "Không chép: in khác biệt giữa mẫu trong dự án và mẫu mới nhất.",
        "Copy nothing: print how the project's template differs from the latest.",
    ),
    (
        "migrate",
        "Chuyển dữ liệu (data/*.yaml) sang mẫu dữ liệu của phiên bản này, giữ nguyên chú thích; sao lưu data/ trước khi ghi.",
        "Moves the data (data/*.yaml) to this version's schema, keeping comments; backs up data/ first.",
    ),
    (
        "migrate.dir",
        "Thư mục dự án (bỏ trống: thư mục hiện tại).",
        "Project folder (default: the current folder).",
    ),
    (
        "migrate.dry_run",
        "Chỉ in các dòng sẽ đổi, không ghi tệp.",
        "Only print the lines that would change, write nothing.",
    ),
    (
        "preview",
        "Ghi ảnh PNG một trang của một văn bản vào output/xem-truoc/ (xem nhanh, không cần mở PDF).",
        "Writes a PNG of one page of a document into output/xem-truoc/ (a quick look without a PDF viewer).",
    ),
    (
        "preview.dir",
        "Thư mục dự án (bỏ trống: như lệnh build).",
        "Project folder (default: as for build).",
    ),
    (
        "preview.doc",
        "Văn bản cần xem, theo tên trong output/: ke-hoach.pdf, giay-moi/, giay-khen/, giay-khen.pdf, …",
        "The document, by its name in output/: ke-hoach.pdf, giay-moi/, giay-khen/, giay-khen.pdf, …",
    ),
    ("preview.page", "Số trang.", "Page number."),
    (
        "preview.record",
        "Mã người (ví dụ kt-001) cho Giấy mời, Giấy khen của riêng người đó.",
        "A person's code (e.g. kt-001), for that person's invitation or certificate.",
    ),
    (
        "preview.out",
        "Thư mục đầu ra (mặc định DIR/output); ảnh ghi vào OUT/xem-truoc/.",
        "Output folder (default DIR/output); images go into OUT/xem-truoc/.",
    ),
    (
        "preview.ppi",
        "Độ phân giải ảnh, điểm ảnh mỗi inch.",
        "Image resolution in pixels per inch.",
    ),
    (
        "completions",
        "In đoạn mã tự hoàn thành lệnh cho shell (bash, zsh, fish, elvish, powershell).",
        "Prints shell completions (bash, zsh, fish, elvish, powershell).",
    ),
    (
        "completions.shell",
        "Tên shell: bash, zsh, fish, elvish, powershell.",
        "Shell name: bash, zsh, fish, elvish, powershell.",
    ),
    (
        "man",
        "In trang hướng dẫn (man page, định dạng roff) của vinhdanh.",
        "Prints vinhdanh's manual page (roff).",
    ),
    (
        "man.out",
        "Ghi vào thư mục này (vinhdanh.1 và một trang cho mỗi lệnh) thay vì in ra.",
        "Write into this folder (vinhdanh.1 and one page per command) instead of printing.",
    ),
    (
        "serve",
        "Xem trước mọi văn bản trong trình duyệt, tự cập nhật khi lưu tệp dữ liệu hay mẫu.",
        "Previews every document in the browser, updated whenever a data or template file is saved.",
    ),
    (
        "serve.dir",
        "Thư mục dự án (bỏ trống: thư mục hiện tại).",
        "Project folder (default: the current folder).",
    ),
    (
        "serve.port",
        "Cổng trên 127.0.0.1 (bỏ trống: một cổng còn trống).",
        "Port on 127.0.0.1 (default: a free one).",
    ),
    (
        "serve.no_open",
        "Không tự mở trình duyệt.",
        "Do not open the browser.",
    ),
    (
        "serve.verbose",
        "In thời gian của mỗi lần dựng lại.",
        "Print the time of every rebuild.",
    ),
    (
        "watch",
        "Tự in lại các văn bản bị ảnh hưởng mỗi khi lưu tệp dữ liệu hay mẫu.",
        "Reprints the documents affected whenever a data or template file is saved.",
    ),
    (
        "watch.dir",
        "Thư mục dự án (bỏ trống: thư mục hiện tại).",
        "Project folder (default: the current folder).",
    ),
];

/// The help of `key` in the current language; `None` when the catalogue lacks it.
pub fn help(key: &str) -> Option<&'static str> {
    HELP.iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, vi, en)| pick(vi, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_comes_from_the_flag_only() {
        assert_eq!(from_args(["vinhdanh", "build"]), Lang::Vi);
        assert_eq!(from_args(["vinhdanh", "--lang", "en", "build"]), Lang::En);
        assert_eq!(from_args(["vinhdanh", "build", "--lang=en"]), Lang::En);
        assert_eq!(from_args(["vinhdanh", "--lang", "vi"]), Lang::Vi);
        // After `--`, a word is an argument, not a flag.
        assert_eq!(from_args(["vinhdanh", "--", "--lang", "en"]), Lang::Vi);
    }

    #[test]
    fn help_keys_are_unique() {
        let mut keys: Vec<&str> = HELP.iter().map(|(k, _, _)| *k).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
    }
}
