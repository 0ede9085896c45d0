//! Splitting a sentence into the tokens the tagger reads, the way the English Web
//! Treebank splits them: punctuation apart, clitics apart ("don't" is "do" + "n't",
//! "Sam's" is "Sam" + "'s"), hyphenated and slashed compounds apart ("follow-up" is
//! "follow" "-" "up", but a prefix stays on its word: "re-run", "pre-order"), a clock
//! time apart from its "pm". URLs, email addresses, @mentions, #references and inline
//! code stay whole, because a reader sees each as one thing. Every token is a span of the
//! original file.

use crate::span::Span;

/// What a token is, beyond its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, a number, or a clitic.
    Word,
    /// Punctuation or a symbol.
    Punct,
    /// An emoji or other pictograph.
    Emoji,
    /// `@name`.
    Mention,
    /// `#123`, `#channel`.
    Reference,
    /// A URL or an email address.
    Url,
    /// Inline code, blanked in the prose but part of the sentence ("review `foo.rs`").
    Code,
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the file.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// The tokens of `span`, read from `prose` (the writer's prose at file offsets) with
/// `source` (the file) to see inline code and links that the prose blanks out.
pub fn tokenize(source: &str, prose: &str, span: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    let (src, text) = (source.as_bytes(), prose.as_bytes());
    let mut at = span.start;
    while at < span.end {
        let c = prose[at..].chars().next().expect("at is a char boundary below span.end");
        if !c.is_whitespace() {
            let end = run_end(prose, at, span.end, |c| !c.is_whitespace());
            split_run(prose, Span::new(at, end), &mut tokens);
            at = end;
        } else if text[at] == b' ' && !src[at].is_ascii_whitespace() {
            // Bytes the prose blanks: inline code and URLs are part of the sentence;
            // markup, link targets and HTML are not.
            let end = run_end_bytes(src, text, at, span.end);
            let hidden = &source[at..end];
            if hidden.starts_with('`') {
                tokens.push(Token { span: Span::new(at, end), kind: TokenKind::Code });
            } else if !hidden.starts_with("](") && looks_like_url(hidden.trim_matches(['<', '>'])) {
                tokens.push(Token { span: Span::new(at, end), kind: TokenKind::Url });
            }
            at = end;
        } else {
            at += c.len_utf8();
        }
    }
    tokens
}

/// The end of the run from `at` of characters that satisfy `keep`, at most `end`.
fn run_end(text: &str, at: usize, end: usize, keep: impl Fn(char) -> bool) -> usize {
    text[at..end].char_indices().find(|&(_, c)| !keep(c)).map_or(end, |(i, _)| at + i)
}

/// The end of a run of blanked, non-space source bytes from `at`, on a char boundary.
fn run_end_bytes(src: &[u8], text: &[u8], at: usize, end: usize) -> usize {
    let mut i = at;
    while i < end && text[i] == b' ' && !src[i].is_ascii_whitespace() {
        i += 1;
    }
    // Blanking is done on whole characters, so a blanked run ends on a char boundary.
    i
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("www.") || is_email(text)
}

fn is_email(text: &str) -> bool {
    let Some((user, host)) = text.split_once('@') else { return false };
    !user.is_empty()
        && host.contains('.')
        && !host.ends_with('.')
        && user.chars().all(|c| c.is_alphanumeric() || "._%+-".contains(c))
        && host.chars().all(|c| c.is_alphanumeric() || ".-".contains(c))
}

/// Characters that are tokens of their own at the edges of a run.
fn is_edge_punct(c: char) -> bool {
    !c.is_alphanumeric() && !matches!(c, '@' | '#' | '$' | '%' | '&') && !is_emoji(c) || matches!(c, '$' | '%' | '&')
}

fn is_emoji(c: char) -> bool {
    matches!(u32::from(c), 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D)
}

