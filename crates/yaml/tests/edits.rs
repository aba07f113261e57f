//! Each edit on a small file, with the whole expected output written out.

use vinhdanh_yaml::{Change, Editor, Error, Item};

const PLAN: &str = "\
# Kế hoạch — chú thích đầu tệp
vinhdanh: 1   # phiên bản
authority:
  lines: [ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]   # tên cơ quan
  name: 'Ủy ban nhân dân xã'
  code: \"UBND\"
invitation:
  notes: Đề nghị đến đúng giờ   # câu cuối
delegates:
  # nhóm thành phố
  - id: db-001
    name: Vũ Đức Thắng
  - id: db-002
    name: Lê Văn Hùng   # khách

  - id: db-003
    name: Trần Thị Hoa
";

fn edited(text: &str, f: impl FnOnce(&mut Editor) -> Result<Change, Error>) -> (String, Change) {
    let mut e = Editor::new(text).unwrap();
    let c = f(&mut e).unwrap();
    (e.finish(), c)
}

fn lines(a: usize, b: usize, c: usize, d: usize) -> Change {
    Change {
        before: a..b,
        after: c..d,
    }
}

#[test]
fn set_keeps_plain_and_quotes_only_what_needs_it() {
    let (out, c) = edited(PLAN, |e| e.set("delegates[1].name", "Lê Văn Hưng"));
    assert_eq!(out, PLAN.replace("Lê Văn Hùng   #", "Lê Văn Hưng   #"));
    assert_eq!(c, lines(14, 15, 14, 15));

    let (out, _) = edited(PLAN, |e| e.set("delegates[0].name", "yes"));
    assert_eq!(out, PLAN.replace("name: Vũ Đức Thắng", "name: \"yes\""));

    let (out, _) = edited(PLAN, |e| e.set("delegates[0].name", "Trường: THCS # 2"));
    assert_eq!(
        out,
        PLAN.replace("name: Vũ Đức Thắng", "name: \"Trường: THCS # 2\"")
    );

    let (out, _) = edited(PLAN, |e| e.set("delegates[0].name", "say \"hi\"\n"));
    assert_eq!(
        out,
        PLAN.replace("name: Vũ Đức Thắng", "name: \"say \\\"hi\\\"\\n\"")
    );
}

#[test]
fn set_keeps_the_quote_style_that_still_works() {
    let (out, _) = edited(PLAN, |e| e.set("authority.name", "Ủy ban: xã"));
    assert_eq!(out, PLAN.replace("'Ủy ban nhân dân xã'", "'Ủy ban: xã'"));
    let (out, _) = edited(PLAN, |e| e.set("authority.name", "dòng\nhai"));
    assert_eq!(out, PLAN.replace("'Ủy ban nhân dân xã'", "\"dòng\\nhai\""));
    let (out, _) = edited(PLAN, |e| e.set("authority.code", "UB"));
    assert_eq!(out, PLAN.replace("\"UBND\"", "\"UB\""));
}

#[test]
fn set_in_a_flow_list_quotes_commas() {
    let (out, c) = edited(PLAN, |e| e.set("authority.lines[1]", "XÃ A, B"));
    assert_eq!(out, PLAN.replace("XÃ THƯỢNG HỒNG]", "\"XÃ A, B\"]"));
    assert_eq!(c, lines(4, 5, 4, 5));
}

#[test]
fn set_adds_a_missing_key_at_the_end_of_its_mapping() {
    let (out, c) = edited(PLAN, |e| e.set("delegates[0].seat", "A01"));
    assert_eq!(
        out,
        PLAN.replace(
            "name: Vũ Đức Thắng\n",
            "name: Vũ Đức Thắng\n    seat: A01\n"
        )
    );
    assert_eq!(c, lines(12, 13, 12, 14));
}

#[test]
fn rename_keeps_value_comment_and_quotes() {
    let (out, c) = edited(PLAN, |e| e.rename_key("invitation.notes", "request"));
    assert_eq!(out, PLAN.replace("  notes: Đề", "  request: Đề"));
    assert_eq!(c, lines(8, 9, 8, 9));
    let quoted = "a:\n  \"notes\": x # c\n";
    let (out, _) = edited(quoted, |e| e.rename_key("a.notes", "request"));
    assert_eq!(out, "a:\n  \"request\": x # c\n");
    let mut e = Editor::new(PLAN).unwrap();
    assert_eq!(
        e.rename_key("delegates[0].id", "name"),
        Err(Error::KeyExists {
            path: "delegates[0]".into(),
            key: "name".into()
        })
    );
    assert_eq!(e.text(), PLAN);
}

