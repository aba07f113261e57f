//! The messages of loading the data files (YAML, Excel, CSV), in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;

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
message!(flow_comma_hint(name: &str) vi "trong dòng {{…}}, dấu phẩy ngăn cách các mục nên “{name}” bị đọc thành một khóa: đặt cả câu có dấu phẩy trong ngoặc kép, ví dụ lead: \"Lãnh đạo Đảng ủy, HĐND, UBND xã\"" en "in a {{…}} line a comma separates the entries, so “{name}” was read as a key: put the whole text with its commas in double quotes, e.g. lead: \"Lãnh đạo Đảng ủy, HĐND, UBND xã\"");
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