/// Splits one whitespace-free run of prose into tokens.
fn split_run(prose: &str, run: Span, out: &mut Vec<Token>) {
    let text = run.slice(prose);
    if looks_like_url(text.trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])) && !text.starts_with(['(', '"']) {
        let core = text.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        out.push(Token { span: Span::new(run.start, run.start + core.len()), kind: TokenKind::Url });
        split_run(prose, Span::new(run.start + core.len(), run.end), out);
        return;
    }
    let mut start = run.start;
    let mut end = run.end;
    // Leading punctuation, one token per character (an ellipsis or a run of one mark is one).
    while start < end {
        let c = prose[start..].chars().next().expect("non-empty");
        if c == '@' || c == '#' {
            let name_end = run_end(prose, start + 1, end, |c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
            let name_end = trim_end_dots(prose, start + 1, name_end);
            if name_end > start + 1 {
                let kind = if c == '@' { TokenKind::Mention } else { TokenKind::Reference };
                out.push(Token { span: Span::new(start, name_end), kind });
                start = name_end;
                continue;
            }
        }
        if is_emoji(c) {
            let e = run_end(prose, start, end, is_emoji);
            out.push(Token { span: Span::new(start, e), kind: TokenKind::Emoji });
            start = e;
            continue;
        }
        if !is_edge_punct(c) {
            break;
        }
        let e = run_end(prose, start, end, |d| d == c);
        out.push(Token { span: Span::new(start, e), kind: TokenKind::Punct });
        start = e;
    }
    // Trailing punctuation, kept aside to push after the core.
    let mut trailing: Vec<Token> = Vec::new();
    while start < end {
        let c = prose[..end].chars().next_back().expect("non-empty");
        if is_emoji(c) {
            let mut s = end;
            while s > start && prose[..s].chars().next_back().is_some_and(is_emoji) {
                s -= prose[..s].chars().next_back().map_or(1, char::len_utf8);
            }
            trailing.push(Token { span: Span::new(s, end), kind: TokenKind::Emoji });
            end = s;
            continue;
        }
        if !is_edge_punct(c) {
            break;
        }
        if c == '.' && keeps_final_period(&prose[start..end]) {
            break;
        }
        // A run of the same mark ("!!!", "..."), or a mixed run of ?! marks, is one token.
        let mut s = end - c.len_utf8();
        while s > start {
            let d = prose[..s].chars().next_back().expect("non-empty");
            let same = d == c || (matches!(c, '?' | '!') && matches!(d, '?' | '!'));
            if !same {
                break;
            }
            s -= d.len_utf8();
        }
        trailing.push(Token { span: Span::new(s, end), kind: TokenKind::Punct });
        end = s;
    }
    if start < end {
        split_core(prose, Span::new(start, end), out);
    }
    out.extend(trailing.into_iter().rev());
}

/// The end of a name after trailing full stops are taken off ("@sam." is "@sam" + ".").
fn trim_end_dots(prose: &str, start: usize, end: usize) -> usize {
    start + prose[start..end].trim_end_matches(['.', '-']).len()
}

/// Whether a word keeps its final full stop: an abbreviation with inner stops ("e.g.",
/// "U.S.", "a.m."), or one of the abbreviations sentence splitting knows ("Mr.", "etc.").
fn keeps_final_period(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() || stem.ends_with('.') {
        return false;
    }
    let inner = stem.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    inner && stem.contains('.') || crate::segment::is_abbreviation(stem)
}

/// Splits a run without edge punctuation: hyphens, slashes and dashes inside it, clitics
/// at its end, and "3pm" into "3" "pm".
fn split_core(prose: &str, core: Span, out: &mut Vec<Token>) {
    let text = core.slice(prose);
    // Hyphens and slashes between word characters separate words; dashes always do.
    let mut piece_start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let between_words =
            k > 0 && k + 1 < chars.len() && chars[k - 1].1.is_alphanumeric() && chars[k + 1].1.is_alphanumeric();
        let separates =
            matches!(c, '\u{2014}' | '\u{2013}' | '(' | ')' | '[' | ']' | '"' | '\u{201c}' | '\u{201d}' | '*')
                || (matches!(c, '-' | '/' | '+' | '=')
                    && between_words
                    && !is_number_like(text)
                    && !(c == '-' && is_bound_prefix(&text[piece_start..i])));
        if separates {
            if i > piece_start {
                split_word(prose, Span::new(core.start + piece_start, core.start + i), out);
            }
            out.push(Token { span: Span::new(core.start + i, core.start + i + c.len_utf8()), kind: TokenKind::Punct });
            piece_start = i + c.len_utf8();
        }
    }
    if piece_start < text.len() {
        split_word(prose, Span::new(core.start + piece_start, core.end), out);
    }
}

/// Prefixes that the treebank keeps joined to their word ("re-type", "pre-order",
/// "co-workers", "non-profit", "e-mail"): every prefix that its hyphenated tokens show
/// more than once, and never split off. A verb keeps its prefix, so "Re-run the job" is
/// read as the treebank's taggers read "re-type", and not as the preposition "re".
const BOUND_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "ex", "mid", "multi", "neo", "non", "post", "pre", "pro", "re", "semi",
    "sub", "vice",
];

/// Whether `piece`, the word part before a hyphen, is a prefix bound to what follows.
fn is_bound_prefix(piece: &str) -> bool {
    BOUND_PREFIXES.iter().any(|prefix| piece.eq_ignore_ascii_case(prefix))
}

/// Phone numbers, dates and versions keep their inner marks ("555-0100", "2026-11-29").
fn is_number_like(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':' | '+'))
}

/// Contractions split as the treebank splits them; matched case-insensitively.
const WHOLE_SPLITS: &[(&str, usize)] =
    &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("can't", 2), ("won't", 2), ("shan't", 3)];

