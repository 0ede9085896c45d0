//! Times in a message: clock times, end-of-day terms, time zones, dates, weekdays,
//! relative days, durations and events (the things a deadline is made of), and
//! vague time words.
//!
//! Vocabulary that teams extend (zone names, "EOD", "ASAP", "no rush", "tomorrow")
//! comes from the phrase lists. Clock times are one regular expression over the whole
//! document. Dates, durations and events are read from the document's words in one
//! linear pass: a month next to a day number, a number before a unit, a preposition
//! before an event noun. That keeps a message check free of regex compilation, which
//! would otherwise be most of what a writer waits for.

use std::sync::LazyLock;

use regex::Regex;

use super::Context;
use crate::language::{Acts, Upos};
use crate::lexicon::{List, PhraseMatch};
use crate::segment::{after_in_paragraph, before_in_paragraph, is_month};
use crate::span::Span;

/// The time facts every profile needs, found once per document. Zones and concrete
/// times are looked up per sentence ([`has_zone`], [`concrete_times`]) or per message
/// ([`deadlines`]), since only a few sentences ever need them.
#[derive(Debug, Default)]
pub struct TimeScan {
    /// Clock times: "3pm", "3:00 p.m.", "15:00", "noon", "midnight".
    pub clock: Vec<Span>,
    /// End-of-day terms: "EOD", "COB", "end of day", "close of business".
    pub end_of_day: Vec<Span>,
    /// Vague time words that time someone's action and that no concrete time in the same
    /// sentence pins down: the hand-written reading of the `vague-time` act.
    pub vague: Vec<PhraseMatch>,
    /// Every vague time word that no concrete time in its sentence pins down and that is
    /// not in reported words, whatever it times.
    pub vague_words: Vec<PhraseMatch>,
    /// Whether the message says there is no deadline ("no rush", "whenever works").
    pub no_deadline: bool,
}

/// Every clock time in one pass: 12-hour ("3pm", "9:30 a.m."), 24-hour ("15:00"; but
/// "0:00" and "0:02:00" are offsets into a recording, while "00:00" is midnight), the
/// hour "o'clock" ("3 o'clock", "ten o’clock"), and words. It runs over whole documents,
/// so it uses the fast `regex` engine with ASCII classes, which compile to a fraction of
/// their Unicode size.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)|\b(?:[01]\d|2[0-3]|[1-9]):[0-5]\d(?::[0-5]\d)?\b|\b(?:noon|midnight|midday)\b|\b(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s?o(?:'|’)?clock\b",
    )
    .expect("static regex")
});

/// Words after which a zone is stated for a whole message ([`declared_zone`]): "all times",
/// "timestamps", "my TZ", "time zone:", "I'm in".
static ZONE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:times|timestamps|time ?zones?|tz|i['’]?m (?:in|on)|i am (?:in|on))\b").expect("static regex")
});

/// Dotted 24-hour times ("10.30", "14.30h"), which are also decimals and versions: a
/// time only after a word that introduces one ("at 10.30", "from 9.00 to 10.30") or with
/// its "h" ([`dotted_times`]).
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i-u)\b(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s?(?:h|hrs|uhr)\b)?").expect("static regex"));

/// Words after which "10.30" is a time of day.
const BEFORE_DOTTED: &[&str] = &["at", "from", "until", "till", "by", "before", "after", "around", "between"];

/// Words of [`BEFORE_DOTTED`] that open a range of versions as readily as one of times
/// ("the drivers are from 2.32", "between 1.20 and 1.25"): after them a dotted number is
/// a time only when the range's other end follows and is a time too ("from 9.00 to 10.30").
const RANGE_OPENERS: &[&str] = &["from", "between"];

// Zones written as offsets or places are looked for only in sentences that hold a time,
// so these use `regex-lite`, which compiles in microseconds.
macro_rules! lite {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<regex_lite::Regex> =
            LazyLock::new(|| regex_lite::Regex::new($pattern).expect("static regex"));
    };
}
lite!(ISO_ZONED, r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})");
lite!(
    ZONE_NAME,
    r"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Z][A-Za-z_\-]+(?:/[A-Z][A-Za-z_\-]+)?"
);
lite!(ZONE_OFFSET, r"(?i)\b(?:UTC|GMT)\s?(?:[+\-]|\x{2212})\s?\d{1,2}(?::?\d{2})?\b");
lite!(CITY_TIME, r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+[Tt]ime\b");

/// Words before a month that make it a time: "in March", "by Nov", "end of June".
const BEFORE_MONTH: &[&str] =
    &["in", "by", "until", "till", "before", "through", "early", "mid", "late", "of", "since"];

/// Weekdays, lowercase; plurals ("Fridays") count too.
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Weekday abbreviations, matched only as written (not "wed" or "sat").
const WEEKDAY_ABBREVIATIONS: &[&str] = &["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri"];

/// Units that make "2 days" or "a week" a duration.
const UNITS: &[&str] = &[
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months",
];

/// Words between a number and its unit: "two more days", "3 business days".
const UNIT_MODIFIERS: &[&str] = &["more", "business", "working", "calendar", "full", "extra"];

/// Number words that can count a unit.
const NUMBER_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "few", "several", "couple",
];

/// Events a deadline can be tied to: "before the release", "by Thursday's standup".
const EVENTS: &[&str] = &[
    "release",
    "launch",
    "meeting",
    "call",
    "standup",
    "sync",
    "demo",
    "review",
    "deadline",
    "cutoff",
    "freeze",
    "retro",
    "planning",
    "deploy",
    "deployment",
    "rollout",
    "merge",
    "offsite",
    "kickoff",
    "interview",
    "presentation",
    "conference",
    "hearing",
    "session",
    "milestone",
    "event",
    "trip",
    "holiday",
    "holidays",
    "break",
    "vacation",
    "summit",
    "workshop",
    "cycle",
    "sprint",
    "go-live",
    "handoff",
    "handover",
    "audit",
    "board",
];

/// Words that tie a time to an event, each as the words it ends with: "by", "prior to".
const BEFORE_EVENT: &[&[&str]] = &[
    &["before"],
    &["by"],
    &["until"],
    &["till"],
    &["prior", "to"],
    &["ahead", "of"],
    &["in", "time", "for"],
    &["no", "later", "than"],
];

/// Capitalised words that make "X time" something other than a place's time zone.
const NOT_A_PLACE: &[&str] = &[
    "Any", "Build", "Compile", "Down", "Each", "Every", "Extra", "First", "Free", "Full", "Good", "Great", "Half",
    "Hard", "Last", "Long", "Lunch", "Dinner", "Next", "No", "One", "Over", "Part", "Prime", "Quality", "Real",
    "Reaction", "Response", "Run", "Same", "Screen", "Second", "Short", "Some", "Spare", "That", "The", "This", "Up",
    "Wall", "What", "Which", "Load", "Startup", "Start", "End", "Wait", "Travel", "Lead", "Query", "Install", "Boot",
];

/// How far before or after a time its neighbouring words are looked for: far enough
/// for a date and a word or two.
const NEAR: usize = 64;

