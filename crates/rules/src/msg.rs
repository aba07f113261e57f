//! The messages of the checks of `check` and `build`, in Vietnamese and English side by side (see
//! `vinhdanh_core::msg` for why a Rust module). The language and the messages common to several
//! layers come from there, re-exported so `crate::msg::…` finds both.

#[allow(unused_imports)]
use vinhdanh_core::message;
#[allow(unused_imports)]
pub use vinhdanh_core::msg::*;

// ---- rules/: the checks of `check` and `build` ----
// (the word "plan" below is the Kế hoạch; "honours list" the list of honorees)

// rules/agenda.rs
message!(agenda_sample() vi "giờ, người phụ trách và người tham luận trong chương trình là dữ liệu mẫu" en "the times, people in charge and speakers of the programme are sample data");
message!(agenda_sample_hint() vi "sửa data/agenda.yaml theo chương trình đã duyệt rồi đổi “sample: true” thành “sample: false”" en "edit data/agenda.yaml to the approved programme, then change “sample: true” to “sample: false”");
message!(conference_day_off(date: &str, weekday: &str) vi "ngày hội nghị {date} là {weekday}, ngày nghỉ cuối tuần" en "the conference's date {date} is a {weekday}, a day of the weekend");
message!(conference_day_off_hint() vi "kiểm tra lại ngày, tháng, năm với Kế hoạch; nếu đúng là họp vào ngày nghỉ, ghi `# đã kiểm tra` ở cuối dòng này" en "check the day, month and year against the plan; if the conference is indeed on a day off, write `# đã kiểm tra` at the end of this line");
message!(agenda_before_start(t: &str, start: &str) vi "giờ {t} sớm hơn giờ bắt đầu hội nghị ({start})" en "the time {t} is earlier than the start of the conference ({start})");
message!(agenda_before_start_hint() vi "giờ bắt đầu ghi ở data/plan.yaml, mục conference.start" en "the start time is in data/plan.yaml, under conference.start");
message!(agenda_not_after(t: &str, item: usize, prev: &str) vi "giờ {t} không muộn hơn giờ của mục trước (mục {item}: {prev})" en "the time {t} is not later than the item before (item {item}: {prev})");
message!(agenda_order_hint() vi "các mục của chương trình phải theo thứ tự thời gian" en "the programme's items must be in time order");
message!(agenda_unknown_speaker(id: &str) vi "người tham luận “{id}” không còn trong danh sách khen thưởng (dòng bị xóa?)" en "the speaker “{id}” is no longer in the honours list (row deleted?)");
message!(agenda_unknown_speaker_same(id: &str) vi "có phải “{id}” (chỉ khác chữ hoa, chữ thường)? Ghi mã đúng như trong danh sách khen thưởng" en "did you mean “{id}” (only the case differs)? Write the code exactly as in the honours list");
message!(agenda_unknown_speaker_hint() vi "nếu người này vẫn tham luận, ghi `name: Họ và tên` thay cho `honoree:`; nếu không, xóa dòng người tham luận này trong data/agenda.yaml" en "if this person still speaks, write `name: Full name` instead of `honoree:`; if not, delete this speaker's line in data/agenda.yaml");
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
message!(composition_off_hint(place: &str) vi "sửa danh sách đại biểu ({place}) hoặc số lượng trong data/plan.yaml; ghi `soft: true` cho nhóm nếu chỉ cần cảnh báo" en "correct the delegate list ({place}) or the number in data/plan.yaml; write `soft: true` on the group if a warning is enough");
message!(composition_off_soft_hint(place: &str) vi "sửa danh sách đại biểu ({place}) hoặc số lượng trong data/plan.yaml (nhóm ghi `soft: true`: chỉ cảnh báo, văn bản vẫn in)" en "correct the delegate list ({place}) or the number in data/plan.yaml (the group has `soft: true`: a warning only, the documents still print)");
message!(quota_place_all() vi "cả danh sách" en "the whole list");
message!(quota_place_column(header: &str, value: &str) vi "cột “{header}” ghi “{value}”" en "the column “{header}” saying “{value}”");
message!(quota_place_column_parent(header: &str, label: &str) vi "cột “{header}”, các nhóm thuộc “{label}”" en "the column “{header}”, the groups under “{label}”");
message!(quota_place_yaml(value: &str) vi "`group: {value}`" en "`group: {value}`");
message!(quota_place_yaml_parent(label: &str) vi "`group:` của các nhóm thuộc “{label}”" en "`group:` of the groups under “{label}”");
message!(honorees_empty() vi "danh sách khen thưởng trống" en "the honours list is empty");
message!(honorees_empty_hint() vi "thêm tập thể, cá nhân đề nghị khen thưởng, hoặc xóa tệp nếu chưa có danh sách" en "add the collectives and individuals proposed for awards, or delete the file if there is no list yet");
message!(honours_off(label: &str, file: &str, actual: usize, kind: &str, planned: &str, what: &str) vi "{label}: danh sách {file} có {actual} {kind}, Kế hoạch ghi {planned} ({what})" en "{label}: the list {file} has {actual} {kind}, the plan says {planned} ({what})");
message!(honours_off_hint() vi "sửa danh sách khen thưởng hoặc số lượng trong data/plan.yaml (honours); `soft: true` nếu chỉ cần cảnh báo" en "correct the honours list or the number in data/plan.yaml (honours); `soft: true` if a warning is enough");
message!(honours_off_soft_hint() vi "sửa danh sách khen thưởng hoặc số lượng trong data/plan.yaml (honours; đã ghi `soft: true`: chỉ cảnh báo, văn bản vẫn in)" en "correct the honours list or the number in data/plan.yaml (honours; it has `soft: true`: a warning only, the documents still print)");
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
message!(delegate_unknown_honoree(h: &str) vi "“{h}” không còn trong danh sách khen thưởng (dòng bị xóa?)" en "“{h}” is no longer in the honours list (row deleted?)");
message!(delegate_unknown_honoree_hint() vi "nếu vẫn mời người này, xóa ô “được khen” (honoree) của đại biểu và ghi họ tên, đơn vị; nếu không, xóa đại biểu này; hoặc ghi mã đúng như trong danh sách khen thưởng" en "if this person is still invited, empty the delegate's honoree cell and write the name and unit; if not, delete this delegate; or write the code exactly as in the honours list");
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
message!(name_is_position(position: &str) vi "ô họ tên bắt đầu bằng chức vụ “{position}”, không phải họ tên một người: in không có “Ông”/“Bà” đứng trước" en "the name cell starts with the position “{position}”, not a person's name: it prints without “Ông”/“Bà” before it");
message!(name_is_position_hint() vi "ghi họ tên người vào name và chức vụ vào title (cột Chức vụ); nếu mời theo chức vụ, để trống name và ghi chức vụ vào title" en "write the person's name under name and the position under title (the Position column); to invite by position, leave name empty and write the position under title");
message!(collective_person_fields() vi "tập thể mà có giới tính hoặc năm sinh: có phải đây là cá nhân?" en "a collective with a gender or a birth year: is this an individual?");
message!(collective_person_fields_hint() vi "đổi `kind: individual`, hoặc bỏ gender/birth_year" en "change to `kind: individual`, or remove gender/birth_year");
message!(delegates_sample() vi "danh sách đại biểu là dữ liệu mẫu: Giấy mời chưa dùng được" en "the delegate list is sample data: the invitations cannot be used yet");
message!(delegates_sample_hint() vi "thay bằng danh sách đã duyệt rồi đổi “sample: true” thành “sample: false”" en "replace it with the approved list, then change “sample: true” to “sample: false”");
message!(honorees_sample() vi "danh sách khen thưởng là dữ liệu mẫu: Quyết định và Giấy khen chưa dùng được" en "the honours list is sample data: the Decision and the certificates cannot be used yet");
message!(honorees_sample_hint() vi "thay bằng danh sách đã được Hội đồng Thi đua - Khen thưởng xét duyệt rồi đổi “sample: true” thành “sample: false”" en "replace it with the list the Emulation and Commendation Council approved, then change “sample: true” to “sample: false”");
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

