//! The benchmark of issue #12: time, peak memory and file sizes of a whole build with N
//! generated honorees (certificates, the decision's list) and N generated delegates
//! (invitations), and, when a `typst` binary is found, the same certificate through the typst
//! CLI once per record and once as one merged document.
//!
//! ```text
//! cargo run --release --example bench -- N [N …] [--typst PATH | --no-typst]
//!                                       [--typst-sample K] [--delegates M] [--keep DIR]
//! ```
//! Several N: each is run in its own process (peak memory is per process), one table each.
//! `--typst-sample K`: the once-per-record CLI run takes K records (default: all up to 1,000)
//! and is scaled to N. Nothing here asserts a time: it prints figures.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use minijinja::context;
use vinhdanh::documents::{self, Settings};
use vinhdanh::engine::{Phases, Work};
use vinhdanh::pipeline::{self, BuildOptions};
use vinhdanh::project::Project;

struct Args {
    ns: Vec<usize>,
    typst: Option<PathBuf>,
    no_typst: bool,
    sample: Option<usize>,
    delegates: Option<usize>,
    keep: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        ns: Vec::new(),
        typst: None,
        no_typst: false,
        sample: None,
        delegates: None,
        keep: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--typst" => a.typst = it.next().map(PathBuf::from),
            "--no-typst" => a.no_typst = true,
            "--typst-sample" => a.sample = it.next().and_then(|s| s.parse().ok()),
            "--delegates" => a.delegates = it.next().and_then(|s| s.parse().ok()),
            "--keep" => a.keep = it.next().map(PathBuf::from),
            n => a.ns.push(
                n.replace(['_', ','], "")
                    .parse()
                    .unwrap_or_else(|_| panic!("not a number or option: {n}")),
            ),
        }
    }
    if a.ns.is_empty() {
        a.ns.push(1000);
    }
    a
}

fn main() {
    let a = args();
    if a.ns.len() > 1 {
        // One process per N: VmHWM only grows, so a curve needs fresh processes.
        let exe = std::env::current_exe().expect("own path");
        // The options as parsed, not the raw arguments minus numbers: an option's value may be
        // a number too (`--delegates 150`).
        let mut rest: Vec<String> = Vec::new();
        if let Some(t) = &a.typst {
            rest.extend(["--typst".into(), t.display().to_string()]);
        }
        if a.no_typst {
            rest.push("--no-typst".into());
        }
        if let Some(k) = a.sample {
            rest.extend(["--typst-sample".into(), k.to_string()]);
        }
        if let Some(m) = a.delegates {
            rest.extend(["--delegates".into(), m.to_string()]);
        }
        if let Some(k) = &a.keep {
            rest.extend(["--keep".into(), k.display().to_string()]);
        }
        for n in &a.ns {
            let st = Command::new(&exe)
                .arg(n.to_string())
                .args(&rest)
                .status()
                .expect("run bench");
            assert!(st.success(), "bench {n} failed");
        }
        return;
    }
    run(a.ns[0], &a);
}

fn peak_rss_mb() -> f64 {
    status_kb("VmHWM:").map_or(f64::NAN, |kb| kb / 1024.0)
}

/// CPU time of this process so far (user + system), from /proc/self/stat: on a loaded machine
/// it says more than the wall time.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at field 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn status_kb(key: &str) -> Option<f64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Huỳnh",
];
const MIDDLE: [&str; 8] = [
    "Văn",
    "Thị",
    "Hữu",
    "Thị Ngọc",
    "Đức",
    "Minh",
    "Quốc",
    "Thị Thu",
];
const GIVEN: [&str; 12] = [
    "An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Ánh", "Phúc", "Ơn", "Thủy", "Hưởng", "Ngữ",
];
const LONG_UNIT: &str = "Công ty Trách nhiệm hữu hạn Một thành viên Đầu tư Xây dựng và Phát triển Nông nghiệp Công nghệ cao ứng dụng Khoa học kỹ thuật (chi nhánh số 2)";