/// Splits one word: a clitic off its end, a clock time from its "am"/"pm".
fn split_word(prose: &str, word: Span, out: &mut Vec<Token>) {
    let text = word.slice(prose);
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    let mut cut = None;
    if let Some(&(_, at)) = WHOLE_SPLITS.iter().find(|(whole, _)| lower == *whole) {
        cut = Some(at);
    } else if lower.len() > 3 && lower.ends_with("n't") {
        cut = Some(lower.len() - "n't".len());
    } else {
        for clitic in ["'s", "'m", "'re", "'ve", "'ll", "'d"] {
            if lower.len() > clitic.len() && lower.ends_with(clitic) {
                cut = Some(lower.len() - clitic.len());
                break;
            }
        }
        if cut.is_none() && (lower.ends_with("am") || lower.ends_with("pm")) {
            let digits = &lower[..lower.len() - 2];
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.') {
                cut = Some(lower.len() - 2);
            }
        }
    }
    // Lowercasing and the curly apostrophe change lengths only for non-ASCII words, where
    // the cut is found again on the text itself.
    let cut = cut.and_then(|at| {
        if lower.len() == text.len() && lower.is_char_boundary(at) && text.is_char_boundary(at) {
            Some(at)
        } else {
            clitic_start(text)
        }
    });
    match cut {
        Some(at) if at > 0 && at < text.len() => {
            out.push(Token { span: Span::new(word.start, word.start + at), kind: TokenKind::Word });
            out.push(Token { span: Span::new(word.start + at, word.end), kind: TokenKind::Word });
        }
        _ => out.push(Token { span: word, kind: TokenKind::Word }),
    }
}

/// Where a clitic starts in a word written with a curly apostrophe ("don’t", "it’s").
fn clitic_start(text: &str) -> Option<usize> {
    let apostrophe = text.rfind(['\'', '\u{2019}'])?;
    let after = text[apostrophe..].chars().skip(1).collect::<String>().to_lowercase();
    if after == "t" && text[..apostrophe].to_lowercase().ends_with('n') {
        return Some(apostrophe - 1);
    }
    matches!(after.as_str(), "s" | "m" | "re" | "ve" | "ll" | "d").then_some(apostrophe)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, text, Span::new(0, text.len())).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn splits_like_the_treebank() {
        assert_eq!(texts("Don't go, Sam's here!"), ["Do", "n't", "go", ",", "Sam", "'s", "here", "!"]);
        assert_eq!(texts("I can't, won't"), ["I", "ca", "n't", ",", "wo", "n't"]);
        assert_eq!(texts("a follow-up and/or"), ["a", "follow", "-", "up", "and", "/", "or"]);
        assert_eq!(texts("at 3pm or 10:30am."), ["at", "3", "pm", "or", "10:30", "am", "."]);
        assert_eq!(texts("(e.g. the U.S. team)"), ["(", "e.g.", "the", "U.S.", "team", ")"]);
        assert_eq!(texts("Really?! Wait..."), ["Really", "?!", "Wait", "..."]);
        assert_eq!(texts("it’s done, isn’t it"), ["it", "’s", "done", ",", "is", "n’t", "it"]);
        assert_eq!(texts("$100 or 5%"), ["$", "100", "or", "5", "%"]);
    }

    #[test]
    fn keeps_names_links_and_numbers_whole() {
        assert_eq!(texts("@sam.lee see #123."), ["@sam.lee", "see", "#123", "."]);
        assert_eq!(
            texts("mail me@example.com or https://x.io/a-b."),
            ["mail", "me@example.com", "or", "https://x.io/a-b", "."]
        );
        assert_eq!(texts("call 555-0100 on 2026-11-29"), ["call", "555-0100", "on", "2026-11-29"]);
        assert_eq!(texts("Mr. Smith"), ["Mr.", "Smith"]);
    }

    #[test]
    fn prefixes_stay_on_their_word_as_in_the_treebank() {
        assert_eq!(texts("Re-try next week"), ["Re-try", "next", "week"]);
        assert_eq!(texts("our co-workers' non-profit"), ["our", "co-workers", "'", "non-profit"]);
        assert_eq!(texts("a self-hosted re-run"), ["a", "self", "-", "hosted", "re-run"]);
    }

    #[test]
    fn emoji_are_tokens() {
        assert_eq!(texts("thanks🙏!"), ["thanks", "🙏", "!"]);
    }

    #[test]
    fn blanked_code_and_urls_are_tokens_markup_is_not() {
        let source = "Review `foo.rs` and **this** [doc](https://x.io) by Friday";
        let mut prose = source.to_string();
        for hidden in ["`foo.rs`", "**", "[", "](https://x.io)"] {
            prose = prose.replace(hidden, &" ".repeat(hidden.len()));
        }
        let tokens = tokenize(source, &prose, Span::new(0, source.len()));
        let seen: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (t.span.slice(source), t.kind)).collect();
        assert_eq!(
            seen,
            [
                ("Review", TokenKind::Word),
                ("`foo.rs`", TokenKind::Code),
                ("and", TokenKind::Word),
                ("this", TokenKind::Word),
                ("doc", TokenKind::Word),
                ("by", TokenKind::Word),
                ("Friday", TokenKind::Word),
            ]
        );
    }
}
