// "Dán từ Word": the text of a Word draft of the plan, pasted, turned into the blocks of
// plan.yaml's body (the same shapes the sample writes):
//   I. / II. …            → {section: title, body: […]}        (the number is printed by itself)
//   1. / 2. … with lines under it → {heading: title, body: […]}
//   1. / 2. … one after another  → {numbered: [texts]}
//   1.1. / 3.2. …         → {subheading: text}
//   - / + / * / • …        → {list: [texts]}                   (consecutive items)
//   anything else          → {p: text}
// Italic and bold pasted as HTML are kept as *italic* and **bold**. The letterhead before the
// title (and the summary line after it) and everything from the closing paragraph or the
// recipients on are not the body (those words: `msg::paste_markers`). A section or heading whose counterpart in the current body
// is made from other data (the composition, the agenda, the duties) keeps that part as it is.
"use strict";

const PASTE = (() => {
  const norm = (s) => s.normalize("NFC").replace(/\s+/g, " ").trim();
  const key = (s) => norm(s).replace(/[:.]$/, "").toLocaleLowerCase("vi");

  // The lines of pasted HTML, inline italic and bold as markers.
  function htmlToText(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const lines = [];
    const BLOCK = /^(P|DIV|LI|H[1-6]|TR|BR|TABLE|UL|OL|SECTION|ARTICLE|BLOCKQUOTE)$/;
    let line = "";
    const flush = () => { if (line.trim()) lines.push(line.replace(/\u00a0/g, " ").trim()); line = ""; };
    function walk(n, bold, italic) {
      if (n.nodeType === 3) {
        const t = n.nodeValue.replace(/\s+/g, " ");
        if (!t.trim()) { line += t; return; }
        const lead = t.match(/^\s*/)[0], trail = t.match(/\s*$/)[0];
        let core = t.trim();
        if (italic) core = `*${core}*`;
        if (bold) core = `**${core}**`;
        line += lead + core + trail;
        return;
      }
      if (n.nodeType !== 1) return;
      const tag = n.tagName;
      if (tag === "STYLE" || tag === "SCRIPT" || tag === "HEAD") return;
      const st = n.getAttribute("style") || "";
      const b = bold || tag === "B" || tag === "STRONG" || /font-weight:\s*(bold|[6-9]00)/i.test(st);
      const i = italic || tag === "I" || tag === "EM" || /font-style:\s*italic/i.test(st);
      const block = BLOCK.test(tag);
      if (block) flush();
      for (const c of n.childNodes) walk(c, b, i);
      if (block) flush();
    }
    walk(doc.body, false, false);
    flush();
    // Markers side by side (**a** **b**) merge.
    return lines.map((l) => l.replace(/\*\* \*\*/g, " ").replace(/(?<!\*)\* \*(?!\*)/g, " ")).join("\n");
  }

  // The body's lines: the letterhead and the end left out.
  function bodyLines(text) {
    let lines = text.split(/\r?\n/).map(norm).filter((l) => l !== "");
    const title = lines.findIndex((l) => l.replace(/\*/g, "") === L.paste_title);
    if (title >= 0) lines = lines.slice(title + 2);
    const ends = new RegExp(`^(\\*\\*)?(${L.paste_end})`);
    const end = lines.findIndex((l) => ends.test(l));
    if (end >= 0) lines = lines.slice(0, end);
    return lines;
  }

  const SECTION = /^([IVXLC]+)\.\s+(.+)$/;
  const SUB = /^\d+\.\d+\.?\s+(.+)$/;
  const NUM = /^\d+\.\s+(.+)$/;
  const ITEM = /^[-–+*•]\s*(.+)$/;

  // Lines → blocks.
  function parse(text) {
    const lines = bodyLines(text).map((l) => ({ raw: l, ...classify(l) }));
    const top = [];
    let i = 0;
    while (i < lines.length) {
      const l = lines[i];
      if (l.kind === "section") {
        let j = i + 1;
        while (j < lines.length && lines[j].kind !== "section") j++;
        top.push(withBody({ section: l.text }, inner(lines.slice(i + 1, j))));
        i = j;
      } else {
        let j = i;
        while (j < lines.length && lines[j].kind !== "section") j++;
        top.push(...flat(lines.slice(i, j)));
        i = j;
      }
    }
    return top;
  }

  function classify(l) {
    let m;
    if ((m = l.match(SECTION))) return { kind: "section", text: m[2] };
    if ((m = l.match(SUB))) return { kind: "sub", text: l };
    if ((m = l.match(NUM))) return { kind: "num", text: m[1] };
    if ((m = l.match(ITEM))) return { kind: "item", text: m[1] };
    return { kind: "p", text: l };
  }

  // A block with its children; none, no `body` (the data writes no empty list).
  function withBody(block, body) {
    return body.length ? Object.assign(block, { body }) : block;
  }

  // A section's lines: "1." lines with lines under them are headings; runs of "1." lines with
  // nothing between are a numbered list. A "1." line with nothing under it is a heading too
  // when the numbering says so: the heading after it is numbered one more (its next sibling),
  // or it ends the section numbered one more than the heading before it; else the plan would
  // print it as a list and number the headings after it from 1 again.
  function inner(lines) {
    const n = (l) => parseInt(l.raw, 10);
    const heading = lines.map((l, i) => l.kind === "num" && !!lines[i + 1] && lines[i + 1].kind !== "num");
    for (let i = lines.length - 2; i >= 0; i--) {
      if (lines[i].kind === "num" && !heading[i] && heading[i + 1] && n(lines[i + 1]) === n(lines[i]) + 1) heading[i] = true;
    }
    const last = lines.length - 1;
    if (last > 0 && lines[last].kind === "num" && lines[last - 1].kind !== "num") {
      const prev = heading.lastIndexOf(true);
      if (prev >= 0 && n(lines[prev]) + 1 === n(lines[last])) heading[last] = true;
    }
    const out = [];
    let i = 0;
    while (i < lines.length) {
      const l = lines[i];
      if (l.kind !== "num") {
        let j = i;
        while (j < lines.length && lines[j].kind !== "num") j++;
        out.push(...flat(lines.slice(i, j)));
        i = j;
        continue;
      }
      if (!heading[i]) {
        const items = [];
        while (i < lines.length && lines[i].kind === "num" && !heading[i]) {
          items.push(lines[i].text);
          i++;
        }
        out.push({ numbered: items });
        continue;
      }
      let j = i + 1;
      while (j < lines.length && lines[j].kind !== "num") j++;
      out.push(withBody({ heading: l.text }, flat(lines.slice(i + 1, j))));
      i = j;
    }
    return out;
  }

  // Paragraphs, subheadings and lists.
  function flat(lines) {
    const out = [];
    for (const l of lines) {
      if (l.kind === "item") {
        const last = out[out.length - 1];
        if (last && last.list) last.list.push(l.text);
        else out.push({ list: [l.text] });
      } else if (l.kind === "sub") out.push({ subheading: l.text });
      else out.push({ p: l.kind === "num" ? l.raw : l.text });
    }
    return out;
  }

  const GENERATED = ["composition", "agenda", "responsibilities"];
  const generated = (body) => Array.isArray(body) && body.some((b) => b && GENERATED.some((g) => g in b));

  // Keeps, under a section or heading of the same title, what the current body makes from
  // other data; marks those blocks `kept` for the preview (the mark is not saved).
  function merge(pasted, current) {
    const cur = Array.isArray(current) ? current : [];
    return pasted.map((b) => {
      const kind = "section" in b ? "section" : "heading" in b ? "heading" : null;
      if (!kind) return b;
      const twin = cur.find((c) => c && kind in c && key(c[kind]) === key(b[kind]));
      if (!twin) return b;
      if (generated(twin.body)) return Object.assign({}, b, { body: twin.body, kept: true });
      return Object.assign({}, b, { body: merge(b.body, twin.body) });
    });
  }

  function strip(blocks) {
    return blocks.map((b) => {
      const o = {};
      for (const [k, v] of Object.entries(b)) {
        if (k === "kept") continue;
        o[k] = k === "body" ? strip(v) : v;
      }
      return o;
    });
  }

  const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

  // The blocks as the plan will print them: sections and headings numbered.
  function preview(blocks, labels) {
    const root = document.createElement("div");
    root.className = "paste-tree";
    let s = 0;
    const add = (parent, cls, text) => {
      const d = document.createElement("div");
      d.className = cls;
      d.textContent = text;
      parent.append(d);
      return d;
    };
    function body(parent, list, depth) {
      let h = 0;
      for (const b of list) {
        if ("section" in b) {
          const d = add(parent, "pt-section", `${ROMAN[s++] || "?"}. ${b.section}`);
          const c = add(parent, "pt-children", "");
          if (b.kept) add(d, "pt-kept", labels.kept);
          body(c, b.body || [], depth + 1);
        } else if ("heading" in b) {
          h++;
          const d = add(parent, "pt-heading", `${h}. ${b.heading}`);
          const c = add(parent, "pt-children", "");
          if (b.kept) add(d, "pt-kept", labels.kept);
          body(c, b.body || [], depth + 1);
        } else if ("numbered" in b) {
          b.numbered.forEach((t, i) => add(parent, "pt-numbered", `${i + 1}. ${t}`));
        } else if ("list" in b) {
          for (const t of b.list) add(parent, "pt-item", `- ${t}`);
        } else if ("subheading" in b) add(parent, "pt-sub", b.subheading);
        else if ("p" in b) add(parent, "pt-p", b.p);
        else add(parent, "pt-generated", `[${Object.keys(b)[0]}] ${labels.generated}`);
      }
    }
    body(root, blocks, 0);
    return root;
  }

  return { htmlToText, parse, merge, strip, preview };
})();
