//! Every integration test in one binary. Each file below was a test binary of its own; as one
//! crate they are compiled and linked once (the shared helpers in `common` too, instead of once
//! per file), and their tests share one pool of threads instead of running binary after binary,
//! each with its slow tail. A file's tests are run alone with its module name as the filter:
//! `cargo test --release --test suite -- reference::`.

mod common;

mod bad_input;
mod bench;
mod booklet;
mod catalogue;
mod certificates;
mod cli;
mod compat;
mod disk;
mod engine;
mod esign;
mod finish;
mod fuzz_import;
mod injection;
mod invitations;
mod lang;
mod layering;
mod migrate;
mod office_lists;
mod one_road;
mod parts;
mod plan;
mod reference;
mod serve;
mod serve_bench;
mod speed;
mod trial;
mod typography;
mod watch;
mod workspace;

/// With `autotests = false`, a file under `tests/` that is not named above is never compiled,
/// and its tests never fail: so every file must be named.
#[test]
fn every_test_file_is_a_module_of_the_suite() {
    let suite = std::fs::read_to_string(common::repo().join("tests/suite.rs")).unwrap();
    let named: std::collections::BTreeSet<&str> = suite
        .lines()
        .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(common::repo().join("tests")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let is_rs = path.extension().is_some_and(|e| e == "rs");
        if is_rs && stem != "suite" && !named.contains(stem.as_str()) {
            missing.push(stem);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/suite.rs does not name {missing:?}"
    );
}
