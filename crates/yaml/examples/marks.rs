use std::str::FromStr;
fn main() {
    let t = std::fs::read_to_string("../../data/agenda.yaml").unwrap();
    let f = yaml_edit::YamlFile::from_str(&t).unwrap();
    let s = f.document().unwrap().as_mapping().unwrap().get_sequence("items").unwrap();
    let n = s.get(5).unwrap();
    s.remove(5);
    s.insert(0, n);
    for l in f.to_string().lines().skip(8).take(12) { println!("{l}"); }
}