/// The clock times of the whole document that are not timestamps, in order (see
/// [`Context::clock_times`]).
pub fn clock_times(cx: &Context<'_>) -> Vec<Span> {
    let doc = cx.doc;
    let whole = Span::new(0, doc.prose.len());
    let mut clock: Vec<Span> = find(&CLOCK, &doc.prose, whole)
        .into_iter()
        .chain(dotted_times(&doc.prose, whole))
        .filter(|time| !is_timestamp(&doc.prose, *time))
        .collect();
    clock.sort_unstable();
    clock.dedup_by(|b, a| b.start < a.end);
    clock
}

/// Scans the whole document for what every profile needs.
pub fn scan(cx: &Context<'_>) -> TimeScan {
    let doc = cx.doc;
    let phrases = cx.phrases();
    let clock = cx.clock_times().to_vec();
    let end_of_day = phrases.get(List::EndOfDay).iter().map(|m| m.span).collect();
    // The matches are in order: a sentence's concrete times are found once, however many
    // vague words it holds (a long run of words may hold thousands).
    let mut sentence_times: Option<(usize, Vec<Span>)> = None;
    let vague_words: Vec<PhraseMatch> = with_availability_clauses(cx, phrases.get(List::VagueTime))
        .into_iter()
        .filter(|m| {
            // "ASAP, by Fri 15:00 UTC at the latest" is pinned down by its own sentence.
            let Some(sentence) = doc.sentence_at(m.span.start) else { return true };
            if sentence_times.as_ref().is_none_or(|(at, _)| *at != sentence) {
                sentence_times = Some((sentence, concrete_times(cx, doc.sentences[sentence].span)));
            }
            let times = sentence_times.as_ref().map_or(&[][..], |(_, times)| times.as_slice());
            !times.iter().any(|c| !c.overlaps(m.span)) && !cx.language().sentence(sentence).is_reported(m.span.start)
        })
        .collect();
    let vague = vague_words
        .iter()
        .copied()
        .filter(|m| doc.sentence_at(m.span.start).is_none_or(|sentence| times_an_action(cx, sentence, m.span)))
        .collect();
    TimeScan { clock, end_of_day, vague, vague_words, no_deadline: !phrases.get(List::NoDeadline).is_empty() }
}

/// The words that open a clause of availability ("when", "if", "once", "whenever"; "as
/// soon as" is read as one).
const AVAILABILITY_OPENERS: &[&str] = &["when", "whenever", "if", "once"];

/// Who may have the time, between the opener and its verb ("when *you* have time").
const AVAILABILITY_SUBJECTS: &[&str] =
    &["you", "u", "i", "we", "someone", "somebody", "anyone", "anybody", "they", "everyone", "folks"];

/// Words after which "if" asks "whether" ("do you know if we have time"): a question
/// about the time, not a condition on it.
const WHETHER_AFTER: &[&str] = &[
    "know",
    "knows",
    "wonder",
    "wondering",
    "ask",
    "asking",
    "asked",
    "see",
    "check",
    "checking",
    "sure",
    "tell",
    "confirm",
];

/// Verbs of having or finding time ("have", "get", "find").
const AVAILABILITY_VERBS: &[&str] = &["have", "has", "had", "get", "gets", "got", "find", "finds", "found"];

/// What may stand between the verb and the time noun ("a", "some", "a few", "5", "spare").
const AVAILABILITY_AMOUNTS: &[&str] = &[
    "a", "an", "the", "some", "any", "few", "little", "bit", "of", "spare", "free", "enough", "more", "extra", "quick",
];

/// Nouns of free time ("time", "a chance", "a moment", "5 minutes").
const AVAILABILITY_NOUNS: &[&str] =
    &["time", "chance", "moment", "minute", "minutes", "sec", "bandwidth", "cycles", "opportunity"];

/// The vague-time phrase matches with the clauses of availability added: "when you have
/// time", "if you get a chance", "as soon as I get the time", "when I have some time for
/// it". Such a clause sets a time by when someone is free, which leaves the reader
/// guessing as much as "soon" does (the spec's hard case "Vague times include…"). The
/// phrase list holds the commonest forms; this reads the construction, an opener, an
/// optional subject and modal, a verb of having or finding, and a noun of free time
/// after at most three words of amount, so every pronoun, tense and determiner is
/// covered. A clause is taken as the list entry that holds "when you get a chance", for
/// its fixes; without that entry (a team replaced the list) there is none.
fn with_availability_clauses(cx: &Context<'_>, listed: &[PhraseMatch]) -> Vec<PhraseMatch> {
    let entries = cx.lexicon().entries(List::VagueTime);
    let Some(entry) = entries.iter().position(|e| e.phrases.iter().any(|p| p == "when you get a chance")) else {
        return listed.to_vec();
    };
    let doc = cx.doc;
    let is = |k: usize, set: &[&str]| {
        doc.words.get(k).is_some_and(|&w| {
            let text = doc.text_of(w);
            set.iter().any(|s| text.eq_ignore_ascii_case(s))
        })
    };
    let mut clauses = Vec::new();
    for sentence in &doc.sentences {
        let words = sentence.words.clone();
        for k in words.clone() {
            let whether = k > words.start && is(k, &["if"]) && is(k - 1, WHETHER_AFTER);
            let after_opener = if is(k, AVAILABILITY_OPENERS) && !whether {
                k + 1
            } else if is(k, &["as"]) && is(k + 1, &["soon"]) && is(k + 2, &["as"]) {
                k + 3
            } else {
                continue;
            };
            let mut at = after_opener;
            if is(at, AVAILABILITY_SUBJECTS) {
                at += 1;
            }
            if is(at, &["can", "could", "ever", "do", "still"]) {
                at += 1;
            }
            if !is(at, AVAILABILITY_VERBS) {
                continue;
            }
            at += 1;
            let amount = (at..words.end).take(3).take_while(|&a| {
                is(a, AVAILABILITY_AMOUNTS) || doc.text_of(doc.words[a]).bytes().all(|b| b.is_ascii_digit())
            });
            at += amount.count();
            // "if you have time zone issues" is about zones.
            if at < words.end && is(at, AVAILABILITY_NOUNS) && !is(at + 1, &["zone", "zones", "slot", "slots", "frame"])
            {
                clauses.push(PhraseMatch { entry, span: Span::new(doc.words[k].start, doc.words[at].end) });
            }
        }
    }
    if clauses.is_empty() {
        return listed.to_vec();
    }
    // Both lists are in order, and the listed matches do not overlap each other: one
    // walk finds the listed match a clause could overlap (a long run of words may hold
    // thousands of each).
    let mut all: Vec<PhraseMatch> = listed.to_vec();
    let mut next = 0;
    for clause in clauses {
        while next < listed.len() && listed[next].span.end <= clause.span.start {
            next += 1;
        }
        if !listed.get(next).is_some_and(|m| m.span.overlaps(clause.span)) {
            all.push(clause);
        }
    }
    all.sort_by_key(|m| m.span.start);
    all
}

