//! The fonts of a project, parsed once per command: the rules ask which characters they cover,
//! the engine lays text out with them.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::project::Project;

/// Fonts of a project: the embedded families (Tinos, Playfair Display, Great Vibes) and any
/// `.ttf`/`.otf`/`.ttc` in the project's `fonts/`. Built once per build and shared.
#[derive(Clone)]
pub struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

impl Fonts {
    /// The project's fonts; the same as the last call's while the same files are there
    /// (`serve` loads the project again on every save: reading, unhinting and parsing the
    /// fonts again took 3–6 ms of a save's way to its page image).
    pub fn load(project: &Project) -> Self {
        static LAST: std::sync::Mutex<Option<(u64, Fonts)>> = std::sync::Mutex::new(None);
        let files: Vec<String> = project
            .list("fonts")
            .into_iter()
            .filter(|rel| {
                let lower = rel.to_lowercase();
                lower.ends_with(".ttf") || lower.ends_with(".otf") || lower.ends_with(".ttc")
            })
            .collect();
        let key = stamp(project, &files);
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, fonts)) = &*last
            && *k == key
        {
            return fonts.clone();
        }
        let fonts = Self::read(project, &files);
        *last = Some((key, fonts.clone()));
        fonts
    }

    fn read(project: &Project, files: &[String]) -> Self {
        let mut fonts = Vec::new();
        for rel in files {
            if let Ok(Some(bytes)) = project.read(rel) {
                let bytes = strip_hinting(&bytes).unwrap_or_else(|| bytes.into_owned());
                fonts.extend(Font::iter(Bytes::new(bytes)));
            }
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Self { book, fonts }
    }
}

/// What the font files are: the project's folder, and each file's name with, for a file on
/// disk, its size and modification time (the embedded ones never change in a process).
fn stamp(project: &Project, files: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    project.root().hash(&mut h);
    for rel in files {
        rel.hash(&mut h);
        if let Some(root) = project.root()
            && let Ok(meta) = std::fs::metadata(root.join(rel))
        {
            meta.len().hash(&mut h);
            meta.modified().ok().hash(&mut h);
        }
    }
    h.finish()
}

impl vinhdanh_core::Coverage for Fonts {
    /// Typst silently draws a blank box for a character no font covers, so data is checked
    /// against this before compiling.
    fn covers(&self, c: char) -> bool {
        c.is_whitespace()
            || c.is_control()
            || self
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(c as u32))
    }

    fn family_covers(&self, family: &str, c: char) -> bool {
        c.is_whitespace()
            || self
                .fonts
                .iter()
                .filter(|f| f.info().family.eq_ignore_ascii_case(family))
                .any(|f| f.info().coverage.contains(c as u32))
    }
}

