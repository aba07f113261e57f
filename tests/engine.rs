//! The engine as a user meets it: one `--keep-typst` file per compile (chunks of a batch no
//! longer overwrite each other), and concurrent jobs and chunks that change no byte of the
//! output.

use crate::common;

use std::fs;

use common::{init_project, run, tree};

#[test]
fn keep_typst_writes_one_file_per_compile() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", ".", "--keep-typst"]);
    assert_eq!(code, 0, "{out}");
    let typst = p.join("output/typst");
    let mut names: Vec<String> = fs::read_dir(&typst)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // 139 delegates: two chunks of the invitation batch, of even sizes, each kept.
    for want in [
        "ke-hoach.typ",
        "giay-moi-001.typ",
        "giay-moi-002.typ",
        "danh-sach-dai-bieu.typ",
        "chuong-trinh.typ",
        "chuong-trinh-in.typ",
        "quyet-dinh-khen-thuong.typ",
        "giay-khen-001.typ",
    ] {
        assert!(
            names.contains(&want.to_string()),
            "{want} missing: {names:?}"
        );
    }
    let one = fs::read_to_string(typst.join("giay-moi-001.typ")).unwrap();
    let two = fs::read_to_string(typst.join("giay-moi-002.typ")).unwrap();
    assert_ne!(one, two);
    assert_eq!(one.matches("<vd-record>").count(), 70);
    assert_eq!(two.matches("<vd-record>").count(), 69);
}

/// `--jobs 4` also lays out the two chunks of the invitation batch (139 delegates) at once:
/// the records' files, the joined print file and the manifest must not depend on it.
#[test]
fn jobs_in_parallel_or_one_by_one_give_the_same_bytes() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", ".", "--jobs", "1", "--out", "one"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&p, &["build", ".", "--jobs", "4", "--out", "four"]);
    assert_eq!(code, 0, "{out}");
    let (a, b) = (tree(&p.join("one")), tree(&p.join("four")));
    // 190 documents and the list of them a later build cleans up by (.vinhdanh-manifest).
    assert_eq!(a.len(), 191);
    assert!(a.contains_key(".vinhdanh-manifest"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(b[k] == *v, "{k} differs between --jobs 1 and --jobs 4");
    }
}

/// Each job names the data files it reads, and reports the templates and libraries its
/// compiles read: what a watch loop will use to rebuild only what a change touches.
#[test]
fn jobs_name_their_inputs() {
    use vinhdanh::documents::{self, Settings};
    use vinhdanh::engine::{Engine, Options};
    let project = vinhdanh::project::Project::embedded();
    let p = vinhdanh::pipeline::prepare(&project).unwrap();
    let jobs = documents::jobs(&p.data, &p.fonts, Settings::default());
    let names: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ke-hoach.pdf",
            "giay-moi/",
            "danh-sach-dai-bieu.pdf",
            "chuong-trinh.pdf",
            "quyet-dinh-khen-thuong.pdf",
            "giay-khen/",
        ]
    );
    let inputs = |name: &str| -> Vec<&str> {
        let job = jobs.iter().find(|j| j.name == name).unwrap();
        job.inputs.iter().map(String::as_str).collect()
    };
    assert_eq!(
        inputs("ke-hoach.pdf"),
        [
            "data/plan.yaml",
            "data/agenda.yaml",
            "data/responsibilities.yaml"
        ]
    );
    assert_eq!(
        inputs("giay-khen/"),
        [
            "data/plan.yaml",
            "data/honorees.yaml",
            "data/decision.yaml",
            "data/phoi.yaml"
        ]
    );
    assert!(!inputs("giay-moi/").contains(&"data/decision.yaml"));
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        out_dir: dir.path().to_path_buf(),
        ..Options::default()
    };
    let engine = Engine::new(&project, &p.fonts, options);
    let plan = jobs.into_iter().next().unwrap();
    let outcome = engine.run_one(&plan);
    assert!(outcome.errors.is_empty(), "{}", outcome.errors);
    let read: Vec<&str> = outcome.read.iter().map(String::as_str).collect();
    assert!(read.contains(&"templates/ke-hoach.typ.j2"), "{read:?}");
    assert!(read.contains(&"templates/lib/nd30.typ"), "{read:?}");
    assert!(!read.iter().any(|r| r.contains("giay-khen")), "{read:?}");
}

