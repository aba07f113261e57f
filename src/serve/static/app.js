// The live page: fetches /api/state when the event stream says it changed, and updates the
// cards in place. Image URLs carry the page's content hash, so an image element is touched
// only when its page changed; unchanged pages are never fetched again.
"use strict";

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

const STATE_TEXT = { ok: "đã cập nhật", rebuilding: "đang dựng lại", pending: "đang dựng", failed: "lỗi" };

// Keeps the <img> elements of `box` in step with `urls`: only changed ones get a new src.
function syncImages(box, urls, alt) {
  const imgs = box.querySelectorAll("img");
  urls.forEach((url, i) => {
    let img = imgs[i];
    if (!img) {
      img = el("img", { loading: "lazy", alt: `${alt} – trang ${i + 1}`, width: 226, height: 320 });
      box.append(img);
    }
    if (img.getAttribute("src") !== url) img.setAttribute("src", url);
  });
  for (let i = urls.length; i < imgs.length; i++) imgs[i].remove();
}

function diagItem(d) {
  const li = el("li", { "data-file": d.file || "", "data-line": d.line || "" });
  if (d.where) li.append(el("span", { class: "where" }, d.where), ": ");
  li.append(d.message);
  if (d.field) li.append(` [trường ${d.field}]`);
  if (d.record) li.append(` [${d.record}]`);
  if (d.excerpt) li.append(el("code", { class: "excerpt" }, `${d.line} | ${d.excerpt}`));
  if (d.hint) li.append(el("div", { class: "hint" }, `gợi ý: ${d.hint}`));
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
    const input = el("input", { type: "search", placeholder: "Gõ tên để tìm…", "aria-label": "Tìm theo tên" });
    c.search = input;
    c.found = el("div", { class: "found" });
    c.foundPages = el("div", { class: "pages found-pages" });
    input.addEventListener("input", () => renderFound(c));
    c.root.append(el("div", { class: "search" }, "Tìm người: ", input), c.found, c.foundPages);
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
  if (hits.length === 0) { c.found.append("Không tìm thấy."); syncImages(c.foundPages, [], ""); return; }
  const r = hits[0];
  c.found.append(`${hits.length} kết quả. `, r.label, " ");
  if (r.url) c.found.append(el("a", { href: r.url, target: "_blank" }, "mở PDF"));
  syncImages(c.foundPages, c.doc.images.slice(r.first - 1, r.last), r.label);
}

function updateCard(c, doc) {
  c.doc = doc;
  c.meta.textContent = `${doc.pages} trang`;
  c.badge.textContent = STATE_TEXT[doc.state] || doc.state;
  c.badge.className = `badge state-${doc.state}`;
  c.root.dataset.state = doc.state;
  const linkKey = doc.outputs.map((o) => o.url).join("|");
  if (c.links.dataset.key !== linkKey) {
    c.links.dataset.key = linkKey;
    c.links.replaceChildren(...doc.outputs.map((o) => el("a", { href: o.url, target: "_blank" }, o.name)));
    if (doc.records.length > 0) c.links.append(`${doc.records.length} bản riêng trong thư mục ${doc.name}`);
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
  document.getElementById("banner").hidden = !state.blocked;
  document.getElementById("errors").replaceChildren(...state.errors.map(diagItem));
  document.getElementById("warnings").replaceChildren(...state.warnings.map(diagItem));
  document.getElementById("error-count").textContent = state.errors.length;
  document.getElementById("warning-count").textContent = state.warnings.length;
  document.getElementById("errors-box").hidden = state.errors.length === 0;
  document.getElementById("warnings-box").hidden = state.warnings.length === 0;
  document.getElementById("no-problems").hidden = state.errors.length + state.warnings.length > 0;
  const busy = state.docs.some((d) => d.state === "rebuilding" || d.state === "pending");
  document.getElementById("status").textContent = busy
    ? "Đang dựng lại…"
    : `${state.docs.length} văn bản · lần dựng gần nhất ${state.elapsed_ms} ms · tự cập nhật khi lưu tệp trong data/, templates/, fonts/, assets/`;
  document.body.dataset.version = state.version;
  document.body.dataset.busy = busy ? "1" : "0";
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
    document.getElementById("status").textContent = "Mất kết nối với vinhdanh serve; đang thử lại…";
  } finally {
    fetching = false;
  }
}

const events = new EventSource("/events");
events.addEventListener("state", refresh);
refresh();
