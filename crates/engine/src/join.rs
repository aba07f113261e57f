//! One PDF from the PDFs of its parts (a batch's chunks, a long list's parts), object by object:
//! no page is laid out or exported twice.
//!
//! The file is written as the parts are read: each part's objects are renumbered into it and
//! dropped before the next part is read, so memory holds one part's objects besides the bytes
//! written. Reading every part into one document first held all of them at once: the join of
//! 10,000 certificates was the build's peak, 120 MB over the rest (docs/speed.md, session 6).
//! A batch's parts wait on disk and the joined file is written to disk as it is made
//! ([`join_files`]): 10,000 invitations' parts and print file held 50 MB each (session 12).
//!
//! typst-pdf writes a resource dictionary for every page even where a part's pages use the same
//! fonts and patterns: a part's identical dictionaries are written once and shared, 10 % of a
//! certificate print page (docs/speed.md, session 7).

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::io::Write;
use std::path::Path;

use lopdf::{Dictionary, Document, Object, ObjectId, Writer};

use crate::diag::Diagnostic;
use crate::write;

/// Catalogue entries of the first part that do not stand for the whole: the pages (rebuilt), and
/// the page labels and outline of that part alone.
const PART_ONLY: [&[u8]; 3] = [b"Pages", b"PageLabels", b"Outlines"];

/// The parts' pages in order, under the first part's catalogue entries (its language, viewer
/// preferences, metadata), information dictionary and document id; each part's pages keep the
/// fonts and resources they were exported with. Like the records' files, the result has no page
/// labels or outline of its own.
pub(crate) fn join(parts: Vec<Vec<u8>>) -> Result<Vec<u8>, Diagnostic> {
    if parts.len() == 1 {
        return Ok(parts.into_iter().next().unwrap_or_default());
    }
    let mut out = Counted::new(Vec::new());
    join_parts(parts.into_iter().map(Ok), &mut out)
        .map_err(|e| Diagnostic::error(crate::msg::join_failed(&e)))?;
    Ok(out.inner)
}

/// [`join`] of parts spilled to temporary files ([`write::spill`]), into `path` through a
/// temporary file of its own (staged, for [`write::commit`]): neither the parts nor the joined
/// file are held in memory, only one part's objects at a time. Each part's file is removed once
/// read. A single part is the file itself.
pub(crate) fn join_files(
    parts: Vec<tempfile::NamedTempFile>,
    path: &Path,
) -> Result<write::Staged, Diagnostic> {
    let err = |source| {
        Diagnostic::from(write::WriteError {
            path: path.to_path_buf(),
            source,
        })
    };
    if parts.len() == 1 {
        let part = parts.into_iter().next().expect("one part");
        return write::stage_file(path, part).map_err(Diagnostic::from);
    }
    let mut tmp = write::temporary(path)?;
    let mut out = Counted::new(std::io::BufWriter::with_capacity(
        1 << 16,
        tmp.as_file_mut(),
    ));
    let read = parts.into_iter().map(|part| {
        let bytes = std::fs::read(part.path())?;
        drop(part);
        Ok(bytes)
    });
    let joined = join_parts(read, &mut out);
    // A failure to write (a full disk) is the output's, not the join's.
    if let Some(e) = out.failed.take() {
        return Err(err(e));
    }
    joined.map_err(|e| Diagnostic::error(crate::msg::join_failed(&e)))?;
    out.inner.flush().map_err(err)?;
    drop(out);
    write::stage_file(path, tmp).map_err(Diagnostic::from)
}

/// The catalogue and the page tree are numbered first and written last, when the pages are known.
const CATALOG: u32 = 1;
const PAGES: u32 = 2;