// rules/required.rs
message!(required_empty(what: &str) vi "{what} đang để trống" en "{what} is empty");
message!(required_empty_hint(key: &str) vi "văn bản sẽ in thiếu chỗ này: ghi lại giá trị cho `{key}`" en "the documents would print with a gap here: write a value for `{key}` again");
message!(req_authority_lines() vi "tên cơ quan ban hành (các dòng in hoa ở góc trái)" en "the issuing authority's name (the capitalised lines at the top left)");
message!(req_authority_name() vi "tên cơ quan viết trong câu văn" en "the authority's name as written in sentences");
message!(req_authority_collective() vi "tên tập thể lãnh đạo (dòng “TM. …”)" en "the authority's collective name (the “TM. …” line)");
message!(req_authority_code() vi "chữ viết tắt tên cơ quan (trong số, ký hiệu)" en "the authority's abbreviation (in the document number)");
message!(req_authority_place() vi "địa danh ở dòng ngày tháng" en "the place name of the date line");
message!(req_authority_chair() vi "người có thẩm quyền khen thưởng" en "the awarding authority");
message!(req_signer_head() vi "chức danh người đứng đầu (dòng trên chữ ký)" en "the head's title (the line above the signature)");
message!(req_signer_name() vi "họ tên người ký" en "the signer's name");
message!(req_conference_name() vi "tên hội nghị" en "the conference's name");
message!(req_conference_venue() vi "địa điểm hội nghị" en "the conference's venue");
message!(req_doc_type() vi "tên loại văn bản" en "the document's type");
message!(req_doc_code() vi "chữ viết tắt tên loại văn bản (trong số, ký hiệu)" en "the document type's abbreviation (in the document number)");
message!(req_doc_summary() vi "trích yếu nội dung văn bản" en "the document's summary line");
message!(req_section() vi "tên phần (I., II., …) của Kế hoạch" en "the title of a section (I., II., …) of the plan");
message!(req_heading() vi "tên đề mục (1., 2., …) của Kế hoạch" en "the title of a heading (1., 2., …) of the plan");
message!(req_subheading() vi "tên đề mục nhỏ (1.1., 1.2., …) của Kế hoạch" en "the title of a subheading (1.1., 1.2., …) of the plan");
message!(delegate_name_empty() vi "họ tên đại biểu đang để trống: Giấy mời sẽ in thiếu tên" en "the delegate's name is empty: the invitation would print without a name");
message!(delegate_name_empty_hint() vi "ghi họ tên đại biểu; nếu mời một cơ quan, đơn vị thì xóa dòng `name:` và ghi tên đơn vị ở `unit:`" en "write the delegate's name; to invite an office or unit instead, delete the `name:` line and write the unit under `unit:`");

