//! The metadata file beside a document issued electronically (`…-metadata.xml`): the fields
//! Nghị định 30/2020, Phụ lục VI, Phần II lists for a document issued ("văn bản đi"), with the
//! names it gives them. What the office's system assigns when the document is signed (its
//! number, its date) and what the data does not say (the file code, the ordinal in the file,
//! the due date) are left empty; the rules check the lengths of what the data gives.

use crate::SignatureView;
use crate::load::Data;
use crate::model::metadata_length;

/// What a document issued says of itself.
#[derive(Debug, Clone)]
pub struct Issued {
    /// "Kế hoạch", as the type is written in a sentence.
    pub type_name: String,
    /// "KH-UBND".
    pub code_notation: String,
    pub organ_name: String,
    pub subject: String,
    /// The signer's position and name as the signature block prints them.
    pub position: String,
    pub full_name: String,
    /// The recipients (Nơi nhận), as printed.
    pub to: Vec<String>,
    pub organ_id: Option<String>,
    pub priority: Option<u8>,
    pub copies: Option<u32>,
}

/// "KẾ HOẠCH" → "Kế hoạch".
pub fn sentence_case(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn issued(
    data: &Data,
    type_name: &str,
    code_notation: &str,
    subject: &str,
    sig: &SignatureView,
    to: &[String],
) -> Issued {
    let e = &data.plan.electronic;
    Issued {
        type_name: sentence_case(type_name),
        code_notation: code_notation.to_string(),
        organ_name: data.plan.authority.name.clone(),
        subject: subject.to_string(),
        position: sig.lines.last().cloned().unwrap_or_default(),
        full_name: sig.name.clone(),
        to: to.to_vec(),
        organ_id: e.organ_id.clone(),
        priority: e.priority,
        copies: e.copies,
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `<Name>value</Name>` (empty: `<Name/>`), the value cut to the field's length (the rules
/// report a longer value where the data gives it).
fn field(out: &mut String, indent: &str, name: &str, value: &str) {
    let v: String = value.chars().take(metadata_length(name)).collect();
    if v.is_empty() {
        out.push_str(&format!("{indent}<{name}/>\n"));
    } else {
        out.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape(&v)));
    }
}

/// The namespace of the Phụ lục VI fields in a PDF's XMP.
pub const XMP_NS: &str = "urn:vinhdanh:nd30:phu-luc-vi#";

impl Issued {
    /// The fields the data gives, by their Phụ lục VI names, for a PDF of `pages` pages (those
    /// the signing assigns, and empty ones, left out).
    fn given(&self, pages: usize) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("OrganId", self.organ_id.clone().unwrap_or_default()),
            ("TypeName", self.type_name.clone()),
            ("CodeNotation", self.code_notation.clone()),
            ("OrganName", self.organ_name.clone()),
            ("Subject", self.subject.clone()),
            ("Language", "Tiếng Việt".to_string()),
            ("PageAmount", pages.to_string()),
            ("Position", self.position.clone()),
            ("FullName", self.full_name.clone()),
            (
                "Priority",
                self.priority.map(|p| p.to_string()).unwrap_or_default(),
            ),
            (
                "IssuedAmount",
                self.copies.map(|c| c.to_string()).unwrap_or_default(),
            ),
        ];
        v.retain(|(_, value)| !value.is_empty());
        for (name, value) in &mut v {
            *value = value.chars().take(metadata_length(name)).collect();
        }
        v
    }

    /// The same fields as the XML file, as an XMP description for the PDF's own metadata
    /// (namespace [`XMP_NS`], prefix `vbdi`; the recipients as a bag).
    pub fn xmp(&self, pages: usize) -> String {
        let mut s = format!("<rdf:Description rdf:about=\"\" xmlns:vbdi=\"{XMP_NS}\">");
        for (name, value) in self.given(pages) {
            s.push_str(&format!("<vbdi:{name}>{}</vbdi:{name}>", escape(&value)));
        }
        if !self.to.is_empty() {
            s.push_str("<vbdi:To><rdf:Bag>");
            for to in &self.to {
                let v: String = to.chars().take(metadata_length("OrganName")).collect();
                s.push_str(&format!("<rdf:li>{}</rdf:li>", escape(&v)));
            }
            s.push_str("</rdf:Bag></vbdi:To>");
        }
        s.push_str("</rdf:Description>");
        s
    }

    /// The XML file, for a PDF of `pages` pages.
    pub fn xml(&self, pages: usize) -> String {
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.push_str("<!-- Nghị định 30/2020/NĐ-CP, Phụ lục VI, Phần II: văn bản đi -->\n");
        s.push_str("<VanBanDi>\n");
        let organ_id = self.organ_id.clone().unwrap_or_default();
        s.push_str("  <FileCode>\n");
        field(&mut s, "    ", "OrganId", &organ_id);
        field(&mut s, "    ", "FileCatalog", "");
        field(&mut s, "    ", "FileNotation", "");
        s.push_str("  </FileCode>\n");
        field(&mut s, "  ", "DocOrdinal", "");
        field(&mut s, "  ", "TypeName", &self.type_name);
        field(&mut s, "  ", "CodeNumber", "");
        field(&mut s, "  ", "CodeNotation", &self.code_notation);
        field(&mut s, "  ", "IssuedDate", "");
        field(&mut s, "  ", "OrganName", &self.organ_name);
        field(&mut s, "  ", "Subject", &self.subject);
        field(&mut s, "  ", "Language", "Tiếng Việt");
        field(&mut s, "  ", "PageAmount", &pages.to_string());
        field(&mut s, "  ", "Description", "");
        s.push_str("  <SignerInfo>\n");
        field(&mut s, "    ", "Position", &self.position);
        field(&mut s, "    ", "FullName", &self.full_name);
        s.push_str("  </SignerInfo>\n");
        for to in &self.to {
            s.push_str("  <To>\n");
            field(&mut s, "    ", "OrganId", "");
            field(&mut s, "    ", "OrganName", to);
            s.push_str("  </To>\n");
        }
        let num = |n: Option<String>| n.unwrap_or_default();
        field(
            &mut s,
            "  ",
            "Priority",
            &num(self.priority.map(|p| p.to_string())),
        );
        field(
            &mut s,
            "  ",
            "IssuedAmount",
            &num(self.copies.map(|c| c.to_string())),
        );
        field(&mut s, "  ", "DueDate", "");
        s.push_str("</VanBanDi>\n");
        s
    }
}
