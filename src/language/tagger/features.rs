//! The tagger's features: what it may look at when it tags a word.
//!
//! Training (`examples/train_tagger.rs`) and tagging call the same [`Context::features`],
//! so a model always sees the features it was trained on. A feature is a 32-bit hash of a
//! template number and the strings it reads; the model stores the hashes it kept, so no
//! feature string is ever built or stored. Two features that share a hash act as one,
//! which at a few hundred thousand features in a 2³² space happens a handful of times.

/// The word forms a feature may read, computed once per token.
#[derive(Clone, Debug, Default)]
pub struct WordForm {
    /// Lowercased, with curly apostrophes straightened and digits folded to `0` in long
    /// numbers, so "Friday's", "friday’s" share features and "2026" reads like "1999".
    pub norm: String,
    /// The word's shape: `X` upper, `x` lower, `d` digit, other characters as they are,
    /// runs of one class cut at four ("Xxxx", "dd:dd", "X.X.").
    pub shape: String,
    /// The word as written has an upper-case first letter.
    pub capitalized: bool,
    /// The word's ambiguity class: which tags the treebank gives it ("NOUN or VERB"),
    /// as a number the model defines; 0 for a word the model does not know. It lets the
    /// tagger look at what the next words can be before it has tagged them.
    pub class: u16,
}

impl WordForm {
    /// The forms of `word`.
    pub fn new(word: &str) -> WordForm {
        let mut norm = String::with_capacity(word.len());
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' => norm.push('\''),
                '\u{201c}' | '\u{201d}' => norm.push('"'),
                _ => norm.extend(c.to_lowercase()),
            }
        }
        if norm.chars().filter(char::is_ascii_digit).count() >= 3 {
            norm = norm.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
        }
        WordForm {
            norm,
            shape: shape(word),
            capitalized: word.chars().next().is_some_and(char::is_uppercase),
            class: 0,
        }
    }
}

fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if class == last {
            run += 1;
            if run >= 4 {
                continue;
            }
        } else {
            last = class;
            run = 0;
        }
        out.push(class);
    }
    out
}

/// The last `n` characters of `s` (all of it when shorter).
fn suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((at, _)) => &s[at..],
        None => s,
    }
}

/// The first `n` characters of `s` (all of it when shorter).
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// A feature hash: FNV-1a over the template number and each part, parts kept apart by a
/// byte no UTF-8 text contains.
fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for part in parts {
        eat(0xff);
        for &b in *part {
            eat(b);
        }
    }
    (h ^ (h >> 32)) as u32
}

/// What is around the word being tagged: the sentence's forms and the tags already given
/// to the words before it. Positions outside the sentence read as `-START-`/`-END-`.
pub struct Context<'a> {
    /// Every word of the sentence.
    pub words: &'a [WordForm],
    /// The tag names of the words before the current one, as decided so far.
    pub previous_tags: [&'a str; 2],
    /// In a second pass, the tag names the first pass gave every word of the sentence, so
    /// the word can be tagged knowing what follows it.
    pub first_pass: Option<&'a [&'a str]>,
}

const START: &str = "-START-";
const END: &str = "-END-";

/// The names of the two tags before word `i`, given the names of those decided so far;
/// before the sentence they read `-START-` and `-START2-`.
pub fn previous_tags<'a>(i: usize, tag_of: impl Fn(usize) -> &'a str) -> [&'a str; 2] {
    let at = |back: usize, none: &'a str| i.checked_sub(back).map_or(none, &tag_of);
    [at(1, START), at(2, "-START2-")]
}

impl Context<'_> {
    fn norm(&self, i: isize) -> &str {
        if i < 0 { START } else { self.words.get(i as usize).map_or(END, |w| w.norm.as_str()) }
    }

    fn class(&self, i: isize) -> [u8; 2] {
        if i < 0 { [0xff, 0xfe] } else { self.words.get(i as usize).map_or([0xff, 0xff], |w| w.class.to_le_bytes()) }
    }

    fn shape(&self, i: isize) -> &str {
        if i < 0 { START } else { self.words.get(i as usize).map_or(END, |w| w.shape.as_str()) }
    }

    /// The features of word `i`, appended to `out`.
    pub fn features(&self, i: usize, out: &mut Vec<u32>) {
        let at = i as isize;
        let w = self.norm(at);
        let [t1, t2] = self.previous_tags;
        fn b(s: &str) -> &[u8] {
            s.as_bytes()
        }
        let (prev, next) = (self.norm(at - 1), self.norm(at + 1));
        let first = if i == 0 { "1" } else { "0" };
        let cap = if self.words[i].capitalized { "C" } else { "c" };
        out.extend([
            hash(0, &[]),
            hash(1, &[b(w)]),
            hash(2, &[b(suffix(w, 1))]),
            hash(3, &[b(suffix(w, 2))]),
            hash(4, &[b(suffix(w, 3))]),
            hash(5, &[b(suffix(w, 4))]),
            hash(6, &[b(prefix(w, 1))]),
            hash(7, &[b(prefix(w, 2))]),
            hash(8, &[b(prefix(w, 3))]),
            hash(9, &[b(self.shape(at))]),
            hash(10, &[b(first), b(cap)]),
            hash(11, &[b(t1)]),
            hash(12, &[b(t2), b(t1)]),
            hash(13, &[b(t1), b(w)]),
            hash(14, &[b(prev)]),
            hash(15, &[b(suffix(prev, 3))]),
            hash(17, &[b(next)]),
            hash(18, &[b(suffix(next, 3))]),
            hash(22, &[b(self.shape(at + 1))]),
            hash(23, &[b(t1), b(next)]),
            hash(26, &[b(t1), b(suffix(w, 3))]),
            hash(27, &[b(self.shape(at - 1))]),
            hash(28, &[b(cap), b(w)]),
            hash(29, &[&self.class(at)]),
            hash(30, &[&self.class(at + 1)]),
            hash(31, &[&self.class(at + 2)]),
            hash(32, &[&self.class(at - 1)]),
            hash(33, &[b(t1), &self.class(at + 1)]),
            hash(34, &[&self.class(at), &self.class(at + 1)]),
            hash(35, &[b(w), &self.class(at + 1)]),
        ]);
        if let Some(tags) = self.first_pass {
            let tag = |i: isize| if i < 0 { START } else { tags.get(i as usize).copied().unwrap_or(END) };
            out.extend([
                hash(40, &[b(tag(at))]),
                hash(41, &[b(tag(at + 1))]),
                hash(42, &[b(tag(at + 2))]),
                hash(43, &[b(tag(at + 1)), b(tag(at + 2))]),
                hash(44, &[b(t1), b(tag(at + 1))]),
                hash(45, &[b(w), b(tag(at + 1))]),
                hash(46, &[b(tag(at)), b(tag(at + 1))]),
                hash(47, &[b(t1), b(tag(at)), b(tag(at + 1))]),
                hash(48, &[b(suffix(w, 3)), b(tag(at + 1))]),
            ]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_cut_long_runs() {
        assert_eq!(shape("Kubernetes"), "Xxxxx");
        assert_eq!(shape("10:30"), "dd:dd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("WIZARD-CXY"), "XXXX-XXX");
    }

    #[test]
    fn norm_straightens_and_folds_numbers() {
        assert_eq!(WordForm::new("Friday’s").norm, "friday's");
        assert_eq!(WordForm::new("2026").norm, "0000");
        assert_eq!(WordForm::new("42").norm, "42");
    }

    #[test]
    fn affixes_count_characters() {
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(prefix("é", 3), "é");
    }
}
