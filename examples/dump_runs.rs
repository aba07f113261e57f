//! Prints the laid-out text runs and rule lines of a project's KẾ HOẠCH (page, x, y, width,
//! size, style, text), a quick way for template authors to measure a layout change:
//! `cargo run --release --example dump_runs [PROJECT_DIR]`.
use vinhdanh::project::Project;

fn main() {
    let project = match std::env::args().nth(1) {
        Some(dir) => Project::open(std::path::Path::new(&dir)).expect("project folder"),
        None => Project::embedded(),
    };
    let doc = vinhdanh::pipeline::layout(&project, vinhdanh::documents::plan::OUTPUT)
        .unwrap_or_else(|d| panic!("{d}"));
    for p in vinhdanh::inspect::pages(&doc) {
        for r in &p.runs {
            let style = format!(
                "{}{}",
                if r.bold { "B" } else { "-" },
                if r.italic { "I" } else { "-" }
            );
            println!(
                "{} {:7.2} {:7.2} {:7.2} {:4.1} {style} {}",
                r.page, r.x_mm, r.y_mm, r.width_mm, r.size_pt, r.text
            );
        }
        for l in &p.rules {
            println!(
                "{} {:7.2} {:7.2} {:7.2} rule",
                l.page, l.x_mm, l.y_mm, l.length_mm
            );
        }
    }
}
