//! Importers never panic (issue #10): arbitrary bytes and mutated real files (byte flips,
//! truncation, inserted bytes, edited cells) fed to the CSV, XLSX/ODS/XLS and YAML readers
//! as a clerk's file would reach them. Every outcome is a list or errors that each name the
//! file (and, when the file could be read as a table, the row).
//!
//! A moderate number of cases runs in CI (a few seconds); run long with
//! `VINHDANH_FUZZ_CASES=20000 cargo test --release --test suite -- fuzz_import::`.

use crate::common;

use std::io::{Read, Write};
use std::sync::OnceLock;

use proptest::prelude::*;
use vinhdanh::diag::Diagnostics;
use vinhdanh::load::{tables, yaml};
use vinhdanh::model::{
    AgendaFile, DecisionFile, DelegatesFile, HonoreesFile, PhoiLayout, PlanFile,
};

fn cases() -> u32 {
    std::env::var("VINHDANH_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(48)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // The seeds of failures are reported in the panic message; no files written.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every diagnostic names the file given; `Ok` is a list.
fn located(rel: &str, result: Result<Diagnostics, Diagnostics>) {
    let diags = match result {
        Ok(notes) => notes,
        Err(errors) => {
            assert!(errors.has_errors(), "an Err without an error");
            errors
        }
    };
    for d in &diags.0 {
        if d.message.starts_with("… và ") {
            continue; // the count after the first cells shown
        }
        let loc = d.location.as_deref();
        assert_eq!(loc.map(|l| l.file.as_str()), Some(rel), "not located: {d}");
    }
}

/// Reads `bytes` as `name` through both list readers.
fn read_table_file(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let rel = format!("data/{name}");
    located(&rel, tables::honorees(&path, &rel).map(|(_, _, n)| n));
    located(&rel, tables::delegates(&path, &rel).map(|(_, _, n)| n));
}

fn read_yaml(bytes: &[u8]) {
    let rel = "data/x.yaml";
    fn one<T: serde::de::DeserializeOwned>(rel: &str, bytes: &[u8]) {
        if let Err(d) = yaml::parse::<T>(rel, bytes) {
            assert_eq!(
                d.location.as_deref().map(|l| l.file.as_str()),
                Some(rel),
                "{d}"
            );
        }
    }
    one::<DelegatesFile>(rel, bytes);
    one::<HonoreesFile>(rel, bytes);
    one::<PlanFile>(rel, bytes);
    one::<AgendaFile>(rel, bytes);
    one::<DecisionFile>(rel, bytes);
    one::<PhoiLayout>(rel, bytes);
}

/// Real files: the lists `vinhdanh init` gives, the import fixtures, the seed YAML, and an
/// .ods written here (no .ods is committed).
struct Corpus {
    tables: Vec<(String, Vec<u8>)>,
    yaml: Vec<Vec<u8>>,
}

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let repo = common::repo();
        let mut tables = Vec::new();
        for dir in [
            "data/examples",
            "tests/fixtures/import",
            "tests/fixtures/xlsx",
            "tests/fixtures/office-lists/data",
        ] {
            for e in std::fs::read_dir(repo.join(dir)).unwrap() {
                let p = e.unwrap().path();
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                if matches!(ext, "xlsx" | "csv") {
                    tables.push((ext.to_string(), std::fs::read(&p).unwrap()));
                }
            }
        }
        tables.push(("ods".into(), ods()));
        let yaml = std::fs::read_dir(repo.join("data"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        Corpus { tables, yaml }
    })
}

/// A small OpenDocument spreadsheet: title row, header, two people.
fn ods() -> Vec<u8> {
    let rows = [
        vec!["DANH SÁCH"],
        vec![
            "STT",
            "Họ và tên",
            "Nam",
            "Nữ",
            "Ngày sinh",
            "Thành tích",
            "Nhóm",
        ],
        vec!["1", "Lê Văn An", "x", "", "05/09/1978", "Tốt.", "city"],
        vec!["2", "Trần Thị Bình", "", "x", "1980", "Tốt.", "city"],
    ];
    let mut table = String::new();
    for r in rows {
        table.push_str("<table:table-row>");
        for c in r {
            table.push_str(&format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>"
            ));
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Danh sách">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("META-INF/manifest.xml", stored).unwrap();
        zip.write_all(manifest.as_bytes()).unwrap();
        zip.start_file("content.xml", stored).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// A change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip {
        at: usize,
        xor: u8,
    },
    Truncate {
        at: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    /// Overwrite a run of bytes with one value (a zeroed or 0xFF block).
    Fill {
        at: usize,
        len: usize,
        byte: u8,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, xor)| Mutation::Flip { at, xor }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1..64usize, any::<u8>()).prop_map(|(at, len, byte)| Mutation::Fill {
            at,
            len,
            byte
        }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    match m {
        Mutation::Flip { at, xor } => {
            let i = at % bytes.len();
            bytes[i] ^= xor;
        }
        Mutation::Truncate { at } => bytes.truncate(at % bytes.len()),
        Mutation::Insert { at, bytes: b } => {
            let i = at % (bytes.len() + 1);
            bytes.splice(i..i, b.iter().copied());
        }
        Mutation::Fill { at, len, byte } => {
            let i = at % bytes.len();
            let end = (i + len).min(bytes.len());
            bytes[i..end].fill(*byte);
        }
    }
}

/// Text a clerk might type into a cell: Vietnamese, separators, quotes, markup, control
/// characters, numbers that look like dates, very long runs.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,;\"'\\t\\r\\n/.\\-x]{0,12}",
        "\\PC{0,20}",
        Just(String::new()),
        Just("x".to_string()),
        Just("Họ và tên / Tên tập thể".to_string()),
        Just("I. TẬP THỂ".to_string()),
        Just("31/02/1978".to_string()),
        Just("99999999999999999999".to_string()),
        Just("#N/A".to_string()),
        Just("Đại biểu thành phố".to_string()),
        Just("a".repeat(5000)),
        Just("e\u{301}\u{302}  \u{200b}\u{feff}".to_string()),
    ]
}

