//! Runs the stages for every document of a project and writes `output/`.

use std::path::{Path, PathBuf};

use minijinja::Environment;
use minijinja::value::Value;
use typst_layout::PagedDocument;

use crate::compile::{self, Engine};
use crate::diag::{Diagnostic, Diagnostics};
use crate::documents::{self, ConferenceFacts};
use crate::load::{self, Data};
use crate::project::Project;
use crate::render;
use crate::validate;
use crate::write;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Where the PDFs go (default: `<project>/output`, or `./output` for the embedded default).
    pub out_dir: PathBuf,
    /// Print even when `check` finds errors in the data.
    pub force: bool,
    /// Also write the generated Typst sources (`output/typst/*.typ`) for template authors.
    pub keep_typst: bool,
    /// Also write the certificates as an overlay for pre-printed blanks (`build --phoi`).
    pub phoi: bool,
}

/// What a build did, for the summary line and the exit status.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<PathBuf>,
    /// Documents (or records) that failed, each with its problems.
    pub failed: Vec<(String, Diagnostics)>,
    /// Warnings and notes.
    pub notes: Diagnostics,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.failed.is_empty()
    }
}

/// What building one document did. A batch can both write files and fail for some records,
/// and the summary must count both.
#[derive(Debug, Default)]
pub struct Outcome {
    pub written: Vec<PathBuf>,
    pub failed: Diagnostics,
}

impl Outcome {
    pub fn push(&mut self, result: Result<Vec<PathBuf>, Diagnostics>) {
        match result {
            Ok(paths) => self.written.extend(paths),
            Err(d) => self.failed.extend(d),
        }
    }
}

impl From<Result<Vec<PathBuf>, Diagnostics>> for Outcome {
    fn from(result: Result<Vec<PathBuf>, Diagnostics>) -> Self {
        let mut o = Outcome::default();
        o.push(result);
        o
    }
}

/// Everything a document needs to typeset itself.
pub struct Context<'a> {
    pub engine: &'a Engine,
    pub env: Environment<'static>,
    pub data: &'a Data,
    pub options: &'a BuildOptions,
}

impl Context<'_> {
    pub fn facts(&self) -> ConferenceFacts<'_> {
        ConferenceFacts { data: self.data }
    }

    /// Renders `template` with `ctx`, compiles it and returns the laid-out document.
    pub fn typeset(
        &self,
        template: &str,
        ctx: Value,
    ) -> Result<(PagedDocument, String), Diagnostics> {
        self.typeset_with(template, ctx, Vec::new())
    }

    /// [`Context::typeset`] with extra files served at absolute paths, for a document made from
    /// another one's output (the imposed booklet places the pages of the reading copy's PDF).
    pub fn typeset_with(
        &self,
        template: &str,
        ctx: Value,
        files: Vec<(&str, Vec<u8>)>,
    ) -> Result<(PagedDocument, String), Diagnostics> {
        let source = render::render(&self.env, template, ctx)?;
        if self.options.keep_typst {
            let name = template.trim_end_matches(".j2");
            let _ = write::atomic_write(
                &self.options.out_dir.join("typst").join(name),
                source.as_bytes(),
            );
        }
        let mut world = self.engine.world(source.clone(), self.facts().date());
        for (path, bytes) in files {
            world = world.with_file(path, bytes);
        }
        let result = compile::compile(&world, template);
        compile::evict();
        match result {
            Ok((doc, _warnings)) => Ok((doc, source)),
            Err(errors) => Err(Diagnostics(errors)),
        }
    }

    /// Typesets and writes one PDF into the output folder.
    pub fn produce(
        &self,
        template: &str,
        ctx: Value,
        output: &str,
    ) -> Result<PathBuf, Diagnostics> {
        let (doc, _) = self.typeset(template, ctx)?;
        let bytes = compile::pdf(&doc, output, None)?;
        let path = self.options.out_dir.join(output);
        write::atomic_write(&path, &bytes).map_err(Diagnostic::from)?;
        Ok(path)
    }
}

pub fn default_out_dir(project: &Project) -> PathBuf {
    match project.root() {
        Some(root) => root.join("output"),
        None => PathBuf::from("output"),
    }
}

/// Picks the project for a command: the given folder, else the current folder when it has
/// `data/`, else the embedded default.
pub fn resolve_project(dir: Option<&Path>) -> Result<Project, Diagnostic> {
    match dir {
        Some(d) => Project::open(d)
            .map_err(|e| Diagnostic::error(e.to_string()).hint("kiểm tra đường dẫn thư mục dự án")),
        None if Path::new("data").is_dir() => {
            Project::open(Path::new(".")).map_err(|e| Diagnostic::error(e.to_string()))
        }
        None => Ok(Project::embedded()),
    }
}

/// Loads and validates: the shared first half of `build` and `check`.
pub fn prepare(project: &Project) -> Result<(Engine, Data, Diagnostics), Diagnostics> {
    let engine = Engine::new(project.clone());
    let data = load::load(project)?;
    let mut diags = Diagnostics(data.notes.clone());
    diags.extend(validate::validate(&data, &engine.fonts));
    diags.extend(documents::decision::check(project, &data));
    diags.extend(crate::check::errors(&data));
    diags.extend(crate::check::assets(project, &data));
    crate::check::annotate_records(&data, &mut diags);
    Ok((engine, data, diags))
}

/// Runs `f` with a ready context for `project` (default options, data loaded and validated,
/// problems ignored): for tools and tests that typeset one document and measure it.
pub fn with_context<R>(project: &Project, f: impl FnOnce(&Context) -> R) -> Result<R, Diagnostics> {
    let (engine, data, _) = prepare(project)?;
    let options = BuildOptions::default();
    let cx = Context {
        engine: &engine,
        env: render::environment(project),
        data: &data,
        options: &options,
    };
    Ok(f(&cx))
}

pub fn build(project: &Project, options: &BuildOptions) -> Result<Report, Diagnostics> {
    let (engine, data, diags) = prepare(project)?;
    if diags.has_errors() && !options.force {
        return Err(diags);
    }
    write::ensure_dir(&options.out_dir).map_err(|e| Diagnostics::from(Diagnostic::from(e)))?;
    write::remove_leftovers(&options.out_dir);
    let cx = Context {
        engine: &engine,
        env: render::environment(project),
        data: &data,
        options,
    };
    let mut report = Report {
        notes: diags,
        ..Report::default()
    };
    let mut run = |name: &str, outcome: Outcome| {
        report.written.extend(outcome.written);
        if outcome.failed.has_errors() {
            report.failed.push((name.to_string(), outcome.failed));
        } else {
            report.notes.extend(outcome.failed);
        }
    };

    run(documents::plan::OUTPUT, documents::plan::build(&cx).into());
    run(
        documents::invitation::MERGED,
        documents::invitation::build(&cx),
    );
    run(
        documents::booklet::OUTPUT,
        documents::booklet::build(&cx).into(),
    );
    run(documents::decision::OUTPUT, documents::decision::build(&cx));
    Ok(report)
}
