//! The features the act model reads from a sentence: named, so that `plainly analyze` can
//! say which weighed most, and hashed for the model.
//!
//! - **Words**: each token, lowercased, with digits as `0` ("3pm" is `0pm`, "10:30" is
//!   `00:00`), links, mentions, references, code, emoji and words in quotation marks
//!   (reported, not the writer's) as one stand-in each; each pair
//!   of neighbouring tokens, from the sentence's start (`^`) to its end (`$`); the first
//!   words of the sentence and of its core (after greetings and names), and its last word.
//! - **Tags**: each token's Penn tag, and the parts of speech the core opens with.
//! - **The reading** ([`super::super::reading`]), each construction a named feature: the
//!   mood, whom it addresses, the acts the grammar recognises (a request, a proposal, a
//!   meeting asked for, a greeting, a presence check, a commitment, thanks, FYI words, an
//!   apology for answering late), an artifact reference, reported words, an opening with
//!   nothing after it.
//! - **Shape**: a clock time, a date, a weekday or a month among the tokens; the length.
//! - **Place**: first, second or last sentence, the block it is in (heading, list item,
//!   paragraph), the words of the label over its block ("Blockers:", "## Next week"), and
//!   what the sentence before did (its mood, its acts, its end).
//! - **The message**: whether it has a link, whether it is a reply, how long it is.

use super::super::reading::{Acts, Mood, SentenceReading};
use super::super::tokens::TokenKind;
use crate::document::{BlockKind, Document};
use crate::segment::is_month;

/// What the act model knows of the message a sentence is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MessageSetting {
    /// How many sentences it has.
    pub sentences: usize,
    /// How many words it has, as a reader counts them.
    pub words: usize,
    /// Whether it has a link, a URL, an attachment or a ticket reference.
    pub has_link: bool,
    /// Whether it answers an earlier message: it quotes one, an email's headers say so,
    /// or the caller does.
    pub reply: bool,
}

/// Where a sentence stands in its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceSetting<'r> {
    /// Its index among the message's sentences.
    pub index: usize,
    /// The kind of block it is in.
    pub block: BlockKind,
    /// Whether it opens its block.
    pub opens_block: bool,
    /// Whether its block is the message's first.
    pub first_block: bool,
    /// The lowercase words of the label over its block: a heading, or a short line ending
    /// in a colon ("Blockers:", "What did you do yesterday?"); empty when there is none.
    pub label: Vec<String>,
    /// The reading of the sentence before it, if any.
    pub previous: Option<&'r SentenceReading>,
    /// The message.
    pub message: MessageSetting,
    /// What the hand-written reading above the language layer (phrase lists, times,
    /// meetings, blockers, references) finds, for the model to start from.
    pub hand: HandActs,
}

/// The acts the hand-written reading finds around a sentence: named features, so the
/// model starts from today's constructions and learns where to trust them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HandActs {
    /// In the sentence.
    pub sentence: super::ActSet,
    /// In the sentence before it.
    pub previous: super::ActSet,
    /// Anywhere in the message.
    pub message: super::ActSet,
}

impl SentenceSetting<'_> {
    /// Where sentence `index` of `doc` stands, given the reading of the one before it.
    pub fn of<'r>(
        doc: &Document<'_>,
        index: usize,
        previous: Option<&'r SentenceReading>,
        message: MessageSetting,
    ) -> SentenceSetting<'r> {
        let sentence = &doc.sentences[index];
        let block = &doc.blocks[sentence.block];
        SentenceSetting {
            index,
            block: block.kind,
            opens_block: block.sentences.start == index,
            // The first sentence's block is the first that holds any.
            first_block: sentence.block == doc.sentences[0].block,
            label: label_over(doc, sentence.block),
            previous,
            message,
            hand: HandActs::default(),
        }
    }
}

impl MessageSetting {
    /// What the act model knows of `doc`; `reply` says whether it answers an earlier message.
    pub fn of(doc: &Document<'_>, reply: bool) -> MessageSetting {
        MessageSetting {
            sentences: doc.sentences.len(),
            words: doc.word_count(),
            has_link: doc.has_reference() || has_ticket(&doc.prose),
            reply,
        }
    }
}