#[test]
fn insert_a_mapping_and_a_scalar() {
    let (out, c) = edited(PLAN, |e| {
        e.insert(
            "delegates",
            1,
            Item::Map(vec![
                ("id".into(), "db-009".into()),
                ("name".into(), "Phạm: A".into()),
            ]),
        )
    });
    assert_eq!(
        out,
        PLAN.replace(
            "  - id: db-002\n",
            "  - id: db-009\n    name: \"Phạm: A\"\n  - id: db-002\n"
        )
    );
    assert_eq!(c, lines(13, 13, 13, 15));
    let (out, _) = edited(PLAN, |e| {
        e.insert("authority.lines", 2, Item::Scalar("TỔ 1".into()))
    });
    assert_eq!(
        out,
        PLAN.replace("XÃ THƯỢNG HỒNG]", "XÃ THƯỢNG HỒNG, TỔ 1]")
    );
}

#[test]
fn move_a_block_item_as_its_lines() {
    let (out, c) = edited(PLAN, |e| e.move_item("delegates", 2, 0));
    assert_eq!(
        out,
        "\
# Kế hoạch — chú thích đầu tệp
vinhdanh: 1   # phiên bản
authority:
  lines: [ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]   # tên cơ quan
  name: 'Ủy ban nhân dân xã'
  code: \"UBND\"
invitation:
  notes: Đề nghị đến đúng giờ   # câu cuối
delegates:
  # nhóm thành phố
  - id: db-003
    name: Trần Thị Hoa
  - id: db-001
    name: Vũ Đức Thắng
  - id: db-002
    name: Lê Văn Hùng   # khách

"
    );
    assert_eq!(c, lines(11, 18, 11, 18));
    let (out, _) = edited(PLAN, |e| e.move_item("authority.lines", 0, 1));
    assert_eq!(
        out,
        PLAN.replace(
            "[ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]",
            "[XÃ THƯỢNG HỒNG, ỦY BAN NHÂN DÂN]"
        )
    );
}

#[test]
fn remove_an_item_and_a_key() {
    let (out, c) = edited(PLAN, |e| e.remove("delegates[1]"));
    assert_eq!(
        out,
        PLAN.replace("  - id: db-002\n    name: Lê Văn Hùng   # khách\n", "")
    );
    assert_eq!(c, lines(13, 15, 13, 13));
    let (out, _) = edited(PLAN, |e| e.remove("authority.code"));
    assert_eq!(out, PLAN.replace("  code: \"UBND\"\n", ""));
}

#[test]
fn crlf_and_a_byte_order_mark_are_kept() {
    let text = "\u{feff}a: 1\r\nlist:\r\n  - x\r\n";
    let mut e = Editor::new(text).unwrap();
    e.set("a", "hai: 2").unwrap();
    e.insert("list", 1, Item::Scalar("z".into())).unwrap();
    e.rename_key("a", "b").unwrap();
    assert_eq!(
        e.finish(),
        "\u{feff}b: \"hai: 2\"\r\nlist:\r\n  - x\r\n  - z\r\n"
    );
}

#[test]
fn refusals_are_typed_and_leave_the_text() {
    let mut e = Editor::new(PLAN).unwrap();
    assert!(matches!(e.set("nope.x", "1"), Err(Error::NotFound { .. })));
    assert!(matches!(e.set("a..b", "1"), Err(Error::BadPath { .. })));
    assert!(matches!(
        e.insert("authority", 0, Item::Scalar("x".into())),
        Err(Error::WrongKind { .. })
    ));
    assert!(matches!(
        e.insert("delegates", 9, Item::Scalar("x".into())),
        Err(Error::OutOfRange {
            index: 9,
            len: 3,
            ..
        })
    ));
    assert!(matches!(
        e.move_item("delegates", 0, 3),
        Err(Error::OutOfRange { .. })
    ));
    assert!(matches!(
        e.rename_key("delegates[0]", "x"),
        Err(Error::WrongKind { .. })
    ));
    assert!(matches!(
        e.rename_key("vinhdanh", "a\nb"),
        Err(Error::BadKey)
    ));
    assert!(matches!(
        e.set("vinhdanh.x", "1"),
        Err(Error::WrongKind { .. })
    ));
    assert_eq!(e.text(), PLAN);
    assert_eq!(
        Editor::new("a: 1\n---\nb: 2\n").unwrap_err(),
        Error::MultiDocument
    );
    assert!(matches!(
        Editor::new("a: [1\nb: 2\n"),
        Err(Error::Syntax { .. })
    ));
    let mut e = Editor::new("a: &x {k: v}\nb: *x\n").unwrap();
    assert!(matches!(e.set("b.k", "w"), Err(Error::Unsupported { .. })));
}

#[test]
fn set_an_empty_value() {
    let (out, _) = edited("a:\nb: 1\n", |e| e.set("a", "x"));
    assert_eq!(out, "a: x\nb: 1\n");
    let (out, _) = edited("a: ~ # c\nb:\n", |e| e.set("b", "z"));
    assert_eq!(out, "a: ~ # c\nb: z\n");
    let (out, _) = edited("- \n- b\n", |e| e.set("[0]", "a"));
    assert_eq!(out, "- a\n- b\n");
}

