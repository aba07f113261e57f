// The field description table of the page's forms: which part of which data file each form
// section edits, and for the fields a label, a type and a help text in both languages. The
// forms themselves are built from the file's own structure (workspace.js): a field the table
// does not name still shows, under its key; a list shows its items with add, move and remove.
//
// Paths are field paths under the section's root, list items written `[]`:
// `items[].time` is the `time` of every item of `items`.
"use strict";

// Types: text (one line), long (a paragraph), date (2025-08-22, 2025-08 or 2025), time (07:30),
// number, bool, mode (the signature's mode), choice (with `choices`).
const SIGN_HELP = {
  vi: "Nghị định 30/2020, ô 7a: “TM.” (thay mặt) tập thể khi ký thay mặt một cơ quan làm việc theo chế độ tập thể (TM. ỦY BAN NHÂN DÂN, rồi CHỦ TỊCH); “KT.” (ký thay) khi cấp phó ký thay người đứng đầu (KT. CHỦ TỊCH, rồi PHÓ CHỦ TỊCH); “Q.” (quyền) khi người ký được giao quyền người đứng đầu; “TL.” (thừa lệnh) và “TUQ.” (thừa ủy quyền) khi người ký được người đứng đầu giao hoặc ủy quyền ký. Để trống (~) khi người đứng đầu tự ký. Quyết định khen thưởng và Giấy khen của Chủ tịch ký theo thẩm quyền cá nhân: không có dòng TM.",
  en: "Decree 30/2020, box 7a: “TM.” (on behalf of) a collective body when signing for a body that works collectively (TM. ỦY BAN NHÂN DÂN, then CHỦ TỊCH); “KT.” (signing for) when a deputy signs for the head (KT. CHỦ TỊCH, then PHÓ CHỦ TỊCH); “Q.” (acting) when the signer acts as the head; “TL.” and “TUQ.” when the head has delegated or authorised the signer. Leave empty (~) when the head signs. The Chairman's award decision and certificates are signed in his own competence: no TM. line.",
};

const SIGNATURE_FIELDS = {
  on_behalf: { vi: "Thay mặt (dòng “TM. …”)", en: "On behalf of (the “TM. …” line)", help: { vi: "Tên tập thể in hoa, ví dụ ỦY BAN NHÂN DÂN; để trống nếu ký theo thẩm quyền cá nhân.", en: "The collective body in capitals, e.g. ỦY BAN NHÂN DÂN; empty when signing in one's own competence." } },
  mode: { vi: "Hình thức ký", en: "Signing mode", type: "mode", help: SIGN_HELP },
  head: { vi: "Chức danh người đứng đầu", en: "Title of the head", help: { vi: "In sau KT./Q./TL./TUQ., ví dụ CHỦ TỊCH.", en: "Printed after KT./Q./TL./TUQ., e.g. CHỦ TỊCH." } },
  position: { vi: "Chức vụ người ký", en: "Signer's position", help: { vi: "Ví dụ PHÓ CHỦ TỊCH khi ký KT.", en: "E.g. PHÓ CHỦ TỊCH when signing KT." } },
  name: { vi: "Họ và tên người ký", en: "Signer's name" },
  image: { vi: "Ảnh chữ ký và dấu (tùy chọn)", en: "Signature and seal image (optional)" },
};

const NUMBER_FIELDS = {
  type: { vi: "Tên loại văn bản", en: "Document type" },
  code: { vi: "Chữ viết tắt tên loại (trong số, ký hiệu)", en: "Type abbreviation (in the number)" },
  number: { vi: "Số văn bản (để trống: chờ cấp số)", en: "Number (empty: left blank for the office)", type: "number" },
  date: { vi: "Ngày ban hành", en: "Date of issue", type: "date" },
  draft: { vi: "In dấu “DỰ THẢO”", en: "Print “DỰ THẢO” (draft)", type: "bool" },
  summary: { vi: "Trích yếu", en: "Summary line", type: "long" },
  request: { vi: "Lời đề nghị (Giấy mời)", en: "Request (invitation)", type: "long" },
  qr: { vi: "In mã QR của đại biểu", en: "Print the delegate's QR code", type: "bool" },
};