/// Whether `prose` holds an issue or ticket reference: "#123", "ABC-123".
fn has_ticket(prose: &str) -> bool {
    let bytes = prose.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        (b == b'#' && digit_after && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()))
            || (b == b'-' && digit_after && i >= 2 && bytes[i - 2..i].iter().all(u8::is_ascii_uppercase))
    })
}

/// The words of the label over block `block`: the heading or short line ending in a colon
/// or a question mark that stands right before it, or before the list it is an item of.
fn label_over(doc: &Document<'_>, block: usize) -> Vec<String> {
    let kind = doc.blocks[block].kind;
    let mut at = block;
    if kind == BlockKind::ListItem {
        while at > 0 && doc.blocks[at - 1].kind == BlockKind::ListItem {
            at -= 1;
        }
    }
    let Some(above) = at.checked_sub(1).map(|k| &doc.blocks[k]) else { return Vec::new() };
    let text = above.span.slice(&doc.prose).trim();
    let short = doc.count_words(above.words.clone()) <= 8;
    let labels = matches!(above.kind, BlockKind::Heading(_)) || short && text.ends_with([':', '?']);
    if !labels {
        return Vec::new();
    }
    doc.words[above.words.clone()].iter().take(8).map(|w| normalize(w.slice(&doc.prose))).collect()
}

/// A word as features see it: lowercase, straight apostrophes, digits as `0`.
fn normalize(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c if c.is_ascii_digit() => '0',
            c => c,
        })
        .take(24)
        .collect()
}

