//! Prints the laid-out text runs of the default KẾ HOẠCH (page, x, y, width, size, text):
//! a quick way for template authors to measure a layout change.
use vinhdanh::pipeline::{BuildOptions, Context, prepare};
use vinhdanh::project::Project;

fn main() {
    let project = Project::embedded();
    let (engine, data, _) = prepare(&project).expect("default project loads");
    let options = BuildOptions::default();
    let cx = Context {
        engine: &engine,
        env: vinhdanh::render::environment(&project),
        data: &data,
        options: &options,
    };
    let doc = vinhdanh::documents::plan::typeset(&cx).expect("typesets");
    for p in vinhdanh::inspect::pages(&doc) {
        for r in &p.runs {
            println!(
                "{} {:7.2} {:7.2} {:7.2} {:4.1} {}{} {}",
                r.page,
                r.x_mm,
                r.y_mm,
                r.width_mm,
                r.size_pt,
                if r.bold { "B" } else { "-" },
                if r.italic { "I" } else { "-" },
                r.text
            );
        }
    }
}