const FORMS = [
  {
    id: "authority",
    file: "data/plan.yaml",
    root: "authority",
    title: { vi: "Cơ quan ban hành", en: "Issuing authority" },
    help: { vi: "Ô 2 của Nghị định 30/2020: tên cơ quan in ở góc trái mọi văn bản.", en: "Box 2 of Decree 30/2020: the body's name at the top left of every document." },
    fields: {
      parent: { vi: "Cơ quan chủ quản (nếu có)", en: "Parent body (if any)" },
      lines: { vi: "Tên cơ quan, in hoa, mỗi dòng một phần", en: "The body's name, in capitals, one part per line" },
      "lines[]": { vi: "Dòng", en: "Line" },
      name: { vi: "Tên viết trong câu văn", en: "Name as written in a sentence" },
      collective: { vi: "Tên tập thể (dòng “TM. …”)", en: "Collective name (the “TM. …” line)" },
      code: { vi: "Chữ viết tắt trong số, ký hiệu", en: "Abbreviation in numbers" },
      place: { vi: "Địa danh (dòng ngày tháng)", en: "Place (the date line)" },
      chair: { vi: "Thẩm quyền khen thưởng", en: "Award authority" },
    },
  },
  {
    id: "signature",
    file: "data/plan.yaml",
    root: "signature",
    title: { vi: "Người ký", en: "Signer" },
    help: { vi: "Người ký mặc định của mọi văn bản; một văn bản có người ký riêng (mục signature của văn bản đó) thì hiện ở phần của văn bản đó.", en: "The default signer of every document; a document with its own signer (its signature entry) shows it in its own section." },
    fields: SIGNATURE_FIELDS,
  },
  {
    id: "conference",
    file: "data/plan.yaml",
    root: "conference",
    title: { vi: "Hội nghị", en: "Conference" },
    fields: {
      name: { vi: "Tên hội nghị", en: "Name", type: "long" },
      short_name: { vi: "Tên ngắn", en: "Short name" },
      date: { vi: "Ngày họp", en: "Date", type: "date" },
      session: { vi: "Buổi (sáng, chiều)", en: "Session (sáng, chiều)" },
      start: { vi: "Giờ bắt đầu", en: "Start time", type: "time" },
      start_is_sample: { vi: "Giờ bắt đầu là giờ mẫu (Kế hoạch chỉ ghi buổi)", en: "The start time is a sample (the plan names the session only)", type: "bool" },
      duration: { vi: "Thời lượng", en: "Duration" },
      venue: { vi: "Địa điểm", en: "Venue", type: "long" },
      period: { vi: "Giai đoạn", en: "Period" },
      review_period: { vi: "Giai đoạn được xét", en: "Period reviewed" },
      fields: { vi: "Các lĩnh vực", en: "Fields" },
      "fields[]": { vi: "Lĩnh vực", en: "Field" },
    },
  },
  {
    id: "plan",
    file: "data/plan.yaml",
    root: "plan",
    skip: ["body"],
    title: { vi: "Kế hoạch: số, ngày", en: "Plan: number, date" },
    fields: Object.assign({}, NUMBER_FIELDS, {
      closing: { vi: "Đoạn kết", en: "Closing paragraph", type: "long" },
      recipients: { vi: "Nơi nhận", en: "Recipients" },
      "recipients[]": { vi: "Nơi nhận", en: "Recipient" },
      archive: { vi: "Lưu (dòng “- Lưu: …”)", en: "Archive (the “- Lưu: …” line)" },
      signature: { vi: "Người ký riêng của Kế hoạch", en: "The plan's own signer", help: SIGN_HELP },
    }, Object.fromEntries(Object.entries(SIGNATURE_FIELDS).map(([k, v]) => [`signature.${k}`, v]))),
  },
  {
    id: "invitation",
    file: "data/plan.yaml",
    root: "invitation",
    title: { vi: "Giấy mời: số, ngày", en: "Invitation: number, date" },
    fields: Object.assign({}, NUMBER_FIELDS, {
      recipients: { vi: "Nơi nhận", en: "Recipients" },
      "recipients[]": { vi: "Nơi nhận", en: "Recipient" },
      archive: { vi: "Lưu", en: "Archive" },
    }, Object.fromEntries(Object.entries(SIGNATURE_FIELDS).map(([k, v]) => [`signature.${k}`, v]))),
  },
  {
    id: "agenda",
    file: "data/agenda.yaml",
    root: "items",
    title: { vi: "Chương trình hội nghị", en: "Programme" },
    help: { vi: "Giờ tăng dần, không sớm hơn giờ bắt đầu hội nghị.", en: "Times in increasing order, not before the conference's start." },
    item: { vi: "Mục", en: "Item" },
    fields: {
      "[].time": { vi: "Giờ", en: "Time", type: "time" },
      "[].title": { vi: "Nội dung", en: "Item", type: "long" },
      "[].lead": { vi: "Người thực hiện, phụ trách", en: "Led by" },
      "[].speakers": { vi: "Tham luận", en: "Speeches" },
      "[].speakers[].honoree": { vi: "Mã người trong danh sách khen thưởng", en: "Honoree's id" },
      "[].speakers[].name": { vi: "Họ và tên (người ngoài danh sách)", en: "Name (someone not on the list)" },
      "[].speakers[].unit": { vi: "Đơn vị", en: "Unit" },
      "[].speakers[].topic": { vi: "Tên bài tham luận", en: "Topic", type: "long" },
    },
    template: { time: "", title: "", lead: "" },
  },
  {
    id: "duties",
    file: "data/responsibilities.yaml",
    root: "units",
    title: { vi: "Phân công thực hiện", en: "Duties of each unit" },
    item: { vi: "Đơn vị", en: "Unit" },
    fields: {
      "[].unit": { vi: "Đơn vị", en: "Unit" },
      "[].brief": { vi: "Tóm tắt (in trong cuốn Chương trình)", en: "In brief (printed in the programme booklet)", type: "long" },
      "[].duty": { vi: "Nhiệm vụ (in sau dấu hai chấm)", en: "Duty (printed after the colon)", type: "long" },
      "[].tasks": { vi: "Các việc (gạch đầu dòng)", en: "Tasks (bullets)" },
      "[].tasks[]": { vi: "Việc", en: "Task", type: "long" },
    },
    template: { unit: "", brief: "" },
  },
  {
    id: "decision",
    file: "data/decision.yaml",
    root: "",
    skip: ["certificate", "signature"],
    title: { vi: "Quyết định khen thưởng", en: "Award decision" },
    fields: Object.assign({}, NUMBER_FIELDS, {
      bases: { vi: "Căn cứ ban hành", en: "Legal bases" },
      "bases[]": { vi: "Căn cứ", en: "Basis", type: "long" },
      proposal: { vi: "Theo đề nghị của", en: "On the proposal of", type: "long" },
      articles: { vi: "Các điều", en: "Articles" },
      "articles[]": { vi: "Điều", en: "Article", type: "long" },
      award: { vi: "Tiền thưởng (đồng)", en: "Award amounts (đồng)" },
      "award.collective": { vi: "Mỗi tập thể", en: "Each collective", type: "number" },
      "award.individual": { vi: "Mỗi cá nhân", en: "Each individual", type: "number" },
      recipients: { vi: "Nơi nhận", en: "Recipients" },
      "recipients[]": { vi: "Nơi nhận", en: "Recipient" },
      archive: { vi: "Lưu", en: "Archive" },
      appendix_title: { vi: "Tên phụ lục", en: "Appendix title" },
    }),
  },
];

