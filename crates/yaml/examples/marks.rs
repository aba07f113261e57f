use vinhdanh_yaml::{Editor, Item};
fn main() {
    let t = "# c\nk: 'single'  # c\nl:\n  - a   # one\n  - b\n  - c\nm: {x: 1, y: [a, b]}\n";
    let mut e = Editor::new(t).unwrap();
    println!("{:?}", e.set("k", "new"));
    println!("{:?}", e.set("m.y[1]", "p, q"));
    println!("{:?}", e.insert("l", 1, Item::Map(vec![("id".into(), "x".into()), ("a".into(), "yes".into())])));
    println!("{:?}", e.move_item("l", 0, 3));
    println!("{:?}", e.remove("l[0]"));
    println!("{:?}", e.rename_key("m", "n: o"));
    println!("{:?}", e.set("new", "v"));
    print!("{}", e.text());
}
