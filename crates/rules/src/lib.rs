//! Stage 2: every rule of `check` and `build`, a file per topic, each `&Data → Diagnostics`,
//! run once per command by [`run`]. Errors stop `build` (unless `--force`); warnings are shown
//! by both commands (`--strict` makes them errors).

pub mod msg;
#[allow(unused_imports)]
pub(crate) use vinhdanh_core::{collate, diag, memory, project, slug, text, tone};
pub(crate) use vinhdanh_load::{self as load, import};
pub(crate) use vinhdanh_model as model;

mod agenda;
mod assets;
mod composition;
mod decision;
mod electronic;
mod fonts;
pub mod free_text;
mod layout;
mod people;
mod placeholders;
pub mod report;
mod required;
mod samples;

pub use free_text::is_free_text;
pub use report::{Balance, CheckReport, QuotaRow, SumLine};
pub use samples::warm;

use crate::diag::{Diagnostics, Location};
use crate::load::Data;
use crate::model::HonoreeKind;
use vinhdanh_core::Coverage;

/// Runs every rule once. The report holds `check`'s tables; problems are in the diagnostics,
/// each located, with the record it concerns.
pub fn run(data: &Data, fonts: &dyn Coverage) -> (CheckReport, Diagnostics) {
    let mut out = Diagnostics::default();
    let mut report = CheckReport {
        delegates_file: data.source(&load::DELEGATES),
        honorees_file: data.source(&load::HONOREES),
        ..CheckReport::default()
    };
    // The free-text rules read every string of the data (a third of the rules' time at 10,000
    // honorees and 10,000 delegates, before any document): on a core of their own while the
    // others run; their messages keep their place in the list.
    let text = std::thread::scope(|s| {
        let text = s.spawn(|| {
            let mut text = Diagnostics::default();
            free_text::run(data, &mut text);
            text
        });
        layout::run(data, &mut out);
        composition::run(data, &mut report, &mut out);
        people::run(data, &mut out);
        agenda::run(data, &mut out);
        decision::run(data, &mut out);
        electronic::run(data, &mut out);
        placeholders::run(data, &mut out);
        required::run(data, &mut out);
        samples::run(data, &mut out);
        assets::run(data, &mut out);
        text.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
    });
    out.extend(text);
    fonts::run(data, fonts, &mut out);
    annotate_records(data, &mut out);
    (report, out)
}

/// For each character that `wanted` picks, the first field of the data holding it (location,
/// field path): lets the engine name the field of a glyph no font has.
pub fn char_origins(
    data: &Data,
    wanted: impl Fn(char) -> bool,
) -> std::collections::HashMap<char, (Location, String)> {
    let mut out = std::collections::HashMap::new();
    each_string(data, &mut |_, path, s, locate| {
        for c in s.chars().filter(|&c| wanted(c)) {
            out.entry(c)
                .or_insert_with(|| (locate(path), path.to_string()));
        }
    });
    out
}

fn kind_word(k: HonoreeKind) -> String {
    match k {
        HonoreeKind::Collective => crate::msg::kind_collective(),
        HonoreeKind::Individual => crate::msg::kind_individual(),
    }
}

pub fn delegate_label(data: &Data, i: usize) -> String {
    let Some((f, _)) = &data.delegates else {
        return crate::msg::delegate_nth(i + 1);
    };
    let Some(d) = f.delegates.get(i) else {
        return crate::msg::delegate_nth(i + 1);
    };
    let id = d.id.clone().unwrap_or_else(|| crate::msg::nth(i + 1));
    let who = d
        .name
        .clone()
        .or_else(|| d.unit.clone())
        .or_else(|| d.honoree.clone())
        .unwrap_or_default();
    if who.is_empty() {
        crate::msg::delegate_id(&id)
    } else {
        crate::msg::delegate_id_who(&id, &shorten(&who))
    }
}

