//! Typst source → laid-out document → PDF bytes, in-process, through our own `World`.
//!
//! The World serves the generated main source and the project's files only (templates, assets:
//! the user's folder over the embedded default, through [`Project`], which refuses paths outside
//! the folder and symlink escapes); `@preview` packages are refused with a plain message since
//! there is no network; fonts are the embedded ones plus the project's `fonts/`; `today()` is
//! fixed from data, and the PDF carries no timestamp, so the same data gives the same bytes.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use typst::diag::{FileError, FileResult, Severity as TSeverity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::PageRanges;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};

use super::render;
use crate::fonts::Fonts;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::diag::{Diagnostic, Location};
use crate::project::Project;

/// The standard library is the same for every document: build it once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The input by which the engine tells the template library that a compile's page numbers are
/// not shown ([`DocWorld::page_numbers_later`]); `lib/nd30.typ` reads it with a default, so
/// the typst CLI compiles a kept source (`--keep-typst`) with its numbers.
pub(crate) const PAGE_NUMBERS_INPUT: &str = "vinhdanh-page-numbers";

/// The library of a compile whose page numbers come later: `sys.inputs` says so.
static LIBRARY_NUMBERS_LATER: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    use typst::foundations::{Dict, IntoValue, Str};
    let mut inputs = Dict::new();
    inputs.insert(Str::from(PAGE_NUMBERS_INPUT), "later".into_value());
    LazyHash::new(Library::builder().with_inputs(inputs).build())
});

/// Every document of every batch is compiled as this one file: FileIds are interned for the
/// whole process and capped at 65,535, so minting one per document would run out.
fn main_id() -> FileId {
    static ID: LazyLock<FileId> = LazyLock::new(|| {
        RootedPath::new(
            VirtualRoot::Project,
            VirtualPath::new("/templates/__main__.typ").expect("valid path"),
        )
        .intern()
    });
    *ID
}

/// One document's world. Cheap to create; sources of library files are parsed once per world.
pub struct DocWorld<'a> {
    library: &'static LazyHash<Library>,
    project: &'a Project,
    fonts: &'a Fonts,
    main: Source,
    today: Option<Datetime>,
    extra: HashMap<String, Bytes>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

impl<'a> DocWorld<'a> {
    pub fn new(
        project: &'a Project,
        fonts: &'a Fonts,
        main: String,
        today: chrono::NaiveDate,
    ) -> Self {
        use chrono::Datelike;
        Self {
            library: &LIBRARY,
            project,
            fonts,
            main: Source::new(main_id(), main),
            today: Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8),
            extra: HashMap::new(),
            sources: Mutex::new(HashMap::new()),
            files: Mutex::new(HashMap::new()),
        }
    }

    /// A compile whose page numbers are left out (`sys.inputs` says so to the template
    /// library): a header that reads the page counter is what makes Typst lay a document out a
    /// second time, and a batch's record of one page shows no number anyway
    /// (`crate::batch`, which lays the longer records out again with theirs).
    pub(crate) fn page_numbers_later(mut self) -> Self {
        self.library = &LIBRARY_NUMBERS_LATER;
        self
    }

    /// Serves `bytes` at `/path` (e.g. a PDF produced earlier in the build, for imposition).
    pub(crate) fn with_file(mut self, path: &str, bytes: Vec<u8>) -> Self {
        self.extra
            .insert(path.trim_start_matches('/').to_string(), Bytes::new(bytes));
        self
    }

    /// Project files this world was asked for (templates, libraries, images), for the job's
    /// list of what it read.
    pub(crate) fn read_files(&self) -> Vec<String> {
        let ids: Vec<FileId> = self
            .sources
            .lock()
            .unwrap()
            .keys()
            .chain(self.files.lock().unwrap().keys())
            .copied()
            .collect();
        ids.into_iter()
            .filter(|id| !matches!(id.get().root(), VirtualRoot::Package(_)))
            .map(|id| id.get().vpath().get_without_slash().to_string())
            .filter(|p| !self.extra.contains_key(p))
            .collect()
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let rooted = id.get();
        if let VirtualRoot::Package(spec) = rooted.root() {
            return Err(FileError::Other(Some(
                crate::msg::typst_package(&spec).into(),
            )));
        }
        let rel = rooted.vpath().get_without_slash().to_string();
        if let Some(b) = self.extra.get(&rel) {
            return Ok(b.clone());
        }
        match self.project.read(&rel) {
            Ok(Some(bytes)) => Ok(Bytes::new(bytes.into_owned())),
            Ok(None) => Err(FileError::NotFound(rel.into())),
            Err(crate::project::ProjectError::OutsideProject(_)) => Err(FileError::Other(Some(
                crate::msg::typst_symlink_outside(&rel).into(),
            ))),
            Err(_) => Err(FileError::AccessDenied),
        }
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        main_id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == main_id() {
            return Ok(self.main.clone());
        }
        let mut cache = self.sources.lock().unwrap();
        cache
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.read(id)?;
                let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
                Ok(Source::new(id, text.to_string()))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == main_id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        let mut cache = self.files.lock().unwrap();
        cache.entry(id).or_insert_with(|| self.read(id)).clone()
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Lays out the world's main source. On failure, the errors are located in the template
/// (`template` is the name of the `.typ.j2` that produced the main source).
pub fn compile(
    world: &DocWorld,
    template: &str,
) -> Result<(PagedDocument, Vec<Diagnostic>), Vec<Diagnostic>> {
    let warned = typst::compile::<PagedDocument>(world);
    let warnings: Vec<Diagnostic> = warned
        .warnings
        .iter()
        .map(|d| to_diagnostic(world, template, d))
        .collect();
    match warned.output {
        Ok(doc) => Ok((doc, warnings)),
        Err(errors) => Err(errors
            .iter()
            .map(|d| to_diagnostic(world, template, d))
            .collect()),
    }
}

/// PDF export: reproducible (no timestamp), its own document id (`ident`), optionally a page
/// range (a batch record's pages). Documents made of placed pages of other PDFs (the imposed
/// booklet, a joined print file) and page ranges are untagged: typst-pdf refuses a tagged page
/// range, and a structure tree of placed pages would only describe images.
pub(crate) fn pdf(
    doc: &PagedDocument,
    ident: &str,
    pages: Option<(usize, usize)>,
    tagged: bool,
) -> Result<Vec<u8>, Diagnostic> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some("vinhdanh".into())),
        timestamp: None,
        page_ranges: pages.map(|(a, b)| {
            PageRanges::new(vec![
                std::num::NonZeroUsize::new(a)..=std::num::NonZeroUsize::new(b),
            ])
        }),
        standards: Default::default(),
        tagged: tagged && pages.is_none(),
        pretty: false,
    };
    typst_pdf::pdf(doc, &options).map_err(|errs| {
        let msg = errs
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; ");
        Diagnostic::error(crate::msg::pdf_export_failed(&msg))
    })
}