/// Verbs of getting in touch, which a sign-off puts before "soon" ("talk to you soon").
const CONTACT_VERBS: &[&str] = &[
    "talk", "talking", "speak", "speaking", "hear", "hearing", "see", "seeing", "chat", "chatting", "catch", "write",
    "writing",
];

/// The reader, as the object of a verb of contact ("you", "you all", "everyone").
const READERS: &[&str] = &["you", "ya", "y'all", "yall", "everyone", "everybody", "u"];

/// Whether the vague time word at `span` times an action someone must take: in a sentence
/// that asks, proposes or commits the writer ("Can you review it ASAP?", "We should fix
/// the flaky test at some point", "I'll send the numbers soon"), or after a verb of the
/// future or of obligation ("The team will ship a fix soon", "It needs to land ASAP").
/// Not past narration ("I don't think I've seen much activity on it in a while"), not how
/// a system behaves ("Clients are notified as soon as possible"), not reported words.
fn times_an_action(cx: &Context<'_>, sentence: usize, span: Span) -> bool {
    let reading = cx.language().sentence(sentence);
    if reading.is_reported(span.start) {
        return false;
    }
    let before = reading.tokens.iter().take_while(|t| t.span.end <= span.start).count();
    let word = |k: usize| reading.tokens.get(k).map_or(String::new(), |t| cx.doc.text_of(t.span).to_lowercase());
    // The verb it follows in its clause tells narration: "I've seen… in a while" in a
    // sentence that asks something else.
    let clause_verb = (0..before)
        .rev()
        .take_while(|&k| !matches!(word(k).as_str(), "," | ";" | ":"))
        .find(|&k| reading.tags[k].upos == Upos::Verb);
    if let Some(k) = clause_verb {
        let perfect =
            (k.saturating_sub(3)..k).any(|a| matches!(word(a).as_str(), "have" | "'ve" | "’ve" | "has" | "had"));
        if reading.tags[k].xpos == "VBD" || reading.tags[k].xpos == "VBN" && perfect {
            return false;
        }
    }
    // "Talk to you guys soon", "looking forward to hearing from you soon": a verb of
    // contact with the reader as its object is a sign-off, not a time for an action.
    if let Some(k) = clause_verb {
        if CONTACT_VERBS.contains(&word(k).as_str()) && (k + 1..before).any(|a| READERS.contains(&word(a).as_str())) {
            return false;
        }
    }
    if is_hope_about_an_event(&word, before) {
        return false;
    }
    if reading.acts.contains(Acts::ASK) || reading.acts.contains(Acts::PROPOSE) || reading.acts.contains(Acts::COMMIT) {
        return true;
    }
    (0..before).any(|k| {
        let w = word(k);
        let future = matches!(w.as_str(), "will" | "'ll" | "’ll" | "shall" | "must" | "should" | "gonna")
            && reading.tags[k].upos == Upos::Aux;
        let to_come = matches!(w.as_str(), "need" | "needs" | "have" | "has" | "going") && word(k + 1) == "to";
        // "I need the numbers ASAP": a need with a time is someone's deadline; so is a
        // wish the writer states ("I'd like to adjust the classes to it asap").
        let needed = matches!(w.as_str(), "need" | "needs" | "want" | "wants" | "expect" | "expects")
            && reading.tags[k].upos == Upos::Verb
            || w == "like" && k > 0 && matches!(word(k - 1).as_str(), "would" | "'d" | "’d");
        future || to_come || needed
    })
}

/// Whether the clause that ends before token `before` hopes for an event rather than
/// timing anyone's action: "hopefully" with nobody in it who could act on it, neither the
/// writer nor the reader ("It will hopefully migrate very soon", "Hopefully these will
/// turn into some full posts in the near future"). The spec names a hope about an event as
/// no vague deadline. A hope that names the writer or the reader still times what they do
/// ("hopefully we'll get a new release out soon", "Hopefully you will send the numbers soon").
fn is_hope_about_an_event(word: &dyn Fn(usize) -> String, before: usize) -> bool {
    let clause: Vec<String> =
        (0..before).rev().map(word).take_while(|w| !matches!(w.as_str(), "," | ";" | ":")).collect();
    // "we'll", "I’m", "let's": the pronoun before the apostrophe.
    let actor = |w: &str| matches!(w.split(['\'', '\u{2019}']).next(), Some("i" | "we" | "us" | "you" | "u" | "let"));
    clause.iter().any(|w| w == "hopefully") && !clause.iter().any(|w| actor(w))
}

/// The dotted times of `span` that read as times of day (see [`DOTTED`]): not part of a
/// longer number ("1.6.2", "10.30.1"), and after a word that introduces a time or with
/// their "h".
fn dotted_times(prose: &str, span: Span) -> Vec<Span> {
    if !span.slice(prose).contains('.') {
        return Vec::new();
    }
    find(&DOTTED, prose, span)
        .into_iter()
        .filter(|time| {
            let after = prose.as_bytes().get(time.end).copied();
            let before = time.start.checked_sub(1).map(|i| prose.as_bytes()[i]);
            let part_of_number = matches!(after, Some(b'.' | b','))
                && prose.as_bytes().get(time.end + 1).is_some_and(u8::is_ascii_digit)
                || matches!(before, Some(b'.' | b'$' | b'#'));
            let word_before = before_in_paragraph(prose, time.start, NEAR)
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            let with_h = time.slice(prose).ends_with(['h', 'H', 's', 'S', 'r', 'R']);
            let introduced = BEFORE_DOTTED.contains(&word_before.as_str())
                && (!RANGE_OPENERS.contains(&word_before.as_str()) || ends_in_a_time(prose, time.end));
            !part_of_number && (with_h || introduced)
        })
        .collect()
}

/// Whether a range's other end follows `at`: "to", "until", "and" or a dash, then a
/// time ("10.30", "11:00", "11am", "noon").
fn ends_in_a_time(prose: &str, at: usize) -> bool {
    let after = prose[at..].chars().take(24).collect::<String>().to_lowercase();
    let mut words = after.split_whitespace();
    let (connector, end) = match words.next() {
        Some(dash @ ("-" | "–" | "—")) => (dash, words.next()),
        Some(word) if word.starts_with(['-', '–', '—']) => ("-", Some(word.trim_start_matches(['-', '–', '—']))),
        Some(word) => (word, words.next()),
        None => return false,
    };
    let end = end.unwrap_or("").trim_end_matches(['.', ',', ';', ')', '?', '!']);
    matches!(connector, "-" | "–" | "—" | "to" | "until" | "till" | "and" | "through")
        && (end == "noon"
            || end.starts_with(|c: char| c.is_ascii_digit())
                && (end.contains([':', '.']) || end.ends_with("am") || end.ends_with("pm") || end.ends_with('h')))
}

