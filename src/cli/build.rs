//! `vinhdanh build`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Exit, Outcome, fail, print};
use crate::engine::{JobOutcome, OnDone};
use crate::msg;
use crate::pipeline::{self, BuildOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Items per compile of the long lists laid out in parts (tests; hidden).
    #[arg(long, hide = true, default_value_t = 0)]
    part_size: usize,
    /// Typst's timing of the build, as `typst compile --timings` writes it (hidden: for
    /// engineers who adapt templates, and the tests).
    #[arg(long, hide = true, value_name = "FILE")]
    typst_timings: Option<PathBuf>,
    dir: Option<PathBuf>,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    strict: bool,
    #[arg(long)]
    keep_typst: bool,
    #[arg(long)]
    phoi: bool,
    #[arg(long)]
    dien_tu: bool,
    #[arg(long)]
    truong_ky: bool,
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    #[arg(long, value_delimiter = ',', value_name = "NAME,…")]
    only: Vec<String>,
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    #[arg(long, short)]
    verbose: bool,
    #[arg(long)]
    png: bool,
    #[arg(long)]
    pdf_a: bool,
}

/// How progress shows: bars on a terminal, a plain line per document in a log.
fn progress(
    a: &Args,
) -> (
    Option<OnDone>,
    Option<indicatif::MultiProgress>,
    Option<indicatif::ProgressBar>,
) {
    let terminal = std::io::stderr().is_terminal();
    if a.quiet {
        let hidden =
            indicatif::MultiProgress::with_draw_target(indicatif::ProgressDrawTarget::hidden());
        return (None, Some(hidden), None);
    }
    let verbose = a.verbose;
    // Each file with its own page count: the booklet's 8 pages and its print copy's 4 are
    // two files, never "12 pages".
    let line = move |o: &JobOutcome| {
        if !o.errors.is_empty() {
            return msg::job_not_done(&o.name);
        }
        let mut line = if verbose {
            msg::job_done_timed(&o.name, o.pages, o.elapsed.as_millis())
        } else {
            msg::job_done(&o.name, o.pages)
        };
        for (name, pages) in &o.made {
            line.push_str(&msg::job_made(name, *pages));
        }
        line
    };
    if !terminal {
        let f = move |o: &JobOutcome| eprintln!("{}", line(o));
        return (Some(OnDone(Arc::new(f))), None, None);
    }
    let multi = indicatif::MultiProgress::new();
    // Drawn once the number of documents is known (`run` inserts it into `multi`).
    let bar =
        indicatif::ProgressBar::with_draw_target(Some(0), indicatif::ProgressDrawTarget::hidden());
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(msg::progress_documents());
    let (b, m) = (bar.clone(), multi.clone());
    let f = move |o: &JobOutcome| {
        b.inc(1);
        b.set_message(o.name.clone());
        if verbose || !o.errors.is_empty() {
            let _ = m.println(line(o));
        }
    };
    (Some(OnDone(Arc::new(f))), Some(multi), Some(bar))
}

pub fn run(a: Args) -> Outcome {
    let project = super::project(a.dir.as_deref())?;
    let out_dir = a
        .out
        .clone()
        .unwrap_or_else(|| pipeline::default_out_dir(&project));
    let (on_done, bars, bar) = progress(&a);
    let options = BuildOptions {
        out_dir: out_dir.clone(),
        force: a.force,
        strict: a.strict,
        keep_typst: a.keep_typst,
        phoi: a.phoi,
        electronic: a.dien_tu,
        fields: a.truong_ky,
        jobs: a.jobs,
        only: a.only.clone(),
        png: a.png,
        pdf_a: a.pdf_a,
        on_done,
        bars,
        keep: None,
        memo_compiles: 0,
        part_size: a.part_size,
        lock_wait: Some(pipeline::lock::LockWait(Arc::new({
            let out_dir = out_dir.clone();
            move |h| eprintln!("{}", pipeline::lock::waiting_message(h, &out_dir))
        }))),
    };
    let multi = options.bars.clone();
    if a.typst_timings.is_some() {
        crate::engine::timings::start();
    }
    let result = pipeline::build_with(&project, &options, |n| {
        if let (Some(bar), Some(multi)) = (&bar, &multi) {
            bar.set_length(n as u64);
            multi.insert(0, bar.clone());
        }
    });
    if let Some(path) = &a.typst_timings
        && let Err(e) = crate::engine::timings::write(path)
    {
        eprintln!("{}", crate::engine::msg::cannot_write(&path.display(), &e));
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => {
            print(&report.warnings);
            for (name, diags) in &report.failed {
                eprintln!("{}", msg::job_failed(name));
                print(diags);
            }
            if let Some(stopped) = &report.stopped {
                print(&stopped.cause.clone().into());
            }
            let errors: usize = report.failed.iter().map(|(_, d)| d.0.len()).sum();
            let forced = report.warnings.errors().count();
            if !a.quiet || !report.ok() {
                let mut summary = msg::build_summary(
                    report.written.len(),
                    &out_dir.display(),
                    report.failed.len(),
                    errors,
                    report.warnings.warnings().count(),
                );
                if forced > 0 {
                    summary.push_str(&msg::build_forced(forced));
                }
                if !report.removed.is_empty() {
                    summary.push_str(&msg::build_removed(report.removed.len()));
                }
                eprintln!("{summary}.");
                if a.png {
                    eprintln!(
                        "{}.",
                        msg::png_written(
                            report.previews.len(),
                            &out_dir.join(pipeline::PREVIEW_DIR).display()
                        )
                    );
                }
                if a.pdf_a {
                    eprintln!(
                        "{}.",
                        msg::archive_written(
                            report.archived.len(),
                            &out_dir.join(pipeline::ARCHIVE_DIR).display()
                        )
                    );
                }
            }
            if report.ok() {
                Ok(())
            } else {
                Err(Exit::Failed)
            }
        }
        Err(pipeline::Refused::Load(diags)) => {
            print(&diags);
            eprintln!("{}", msg::refused_load());
            Err(Exit::Failed)
        }
        Err(pipeline::Refused::Rules(diags, _)) => {
            print(&diags);
            eprintln!(
                "{}",
                if diags.has_errors() {
                    msg::refused_errors()
                } else {
                    msg::refused_strict()
                }
            );
            Err(Exit::Failed)
        }
        Err(pipeline::Refused::Usage(diags)) => {
            print(&diags);
            Err(Exit::Misuse)
        }
        Err(pipeline::Refused::Nothing(diags)) => fail(&diags),
    }
}