/// A project whose decision.yaml keeps the phôi layout elsewhere (`mau/phoi-rieng.yaml`) has
/// that file checked and read: the text checks find a decomposed letter in it, the certificate
/// jobs name it as their input (a save of it rebuilds them), and the default `data/phoi.yaml`
/// left beside it, with a decomposed letter of its own, is neither.
#[test]
fn a_phoi_layout_named_elsewhere_is_the_one_checked_and_read() {
    use vinhdanh::documents::{self, Settings};
    let dir = tempfile::tempdir().unwrap();
    vinhdanh::project::Project::write_default(dir.path()).unwrap();
    common::name_own_layout(dir.path(), true);
    let elsewhere = common::OWN_LAYOUT;
    for (file, line) in [
        (elsewhere, "# ghi cho\u{301}\n"),
        ("data/phoi.yaml", "# ba\u{300}n cu\u{303}\n"),
    ] {
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join(file))
            .unwrap();
        std::io::Write::write_all(&mut f, line.as_bytes()).unwrap();
    }

    let project = vinhdanh::project::Project::open(dir.path()).unwrap();
    let p = vinhdanh::pipeline::prepare(&project).unwrap_or_else(|e| panic!("{e}"));
    let nfd = vinhdanh::msg::text_nfd(1);
    let nfd_words = nfd.split(['0', '1', '2']).next().unwrap();
    let flagged: Vec<String> = p
        .diags
        .0
        .iter()
        .filter(|d| d.message.contains(nfd_words))
        .filter_map(|d| d.location.as_ref().map(|l| l.file.clone()))
        .collect();
    assert_eq!(flagged, [elsewhere], "{}", p.diags);

    let jobs = documents::jobs(&p.data, &p.fonts, Settings::default());
    let inputs = &jobs.iter().find(|j| j.name == "giay-khen/").unwrap().inputs;
    assert!(inputs.iter().any(|i| i == elsewhere), "{inputs:?}");
    assert!(!inputs.iter().any(|i| i == "data/phoi.yaml"), "{inputs:?}");
}

/// `--only` makes the jobs of the documents it names and no others (the invitations' views and
/// QR codes are not made for a decision-only build), and selects from them what a selection
/// over every document's jobs selects, for every output name (with or without its slash).
#[test]
fn only_makes_the_jobs_of_the_documents_it_names() {
    use vinhdanh::documents::{self, Settings};
    use vinhdanh::pipeline::{outputs, select};
    let project = vinhdanh::project::Project::embedded();
    let p = vinhdanh::pipeline::prepare(&project).unwrap();
    let settings = Settings {
        phoi: true,
        ..Default::default()
    };
    let all = || documents::jobs(&p.data, &p.fonts, settings);
    let made = |names: &[String]| documents::jobs_named(&p.data, &p.fonts, settings, names);
    let picked = |jobs, names: &[String]| -> Vec<String> {
        select(jobs, names)
            .unwrap()
            .iter()
            .flat_map(outputs)
            .collect()
    };
    let mut names: Vec<String> = all().iter().flat_map(outputs).collect();
    names.extend(
        names
            .clone()
            .iter()
            .map(|n| n.trim_end_matches('/').to_string()),
    );
    assert!(
        names.contains(&"giay-khen-phoi.pdf".to_string()),
        "{names:?}"
    );
    for name in &names {
        let one = std::slice::from_ref(name);
        assert_eq!(picked(made(one), one), picked(all(), one), "{name}");
    }
    let decision = ["quyet-dinh-khen-thuong.pdf".to_string()];
    let jobs: Vec<String> = made(&decision).into_iter().map(|j| j.name).collect();
    assert_eq!(jobs, ["quyet-dinh-khen-thuong.pdf"]);
    let two = ["giay-moi".to_string(), "ke-hoach.pdf".to_string()];
    let jobs: Vec<String> = made(&two).into_iter().map(|j| j.name).collect();
    assert_eq!(
        jobs,
        ["ke-hoach.pdf", "giay-moi/", "danh-sach-dai-bieu.pdf"]
    );
    // A name no document writes: every job, so that the selection can list them.
    let typo = ["giay-khen.pd".to_string()];
    assert_eq!(made(&typo).len(), all().len());
}