// The YAML lists shown as tables: the file, the list, its columns in order (other keys the
// rows have are added after them).
const TABLES = [
  {
    id: "delegates",
    file: "data/delegates.yaml",
    root: "delegates",
    title: { vi: "Danh sách đại biểu", en: "Delegates" },
    columns: {
      id: { vi: "Mã", en: "Id" },
      salutation: { vi: "Xưng hô", en: "Salutation" },
      name: { vi: "Họ và tên", en: "Name" },
      title: { vi: "Chức vụ", en: "Title" },
      unit: { vi: "Đơn vị", en: "Unit" },
      group: { vi: "Nhóm", en: "Group" },
      seat: { vi: "Ghế", en: "Seat" },
    },
  },
  {
    id: "honorees",
    file: "data/honorees.yaml",
    root: "honorees",
    title: { vi: "Danh sách khen thưởng", en: "Honorees" },
    columns: {
      id: { vi: "Mã", en: "Id" },
      kind: { vi: "Loại", en: "Kind" },
      name: { vi: "Tên", en: "Name" },
      unit: { vi: "Đơn vị", en: "Unit" },
      field: { vi: "Lĩnh vực", en: "Field" },
      achievement: { vi: "Thành tích", en: "Achievement" },
      proposed_by: { vi: "Đơn vị đề nghị", en: "Proposed by" },
    },
  },
];