#[test]
fn a_root_list_emptied_and_filled() {
    let mut e = Editor::new("# danh sách\n- a\n").unwrap();
    e.remove("[0]").unwrap();
    assert_eq!(e.text(), "# danh sách\n[]\n");
    e.insert("", 0, Item::Scalar("b".into())).unwrap();
    assert_eq!(e.finish(), "# danh sách\n- b\n");
}

#[test]
fn put_makes_a_null_a_block_mapping_and_back_byte_for_byte() {
    use vinhdanh_yaml::Value;
    let text = "a: 1\n# who signs\nsignature: ~   # default\nb: 2\n";
    let mut e = Editor::new(text).unwrap();
    let signer = Value::Map(vec![
        ("mode".into(), Value::Raw("~".into())),
        ("position".into(), Value::Text("CHỦ TỊCH".into())),
        ("name".into(), Value::Text("Lê Văn A".into())),
        ("count".into(), Value::Text("12".into())),
    ]);
    let c = e.put("signature", &signer).unwrap();
    assert_eq!(
        e.text(),
        "a: 1\n# who signs\nsignature:   # default\n  mode: ~\n  position: CHỦ TỊCH\n  name: Lê Văn A\n  count: \"12\"\nb: 2\n"
    );
    assert_eq!((c.before, c.after), (3..4, 3..8));
    e.put("signature", &Value::Raw("~".into())).unwrap();
    assert_eq!(e.text(), text);
}

#[test]
fn put_adds_a_list_key_to_block_and_flow_mappings() {
    use vinhdanh_yaml::Value;
    let text = "groups:\n  - id: city\n    count: 4   # c\n  - {id: v, count: 2}\nend: 1\n";
    let mut e = Editor::new(text).unwrap();
    let child = Value::List(vec![Value::Map(vec![
        ("id".into(), Value::Text("g1".into())),
        ("label".into(), Value::Text("Nhóm: mới".into())),
        ("count".into(), Value::Raw("1".into())),
    ])]);
    e.put("groups[0].groups", &child).unwrap();
    e.put("groups[1].groups", &child).unwrap();
    assert_eq!(
        e.text(),
        "groups:\n  - id: city\n    count: 4   # c\n    groups:\n      - id: g1\n        label: \"Nhóm: mới\"\n        count: 1\n  - {id: v, count: 2, groups: [{id: g1, label: \"Nhóm: mới\", count: 1}]}\nend: 1\n"
    );
}

/// An item appended to a block list goes right after its last item: the blank lines and the
/// comment that close the list stay after it, also when the last item is a block scalar (whose
/// span holds the blank lines after it) and for a root list.
#[test]
fn insert_at_a_lists_end_keeps_the_blank_line_and_comment_after_the_list() {
    for (text, list, want) in [
        (
            "a:\n  - |\n    text\n    more\n\n# sau danh sách\nb: 1\n",
            "a",
            "a:\n  - |\n    text\n    more\n  - z\n\n# sau danh sách\nb: 1\n",
        ),
        (
            "a:\n  - x: >\n      t\n\n# c\nb: 1\n",
            "a",
            "a:\n  - x: >\n      t\n  - z\n\n# c\nb: 1\n",
        ),
        (
            "- x\n- y\n\n# cuối tệp\n",
            "",
            "- x\n- y\n- z\n\n# cuối tệp\n",
        ),
        (
            "a:\r\n  l:\r\n    - |-\r\n      t\r\n\r\n  # c\r\n  m: 3\r\n",
            "a.l",
            "a:\r\n  l:\r\n    - |-\r\n      t\r\n    - z\r\n\r\n  # c\r\n  m: 3\r\n",
        ),
        (
            "a:\n  - x\n\n# c\nb: 1\n",
            "a",
            "a:\n  - x\n  - z\n\n# c\nb: 1\n",
        ),
    ] {
        let mut e = Editor::new(text).unwrap();
        let index = if list.is_empty() { 2 } else { 1 };
        let c = e.insert(list, index, Item::Scalar("z".into())).unwrap();
        let first = want.split('\n').position(|l| l.trim() == "- z").unwrap() + 1;
        assert_eq!(e.finish(), want, "{text:?}");
        assert_eq!(c, lines(first, first, first, first + 1), "{text:?}");
    }
    let mut e = Editor::new("a:\n  - |\n    t\n\nb: 1\n").unwrap();
    e.insert(
        "a",
        1,
        Item::Map(vec![
            ("id".into(), "k".into()),
            ("name".into(), "A: B".into()),
        ]),
    )
    .unwrap();
    assert_eq!(
        e.finish(),
        "a:\n  - |\n    t\n  - id: k\n    name: \"A: B\"\n\nb: 1\n"
    );
}