fn name(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[i % FAMILY.len()],
        MIDDLE[i / 3 % MIDDLE.len()],
        GIVEN[i / 7 % GIVEN.len()]
    )
}

fn unit(i: usize) -> String {
    if i.is_multiple_of(7) {
        LONG_UNIT.to_string()
    } else {
        format!("Chi hội Nông dân thôn Đồng Xá số {}", i % 40 + 1)
    }
}

/// A project of `n` honorees and `m` delegates, the rest the default conference.
fn project(dir: &Path, n: usize, m: usize) -> Project {
    Project::write_default(dir).unwrap();
    // Every group soft: the generated lists do not follow the plan's numbers.
    let plan = std::fs::read_to_string(dir.join("data/plan.yaml")).unwrap();
    let mut plan: serde_yaml::Value = serde_yaml::from_str(&plan).unwrap();
    fn soften(g: &mut serde_yaml::Value) {
        g["soft"] = true.into();
        if let Some(children) = g.get_mut("groups").and_then(|c| c.as_sequence_mut()) {
            children.iter_mut().for_each(soften);
        }
    }
    soften(&mut plan["composition"]);
    std::fs::write(
        dir.join("data/plan.yaml"),
        serde_yaml::to_string(&plan).unwrap(),
    )
    .unwrap();

    let mut h = String::from("sample: true\nhonorees:\n");
    for i in 0..n {
        if i.is_multiple_of(5) {
            h.push_str(&format!(
                "  - id: tt-{i:05}\n    kind: collective\n    name: \"Hợp tác xã dịch vụ nông nghiệp tổng hợp và sản xuất rau an toàn thôn Đồng Xá số {}\"\n    unit: \"Ủy ban nhân dân xã Phước Hưng\"\n    field: kinh tế\n    achievement: \"Đã có thành tích xuất sắc trong tổ chức sản xuất theo chuỗi giá trị, đưa {} ha rau an toàn vào liên kết tiêu thụ, thu nhập của thành viên tăng bình quân 12%/năm giai đoạn 2020 – 2025.\"\n",
                i / 5 + 1,
                100 + i % 50
            ));
        } else {
            h.push_str(&format!(
                "  - id: cn-{i:05}\n    kind: individual\n    name: \"{}\"\n    gender: {}\n    birth_year: {}\n    title: \"Chi hội trưởng Chi hội Nông dân\"\n    unit: \"{}\"\n    field: xã hội\n    achievement: \"Đã có thành tích xuất sắc trong phong trào nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững, giúp đỡ {} hộ vươn lên thoát nghèo giai đoạn 2020 – 2025.\"\n",
                name(i),
                if i.is_multiple_of(2) { "nam" } else { "nữ" },
                1950 + i % 50,
                unit(i),
                i % 30 + 2
            ));
        }
    }
    std::fs::write(dir.join("data/honorees.yaml"), h).unwrap();

    let mut d = String::from("sample: true\ndelegates:\n");
    for i in 0..m {
        d.push_str(&format!(
            "  - {{id: db-{i:05}, salutation: {}, name: \"{}\", title: \"Phó Chủ tịch Hội Nông dân kiêm Trưởng ban Kiểm tra\", unit: \"{}\", group: official, seat: S{i:05}}}\n",
            if i.is_multiple_of(2) { "Ông" } else { "Bà" },
            name(i + 3),
            unit(i + 1)
        ));
    }
    std::fs::write(dir.join("data/delegates.yaml"), d).unwrap();
    Project::open(dir).unwrap()
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

fn run(n: usize, a: &Args) {
    let m = a.delegates.unwrap_or(n);
    let tmp = tempfile::tempdir().unwrap();
    let root = a.keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    let dir = root.join(format!("bench-{n}"));
    let _ = std::fs::remove_dir_all(&dir);
    let project = project(&dir, n, m);
    let out = dir.join("output");
    let cores = std::thread::available_parallelism().map_or(0, |c| c.get());
    let rss_before = peak_rss_mb();

    let (t, cpu0) = (Instant::now(), cpu_time());
    let report = pipeline::build(
        &project,
        &BuildOptions {
            out_dir: out.clone(),
            // Generated lists are far over the plan's quotas: measure printing, not checks.
            force: true,
            ..BuildOptions::default()
        },
    )
    .unwrap_or_else(|r| panic!("{}", r.diagnostics()));
    let wall = t.elapsed();
    let cpu = cpu_time().saturating_sub(cpu0);
    let peak = peak_rss_mb();
    assert!(report.ok(), "{:?}", report.failed);

    let mut phases = Phases::default();
    for o in &report.outcomes {
        phases.add(&o.phases);
    }
    let tm = report.timings;
    let files = report.written.len();
    println!(
        "## vinhdanh bench: N = {n} honorees, {m} delegates ({cores} cores{})",
        load_note()
    );
    println!();
    println!("| measure | value |");
    println!("|---|---|");
    println!("| wall time, whole build (s) | {} |", secs(wall));
    println!("| CPU time, user + system (s) | {} |", secs(cpu));
    println!("| PDFs written | {files} |");
    println!(
        "| per PDF (ms) | {:.2} |",
        wall.as_secs_f64() * 1000.0 / files.max(1) as f64
    );
    println!("| peak RSS, VmHWM (MB) | {peak:.0} (before build {rss_before:.0}) |");
    let certs: Vec<u64> = std::fs::read_dir(out.join("giay-khen"))
        .map(|rd| rd.flatten().map(|e| size(&e.path())).collect())
        .unwrap_or_default();
    let cert = median(certs.clone());
    let print = size(&out.join("giay-khen.pdf"));
    println!("| certificate file, median (bytes) | {cert} |");
    println!("| certificate print file (bytes) | {print} |");
    if certs.len() > 1 {
        println!(
            "| print file per page after the first (bytes) | {:.0} |",
            (print as f64 - cert as f64) / (certs.len() - 1) as f64
        );
    }
    println!(
        "| decision with its list (bytes) | {} |",
        size(&out.join("quyet-dinh-khen-thuong.pdf"))
    );
    println!();
    println!("| phase | s |");
    println!("|---|---|");
    println!("| load (data files) | {} |", secs(tm.load));
    println!("| fonts | {} |", secs(tm.fonts));
    println!("| rules | {} |", secs(tm.rules));
    println!("| documents → jobs, engine set-up | {} |", secs(tm.jobs));
    println!("| engine (wall) | {} |", secs(tm.engine));
    println!(
        "| · render, summed over threads | {} |",
        secs(phases.render)
    );
    println!("| · compile (layout) | {} |", secs(phases.compile));
    println!("| · export (typst-pdf) | {} |", secs(phases.export));
    println!("| · write | {} |", secs(phases.write));
    println!("| · join (print files) | {} |", secs(phases.join));
    println!();
    println!("| job | pages | s |");
    println!("|---|---|---|");
    for o in &report.outcomes {
        println!("| {} | {} | {} |", o.name, o.pages, secs(o.elapsed));
    }
    println!();

    if !a.no_typst {
        let typst = a.typst.clone().or_else(find_typst);
        match typst {
            Some(t) => {
                // The certificates' own job (files and print file), besides the whole build.
                let job = report
                    .outcomes
                    .iter()
                    .find(|o| o.name == format!("{}/", documents::certificate::DIR))
                    .map_or(wall, |o| o.elapsed);
                let alone = certificates_alone(&project, &dir);
                cli_compare(
                    &t,
                    &project,
                    &dir,
                    n,
                    a.sample,
                    (wall, job, alone),
                    cert,
                    print,
                )
            }
            None => println!("(no typst binary on PATH: no CLI comparison; pass --typst PATH)"),
        }
    }
}

/// The certificates alone, as the CLI makes them (`build --only giay-khen/`: the records' files
/// and the print file, no other document): within the whole build their job shares the cores
/// with the others, so its time there is not what a certificate costs. Comemo's cache is
/// emptied first, so nothing the whole build laid out is reused.
fn certificates_alone(project: &Project, dir: &Path) -> Duration {
    typst::comemo::evict(0);
    let (t, cpu0) = (Instant::now(), cpu_time());
    let report = pipeline::build(
        project,
        &BuildOptions {
            out_dir: dir.join("output-certificates"),
            force: true,
            only: vec![format!("{}/", documents::certificate::DIR)],
            ..BuildOptions::default()
        },
    )
    .unwrap_or_else(|r| panic!("{}", r.diagnostics()));
    assert!(report.ok(), "{:?}", report.failed);
    let (wall, cpu) = (t.elapsed(), cpu_time().saturating_sub(cpu0));
    let mut phases = Phases::default();
    for o in &report.outcomes {
        phases.add(&o.phases);
    }
    println!("## the certificates alone (`--only giay-khen/`: records' files and print file)");
    println!();
    println!("| measure | s |");
    println!("|---|---|");
    println!("| wall | {} |", secs(wall));
    println!("| CPU, user + system | {} |", secs(cpu));
    println!(
        "| · compile (layout), summed over threads | {} |",
        secs(phases.compile)
    );
    println!(
        "| · export (typst-pdf), summed over threads | {} |",
        secs(phases.export)
    );
    println!("| · write | {} |", secs(phases.write));
    println!("| · join | {} |", secs(phases.join));
    println!();
    wall
}

fn load_note() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .map(|l| format!(", load average {l}"))
        })
        .unwrap_or_default()
}

