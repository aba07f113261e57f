// The clerk's workspace: forms and tables over the data files, saved through the server's
// write endpoints (crates/serve/src/api.rs). Each save changes only the edited values in the
// file (the server's format-preserving editor); the watcher then rebuilds the documents and
// the cards update by themselves (app.js). `serve --readonly` serves no token: no workspace.
"use strict";

(() => {
  const tokenMeta = document.querySelector('meta[name="vinhdanh-token"]');
  const TOKEN = tokenMeta ? tokenMeta.content : "";
  const box = document.getElementById("workspace");
  if (!TOKEN || !box) return;
  document.body.classList.add("with-workspace");
  box.hidden = false;

  // A word of the form table (forms.js names it by its key in the catalogue).
  const tr = (o) => (o ? (typeof o === "string" ? L[o] || o : L[o.l] || "") : "");
  const W = (key, args) => t(key, args);

  function mk(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  async function api(path, body, raw) {
    const headers = { "X-Vinhdanh-Token": TOKEN };
    if (!raw) headers["Content-Type"] = "application/json";
    let r;
    try {
      r = await fetch(path, { method: "POST", headers, body: raw ? body : JSON.stringify(body || {}) });
    } catch (e) {
      return { status: 0, error: L.disconnected };
    }
    let j = {};
    try { j = await r.json(); } catch (e) { j = { error: r.statusText }; }
    return Object.assign({ status: r.status }, j);
  }

  // ---- the files the page has read: version and nodes by path ----
  const files = new Map();
  async function load(file) {
    const r = await api("/api/read", { file });
    if (r.status !== 200) { files.set(file, { error: r.error, missing: r.status === 404 }); return files.get(file); }
    const byPath = new Map();
    const children = new Map();
    for (const n of r.nodes) {
      byPath.set(n.path, n);
      const p = parentOf(n.path);
      if (p !== null) {
        if (!children.has(p)) children.set(p, []);
        children.get(p).push(n.path);
      }
    }
    // The document's root mapping, when the index names none.
    if (!byPath.has("") && children.has("")) byPath.set("", { path: "", kind: "map" });
    const f = { version: r.version, nodes: r.nodes, byPath, children };
    files.set(file, f);
    return f;
  }
  function parentOf(path) {
    if (path === "") return null;
    const m = path.match(/^(.*?)(\[\d+\]|\.?[^.[\]]+)$/);
    return m ? m[1] : "";
  }
  function lastKey(path) {
    const m = path.match(/([^.[\]]+)$/);
    return m ? m[1] : path;
  }
  // The path under `root` as the field table writes it: items `[]`.
  function pattern(root, path) {
    let rel = root ? path.slice(root.length) : "." + path;
    if (rel.startsWith(".")) rel = rel.slice(1);
    return rel.replace(/\[\d+\]/g, "[]");
  }
  function rawOk(v) {
    return /^-?\d{1,15}(\.\d{1,6})?$/.test(v) || /^\d{4}-\d{2}(-\d{2})?$/.test(v) || ["true", "false", "~"].includes(v);
  }
  function shown(n) {
    if (!n || n.value === null || n.value === undefined) return "";
    return n.plain && n.value === "~" ? "" : n.value;
  }

  // ---- header: the undo button and the last message ----
  const status = mk("p", { id: "ws-status", class: "ws-status", role: "status" });
  const undoBtn = mk("button", { id: "ws-undo", type: "button", onclick: undo }, L.ws_undo);
  box.append(mk("div", { class: "ws-head" }, mk("h2", {}, L.ws_title), undoBtn), mk("p", { class: "ws-intro" }, L.ws_intro), status);

  function say(text, kind) {
    status.textContent = text;
    status.className = `ws-status ${kind || ""}`;
  }

  // ---- form sections ----
  const sections = [];
  function section(spec, kind) {
    const body = mk("div", { class: "ws-body" });
    const msg = mk("p", { class: "ws-msg", role: "status" });
    const save = mk("button", { type: "button", class: "ws-save" }, L.ws_save);
    const det = mk("details", { class: `ws-section ws-${kind}`, id: `ws-${spec.id}`, "data-file": spec.file },
      mk("summary", {}, tr(spec.title), mk("span", { class: "ws-file" }, spec.file)),
      spec.help ? mk("p", { class: "ws-help" }, tr(spec.help)) : null,
      body, mk("div", { class: "ws-actions" }, save, msg));
    const s = { spec, kind, det, body, msg, save };
    save.addEventListener("click", () => commit(s, []));
    det.addEventListener("toggle", () => { if (det.open) render(s); });
    sections.push(s);
    return det;
  }

  const formsBox = mk("div", { class: "ws-group" }, mk("h3", {}, L.ws_forms));
  for (const f of FORMS) formsBox.append(section(f, "form"));
  const tablesBox = mk("div", { class: "ws-group" }, mk("h3", {}, L.ws_tables));
  for (const f of TABLES) tablesBox.append(section(f, "table"));
  tablesBox.append(sheetSection());
  box.append(formsBox, pasteSection(), tablesBox);

  // The Excel/CSV lists of data/: never written by the program; a new version dropped in
  // (saved into data/, the old one in the session's backup, checked at once), and a copy with
  // the problem cells marked to download.
  function sheetSection() {
    const list = mk("div", { id: "sheet-list" });
    const msg = mk("p", { class: "ws-msg", role: "status" });
    const input = mk("input", { type: "file", id: "sheet-input", accept: ".xlsx,.xls,.ods,.csv" });
    const drop = mk("div", { id: "sheet-drop", class: "ws-drop" }, L.ws_sheet_drop, " ", input);
    const det = mk("details", { class: "ws-section ws-sheets", id: "ws-sheets" },
      mk("summary", {}, L.ws_sheets_title, mk("span", { class: "ws-file" }, "data/*.xlsx, *.csv")),
      mk("p", { class: "ws-help" }, L.ws_sheets_help),
      mk("div", { class: "ws-body" }, list, drop), mk("div", { class: "ws-actions" }, msg));
    async function refreshList() {
      const r = await api("/api/files", {});
      const st = await (await fetch("/api/state", { cache: "no-store" })).json();
      const problems = (file) => st.errors.concat(st.warnings).filter((d) => d.file === file).length;
      list.replaceChildren(...(r.files || []).filter((f) => f.kind === "sheet").map((f) => {
        const n = problems(f.file);
        const dl = mk("button", { type: "button", class: "ws-marked", "data-file": f.file }, L.ws_sheet_marked);
        dl.addEventListener("click", () => download(f.file));
        return mk("div", { class: "ws-sheet", "data-file": f.file }, mk("code", {}, f.file), " ",
          mk("span", { class: n ? "ws-bad" : "ws-good" }, W("ws_sheet_problems", { n })), " ", dl);
      }));
      if (!list.children.length) list.append(mk("p", { class: "ws-help" }, L.ws_sheet_none));
    }
    async function download(file) {
      const r = await fetch("/api/marked", { method: "POST", headers: { "X-Vinhdanh-Token": TOKEN, "Content-Type": "application/json" }, body: JSON.stringify({ file }) });
      if (r.status !== 200) { msg.textContent = (await r.json()).error; msg.className = "ws-msg error"; return; }
      const blob = await r.blob();
      const a = mk("a", { href: URL.createObjectURL(blob), download: file.replace(/^data\//, "").replace(/\.[^.]+$/, "") + "-danh-dau-loi.xlsx" });
      document.body.append(a);
      a.click();
      a.remove();
    }
    // A dropped file becomes the list it is (the server reads its header row with the
    // loader's readers): saved under the name the loader reads, `data/delegates.xlsx` or
    // `data/honorees.xlsx`. The page asks first when it cannot tell which list it is, or when
    // the list has files now that the new one would replace (never overwritten unasked).
    const choice = mk("div", { id: "sheet-choice", class: "ws-sheet-choice", hidden: true });
    det.querySelector(".ws-body").append(choice);
    async function upload(f) {
      const name = f.name.normalize("NFC");
      det.dataset.saving = "1";
      const bytes = await f.arrayBuffer();
      const r = await api(`/api/sheet?name=${encodeURIComponent(name)}`, bytes, true);
      if (r.status !== 200) {
        msg.textContent = r.error || String(r.status);
        msg.className = "ws-msg error";
        delete det.dataset.saving;
        return;
      }
      const pick = r.lists.find((l) => l.list === r.guess);
      if (pick && pick.existing.length === 0) return save(bytes, pick, name, true);
      ask(bytes, r, name);
    }
    function ask(bytes, r, name) {
      const radios = r.lists.map((l) => {
        const input = mk("input", { type: "radio", name: "sheet-list", value: l.list, checked: l.list === r.guess });
        const replaces = l.existing.length ? mk("small", { class: "ws-help" }, W("ws_sheet_replaces", { files: l.existing.join(", ") })) : null;
        return mk("label", { class: "ws-sheet-option", "data-list": l.list }, input, " ", L[`ws_sheet_as_${l.list}`], " → ", mk("code", {}, l.file), replaces);
      });
      const ok = mk("button", { type: "button", id: "sheet-confirm", class: "ws-save" }, L.ws_sheet_confirm);
      const no = mk("button", { type: "button", id: "sheet-cancel" }, L.ws_cancel);
      choice.replaceChildren(mk("p", {}, W(r.guess ? "ws_sheet_which_guess" : "ws_sheet_which", { name })), ...radios, mk("div", { class: "ws-actions" }, ok, no));
      choice.hidden = false;
      delete det.dataset.saving;
      ok.addEventListener("click", () => {
        const sel = choice.querySelector("input[name=sheet-list]:checked");
        if (!sel) return;
        choice.hidden = true;
        save(bytes, r.lists.find((l) => l.list === sel.value), name, false);
      });
      no.addEventListener("click", () => { choice.hidden = true; choice.replaceChildren(); msg.textContent = L.ws_sheet_cancelled; msg.className = "ws-msg"; });
    }
    async function save(bytes, list, name, guessed) {
      det.dataset.saving = "1";
      const q = [`file=${encodeURIComponent(list.file)}`, ...list.existing.map((e) => `replace=${encodeURIComponent(e)}`)].join("&");
      const r = await api(`/api/upload?${q}`, bytes, true);
      if (r.status === 200) {
        msg.textContent = W(guessed ? "ws_sheet_saved_guessed" : "ws_sheet_saved_as", { name, file: r.file });
        msg.className = "ws-msg ok";
        say(r.backup ? `${msg.textContent} ${W("ws_backup", { dir: r.backup })}` : msg.textContent, "ok");
        choice.replaceChildren();
        // The table over the YAML list it replaced says so now.
        for (const o of sections) if (o.kind === "table" && o.det.open) await render(o, true);
      } else {
        msg.textContent = r.error || String(r.status);
        msg.className = "ws-msg error";
      }
      delete det.dataset.saving;
      await refreshList();
    }
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      for (const f of e.dataTransfer.files) upload(f);
    });
    input.addEventListener("change", () => { for (const f of input.files) upload(f); input.value = ""; });
    det.addEventListener("toggle", () => { if (det.open) refreshList(); });
    // The problem counts follow the rebuilds.
    new EventSource("/events").addEventListener("state", () => { if (det.open) refreshList(); });
    return det;
  }

  // The value at `path` of a read file, as JSON (plain true/false/numbers/~ typed).
  function toJson(f, path) {
    const n = f.byPath.get(path);
    if (!n) return null;
    const kids = f.children.get(path) || [];
    if (n.kind === "map") return Object.fromEntries(kids.map((c) => [lastKey(c), toJson(f, c)]));
    if (n.kind === "seq") return kids.map((c) => toJson(f, c));
    if (n.plain) {
      if (n.value === "true" || n.value === "false") return n.value === "true";
      if (n.value === "~") return null;
      if (/^-?\d+(\.\d+)?$/.test(n.value)) return Number(n.value);
    }
    return n.value;
  }

  // "Dán từ Word": the plan's body from a Word draft, shown as its structure before it
  // replaces anything.
  function pasteSection() {
    const FILE = "data/plan.yaml", AT = "plan.body";
    const area = mk("textarea", { id: "paste-text", rows: 8, placeholder: L.ws_paste_placeholder });
    area.addEventListener("paste", (e) => {
      const html = e.clipboardData && e.clipboardData.getData("text/html");
      if (html) {
        e.preventDefault();
        area.value = PASTE.htmlToText(html);
      }
    });
    const tree = mk("div", { id: "paste-preview", class: "paste-preview" });
    const msg = mk("p", { class: "ws-msg", role: "status" });
    let blocks = null;
    const show = mk("button", { type: "button", id: "paste-show" }, L.ws_paste_show);
    const apply = mk("button", { type: "button", id: "paste-apply", class: "ws-save", disabled: true }, L.ws_paste_apply);
    const det = mk("details", { class: "ws-section ws-paste", id: "ws-paste", "data-file": FILE },
      mk("summary", {}, L.ws_paste_title, mk("span", { class: "ws-file" }, FILE)),
      mk("p", { class: "ws-help" }, L.ws_paste_help),
      mk("div", { class: "ws-body" }, area, mk("div", { class: "ws-paste-tools" }, show), tree),
      mk("div", { class: "ws-actions" }, apply, msg));
    show.addEventListener("click", async () => {
      const f = files.get(FILE) || (await load(FILE));
      const current = f.error ? [] : toJson(f, AT);
      blocks = PASTE.merge(PASTE.parse(area.value), current);
      tree.replaceChildren(PASTE.preview(blocks, { kept: L.ws_paste_kept, generated: L.ws_paste_generated }));
      apply.disabled = blocks.length === 0;
      msg.textContent = blocks.length ? W("ws_paste_count", { n: blocks.length }) : L.ws_paste_empty;
      msg.className = "ws-msg";
    });
    apply.addEventListener("click", async () => {
      if (!blocks || !blocks.length) return;
      const f = await load(FILE);
      if (f.error) { msg.textContent = f.error; msg.className = "ws-msg error"; return; }
      det.dataset.saving = "1";
      const r = await api("/api/edit", { file: FILE, version: f.version, ops: [{ op: "replace", at: AT, items: PASTE.strip(blocks) }] });
      if (r.status === 200) {
        msg.textContent = W("ws_saved_file", { file: FILE });
        msg.className = "ws-msg ok";
        say(r.backup ? `${msg.textContent} ${W("ws_backup", { dir: r.backup })}` : msg.textContent, "ok");
        apply.disabled = true;
        await reloadFile(FILE);
      } else {
        msg.textContent = r.error || String(r.status);
        msg.className = `ws-msg ${r.conflict ? "conflict" : "error"}`;
      }
      delete det.dataset.saving;
    });
    return det;
  }

  async function render(s, fresh) {
    let f = files.get(s.spec.file);
    if (!f || fresh) f = await load(s.spec.file);
    s.body.replaceChildren();
    if (f.error && s.kind === "table" && f.missing) {
      // The list is kept in Excel/CSV (the sample YAML deleted, as the README says): nothing
      // to save here; the spreadsheet section below takes a new version.
      s.body.append(mk("p", { class: "ws-note" }, W("ws_table_from_sheet", { file: s.spec.file })));
      s.save.hidden = true;
      return;
    }
    if (f.error) { s.body.append(mk("p", { class: "ws-error" }, f.error)); s.save.disabled = true; return; }
    s.save.hidden = false;
    s.save.disabled = false;
    // A list still marked as the sample's (`sample: true`): said at the top of its section,
    // with the choice that clears it once the list is the commune's own.
    const flag = s.spec.sampleFlag && f.byPath.get("sample");
    if (flag && flag.kind === "scalar") s.body.append(mk("div", { class: "ws-sample-flag" }, field(s, flag, { type: "bool", help: "ws_sample_flag_help" }, L.ws_sample_flag)));
    if (s.kind === "table") renderTable(s, f);
    else if (s.spec.render === "signer") await renderSigner(s, f);
    else if (s.spec.render === "blocks") {
      if (!f.byPath.has(s.spec.root)) { s.body.append(mk("p", { class: "ws-error" }, W("ws_missing", { path: s.spec.root, file: s.spec.file }))); return; }
      renderBlocks(s, f);
    } else if (s.spec.render === "groups" || s.spec.render === "honours") {
      if (!f.byPath.has(s.spec.root)) { s.body.append(mk("p", { class: "ws-error" }, W("ws_missing", { path: s.spec.root, file: s.spec.file }))); return; }
      if (s.spec.render === "groups") renderGroups(s, f);
      else renderHonours(s, f);
    } else {
      const root = s.spec.root;
      if (!f.byPath.has(root)) { s.body.append(mk("p", { class: "ws-error" }, W("ws_missing", { path: root || "/", file: s.spec.file }))); return; }
      s.body.append(node(s, f, root, true));
    }
  }

  function label(s, path) {
    const spec = s.spec.fields && s.spec.fields[pattern(s.spec.root, path)];
    if (spec) return spec;
    return null;
  }

  // One value of the file as a form element, from its kind.
  function node(s, f, path, top) {
    const n = f.byPath.get(path);
    const spec = label(s, path) || {};
    const name = tr(spec) || (path.endsWith("]") ? "" : lastKey(path));
    // A text of a list stands alone on its row, beside its buttons.
    if (n.kind === "scalar" || n.kind === "alias") return field(s, n, spec, path.endsWith("]") ? "" : name);
    const kids = (f.children.get(path) || []).filter((c) => !(top && s.spec.skip && s.spec.skip.includes(lastKey(c))));
    if (n.kind === "map") {
      const fs = mk("fieldset", { class: "ws-map", "data-path": path });
      if (!top && name) fs.append(mk("legend", {}, name));
      if (!top && spec.help) fs.append(mk("p", { class: "ws-help" }, tr(spec.help)));
      for (const c of kids) fs.append(node(s, f, c, false));
      return fs;
    }
    // A list: its items, each with move and remove, and an add button.
    const fs = mk("fieldset", { class: "ws-list", "data-path": path });
    if (name && !top) fs.append(mk("legend", {}, name));
    kids.forEach((c, i) => {
      const item = mk("div", { class: "ws-item", "data-path": c });
      const cn = f.byPath.get(c);
      if (cn.kind === "map" && s.spec.item) item.append(mk("div", { class: "ws-item-title" }, `${tr(s.spec.item)} ${i + 1}`));
      item.append(node(s, f, c, false));
      item.append(mk("div", { class: "ws-item-ops" },
        mk("button", { type: "button", title: L.ws_up, disabled: i === 0, onclick: () => commit(s, [{ op: "move", list: path, from: i, to: i - 1 }]) }, "↑"),
        mk("button", { type: "button", title: L.ws_down, disabled: i === kids.length - 1, onclick: () => commit(s, [{ op: "move", list: path, from: i, to: i + 1 }]) }, "↓"),
        mk("button", { type: "button", title: L.ws_remove, class: "ws-remove", onclick: () => commit(s, [{ op: "remove", at: c }]) }, "✕")));
      fs.append(item);
    });
    fs.append(mk("button", { type: "button", class: "ws-add", onclick: () => commit(s, [{ op: "insert", list: path, index: kids.length, item: newItem(s, f, path, kids) }]) }, L.ws_add));
    return fs;
  }

  // A new item like the list's first: a mapping of its one-line keys, or a text.
  function newItem(s, f, path, kids) {
    if (path === s.spec.root && s.spec.template) return Object.entries(s.spec.template);
    const first = kids.length ? f.byPath.get(kids[0]) : null;
    if (first && first.kind === "map") {
      return (f.children.get(kids[0]) || []).filter((c) => f.byPath.get(c).kind === "scalar").map((c) => [lastKey(c), ""]);
    }
    return "";
  }

  function field(s, n, spec, name) {
    const value = shown(n);
    const type = spec.type || (n.plain && ["true", "false"].includes(n.value) ? "bool" : "");
    let input;
    if (type === "bool") {
      input = mk("select", {}, mk("option", { value: "true" }, L.ws_yes), mk("option", { value: "false" }, L.ws_no));
      input.value = value === "true" ? "true" : "false";
    } else if (type === "mode") {
      input = mk("select", {}, ...["", "KT", "Q", "TL", "TUQ"].map((m) => mk("option", { value: m }, m ? `${m}.` : L.ws_mode_none)));
      input.value = value;
    } else if (spec.choices) {
      input = mk("select", {}, ...Object.entries(spec.choices).map(([v, l]) => mk("option", { value: v }, `${tr(l)} (${v})`)));
      input.value = value;
    } else if (type === "long" || value.length > 70) {
      input = mk("textarea", { rows: Math.min(8, Math.max(2, Math.ceil(value.length / 60))) });
      input.value = value;
    } else {
      input = mk("input", { type: "text", placeholder: type === "date" ? "2025-08-22" : type === "time" ? "07:30" : null });
      input.value = value;
    }
    input.dataset.path = n.path;
    input.dataset.orig = value;
    input.dataset.plain = n.plain ? "1" : "";
    input.dataset.type = type;
    input.addEventListener("input", () => { input.classList.toggle("ws-changed", input.value !== input.dataset.orig); checkSoon(s); });
    const row = mk("label", { class: "ws-field" }, name ? mk("span", { class: "ws-label" }, name) : null, input);
    if (spec.help) row.append(mk("small", { class: "ws-help" }, tr(spec.help)));
    return row;
  }

  // The section's changed values, as edits.
  function changes(s) {
    const ops = [];
    // A value the file does not hold yet (a group's soft flag): put, or removed when back to
    // the default.
    for (const input of s.body.querySelectorAll("[data-put][data-orig]")) {
      if (input.value === input.dataset.orig) continue;
      ops.push({ op: "put", at: input.dataset.put, value: input.value === "true" });
    }
    for (const input of s.body.querySelectorAll("[data-path][data-orig]")) {
      if (input.value === input.dataset.orig) continue;
      const v = input.value;
      const plain = input.dataset.plain === "1";
      if (input.dataset.type === "bool" || (plain && (v.trim() === "" || rawOk(v.trim())))) {
        ops.push({ op: "set", at: input.dataset.path, value: v.trim() === "" ? "~" : v.trim(), raw: true });
      } else {
        ops.push({ op: "set", at: input.dataset.path, value: v });
      }
    }
    return ops;
  }

  // ---- each value checked as it is typed: the section's changes sent to /api/check, which
  // runs them through the loader and rules `check` uses, in memory (nothing is written); what
  // they would refuse is said under the field. No rule is written here a second time. ----
  function checkSoon(s) {
    clearTimeout(s.checkTimer);
    s.checkTimer = setTimeout(() => checkNow(s), 300);
  }
  async function checkNow(s) {
    const f = files.get(s.spec.file);
    if (!f || f.error) return;
    const ops = changes(s);
    const seq = (s.checkSeq || 0) + 1;
    s.checkSeq = seq;
    let found = [];
    if (ops.length) {
      const r = await api("/api/check", { file: s.spec.file, version: f.version, ops });
      // A later keystroke's check, or a save, has taken over; a conflict is the save's to say.
      if (s.checkSeq !== seq || r.status !== 200) return;
      found = r.findings || [];
    }
    for (const input of s.body.querySelectorAll("[data-path][data-orig], [data-put][data-orig]")) {
      const at = input.dataset.path || input.dataset.put;
      showFindings(input, found.filter((x) => x.path === at));
    }
    s.det.dataset.checked = String(seq);
  }
  function showFindings(input, found) {
    const host = input.closest(".ws-field, td") || input.parentElement;
    let box = host.querySelector(":scope > .ws-check");
    input.classList.toggle("ws-invalid", found.some((x) => x.severity === "error"));
    if (found.length) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (!found.length) { if (box) box.remove(); return; }
    if (!box) { box = mk("small", { class: "ws-check", role: "alert" }); host.append(box); }
    // A table's cell is narrow: its message alone, the hint when the pointer rests on it.
    // Under a field the hint is a line of its own, as in the problems panel: run on after the
    // message, "… đang để trống gợi ý: …" read as one sentence.
    const cell = host.tagName === "TD";
    box.replaceChildren(...found.map((x) => mk("span", { class: `ws-check-${x.severity}`, title: cell && x.hint ? x.hint : null },
      x.message, x.hint && !cell ? mk("span", { class: "ws-check-hint" }, ` ${W("hint", { hint: x.hint })}`) : null, " ")));
  }

  let busy = false;
  // Saves the section's changed values, then `more` (a list's add, move or remove), in one
  // write; on a conflict, says so and reads the file again.
  async function commit(s, more) {
    if (busy) return;
    const f = files.get(s.spec.file);
    if (!f || f.error) return;
    const ops = changes(s).concat(more);
    if (ops.length === 0) { s.msg.textContent = L.ws_nothing; s.msg.className = "ws-msg"; return; }
    busy = true;
    s.det.dataset.saving = "1";
    try {
      await send(s, f, ops);
    } finally {
      busy = false;
      delete s.det.dataset.saving;
    }
  }

  async function send(s, f, ops) {
    const r = await api("/api/edit", { file: s.spec.file, version: f.version, ops });
    if (r.status === 200) {
      const lines = (r.lines || []).join(", ");
      const text = lines ? W("ws_saved", { file: r.file, lines }) : W("ws_saved_file", { file: r.file });
      s.msg.textContent = text;
      s.msg.className = "ws-msg ok";
      say(r.backup ? `${text} ${W("ws_backup", { dir: r.backup })}` : text, "ok");
      await reloadFile(s.spec.file, s);
    } else {
      s.msg.textContent = r.error || String(r.status);
      s.msg.className = `ws-msg ${r.conflict ? "conflict" : "error"}`;
      say(s.msg.textContent, "error");
      if (r.conflict) await reloadFile(s.spec.file, s);
    }
  }

  // Reads `file` again and redraws the open sections over it.
  async function reloadFile(file, except) {
    await load(file);
    for (const o of sections) if (o.spec.file === file && o.det.open) await render(o);
    if (except) except.det.dataset.saved = String(Date.now());
  }

  async function undo() {
    const r = await api("/api/undo", {});
    if (r.status === 200) {
      say(W("ws_undone", { file: r.file }), "ok");
      await reloadFile(r.file);
      if (window.afterSheetChange) window.afterSheetChange();
    } else say(r.error || String(r.status), r.conflict ? "error conflict" : "error");
  }

  // ---- a YAML list as a table ----
  function renderTable(s, f) {
    const root = s.spec.root;
    const rows = f.children.get(root) || [];
    const cols = Object.keys(s.spec.columns);
    for (const r of rows) for (const c of f.children.get(r) || []) {
      const k = lastKey(c);
      if (!cols.includes(k) && f.byPath.get(c).kind === "scalar") cols.push(k);
    }
    const search = mk("input", { type: "search", class: "ws-search", placeholder: L.ws_search, "aria-label": L.ws_search });
    const count = mk("span", { class: "ws-count" });
    const tbody = mk("tbody");
    const head = mk("tr", {}, mk("th", {}, "#"), ...cols.map((c) => mk("th", {}, tr(s.spec.columns[c]) || c)), mk("th", {}));
    rows.forEach((r, i) => {
      const tr_ = mk("tr", { "data-path": r }, mk("td", { class: "ws-n" }, String(i + 1)));
      for (const c of cols) {
        const p = `${r}.${c}`;
        const n = f.byPath.get(p);
        const input = mk("input", { type: "text" });
        input.value = shown(n);
        input.dataset.path = p;
        input.dataset.orig = input.value;
        input.dataset.plain = n && n.plain ? "1" : "";
        if (!n) input.dataset.missing = "1";
        if (n && n.kind !== "scalar") input.disabled = true;
        input.addEventListener("input", () => { input.classList.toggle("ws-changed", input.value !== input.dataset.orig); checkSoon(s); });
        tr_.append(mk("td", {}, input));
      }
      tr_.append(mk("td", { class: "ws-row-ops" },
        mk("button", { type: "button", title: L.ws_up, disabled: i === 0, onclick: () => commit(s, [{ op: "move", list: root, from: i, to: i - 1 }]) }, "↑"),
        mk("button", { type: "button", title: L.ws_down, disabled: i === rows.length - 1, onclick: () => commit(s, [{ op: "move", list: root, from: i, to: i + 1 }]) }, "↓"),
        mk("button", { type: "button", title: L.ws_remove, class: "ws-remove", onclick: () => commit(s, [{ op: "remove", at: r }]) }, "✕")));
      tbody.append(tr_);
    });
    const filter = () => {
      const q = fold(search.value.trim());
      let n = 0;
      for (const row of tbody.rows) {
        const hit = !q || [...row.querySelectorAll("input")].some((i) => fold(i.value).includes(q));
        row.hidden = !hit;
        if (hit) n++;
      }
      count.textContent = W("ws_rows", { n, total: rows.length });
    };
    search.addEventListener("input", filter);
    const add = mk("button", { type: "button", class: "ws-add", onclick: () => commit(s, [{ op: "insert", list: root, index: rows.length, item: Object.keys(s.spec.columns).filter((c) => c === "id" || c === "name").map((c) => [c, ""]) }]) }, L.ws_add_row);
    s.body.append(mk("div", { class: "ws-table-tools" }, search, count, add),
      mk("div", { class: "ws-table-wrap" }, mk("table", { class: "ws-grid" }, mk("thead", {}, head), tbody)));
    filter();
  }

  // ---- the delegate composition: a tree of groups ----
  // An id no group or quota of the file has yet.
  function freshId(f, stem) {
    const ids = new Set(f.nodes.filter((n) => /(^|\.)id$/.test(n.path)).map((n) => n.value));
    let i = 1;
    while (ids.has(`${stem}-${i}`)) i++;
    return `${stem}-${i}`;
  }
  function itemOps(s, list, i, len, path) {
    return mk("span", { class: "ws-item-ops" },
      mk("button", { type: "button", title: L.ws_up, disabled: i === 0, onclick: () => commit(s, [{ op: "move", list, from: i, to: i - 1 }]) }, "↑"),
      mk("button", { type: "button", title: L.ws_down, disabled: i === len - 1, onclick: () => commit(s, [{ op: "move", list, from: i, to: i + 1 }]) }, "↓"),
      mk("button", { type: "button", title: L.ws_remove, class: "ws-remove", onclick: () => commit(s, [{ op: "remove", at: path }]) }, "✕"));
  }
  // The fields of a group or quota row: those the file has, in the table's order.
  function rowFields(s, f, path, keys) {
    const out = [];
    for (const k of keys) {
      const n = f.byPath.get(`${path}.${k}`);
      if (n && n.kind === "scalar") out.push(field(s, n, s.spec.fields[k] || {}, tr(s.spec.fields[k]) || k));
    }
    return out;
  }
  function renderGroups(s, f) {
    const tree = mk("div", { class: "ws-tree" });
    const addChild = (path) => {
      const gs = `${path}.groups`;
      const id = freshId(f, "nhom");
      const list = f.byPath.get(gs);
      if (list && list.kind === "seq") {
        const n = (f.children.get(gs) || []).length;
        return commit(s, [{ op: "insert", list: gs, index: n, item: [["id", id], ["label", L.ws_group_new]] }, { op: "put", at: `${gs}[${n}].count`, value: 1 }]);
      }
      return commit(s, [{ op: "put", at: gs, value: [{ map: [["id", id], ["label", L.ws_group_new], ["count", 1]] }] }]);
    };
    const group = (path, depth, i, len, list) => {
      const id = f.byPath.get(`${path}.id`);
      const row = mk("div", { class: "ws-group-row", "data-path": path, style: `margin-left: ${depth * 1.8}em` },
        mk("code", { class: "ws-group-id" }, id ? id.value : ""),
        ...rowFields(s, f, path, ["label", "count", "min", "max", "unit"]));
      const soft = f.byPath.get(`${path}.soft`);
      if (soft && soft.kind === "scalar") row.append(field(s, soft, { type: "bool" }, tr(s.spec.fields.soft)));
      else {
        const sel = mk("select", { "data-put": `${path}.soft`, "data-orig": "false" }, mk("option", { value: "true" }, L.ws_yes), mk("option", { value: "false" }, L.ws_no));
        sel.value = "false";
        sel.addEventListener("change", () => { sel.classList.toggle("ws-changed", sel.value !== sel.dataset.orig); checkSoon(s); });
        row.append(mk("label", { class: "ws-field" }, mk("span", { class: "ws-label" }, tr(s.spec.fields.soft)), sel));
      }
      const ops = mk("span", { class: "ws-group-ops" });
      if (list !== null) ops.append(itemOps(s, list, i, len, path));
      ops.append(mk("button", { type: "button", class: "ws-add ws-add-child", onclick: () => addChild(path) }, list === null ? L.ws_group_add : L.ws_group_child));
      row.append(ops);
      tree.append(row);
      const more = rowFields(s, f, path, ["note", "detail"]);
      if (more.length) tree.append(mk("div", { class: "ws-group-more", style: `margin-left: ${depth * 1.8 + 1.2}em` }, ...more));
      const gs = `${path}.groups`;
      const kids = f.children.get(gs) || [];
      kids.forEach((c, j) => group(c, depth + 1, j, kids.length, gs));
    };
    group(s.spec.root, 0, 0, 1, null);
    s.body.append(tree);
  }

  // ---- the plan's body as blocks, numbered as the plan prints them ----
  const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
  const GENERATED = ["agenda", "composition", "responsibilities"];
  // The kinds a new block may be, by where it goes: a section (I., II.) only at the top, as
  // the plan's sections are; a subheading (1.1.) only in a heading, whose number it prints.
  const KINDS = { top: ["section", "heading", "p", "list", "numbered"], section: ["heading", "p", "list", "numbered"], heading: ["subheading", "p", "list", "numbered"] };
  // The edits that put a new block of kind `k` with text `t` at `index` of the body list
  // `list`: a list block holds its first line; a section or heading with no `body:` yet
  // gets one.
  function newBlock(f, list, index, k, t) {
    const lines = k === "list" || k === "numbered";
    if (!f.byPath.has(list)) return [{ op: "put", at: list, value: [{ map: [[k, lines ? [t] : t]] }] }];
    const ops = [{ op: "insert", list, index, item: [[k, t]] }];
    if (lines) ops.push({ op: "put", at: `${list}[${index}].${k}`, value: [t] });
    return ops;
  }
  function renderBlocks(s, f) {
    const tree = mk("div", { class: "ws-blocks" });
    // The plan's counters (templates/lib/nd30.typ): sections run through the whole body, a
    // section starts its headings at 1, a heading its subheadings.
    let sec = 0, head = 0, sub = 0;
    const text = (path, label, long) => {
      const n = f.byPath.get(path);
      return n && n.kind === "scalar" ? field(s, n, { type: long ? "long" : "" }, label) : null;
    };
    // A block named in the place chooser: its first words, cut between words.
    const short = (v) => {
      const t = (v || "").replace(/\s+/g, " ").trim();
      if (t.length <= 48) return t;
      const cut = t.slice(0, 48), space = cut.lastIndexOf(" ");
      return `${space > 20 ? cut.slice(0, space) : cut}…`;
    };
    // The lines of a `list:` or `numbered:` block, each with its own ↑ ↓ ✕, and a line added.
    const lines = (path, numbered, depth) => {
      const kids = f.children.get(path) || [];
      const box_ = mk("div", { class: "ws-block-lines" });
      kids.forEach((c, k) => box_.append(mk("div", { class: "ws-block-line", "data-path": c, style: `margin-left: ${depth * 1.5}em` },
        mk("span", { class: "ws-num" }, numbered ? `${k + 1}.` : "-"), text(c, "", true), itemOps(s, path, k, kids.length, c))));
      box_.append(mk("button", { type: "button", class: "ws-add ws-add-line", onclick: () => commit(s, [{ op: "insert", list: path, index: kids.length, item: "" }]) }, L.ws_add));
      return box_;
    };
    // Under a body list: what to add (kind, place among the list's blocks, its words).
    const adder = (path, where, depth, placed, owner) => {
      const kind = mk("select", { class: "ws-block-kind", "aria-label": L.ws_block_kind },
        ...KINDS[where].map((k) => mk("option", { value: k }, L[`ws_block_kind_${k}`])));
      kind.value = "p";
      const at = mk("select", { class: "ws-block-where", "aria-label": L.ws_block_where },
        ...placed.map((p, i) => mk("option", { value: String(i) }, W("ws_block_before", { what: p }))),
        mk("option", { value: String(placed.length) }, L.ws_block_at_end));
      at.value = String(placed.length);
      const words = mk("input", { type: "text", class: "ws-block-text", placeholder: L.ws_block_text, "aria-label": L.ws_block_text });
      const add = mk("button", { type: "button", class: "ws-add ws-add-block", "data-list": path,
        onclick: () => commit(s, newBlock(f, path, Number(at.value), kind.value, words.value.trim())) }, L.ws_block_add);
      const into = where === "top" ? L.ws_block_into_top : W(`ws_block_into_${where}`, { n: owner });
      return mk("div", { class: "ws-block-adder", "data-list": path, style: `margin-left: ${depth * 1.5}em` }, mk("span", { class: "ws-block-into" }, into), kind, at, words, add);
    };
    const body = (path, depth, where, owner) => {
      const kids = f.children.get(path) || [];
      const placed = [];
      kids.forEach((c, i) => {
        const n = f.byPath.get(c);
        const has = (k) => f.byPath.has(`${c}.${k}`);
        const value = (k) => shown(f.byPath.get(`${c}.${k}`));
        const row = mk("div", { class: "ws-block", "data-path": c, style: `margin-left: ${depth * 1.5}em` });
        const ops = itemOps(s, path, i, kids.length, c);
        let inner = null;
        if (n.kind !== "map") {
          row.append(text(c, "", true) || mk("code", {}, c));
          placed.push(short(shown(n)));
        } else if (has("section")) {
          row.classList.add("ws-block-section");
          const num = `${ROMAN[sec++] || "?"}.`;
          head = 0;
          row.append(mk("span", { class: "ws-num" }, num), text(`${c}.section`, ""));
          placed.push(`${num} ${short(value("section"))}`);
          inner = ["section", `${c}.body`, num];
        } else if (has("heading")) {
          row.classList.add("ws-block-heading");
          const num = `${++head}.`;
          sub = 0;
          row.append(mk("span", { class: "ws-num" }, num), text(`${c}.heading`, ""));
          placed.push(`${num} ${short(value("heading"))}`);
          inner = ["heading", `${c}.body`, num];
        } else if (has("subheading")) {
          row.classList.add("ws-block-subheading");
          const num = `${head}.${++sub}.`;
          row.append(mk("span", { class: "ws-num" }, num), text(`${c}.subheading`, "", true));
          placed.push(`${num} ${short(value("subheading"))}`);
        } else if (has("p")) {
          row.append(text(`${c}.p`, "", true));
          placed.push(`¶ ${short(value("p"))}`);
        } else if (has("list") && f.byPath.get(`${c}.list`).kind === "seq") {
          row.append(lines(`${c}.list`, false, 0));
          placed.push(`- ${short(shown(f.byPath.get(`${c}.list[0]`)))}`);
        } else if (has("numbered") && f.byPath.get(`${c}.numbered`).kind === "seq") {
          row.append(lines(`${c}.numbered`, true, 0));
          placed.push(`1. ${short(shown(f.byPath.get(`${c}.numbered[0]`)))}`);
        } else {
          const what = (f.children.get(c) || []).map(lastKey).join(", ");
          row.append(mk("span", { class: "ws-block-generated" }, W("ws_block_generated", { what: GENERATED.includes(what) ? what : what || "?" })));
          placed.push(`[${what}]`);
        }
        row.append(ops);
        tree.append(row);
        if (inner) body(inner[1], depth + 1, inner[0], inner[2]);
      });
      tree.append(adder(path, where, depth, placed, owner));
    };
    body(s.spec.root, 0, "top", "");
    s.body.append(tree);
  }

  // ---- the honour quotas: one row each ----
  function renderHonours(s, f) {
    const root = s.spec.root;
    const rows = f.children.get(root) || [];
    const box_ = mk("div", { class: "ws-tree" });
    rows.forEach((r, i) => {
      const id = f.byPath.get(`${r}.id`);
      box_.append(mk("div", { class: "ws-group-row", "data-path": r },
        mk("code", { class: "ws-group-id" }, id ? id.value : ""),
        ...rowFields(s, f, r, ["kind", "label", "min", "max", "unit"]),
        mk("span", { class: "ws-group-ops" }, itemOps(s, root, i, rows.length, r))));
    });
    const n = rows.length;
    box_.append(mk("button", { type: "button", class: "ws-add", onclick: () => commit(s, [
      { op: "insert", list: root, index: n, item: [["id", freshId(f, "khen")], ["kind", "individual"], ["label", L.ws_honour_new]] },
      { op: "put", at: `${root}[${n}].min`, value: 1 },
      { op: "put", at: `${root}[${n}].max`, value: 1 },
    ]) }, L.ws_add_row));
    s.body.append(box_);
  }

  // ---- a document's own signer ----
  async function renderSigner(s, f) {
    const path = s.spec.root;
    const n = f.byPath.get(path);
    if (n && n.kind === "map") {
      s.body.append(node(s, f, path, true));
      const drop = s.spec.empty === "null" ? { op: "put", at: path, value: null } : { op: "remove", at: path };
      s.body.append(mk("button", { type: "button", class: "ws-signer-drop", onclick: () => commit(s, [drop]) }, L.ws_signer_drop));
      return;
    }
    // The default signer, from plan.yaml's top-level `signature:`.
    const PLAN = "data/plan.yaml";
    const pf = s.spec.file === PLAN ? f : files.get(PLAN) || (await load(PLAN));
    const pairs = [];
    if (!pf.error) for (const c of pf.children.get("signature") || []) {
      const v = toJson(pf, c);
      if (v === null || ["string", "number", "boolean"].includes(typeof v)) pairs.push([lastKey(c), v]);
    }
    const who = pairs.filter(([k]) => k === "position" || k === "name").map(([, v]) => v).filter(Boolean).join(", ");
    s.body.append(mk("p", { class: "ws-signer-default" }, W("ws_signer_default", { who: who || "—" })), mk("p", { class: "ws-help" }, tr(SIGN_HELP)));
    s.save.disabled = true;
    s.body.append(mk("button", { type: "button", class: "ws-signer-make", disabled: pairs.length === 0,
      onclick: () => commit(s, [{ op: "put", at: path, value: { map: pairs } }]) }, L.ws_signer_make));
  }

  // A cell of a row with no such key gets the key added, at the end of the row's mapping.
  // "Đúng, giữ giá trị này" on a sample-value warning: `# đã kiểm tra` at the end of the
  // value's line, through the YAML editor; the rebuild takes the warning away.
  async function confirmSample(d, button) {
    button.disabled = true;
    const f = await load(d.file);
    if (f.error) { say(f.error, "error"); button.disabled = false; return; }
    const r = await api("/api/edit", { file: d.file, version: f.version, ops: [{ op: "confirm", at: d.field }] });
    if (r.status === 200) {
      const text = W("ws_saved", { file: r.file, lines: (r.lines || []).join(", ") });
      say(r.backup ? `${text} ${W("ws_backup", { dir: r.backup })}` : text, "ok");
      await reloadFile(d.file);
    } else {
      say(r.error || String(r.status), "error");
      button.disabled = false;
    }
  }

  window.vinhdanhWorkspace = { sections, files, load, api, render, toJson, confirmSample };
  // The problems drawn before the workspace was ready get their buttons.
  if (typeof lastVersion !== "undefined") { lastVersion = -1; refresh(); }
})();
