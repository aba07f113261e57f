//! Recognises Vietnamese typed in pre-Unicode encodings.
//!
//! Many commune offices still type with Vietkey/Unikey set to TCVN3 (ABC,
//! fonts `.VnTime`) or VNI (fonts `VNI-Times`). Excel stores such text as the
//! Latin-1 characters of the font's code points, so "Hà Nội" arrives as
//! "Hµ Néi" (TCVN3) or "Haø Noäi" (VNI). Printed with a Unicode font this is
//! garbage, and the clerk would only notice on paper; the importer therefore
//! refuses such cells and shows what the text most likely says.
//!
//! Detection must never fire on real Unicode Vietnamese, on English, or on
//! foreign names such as "Zoë" or "Muñoz": a text is only reported when it
//! consists of ASCII and Latin-1 characters, at least one of its words is not
//! a possible Vietnamese syllable as it stands, and every word the conversion
//! changes becomes a well-formed Vietnamese syllable.

use std::fmt;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the "ABC" encoding of the `.VnTime` fonts.
    Tcvn3,
    /// VNI Windows, base letter followed by a diacritic character.
    Vni,
}

impl Legacy {
    /// The name clerks know the encoding by (as listed in Unikey).
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

impl fmt::Display for Legacy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Detects legacy-encoded text and converts it to Unicode (NFC).
///
/// Returns `None` unless the text is very likely TCVN3 or VNI; see the module
/// documentation for the rules.
pub fn detect(s: &str) -> Option<(Legacy, String)> {
    if !s.chars().any(|c| ('\u{A0}'..='\u{FF}').contains(&c)) {
        return None;
    }
    // Letters outside Latin-1 (ư, ơ, đ, ạ, …) or combining marks mean the
    // text is already Unicode Vietnamese (or another script).
    if s.chars()
        .any(|c| (c as u32 > 0xFF && c.is_alphabetic()) || is_combining_mark(c))
    {
        return None;
    }
    let tcvn3 = judge(Legacy::Tcvn3, s);
    let vni = judge(Legacy::Vni, s);
    match (tcvn3, vni) {
        (Some((et, t)), Some((ev, v))) => match et.cmp(&ev) {
            std::cmp::Ordering::Greater => Some((Legacy::Tcvn3, t)),
            std::cmp::Ordering::Less => Some((Legacy::Vni, v)),
            std::cmp::Ordering::Equal => None,
        },
        (Some((_, t)), None) => Some((Legacy::Tcvn3, t)),
        (None, Some((_, v))) => Some((Legacy::Vni, v)),
        (None, None) => None,
    }
}

/// Converts text from a legacy encoding to Unicode NFC without judging
/// whether it really was in that encoding.
///
/// Returns `None` when the text cannot be in that encoding (a character the
/// encoding never produces, or a VNI diacritic after a consonant).
pub fn decode(enc: Legacy, s: &str) -> Option<String> {
    let segments = convert(enc, s)?;
    Some(segments.into_iter().map(|seg| seg.decoded).collect())
}

/// Converts Unicode Vietnamese to what the legacy encoding's bytes look like
/// when read as Latin-1, i.e. the garbage a clerk's file contains.
///
/// Used to build test data. TCVN3 has no code points for capital letters
/// with a tone mark, so those are written with the small letter's code, as
/// the `.VnTimeH` fonts do.
pub fn encode(enc: Legacy, s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.nfc() {
        let Some(l) = Letter::analyse(c) else {
            out.push(c);
            continue;
        };
        match enc {
            Legacy::Tcvn3 => encode_tcvn3(&l, c, &mut out),
            Legacy::Vni => encode_vni(&l, &mut out),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Letters

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Level,
    Grave,
    Hook,
    Tilde,
    Acute,
    Dot,
}

/// Order of the five marked tones in the TCVN3 table rows.
const TONES: [Tone; 5] = [Tone::Grave, Tone::Hook, Tone::Tilde, Tone::Acute, Tone::Dot];

impl Tone {
    fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    fn from_mark(c: char) -> Option<Tone> {
        TONES.into_iter().find(|t| t.mark() == Some(c))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    Circumflex,
    Breve,
    Horn,
}

impl Modifier {
    fn mark(self) -> Option<char> {
        match self {
            Modifier::None => None,
            Modifier::Circumflex => Some('\u{302}'),
            Modifier::Breve => Some('\u{306}'),
            Modifier::Horn => Some('\u{31B}'),
        }
    }

    fn fits(self, base: char) -> bool {
        match self {
            Modifier::None => true,
            Modifier::Circumflex => matches!(base, 'a' | 'e' | 'o'),
            Modifier::Breve => base == 'a',
            Modifier::Horn => matches!(base, 'o' | 'u'),
        }
    }
}

/// A Latin letter as Vietnamese spelling sees it: base, vowel modifier, tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    /// Lowercase ASCII letter, or 'đ'.
    base: char,
    modifier: Modifier,
    tone: Tone,
    upper: bool,
}

impl Letter {
    fn analyse(c: char) -> Option<Letter> {
        let mut parts: Vec<char> = Vec::with_capacity(3);
        decompose_canonical(c, |d| parts.push(d));
        let (&first, marks) = parts.split_first()?;
        let (base, upper) = match first {
            'a'..='z' | 'đ' => (first, false),
            'A'..='Z' => (first.to_ascii_lowercase(), true),
            'Đ' => ('đ', true),
            _ => return None,
        };
        let mut l = Letter {
            base,
            modifier: Modifier::None,
            tone: Tone::Level,
            upper,
        };
        for &m in marks {
            if let Some(t) = Tone::from_mark(m) {
                if l.tone != Tone::Level {
                    return None;
                }
                l.tone = t;
            } else {
                let modifier = match m {
                    '\u{302}' => Modifier::Circumflex,
                    '\u{306}' => Modifier::Breve,
                    '\u{31B}' => Modifier::Horn,
                    _ => return None,
                };
                if l.modifier != Modifier::None || !modifier.fits(base) {
                    return None;
                }
                l.modifier = modifier;
            }
        }
        if l.tone != Tone::Level && !l.is_vowel() {
            return None;
        }
        Some(l)
    }

    fn is_vowel(&self) -> bool {
        matches!(self.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    }

    fn compose(&self) -> char {
        let mut s = String::with_capacity(4);
        s.push(self.base);
        s.extend(self.modifier.mark());
        s.extend(self.tone.mark());
        let c = s.nfc().next().unwrap_or(self.base);
        if self.upper {
            c.to_uppercase().next().unwrap_or(c)
        } else {
            c
        }
    }

    /// The lowercase letter without its tone, e.g. 'ơ' for 'Ở'.
    fn toneless_lower(&self) -> char {
        Letter {
            tone: Tone::Level,
            upper: false,
            ..*self
        }
        .compose()
    }
}

// ---------------------------------------------------------------------------
// TCVN3

/// Toned small vowels: row = vowel without tone, columns in `TONES` order.
/// Checked against glibc's TCVN5712-1 converter.
const TCVN3_TONED: [(char, [u8; 5]); 12] = [
    ('a', [0xB5, 0xB6, 0xB7, 0xB8, 0xB9]),
    ('ă', [0xBB, 0xBC, 0xBD, 0xBE, 0xC6]),
    ('â', [0xC7, 0xC8, 0xC9, 0xCA, 0xCB]),
    ('e', [0xCC, 0xCE, 0xCF, 0xD0, 0xD1]),
    ('ê', [0xD2, 0xD3, 0xD4, 0xD5, 0xD6]),
    ('i', [0xD7, 0xD8, 0xDC, 0xDD, 0xDE]),
    ('o', [0xDF, 0xE1, 0xE2, 0xE3, 0xE4]),
    ('ô', [0xE5, 0xE6, 0xE7, 0xE8, 0xE9]),
    ('ơ', [0xEA, 0xEB, 0xEC, 0xED, 0xEE]),
    ('u', [0xEF, 0xF1, 0xF2, 0xF3, 0xF4]),
    ('ư', [0xF5, 0xF6, 0xF7, 0xF8, 0xF9]),
    ('y', [0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
];

/// Letters with a modifier but no tone, which TCVN3 has in both cases.
const TCVN3_PLAIN: [(u8, char); 14] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tcvn3Case {
    /// The code point fixes the case (plain ASCII, Ă…Đ / ă…đ).
    Fixed,
    /// A toned vowel: TCVN3 only has the small letter; capitals were shown
    /// by switching to a `.VnTimeH` font, which the spreadsheet does not keep.
    SmallOnly,
}

fn tcvn3_char(c: char) -> Option<(char, Tcvn3Case)> {
    let code = u8::try_from(c as u32).ok()?;
    if let Some(&(_, u)) = TCVN3_PLAIN.iter().find(|(b, _)| *b == code) {
        return Some((u, Tcvn3Case::Fixed));
    }
    for (vowel, codes) in TCVN3_TONED {
        if let Some(i) = codes.iter().position(|&b| b == code) {
            let mut l = Letter::analyse(vowel)?;
            l.tone = TONES[i];
            return Some((l.compose(), Tcvn3Case::SmallOnly));
        }
    }
    None
}

/// Whether the letters whose case TCVN3 records are all capitals (at least
/// two of them), so that small-only toned vowels should be capitals too.
fn tcvn3_all_caps(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        let letter = match tcvn3_char(c) {
            Some((u, Tcvn3Case::Fixed)) => u,
            Some((_, Tcvn3Case::SmallOnly)) => continue,
            None if c.is_alphabetic() => c,
            None => continue,
        };
        if !letter.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

fn encode_tcvn3(l: &Letter, original: char, out: &mut String) {
    if l.tone != Tone::Level {
        let row = l.toneless_lower();
        if let Some((_, codes)) = TCVN3_TONED.iter().find(|(v, _)| *v == row) {
            let i = TONES.iter().position(|t| *t == l.tone).unwrap_or(0);
            out.push(char::from(codes[i]));
            return;
        }
    } else if let Some(&(b, _)) = TCVN3_PLAIN.iter().find(|(_, u)| *u == original) {
        out.push(char::from(b));
        return;
    }
    out.push(original);
}

/// Decodes one word; `capitalise_first` says whether a leading small-only
/// vowel should be read as a capital.
fn decode_tcvn3_word(word: &str, capitalise_first: bool, text_all_caps: bool) -> Option<String> {
    let mut chars: Vec<(char, Tcvn3Case)> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if let Some(m) = tcvn3_char(c) {
            chars.push(m);
        } else if c.is_ascii() || !c.is_alphabetic() {
            chars.push((c, Tcvn3Case::Fixed));
        } else {
            // À, Í, Ù, ð, ÿ… are never produced by a TCVN3 font.
            return None;
        }
    }
    let fixed_letters: Vec<char> = chars
        .iter()
        .filter(|(c, case)| *case == Tcvn3Case::Fixed && c.is_alphabetic())
        .map(|(c, _)| *c)
        .collect();
    let fixed_upper = fixed_letters.iter().all(|c| c.is_uppercase());
    // "HµNG" → "HÀNG": a word, or the whole text, typed in capitals.
    let all_caps = fixed_upper && (fixed_letters.len() >= 2 || text_all_caps);
    let mut out = String::with_capacity(word.len() * 2);
    for (i, (c, case)) in chars.iter().enumerate() {
        let upper = match case {
            Tcvn3Case::Fixed => false,
            Tcvn3Case::SmallOnly => all_caps || (i == 0 && capitalise_first),
        };
        if upper {
            out.extend(c.to_uppercase());
        } else if all_caps && c.is_lowercase() {
            // ă…đ typed with the small code inside a capitals-only word.
            out.extend(c.to_uppercase());
        } else {
            out.push(*c);
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------
// VNI

/// Characters that stand for a whole letter in VNI (small, capital, Unicode).
const VNI_LETTERS: [(char, char, char, char); 9] = [
    ('ñ', 'Ñ', 'đ', 'Đ'),
    ('ö', 'Ö', 'ư', 'Ư'),
    ('ô', 'Ô', 'ơ', 'Ơ'),
    ('ì', 'Ì', 'ì', 'Ì'),
    ('í', 'Í', 'í', 'Í'),
    ('æ', 'Æ', 'ỉ', 'Ỉ'),
    ('ó', 'Ó', 'ĩ', 'Ĩ'),
    ('ò', 'Ò', 'ị', 'Ị'),
    ('î', 'Î', 'ỵ', 'Ỵ'),
];

/// Characters that add a modifier and/or tone to the preceding vowel
/// (small form; the capital form is its uppercase).
const VNI_MARKS: [(char, Modifier, Tone); 17] = [
    ('ø', Modifier::None, Tone::Grave),
    ('û', Modifier::None, Tone::Hook),
    ('õ', Modifier::None, Tone::Tilde),
    ('ù', Modifier::None, Tone::Acute),
    ('ï', Modifier::None, Tone::Dot),
    ('â', Modifier::Circumflex, Tone::Level),
    ('à', Modifier::Circumflex, Tone::Grave),
    ('å', Modifier::Circumflex, Tone::Hook),
    ('ã', Modifier::Circumflex, Tone::Tilde),
    ('á', Modifier::Circumflex, Tone::Acute),
    ('ä', Modifier::Circumflex, Tone::Dot),
    ('ê', Modifier::Breve, Tone::Level),
    ('è', Modifier::Breve, Tone::Grave),
    ('ú', Modifier::Breve, Tone::Hook),
    ('ü', Modifier::Breve, Tone::Tilde),
    ('é', Modifier::Breve, Tone::Acute),
    ('ë', Modifier::Breve, Tone::Dot),
];

fn vni_letter(c: char) -> Option<char> {
    VNI_LETTERS.iter().find_map(|&(s, cap, us, ucap)| {
        if c == s {
            Some(us)
        } else if c == cap {
            Some(ucap)
        } else {
            None
        }
    })
}

fn vni_mark(c: char) -> Option<(Modifier, Tone)> {
    let small = c.to_lowercase().next()?;
    VNI_MARKS
        .iter()
        .find(|(m, _, _)| *m == small)
        .map(|&(_, m, t)| (m, t))
}

fn vni_mark_char(modifier: Modifier, tone: Tone, upper: bool) -> Option<char> {
    let c = VNI_MARKS
        .iter()
        .find(|(_, m, t)| *m == modifier && *t == tone)
        .map(|(c, _, _)| *c)?;
    Some(if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    })
}

fn decode_vni_word(word: &str) -> Option<String> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if let Some(u) = vni_letter(c) {
            out.push(u);
        } else if let Some((modifier, tone)) = vni_mark(c) {
            let prev = out.last_mut()?;
            let mut l = Letter::analyse(*prev)?;
            if !l.is_vowel() {
                return None;
            }
            if modifier != Modifier::None {
                if l.modifier != Modifier::None || !modifier.fits(l.base) {
                    return None;
                }
                l.modifier = modifier;
            }
            if tone != Tone::Level {
                if l.tone != Tone::Level {
                    return None;
                }
                l.tone = tone;
            }
            *prev = l.compose();
        } else if c.is_ascii() || !c.is_alphabetic() {
            out.push(c);
        } else {
            // ç, ß, ý, Ð… are never produced by a VNI font.
            return None;
        }
    }
    Some(out.into_iter().collect())
}

fn encode_vni(l: &Letter, out: &mut String) {
    let case = |small: char, cap: char| if l.upper { cap } else { small };
    let base = if l.upper {
        l.base.to_ascii_uppercase()
    } else {
        l.base
    };
    match (l.base, l.modifier, l.tone) {
        ('đ', _, _) => out.push(case('ñ', 'Ñ')),
        ('i', _, tone) => out.push(match tone {
            Tone::Level => base,
            Tone::Grave => case('ì', 'Ì'),
            Tone::Acute => case('í', 'Í'),
            Tone::Hook => case('æ', 'Æ'),
            Tone::Tilde => case('ó', 'Ó'),
            Tone::Dot => case('ò', 'Ò'),
        }),
        ('y', _, Tone::Dot) => out.push(case('î', 'Î')),
        (b, Modifier::Horn, tone) => {
            out.push(if b == 'o' {
                case('ô', 'Ô')
            } else {
                case('ö', 'Ö')
            });
            out.extend(vni_mark_char(Modifier::None, tone, l.upper));
        }
        (_, modifier, tone) => {
            out.push(base);
            if modifier != Modifier::None || tone != Tone::Level {
                out.extend(vni_mark_char(modifier, tone, l.upper));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Segmentation and judgement

struct Segment<'a> {
    original: &'a str,
    decoded: String,
    is_word: bool,
}

/// Word boundaries that no legacy encoding uses as a letter: whitespace,
/// ASCII punctuation, and non-letters beyond Latin-1 (curly quotes, dashes).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii() && !c.is_ascii_alphanumeric())
        || (c as u32 > 0xFF && !c.is_alphanumeric())
}

fn segments(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in s.char_indices() {
        let word = !is_separator(c);
        if current.is_some_and(|w| w != word) {
            out.push((current.unwrap_or(false), &s[start..i]));
            start = i;
        }
        current = Some(word);
    }
    if let Some(w) = current {
        out.push((w, &s[start..]));
    }
    out
}

fn convert(enc: Legacy, s: &str) -> Option<Vec<Segment<'_>>> {
    let mut out: Vec<Segment<'_>> = Vec::new();
    let mut previous_word_capitalised: Option<bool> = None;
    let text_all_caps = enc == Legacy::Tcvn3 && tcvn3_all_caps(s);
    for (is_word, original) in segments(s) {
        let decoded = if !is_word {
            original.to_string()
        } else {
            match enc {
                Legacy::Tcvn3 => {
                    // A leading toned vowel is read as a capital at the start
                    // of the text or after a capitalised word (names).
                    let cap = previous_word_capitalised.unwrap_or(true);
                    decode_tcvn3_word(original, cap, text_all_caps)?
                }
                Legacy::Vni => decode_vni_word(original)?,
            }
        };
        if is_word {
            previous_word_capitalised = decoded.chars().next().map(char::is_uppercase);
        }
        out.push(Segment {
            original,
            decoded,
            is_word,
        });
    }
    Some(out)
}

/// If every word the conversion changes becomes a Vietnamese syllable,
/// returns a score and the conversion.
///
/// The score, used only to choose between encodings when both fit, counts
/// words that are garbage as they stand (evidence for the encoding) minus
/// words that were already valid Vietnamese but would be changed (evidence
/// against it, e.g. VNI "Bí thö" read as TCVN3 "Bớ thử"). It is not a filter:
/// VNI garbage often looks valid word by word ("phoá").
fn judge(enc: Legacy, s: &str) -> Option<(i64, String)> {
    let segments = convert(enc, s)?;
    let mut evidence = 0;
    let mut against = 0;
    for seg in segments.iter().filter(|seg| seg.is_word) {
        if seg.decoded == seg.original {
            continue;
        }
        if !is_syllable(&seg.decoded) {
            return None;
        }
        if is_syllable(seg.original) {
            against += 1;
        } else if seg.original.chars().any(|c| c.is_ascii_alphabetic()) {
            evidence += 1;
        }
    }
    if evidence == 0 {
        return None;
    }
    Some((
        evidence - against,
        segments.into_iter().map(|seg| seg.decoded).collect(),
    ))
}

// ---------------------------------------------------------------------------
// Vietnamese syllable structure

const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
];

/// Rhymes (vần) without tone, including the medial o/u.
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", //
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", //
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", //
    "e", "ec", "em", "en", "eng", "eo", "ep", "et", //
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", //
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", //
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", //
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong", //
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", //
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", //
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut", //
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", //
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", //
    "y", "yêm", "yên", "yêt", "yêu", //
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", //
    "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet", //
    "uê", "uêch", "uênh", "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", //
    "uyên", "uyêt", "uân", "uât", "uâng", "uây", "uơ",
];

/// Spellings only found after "qu" (quýnh, quýt…), where the u is the medial.
const QU_RHYMES: &[&str] = &["ych", "yn", "ynh", "yt", "yu", "ya"];

/// Whether `word` is a well-formed Vietnamese syllable (any case).
///
/// Structure only: onset, rhyme from the list of Vietnamese rhymes, at most
/// one tone, and a sắc or nặng tone on syllables ending in p, t, c or ch.
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut tone = Tone::Level;
    let mut plain = String::with_capacity(word.len());
    for c in word.chars() {
        let Some(l) = Letter::analyse(c) else {
            return false;
        };
        if matches!(l.base, 'f' | 'j' | 'w' | 'z') {
            return false;
        }
        if l.tone != Tone::Level {
            if tone != Tone::Level {
                return false;
            }
            tone = l.tone;
        }
        plain.push(l.toneless_lower());
    }
    let checked = ["p", "t", "c", "ch"].iter().any(|e| plain.ends_with(e));
    if checked && !matches!(tone, Tone::Acute | Tone::Dot) {
        return false;
    }
    let rhyme_ok = |r: &str| RHYMES.contains(&r);
    if rhyme_ok(&plain) {
        return true;
    }
    ONSETS.iter().any(|onset| {
        let Some(rest) = plain.strip_prefix(onset) else {
            return false;
        };
        if *onset == "q" {
            rest.strip_prefix('u')
                .is_some_and(|r| rhyme_ok(r) || QU_RHYMES.contains(&r))
        } else {
            rhyme_ok(rest)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &[
        "Nguyễn Thị Ngọc Hương",
        "Hà Nội",
        "Phường",
        "Thượng Lâm Hồng",
        "Đoàn Thanh niên",
        "Bí thư",
        "Ủy ban nhân dân",
        "Hội nghị tuyên dương điển hình tiên tiến",
        "Nguyễn Văn An",
        "Trần Thị Ánh",
        "Đặng Hữu Phúc",
        "Quỳnh Lưu",
        "Chủ tịch UBND xã",
        "Giữa trưa",
        "Khuyến học",
    ];

    #[test]
    fn known_garbage_is_recognised() {
        for (garbage, enc, text) in [
            ("Hµ Néi", Legacy::Tcvn3, "Hà Nội"),
            ("NguyÔn V¨n An", Legacy::Tcvn3, "Nguyễn Văn An"),
            ("Ph\u{AD}êng", Legacy::Tcvn3, "Phường"),
            ("§µ N½ng", Legacy::Tcvn3, "Đà Nẵng"),
            ("Nguyeãn Vaên An", Legacy::Vni, "Nguyễn Văn An"),
            ("Haø Noäi", Legacy::Vni, "Hà Nội"),
            ("Tröôøng Ñaïi hoïc", Legacy::Vni, "Trường Đại học"),
            (
                "Thaønh phoá Hoà Chí Minh",
                Legacy::Vni,
                "Thành phố Hồ Chí Minh",
            ),
        ] {
            assert_eq!(detect(garbage), Some((enc, text.to_string())), "{garbage}");
        }
    }

    #[test]
    fn round_trips() {
        for enc in [Legacy::Tcvn3, Legacy::Vni] {
            for w in WORDS {
                let garbage = encode(enc, w);
                assert_ne!(&garbage, w);
                assert_eq!(
                    decode(enc, &garbage).as_deref(),
                    Some(*w),
                    "{enc} {garbage}"
                );
                assert_eq!(
                    detect(&garbage),
                    Some((enc, w.to_string())),
                    "{enc} {garbage}"
                );
            }
        }
    }

    #[test]
    fn capitals() {
        for w in [
            "HÀ NỘI",
            "NGUYỄN VĂN AN",
            "ỦY BAN NHÂN DÂN",
            "ĐOÀN THANH NIÊN",
        ] {
            for enc in [Legacy::Tcvn3, Legacy::Vni] {
                let garbage = encode(enc, w);
                assert_eq!(
                    detect(&garbage),
                    Some((enc, w.to_string())),
                    "{enc} {garbage}"
                );
            }
        }
        assert_eq!(
            decode(Legacy::Vni, "VIEÄT NAM").as_deref(),
            Some("VIỆT NAM")
        );
    }

    /// Every Vietnamese letter, small and capital, in both encodings.
    #[test]
    fn every_letter_round_trips() {
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        for v in vowels {
            for tone in [
                None,
                Some('\u{300}'),
                Some('\u{309}'),
                Some('\u{303}'),
                Some('\u{301}'),
                Some('\u{323}'),
            ] {
                let small: String = v.chars().chain(tone).collect::<String>().nfc().collect();
                let cap: String = small.to_uppercase();
                // VNI keeps case for every letter.
                for s in [&small, &cap] {
                    let g = encode(Legacy::Vni, s);
                    assert_eq!(
                        decode(Legacy::Vni, &g).as_deref(),
                        Some(s.as_str()),
                        "VNI {s} {g}"
                    );
                }
                // TCVN3 has capitals only for untoned letters; in a word the
                // capital is recovered from context.
                let g = encode(Legacy::Tcvn3, &small);
                assert_eq!(
                    decode(Legacy::Tcvn3, &format!("x{g}")),
                    Some(format!("x{small}"))
                );
                let word = format!("XX{cap}");
                let g = encode(Legacy::Tcvn3, &word);
                assert_eq!(decode(Legacy::Tcvn3, &g), Some(word), "TCVN3 {g}");
            }
        }
        for d in ["đ", "Đ"] {
            for enc in [Legacy::Tcvn3, Legacy::Vni] {
                assert_eq!(decode(enc, &encode(enc, d)).as_deref(), Some(d));
            }
        }
    }

    #[test]
    fn tcvn3_table_has_74_distinct_codes() {
        let mut codes: Vec<u8> = TCVN3_PLAIN.iter().map(|(b, _)| *b).collect();
        codes.extend(TCVN3_TONED.iter().flat_map(|(_, c)| c.iter().copied()));
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!((n, codes.len()), (74, 74));
    }

    #[test]
    fn no_false_positives() {
        for s in [
            "",
            "Nguyễn Thị Ngọc Hương",
            "Đặng Hữu Phúc",
            "Zoë",
            "Zoë Nguyễn",
            "José Muñoz",
            "Müller",
            "Straße",
            "Hélène Renée",
            "café crème",
            "naïve façade",
            "Chí Minh",
            "Bé Ba",
            "Mê Linh",
            "Tô Hoài",
            "Hello, world!",
            "© 2024 Công ty",
            "§ 3",
            "Lê Thị Ý",
            "Ý kiến",
            "Ông Ba",
            "Bà Út",
            "Trần Văn Ánh",
            "Cà Mau",
            "Phan Thiết",
            "1978",
            "Ấp Bình Hòa",
            "São Paulo",
            "Ærø",
            "Åsa",
            "« Ông »",
        ] {
            assert_eq!(detect(s), None, "{s}");
        }
    }

    #[test]
    fn syllables() {
        for w in [
            "nguyễn", "Thị", "ngọc", "hương", "quỳnh", "quốc", "giữa", "gì", "giếng", "khuya",
            "thuyền", "Ủy", "oanh", "hoặc", "ĐẶNG", "yêu", "quýt", "xoong",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "Néi", "Hµ", "zoë", "vaên", "hàt", "ngyen", "abc", "", "nhà1",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    const VOCAB: &[&str] = &[
        "nguyễn",
        "thị",
        "ngọc",
        "hương",
        "hà",
        "nội",
        "phường",
        "thượng",
        "hồng",
        "đoàn",
        "thanh",
        "niên",
        "bí",
        "thư",
        "ủy",
        "ban",
        "nhân",
        "dân",
        "hội",
        "nghị",
        "tuyên",
        "dương",
        "điển",
        "hình",
        "tiên",
        "tiến",
        "văn",
        "an",
        "trần",
        "ánh",
        "lê",
        "bình",
        "đặng",
        "hữu",
        "phúc",
        "quỳnh",
        "giữa",
        "khuyến",
        "học",
        "xã",
        "thôn",
        "ấp",
        "ông",
        "bà",
        "ý",
        "kiến",
        "mỹ",
        "lý",
        "yên",
        "ươm",
        "oanh",
        "ngoặt",
        "chủ",
        "tịch",
        "khỏe",
    ];

    fn phrase() -> impl Strategy<Value = String> {
        prop::collection::vec((prop::sample::select(VOCAB), any::<bool>()), 1..8).prop_map(
            |words| {
                words
                    .into_iter()
                    .map(|(w, cap)| {
                        if cap {
                            let mut c = w.chars();
                            c.next()
                                .map(|f| f.to_uppercase().chain(c).collect())
                                .unwrap_or_default()
                        } else {
                            w.to_string()
                        }
                    })
                    .collect::<Vec<String>>()
                    .join(" ")
            },
        )
    }

    proptest! {
        #[test]
        fn unicode_vietnamese_is_never_flagged(p in phrase()) {
            prop_assert_eq!(detect(&p), None);
            prop_assert_eq!(detect(&p.to_uppercase()), None);
        }

        /// Detection may miss (a phrase of words that look the same in both
        /// encodings), but when it answers, the encoding is right and the
        /// text is right up to the capitals TCVN3 cannot record.
        #[test]
        fn detection_is_never_wrong(p in phrase()) {
            for enc in [Legacy::Tcvn3, Legacy::Vni] {
                if let Some((got, text)) = detect(&encode(enc, &p)) {
                    prop_assert_eq!(got, enc);
                    if enc == Legacy::Vni {
                        prop_assert_eq!(&text, &p);
                    } else {
                        prop_assert_eq!(text.to_lowercase(), p.to_lowercase());
                    }
                }
            }
        }

        #[test]
        fn ascii_is_never_flagged(s in "[ -~]{0,40}") {
            prop_assert_eq!(detect(&s), None);
        }

        /// Phrases typed in TCVN3, spelled from the hand-written table (not from `encode`):
        /// detection must fire, name TCVN3 and give the Unicode text exactly. (A phrase whose
        /// only case-carrying letters are capitals, "Hµ Néi", reads as typed in capitals:
        /// TCVN3 has no capital toned vowels; see `capitals`.)
        #[test]
        fn hand_written_tcvn3_phrases_are_detected(
            (garbage, text) in hand_phrase(HAND_TCVN3, WEAK_TCVN3)
                .prop_filter("some small letter", |(g, _)| g.chars().any(|c| c.is_ascii_lowercase()))
        ) {
            prop_assert_eq!(detect(&garbage), Some((Legacy::Tcvn3, text.clone())), "{}", garbage);
            prop_assert_eq!(decode(Legacy::Tcvn3, &garbage), Some(text));
        }

        /// The same for VNI.
        #[test]
        fn hand_written_vni_phrases_are_detected((garbage, text) in hand_phrase(HAND_VNI, WEAK_VNI)) {
            prop_assert_eq!(detect(&garbage), Some((Legacy::Vni, text.clone())), "{}", garbage);
            prop_assert_eq!(decode(Legacy::Vni, &garbage), Some(text));
        }
    }

    // Legacy spellings written by hand from the published code tables, independently of
    // `encode` and of the tables in this module, as (Unicode, what the spreadsheet shows).
    //
    // TCVN3 (ABC), read as Latin-1: ă ¨, â ©, ê ª, ô «, ơ ¬, ư U+AD (soft hyphen), đ ®, Đ §;
    // à µ, ả ¶, ã ·, ạ ¹; ắ ¾, ặ Æ; ễ Ô, ệ Ö; ị Þ; ỏ á; ồ å, ố è, ộ é; ờ ê, ở ë, ợ î;
    // ủ ñ, ú ó; ữ ÷, ứ ø.
    // VNI Windows: the base letter then a mark: ø huyền, û hỏi, õ ngã, ù sắc, ï nặng;
    // â ^, à ^huyền, å ^hỏi, ã ^ngã, á ^sắc, ä ^nặng; ê breve, é breve+sắc, ë breve+nặng;
    // whole letters ñ đ, Ñ Đ, ö ư, ô ơ, ò ị.
    //
    // Every entry is detected on its own; words left unchanged by the encoding are mixed in
    // by the strategy.

    const HAND_TCVN3: &[(&str, &str)] = &[
        ("Hà", "Hµ"),
        ("Nội", "Néi"),
        ("Trường", "Tr\u{AD}êng"),
        ("Đoàn", "§oµn"),
        ("Thượng", "Th\u{AD}îng"),
        ("Việt", "ViÖt"),
        ("thưởng", "th\u{AD}ëng"),
        ("Chủ", "Chñ"),
        ("tịch", "tÞch"),
        ("xã", "x·"),
        ("Nguyễn", "NguyÔn"),
        ("Đặng", "§Æng"),
        ("Hữu", "H÷u"),
        ("Lê", "Lª"),
        ("Văn", "V¨n"),
        ("Phạm", "Ph¹m"),
        ("Hương", "H\u{AD}¬ng"),
        ("Hội", "Héi"),
        ("Quốc", "Quèc"),
        ("Hồng", "Hång"),
        ("Thị", "ThÞ"),
        ("khỏe", "kháe"),
        ("Thủy", "Thñy"),
        ("Đảng", "§¶ng"),
        ("Thắng", "Th¾ng"),
        ("Đức", "§øc"),
        ("đua", "®ua"),
    ];

    const HAND_VNI: &[(&str, &str)] = &[
        ("Hà", "Haø"),
        ("Nội", "Noäi"),
        ("Trường", "Tröôøng"),
        ("Đoàn", "Ñoaøn"),
        ("Thượng", "Thöôïng"),
        ("Việt", "Vieät"),
        ("thưởng", "thöôûng"),
        ("tịch", "tòch"),
        ("Nguyễn", "Nguyeãn"),
        ("Đặng", "Ñaëng"),
        ("Hữu", "Höõu"),
        ("Văn", "Vaên"),
        ("Phạm", "Phaïm"),
        ("Hương", "Höông"),
        ("Hội", "Hoäi"),
        ("khỏe", "khoûe"),
        ("Thủy", "Thuûy"),
        ("Đảng", "Ñaûng"),
        ("Thắng", "Thaéng"),
        ("Đức", "Ñöùc"),
        ("đua", "ñua"),
    ];

    /// Words that are not evidence on their own: VNI "Chuû" is also TCVN3 for "Chuỷ", "Leâ"
    /// for "Leõ"; "xaõ", "Hoàng", "Thò", "Quoác" and TCVN3 "Phóc" look like syllables as they
    /// stand. In a phrase with one word of the tables above they must be read right too.
    const WEAK_TCVN3: &[(&str, &str)] = &[("Phúc", "Phóc")];
    const WEAK_VNI: &[(&str, &str)] = &[
        ("Chủ", "Chuû"),
        ("Lê", "Leâ"),
        ("xã", "xaõ"),
        ("Hồng", "Hoàng"),
        ("Thị", "Thò"),
        ("Quốc", "Quoác"),
        ("Phúc", "Phuùc"),
    ];

    /// Words every encoding leaves as they are.
    const UNCHANGED: &[&str] = &["Minh", "Thanh", "An", "ban", "Khen", "thi"];

    /// A phrase of hand-written legacy words (at least one from `table`), weak words and
    /// unchanged words, as (garbage, Unicode).
    fn hand_phrase(
        table: &'static [(&'static str, &'static str)],
        weak: &'static [(&'static str, &'static str)],
    ) -> impl Strategy<Value = (String, String)> {
        let word = prop_oneof![
            3 => prop::sample::select(table).prop_map(|(u, g)| (g, u)),
            1 => prop::sample::select(weak).prop_map(|(u, g)| (g, u)),
            1 => prop::sample::select(UNCHANGED).prop_map(|w| (w, w)),
        ];
        (
            prop::sample::select(table),
            prop::collection::vec(word, 0..6),
            any::<prop::sample::Index>(),
        )
            .prop_map(|((u, g), mut words, at)| {
                words.insert(at.index(words.len() + 1), (g, u));
                let garbage: Vec<&str> = words.iter().map(|w| w.0).collect();
                let text: Vec<&str> = words.iter().map(|w| w.1).collect();
                (garbage.join(" "), text.join(" "))
            })
    }

    #[test]
    fn hand_written_words_are_detected_and_match_encode() {
        for (table, enc) in [(HAND_TCVN3, Legacy::Tcvn3), (HAND_VNI, Legacy::Vni)] {
            for &(text, garbage) in table {
                assert_ne!(text, garbage);
                assert_eq!(
                    detect(garbage),
                    Some((enc, text.to_string())),
                    "{enc}: {garbage:?} should read {text:?}"
                );
                // `encode` builds the test data of the round-trip tests: it must agree with
                // the hand-written spelling.
                assert_eq!(encode(enc, text), garbage, "{enc}: encode({text:?})");
            }
        }
        for (table, enc) in [(WEAK_TCVN3, Legacy::Tcvn3), (WEAK_VNI, Legacy::Vni)] {
            for &(text, garbage) in table {
                assert_eq!(encode(enc, text), garbage, "{enc}: encode({text:?})");
                assert_eq!(
                    decode(enc, garbage).as_deref(),
                    Some(text),
                    "{enc}: {garbage:?}"
                );
            }
        }
        // Whole phrases, including the examples of the module documentation.
        for (garbage, enc, text) in [
            ("Hµ Néi", Legacy::Tcvn3, "Hà Nội"),
            ("Haø Noäi", Legacy::Vni, "Hà Nội"),
            (
                "Chñ tÞch UBND x· Th\u{AD}îng L©m",
                Legacy::Tcvn3,
                "Chủ tịch UBND xã Thượng Lâm",
            ),
            (
                "Chuû tòch UBND xaõ Thöôïng Laâm",
                Legacy::Vni,
                "Chủ tịch UBND xã Thượng Lâm",
            ),
            ("§oµn Thanh niªn", Legacy::Tcvn3, "Đoàn Thanh niên"),
            ("Ñoaøn Thanh nieân", Legacy::Vni, "Đoàn Thanh niên"),
            ("HéI NGHÞ", Legacy::Tcvn3, "HỘI NGHỊ"),
            ("HOÄI NGHÒ", Legacy::Vni, "HỘI NGHỊ"),
        ] {
            assert_eq!(detect(garbage), Some((enc, text.to_string())), "{garbage}");
        }
    }
}