/// The FNV-1a hash of a feature's name: what the model file stores.
pub fn hash(name: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The named features of a sentence whose tokens are spans of `source`, sorted.
pub fn names(reading: &SentenceReading, source: &str, setting: &SentenceSetting<'_>) -> Vec<String> {
    let mut out = unsorted_names(reading, source, setting);
    out.sort_unstable();
    out.dedup();
    out
}

/// The named features of a sentence, in the order they are made, repeats included.
fn unsorted_names(reading: &SentenceReading, source: &str, setting: &SentenceSetting<'_>) -> Vec<String> {
    let mut out = Vec::with_capacity(96);
    let words: Vec<String> = reading
        .tokens
        .iter()
        .map(|t| match t.kind {
            // Reported words are somebody else's: what they ask is not the writer's ask.
            _ if reading.is_reported(t.span.start) => "<quoted>".to_string(),
            TokenKind::Url => "<url>".to_string(),
            TokenKind::Mention => "<@>".to_string(),
            TokenKind::Reference => "<#>".to_string(),
            TokenKind::Code => "<code>".to_string(),
            TokenKind::Emoji => "<emoji>".to_string(),
            TokenKind::Word | TokenKind::Punct => normalize(t.span.slice(source)),
        })
        .collect();
    let is_punct = |k: usize| reading.tokens[k].kind == TokenKind::Punct;
    for w in &words {
        out.push(format!("w:{w}"));
    }
    let mut previous = "^";
    for w in &words {
        out.push(format!("b:{previous}|{w}"));
        previous = w;
    }
    out.push(format!("b:{previous}|$"));
    if let Some(first) = words.first() {
        out.push(format!("f1:{first}"));
    }
    let core: Vec<usize> = (reading.core..words.len()).filter(|&k| !is_punct(k)).collect();
    match core.as_slice() {
        [] => out.push("c1:none".into()),
        [one] => out.push(format!("c1:{}", words[*one])),
        [one, two, ..] => {
            out.push(format!("c1:{}", words[*one]));
            out.push(format!("c2:{}|{}", words[*one], words[*two]));
            out.push(format!("cp:{}|{}", reading.tags[*one].upos.name(), reading.tags[*two].upos.name()));
        }
    }
    if let Some(&first) = core.first() {
        out.push(format!("cp1:{}", reading.tags[first].xpos));
    }
    if let Some(last) = (0..words.len()).rev().find(|&k| !is_punct(k)) {
        out.push(format!("last:{}", words[last]));
    }
    let end = ending(reading, source);
    out.push(format!("end:{end}"));
    for tag in &reading.tags {
        out.push(format!("x:{}", tag.xpos));
        if tag.imperative {
            out.push("imperative".into());
        }
    }
    reading_features(reading, "", &mut out);
    shape_features(reading, source, &mut out);
    let length = reading.tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
    out.push(format!("len:{}", bucket(length)));
    out.push(format!("mood:{}|{}", reading.mood.name(), place(setting)));
    if reading.addressee.you {
        out.push(format!("mood:{}|you", reading.mood.name()));
    }
    out.push(format!("place:{}", place(setting)));
    out.push(format!("at:{}", setting.index.min(4)));
    out.push(match setting.block {
        BlockKind::Paragraph => "block:paragraph".into(),
        BlockKind::Heading(_) => "block:heading".into(),
        BlockKind::ListItem => "block:list".into(),
        BlockKind::TableCell => "block:table".into(),
    });
    if setting.opens_block {
        out.push("opens-block".into());
    }
    if setting.first_block {
        out.push("first-block".into());
    }
    for w in &setting.label {
        out.push(format!("label:{w}"));
    }
    if setting.label.is_empty() {
        out.push("label:none".into());
    }
    match setting.previous {
        None => out.push("prev:none".into()),
        Some(previous) => {
            reading_features(previous, "prev-", &mut out);
            out.push(format!("prev-end:{}", ending(previous, source)));
        }
    }
    for act in setting.hand.sentence.iter() {
        out.push(format!("hand-act:{}", act.name()));
        out.push(format!("hand-act:{}|{}", act.name(), place(setting)));
    }
    if setting.hand.sentence.is_empty() {
        out.push("hand-act:none".into());
    }
    for act in setting.hand.previous.iter() {
        out.push(format!("prev-hand-act:{}", act.name()));
    }
    for act in setting.hand.message.iter() {
        out.push(format!("msg-hand-act:{}", act.name()));
    }
    let message = setting.message;
    if message.has_link {
        out.push("msg:link".into());
    }
    if message.reply {
        out.push("msg:reply".into());
    }
    out.push(format!("msg-len:{}", bucket(message.words)));
    out.push(format!("msg-sentences:{}", bucket(message.sentences)));
    out
}

/// The hashed features of a sentence (see [`names`]).
pub fn hashes(reading: &SentenceReading, source: &str, setting: &SentenceSetting<'_>) -> Vec<u32> {
    // Hashes sort faster than the names they come from (a long run of words has many).
    let mut hashes: Vec<u32> = unsorted_names(reading, source, setting).iter().map(|n| hash(n)).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The hand-written reading's constructions, each a feature named with `prefix`.
fn reading_features(reading: &SentenceReading, prefix: &str, out: &mut Vec<String>) {
    out.push(format!("{prefix}mood:{}", reading.mood.name()));
    for name in reading.acts.names() {
        out.push(format!("{prefix}hand:{name}"));
    }
    if reading.acts.is_empty() {
        out.push(format!("{prefix}hand:none"));
    }
    if prefix.is_empty() {
        if reading.addressee.you {
            out.push("you".into());
        }
        if reading.addressee.vocative.is_some() {
            out.push("vocative".into());
        }
        if reading.addressee.group.is_some() {
            out.push("group".into());
        }
        if reading.meeting.is_some() {
            out.push("hand:meeting-words".into());
        }
        if !reading.references.is_empty() {
            out.push("hand:reference".into());
        }
        if !reading.reported.is_empty() {
            out.push("reported".into());
        }
        if reading.is_only_opening() {
            out.push("hand:only-opening".into());
        }
        if reading.core > 0 {
            out.push("has-opening".into());
        }
        if reading.acts.contains(Acts::ASK) && reading.mood == Mood::Question {
            out.push("hand:question-to-reader".into());
        }
    }
}

/// Times among the tokens: a clock time ("3pm", "10:30", "noon"), a date ("2026-11-03",
/// "11/3", "Nov 3"), a weekday, a month.
fn shape_features(reading: &SentenceReading, source: &str, out: &mut Vec<String>) {
    let texts: Vec<&str> = reading.tokens.iter().map(|t| t.span.slice(source)).collect();
    for (k, text) in texts.iter().enumerate() {
        let lower = text.to_ascii_lowercase();
        let next = texts.get(k + 1).map(|t| t.to_ascii_lowercase()).unwrap_or_default();
        let digits = !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit());
        let hour = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
        let clock =
            (digits && lower.len() <= 2 && matches!(next.as_str(), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m"))
                || is_hh_mm(&lower)
                || lower.strip_suffix("am").or_else(|| lower.strip_suffix("pm")).is_some_and(hour)
                || matches!(lower.as_str(), "noon" | "midnight" | "eod" | "cob" | "eow" | "o'clock" | "o\u{2019}clock");
        if clock {
            out.push("shape:clock".into());
        }
        if lower.bytes().filter(|b| matches!(b, b'-' | b'/')).count() >= 1
            && lower.bytes().any(|b| b.is_ascii_digit())
            && lower.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/'))
        {
            out.push("shape:date".into());
        }
        let day = lower.trim_end_matches("'s").trim_end_matches('s');
        if matches!(day, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday") {
            out.push("shape:weekday".into());
        }
        if matches!(day, "today" | "tonight" | "tomorrow" | "yesterday") {
            out.push(format!("shape:day-{day}"));
        }
        if is_month(&lower) && lower.len() > 2 && text.chars().next().is_some_and(char::is_uppercase) {
            out.push("shape:month".into());
        }
    }
}

fn is_hh_mm(text: &str) -> bool {
    let Some((h, m)) = text.split_once(':') else { return false };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    h.len() <= 2 && digits(h) && m.as_bytes().get(..2).is_some_and(|two| two.iter().all(u8::is_ascii_digit))
}

/// How a sentence ends: `?`, `!`, `.`, `:` or `none`.
fn ending(reading: &SentenceReading, source: &str) -> &'static str {
    let last = reading.tokens.iter().rev().find(|t| t.kind != TokenKind::Emoji).map(|t| t.span.slice(source));
    match last.and_then(|t| t.chars().last()) {
        Some('?') => "?",
        Some('!') => "!",
        Some('.') => ".",
        Some(':') => ":",
        _ => "none",
    }
}

/// Where a sentence stands: the only one, the first, the last, or in between.
fn place(setting: &SentenceSetting<'_>) -> &'static str {
    let last = setting.index + 1 == setting.message.sentences;
    match (setting.index == 0, last) {
        (true, true) => "only",
        (true, false) => "first",
        (false, true) => "last",
        (false, false) => "middle",
    }
}

/// A count in a few ranges, so that one feature covers similar lengths.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        13..=25 => "13-25",
        26..=60 => "26-60",
        61..=120 => "61-120",
        121..=250 => "121-250",
        _ => "251+",
    }
}

/// The named features of sentence `index` of the plain-text message `text`.
#[cfg(test)]
fn sentence_names(text: &str, index: usize) -> Vec<String> {
    use crate::document::ParseOptions;
    use crate::input::FileKind;
    let doc = Document::parse(text, FileKind::Text, ParseOptions { skip_quotes: true });
    let readings: Vec<SentenceReading> =
        doc.sentences.iter().map(|s| super::super::read_span(doc.source, &doc.prose, s.span)).collect();
    let setting =
        SentenceSetting::of(&doc, index, index.checked_sub(1).map(|p| &readings[p]), MessageSetting::of(&doc, false));
    names(&readings[index], text, &setting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pairs_and_the_reading_are_features() {
        let names = sentence_names("Hi Sam, can you review the draft by 3pm?", 0);
        for expected in
            ["w:review", "b:the|draft", "b:^|hi", "c1:can", "c2:can|you", "mood:question", "hand:ask", "you"]
        {
            assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
        }
        assert!(names.iter().any(|n| n == "shape:clock"), "{names:?}");
        assert!(names.iter().any(|n| n == "b:0|pm"), "digits are read as 0: {names:?}");
        assert!(names.iter().any(|n| n == "place:only"), "{names:?}");
    }

    #[test]
    fn the_label_over_a_list_and_the_sentence_before_are_features() {
        let text = "Blockers:\n\n- waiting on the infra team to open the port";
        let names = sentence_names(text, 1);
        assert!(names.iter().any(|n| n == "label:blockers"), "{names:?}");
        assert!(names.iter().any(|n| n == "block:list"), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("prev-mood:")), "{names:?}");
    }

    #[test]
    fn tickets_count_as_links() {
        assert!(has_ticket("see #123 please") && has_ticket("fixed in ABC-42"));
        assert!(!has_ticket("item#1 and a-1"));
    }
}
