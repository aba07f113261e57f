//! The messages of the command line: each command's summaries and refusals, and clap's help, in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;
#[allow(unused_imports)]
pub use vinhdanh_engine::msg::*;
#[allow(unused_imports)]
pub use vinhdanh_load::msg::*;
#[allow(unused_imports)]
pub use vinhdanh_pipeline::msg::*;
#[allow(unused_imports)]
pub use vinhdanh_rules::msg::*;
#[allow(unused_imports)]
pub use vinhdanh_serve::msg::*;

// ---- build ----

message!(
    build_summary(written: usize, dir: &dyn std::fmt::Display, failed: usize, errors: usize, warnings: usize)
    vi "Đã ghi {written} tệp vào {dir}; {failed} văn bản lỗi ({errors} lỗi), {warnings} cảnh báo"
    en "Wrote {written} file(s) to {dir}; {failed} document(s) failed ({errors} error(s)), {warnings} warning(s)"
);
message!(build_forced(n: usize) vi "; đã in dù còn {n} lỗi (--force)" en "; printed despite {n} error(s) (--force)");
message!(build_removed(n: usize) vi "; đã xoá {n} tệp cũ không còn dùng" en "; removed {n} stale file(s)");
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
message!(
    job_made(name: &str, pages: usize) vi ", {name} ({pages} trang)" en ", {name} ({pages} page(s))"
);
message!(job_not_done(name: &str) vi "lỗi khi in {name}" en "failed: {name}");
message!(progress_documents() vi "văn bản" en "documents");
message!(
    png_written(n: usize, dir: &dyn std::fmt::Display) vi "Đã ghi {n} ảnh xem trước vào {dir}" en "Wrote {n} preview image(s) to {dir}"
);
message!(
    archive_written(n: usize, dir: &dyn std::fmt::Display)
    vi "Đã ghi {n} bản lưu trữ PDF/A-2b vào {dir}" en "Wrote {n} PDF/A-2b archive copy(ies) to {dir}"
);

// ---- PDF/A ----

// ---- preview ----

message!(
    preview_written(path: &dyn std::fmt::Display) vi "Đã ghi {path}" en "Wrote {path}"
);
message!(
    preview_failed(doc: &str) vi "Chưa xem trước được {doc}:" en "Could not preview {doc}:"
);

// ---- check ----

message!(check_strict_failed(warnings: usize) vi "--strict: {warnings} cảnh báo được tính là lỗi (mã thoát 1)." en "--strict: {warnings} warning(s) count as errors (exit status 1).");
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
    /// `arg` is the folder as typed in a command (quoted when it has spaces).
    init_done(n: usize, dir: &dyn std::fmt::Display, arg: &str)
    vi "Đã tạo {n} tệp trong {dir}. Sửa các tệp trong data/ rồi chạy: vinhdanh build {arg}"
    en "Created {n} files in {dir}. Edit the files in data/, then run: vinhdanh build {arg}"
);
message!(init_failed(e: &dyn std::fmt::Display) vi "không tạo được dự án: {e}" en "could not create the project: {e}");

// ---- calibrate ----

message!(calibrate_refused() vi "Chưa in trang căn chỉnh: hãy sửa các lỗi trên." en "Calibration sheet not printed: fix the errors above.");

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
        "build.dien_tu",
        "In thêm Kế hoạch, Giấy mời, Quyết định để phát hành điện tử (output/dien-tu/): chừa chỗ chữ ký số, dấu; để trống số, ngày; kèm tệp metadata.",
        "Also the plan, invitations and decision for electronic issuance (output/dien-tu/): room for the digital signature and seal, number and date left blank, a metadata file beside each.",
    ),
    (
        "build.truong_ky",
        "Thêm các ô chữ ký số trống (người ký, cơ quan, phụ lục) vào các văn bản điện tử; bao gồm --dien-tu.",
        "Add empty signature fields (signer, organisation, appendix) to the electronic documents; implies --dien-tu.",
    ),
    (
        "build.part_size",
        "(Cho kiểm thử) số mục mỗi lần dàn trang của các danh sách dài; 0: mặc định.",
        "(For tests) items per compile of the long lists; 0: the default.",
    ),
    (
        "build.typst_timings",
        "(Cho người sửa mẫu) ghi thời gian Typst dàn trang từng phần vào tệp này (định dạng của `typst compile --timings`).",
        "(For template engineers) write Typst's timing of the build to this file (the format of `typst compile --timings`).",
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
        "preview.force",
        "Vẽ trang cả khi kiểm tra dữ liệu còn lỗi (như build --force).",
        "Draw the page even when the data check finds errors (as build --force).",
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
        "serve.readonly",
        "Trang chỉ để xem: không có biểu mẫu sửa dữ liệu, không ghi tệp nào.",
        "The page only shows: no forms to edit the data, no file written.",
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

// ---- A start with no arguments (a double-click on vinhdanh.exe) ----

message!(
    start_intro(version: &str)
    vi "vinhdanh {version}: xem trước và in các văn bản Hội nghị tuyên dương."
    en "vinhdanh {version}: preview and print the documents of the awards conference."
);
message!(
    start_created(dir: &dyn std::fmt::Display)
    vi "Lần chạy đầu tiên: đã tạo dự án mới (dữ liệu mẫu) trong {dir}"
    en "First start: created a new project (the sample data) in {dir}"
);
message!(
    start_where(dir: &dyn std::fmt::Display, data: &dyn std::fmt::Display, output: &dyn std::fmt::Display)
    vi "Dự án: {dir}\n  Sửa dữ liệu trong {data} (bằng Notepad hoặc Excel): mỗi lần lưu, trang xem trước tự cập nhật.\n  Các tệp PDF để in nằm trong {output}"
    en "Project: {dir}\n  Edit the data in {data} (with Notepad or Excel): each save updates the preview page.\n  The PDF files to print are in {output}"
);
message!(
    start_close()
    vi "Đang mở trang xem trước trong trình duyệt. Đóng cửa sổ này để dừng chương trình. (Các lệnh khác: vinhdanh --help)"
    en "Opening the preview page in the browser. Close this window to stop the program. (Other commands: vinhdanh --help)"
);
message!(start_no_documents() vi "lỗi: không tìm thấy thư mục Documents (Tài liệu) của người dùng" en "error: the user's Documents folder was not found");
message!(start_press_enter() vi "Nhấn Enter để đóng cửa sổ." en "Press Enter to close the window.");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_keys_are_unique() {
        let mut keys: Vec<&str> = HELP.iter().map(|(k, _, _)| *k).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(n, keys.len());
    }
}

message!(cannot_read(e: &dyn std::fmt::Display) vi "không đọc được tệp: {e}" en "cannot read the file: {e}");
message!(serve_not_project(dir: &dyn std::fmt::Display) vi "lỗi: {dir} không phải thư mục dự án (không có thư mục data/)\n  gợi ý: tạo dự án bằng `vinhdanh init THƯ-MỤC`" en "error: {dir} is not a project folder (it has no data/ folder)\n  hint: create a project with `vinhdanh init FOLDER`");
