//! A single-spaced, straight-quoted copy of the prose for phrase matching, with a map
//! back to prose offsets.
//!
//! Hard-wrapped lines, blanked markup and curly apostrophes would otherwise hide
//! "circle\nback", "circle **back**" and "don’t" from literal phrase lists.

use crate::span::Span;

/// Prose with every run of white space read as one space and curly quotes as straight ones.
#[derive(Debug, Default)]
pub struct FlatProse {
    /// The normalised text.
    pub text: String,
    /// `(flat offset, bytes removed before it)`, one entry where the count changes.
    shifts: Vec<(usize, usize)>,
}

impl FlatProse {
    /// Empties it, keeping its storage for the next text.
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.shifts.clear();
    }

    /// Builds the flat view of `prose`.
    pub fn new(prose: &str) -> FlatProse {
        let mut text = String::with_capacity(prose.len());
        let mut shifts = Vec::new();
        let mut removed = 0;
        let bytes = prose.as_bytes();
        // The character at `at` and whether it is white space; ASCII is read without decoding.
        let char_at = |at: usize| match bytes[at] {
            byte @ 0..0x80 => (byte as char, matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')),
            _ => {
                let c = prose[at..].chars().next().expect("at is a char boundary");
                (c, c.is_whitespace())
            }
        };
        let mut at = 0;
        while at < bytes.len() {
            let (c, space) = char_at(at);
            if space {
                // A run of white space becomes one space.
                let start = at;
                while at < bytes.len() && char_at(at).1 {
                    at += char_at(at).0.len_utf8();
                }
                text.push(' ');
                if at - start > 1 {
                    removed += at - start - 1;
                    shifts.push((at - removed, removed));
                }
            } else if c.is_ascii() {
                // A run of visible ASCII is copied as it is.
                let start = at;
                while at < bytes.len() && bytes[at] < 0x80 && !char_at(at).1 {
                    at += 1;
                }
                text.push_str(&prose[start..at]);
            } else {
                let plain = match c {
                    '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
                    '\u{201C}' | '\u{201D}' => '"',
                    other => other,
                };
                text.push(plain);
                at += c.len_utf8();
                if plain != c {
                    // Offsets after this character are shifted by the new total.
                    removed += c.len_utf8() - plain.len_utf8();
                    shifts.push((at - removed, removed));
                }
            }
        }
        FlatProse { text, shifts }
    }

    /// Appends the flat view of `next_prose`, the prose that follows the `prose_len`
    /// bytes this was built from, giving what [`FlatProse::new`] gives for both at once.
    pub(crate) fn append(&mut self, prose_len: usize, next: &FlatProse, next_prose: &str) {
        let flat_len = self.text.len();
        let removed = prose_len - flat_len;
        let joined = next_prose.chars().next().is_some_and(char::is_whitespace) && self.text.ends_with(' ');
        if !joined {
            self.text.push_str(&next.text);
            self.shifts.extend(next.shifts.iter().map(|&(at, count)| (at + flat_len, count + removed)));
            return;
        }
        // White space ends this and starts the next: one run, one space. The run's end
        // (`flat_len` in the flat text) gets one entry counting both parts' white space
        // but that space, in place of the entry either part has there.
        if self.shifts.last().is_some_and(|&(at, _)| at == flat_len) {
            self.shifts.pop();
        }
        self.text.push_str(&next.text[1..]);
        let shifted = next.shifts.iter().map(|&(at, count)| (at - 1 + flat_len, count + removed + 1));
        if next.shifts.first().is_none_or(|&(at, _)| at != 1) {
            self.shifts.push((flat_len, removed + 1));
        }
        self.shifts.extend(shifted);
    }

    /// The prose offset of flat offset `at` (a character start or the end of the text).
    pub fn to_prose(&self, at: usize) -> usize {
        let index = self.shifts.partition_point(|&(flat, _)| flat <= at);
        at + if index == 0 { 0 } else { self.shifts[index - 1].1 }
    }

    /// The prose span of a flat span that starts and ends on non-space characters.
    pub fn span_to_prose(&self, span: Span, prose: &str) -> Span {
        if span.is_empty() {
            let at = self.to_prose(span.start);
            return Span::empty(at);
        }
        let start = self.to_prose(span.start);
        let last = self.text[..span.end].chars().next_back().map_or(0, char::len_utf8);
        let last_start = self.to_prose(span.end - last);
        let last_len = prose[last_start..].chars().next().map_or(0, char::len_utf8);
        Span::new(start, last_start + last_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezes_space_and_maps_back() {
        let prose = "let's  circle\n back   now";
        let flat = FlatProse::new(prose);
        assert_eq!(flat.text, "let's circle back now");
        let at = flat.text.find("circle back").unwrap();
        let span = flat.span_to_prose(Span::new(at, at + "circle back".len()), prose);
        assert_eq!(span.slice(prose), "circle\n back");
    }

    #[test]
    fn straightens_curly_apostrophes() {
        let prose = "I don\u{2019}t know, it\u{2019}s fine";
        let flat = FlatProse::new(prose);
        assert_eq!(flat.text, "I don't know, it's fine");
        let at = flat.text.find("it's").unwrap();
        assert_eq!(flat.span_to_prose(Span::new(at, at + 4), prose).slice(prose), "it\u{2019}s");
        let at = flat.text.find("don't").unwrap();
        assert_eq!(flat.span_to_prose(Span::new(at, at + 5), prose).slice(prose), "don\u{2019}t");
    }

    #[test]
    fn appending_gives_what_building_from_both_gives() {
        let pieces = ["a  b\n\n", "  c’d  ", "\u{a0} e", "", "  ", "f\n", "\n\ng", " “h” \u{2003}\n"];
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let mut flat = FlatProse::new(first);
                    flat.append(first.len(), &FlatProse::new(second), second);
                    let prose = format!("{first}{second}");
                    flat.append(prose.len(), &FlatProse::new(third), third);
                    let whole = FlatProse::new(&format!("{prose}{third}"));
                    assert_eq!(
                        (&flat.text, &flat.shifts),
                        (&whole.text, &whole.shifts),
                        "{first:?} {second:?} {third:?}"
                    );
                }
            }
        }
    }
}
