// The live page: fetches /api/state when the event stream says it changed, and updates the
// cards in place. Image URLs carry the page's content hash, so an image element is touched
// only when its page changed; unchanged pages are never fetched again.
"use strict";

// The labels in the language vinhdanh was started with (`--lang`), from the page itself.
const L = JSON.parse(document.getElementById("labels").textContent);
// A label with its {placeholders} filled in.
function t(key, args) {
  return L[key].replace(/\{(\w+)\}/g, (m, k) => (args && k in args ? String(args[k]) : m));
}

const cards = new Map();
let lastVersion = -1;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// Folding for search: case and diacritics, đ as d.
function fold(s) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

const STATE_TEXT = {
  ok: L.state_ok, rebuilding: L.state_rebuilding, pending: L.state_pending, failed: L.state_failed,
  draft: L.state_draft, stale: L.state_stale,
};

// Keeps the <img> elements of `box` in step with `urls`: only changed ones get a new src.
function syncImages(box, urls, alt) {
  const imgs = box.querySelectorAll("img");
  urls.forEach((url, i) => {
    let img = imgs[i];
    if (!img) {
      img = el("img", { loading: "lazy", alt: t("page_alt", { doc: alt, n: i + 1 }), width: 226, height: 320 });
      box.append(img);
    }
    if (img.getAttribute("src") !== url) img.setAttribute("src", url);
  });
  for (let i = urls.length; i < imgs.length; i++) imgs[i].remove();
}

function diagItem(d) {
  const li = el("li", { "data-file": d.file || "", "data-line": d.line || "", "data-code": d.code || "", "data-field": d.field || "" });
  if (d.where) li.append(el("span", { class: "where" }, d.where), ": ");
  li.append(d.message);
  if (d.field) li.append(" " + t("field", { field: d.field }));
  if (d.record) li.append(` [${d.record}]`);
  if (d.excerpt) li.append(el("code", { class: "excerpt" }, `${d.line} | ${d.excerpt}`));
  if (d.hint) li.append(el("div", { class: "hint" }, t("hint", { hint: d.hint })));
  // A value flagged as the sample's that is right as it is: confirmed from the page (the
  // workspace writes `# đã kiểm tra` on its line), where the page may write.
  if (d.code === "sample-value" && d.field && /\.ya?ml$/.test(d.file || "") && window.vinhdanhWorkspace) {
    const b = el("button", { type: "button", class: "confirm-sample" }, L.ws_confirm_sample);
    b.addEventListener("click", () => window.vinhdanhWorkspace.confirmSample(d, b));
    li.append(" ", b);
  }
  return li;
}

function makeCard(doc) {
  const c = {
    root: el("article", { class: "card", id: `doc-${doc.name}`, "data-name": doc.name }),
    title: el("h2", {}, doc.title),
    meta: el("span", { class: "meta" }),
    badge: el("span", { class: "badge" }),
    links: el("div", { class: "links" }),
    errors: el("ul", { class: "errors" }),
    pages: el("div", { class: "pages" }),
    search: null,
    found: null,
    doc,
  };
  c.root.append(c.title, c.meta, c.badge, c.links, c.errors);
  if (doc.records.length > 0) {
    const input = el("input", { type: "search", placeholder: L.search_placeholder, "aria-label": L.search_label });
    c.search = input;
    c.found = el("div", { class: "found" });
    c.foundPages = el("div", { class: "pages found-pages" });
    input.addEventListener("input", () => renderFound(c));
    c.root.append(el("div", { class: "search" }, L.search, input), c.found, c.foundPages);
  }
  c.root.append(c.pages);
  return c;
}

// The record whose label matches the search: its own pages and PDF.
function renderFound(c) {
  const q = fold(c.search ? c.search.value.trim() : "");
  c.found.replaceChildren();
  if (!q) { syncImages(c.foundPages, [], ""); return; }
  const hits = c.doc.records.filter((r) => fold(r.label).includes(q));
  if (hits.length === 0) { c.found.append(L.not_found); syncImages(c.foundPages, [], ""); return; }
  const r = hits[0];
  c.found.append(t("results", { n: hits.length }), r.label, " ");
  if (r.url) c.found.append(el("a", { href: r.url, target: "_blank" }, L.open_pdf));
  syncImages(c.foundPages, c.doc.images.slice(r.first - 1, r.last), r.label);
}

function updateCard(c, doc) {
  c.doc = doc;
  // A document writing two files (the booklet and its print copy) says which one is shown.
  c.meta.textContent = doc.outputs.length > 1 && doc.shown
    ? t("pages_of", { n: doc.pages, name: doc.shown })
    : t("pages", { n: doc.pages });
  c.badge.textContent = STATE_TEXT[doc.state] || doc.state;
  c.badge.className = `badge state-${doc.state}`;
  c.root.dataset.state = doc.state;
  const linkKey = doc.outputs.map((o) => o.url).join("|");
  if (c.links.dataset.key !== linkKey) {
    c.links.dataset.key = linkKey;
    c.links.replaceChildren(...doc.outputs.map((o) => el("a", { href: o.url, target: "_blank" }, o.name)));
    if (doc.records.length > 0) c.links.append(t("records_in", { n: doc.records.length, dir: doc.name }));
  }
  c.errors.replaceChildren(...doc.errors.map(diagItem));
  syncImages(c.pages, doc.images, doc.title);
  if (c.search) renderFound(c);
}

