//! PDF/A-2b archive copies (`build --pdf-a`): the documents a commune files away (the signed
//! plan, the decision, the programme) in the ISO format meant to open unchanged in decades:
//! every font embedded, colours device-independent, XMP metadata, and no content PDF/A refuses.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;

/// The document as PDF/A-2b, dated `date` (from data: the document's own date, so the same data
/// gives the same bytes; PDF/A requires a date, which our templates otherwise leave out).
/// `read` are the project files the compile read, to name the image PDF/A refuses.
pub(crate) fn pdf_a(
    mut doc: PagedDocument,
    name: &str,
    date: NaiveDate,
    read: &BTreeSet<String>,
) -> Result<Vec<u8>, Diagnostics> {
    let when = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
    doc.info_mut().date = Smart::Custom(when);
    let standards = PdfStandards::new(&[PdfStandard::A_2b])
        .map_err(|e| Diagnostic::error(msg::pdfa_other(name, e.message().as_ref())))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("{name}#pdf-a")),
        creator: Smart::Custom(Some("vinhdanh".into())),
        timestamp: when.map(Timestamp::new_utc),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(&doc, &options).map_err(|errs| {
        let mut out = Diagnostics::default();
        for e in errs.iter() {
            let text = e.message.to_string();
            // An image that is itself a PDF (in an edited template): name the files.
            let images = |exts: &[&str]| -> String {
                read.iter()
                    .filter(|f| {
                        let f = f.to_lowercase();
                        exts.iter().any(|e| f.ends_with(e))
                    })
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let d = if text.contains("CMYK") {
                // A CMYK JPEG (a print shop's scan of the seal): PDF/A wants colours it can
                // reproduce, and a CMYK image carries no profile to say which.
                Diagnostic::error(msg::pdfa_cmyk(name, &images(&[".jpg", ".jpeg"])))
                    .hint(msg::pdfa_cmyk_hint())
            } else if text.contains("embedding PDFs") {
                let pdfs: Vec<&str> = read
                    .iter()
                    .map(String::as_str)
                    .filter(|f| f.to_lowercase().ends_with(".pdf"))
                    .collect();
                Diagnostic::error(msg::pdfa_embedded_pdf(name, &pdfs.join(", ")))
                    .hint(msg::pdfa_embedded_pdf_hint())
            } else {
                Diagnostic::error(msg::pdfa_other(name, &text))
            };
            if !out.0.contains(&d) {
                out.push(d);
            }
        }
        out
    })
}