pub fn honoree_label(data: &Data, i: usize) -> String {
    let Some(h) = data.honorees.as_ref().and_then(|(f, _)| f.honorees.get(i)) else {
        return crate::msg::honoree_nth(i + 1);
    };
    format!("{} {} ({})", kind_word(h.kind), h.id, shorten(&h.name))
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The record a field path of a list file belongs to, for diagnostics made elsewhere
/// (font coverage in validation) that only know the path.
pub fn record_for(data: &Data, file: &str, path: &str) -> Option<String> {
    let index = |prefix: &str| -> Option<usize> {
        path.strip_prefix(prefix)?
            .strip_prefix('[')?
            .split(']')
            .next()?
            .parse()
            .ok()
    };
    let is = |src: Option<&str>| src == Some(file);
    if is(data.delegates.as_ref().map(|(_, s)| s.file())) {
        return index("delegates").map(|i| delegate_label(data, i));
    }
    if is(data.honorees.as_ref().map(|(_, s)| s.file())) {
        return index("honorees").map(|i| honoree_label(data, i));
    }
    None
}

/// Adds the record to located diagnostics about list files that lack one.
fn annotate_records(data: &Data, diags: &mut Diagnostics) {
    for d in &mut diags.0 {
        if d.record.is_some() {
            continue;
        }
        if let (Some(loc), Some(field)) = (&d.location, &d.field)
            && let Some(r) = record_for(data, &loc.file, field)
        {
            d.record = Some(r);
        }
    }
}

/// Every string of the project's data, with its file, path and source.
/// Called with (file, field path, text, locator) for each string.
type StringVisitor<'v> = dyn FnMut(&str, &str, &str, &dyn Fn(&str) -> Location) + 'v;

pub(crate) fn each_string(data: &Data, f: &mut StringVisitor<'_>) {
    for file in data.texts() {
        (file.strings)(&mut |path, s| f(file.file, path, s, &*file.locate));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::free_text::{is_free_text, last_key, needs_nfc};
    use crate::load;
    use crate::project::Project;
    use crate::report::{range_text, term_text};

    #[test]
    fn free_text_paths() {
        assert!(is_free_text("plan.body[3].body[0].numbered[1]"));
        assert!(is_free_text("honorees[2].achievement"));
        assert!(is_free_text("items[0].title"));
        assert!(is_free_text("composition.groups[1].label"));
        assert!(!is_free_text("honorees[2].name"));
        assert!(!is_free_text("delegates[2].title"));
        assert!(!is_free_text("conference.venue"));
        assert!(!is_free_text("authority.lines[0]"));
        assert!(!is_free_text("delegates[0].salutation"));
        assert!(!is_free_text("items[0].speakers[0].name"));
        assert!(is_free_text("items[0].speakers[0].topic"));
    }

    #[test]
    fn last_key_strips_indices() {
        assert_eq!(last_key("a.b[1][2]"), "b");
        assert_eq!(last_key("x"), "x");
    }

    #[test]
    fn ranges_print_plainly() {
        assert_eq!(range_text((4, 4)), "4");
        assert_eq!(range_text((70, 80)), "70–80");
        assert_eq!(term_text((70, 80)), "(70–80)");
    }

    /// Every character drawable: the fonts rule has its own tests with the engine's fonts.
    struct All;
    impl Coverage for All {
        fn covers(&self, _: char) -> bool {
            true
        }
        fn family_covers(&self, _: &str, _: char) -> bool {
            true
        }
    }

    #[test]
    fn default_project_counts_and_balance() {
        let project = Project::embedded();
        let data = load::load(&project).unwrap();
        let (report, diags) = run(&data, &All);
        assert!(!diags.has_errors(), "{diags}");
        let total = &report.composition[0];
        assert_eq!((total.planned, total.actual), (Some((120, 150)), 139));
        let official = report
            .composition
            .iter()
            .find(|r| r.id == "official")
            .unwrap();
        assert_eq!(official.actual, 74);
        let commune = report.sums.iter().find(|s| s.planned == (37, 37)).unwrap();
        assert_eq!(commune.terms, "2 + 3 + 2 + 5 + 5 + 3 + 2 + 15");
        let total_sum = report
            .sums
            .iter()
            .find(|s| s.planned == (120, 150))
            .unwrap();
        assert_eq!(total_sum.sum, (135, 145));
        assert!(total_sum.ok);
        assert_eq!(report.honours[0].actual, 12);
        assert_eq!(report.honours[1].actual, 32);
        let text = format!("{report}{diags}");
        assert!(text.contains("Theo giới tính"), "{text}");
    }

    /// Every declared data file goes through the text checks: a decomposed letter typed in
    /// each, and a TCVN3 value in each that has a Vietnamese value, are reported in that file.
    /// A file declared in the registry but skipped by the checks fails here.
    #[test]
    fn every_declared_file_is_read_by_the_text_checks() {
        let dir = tempfile::tempdir().unwrap();
        Project::write_default(dir.path()).unwrap();
        // A plain value with a Vietnamese letter, outside a comment: the line to replace.
        let vietnamese_value = |line: &str| -> Option<usize> {
            let body = line.trim_start().trim_start_matches("- ");
            let (key, value) = body.split_once(": ")?;
            let value = value.split(" #").next()?.trim();
            let plain = !value.starts_with(['"', '\'', '|', '>', '[', '{', '#', '&', '*', '!']);
            (key.chars().all(|c| c.is_ascii_lowercase() || c == '_') && plain && !value.is_ascii())
                .then(|| line.len() - body.len() + key.len() + 2)
        };
        let mut with_value = std::collections::BTreeSet::new();
        for f in load::FILES.iter().filter(|f| f.text_rules) {
            let path = dir.path().join(f.path);
            let text = std::fs::read_to_string(&path).unwrap();
            let mut out = String::new();
            let mut replaced = false;
            for line in text.lines() {
                match vietnamese_value(line).filter(|_| !replaced) {
                    Some(at) => {
                        let comment = line[at..].find(" #").map_or("", |i| &line[at + i..]);
                        out.push_str(&format!("{}Hµ Néi{comment}\n", &line[..at]));
                        replaced = true;
                        with_value.insert(f.path);
                    }
                    None => out.push_str(&format!("{line}\n")),
                }
            }
            out.push_str("# ghi cho\u{301}: \n");
            std::fs::write(&path, out).unwrap();
        }
        let project = Project::open(dir.path()).unwrap();
        let data = load::load(&project).unwrap_or_else(|e| panic!("{e}"));
        let (_, diags) = run(&data, &All);
        let reported = |text: &str| -> std::collections::BTreeSet<String> {
            diags
                .0
                .iter()
                .filter(|d| d.message.contains(text))
                .filter_map(|d| d.location.as_ref().map(|l| l.file.clone()))
                .collect()
        };
        let declared: std::collections::BTreeSet<String> = load::FILES
            .iter()
            .filter(|f| f.text_rules)
            .map(|f| f.path.to_string())
            .collect();
        assert_eq!(declared.len(), load::FILES.len());
        let nfd = crate::msg::text_nfd(1);
        let nfd_words = nfd.split(['0', '1', '2']).next().unwrap();
        assert_eq!(reported(nfd_words), declared, "{diags}");
        // The phôi layout holds numbers only; every other file has a Vietnamese value.
        assert_eq!(with_value.len(), load::FILES.len() - 1, "{with_value:?}");
        // The message's words between the value and the encoding's name.
        let legacy = crate::msg::legacy_encoding("\u{1}", "\u{2}");
        let legacy_words = legacy.split(['\u{1}', '\u{2}']).nth(1).unwrap();
        let with_value: std::collections::BTreeSet<String> =
            with_value.into_iter().map(str::to_string).collect();
        assert_eq!(reported(legacy_words), with_value, "{diags}");
    }

    #[test]
    fn nfc_detection() {
        assert!(needs_nfc("hoa\u{300}"));
        assert!(!needs_nfc("hoà"));
    }
}
