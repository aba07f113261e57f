//! Documents issued electronically (ký số, Nghị định 30/2020 Phụ lục I II.7.d, II.8): where the
//! laid-out pages keep the areas the signing application stamps its images into, the empty PDF
//! signature fields over them (`build --truong-ky`), and the metadata file beside the PDF.
//!
//! The areas are not guessed: a template marks each with `#metadata((role: …, width: …,
//! height: …)) <vd-sign>` at its top-left corner (sizes in mm), and Typst's introspection gives
//! the page and position of every mark. Typst 0.15 writes no form fields, so the fields are
//! added after its export as one incremental update appended to the file: the bytes Typst wrote
//! stay as they are, and a signature made later covers them and the fields alike.

use std::io::Write;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, Writer};
use typst::foundations::{Label, Selector};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// The label templates mark the areas with.
pub(crate) const MARK: &str = "vd-sign";

/// What a job issued electronically adds to its PDF.
#[derive(Clone, Default)]
pub struct Esign {
    /// Empty signature fields over the marked areas.
    pub fields: bool,
    /// The metadata file written beside the PDF (`…-metadata.xml`), given the page count.
    pub metadata: Option<Arc<dyn Fn(usize) -> String + Send + Sync>>,
    /// The same fields as an XMP description (`<rdf:Description …>`), added to the PDF's own
    /// XMP packet, given the page count.
    pub xmp: Option<Arc<dyn Fn(usize) -> String + Send + Sync>>,
}

impl std::fmt::Debug for Esign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Esign")
            .field("fields", &self.fields)
            .field("metadata", &self.metadata.is_some())
            .field("xmp", &self.xmp.is_some())
            .finish()
    }
}

/// A marked area of the laid-out pages: mm from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Area {
    /// "signer", "organisation", "appendix": the field's name.
    pub role: String,
    /// 1-based.
    pub page: usize,
    pub x_mm: f64,
    pub y_mm: f64,
    pub width_mm: f64,
    pub height_mm: f64,
}

/// Every area marked `<vd-sign>` in the document, in the order of the document.
pub(crate) fn areas(doc: &PagedDocument) -> Vec<Area> {
    let intro = doc.introspector();
    let Some(label) = Label::new(PicoStr::intern(MARK)) else {
        return Vec::new();
    };
    intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let pos = intro.position(c.location()?)?;
            let value = c.get_by_name("value").ok()?;
            let dict = value.cast::<typst::foundations::Dict>().ok()?;
            let num = |k: &str| -> Option<f64> {
                let v = dict.get(k).ok()?.clone();
                v.clone()
                    .cast::<f64>()
                    .ok()
                    .or_else(|| v.cast::<i64>().ok().map(|i| i as f64))
            };
            Some(Area {
                role: dict.get("role").ok()?.clone().cast::<String>().ok()?,
                page: pos.page.get(),
                x_mm: pos.point.x.to_mm(),
                y_mm: pos.point.y.to_mm(),
                width_mm: num("width")?,
                height_mm: num("height")?,
            })
        })
        .collect()
}

/// The name of the metadata file of `output`: "dien-tu/ke-hoach.pdf" → "dien-tu/ke-hoach-metadata.xml".
pub(crate) fn metadata_name(output: &str) -> String {
    let stem = output.strip_suffix(".pdf").unwrap_or(output);
    format!("{stem}-metadata.xml")
}

const PT_PER_MM: f64 = 72.0 / 25.4;

/// `pdf` with an empty signature field (an AcroForm `/FT /Sig` widget named by its role) over
/// each area, as one incremental update: the original bytes, then the new and changed objects,
/// their cross-reference section and a trailer pointing back (`/Prev`) to the original one.
/// Each widget is printable (`/F 4`) with an empty appearance, as PDF/A asks of annotations.
pub(crate) fn add_fields(pdf: &[u8], areas: &[Area]) -> Result<Vec<u8>, String> {
    update(pdf, areas, None)
}

