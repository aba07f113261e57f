//! Vietnamese tone-mark placement ("kiểu cũ" hòa / "kiểu mới" hoà) and text hygiene.
//!
//! The two placements only disagree on open syllables whose nucleus is `oa`, `oe` or `uy`
//! (hòa/hoà, khỏe/khoẻ, thủy/thuỷ). Everything else — closed syllables (hoàn, thuyền),
//! triphthongs (hoài, khuỷu), `qu`/`gi` onsets (quý, già) — has one spelling only, so the
//! recogniser below is deliberately narrow: a word that does not have exactly the shape
//! onset + o/u + a/e/y is never touched.

mod hygiene;

pub use hygiene::{TextIssue, text_issues};

use unicode_normalization::char::{compose, decompose_canonical, is_combining_mark};
use unicode_normalization::{UnicodeNormalization, is_nfc, is_nfd};

/// Which of the two accepted tone-mark placements a syllable follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// "Kiểu cũ": the tone sits on the first vowel (hòa, thủy).
    Old,
    /// "Kiểu mới" (QĐ 1989/2018): the tone sits on the main vowel (hoà, thuỷ).
    New,
}

/// A word of a text that shows one style, for reporting mixed usage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyledWord {
    pub word: String,
    pub style: Style,
    /// Byte offset of the word in the scanned text, so callers can slice the text directly.
    pub start: usize,
}

/// How often each style occurs across a set of texts, with a few examples to show the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StyleReport {
    pub old: usize,
    pub new: usize,
    pub old_examples: Vec<String>,
    pub new_examples: Vec<String>,
}

impl StyleReport {
    /// Both styles appear: this is what the `check` command warns about.
    pub fn is_mixed(&self) -> bool {
        self.old > 0 && self.new > 0
    }
}

/// Enough examples to make a warning concrete without flooding the terminal.
const MAX_EXAMPLES: usize = 5;

/// The five tone marks as combining characters: huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// The only nuclei whose tone placement depends on the style.
const NUCLEI: [(char, char); 3] = [('o', 'a'), ('o', 'e'), ('u', 'y')];

/// Onsets that can precede oa/oe/uy. `q` (qu) and `gi` are left out on purpose: in quý or
/// gia the u/i belongs to the consonant, so the word has a single spelling; k/gh/ngh only
/// come before front vowels and cannot start one of these syllables either.
const ONSETS: [&str; 23] = [
    "", "b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "r", "s",
    "t", "th", "tr", "v", "x",
];

/// The two-vowel open syllable found in a word, as char positions inside the word.
#[derive(Clone, Copy, Debug)]
struct Syllable {
    first: usize,
    second: usize,
    tone: char,
    style: Style,
}

/// Splits a precomposed vowel into its base letter and tone mark. `None` when the letter
/// carries anything other than a tone (ô, ơ, ư, ă, â, ê...), which rules the word out.
fn base_and_tone(c: char) -> Option<(char, Option<char>)> {
    let mut parts = Vec::with_capacity(3);
    decompose_canonical(c, |d| parts.push(d));
    match parts.as_slice() {
        [base] => Some((*base, None)),
        [base, mark] if TONES.contains(mark) => Some((*base, Some(*mark))),
        _ => None,
    }
}

/// Recognises the ambiguous syllable shape in an NFC word.
fn analyse(chars: &[char]) -> Option<Syllable> {
    let n = chars.len();
    if n < 2 {
        return None;
    }
    let (b1, t1) = base_and_tone(chars[n - 2])?;
    let (b2, t2) = base_and_tone(chars[n - 1])?;
    let pair = (b1.to_ascii_lowercase(), b2.to_ascii_lowercase());
    if !NUCLEI.contains(&pair) {
        return None;
    }
    let onset: String = chars[..n - 2]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    if !ONSETS.contains(&onset.as_str()) {
        return None;
    }
    let (tone, style) = match (t1, t2) {
        (Some(t), None) => (t, Style::Old),
        (None, Some(t)) => (t, Style::New),
        _ => return None,
    };
    Some(Syllable {
        first: n - 2,
        second: n - 1,
        tone,
        style,
    })
}

/// A word in NFC form, remembering whether it came in decomposed so the rewrite can give it
/// back in the same form (and with the same number of chars).
fn nfc_chars(word: &str) -> Option<(Vec<char>, bool)> {
    if is_nfc(word) {
        Some((word.chars().collect(), false))
    } else if is_nfd(word) {
        Some((word.nfc().collect(), true))
    } else {
        None
    }
}

/// The style a single word shows, or None when both styles spell it the same.
pub fn word_style(word: &str) -> Option<Style> {
    let (chars, _) = nfc_chars(word)?;
    analyse(&chars).map(|s| s.style)
}

/// The word respelled in `style`, or None when it already is (or has a single spelling).
pub fn convert_word(word: &str, style: Style) -> Option<String> {
    let (mut chars, decomposed) = nfc_chars(word)?;
    let syl = analyse(&chars)?;
    if syl.style == style {
        return None;
    }
    let (from, to) = match style {
        Style::New => (syl.first, syl.second),
        Style::Old => (syl.second, syl.first),
    };
    chars[from] = base_and_tone(chars[from])?.0;
    chars[to] = compose(chars[to], syl.tone)?;
    let out: String = chars.into_iter().collect();
    Some(if decomposed { out.nfd().collect() } else { out })
}

/// Letters, digits and combining marks: digits belong to words so that codes like "hòa2"
/// are not mistaken for syllables, marks so that decomposed text splits the same way.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Maximal runs of word chars, with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// Rewrite every affected syllable of `text` into `style`, preserving case, NFC in → NFC out,
/// and every other character untouched (same char count).
pub fn convert(text: &str, style: Style) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, word) in words(text) {
        if let Some(new) = convert_word(word, style) {
            out.push_str(&text[copied..start]);
            out.push_str(&new);
            copied = start + word.len();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// All words of `text` that carry a style, for reporting mixed usage.
pub fn scan(text: &str) -> Vec<StyledWord> {
    words(text)
        .filter_map(|(start, word)| {
            word_style(word).map(|style| StyledWord {
                word: word.to_owned(),
                style,
                start,
            })
        })
        .collect()
}

/// Mixed-usage summary over many texts. Examples are distinct words in order of first
/// appearance, capped so a large data set still gives a short warning.
pub fn report<'a>(texts: impl IntoIterator<Item = &'a str>) -> StyleReport {
    let mut r = StyleReport::default();
    for text in texts {
        for w in scan(text) {
            let (count, examples) = match w.style {
                Style::Old => (&mut r.old, &mut r.old_examples),
                Style::New => (&mut r.new, &mut r.new_examples),
            };
            *count += 1;
            if examples.len() < MAX_EXAMPLES && !examples.contains(&w.word) {
                examples.push(w.word);
            }
        }
    }
    r
}

#[cfg(test)]
mod tests;