/// Whether a clock time is a timestamp, when something was sent or logged rather than a
/// time to act at: it has seconds ("07:03:00 PM"), or a numeric date with its year comes
/// right before it ("Russell Montgomery@ENRON 11/28/2000 08:22 AM", "at 2/14/2005 7:03"),
/// but not after "at" ("on 2026-12-02 at 10am" is a time to meet at).
fn is_timestamp(prose: &str, time: Span) -> bool {
    let text = time.slice(prose);
    if text.bytes().filter(|&b| b == b':').count() >= 2 || is_log_stamp(prose, time) {
        return true;
    }
    let before = before_in_paragraph(prose, time.start, NEAR).trim_end_matches([' ', '\t', ',']);
    // "on 2026-12-02 at 10am": "at" makes it a time to act at, whatever the date before.
    if before.ends_with(" at") || before == "at" {
        return false;
    }
    let date = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    parts.len() == 3
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && (parts[0].len() == 4 || parts[2].len() >= 2)
}

/// Whether `time` stamps a line of a chat log: "[17:02] <kim> …", "(09:15) kim: …",
/// "17:02 <kim> …". It is when the line was written, not a time the writer means.
fn is_log_stamp(prose: &str, time: Span) -> bool {
    let Some(line_start) = crate::segment::line_start_near(prose, time.start, 8) else { return false };
    let after = &prose[time.end..];
    match prose[line_start..time.start].trim() {
        "[" => after.starts_with(']'),
        "(" => after.starts_with(')'),
        "" => after.trim_start_matches([' ', '\t']).starts_with('<'),
        _ => false,
    }
}

/// Whether `span` names a time zone: an abbreviation or name from the `zone` list, an
/// offset ("UTC+2"), a zoned ISO time ("…T15:00Z"), or a place's time ("Berlin time").
pub fn has_zone(cx: &Context<'_>, span: Span) -> bool {
    zone_mention(cx, span).is_some()
}

/// The first time zone named in `span` (see [`has_zone`]).
pub fn zone_mention(cx: &Context<'_>, span: Span) -> Option<Span> {
    zone_mentions(cx, span).first().copied()
}

/// Every time zone named in `span` (see [`has_zone`]), in order; where two overlap
/// ("UTC" inside "UTC+2"), the first and longest.
pub fn zone_mentions(cx: &Context<'_>, span: Span) -> Vec<Span> {
    let prose = cx.doc.prose.as_str();
    let listed = cx.phrases().within(List::Zone, span).iter().map(|m| m.span);
    // regex-lite runs a backtracking-free but slow VM over every byte; a literal every
    // match must hold rules most sentences out first.
    let text = span.slice(prose);
    let places = if text.contains("ime") { find_lite(&CITY_TIME, prose, span) } else { Vec::new() };
    let places = places.into_iter().filter(|place| {
        let first = place.slice(prose).split_whitespace().next().unwrap_or("");
        !NOT_A_PLACE.contains(&first)
    });
    let iso = if text.contains(':') && text.contains('-') { find_lite(&ISO_ZONED, prose, span) } else { Vec::new() };
    let offset = text.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"utc") || w.eq_ignore_ascii_case(b"gmt"));
    let offsets = if offset { find_lite(&ZONE_OFFSET, prose, span) } else { Vec::new() };
    let names = if text.contains('/') { find_lite(&ZONE_NAME, prose, span) } else { Vec::new() };
    let regions = regions_beside_times(cx, span);
    let mut mentions: Vec<Span> = listed.chain(iso).chain(offsets).chain(places).chain(names).chain(regions).collect();
    mentions.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if kept.last().is_none_or(|last| mention.start >= last.end) {
            kept.push(mention);
        }
    }
    kept
}