/// A TrueType font without its hinting: no `fpgm`, `prep`, `cvt `, `hdmx`, `LTSH`, `VDMX`
/// tables, no instructions in any glyph, and `post` without glyph names (format 3).
///
/// Every PDF carries a subset of each font it uses, and the subsetter keeps those tables: in a
/// certificate, hinting and glyph names were about 40 % of each Tinos subset, bytes that cost
/// compression time and file size in each of thousands of files. Neither PDF viewers nor
/// printers render a PDF's fonts with TrueType hinting by default, and layout reads none of
/// these (outlines, metrics, `cmap`, `GSUB`/`GPOS` are kept byte for byte), so pages look the
/// same. `None` (use the font as it is) for anything else: CFF, collections, a table that does
/// not parse.
pub(crate) fn strip_hinting(data: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |b: &[u8], i: usize| Some(u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?));
    let u32_at = |b: &[u8], i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    if u32_at(data, 0)? != 0x0001_0000 {
        return None;
    }
    let count = u16_at(data, 4)? as usize;
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(count);
    for k in 0..count {
        let rec = 12 + 16 * k;
        let tag: [u8; 4] = data.get(rec..rec + 4)?.try_into().ok()?;
        let off = u32_at(data, rec + 8)? as usize;
        let len = u32_at(data, rec + 12)? as usize;
        tables.push((tag, data.get(off..off.checked_add(len)?)?));
    }
    let table = |t: &[u8; 4]| tables.iter().find(|(x, _)| x == t).map(|(_, d)| *d);
    let (head, loca, glyf, maxp) = (
        table(b"head")?,
        table(b"loca")?,
        table(b"glyf")?,
        table(b"maxp")?,
    );
    let glyphs = u16_at(maxp, 4)? as usize;
    let long = u16_at(head, 50)? != 0;
    let offset = |g: usize| -> Option<usize> {
        Some(if long {
            u32_at(loca, 4 * g)? as usize
        } else {
            2 * u16_at(loca, 2 * g)? as usize
        })
    };

    // glyf without instructions, and a long loca for it.
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (glyphs + 1));
    for g in 0..glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let (a, b) = (offset(g)?, offset(g + 1)?);
        if b <= a {
            continue;
        }
        let d = glyf.get(a..b)?;
        let contours = u16_at(d, 0)? as i16;
        if contours >= 0 {
            let n = contours as usize;
            let at = 10 + 2 * n;
            let len = u16_at(d, at)? as usize;
            new_glyf.extend_from_slice(d.get(..at)?);
            new_glyf.extend_from_slice(&[0, 0]);
            new_glyf.extend_from_slice(d.get(at + 2 + len..)?);
        } else {
            let start = new_glyf.len();
            new_glyf.extend_from_slice(d.get(..10)?);
            let mut i = 10;
            loop {
                let flags = u16_at(d, i)?;
                let mut size = 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
                size += match flags {
                    f if f & 0x0008 != 0 => 2,
                    f if f & 0x0040 != 0 => 4,
                    f if f & 0x0080 != 0 => 8,
                    _ => 0,
                };
                let part = d.get(i..i + size)?;
                new_glyf.extend_from_slice(&(flags & !0x0100).to_be_bytes());
                new_glyf.extend_from_slice(&part[2..]);
                i += size;
                if flags & 0x0020 == 0 {
                    break;
                }
            }
            debug_assert!(new_glyf.len() > start);
        }
        if new_glyf.len() % 2 == 1 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut new_head = head.to_vec();
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&1u16.to_be_bytes());
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    let mut new_maxp = maxp.to_vec();
    if new_maxp.len() >= 32 {
        // maxZones 1, then no twilight points, storage, function or instruction definitions,
        // stack or instructions.
        new_maxp[14..16].copy_from_slice(&1u16.to_be_bytes());
        new_maxp[16..28].fill(0);
        new_maxp[30..32].fill(0);
    }
    let new_post = table(b"post").filter(|p| p.len() >= 32).map(|p| {
        let mut v = p[..32].to_vec();
        v[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
        v
    });

    const DROP: [&[u8; 4]; 6] = [b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"];
    let mut out_tables: Vec<([u8; 4], std::borrow::Cow<[u8]>)> = Vec::new();
    for (tag, d) in &tables {
        if DROP.contains(&tag) {
            continue;
        }
        let d: std::borrow::Cow<[u8]> = match tag {
            b"glyf" => std::mem::take(&mut new_glyf).into(),
            b"loca" => std::mem::take(&mut new_loca).into(),
            b"head" => std::mem::take(&mut new_head).into(),
            b"maxp" => std::mem::take(&mut new_maxp).into(),
            b"post" => match new_post.clone() {
                Some(p) => p.into(),
                None => (*d).into(),
            },
            _ => (*d).into(),
        };
        out_tables.push((*tag, d));
    }
    Some(write_sfnt(&out_tables))
}

/// An sfnt file from its tables (sorted by tag, 4-byte aligned, checksums, head's adjustment).
fn write_sfnt(tables: &[([u8; 4], std::borrow::Cow<[u8]>)]) -> Vec<u8> {
    let checksum = |d: &[u8]| {
        d.chunks(4).fold(0u32, |s, c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            s.wrapping_add(u32::from_be_bytes(w))
        })
    };
    let mut tables: Vec<&([u8; 4], std::borrow::Cow<[u8]>)> = tables.iter().collect();
    tables.sort_by_key(|(t, _)| *t);
    let n = tables.len() as u16;
    let pow = 1u16 << (15 - n.max(1).leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&(pow * 16).to_be_bytes());
    out.extend_from_slice(&(pow.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&(n * 16 - pow * 16).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, d) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(d).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(d.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += d.len().div_ceil(4) * 4;
    }
    for (_, d) in &tables {
        out.extend_from_slice(d);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(h) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[h + 8..h + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::text::Font;

    /// The fonts kept from the last load are the folder's: a font put into `fonts/` is there at
    /// the next load, and gone once removed; replaced by another file of the same name, the
    /// other font is.
    #[test]
    fn fonts_follow_the_fonts_folder() {
        let dir = tempfile::tempdir().unwrap();
        Project::write_default(dir.path()).unwrap();
        let project = Project::open(dir.path()).unwrap();
        let families = |f: &Fonts| -> Vec<String> {
            let mut v: Vec<String> = f.fonts.iter().map(|f| f.info().family.clone()).collect();
            v.sort();
            v
        };
        let alone = families(&Fonts::load(&project));
        let embedded = Project::embedded();
        let ttf: Vec<String> = embedded
            .list("fonts")
            .into_iter()
            .filter(|r| r.ends_with(".ttf"))
            .collect();
        let bytes = |rel: &str| embedded.read(rel).unwrap().unwrap().into_owned();
        let (a, b) = (
            ttf.iter().find(|r| r.contains("GreatVibes")).unwrap(),
            ttf.iter().find(|r| r.contains("Tinos")).unwrap(),
        );
        std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
        let extra = dir.path().join("fonts/them.ttf");
        std::fs::write(&extra, bytes(a)).unwrap();
        let with_a = families(&Fonts::load(&project));
        assert_eq!(with_a.len(), alone.len() + 1);
        std::fs::write(&extra, bytes(b)).unwrap();
        let with_b = families(&Fonts::load(&project));
        assert_eq!(with_b.len(), alone.len() + 1);
        assert_ne!(with_a, with_b);
        std::fs::remove_file(&extra).unwrap();
        assert_eq!(families(&Fonts::load(&project)), alone);
    }

    /// Without hinting, every embedded font keeps its glyphs, outlines and metrics; only the
    /// hinting tables and instructions are gone.
    #[test]
    fn stripped_fonts_keep_outlines_and_metrics() {
        let project = Project::embedded();
        for rel in project.list("fonts") {
            if !rel.ends_with(".ttf") {
                continue;
            }
            let bytes = project.read(&rel).unwrap().unwrap().into_owned();
            let small = strip_hinting(&bytes).expect(&rel);
            assert!(small.len() < bytes.len(), "{rel}");
            let a = Font::new(Bytes::new(bytes.clone()), 0).unwrap();
            let b = Font::new(Bytes::new(small.clone()), 0).unwrap();
            assert_eq!(a.info(), b.info(), "{rel}");
            let ta = ttf_parser::Face::parse(&bytes, 0).unwrap();
            let tb = ttf_parser::Face::parse(&small, 0).unwrap();
            assert_eq!(ta.number_of_glyphs(), tb.number_of_glyphs());
            assert!(tb.raw_face().table(ttf_tag(b"fpgm")).is_none(), "{rel}");
            for g in 0..ta.number_of_glyphs() {
                let id = ttf_parser::GlyphId(g);
                let (mut pa, mut pb) = (Path::default(), Path::default());
                assert_eq!(ta.outline_glyph(id, &mut pa), tb.outline_glyph(id, &mut pb));
                assert_eq!(pa.0, pb.0, "{rel} glyph {g}");
                assert_eq!(ta.glyph_hor_advance(id), tb.glyph_hor_advance(id));
            }
        }
    }

    fn ttf_tag(t: &[u8; 4]) -> ttf_parser::Tag {
        ttf_parser::Tag::from_bytes(t)
    }

    #[derive(Default)]
    struct Path(Vec<String>);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("M{x} {y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("L{x} {y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(format!("Q{x1} {y1} {x} {y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(format!("C{x1} {y1} {x2} {y2} {x} {y}"));
        }
        fn close(&mut self) {
            self.0.push("Z".into());
        }
    }
}