/// Edits the text of an .xlsx/.ods inside its zip: every XML part of the workbook has one
/// text node (a cell, a header, a sheet name, a date) replaced; the zip stays valid.
fn edit_zip_cells(bytes: &[u8], edits: &[(usize, String)]) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..archive.len() {
            let mut f = archive.by_index(i).ok()?;
            let name = f.name().ok()?.to_string();
            let mut content = Vec::new();
            f.read_to_end(&mut content).ok()?;
            if name.ends_with(".xml") {
                let mut text = String::from_utf8(content).ok()?;
                for (at, new) in edits {
                    // The text nodes: between '>' and '<'.
                    let nodes: Vec<(usize, usize)> = text
                        .match_indices('>')
                        .filter_map(|(s, _)| {
                            let e = text[s + 1..].find('<')? + s + 1;
                            (e > s + 1).then_some((s + 1, e))
                        })
                        .collect();
                    if nodes.is_empty() {
                        continue;
                    }
                    let (s, e) = nodes[at % nodes.len()];
                    let escaped = new
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;");
                    text.replace_range(s..e, &escaped);
                }
                content = text.into_bytes();
            }
            w.start_file(name, opts).ok()?;
            w.write_all(&content).ok()?;
        }
        w.finish().ok()?;
    }
    Some(out.into_inner())
}

/// Edits cells of a CSV: the file split at separators, one field replaced.
fn edit_csv_cells(bytes: &[u8], edits: &[(usize, String)]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    for (at, new) in edits {
        let cuts: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| matches!(c, ',' | ';' | '\n'))
            .map(|(i, _)| i)
            .collect();
        if cuts.len() < 2 {
            continue;
        }
        let k = at % (cuts.len() - 1);
        text.replace_range(cuts[k] + 1..cuts[k + 1], new);
    }
    text.into_bytes()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        ext in prop::sample::select(vec!["csv", "xlsx", "xls", "ods", "xlsb", "yaml"]),
        magic in 0..4usize,
    ) {
        // Past the first check of each reader: a zip, an OLE (.xls) or a BOM header.
        let prefix: &[u8] = match magic {
            0 => b"",
            1 => b"PK\x03\x04",
            2 => &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => &[0xEF, 0xBB, 0xBF],
        };
        let mut all = prefix.to_vec();
        all.extend(bytes);
        if ext == "yaml" {
            read_yaml(&all);
        } else {
            read_table_file(&format!("list.{ext}"), &all);
        }
    }

    #[test]
    fn mutated_real_tables(
        pick in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let c = corpus();
        let (ext, original) = &c.tables[pick % c.tables.len()];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        read_table_file(&format!("list.{ext}"), &bytes);
    }

    #[test]
    fn real_tables_with_edited_cells(
        pick in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), cell_text()), 1..6),
    ) {
        let c = corpus();
        let (ext, original) = &c.tables[pick % c.tables.len()];
        let bytes = if ext == "csv" {
            edit_csv_cells(original, &edits)
        } else {
            edit_zip_cells(original, &edits).expect("a real workbook is a zip")
        };
        read_table_file(&format!("list.{ext}"), &bytes);
    }

    #[test]
    fn mutated_real_yaml(
        pick in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..4),
        edits in prop::collection::vec((any::<usize>(), cell_text()), 0..3),
    ) {
        let c = corpus();
        let mut bytes = c.yaml[pick % c.yaml.len()].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        read_yaml(&bytes);
        // A value edited, as a clerk types into the file.
        read_yaml(&edit_csv_cells(&c.yaml[pick % c.yaml.len()], &edits));
    }
}

#[test]
fn corpus_reads_as_expected() {
    // The harness is only as good as its corpus: the real files read, with a list.
    let c = corpus();
    assert!(c.tables.len() >= 8, "{}", c.tables.len());
    assert!(c.yaml.len() >= 6);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.ods");
    std::fs::write(&path, ods()).unwrap();
    let (h, _, _) = tables::honorees(&path, "data/honorees.ods").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(h.honorees.len(), 2);
    assert_eq!(h.honorees[0].birth_year, Some(1978));
}