/// Regions and cities from the `region` list written right after a clock time ("3pm UK",
/// "10am East Coast time", "9:00 London"), with a following "time", or heading a line
/// that gives a time for them ("London, 4pm", "NYC: 11am", a meeting notice's list of
/// places and times). Alone ("the UK team") a region is a place, not a zone.
fn regions_beside_times(cx: &Context<'_>, span: Span) -> Vec<Span> {
    let prose = cx.doc.prose.as_str();
    let regions = cx.phrases().within(List::Region, span);
    if regions.is_empty() {
        return Vec::new();
    }
    let clock = cx.clock_times();
    let after_time = |region: Span| {
        let at = clock.partition_point(|t| t.end <= region.start);
        at > 0 && {
            let between = &prose[clock[at - 1].end..region.start];
            !between.is_empty() && between.len() <= 2 && between.chars().all(|c| c == ' ')
        }
    };
    let heads_its_time = |region: Span| {
        let line_start = prose[..region.start].rfind('\n').map_or(0, |at| at + 1);
        let opens_line =
            prose[line_start..region.start].trim_matches(|c: char| c.is_whitespace() || "-*•".contains(c)).is_empty();
        let at = clock.partition_point(|t| t.start < region.end);
        opens_line
            && clock.get(at).is_some_and(|time| {
                let between = prose[region.end..time.start].trim_matches(' ');
                matches!(between, "," | ":" | "-" | "\u{2013}")
            })
    };
    regions
        .iter()
        .filter(|region| after_time(region.span) || heads_its_time(region.span))
        .map(|region| {
            let rest = &prose[region.span.end..];
            let time = [" time", " Time"].iter().any(|t| rest.starts_with(t))
                && rest[5..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if time { Span::new(region.span.start, region.span.end + 5) } else { region.span }
        })
        .collect()
}

/// A zone the message states once for all its times, the spec's hard case: "All times
/// UTC", "My TZ is UTC-7", "(times in CET)", "All times are in 24-hour PST8PDT", "I'm in
/// PT". It is the one zone named in the five words or so after a word for times or zones
/// ([`ZONE_CUE`]), not asked about ("UTC?"), and owned by no clock time.
pub fn declared_zone(cx: &Context<'_>) -> Option<Span> {
    let doc = cx.doc;
    let prose = doc.prose.as_str();
    ZONE_CUE.find_iter(prose).find_map(|cue| {
        let sentence = doc.sentences.get(doc.sentence_at(cue.start())?)?.span;
        // Five words and a bit: "times below are in 24-hour PST8PDT".
        let end = (cue.end() + 48).min(sentence.end);
        let end = (end..=sentence.end).find(|&at| prose.is_char_boundary(at)).unwrap_or(sentence.end);
        let window = Span::new(cue.end(), end);
        // One zone, stated: "Time zones (ET / PT / UTC?)" asks which to use.
        let [mention] = zone_mentions(cx, window)[..] else { return None };
        if prose[mention.end..].trim_start().starts_with('?') {
            return None;
        }
        let between = &prose[cue.end()..mention.start];
        let owned = sentence.starting_in(cx.clock_times()).iter().any(|&t| own_zone(prose, t, &[mention]).is_some());
        (between.split_whitespace().count() <= 5 && !owned && !CLOCK.is_match(between)).then_some(mention)
    })
}

/// A zone the message states for its readers anywhere, which the spec's hard case "a zone
/// stated once covers the message" lets cover every time in it: a declared zone ("All
/// times UTC", [`declared_zone`]), or any named zone, whether a time owns it or not
/// ("The review is at 11:30 CST. It follows the 11am sync.", "(US Central time) I'll take
/// it down around 8:00am"). A zone asked about ("UTC?") states nothing, and neither does
/// one relative to a person ("08:00 in the customer's local time", "10am your time"):
/// it gives that time to each reader, not a zone for the others.
pub fn stated_zone(cx: &Context<'_>) -> Option<Span> {
    declared_zone(cx).or_else(|| {
        let prose = cx.doc.prose.as_str();
        let mentions = zone_mentions(cx, Span::new(0, prose.len()));
        (0..mentions.len()).find_map(|k| {
            // A list of zones that ends in a question mark asks which: "(ET / PT / UTC?)".
            let mut last = k;
            while mentions.get(last + 1).is_some_and(|next| {
                let between = &prose[mentions[last].end..next.start];
                between.trim_matches(|c: char| c.is_whitespace() || matches!(c, '/' | ',')).is_empty()
                    || between.trim().eq_ignore_ascii_case("or")
            }) {
                last += 1;
            }
            let asked = prose[mentions[last].end..].trim_start().starts_with('?');
            (!asked && !is_relative_zone(mentions[k].slice(prose))).then_some(mentions[k])
        })
    })
}

/// Whether a zone's words name it by a person or place it is local to ("your time", "my
/// local time", "their time zone", "in your zone") rather than by a name.
fn is_relative_zone(words: &str) -> bool {
    words
        .split_whitespace()
        .any(|word| matches!(word.to_lowercase().as_str(), "your" | "my" | "his" | "her" | "our" | "their" | "local"))
}

/// The zone written with the clock time `time`, if any: the zone right after it ("10am
/// PT / 1pm ET" gives 10am PT and 1pm ET; "16:00 UTC (17:00 CET)" 16:00 UTC and 17:00
/// CET), or a zoned ISO time holding it. A time with no zone of its own takes the zone
/// of the range it opens ("9 to 10am PT"), else a zone in its sentence that no time
/// owns ("at 3pm tomorrow, Berlin time"), else the zone of the next time that has one
/// ("at 3pm or 5pm PT"), else of the previous one.
pub fn written_zone(cx: &Context<'_>, time: Span) -> Option<Span> {
    let doc = cx.doc;
    let sentence = doc.sentences[doc.sentence_at(time.start)?].span;
    let mentions = zone_mentions(cx, sentence);
    if mentions.is_empty() {
        return None;
    }
    let times = sentence.starting_in(cx.clock_times());
    let own = |t: Span| own_zone(&doc.prose, t, &mentions);
    if let Some(zone) = own(time) {
        return Some(zone);
    }
    let at = times.iter().position(|t| *t == time)?;
    if let Some(&next) = times.get(at + 1) {
        if is_range(&doc.prose, time.end, next.start) {
            if let Some(zone) = own(next) {
                return Some(zone);
            }
        }
    }
    let owned: Vec<Span> = times.iter().filter_map(|&t| own(t)).collect();
    if let Some(&free) = mentions.iter().find(|m| !owned.contains(m)) {
        return Some(free);
    }
    let next = times[at + 1..].iter().find_map(|&t| own(t));
    next.or_else(|| times[..at].iter().rev().find_map(|&t| own(t)))
}

/// The zone of `mentions` written right after the clock time `time` ("10am PT", "15:00
/// (UTC)"), or holding it ("2026-11-03T15:00Z").
fn own_zone(prose: &str, time: Span, mentions: &[Span]) -> Option<Span> {
    mentions.iter().copied().find(|m| {
        m.overlaps(time)
            || (m.start >= time.end && prose[time.end..m.start].chars().all(|c| c.is_whitespace() || c == '('))
    })
}

/// Whether the text between two clock times makes them a range: "9 to 10am", "9–10am",
/// "from 9:30 until 11:00".
pub fn is_range(prose: &str, first_end: usize, second_start: usize) -> bool {
    let Some(between) = prose.get(first_end..second_start) else { return false };
    // The first time may carry its own zone: "9am PT to 10am PT".
    let between = between.trim();
    let connector = between.rsplit(char::is_whitespace).next().unwrap_or(between);
    matches!(connector, "-" | "–" | "—" | "to" | "until" | "till" | "through" | "thru")
        && between.split_whitespace().count() <= 2
}

/// The date a time in `span` refers to: the first date, weekday or relative day in it
/// that names one day ("tomorrow", "Fri", "Nov 3", "2026-11-03"), else `today`.
pub fn reference_date(cx: &Context<'_>, span: Span, today: jiff::civil::Date) -> jiff::civil::Date {
    concrete_times(cx, span)
        .into_iter()
        .find_map(|time| crate::team::date_of(time.slice(&cx.doc.prose), today))
        .unwrap_or(today)
}

/// The concrete times in `span` a reader can act on: dates, weekdays, relative days,
/// durations, events, clock times and end-of-day terms.
pub fn concrete_times(cx: &Context<'_>, span: Span) -> Vec<Span> {
    let doc = cx.doc;
    let prose = doc.prose.as_str();
    let phrases = cx.phrases();
    let mut concrete = find(&CLOCK, prose, span);
    concrete.extend(dotted_times(prose, span));
    for list in [List::EndOfDay, List::Deadline] {
        concrete.extend(phrases.within(list, span).iter().map(|m| m.span));
    }
    let from = doc.words.partition_point(|w| w.start < span.start);
    let to = doc.words.partition_point(|w| w.start < span.end);
    let words = &doc.words[from..to];
    let text = |i: usize| words[i].slice(prose);
    let lower = |i: usize| text(i).to_ascii_lowercase();
    for i in 0..words.len() {
        let word = text(i);
        let low = lower(i);
        let found = if is_month(&low) {
            let next_is_day = i + 1 < words.len() && (is_day(text(i + 1)) || is_year(text(i + 1)));
            let prev_is_day = i > 0 && is_day(text(i - 1));
            let introduced = i > 0 && BEFORE_MONTH.contains(&lower(i - 1).as_str());
            // "May" and "March" are words too; a month needs a day, a year or a preposition.
            (next_is_day || prev_is_day || introduced).then_some(words[i])
        } else if WEEKDAYS.contains(&low.trim_end_matches("'s").trim_end_matches('s'))
            || WEEKDAY_ABBREVIATIONS.contains(&word)
            || matches!(word, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2")
        {
            Some(words[i])
        } else if is_ordinal(word) {
            let introduced = i > 0
                && matches!(
                    lower(i - 1).as_str(),
                    "on" | "by" | "before" | "until" | "till" | "from" | "through" | "the"
                );
            (introduced && ordinal_is_a_date(prose, words[i])).then_some(words[i])
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            numeric_date(prose, words[i])
        } else if UNITS.contains(&low.as_str()) {
            duration_start(&lower, i).map(|start| words[start].cover(words[i]))
        } else if EVENTS.contains(&low.as_str()) || is_release_name(&low) {
            event_start(&lower, i).map(|start| words[start].cover(words[i]))
        } else {
            None
        };
        concrete.extend(found);
    }
    concrete.sort_unstable();
    concrete.dedup();
    concrete
}

/// "3", "25", "3rd": a day of the month.
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix.to_ascii_lowercase().as_str(), "" | "st" | "nd" | "rd" | "th")
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && (word.starts_with("19") || word.starts_with("20"))
}

