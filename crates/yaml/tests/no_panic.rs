//! Any text, any path: the index and the editor answer or refuse, never panic.

use proptest::prelude::*;
use vinhdanh_yaml::{Editor, Index, Item};

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "b",
            ": ",
            ":",
            "- ",
            "-",
            "\n",
            "\r\n",
            "  ",
            "\t",
            "#",
            "'",
            "\"",
            "\\",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x ",
            "*x",
            "!t ",
            "|",
            ">-",
            "---\n",
            "...",
            "?",
            "ă",
            "Ư",
            "\u{feff}",
            "%YAML 1.2\n",
            "1",
            "~",
        ]),
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn path() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "", "a", "b", "a.b", "a[0]", "[0]", "[1]", "a[0].b", "b[1]", "a.", "[x]",
    ])
    .prop_map(String::from)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn nothing_panics(text in yamlish(), p in path(), q in path(), v in "[a-z: #'\"]{0,6}", n in 0usize..3, m in 0usize..3) {
        let index = Index::build(&text);
        let _ = (index.value(&p), index.key(&p), index.locate(&p), index.line(&text, n));
        let _ = index.offset(&text, n, m);
        if let Ok(mut e) = Editor::new(&text) {
            let _ = e.set(&p, &v);
            let _ = e.rename_key(&q, &v);
            let _ = e.insert(&p, n, Item::Scalar(v.clone()));
            let _ = e.insert(&q, m, Item::Map(vec![(v.clone(), v.clone())]));
            let _ = e.move_item(&p, n, m);
            let _ = e.remove(&q);
            let out = e.finish();
            // Whatever was done, the text still parses.
            prop_assert!(Editor::new(&out).is_ok(), "{text:?} -> {out:?}");
        }
    }
}
