//! One page of one output as an image (`vinhdanh preview`): the job that writes it is run alone
//! (narrowed to one record for a person's invitation or certificate) into a scratch folder, and
//! the page drawn with typst-render. Only the PNG lands in `output/xem-truoc/`: a preview never
//! replaces a printed PDF.

use std::path::{Path, PathBuf};

use crate as pipeline;
use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::{self, JobOutcome, Work};
use crate::msg;
use crate::project::Project;
use crate::{BuildOptions, PREVIEW_DIR, Planned, Refused, Select};

pub struct Request {
    /// An output name, as `build --only` takes it.
    pub doc: String,
    /// 1-based.
    pub page: usize,
    /// A person's code ("kt-001"), for a batch.
    pub record: Option<String>,
    pub ppi: f32,
    /// Draw the page despite errors in the data, as `build --force` prints it.
    pub force: bool,
}

/// Writes the PNG; returns its path and the data's warnings.
pub fn preview(
    project: &Project,
    out_dir: &Path,
    req: &Request,
) -> Result<(PathBuf, Diagnostics), Refused> {
    // The same road as `build --only NAME`: a preview refuses what a build refuses.
    let options = BuildOptions {
        force: req.force,
        ..BuildOptions::default()
    };
    let select = Select::Outputs(vec![req.doc.clone()]);
    let Planned { prepared: p, jobs } = pipeline::plan(project, &select, &options)?;
    let mut job = jobs
        .into_iter()
        .next()
        .ok_or_else(|| Refused::Usage(Diagnostic::error(msg::unknown_output(&req.doc)).into()))?;
    let wanted = req.doc.trim_end_matches('/');
    let fail = |d: Diagnostics| Refused::Load(d);
    let today = job.today;

    // A document of its own: laid out and drawn directly, no PDF in between.
    if let Work::Single(s) = &job.work
        && (s.output == wanted || job.name == wanted)
        && req.record.is_none()
    {
        let engine = pipeline::engine(project, &p, &options);
        let doc = engine
            .lay_out(today, s, &mut JobOutcome::default())
            .map_err(fail)?;
        let pages = doc.pages().len();
        let page = doc.pages().get(req.page - 1).ok_or_else(|| {
            Refused::Usage(
                Diagnostic::error(msg::preview_no_page(&req.doc, req.page, pages)).into(),
            )
        })?;
        let band = pipeline::draft_band(&engine, &p.diags);
        let png = engine::raster::page_png(page, req.ppi, band.as_ref());
        let path = image_path(out_dir, &s.output, req.page);
        return write(&path, &png).map(|()| (path, p.diags));
    }

    // Otherwise the job runs into a scratch folder and the page of its PDF is drawn.
    let scratch = tempfile::tempdir().map_err(|e| fail(Diagnostic::error(e.to_string()).into()))?;
    let file: String = match (&mut job.work, &req.record) {
        (Work::Batch(b), Some(code)) => {
            let Some(dir) = b.dir.clone() else {
                return Err(Refused::Usage(
                    Diagnostic::error(msg::preview_record_needs_batch(&req.doc)).into(),
                ));
            };
            let prefix = |id: &str| {
                id.rsplit_once(&format!("-{code}"))
                    .is_some_and(|(_, rest)| rest.is_empty())
                    || id == code
            };
            let Some(k) = b.records.iter().position(|r| prefix(&r.id)) else {
                let codes: Vec<String> =
                    b.records.iter().map(|r| short_code(&r.id, &dir)).collect();
                let list = codes.join(", ");
                let d = Diagnostic::error(msg::preview_unknown_record(code, &req.doc));
                let d = match crate::text::nearest(code, codes.iter().map(String::as_str)) {
                    Some(s) => d.hint(msg::did_you_mean_code(s, &list)),
                    None => d.hint(msg::records_list(&list)),
                };
                return Err(Refused::Usage(d.into()));
            };
            let record = b.records.swap_remove(k);
            let file = format!("{dir}/{}", record.file_name);
            b.records = vec![record];
            b.merged = None;
            file
        }
        (_, Some(_)) => {
            return Err(Refused::Usage(
                Diagnostic::error(msg::preview_record_needs_batch(&req.doc)).into(),
            ));
        }
        (Work::Batch(b), None) => {
            // The print file of all records.
            b.dir = None;
            b.merged.clone().unwrap_or_else(|| job.name.clone())
        }
        (Work::Single(s), None) => match &s.then {
            Some(d) if d.output == wanted => d.output.clone(),
            _ => s.output.clone(),
        },
    };
    let scratch_options = BuildOptions {
        out_dir: scratch.path().to_path_buf(),
        ..options
    };
    let engine = pipeline::engine(project, &p, &scratch_options);
    let outcome = engine.run_one(&job);
    if outcome.errors.has_errors() {
        return Err(fail(outcome.errors));
    }
    let pdf = std::fs::read(scratch.path().join(&file)).map_err(|e| {
        fail(
            Diagnostic::error(e.to_string())
                .in_file(file.clone())
                .into(),
        )
    })?;
    if let Some(pages) = page_count(&pdf)
        && req.page > pages
    {
        return Err(Refused::Usage(
            Diagnostic::error(msg::preview_no_page(&req.doc, req.page, pages)).into(),
        ));
    }
    let band = pipeline::draft_band(&engine, &p.diags);
    let png = pipeline::pdf_page_png(&engine, pdf, req.page, req.ppi, today, &file, band.as_ref())
        .map_err(fail)?;
    let path = image_path(out_dir, &file, req.page);
    let mut warnings = p.diags;
    warnings.extend(outcome.warnings);
    write(&path, &png).map(|()| (path, warnings))
}

