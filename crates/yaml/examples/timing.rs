//! `cargo run --release --example timing`: the numbers quoted in the crate docs.
use std::time::Instant;
use vinhdanh_yaml::{Editor, Index};

fn avg(n: u32, mut f: impl FnMut()) -> std::time::Duration {
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    t.elapsed() / n
}

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/delegates.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    println!("data/delegates.yaml: {} bytes", text.len());
    println!(
        "Index::build       {:?}",
        avg(50, || drop(Index::build(&text)))
    );
    println!(
        "Editor::new        {:?}",
        avg(50, || drop(Editor::new(&text).unwrap()))
    );
    println!(
        "set one value      {:?}",
        avg(50, || {
            let mut e = Editor::new(&text).unwrap();
            e.set("delegates[40].name", "Nguyễn Văn A: B").unwrap();
        })
    );
    println!(
        "remove one item    {:?}",
        avg(50, || {
            let mut e = Editor::new(&text).unwrap();
            e.remove("delegates[40]").unwrap();
        })
    );
}