/// [`add_fields`], and `xmp` (an `<rdf:Description>`) added to the XMP packet Typst wrote,
/// as a new metadata stream the catalog points to: all in one incremental update.
pub(crate) fn update(pdf: &[u8], areas: &[Area], xmp: Option<&str>) -> Result<Vec<u8>, String> {
    if areas.is_empty() && xmp.is_none() {
        return Ok(pdf.to_vec());
    }
    let doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    let prev = last_startxref(pdf).ok_or("no startxref")?;
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let pages = doc.get_pages();
    let mut next = doc.max_id + 1;
    let mut objects: Vec<(ObjectId, Object)> = Vec::new();
    let mut changed_pages: std::collections::BTreeMap<ObjectId, Dictionary> = Default::default();
    let mut fields = Vec::new();
    let mut used = std::collections::BTreeMap::<String, usize>::new();
    for a in areas {
        let Some(&page_id) = pages.get(&(a.page as u32)) else {
            return Err(format!("no page {}", a.page));
        };
        let page = match changed_pages.get(&page_id) {
            Some(d) => d.clone(),
            None => doc
                .get_dictionary(page_id)
                .map_err(|e| e.to_string())?
                .clone(),
        };
        let height = page_height(&doc, page_id).unwrap_or(841.89);
        let (w, h) = (a.width_mm * PT_PER_MM, a.height_mm * PT_PER_MM);
        let x1 = a.x_mm * PT_PER_MM;
        let y2 = height - a.y_mm * PT_PER_MM;
        let r = |v: f64| Object::Real(((v * 100.0).round() / 100.0) as f32);
        let rect = vec![r(x1), r(y2 - h), r(x1 + w), r(y2)];
        // An empty appearance: the signing application draws its own.
        let ap_id = (next, 0);
        next += 1;
        let mut ap = Dictionary::new();
        ap.set("Type", "XObject");
        ap.set("Subtype", "Form");
        ap.set("BBox", vec![0.into(), 0.into(), r(w), r(h)]);
        objects.push((ap_id, Object::Stream(Stream::new(ap, Vec::new()))));
        let n = used.entry(a.role.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            a.role.clone()
        } else {
            format!("{}-{n}", a.role)
        };
        let id = (next, 0);
        next += 1;
        let mut widget = Dictionary::new();
        widget.set("Type", "Annot");
        widget.set("Subtype", "Widget");
        widget.set("FT", "Sig");
        widget.set("T", Object::string_literal(name));
        widget.set("Rect", rect);
        widget.set("F", 4);
        widget.set("P", page_id);
        let mut apd = Dictionary::new();
        apd.set("N", ap_id);
        widget.set("AP", apd);
        objects.push((id, Object::Dictionary(widget)));
        fields.push(Object::Reference(id));
        let mut page = page;
        let mut annots = match page.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(Object::Reference(r)) => doc
                .get_object(*r)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        annots.push(Object::Reference(id));
        page.set("Annots", annots);
        changed_pages.insert(page_id, page);
    }
    for (id, page) in changed_pages {
        objects.push((id, Object::Dictionary(page)));
    }
    let mut catalog = doc.get_dictionary(root).map_err(|e| e.to_string())?.clone();
    if !fields.is_empty() {
        let mut form = Dictionary::new();
        form.set("Fields", fields);
        catalog.set("AcroForm", form);
    }
    if let Some(description) = xmp {
        let old = catalog
            .get(b"Metadata")
            .and_then(Object::as_reference)
            .and_then(|r| doc.get_object(r))
            .and_then(Object::as_stream)
            .map_err(|e| e.to_string())?;
        let bytes = old
            .decompressed_content()
            .unwrap_or_else(|_| old.content.clone());
        let packet = String::from_utf8(bytes).map_err(|e| e.to_string())?;
        let at = packet.rfind("</rdf:RDF>").ok_or("no rdf:RDF in the XMP")?;
        let packet = format!("{}{description}{}", &packet[..at], &packet[at..]);
        let mut dict = Dictionary::new();
        dict.set("Type", "Metadata");
        dict.set("Subtype", "XML");
        let id = (next, 0);
        next += 1;
        objects.push((id, Object::Stream(Stream::new(dict, packet.into_bytes()))));
        catalog.set("Metadata", id);
    }
    objects.push((root, Object::Dictionary(catalog)));
    objects.sort_by_key(|(id, _)| *id);
    append(pdf, &doc, prev, next, &objects).map_err(|e| e.to_string())
}

/// The page's height in pt (its MediaBox, maybe inherited).
fn page_height(doc: &Document, page: ObjectId) -> Option<f64> {
    let mut id = page;
    loop {
        let d = doc.get_dictionary(id).ok()?;
        if let Ok(b) = d.get(b"MediaBox") {
            let b = match b {
                Object::Reference(r) => doc.get_object(*r).ok()?,
                o => o,
            };
            let a = b.as_array().ok()?;
            let n = |o: &Object| o.as_float().map(f64::from).ok();
            return Some(n(a.get(3)?)? - n(a.get(1)?)?);
        }
        id = d.get(b"Parent").ok()?.as_reference().ok()?;
    }
}

/// Where the file's last cross-reference section begins.
fn last_startxref(pdf: &[u8]) -> Option<usize> {
    let key = b"startxref";
    let at = pdf.windows(key.len()).rposition(|w| w == key)?;
    let rest = std::str::from_utf8(&pdf[at + key.len()..]).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

/// The original bytes, then `objects`, a cross-reference section for them and the trailer.
fn append(
    pdf: &[u8],
    doc: &Document,
    prev: usize,
    size: u32,
    objects: &[(ObjectId, Object)],
) -> std::io::Result<Vec<u8>> {
    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut offsets = Vec::new();
    for (id, obj) in objects {
        offsets.push((*id, out.len()));
        writeln!(out, "{} {} obj", id.0, id.1)?;
        Writer::write_object(&mut out, obj)?;
        out.extend_from_slice(b"\nendobj\n");
    }
    let start = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    // One subsection per run of consecutive numbers.
    let mut i = 0;
    while i < offsets.len() {
        let mut j = i + 1;
        while j < offsets.len() && offsets[j].0.0 == offsets[j - 1].0.0 + 1 {
            j += 1;
        }
        writeln!(out, "{} {}", offsets[i].0.0, j - i)?;
        for &(id, at) in &offsets[i..j] {
            writeln!(out, "{at:010} {:05} n ", id.1)?;
        }
        i = j;
    }
    let mut trailer = Dictionary::new();
    trailer.set("Size", size as i64);
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(v) = doc.trailer.get(key) {
            trailer.set(key.to_vec(), v.clone());
        }
    }
    trailer.set("Prev", prev as i64);
    out.extend_from_slice(b"trailer\n");
    Writer::write_object(&mut out, &Object::Dictionary(trailer))?;
    write!(out, "\nstartxref\n{start}\n%%EOF\n")?;
    Ok(out)
}