/// `xem-truoc/ke-hoach.png` for page 1 (as `build --png` names it), `ke-hoach-2.png` after.
fn image_path(out_dir: &Path, file: &str, page: usize) -> PathBuf {
    let stem = file.trim_end_matches(".pdf");
    let name = if page == 1 {
        format!("{stem}.png")
    } else {
        format!("{stem}-{page}.png")
    };
    out_dir.join(PREVIEW_DIR).join(name)
}

/// The code a person types for a record id ("giay-khen-kt-001" → "kt-001").
fn short_code(id: &str, dir: &str) -> String {
    id.strip_prefix(&format!("{dir}-"))
        .unwrap_or(id)
        .to_string()
}

fn write(path: &Path, png: &[u8]) -> Result<(), Refused> {
    engine::write::atomic_write(path, png).map_err(|e| Refused::Load(Diagnostic::from(e).into()))
}

/// Pages of a PDF that typst-pdf wrote: the `/Count` of its page tree (`<</Type/Pages/Count N`),
/// or `None` when it cannot be seen (then Typst's own error tells).
fn page_count(pdf: &[u8]) -> Option<usize> {
    let key = b"/Count";
    (0..pdf.len().saturating_sub(key.len()))
        .filter(|&i| &pdf[i..i + key.len()] == key)
        .find(|&i| {
            let before = &pdf[i.saturating_sub(24)..i];
            before.windows(6).any(|w| w == b"/Pages")
        })
        .and_then(|i| {
            let digits: String = pdf[i + key.len()..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take_while(|b| b.is_ascii_digit())
                .map(|&b| b as char)
                .collect();
            digits.parse().ok()
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_count_reads_the_page_tree() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<</Type/Outlines/Count 3>>\n2 0 obj\n<</Type/Pages/Count 139/Kids[3 0 R]>>";
        assert_eq!(super::page_count(pdf), Some(139));
        assert_eq!(
            super::page_count(b"<</Type /Pages /Count 5 /Kids []>>"),
            Some(5)
        );
        assert_eq!(super::page_count(b"no tree"), None);
    }
}
