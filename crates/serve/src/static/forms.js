// The field description table of the page's forms (its words: `msg::form_labels`, by the keys
// fl_NNN, in the language vinhdanh was started with): which part of which data file each form
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
  l: "fl_001",
};

const SIGNATURE_FIELDS = {
  on_behalf: { l: "fl_002", help: { l: "fl_003" } },
  mode: { l: "fl_004", type: "mode", help: SIGN_HELP },
  head: { l: "fl_005", help: { l: "fl_006" } },
  position: { l: "fl_007", help: { l: "fl_008" } },
  name: { l: "fl_009" },
  image: { l: "fl_010" },
};

const NUMBER_FIELDS = {
  type: { l: "fl_011" },
  code: { l: "fl_012" },
  number: { l: "fl_013", type: "number" },
  date: { l: "fl_014", type: "date" },
  draft: { l: "fl_015", type: "bool" },
  summary: { l: "fl_016", type: "long" },
  request: { l: "fl_017", type: "long" },
  qr: { l: "fl_018", type: "bool" },
};

const FORMS = [
  {
    id: "authority",
    file: "data/plan.yaml",
    root: "authority",
    title: { l: "fl_019" },
    help: { l: "fl_020" },
    fields: {
      parent: { l: "fl_021" },
      lines: { l: "fl_022" },
      "lines[]": { l: "fl_023" },
      name: { l: "fl_024" },
      collective: { l: "fl_025" },
      code: { l: "fl_026" },
      place: { l: "fl_027" },
      chair: { l: "fl_028" },
    },
  },
  {
    id: "signature",
    file: "data/plan.yaml",
    root: "signature",
    title: { l: "fl_029" },
    help: { l: "fl_030" },
    fields: SIGNATURE_FIELDS,
  },
  // A document's own signer: absent or `~` means the default signer (plan.yaml's top-level
  // `signature:`); the section makes it from a copy of the default, or drops it again (`empty`:
  // back to `~` where the file writes `~`, else the key goes).
  {
    id: "signer-plan",
    file: "data/plan.yaml",
    root: "plan.signature",
    render: "signer",
    empty: "absent",
    title: { l: "fl_104" },
    fields: SIGNATURE_FIELDS,
  },
  {
    id: "signer-invitation",
    file: "data/plan.yaml",
    root: "invitation.signature",
    render: "signer",
    empty: "absent",
    title: { l: "fl_105" },
    fields: SIGNATURE_FIELDS,
  },
  {
    id: "signer-decision",
    file: "data/decision.yaml",
    root: "signature",
    render: "signer",
    empty: "null",
    title: { l: "fl_106" },
    fields: SIGNATURE_FIELDS,
  },
  {
    id: "conference",
    file: "data/plan.yaml",
    root: "conference",
    title: { l: "fl_031" },
    fields: {
      name: { l: "fl_032", type: "long" },
      short_name: { l: "fl_033" },
      date: { l: "fl_034", type: "date" },
      session: { l: "fl_035" },
      start: { l: "fl_036", type: "time" },
      start_is_sample: { l: "fl_037", type: "bool" },
      duration: { l: "fl_038" },
      venue: { l: "fl_039", type: "long" },
      period: { l: "fl_040" },
      review_period: { l: "fl_041" },
      fields: { l: "fl_042" },
      "fields[]": { l: "fl_043" },
    },
  },
  // The delegate composition: a tree of groups, each `{id, label, count}` or
  // `{id, label, min, max}`, optional unit, note, detail, soft, and `groups:` children.
  {
    id: "composition",
    file: "data/plan.yaml",
    root: "composition",
    render: "groups",
    title: { l: "fl_090" },
    help: { l: "fl_091" },
    fields: {
      label: { l: "fl_107" },
      count: { l: "fl_094" },
      min: { l: "fl_095" },
      max: { l: "fl_096" },
      soft: { l: "fl_097" },
      unit: { l: "fl_098" },
      note: { l: "fl_102", type: "long" },
      detail: { l: "fl_103", type: "long" },
    },
  },
  // The honour quotas: `{id, kind: collective|individual, label, min, max, unit}` rows.
  {
    id: "honours",
    file: "data/plan.yaml",
    root: "honours",
    render: "honours",
    title: { l: "fl_092" },
    help: { l: "fl_093" },
    fields: {
      kind: { l: "fl_099", choices: { collective: { l: "fl_100" }, individual: { l: "fl_101" } } },
      label: { l: "fl_107" },
      min: { l: "fl_095" },
      max: { l: "fl_096" },
      unit: { l: "fl_098" },
    },
  },
  {
    id: "plan",
    file: "data/plan.yaml",
    root: "plan",
    skip: ["body", "signature"],
    title: { l: "fl_044" },
    fields: Object.assign({}, NUMBER_FIELDS, {
      closing: { l: "fl_045", type: "long" },
      recipients: { l: "fl_046" },
      "recipients[]": { l: "fl_047" },
      archive: { l: "fl_048" },
      signature: { l: "fl_049", help: SIGN_HELP },
    }, Object.fromEntries(Object.entries(SIGNATURE_FIELDS).map(([k, v]) => [`signature.${k}`, v]))),
  },
  {
    id: "invitation",
    file: "data/plan.yaml",
    root: "invitation",
    skip: ["signature"],
    title: { l: "fl_050" },
    fields: Object.assign({}, NUMBER_FIELDS, {
      recipients: { l: "fl_046" },
      "recipients[]": { l: "fl_047" },
      archive: { l: "fl_051" },
    }, Object.fromEntries(Object.entries(SIGNATURE_FIELDS).map(([k, v]) => [`signature.${k}`, v]))),
  },
  {
    id: "agenda",
    file: "data/agenda.yaml",
    root: "items",
    sampleFlag: true,
    title: { l: "fl_052" },
    help: { l: "fl_053" },
    item: { l: "fl_054" },
    fields: {
      "[].time": { l: "fl_055", type: "time" },
      "[].title": { l: "fl_056", type: "long" },
      "[].lead": { l: "fl_057" },
      "[].speakers": { l: "fl_058" },
      "[].speakers[].honoree": { l: "fl_059", help: { l: "fl_110" } },
      "[].speakers[].name": { l: "fl_060" },
      "[].speakers[].unit": { l: "fl_061" },
      "[].speakers[].topic": { l: "fl_062", type: "long" },
    },
    template: { time: "", title: "", lead: "" },
  },
  {
    id: "duties",
    file: "data/responsibilities.yaml",
    root: "units",
    title: { l: "fl_063" },
    item: { l: "fl_061" },
    fields: {
      "[].unit": { l: "fl_061" },
      "[].brief": { l: "fl_064", type: "long" },
      "[].duty": { l: "fl_065", type: "long" },
      "[].tasks": { l: "fl_066" },
      "[].tasks[]": { l: "fl_067", type: "long" },
    },
    template: { unit: "", brief: "" },
  },
  {
    id: "decision",
    file: "data/decision.yaml",
    root: "",
    skip: ["certificate", "signature"],
    title: { l: "fl_068" },
    fields: Object.assign({}, NUMBER_FIELDS, {
      bases: { l: "fl_069" },
      "bases[]": { l: "fl_070", type: "long" },
      proposal: { l: "fl_071", type: "long" },
      articles: { l: "fl_072" },
      "articles[]": { l: "fl_073", type: "long" },
      award: { l: "fl_074" },
      "award.collective": { l: "fl_075", type: "number" },
      "award.individual": { l: "fl_076", type: "number" },
      recipients: { l: "fl_046" },
      "recipients[]": { l: "fl_047" },
      archive: { l: "fl_051" },
      appendix_title: { l: "fl_077" },
    }),
  },
  // The plan's body as blocks, edited in place (workspace.js `renderBlocks`); "Dán từ Word"
  // replaces it whole.
  {
    id: "body",
    file: "data/plan.yaml",
    root: "plan.body",
    render: "blocks",
    title: { l: "fl_108" },
    help: { l: "fl_109" },
    fields: {},
  },
];

// The YAML lists shown as tables: the file, the list, its columns in order (other keys the
// rows have are added after them).
const TABLES = [
  {
    id: "delegates",
    file: "data/delegates.yaml",
    root: "delegates",
    sampleFlag: true,
    title: { l: "fl_078" },
    columns: {
      id: { l: "fl_079" },
      salutation: { l: "fl_080" },
      name: { l: "fl_081" },
      title: { l: "fl_082" },
      unit: { l: "fl_061" },
      group: { l: "fl_083" },
      seat: { l: "fl_084" },
    },
  },
  {
    id: "honorees",
    file: "data/honorees.yaml",
    root: "honorees",
    sampleFlag: true,
    title: { l: "fl_085" },
    columns: {
      id: { l: "fl_079" },
      kind: { l: "fl_086" },
      name: { l: "fl_087" },
      unit: { l: "fl_061" },
      field: { l: "fl_043" },
      achievement: { l: "fl_088" },
      proposed_by: { l: "fl_089" },
    },
  },
];