/// Compiles per worker whose memoized results a `build` keeps. Each worker evicts after its own
/// compile, so at two per worker a compile running on another worker never loses its first
/// layout iteration's results before its second, and a batch's next chunk keeps what it reuses
/// (the frame, the libraries' measures). Ten compiles in all, as before, peaked at 516–520 MB
/// for 1,000 certificates and invitations against 440–456 MB, in the same CPU time
/// (docs/speed.md).
pub(crate) const MEMO_COMPILES: usize = 2;

/// Releases memoized layout results unused over the last `age` compiles: comemo's cache is
/// process-wide and otherwise grows by about a megabyte per document in a batch.
pub fn evict(age: usize) {
    typst::comemo::evict(age.max(1));
}

fn to_diagnostic(world: &DocWorld, template: &str, d: &SourceDiagnostic) -> Diagnostic {
    let mut message = clean_message(&d.message);
    let hints: Vec<String> = d
        .hints
        .iter()
        .map(|h| h.v.to_string())
        .filter(|h| !h.contains("--root") && !h.contains("--font-path") && !h.contains("typst"))
        .collect();
    let mut location = None;
    if let Some(id) = d.span.id()
        && let Some(range) = world.range(d.span)
        && let Ok(source) = world.source(id)
    {
        let lines = source.lines();
        let (line, col) = lines.byte_to_line_column(range.start).unwrap_or((0, 0));
        if id == main_id() {
            let generated = source.text().lines().nth(line).unwrap_or("");
            let tmpl_text = world
                .project
                .read(&format!("templates/{template}"))
                .ok()
                .flatten()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let mut loc = Location::file(format!("templates/{template}"));
            loc.line = render::map_line(&tmpl_text, generated);
            location = Some(loc);
            message =
                crate::msg::typst_in_generated(&message, line + 1, &shorten(generated.trim()));
        } else {
            let rel = id.get().vpath().get_without_slash().to_string();
            location = Some(Location::at(rel, line + 1, col + 1));
        }
    }
    let mut diag = match d.severity {
        TSeverity::Error => Diagnostic::error(crate::msg::typst_error(&message)),
        TSeverity::Warning => Diagnostic::warning(crate::msg::typst_warning(&message)),
    };
    if let Some(loc) = location {
        diag = diag.at(loc);
    }
    if !hints.is_empty() {
        diag = diag.hint(hints.join("; "));
    }
    diag
}

fn clean_message(m: &str) -> String {
    let m = m
        .replace("(use --root to allow)", "")
        .replace("--root", "")
        .trim()
        .to_string();
    translate(&m).unwrap_or(m)
}

/// The Typst messages a template author meets most often, in plain words (`msg`; Typst's own
/// English text is kept in brackets for searching).
fn translate(m: &str) -> Option<String> {
    if let Some(rest) = m.strip_prefix("file not found (searched at ") {
        let path = rest.trim_end_matches(')');
        return Some(crate::msg::typst_file_not_found(path, m));
    }
    if m.contains("would escape the project root") {
        return Some(crate::msg::typst_escapes(m));
    }
    if let Some(name) = m.strip_prefix("unknown variable: ") {
        return Some(crate::msg::typst_unknown_variable(name, m));
    }
    if m.starts_with("failed to decode image") {
        return Some(crate::msg::typst_bad_image(m));
    }
    None
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 100 {
        format!("{}…", s.chars().take(100).collect::<String>())
    } else {
        s.to_string()
    }
}
