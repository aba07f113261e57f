//! Time and peak memory of the invitation build: the default project, then 1,000 generated
//! delegates in a temporary project. Run with
//! `cargo run --release --example bench_invitations [N]`.
//! Peak memory is the process's VmHWM (Linux), read after each build.

use std::time::Instant;

use vinhdanh::pipeline::{self, BuildOptions};
use vinhdanh::project::Project;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn build(project: &Project, out: &std::path::Path, what: &str) {
    let t = Instant::now();
    let report = pipeline::build(
        project,
        &BuildOptions {
            out_dir: out.to_path_buf(),
            // The generated list is far over the plan's quotas (and repeats names): the
            // benchmark measures printing, not the checks.
            force: true,
            ..BuildOptions::default()
        },
    )
    .unwrap_or_else(|r| panic!("{}", r.diagnostics()));
    assert!(report.ok(), "{:?}", report.failed);
    let n = std::fs::read_dir(out.join("giay-moi")).unwrap().count();
    println!(
        "{what}: {n} invitations, {} files in {:.2} s, peak RSS {:.0} MB",
        report.written.len(),
        t.elapsed().as_secs_f64(),
        peak_rss_mb()
    );
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().unwrap();
    build(
        &Project::embedded(),
        &dir.path().join("out-default"),
        "default project",
    );

    // A project of N delegates: the default data with a composition that admits N, and names
    // of varying length (some very long) so layout work is realistic.
    let p = dir.path().join("big");
    Project::write_default(&p).unwrap();
    // Every group soft: the generated list does not follow the plan's numbers (warnings only).
    let plan = std::fs::read_to_string(p.join("data/plan.yaml")).unwrap();
    let mut plan: serde_yaml::Value = serde_yaml::from_str(&plan).unwrap();
    fn soften(g: &mut serde_yaml::Value) {
        g["soft"] = true.into();
        if let Some(children) = g.get_mut("groups").and_then(|c| c.as_sequence_mut()) {
            children.iter_mut().for_each(soften);
        }
    }
    soften(&mut plan["composition"]);
    std::fs::write(
        p.join("data/plan.yaml"),
        serde_yaml::to_string(&plan).unwrap(),
    )
    .unwrap();
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    let middle = ["Văn", "Thị", "Hữu", "Thị Ngọc", "Đức", "Minh"];
    let given = [
        "An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Ánh", "Phúc", "Ơn",
    ];
    let mut yaml = String::from("sample: true\ndelegates:\n");
    for i in 0..n {
        let name = format!(
            "{} {} {}",
            family[i % family.len()],
            middle[i / 3 % middle.len()],
            given[i / 7 % given.len()]
        );
        let unit = if i % 10 == 0 {
            "Công ty Trách nhiệm hữu hạn Một thành viên Đầu tư Xây dựng và Phát triển Nông nghiệp Công nghệ cao (chi nhánh số 2)".to_string()
        } else {
            format!("Thôn số {}", i % 40 + 1)
        };
        yaml.push_str(&format!(
            "  - {{salutation: Ông, name: \"{name}\", title: Cán bộ, unit: \"{unit}\", group: official, seat: S{i:04}}}\n"
        ));
    }
    std::fs::write(p.join("data/delegates.yaml"), yaml).unwrap();
    let project = Project::open(&p).unwrap();
    build(&project, &p.join("output"), &format!("{n} delegates"));
}