fn join_parts<W: Write>(
    parts: impl Iterator<Item = std::io::Result<Vec<u8>>>,
    out: &mut Counted<W>,
) -> lopdf::Result<()> {
    let mut file = File {
        out,
        offsets: vec![0; PAGES as usize],
    };
    let mut kids: Vec<Object> = Vec::new();
    let mut catalog = Dictionary::new();
    let mut trailer = Dictionary::new();
    for (k, bytes) in parts.enumerate() {
        let bytes = bytes?;
        let doc = Document::load_mem(&bytes)?;
        drop(bytes);
        if k == 0 {
            write!(file.out, "%PDF-{}\n%\u{00e2}\u{00e3}\n", doc.version)?;
        }
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let mut copy = Copy {
            map: HashMap::new(),
            queue: VecDeque::new(),
            next: file.offsets.len() as u32 + 1,
            same: same_resources(&doc, &pages)?,
        };
        kids.extend(pages.iter().map(|&p| Object::Reference(copy.id(p))));
        let pages: HashSet<ObjectId> = pages.into_iter().collect();
        if k == 0 {
            for (key, v) in doc.catalog()?.iter() {
                if !PART_ONLY.contains(&key.as_slice()) {
                    catalog.set(key.clone(), copy.remap(v.clone()));
                }
            }
            for key in [b"Info".as_slice(), b"ID"] {
                if let Ok(v) = doc.trailer.get(key) {
                    trailer.set(key.to_vec(), copy.remap(v.clone()));
                }
            }
        }
        while let Some(old) = copy.queue.pop_front() {
            let mut obj = doc.get_object(old)?.clone();
            let page = pages.contains(&old);
            if page && let Ok(d) = obj.as_dict_mut() {
                // The part's own page tree is not copied: the page hangs from the joined one.
                d.remove(b"Parent");
            }
            let mut obj = copy.remap(obj);
            if page && let Ok(d) = obj.as_dict_mut() {
                d.set("Parent", (PAGES, 0));
            }
            file.object(copy.map[&old], &obj)?;
        }
    }
    let count = kids.len() as i64;
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", count);
    tree.set("Kids", kids);
    file.object(PAGES, &Object::Dictionary(tree))?;
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", (PAGES, 0));
    file.object(CATALOG, &Object::Dictionary(catalog))?;
    file.finish(trailer)
}

/// A writer that counts what it wrote (the offsets of the cross-reference table) and keeps its
/// first error, to tell a failed write from a part that cannot be read.
struct Counted<W> {
    inner: W,
    at: usize,
    failed: Option<std::io::Error>,
}