fn find_typst() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("typst"))
        .find(|p| p.is_file())
}

/// The same certificates through the typst CLI: the generated Typst of one record, compiled
/// once per record (its data through `--input`), and all records in one merged document.
#[allow(clippy::too_many_arguments)]
fn cli_compare(
    typst: &Path,
    project: &Project,
    dir: &Path,
    n: usize,
    sample: Option<usize>,
    (wall, job, alone): (Duration, Duration, Duration),
    cert: u64,
    print: u64,
) {
    let p = pipeline::prepare(project).unwrap_or_else(|d| panic!("{d}"));
    let jobs = documents::jobs(&p.data, &p.fonts, Settings::default());
    let Some(batch) = jobs.iter().find_map(|j| match &j.work {
        Work::Batch(b) if b.template == documents::certificate::TEMPLATE => Some(b),
        _ => None,
    }) else {
        println!("(no certificate batch: no CLI comparison)");
        return;
    };
    let env = vinhdanh::engine::render::environment(project);
    let tmpl = env.get_template(&batch.template).unwrap();
    let render = |i: usize| {
        let ctx = context! { record => batch.records[i].value.clone(), ..batch.shared.clone() };
        let full = tmpl.render(ctx.clone()).unwrap();
        let lit = env.render_str("{{ record }}", ctx).unwrap();
        (full, lit)
    };
    // The CLI's project: the shipped library templates next to the main file, the project's
    // assets at the root, the repository's fonts only.
    let cli = dir.join("typst-cli");
    let tdir = cli.join("templates");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        &tdir,
    );
    copy_dir(&dir.join("assets"), &cli.join("assets"));
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let compile = |main: &Path, out: &Path, input: Option<&str>| {
        let mut c = Command::new(typst);
        c.arg("compile")
            .arg("--root")
            .arg(&cli)
            .arg("--font-path")
            .arg(&fonts)
            .arg("--ignore-system-fonts");
        if let Some(i) = input {
            c.arg("--input").arg(format!("record={i}"));
        }
        let o = c.arg(main).arg(out).output().expect("run typst");
        assert!(
            o.status.success(),
            "typst failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };

    // Once per record: one main file reading its record from --input.
    let (first, lit0) = render(0);
    let k = sample.unwrap_or(n.min(1000)).clamp(1, n);
    let per_main = tdir.join("per-record.typ");
    let by_input = first.contains(&lit0);
    if by_input {
        std::fs::write(
            &per_main,
            first.replacen(&lit0, "eval(sys.inputs.record)", 1),
        )
        .unwrap();
    }
    let t = Instant::now();
    let mut sizes = Vec::new();
    for i in 0..k {
        let out = cli.join(format!("r{i}.pdf"));
        let (full, lit) = render(i);
        if by_input {
            compile(&per_main, &out, Some(&lit));
        } else {
            std::fs::write(&per_main, full).unwrap();
            compile(&per_main, &out, None);
        }
        sizes.push(size(&out));
        let _ = std::fs::remove_file(&out);
    }
    let per_record = t.elapsed().mul_f64(n as f64 / k as f64);

    // Once merged: the preamble (lines every record's source shares) and each record's rest.
    let second = if n > 1 { render(1).0 } else { first.clone() };
    let common = first
        .lines()
        .zip(second.lines())
        .take_while(|(x, y)| x == y)
        .count();
    let preamble: Vec<&str> = first.lines().take(common).collect();
    let mut merged = preamble.join("\n");
    for i in 0..n {
        let full = render(i).0;
        if i > 0 {
            merged.push_str("\n#pagebreak()");
        }
        merged.push('\n');
        merged.push_str(&full.lines().skip(common).collect::<Vec<_>>().join("\n"));
    }
    let merged_main = tdir.join("merged.typ");
    std::fs::write(&merged_main, merged).unwrap();
    let merged_pdf = cli.join("merged.pdf");
    let t = Instant::now();
    compile(&merged_main, &merged_pdf, None);
    let merged_time = t.elapsed();
    let merged_size = size(&merged_pdf);
    let cli_cert = median(sizes);

    let version = Command::new(typst)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    println!("## against the typst CLI ({version})");
    println!();
    println!("| measure | vinhdanh | typst CLI | ratio (CLI / vinhdanh) |");
    println!("|---|---|---|---|");
    println!(
        "| {n} certificates, one process per record{} (s) | {} (their job; whole build {}) | {} | {:.1}× (whole build {:.1}×) |",
        if k < n {
            format!(" (measured on {k}, scaled)")
        } else {
            String::new()
        },
        secs(job),
        secs(wall),
        secs(per_record),
        per_record.as_secs_f64() / job.as_secs_f64(),
        per_record.as_secs_f64() / wall.as_secs_f64()
    );
    println!(
        "| {n} certificates, one process per record, against `--only giay-khen/` (s) | {} | {} | {:.1}× |",
        secs(alone),
        secs(per_record),
        per_record.as_secs_f64() / alone.as_secs_f64()
    );
    println!(
        "| {n} certificates, one merged document (s) | {} (their job: files and print file; alone {}) | {} | {:.2}× (alone {:.2}×) |",
        secs(job),
        secs(alone),
        secs(merged_time),
        merged_time.as_secs_f64() / job.as_secs_f64(),
        merged_time.as_secs_f64() / alone.as_secs_f64()
    );
    println!(
        "| one certificate file (bytes) | {cert} | {cli_cert} | {:.2}× |",
        cli_cert as f64 / cert.max(1) as f64
    );
    if n > 1 {
        let ours = (print as f64 - cert as f64) / (n - 1) as f64;
        let theirs = (merged_size as f64 - cli_cert as f64) / (n - 1) as f64;
        println!(
            "| print file per page after the first (bytes) | {ours:.0} | {theirs:.0} | {:.2}× |",
            theirs / ours
        );
    }
    println!();
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}