// rules/samples.rs
message!(sample_value(v: &str) vi "“{v}” vẫn là giá trị của dữ liệu mẫu" en "“{v}” is still the sample data's value");
message!(sample_value_hint() vi "ghi giá trị của đơn vị mình; nếu giá trị này đúng cho đơn vị mình, ghi `# đã kiểm tra` ở cuối dòng này (`build --strict` không in khi còn giá trị mẫu chưa kiểm tra)" en "write your own office's value; if this value is right for your office, write `# đã kiểm tra` at the end of this line (`build --strict` prints nothing while an unchecked sample value is left)");
message!(sample_place(v: &str, place: &str) vi "“{v}” còn nhắc tên xã mẫu “{place}”" en "“{v}” still names the sample commune “{place}”");
message!(sample_place_hint(place: &str) vi "sửa “{place}” thành tên xã mình (hoặc viết lại cả câu theo thực tế của đơn vị); nếu đúng là “{place}”, ghi `# đã kiểm tra` ở cuối dòng này" en "change “{place}” to your commune's name (or rewrite the sentence for your office); if “{place}” is right, write `# đã kiểm tra` at the end of this line");
message!(sample_more(n: usize, file: &str) vi "… và {n} giá trị mẫu khác trong {file}" en "… and {n} more sample values in {file}");
message!(sample_placeholder_name(name: &str) vi "“{name}” là tên mẫu, không phải tên người thật" en "“{name}” is a placeholder name, not a real person's");
message!(sample_placeholder_name_hint() vi "ghi họ và tên đầy đủ của người đó" en "write the person's full name");

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
message!(esign_size(v: f64) vi "kích thước {v} mm không hợp lý cho chữ ký số, dấu (10–80 mm)" en "{v} mm is not a sensible size for a digital signature or seal (10–80 mm)");
message!(metadata_too_long(field: &str, n: usize, max: usize) vi "dài {n} ký tự, quá {max} ký tự của trường {field} trong metadata văn bản điện tử (Phụ lục VI, Nghị định 30/2020)" en "{n} characters long, over the {max} of the field {field} in the electronic document's metadata (Appendix VI of Decree 30/2020)");
message!(esign_image() vi "văn bản phát hành điện tử không dán ảnh chữ ký: phần mềm ký số đóng hình chữ ký và dấu" en "a document issued electronically has no pasted signature image: the signing application stamps the signature and the seal");
message!(esign_image_hint() vi "bỏ image (để ~) cho văn bản điện tử; ảnh chỉ dùng cho bản giấy đã ký" en "remove image (set it to ~) for the electronic document; the image is for the signed paper original only");
message!(esign_number_date() vi "văn bản phát hành điện tử để trống số, ngày (và dòng “Kèm theo … số … ngày …”): hệ thống cấp khi ký số" en "a document issued electronically leaves its number and date (and the “Kèm theo … số … ngày …” line) blank: the system assigns them when it is signed");
message!(esign_number_date_hint() vi "giá trị này chỉ in trên bản giấy; bản điện tử (output/dien-tu/) vẫn để trống" en "this value is printed on the paper original only; the electronic document (output/dien-tu/) stays blank");