impl<W> Counted<W> {
    fn new(inner: W) -> Self {
        Counted {
            inner,
            at: 0,
            failed: None,
        }
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.inner.write(buf) {
            Ok(n) => {
                self.at += n;
                Ok(n)
            }
            Err(e) => {
                let again = std::io::Error::new(e.kind(), e.to_string());
                self.failed.get_or_insert(e);
                Err(again)
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The file being written, and where each object (numbered from 1) begins.
struct File<'a, W> {
    out: &'a mut Counted<W>,
    offsets: Vec<usize>,
}

impl<W: Write> File<'_, W> {
    fn object(&mut self, id: u32, obj: &Object) -> lopdf::Result<()> {
        let i = id as usize - 1;
        if self.offsets.len() <= i {
            self.offsets.resize(i + 1, 0);
        }
        self.offsets[i] = self.out.at;
        let space = |yes: bool| if yes { " " } else { "" };
        write!(
            self.out,
            "{id} 0 obj\n{}",
            space(Writer::need_separator(obj))
        )?;
        Writer::write_object(self.out, obj)?;
        writeln!(
            self.out,
            "{}\nendobj",
            space(Writer::need_end_separator(obj))
        )?;
        Ok(())
    }

    fn finish(self, mut trailer: Dictionary) -> lopdf::Result<()> {
        let start = self.out.at;
        let size = self.offsets.len() + 1;
        write!(self.out, "xref\n0 {size}\n0000000000 65535 f \n")?;
        for &at in &self.offsets {
            writeln!(self.out, "{at:010} 00000 n ")?;
        }
        trailer.set("Size", size as i64);
        trailer.set("Root", (CATALOG, 0));
        self.out.write_all(b"trailer\n")?;
        Writer::write_object(self.out, &Object::Dictionary(trailer))?;
        write!(self.out, "\nstartxref\n{start}\n%%EOF")?;
        Ok(())
    }
}

/// For each resource dictionary of a part's `pages` that repeats an earlier one byte for byte
/// (references included, so it means the same), that earlier one. Only resources: a page may
/// share them, while an annotation, say, belongs to one page even where two are alike.
fn same_resources(
    doc: &Document,
    pages: &[ObjectId],
) -> lopdf::Result<HashMap<ObjectId, ObjectId>> {
    let resources: BTreeSet<ObjectId> = pages
        .iter()
        .filter_map(|&p| {
            doc.get_dictionary(p)
                .ok()?
                .get(b"Resources")
                .ok()?
                .as_reference()
                .ok()
        })
        .collect();
    let mut first: HashMap<Vec<u8>, ObjectId> = HashMap::new();
    let mut same = HashMap::new();
    for id in resources {
        let Ok(obj @ Object::Dictionary(_)) = doc.get_object(id) else {
            continue;
        };
        let mut bytes = Vec::new();
        Writer::write_object(&mut bytes, obj)?;
        match first.entry(bytes) {
            std::collections::hash_map::Entry::Occupied(e) => {
                same.insert(id, *e.get());
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
        }
    }
    Ok(same)
}

/// Numbers a part's objects into the file in the order they are reached.
struct Copy {
    map: HashMap<ObjectId, u32>,
    queue: VecDeque<ObjectId>,
    next: u32,
    /// A repeated dictionary and the one written in its place.
    same: HashMap<ObjectId, ObjectId>,
}

impl Copy {
    fn id(&mut self, old: ObjectId) -> ObjectId {
        let old = self.same.get(&old).copied().unwrap_or(old);
        if let Some(&new) = self.map.get(&old) {
            return (new, 0);
        }
        let new = self.next;
        self.next += 1;
        self.map.insert(old, new);
        self.queue.push_back(old);
        (new, 0)
    }

    fn remap(&mut self, obj: Object) -> Object {
        match obj {
            Object::Reference(r) => Object::Reference(self.id(r)),
            Object::Array(items) => {
                Object::Array(items.into_iter().map(|o| self.remap(o)).collect())
            }
            Object::Dictionary(d) => Object::Dictionary(self.remap_dict(d)),
            Object::Stream(mut s) => {
                s.dict = self.remap_dict(s.dict);
                Object::Stream(s)
            }
            other => other,
        }
    }

    fn remap_dict(&mut self, d: Dictionary) -> Dictionary {
        d.into_iter().map(|(k, v)| (k, self.remap(v))).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::fonts::Fonts;
    use crate::project::Project;
    use crate::{Engine, JobOutcome, Options, compile};

    fn pdf(engine: &Engine, src: &str, ident: &str) -> Vec<u8> {
        let today = NaiveDate::from_ymd_opt(2025, 8, 22).unwrap();
        let mut out = JobOutcome::default();
        let doc = engine
            .compile_source(src.to_string(), "t.typ.j2", today, &[], None, &mut out)
            .unwrap();
        compile::pdf(&doc, ident, None, false).unwrap()
    }

    fn text(pdf: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("j.pdf");
        std::fs::write(&f, pdf).unwrap();
        let o = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&f)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils)");
        String::from_utf8(o.stdout).unwrap()
    }

    /// Parts spilled to disk join into the very bytes of the join in memory, written beside the
    /// print file and renamed into place; the parts' files are gone, and no temporary file is
    /// left. Joined again onto the same bytes, the file is left as it was.
    #[test]
    fn parts_on_disk_join_into_the_same_file() {
        let project = Project::embedded();
        let fonts = Fonts::load(&project);
        let engine = Engine::new(&project, &fonts, Options::default());
        let head = "#set text(font: \"Tinos\")\n";
        let parts: Vec<Vec<u8>> = ["Một\n#pagebreak()\nHai", "#strong[Ba]", "#emph[Bốn]"]
            .iter()
            .enumerate()
            .map(|(k, body)| pdf(&engine, &format!("{head}{body}"), &k.to_string()))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("giay-moi.pdf");
        let on_disk = |parts: &[Vec<u8>]| {
            let spilled: Vec<_> = parts
                .iter()
                .map(|p| write::spill(&path, p).unwrap())
                .collect();
            let staged = join_files(spilled, &path).unwrap();
            write::commit(vec![staged]).pop().unwrap().unwrap();
            std::fs::read_dir(dir.path()).unwrap().count()
        };
        assert_eq!(on_disk(&parts), 1, "the print file alone");
        assert_eq!(std::fs::read(&path).unwrap(), join(parts.clone()).unwrap());
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(on_disk(&parts), 1);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified,
            "not replaced"
        );
        // One part is the print file as it is.
        assert_eq!(on_disk(&parts[1..2]), 1);
        assert_eq!(std::fs::read(&path).unwrap(), parts[1]);
    }

    /// Three parts of 2, 1 and 2 pages in fonts of their own: one file of their five pages in
    /// order, which a strict reader loads (its cross-reference table is right), holding no
    /// part's own catalogue or page tree, and the first part's title and document id. The two
    /// pages of a part in one font share its resources; pages of other parts do not.
    #[test]
    fn parts_join_into_one_file_of_their_pages_in_order() {
        let project = Project::embedded();
        let fonts = Fonts::load(&project);
        let engine = Engine::new(&project, &fonts, Options::default());
        let head = "#set document(title: \"Giấy mời\")\n#set text(font: \"Tinos\")\n";
        let parts = vec![
            pdf(&engine, &format!("{head}Một\n#pagebreak()\nHai"), "a"),
            pdf(&engine, &format!("{head}#strong[Ba]"), "b"),
            pdf(
                &engine,
                &format!("{head}#emph[Bốn]\n#pagebreak()\nNăm"),
                "c",
            ),
        ];
        let first_id = Document::load_mem(&parts[0])
            .unwrap()
            .trailer
            .get(b"ID")
            .unwrap()
            .clone();
        let joined = join(parts).unwrap();
        let doc = Document::load_mem(&joined).unwrap();
        assert_eq!(doc.get_pages().len(), 5);
        let words: Vec<String> = text(&joined)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        assert_eq!(words, ["Một", "Hai", "Ba", "Bốn", "Năm"]);
        let count = |ty: &[u8]| {
            doc.objects
                .values()
                .filter(|o| {
                    o.as_dict()
                        .is_ok_and(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(ty))
                })
                .count()
        };
        let resources: Vec<ObjectId> = doc
            .get_pages()
            .values()
            .map(|&p| {
                let page = doc.get_dictionary(p).unwrap();
                page.get(b"Resources").unwrap().as_reference().unwrap()
            })
            .collect();
        assert_eq!(resources[0], resources[1], "one part, one font");
        assert_ne!(resources[1], resources[2]);
        assert_ne!(resources[2], resources[3]);
        assert_eq!(count(b"Catalog"), 1);
        assert_eq!(count(b"Pages"), 1);
        assert_eq!(doc.trailer.get(b"ID").unwrap(), &first_id);
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
        assert_eq!(lopdf::decode_text_string(title).unwrap(), "Giấy mời");
        // Each xref entry points at its object.
        let table = String::from_utf8_lossy(&joined);
        let xref = &table[table.rfind("xref\n").unwrap()..];
        for (id, line) in xref
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
            .enumerate()
        {
            let at: usize = line[..10].parse().unwrap();
            assert!(
                joined[at..].starts_with(format!("{} 0 obj", id + 1).as_bytes()),
                "object {}",
                id + 1
            );
        }
    }
}