/// "14th", "3rd".
fn is_ordinal(word: &str) -> bool {
    is_day(word) && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// "2026-11-03", "11/25", "3/11/2026" starting at a number (not "24/7").
fn numeric_date(prose: &str, number: Span) -> Option<Span> {
    let rest = &prose[number.end..];
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let digits_at = number.len();
    if digits_at == 4 {
        // ISO: yyyy-mm-dd.
        let month = rest.strip_prefix('-')?;
        let m = digits(month);
        let day = month[m..].strip_prefix('-')?;
        let d = digits(day);
        return ((1..=2).contains(&m) && (1..=2).contains(&d)).then(|| Span::new(number.start, number.end + 2 + m + d));
    }
    if digits_at > 2 {
        return None;
    }
    let second = rest.strip_prefix('/')?;
    let n = digits(second);
    if !(1..=2).contains(&n) || &prose[number.start..number.end + 1 + n] == "24/7" {
        return None;
    }
    let end = number.end + 1 + n;
    if let Some(year) = prose[end..].strip_prefix('/') {
        let y = digits(year);
        if y == 2 || y == 4 {
            return Some(Span::new(number.start, end + 1 + y));
        }
    }
    // Without a year, "1/2" is as often a fraction ("only 1/2 interested") as a day: it
    // is a date after a word that introduces one ("by 3/11", "on 11/25", "or 3/11").
    let word_before: String = before_in_paragraph(prose, number.start, NEAR)
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let introduced = DATE_INTRODUCERS.contains(&word_before.as_str())
        || WEEKDAYS.contains(&word_before.trim_end_matches('s'))
        || WEEKDAY_ABBREVIATIONS.iter().any(|w| w.eq_ignore_ascii_case(&word_before));
    introduced.then(|| Span::new(number.start, end))
}

/// Words after which a day written as "3/11" is a date.
const DATE_INTRODUCERS: &[&str] = &[
    "on", "by", "before", "until", "till", "due", "from", "through", "thru", "after", "since", "for", "or", "and",
    "to", "the", "this", "next", "at", "starting", "ending", "deadline", "eta",
];

/// The index of the first word of a duration ending in the unit at `unit`: "24 hours",
/// "two more days", "a few weeks", "a couple of days".
fn duration_start(lower: &dyn Fn(usize) -> String, unit: usize) -> Option<usize> {
    let mut at = unit.checked_sub(1)?;
    while UNIT_MODIFIERS.contains(&lower(at).as_str()) {
        at = at.checked_sub(1)?;
    }
    let word = lower(at);
    if word == "of" {
        // "a couple of days"
        at = at.checked_sub(1)?;
        return (lower(at) == "couple").then(|| at.saturating_sub(1));
    }
    let counted = word.bytes().all(|b| b.is_ascii_digit()) || NUMBER_WORDS.contains(&word.as_str());
    counted.then(|| if matches!(word.as_str(), "few" | "couple") { at.saturating_sub(1) } else { at })
}

/// The index of the preposition that ties the event at `event` to a time, at most three
/// words before it: "before the soft launch", "by Thursday's standup".
fn event_start(lower: &dyn Fn(usize) -> String, event: usize) -> Option<usize> {
    for gap in 1..=4 {
        let Some(end) = event.checked_sub(gap) else { break };
        for phrase in BEFORE_EVENT {
            let Some(start) = (end + 1).checked_sub(phrase.len()) else { continue };
            if phrase.iter().enumerate().all(|(k, word)| lower(start + k) == *word) {
                return Some(start);
            }
        }
        // "for the next meeting", "prepare for the upcoming release", "for Thursday's
        // standup": "for" ties work to an event only when the event is placed ahead;
        // "thanks for the call" is not a deadline.
        if lower(end) == "for" && (end + 1..event).any(|k| is_ahead(&lower(k))) {
            return Some(end);
        }
        // "for v0.2.0": a release named by its version is ahead by itself.
        if gap == 1 && lower(end) == "for" && is_release_name(&lower(event)) {
            return Some(end);
        }
    }
    None
}

/// A word that places an event ahead of now: "next", "upcoming", "tomorrow's", "Friday's",
/// or the number of a release yet to come ("for the 2.0 release").
fn is_ahead(word: &str) -> bool {
    let day = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or("");
    matches!(word, "next" | "upcoming" | "coming" | "following")
        || matches!(day, "tomorrow" | "today" | "tonight")
        || WEEKDAYS.contains(&day)
        || is_version_number(word) && word.contains('.')
        || is_release_name(word)
}

/// A release named by its version, which a deadline can be tied to like any event
/// ("before v0.2.0", "until 1.4.2"): a "v" and a version number, or a number of three
/// parts or more. A number of two parts alone ("by 1.5") is as often an amount.
fn is_release_name(word: &str) -> bool {
    let version = word.strip_prefix('v').filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    version.is_some_and(is_version_number) || is_version_number(word) && word.matches('.').count() >= 2
}

/// "2.0", "0.14.2", "12": digits in groups joined by dots.
fn is_version_number(word: &str) -> bool {
    !word.is_empty() && word.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The concrete times anywhere in the message that can bound an ask: not in the past
/// ("last Friday", "two days ago").
pub fn deadlines(cx: &Context<'_>) -> Vec<Span> {
    let prose = cx.doc.prose.as_str();
    concrete_times(cx, Span::new(0, prose.len())).into_iter().filter(|span| !is_past(prose, *span)).collect()
}

/// The time that bounds the ask in sentence `ask`, if the message gives one. A deadline
/// belongs to the ask it governs: a time in the ask's own sentence ("review it by
/// Friday"), in the sentence right next to it in the same paragraph ("Could you review
/// it? We ship at 15:00 UTC."), or elsewhere under a deadline word ("by", "before",
/// "until", "due", "within") or in a sentence that looks ahead ("We are scheduled to meet
/// at 3pm", "Let's talk about it today"). Not a time in another clause about something
/// else: the background of a report ("I spoke with Serge this afternoon", "about 20 hours
/// of work this week"), a time in a sentence told in the past, an amount of time ("for a
/// maximum of two hours"), or a time that names a thing ("the Q4 roadmap").
pub fn deadline_of(cx: &Context<'_>, ask: usize) -> Option<Span> {
    let doc = cx.doc;
    let found = cx.deadlines();
    let ask_sentence = &doc.sentences[ask];
    // Times in the ask's own sentence and the ones beside it: a binary search, so that a
    // message of many asks costs what a message of one does.
    let from = doc.sentences[ask.saturating_sub(1)].span.start;
    let to = doc.sentences[(ask + 1).min(doc.sentences.len() - 1)].span.end;
    let first = found.times.partition_point(|t| t.start < from);
    let last = found.times.partition_point(|t| t.start < to);
    let near = found.times[first..last.max(first)].iter().copied().find(|&time| {
        let Some(index) = doc.sentence_at(time.start) else { return false };
        let beside = (index + 1 == ask || index == ask + 1) && doc.sentences[index].block == ask_sentence.block;
        (index == ask || beside) && !names_a_thing(cx, index, time) && (index == ask || !told_in_the_past(cx, index))
    });
    [near, found.standing].into_iter().flatten().min_by_key(|time| time.start)
}

/// The message's concrete times that can bound an ask, found once per document.
#[derive(Debug, Default)]
pub struct Deadlines {
    /// Every concrete time not in the past, in order.
    times: Vec<Span>,
    /// The first that bounds any ask wherever it stands: under a deadline word, or in a
    /// sentence that looks ahead, and neither a name nor past narration.
    standing: Option<Span>,
}

/// Finds the message's [`Deadlines`].
pub fn find_deadlines(cx: &Context<'_>) -> Deadlines {
    let doc = cx.doc;
    let prose = doc.prose.as_str();
    let times = deadlines(cx);
    let standing = times.iter().copied().find(|&time| {
        let Some(index) = doc.sentence_at(time.start) else { return false };
        !names_a_thing(cx, index, time)
            && !told_in_the_past(cx, index)
            && (after_deadline_word(prose, time) || looks_ahead(cx, index) && !is_amount_of_time(prose, time))
    });
    Deadlines { times, standing }
}

/// "20 hours", "two days" counted without "within" or "in": an amount, not a time to meet.
fn is_amount_of_time(prose: &str, time: Span) -> bool {
    let text = time.slice(prose).to_lowercase();
    let unit = text.split_whitespace().next_back().is_some_and(|last| UNITS.contains(&last));
    let before = prose[..time.start].split_whitespace().next_back().unwrap_or("").to_lowercase();
    unit && !matches!(before.as_str(), "within" | "in" | "next")
}

/// Whether a sentence looks ahead: a modal or "will", "going to", "scheduled", "plan to",
/// or an imperative, a proposal or a question.
fn looks_ahead(cx: &Context<'_>, sentence: usize) -> bool {
    use crate::language::{Acts, Mood};
    let reading = cx.language().sentence(sentence);
    if matches!(reading.mood, Mood::Question | Mood::Imperative) || reading.acts.contains(Acts::PROPOSE) {
        return true;
    }
    let doc = cx.doc;
    reading.tokens.iter().zip(&reading.tags).any(|(token, tag)| {
        tag.xpos == "MD"
            || matches!(
                doc.text_of(token.span).to_lowercase().as_str(),
                "going" | "scheduled" | "planned" | "plan" | "upcoming" | "expected"
            )
    })
}

/// "by Friday", "before the release", "due Nov 3", "no later than 15:00", "within 2 days".
fn after_deadline_word(prose: &str, time: Span) -> bool {
    let before: Vec<String> = prose[..time.start].split_whitespace().rev().take(3).map(|w| w.to_lowercase()).collect();
    let word = |k: usize| before.get(k).map_or("", String::as_str).trim_matches(|c: char| !c.is_alphanumeric());
    matches!(word(0), "by" | "before" | "until" | "till" | "due" | "within" | "deadline" | "eta")
        || matches!((word(1), word(0)), ("no", "later") | ("later", "than") | ("due", "on") | ("due", "by"))
        || time.slice(prose).to_lowercase().starts_with("before")
}

/// A time that is part of a name rather than when something happens: it stands before the
/// noun it modifies ("the Q4 roadmap doc", "the Friday standup notes" is an event only
/// after "by" or "before").
fn names_a_thing(cx: &Context<'_>, sentence: usize, time: Span) -> bool {
    let reading = cx.language().sentence(sentence);
    let Some(at) = reading.tokens.iter().position(|t| t.span.end >= time.end) else { return false };
    let next = reading.tokens.get(at + 1).zip(reading.tags.get(at + 1));
    let before = at.checked_sub(time_token_count(reading, time)).and_then(|k| reading.tags.get(k));
    let determiner_before = before.is_some_and(|tag| tag.upos == crate::language::Upos::Det);
    next.is_some_and(|(token, tag)| {
        token.kind == crate::language::TokenKind::Word && matches!(tag.upos, crate::language::Upos::Noun)
    }) && determiner_before
}

/// How many tokens the time at `time` spans in a sentence's reading.
fn time_token_count(reading: &crate::language::SentenceReading, time: Span) -> usize {
    reading.tokens.iter().filter(|t| t.span.start >= time.start && t.span.end <= time.end).count().max(1)
}

/// Whether a sentence is told in the past: its verbs are past tense ("Serge called this
/// afternoon", "it took 20 hours") and none looks ahead (a modal, "going to", an
/// imperative, a question).
fn told_in_the_past(cx: &Context<'_>, sentence: usize) -> bool {
    use crate::language::{Mood, Upos};
    let reading = cx.language().sentence(sentence);
    if matches!(reading.mood, Mood::Question | Mood::Imperative) {
        return false;
    }
    let verbs: Vec<&crate::language::Tag> =
        reading.tags.iter().filter(|t| matches!(t.upos, Upos::Verb | Upos::Aux)).collect();
    // A past-tense verb ("called", "took"), and no present or modal one: "We are
    // scheduled to meet" is present, "I have sent it" is about now.
    let past = verbs.iter().any(|t| t.xpos == "VBD");
    let present = verbs.iter().any(|t| matches!(t.xpos, "MD" | "VBP" | "VBZ"));
    past && !present
}

/// Matches of `regex` inside `span` of `prose`, in prose offsets.
fn find(regex: &Regex, prose: &str, span: Span) -> Vec<Span> {
    regex.find_iter(span.slice(prose)).map(|m| Span::from(m.range()).shift(span.start)).collect()
}

/// Matches of a `regex-lite` pattern inside `span` of `prose`, in prose offsets.
fn find_lite(regex: &regex_lite::Regex, prose: &str, span: Span) -> Vec<Span> {
    regex.find_iter(span.slice(prose)).map(|m| Span::from(m.range()).shift(span.start)).collect()
}

/// "the 14th" is a date when what follows is not a noun it counts ("the 4th paragraph").
fn ordinal_is_a_date(prose: &str, span: Span) -> bool {
    let rest = after_in_paragraph(prose, span.end, NEAR).trim_start();
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    next.is_empty()
        || matches!(next.as_str(), "of" | "at" | "to" | "through" | "and" | "or" | "until" | "by")
        || is_month(&next)
}

/// Whether a time is in the past: "last Friday", "past week", "two days ago", "yesterday".
fn is_past(prose: &str, span: Span) -> bool {
    let before = before_in_paragraph(prose, span.start, NEAR).trim_end();
    let word_before: String =
        before.chars().rev().take_while(|c| c.is_alphabetic()).collect::<String>().chars().rev().collect();
    let after = after_in_paragraph(prose, span.end, NEAR).trim_start();
    matches!(word_before.to_lowercase().as_str(), "last" | "past" | "previous" | "since" | "ago")
        || after.get(..3).is_some_and(|word| word.eq_ignore_ascii_case("ago"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;
    use crate::config::Settings;
    use crate::document::{Document, ParseOptions};
    use crate::input::FileKind;

    fn concrete(text: &str) -> Vec<String> {
        let settings = Settings::default();
        let doc = Document::parse(text, FileKind::Text, ParseOptions::default());
        let cx = Context::new(&doc, &settings, Profile::Message);
        concrete_times(&cx, Span::new(0, text.len())).iter().map(|s| s.slice(text).to_string()).collect()
    }

    fn vague(text: &str) -> Vec<String> {
        let settings = Settings::default();
        let doc = Document::parse(text, FileKind::Text, ParseOptions::default());
        let cx = Context::new(&doc, &settings, Profile::Message);
        scan(&cx).vague.iter().map(|m| m.span.slice(text).to_string()).collect()
    }

    #[test]
    fn a_clause_of_availability_is_a_vague_time() {
        // Real messages of data/messages (ra-068, tm-034, ra-006, ga-183): every pronoun,
        // tense and determiner, not only the list's "when you have time".
        assert_eq!(
            vague("@BrayanDSO this has been flaking in CI - could you look in to this if you have time?"),
            ["if you have time"]
        );
        assert_eq!(vague("I'll respond when I have some time for it."), ["when I have some time"]);
        assert_eq!(
            vague("I'll try to loop back to your questions as soon as I get the time to do so!"),
            ["as soon as I get the time"]
        );
        assert_eq!(
            vague("I haven't tested the MXP functionality (will do when I get a chance)."),
            ["when I get a chance"]
        );
        assert_eq!(vague("Can you review this when you get a chance?"), ["when you get a chance"]);
    }

    #[test]
    fn contact_with_the_reader_is_a_sign_off() {
        // A forum post of data/messages (dx-047) and two emails of the treebank.
        assert_eq!(vague("I look forward to hearing from you soon!"), Vec::<String>::new());
        assert_eq!(vague("Talk to you guys soon."), Vec::<String>::new());
        assert_eq!(vague("I am looking forward to hearing from you soon and have a nice day."), Vec::<String>::new());
        // Contact with someone else is an action the writer promises.
        assert_eq!(vague("I'll talk to the vendor soon."), ["soon"]);
    }

    #[test]
    fn a_wish_the_writer_states_times_an_action() {
        // A list post of data/messages (mx-149) and two emails of the treebank.
        assert_eq!(vague("I'd like to adjust the R classes to it asap."), ["asap"]);
        assert_eq!(vague("I would like to get this done ASAP."), ["ASAP"]);
        assert_eq!(
            vague(
                "If they're OK with it, we'd like to execute it as soon as possible unless there are any objections."
            ),
            ["as soon as possible"]
        );
        // How a system behaves (the spec's example) times nothing.
        assert!(vague("Clients are notified as soon as possible.").is_empty());
    }

    #[test]
    fn availability_that_times_no_action_is_not_vague() {
        // Narration, a condition about zones, a question about time itself.
        assert_eq!(vague("When we had time last year, we fixed the flaky tests."), Vec::<String>::new());
        assert_eq!(vague("If you have time zone issues, the calendar shows UTC."), Vec::<String>::new());
        assert_eq!(vague("Do you know if we have time for a demo?"), Vec::<String>::new());
    }

    #[test]
    fn dates() {
        assert_eq!(
            concrete("Send it by Nov 3, or 2026-11-03, or 3/11, or 11/25/2026."),
            ["Nov", "2026-11-03", "3/11", "11/25/2026"]
        );
        assert_eq!(concrete("We ship on the 14th and in March."), ["14th", "March"]);
        assert_eq!(concrete("It is the 4th paragraph; we're open 24/7 and may march on."), Vec::<String>::new());
    }

    #[test]
    fn a_fraction_is_no_date() {
        // A newcomer's message: "only 1/2 interested" is a fraction, "by 3/11" a day.
        assert!(concrete("Only 1/2 interested so far.").is_empty());
        assert_eq!(concrete("Send it by 3/11 or on 4/2."), ["3/11", "4/2"]);
    }

    #[test]
    fn weekdays_and_quarters() {
        assert_eq!(concrete("Reply by Friday, or Fri at the latest, before Q3."), ["Friday", "Fri", "Q3"]);
        assert!(concrete("We wed the two ideas.").is_empty());
    }

    #[test]
    fn durations() {
        assert_eq!(
            concrete("Within 24 hours, in two more days, or a couple of weeks."),
            ["24 hours", "two more days", "a couple of weeks"]
        );
    }

    #[test]
    fn events() {
        assert_eq!(
            concrete("Please fix it before the soft launch, by Thursday's standup."),
            ["before the soft launch", "by Thursday's standup", "Thursday's"]
        );
        assert!(concrete("We discussed the release.").is_empty());
        // "for" with an event placed ahead; from messages-2 013, the treebank and the corpus.
        assert_eq!(
            concrete("Please let me know if I should formally present alx-0051 for the next meeting."),
            ["for the next meeting"]
        );
        assert_eq!(concrete("This is to prepare for the next release."), ["for the next release"]);
        assert_eq!(
            concrete("PRs for the upcoming release milestone will be removed."),
            ["for the upcoming release", "for the upcoming release milestone"]
        );
        assert!(concrete("Thanks for the call, and for the review.").is_empty());
    }

    #[test]
    fn releases_named_by_their_version() {
        // From the second precision audit (a GitHub PR comment), and Kubernetes' docs and
        // SIG Release notes (../shared/corpus).
        assert_eq!(
            concrete(
                "We can go ahead with this if necessary, but if its straightforward to solve #26 properly instead for v0.2.0, that would be better, if possible."
            ),
            ["for v0.2.0"]
        );
        assert_eq!(
            concrete(
                "It is in beta status since v1.8, and currently if it does not progress before v1.22, it will be marked deprecated."
            ),
            ["before v1.22"]
        );
        assert_eq!(concrete("This decision will be revisited for the 1.34 release."), ["for the 1.34 release"]);
        assert_eq!(concrete("k/release has a merge blocker applied until 1.19.0 is out"), ["until 1.19.0"]);
        // Amounts, and versions that are not tied to a time, are not events.
        assert!(concrete("zipped size only differs by 2.5mb or so though").is_empty());
        assert!(concrete("The bug was only fixed in v3.4.").is_empty());
        assert!(
            concrete(
                "I believe we decided to do this for 2 meetings at this new time, so we can reevaluate after that."
            )
            .is_empty()
        );
        assert!(
            concrete("Net-new APIs will not be permitted to use declarative validation in the 1.33 release.")
                .is_empty()
        );
    }

    #[test]
    fn clock_times_and_relative_days() {
        assert_eq!(
            concrete("Today at 3pm, or tomorrow by 15:00, or EOD."),
            ["Today", "3pm", "tomorrow", "15:00", "EOD"]
        );
    }
}