function render(state) {
  const main = document.getElementById("docs");
  const names = new Set(state.docs.map((d) => d.name));
  for (const [name, c] of cards) {
    if (!names.has(name)) { c.root.remove(); cards.delete(name); }
  }
  state.docs.forEach((doc, i) => {
    let c = cards.get(doc.name);
    if (!c) { c = makeCard(doc); cards.set(doc.name, c); }
    if (main.children[i] !== c.root) main.insertBefore(c.root, main.children[i] || null);
    updateCard(c, doc);
  });
  // Every state said is true: a draft, an earlier build, or nothing built yet.
  const built = state.docs.some((d) => d.pages > 0);
  const banner = document.getElementById("banner");
  if (state.blocked) banner.textContent = built ? L.banner : L.banner_nothing;
  else if (state.draft > 0) banner.textContent = t("banner_draft", { n: state.draft });
  banner.hidden = !(state.blocked || state.draft > 0);
  banner.dataset.kind = state.blocked ? "blocked" : state.draft > 0 ? "draft" : "";
  document.getElementById("errors").replaceChildren(...state.errors.map(diagItem));
  document.getElementById("warnings").replaceChildren(...state.warnings.map(diagItem));
  document.getElementById("error-count").textContent = state.errors.length;
  document.getElementById("warning-count").textContent = state.warnings.length;
  document.getElementById("errors-box").hidden = state.errors.length === 0;
  document.getElementById("warnings-box").hidden = state.warnings.length === 0;
  document.getElementById("no-problems").hidden = state.errors.length + state.warnings.length > 0;
  const busy = !state.finished || state.docs.some((d) => d.state === "rebuilding" || d.state === "pending");
  document.getElementById("status").textContent = busy
    ? (built ? L.rebuilding : L.first_build)
    : t("status", { n: state.docs.length, ms: state.elapsed_ms });
  renderChecklist(state);
  document.body.dataset.version = state.version;
  document.body.dataset.busy = busy ? "1" : "0";
}

// The checklist at the top: each part of the conference with its state, taken from the
// problems located in its data files (the sample values left among them) and from the cards.
const CHECKS = [
  { key: "check_plan", files: ["data/plan.yaml"] },
  { key: "check_delegates", files: ["data/delegates."], people: "giay-moi/" },
  { key: "check_honorees", files: ["data/honorees."], people: "giay-khen/" },
  { key: "check_agenda", files: ["data/agenda.yaml", "data/responsibilities.yaml"] },
  { key: "check_decision", files: ["data/decision.yaml"], doc: "quyet-dinh-khen-thuong.pdf" },
];
function renderChecklist(state) {
  const nav = document.getElementById("checklist");
  const all = state.errors.concat(state.warnings);
  const about = (files) => all.filter((d) => d.file && files.some((f) => d.file.startsWith(f)));
  const items = CHECKS.map((c) => {
    const found = about(c.files);
    const errors = found.filter((d) => d.severity === "error").length;
    const samples = found.filter((d) => d.code === "sample-value").length;
    const warnings = found.length - errors;
    const card = state.docs.find((d) => d.name === (c.people || c.doc));
    const missing = (c.people || c.doc) && state.finished && !card;
    const parts = [];
    if (c.people && card) parts.push(t("check_people", { n: card.records.length }));
    if (missing) parts.push(L.check_missing);
    if (errors) parts.push(t("check_errors", { n: errors }));
    if (samples) parts.push(t("check_samples", { n: samples }));
    if (warnings - samples > 0) parts.push(t("check_warnings", { n: warnings - samples }));
    if (!errors && !warnings && !missing) parts.push(L.check_ok);
    const s = errors ? "error" : missing ? "missing" : warnings ? "warn" : "ok";
    const first = found[0];
    return { key: c.key, text: `${L[c.key]}: ${parts.join(" · ")}`, state: s, first };
  });
  const busy = !state.finished || state.docs.some((d) => d.state === "rebuilding" || d.state === "pending");
  const failed = state.docs.some((d) => d.state === "failed");
  const printed = state.docs.length > 0 && state.docs.every((d) => d.state === "ok");
  items.push({
    key: "check_print",
    text: `${L.check_print}: ${busy ? L.check_busy : printed ? L.check_printed : L.check_not_printed}`,
    state: busy ? "warn" : printed ? "ok" : failed || state.draft > 0 || state.blocked ? "error" : "warn",
  });
  nav.replaceChildren(...items.map((i) => {
    const b = el("span", { class: "item", "data-key": i.key, "data-state": i.state, role: "button", tabindex: "0" }, i.text);
    if (i.first) {
      b.addEventListener("click", () => {
        const li = [...document.querySelectorAll("#problems li")].find((x) => x.dataset.file === i.first.file && x.dataset.line === String(i.first.line || ""));
        if (li) li.scrollIntoView({ block: "center" });
      });
    }
    return b;
  }));
}

let fetching = false;
let again = false;
async function refresh() {
  if (fetching) { again = true; return; }
  fetching = true;
  try {
    do {
      again = false;
      const r = await fetch("/api/state", { cache: "no-store" });
      const state = await r.json();
      if (state.version !== lastVersion) { lastVersion = state.version; render(state); }
    } while (again);
  } catch (e) {
    document.getElementById("status").textContent = L.disconnected;
  } finally {
    fetching = false;
  }
}

const events = new EventSource("/events");
events.addEventListener("state", refresh);
refresh();
