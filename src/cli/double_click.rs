//! A start with no arguments on Windows, as a double-click on `vinhdanh.exe` in Explorer starts
//! it: the preview page (`serve`) on the clerk's project, opened in the browser, with the
//! console window saying what it does, where the files are, and that closing it stops it.
//! The project is the folder vinhdanh was started in when it holds `data/`, else
//! `Documents\vinhdanh\hoi-nghi`, made from the embedded default (as `init`) the first time.

use std::path::PathBuf;

use super::{Exit, Outcome};
use crate::msg;
use crate::pipeline;
use crate::project::Project;
use crate::serve::{self, ServeOptions};

/// Where a double-click start keeps the clerk's project, under the Documents folder.
pub const PROJECT: [&str; 2] = ["vinhdanh", "hoi-nghi"];

pub fn run() -> Outcome {
    println!("{}", msg::start_intro(env!("CARGO_PKG_VERSION")));
    let here = std::env::current_dir()
        .ok()
        .filter(|d| d.join("data").is_dir());
    let dir = match here {
        Some(d) => d,
        None => match crate::platform::documents_dir() {
            Some(docs) => PROJECT.iter().fold(docs, |p, part| p.join(part)),
            None => return stop(&msg::start_no_documents()),
        },
    };
    let created = !dir.join("data").is_dir();
    if created && let Err(e) = Project::write_default(&dir) {
        return stop(&format!(
            "{}: {} ({})",
            msg::level_error(),
            msg::init_failed(&e),
            dir.display()
        ));
    }
    let project = match Project::open(&dir) {
        Ok(p) => p,
        Err(e) => return stop(&format!("{}: {e}", msg::level_error())),
    };
    let root = project.root().map_or(dir.clone(), PathBuf::from);
    if created {
        println!("{}", msg::start_created(&root.display()));
    }
    println!(
        "{}",
        msg::start_where(
            &root.display(),
            &root.join("data").display(),
            &pipeline::default_out_dir(&project).display()
        )
    );
    println!("{}", msg::start_close());
    let out_dir = pipeline::default_out_dir(&project);
    let options = ServeOptions {
        port: 0,
        open: true,
        verbose: false,
        readonly: false,
    };
    match serve::serve(project, out_dir, options) {
        Ok(()) => Ok(()),
        Err(e) => stop(&format!("{}: {e}", msg::level_error())),
    }
}

/// Says what went wrong and keeps the window open until Enter: a console window that a
/// double-click opened closes with the program, and the clerk would read nothing.
fn stop(text: &str) -> Outcome {
    eprintln!("{text}");
    eprintln!("{}", msg::start_press_enter());
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    Err(Exit::Failed)
}
