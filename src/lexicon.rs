//! Phrase data: the built-in `rules/*.toml` and users' files in the same format,
//! compiled into one Aho-Corasick automaton that scans a document once.
//!
//! A rule file holds arrays of tables named after the list they extend:
//!
//! ```toml
//! [[jargon]]
//! match = ["circle back", "circling back"]
//! instead = ["follow up", "come back to"]
//! why = "Says something will happen later without saying what or when."
//! flagged = ["Let's circle back on pricing next week."]
//! ```

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::Profile;
use crate::config_error::ConfigError;
use crate::document::Document;
use crate::language::Role;
use crate::span::Span;

/// The built-in rule files, compiled into the binary.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("rules/acronyms.toml", include_str!("../rules/acronyms.toml")),
    ("rules/asks.toml", include_str!("../rules/asks.toml")),
    ("rules/blockers.toml", include_str!("../rules/blockers.toml")),
    ("rules/greetings.toml", include_str!("../rules/greetings.toml")),
    ("rules/hedges.toml", include_str!("../rules/hedges.toml")),
    ("rules/idioms.toml", include_str!("../rules/idioms.toml")),
    ("rules/jargon.toml", include_str!("../rules/jargon.toml")),
    ("rules/meetings.toml", include_str!("../rules/meetings.toml")),
    ("rules/references.toml", include_str!("../rules/references.toml")),
    ("rules/standup.toml", include_str!("../rules/standup.toml")),
    ("rules/time.toml", include_str!("../rules/time.toml")),
];

/// The phrase lists rules read. Each is a `[[name]]` array in a rule file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    /// Acronyms with their expansions; `common = true` ones need no definition.
    Acronym,
    /// Request phrasing that makes a sentence an ask ("could you", "let me know").
    Ask,
    /// Labels that put an ask up front ("Ask:", "Action needed:").
    AskLabel,
    /// Blocker statements ("blocked on", "stuck on").
    Blocker,
    /// Labels and headings that announce blockers ("Blockers:").
    BlockerLabel,
    /// Deadline words a reader can act on ("today", "EOD", "next week").
    Deadline,
    /// End-of-day terms that need a time zone ("EOD", "close of business").
    EndOfDay,
    /// Markers that say no action is needed ("FYI", "no action needed").
    Fyi,
    /// Greetings and presence checks ("hi", "got a sec?").
    Greeting,
    /// Hedges that bury the point ("just wondering").
    Hedge,
    /// Idioms second-language readers misread ("ballpark figure").
    Idiom,
    /// Verbs that make an imperative ask when they open a sentence ("review", "send").
    Imperative,
    /// Business jargon ("circle back", "synergy").
    Jargon,
    /// Requests for a synchronous call or meeting ("hop on a call").
    Meeting,
    /// Phrases that say there is no deadline ("no rush").
    NoDeadline,
    /// Negated blocker statements ("no blockers", "unblocked").
    NotBlocker,
    /// Phrases that propose doing something together ("let's", "I'd like to", "how about").
    Proposal,
    /// Phrases that state a meeting's purpose ("to discuss", "agenda").
    Purpose,
    /// Regions and cities that name a time zone right after a clock time ("3pm UK",
    /// "10am East Coast").
    Region,
    /// References to an artifact or earlier conversation ("the doc", "as discussed").
    Reference,
    /// Words that show a status update says what was done.
    StandupDone,
    /// Words that show a status update says what is next.
    StandupNext,
    /// Words that show a status update covers blockers.
    StandupBlockers,
    /// Vague time words ("ASAP", "soon").
    VagueTime,
    /// Time zone names and abbreviations ("UTC", "PT", "your time").
    Zone,
}

impl List {
    /// Every list, in name order.
    pub const ALL: [List; 25] = [
        List::Acronym,
        List::Ask,
        List::AskLabel,
        List::Blocker,
        List::BlockerLabel,
        List::Deadline,
        List::EndOfDay,
        List::Fyi,
        List::Greeting,
        List::Hedge,
        List::Idiom,
        List::Imperative,
        List::Jargon,
        List::Meeting,
        List::NoDeadline,
        List::NotBlocker,
        List::Proposal,
        List::Purpose,
        List::Reference,
        List::Region,
        List::StandupBlockers,
        List::StandupDone,
        List::StandupNext,
        List::VagueTime,
        List::Zone,
    ];

    /// The list's name in rule files.
    pub fn name(self) -> &'static str {
        match self {
            List::Acronym => "acronym",
            List::Ask => "ask",
            List::AskLabel => "ask-label",
            List::Blocker => "blocker",
            List::BlockerLabel => "blocker-label",
            List::Deadline => "deadline",
            List::EndOfDay => "end-of-day",
            List::Fyi => "fyi",
            List::Greeting => "greeting",
            List::Hedge => "hedge",
            List::Idiom => "idiom",
            List::Imperative => "imperative",
            List::Jargon => "jargon",
            List::Meeting => "meeting",
            List::NoDeadline => "no-deadline",
            List::NotBlocker => "not-blocker",
            List::Proposal => "proposal",
            List::Purpose => "purpose",
            List::Reference => "reference",
            List::Region => "region",
            List::StandupBlockers => "standup-blockers",
            List::StandupDone => "standup-done",
            List::StandupNext => "standup-next",
            List::VagueTime => "vague-time",
            List::Zone => "zone",
        }
    }

    /// The list with this name in rule files.
    pub fn from_name(name: &str) -> Option<List> {
        List::ALL.into_iter().find(|list| list.name() == name)
    }

    /// Lists whose matches become findings, so their built-in entries must offer alternatives.
    pub fn offers_alternatives(self) -> bool {
        matches!(self, List::Acronym | List::Hedge | List::Idiom | List::Jargon | List::VagueTime)
    }

    /// Whether a rule that may run in the `doc` profile reads this list.
    fn read_in_docs(self) -> bool {
        matches!(
            self,
            List::Jargon
                | List::Idiom
                | List::Hedge
                | List::VagueTime
                | List::Zone
                | List::Region
                | List::EndOfDay
                | List::Deadline
                | List::NoDeadline
        )
    }

    /// Whether entries of this list match case-sensitively unless they say otherwise.
    fn case_sensitive_by_default(self) -> bool {
        matches!(self, List::Acronym)
    }

    fn index(self) -> usize {
        List::ALL.iter().position(|list| *list == self).expect("every list is in ALL")
    }
}

/// One entry of a phrase list.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Literal phrases, matched whole-word.
    pub phrases: Vec<String>,
    /// The phrases as the entry was written, before a later entry took any of them: its
    /// first form is the one `instead` is written for (see `rules::wording`).
    pub forms: Vec<String>,
    /// A regular expression, matched whole-word, for users who need one.
    pub pattern: Option<String>,
    /// Plain alternatives, offered as fixes (for acronyms: the expansion).
    pub instead: Vec<String>,
    /// Why the phrase is a problem, shown in the finding.
    pub why: Option<String>,
    /// Sentences the entry must flag; tested.
    pub flagged: Vec<String>,
    /// Sentences the entry must not flag; tested.
    pub fine: Vec<String>,
    /// Match letter case exactly.
    pub case_sensitive: bool,
    /// Not a match when the word before is one of these (lowercase).
    pub not_after: Vec<String>,
    /// Not a match when the words after start with one of these (lowercase).
    pub not_before: Vec<String>,
    /// Only a match when the word before is one of these (lowercase); empty means any.
    pub only_after: Vec<String>,
    /// Only a match when the phrase plays this part in its sentence ("leverage" as a verb).
    pub role: Option<Role>,
    /// Only a match at the start of a sentence (imperatives, reminders).
    pub sentence_start: bool,
    /// For acronyms: known to every reader, so never flagged.
    pub common: bool,
    /// The file the entry came from, for messages.
    pub origin: Arc<str>,
}

/// A phrase found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the entry in its list.
    pub entry: usize,
    /// Where the phrase is, in source offsets.
    pub span: Span,
}

/// Every list's matches in one document, each sorted and non-overlapping.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhraseScan {
    by_list: Vec<Vec<PhraseMatch>>,
}

impl PhraseScan {
    /// The matches of one list.
    pub fn get(&self, list: List) -> &[PhraseMatch] {
        self.by_list.get(list.index()).map_or(&[], Vec::as_slice)
    }

    /// The matches of one list inside `span`.
    pub fn within(&self, list: List, span: Span) -> &[PhraseMatch] {
        starting_in(self.get(list), span)
    }

    /// The scan of a file made of parts, from each part's scan and the offset it starts at.
    pub(crate) fn joined<'s>(parts: impl Iterator<Item = (usize, &'s PhraseScan)>) -> PhraseScan {
        let mut by_list: Vec<Vec<PhraseMatch>> = vec![Vec::new(); List::ALL.len()];
        for (offset, part) in parts {
            for (all, matches) in by_list.iter_mut().zip(&part.by_list) {
                all.extend(matches.iter().map(|m| PhraseMatch { span: m.span.shift(offset), ..*m }));
            }
        }
        PhraseScan { by_list }
    }

    /// Every list's matches that start in `span`, with offsets from its start: a part of
    /// a document's scan, as its own document's.
    pub(crate) fn part(&self, span: Span) -> PhraseScan {
        let back =
            |m: &PhraseMatch| PhraseMatch { span: Span::new(m.span.start - span.start, m.span.end - span.start), ..*m };
        let by_list = self.by_list.iter().map(|all| starting_in(all, span).iter().map(back).collect()).collect();
        PhraseScan { by_list }
    }
}

/// The matches of a sorted list that start in `span`.
fn starting_in(all: &[PhraseMatch], span: Span) -> &[PhraseMatch] {
    let from = all.partition_point(|m| m.span.start < span.start);
    let to = all.partition_point(|m| m.span.start < span.end);
    &all[from..to.max(from)]
}

/// An Aho-Corasick automaton over some lists' phrases.
#[derive(Debug)]
struct Automaton {
    automaton: AhoCorasick,
    /// For each automaton pattern: the list and entry it came from.
    patterns: Vec<(List, usize)>,
}

/// Phrases beyond this many (over all files) are refused when the lists are loaded, so
/// that building an automaton later cannot fail.
const MAX_PHRASES: usize = 1_000_000;

/// Patterns beyond this many (over all files) are refused: each compiled pattern takes
/// about 13 KiB and one search of every checked text, so a million would take gigabytes.
const MAX_PATTERNS: usize = 10_000;

impl Automaton {
    fn build(lists: &[Vec<Entry>], include: impl Fn(List) -> bool) -> Automaton {
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for list in List::ALL.into_iter().filter(|l| *l != List::Acronym && include(*l)) {
            for (index, entry) in lists[list.index()].iter().enumerate() {
                for phrase in &entry.phrases {
                    phrases.push(phrase.to_ascii_lowercase());
                    patterns.push((list, index));
                }
            }
        }
        // Lowercase patterns over lowercased text rather than `ascii_case_insensitive`:
        // the same matches, and the automaton builds three times faster, which is most of
        // plainly's start-up on one message.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .expect("the number of phrases is bounded by MAX_PHRASES when the lists are loaded");
        Automaton { automaton, patterns }
    }
}

/// All phrase lists, ready to scan documents.
#[derive(Debug)]
pub struct Lexicon {
    lists: Vec<Vec<Entry>>,
    /// Every list, for messages and status updates; built on first use.
    all: OnceLock<Automaton>,
    /// Only the lists the `doc` profile's rules read, built on first use: documentation
    /// is most of the text plainly sees, and "run", "check", "add" from the imperative
    /// list are in every line of it.
    doc: OnceLock<Automaton>,
    regexes: Vec<(List, usize, Regex)>,
    acronyms: HashMap<String, usize>,
}

/// The built-in lexicon, parsed once per process, on first use (see [`LexiconSource`]).
static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    let files = BUILTIN_FILES.iter().map(|(path, text)| (Path::new(path), *text));
    Lexicon::from_files(files).unwrap_or_else(|err| panic!("built-in rule file is invalid: {err}"))
});

/// The lexicon a check reads: the built-in one, parsed when a check first reads a list,
/// or the built-in lists extended with a team's own rule files. Settings hold this rather
/// than a parsed lexicon so that resolving them costs nothing: parsing the built-in rule
/// files takes about 1.5 ms, which `plainly check` spends on another thread while the
/// main one reads and tags the text (`engine::warm_up`).
#[derive(Clone, Debug, Default)]
pub enum LexiconSource {
    /// `rules/*.toml` as compiled in.
    #[default]
    Builtin,
    /// The built-in lists and a config's rule files.
    Extended(Arc<Lexicon>),
}

impl std::ops::Deref for LexiconSource {
    type Target = Lexicon;

    fn deref(&self) -> &Lexicon {
        match self {
            LexiconSource::Builtin => &BUILTIN,
            LexiconSource::Extended(lexicon) => lexicon,
        }
    }
}

impl Lexicon {
    /// The built-in lists extended with users' rule files (path and text).
    pub fn with_user_files<'p>(files: impl IntoIterator<Item = (&'p Path, &'p str)>) -> Result<Lexicon, ConfigError> {
        let builtin = BUILTIN_FILES.iter().map(|(path, text)| (Path::new(path), *text));
        Lexicon::from_files(builtin.chain(files))
    }

    fn from_files<'p>(files: impl IntoIterator<Item = (&'p Path, &'p str)>) -> Result<Lexicon, ConfigError> {
        let mut lists: Vec<Vec<Entry>> = vec![Vec::new(); List::ALL.len()];
        let (mut phrases, mut patterns) = (0, 0);
        for (path, text) in files {
            for (list, entry) in parse_file(path, text, MAX_PATTERNS - patterns)? {
                phrases += entry.phrases.len();
                patterns += usize::from(entry.pattern.is_some());
                lists[list.index()].push(entry);
            }
            // Checked after each file, so the error names the one that went over.
            if phrases > MAX_PHRASES {
                let message =
                    format!("with this file the lists hold {phrases} phrases; at most {MAX_PHRASES} are supported");
                return Err(ConfigError::new(path.display(), 0, 0, message));
            }
        }
        for (list, entries) in List::ALL.into_iter().zip(&mut lists) {
            let exact = list.case_sensitive_by_default();
            override_earlier_entries(entries, exact);
        }
        let mut regexes = Vec::new();
        let mut acronyms = HashMap::new();
        for list in List::ALL {
            for (index, entry) in lists[list.index()].iter().enumerate() {
                if list == List::Acronym {
                    for phrase in &entry.phrases {
                        acronyms.entry(phrase.clone()).or_insert(index);
                    }
                    continue;
                }
                if let Some(pattern) = &entry.pattern {
                    let regex = RegexBuilder::new(pattern)
                        .case_insensitive(!entry.case_sensitive)
                        .size_limit(1 << 20)
                        .build()
                        .expect("patterns are validated when the file is parsed");
                    regexes.push((list, index, regex));
                }
            }
        }
        Ok(Lexicon { lists, all: OnceLock::new(), doc: OnceLock::new(), regexes, acronyms })
    }

    /// The entries of a list.
    pub fn entries(&self, list: List) -> &[Entry] {
        &self.lists[list.index()]
    }

    /// The acronym entry for `word` ("API", "APIs"), if the acronym list has it.
    pub fn acronym(&self, word: &str) -> Option<&Entry> {
        let index = self.acronyms.get(word).or_else(|| word.strip_suffix('s').and_then(|w| self.acronyms.get(w)))?;
        Some(&self.lists[List::Acronym.index()][*index])
    }

    /// Finds the phrases of every list `profile`'s rules read, in one pass over the flat prose.
    pub fn scan(&self, doc: &Document<'_>, profile: Profile) -> PhraseScan {
        let flat = doc.flat.text.as_str();
        let mut found = self.raw_matches(flat, 0..flat.len(), profile);
        for (list, entry_index, regex) in &self.regexes {
            if profile == Profile::Doc && !list.read_in_docs() {
                continue;
            }
            let entry = &self.lists[list.index()][*entry_index];
            for m in regex.find_iter(flat) {
                let span = Span::new(m.start(), m.end());
                if !span.is_empty() && accepts(flat, span, entry) {
                    found[list.index()].push((span, *entry_index));
                }
            }
        }
        self.select(found, doc)
    }

    /// How far around a stretch of flat prose a raw match found in it can depend on, if
    /// every list `profile` reads is a phrase list; `None` if a pattern applies. A phrase
    /// is found from its own text, and accepted from the character and the few words
    /// (64 bytes, past one space) on each side; a regular expression's matches depend on
    /// where its search began, which can be anywhere before.
    pub(crate) fn reach(&self, profile: Profile) -> Option<usize> {
        if self.regexes.iter().any(|(list, _, _)| profile != Profile::Doc || list.read_in_docs()) {
            return None;
        }
        Some(self.automaton(profile).automaton.max_pattern_len() + 64 + 16)
    }

    /// Builds the phrase automaton `profile` scans with, ahead of the first scan.
    pub fn prepare(&self, profile: Profile) {
        self.automaton(profile);
    }

    fn automaton(&self, profile: Profile) -> &Automaton {
        if profile == Profile::Doc {
            self.doc.get_or_init(|| Automaton::build(&self.lists, List::read_in_docs))
        } else {
            self.all.get_or_init(|| Automaton::build(&self.lists, |_| true))
        }
    }

    /// Every list's phrase (not pattern) matches that start in `within`, whole words
    /// allowed by their entries' context rules, overlapping, by list. Read from `flat`
    /// alone, so a caller that gives [`Lexicon::reach`] bytes of context on each side of
    /// `within` gets what a scan of the whole text finds there.
    pub(crate) fn raw_matches(&self, flat: &str, within: Range<usize>, profile: Profile) -> Vec<Vec<(Span, usize)>> {
        let lower = flat.to_ascii_lowercase();
        let automaton = self.automaton(profile);
        let mut found: Vec<Vec<(Span, usize)>> = vec![Vec::new(); List::ALL.len()];
        for m in automaton.automaton.find_overlapping_iter(&lower) {
            if !within.contains(&m.start()) {
                continue;
            }
            let (list, entry_index) = automaton.patterns[m.pattern().as_usize()];
            let span = Span::new(m.start(), m.end());
            let entry = &self.lists[list.index()][entry_index];
            if entry.case_sensitive && !entry.phrases.iter().any(|p| p == span.slice(flat)) {
                continue;
            }
            if accepts(flat, span, entry) {
                found[list.index()].push((span, entry_index));
            }
        }
        found
    }

    /// The matches kept from raw ones (spans in `doc`'s flat prose): leftmost-longest
    /// without overlaps within each list, and only those within one block.
    pub(crate) fn select(&self, found: Vec<Vec<(Span, usize)>>, doc: &Document<'_>) -> PhraseScan {
        let by_list = found
            .into_iter()
            .map(|mut matches| {
                // Leftmost-longest, without overlaps, within each list.
                matches.sort_unstable_by_key(|&(span, entry)| (span.start, std::cmp::Reverse(span.end), entry));
                let mut kept: Vec<PhraseMatch> = Vec::with_capacity(matches.len());
                let mut end = 0;
                for (flat, entry) in matches {
                    if flat.start < end && !kept.is_empty() {
                        continue;
                    }
                    // A phrase that runs from one block into the next is a coincidence, and
                    // hides no phrase it overlaps: what is kept in a block depends on the
                    // block alone (which the incremental re-check relies on).
                    let span = doc.flat.span_to_prose(flat, &doc.prose);
                    let block = doc.block_at(span.start);
                    if block.is_some() && block == doc.block_at(span.end - 1) && !spans_hidden_text(doc, span) {
                        end = flat.end;
                        kept.push(PhraseMatch { entry, span });
                    }
                }
                kept
            })
            .collect();
        PhraseScan { by_list }
    }
}

/// Whether `span` runs across text the prose leaves out, such as inline code: "in the
/// `for` loop" reads "in the loop" once the code is blanked, but no reader sees that
/// phrase. Emphasis and quote markers are not text, and do not break a phrase.
fn spans_hidden_text(doc: &Document<'_>, span: Span) -> bool {
    let (source, prose) = (span.slice(doc.source).as_bytes(), span.slice(&doc.prose).as_bytes());
    source.iter().zip(prose).any(|(&written, &read)| {
        read == b' ' && !written.is_ascii_whitespace() && !matches!(written, b'*' | b'_' | b'~' | b'>')
    })
}

/// A phrase listed by more than one entry of a list belongs to the last of them, so a
/// user's rule file, read after the built-in ones, replaces plainly's entry for a phrase
/// (its `why`, `instead` and context rules) instead of being shadowed by it. Phrases are
/// compared ignoring ASCII case, except in lists matched exactly (acronyms).
fn override_earlier_entries(entries: &mut [Entry], exact: bool) {
    let key = |phrase: &str| if exact { phrase.to_string() } else { phrase.to_ascii_lowercase() };
    let mut claimed: HashMap<String, usize> = HashMap::new();
    for index in (0..entries.len()).rev() {
        let entry = &mut entries[index];
        entry.phrases.retain(|phrase| *claimed.entry(key(phrase)).or_insert(index) == index);
    }
}

/// Whether a raw match is a whole-word match that its entry's context rules allow.
fn accepts(flat: &str, span: Span, entry: &Entry) -> bool {
    let before = &flat[..span.start];
    let after = &flat[span.end..];
    if before.chars().next_back().is_some_and(is_word_char) || after.chars().next().is_some_and(is_word_char) {
        return false;
    }
    // Context rules look a few words around the match, never at the whole text.
    let lower_before = tail(before.trim_end(), 64).to_ascii_lowercase();
    if entry.not_after.iter().any(|w| ends_with_word(&lower_before, w)) {
        return false;
    }
    if !entry.only_after.is_empty() && !entry.only_after.iter().any(|w| ends_with_word(&lower_before, w)) {
        return false;
    }
    if !entry.not_before.is_empty() {
        let head = head(after.trim_start(), 64).to_ascii_lowercase();
        if entry.not_before.iter().any(|w| starts_with_word(&head, w)) {
            return false;
        }
    }
    true
}

/// The last `n` bytes of `text` or fewer, starting on a character boundary.
fn tail(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first `n` bytes of `text` or fewer, ending on a character boundary.
fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Characters that continue a word: a phrase must not start or end next to one.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word).is_some_and(|rest| !rest.chars().next_back().is_some_and(is_word_char))
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word).is_some_and(|rest| !rest.chars().next().is_some_and(is_word_char))
}

/// An entry as written in a rule file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawEntry {
    #[serde(rename = "match", default)]
    phrases: Vec<String>,
    pattern: Option<Spanned<String>>,
    #[serde(default)]
    instead: Vec<String>,
    why: Option<String>,
    #[serde(default)]
    flagged: Vec<String>,
    #[serde(default)]
    fine: Vec<String>,
    case_sensitive: Option<bool>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    only_after: Vec<String>,
    #[serde(default)]
    sentence_start: bool,
    role: Option<Role>,
    #[serde(default)]
    common: bool,
    /// For acronyms: many at once, each with its expansion (`{ API = "application programming interface" }`).
    #[serde(default)]
    expand: BTreeMap<String, String>,
}

/// Parses one rule file into `(list, entry)` pairs, with errors at `path:line:col`.
/// More than `max_patterns` patterns are refused before any is compiled.
fn parse_file(path: &Path, text: &str, max_patterns: usize) -> Result<Vec<(List, Entry)>, ConfigError> {
    let error_at = |offset: usize, message: String| ConfigError::at(path, text, offset, message);
    let table: BTreeMap<Spanned<String>, Vec<Spanned<RawEntry>>> =
        toml::from_str(text).map_err(|err| ConfigError::from_toml(path, text, &err))?;
    let patterns = table.values().flatten().filter(|raw| raw.get_ref().pattern.is_some()).count();
    if patterns > max_patterns {
        let message = format!("too many patterns ({patterns}); the lists take at most {MAX_PATTERNS}");
        return Err(ConfigError::new(path.display(), 0, 0, message));
    }
    let origin: Arc<str> = Arc::from(path.display().to_string());
    let mut out = Vec::new();
    for (name, entries) in table {
        let Some(list) = List::from_name(name.get_ref()) else {
            let names: Vec<&str> = List::ALL.iter().map(|l| l.name()).collect();
            return Err(error_at(
                name.span().start,
                format!("unknown phrase list `{}`; expected one of: {}", name.get_ref(), names.join(", ")),
            ));
        };
        for raw in entries {
            let at = raw.span().start;
            let mut raw = raw.into_inner();
            if !raw.expand.is_empty() {
                if list != List::Acronym {
                    return Err(error_at(at, "`expand` is only for the acronym list".into()));
                }
                // Shorthand for one entry per acronym, with its expansion as the alternative.
                for (acronym, expansion) in std::mem::take(&mut raw.expand) {
                    let entry = Entry {
                        forms: vec![acronym.clone()],
                        phrases: vec![acronym],
                        pattern: None,
                        instead: vec![expansion],
                        why: None,
                        flagged: Vec::new(),
                        fine: Vec::new(),
                        case_sensitive: true,
                        not_after: Vec::new(),
                        not_before: Vec::new(),
                        only_after: Vec::new(),
                        sentence_start: false,
                        role: None,
                        common: raw.common,
                        origin: Arc::clone(&origin),
                    };
                    out.push((list, entry));
                }
                if raw.phrases.is_empty() {
                    continue;
                }
            }
            if raw.phrases.is_empty() && raw.pattern.is_none() {
                return Err(error_at(at, "entry needs `match` (a list of phrases) or `pattern` (a regex)".into()));
            }
            if let Some(empty) = raw.phrases.iter().find(|p| p.trim().is_empty() || p.trim() != p.as_str()) {
                return Err(error_at(at, format!("phrase {empty:?} is empty or has surrounding spaces")));
            }
            if let Some(pattern) = &raw.pattern {
                if let Err(err) = RegexBuilder::new(pattern.get_ref()).size_limit(1 << 20).build() {
                    let text = err.to_string();
                    let reason = text.lines().last().unwrap_or("invalid").trim();
                    let reason = reason.strip_prefix("error: ").unwrap_or(reason);
                    let message = format!("invalid pattern {:?}: {reason}", pattern.get_ref());
                    return Err(error_at(pattern.span().start, message));
                }
            }
            let lower = |words: Vec<String>| words.into_iter().map(|w| w.to_ascii_lowercase()).collect();
            out.push((
                list,
                Entry {
                    forms: raw.phrases.clone(),
                    phrases: raw.phrases,
                    pattern: raw.pattern.map(Spanned::into_inner),
                    instead: raw.instead,
                    why: raw.why,
                    flagged: raw.flagged,
                    fine: raw.fine,
                    case_sensitive: raw.case_sensitive.unwrap_or(list.case_sensitive_by_default()),
                    not_after: lower(raw.not_after),
                    not_before: lower(raw.not_before),
                    only_after: lower(raw.only_after),
                    sentence_start: raw.sentence_start,
                    role: raw.role,
                    common: raw.common,
                    origin: Arc::clone(&origin),
                },
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;
    use crate::document::{Document, ParseOptions};
    use crate::input::FileKind;
    use crate::rules::testing::run;

    /// The rule that reports a finding-producing list's matches.
    fn rule_for(list: List) -> Option<&'static dyn crate::rules::Rule> {
        let id = match list {
            List::Jargon => "jargon",
            List::Idiom => "idiom",
            List::Hedge => "hedge",
            List::VagueTime => "vague-deadline",
            List::Acronym => "undefined-acronym",
            _ => return None,
        };
        crate::rules::by_id(id)
    }

    #[test]
    fn built_in_files_parse() {
        let lexicon = LexiconSource::Builtin;
        assert!(lexicon.entries(List::Jargon).len() > 30);
        assert!(lexicon.acronym("API").is_some_and(|e| e.common));
        assert!(lexicon.acronym("APIs").is_some());
    }

    #[test]
    fn entries_that_become_findings_offer_alternatives() {
        let lexicon = LexiconSource::Builtin;
        for list in List::ALL.into_iter().filter(|l| l.offers_alternatives()) {
            for entry in lexicon.entries(list) {
                assert!(!entry.instead.is_empty(), "{} entry {:?} has no `instead`", list.name(), entry.phrases);
                // The message is "“phrase” {why}", so `why` reads on from the phrase.
                if let Some(why) = &entry.why {
                    let reads_on = why.starts_with(|c: char| c.is_lowercase()) && why.ends_with('.');
                    assert!(reads_on && !why.contains('"'), "{} entry {:?}: why {why:?}", list.name(), entry.phrases);
                }
            }
        }
    }

    #[test]
    fn every_phrase_is_found_on_its_own() {
        let lexicon = LexiconSource::Builtin;
        for list in List::ALL.into_iter().filter(|l| *l != List::Acronym) {
            for (index, entry) in lexicon.entries(list).iter().enumerate() {
                if !entry.only_after.is_empty() {
                    continue;
                }
                for phrase in &entry.phrases {
                    let text = format!("{phrase}\n");
                    let doc = Document::parse(&text, FileKind::Text, ParseOptions::default());
                    let found = lexicon.scan(&doc, Profile::Message);
                    assert!(
                        found.get(list).iter().any(|m| m.entry == index),
                        "{} phrase {phrase:?} is not found in {text:?}",
                        list.name()
                    );
                }
            }
        }
    }

    #[test]
    fn acronyms_look_like_acronyms() {
        let lexicon = LexiconSource::Builtin;
        for entry in lexicon.entries(List::Acronym) {
            for phrase in &entry.phrases {
                let letters = phrase.trim_end_matches('s');
                assert!(
                    (2..=6).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase()),
                    "acronym {phrase:?} can never be matched"
                );
            }
        }
    }

    #[test]
    fn flagged_and_fine_examples_hold() {
        let lexicon = LexiconSource::Builtin;
        for list in List::ALL {
            let Some(rule) = rule_for(list) else { continue };
            let profile = rule.meta().profiles[0];
            for entry in lexicon.entries(list) {
                for example in &entry.flagged {
                    let found = run(rule, profile, FileKind::Text, example);
                    assert!(!found.is_empty(), "{} example not flagged: {example:?}", list.name());
                }
                for example in &entry.fine {
                    let found = run(rule, profile, FileKind::Text, example);
                    assert!(found.is_empty(), "{} fine example flagged: {example:?}", list.name());
                }
            }
        }
    }

    #[test]
    fn user_files_extend_lists_and_report_errors_with_positions() {
        let user = "[[jargon]]\nmatch = [\"tiger team\"]\ninstead = [\"task force\"]\n";
        let lexicon = Lexicon::with_user_files([(Path::new("team.toml"), user)]).unwrap();
        assert!(lexicon.entries(List::Jargon).iter().any(|e| e.phrases == ["tiger team"]));

        let err = Lexicon::with_user_files([(Path::new("team.toml"), "[[jargn]]\nmatch = [\"x\"]\n")]).unwrap_err();
        assert_eq!((err.line, err.column), (1, 3));
        assert!(err.message.contains("unknown phrase list `jargn`"), "{}", err.message);

        let err =
            Lexicon::with_user_files([(Path::new("team.toml"), "[[jargon]]\nmatch = [\"x\"]\nfoo = 1\n")]).unwrap_err();
        assert_eq!(err.line, 3);

        let err =
            Lexicon::with_user_files([(Path::new("team.toml"), "[[jargon]]\npattern = \"(unclosed\"\n")]).unwrap_err();
        assert_eq!(err.message, "invalid pattern \"(unclosed\": unclosed group");
        assert_eq!((err.line, err.column), (2, 11));
    }

    #[test]
    fn a_users_entry_for_a_built_in_phrase_wins() {
        let user = "[[jargon]]\nmatch = [\"Circle back\"]\ninstead = [\"revisit\"]\nwhy = \"is our word for stalling.\"\n\
            [[acronym]]\nmatch = [\"API\"]\ninstead = [\"app interface\"]\n";
        let lexicon = Lexicon::with_user_files([(Path::new("team.toml"), user)]).unwrap();
        let mut settings = crate::Settings::default();
        settings.lexicon = LexiconSource::Extended(Arc::new(lexicon));
        let jargon = crate::rules::by_id("jargon").unwrap();
        let found = crate::rules::testing::run_with(
            jargon,
            &settings,
            Profile::Message,
            FileKind::Text,
            "Let's circle back on this, and circling back is fine.",
        );
        let found: Vec<(&str, Vec<&str>)> = found
            .iter()
            .map(|f| (f.message.as_str(), f.fixes.iter().map(|x| x.replacement.as_str()).collect()))
            .collect();
        assert_eq!(
            found,
            [
                ("“circle back” is our word for stalling.", vec!["revisit"]),
                // The built-in entry keeps the phrases the user did not list.
                (
                    "“circling back” says something will happen later without saying what or when.",
                    vec!["following up", "coming back"]
                ),
            ]
        );
        let api = settings.lexicon.acronym("API").unwrap();
        assert!(!api.common && api.instead == ["app interface"]);
    }

    #[test]
    fn too_many_patterns_are_refused_before_compiling() {
        let user = "[[jargon]]\npattern = '('\n".repeat(MAX_PATTERNS + 1);
        let err = Lexicon::with_user_files([(Path::new("team.toml"), user.as_str())]).unwrap_err();
        assert_eq!(err.to_string(), "team.toml: too many patterns (10001); the lists take at most 10000");
    }

    /// The jargon a user's rule file with one `pattern` finds in `text`.
    fn jargon_of_pattern(pattern: &str, text: &str) -> Vec<String> {
        let user = format!("[[jargon]]\npattern = '{pattern}'\ninstead = [\"cooperation\"]\n");
        let lexicon = Lexicon::with_user_files([(Path::new("team.toml"), user.as_str())]).unwrap();
        let doc = Document::parse(text, FileKind::Text, ParseOptions::default());
        let found = lexicon.scan(&doc, Profile::Message);
        found.get(List::Jargon).iter().map(|m| doc.text_of(m.span).to_string()).collect()
    }

    #[test]
    fn user_patterns_read_words_of_any_script() {
        // Only the Perl classes and case folding of `regex`'s Unicode tables are compiled
        // in (Cargo.toml), and they are enough for words like these. (A property class
        // such as \p{Greek} is an error in the shipped binary; under `cargo test` a
        // dev-dependency turns the other tables on, so that is checked by hand.)
        assert_eq!(jargon_of_pattern(r"\bsynerg\w+", "Synergetisch, SYNERGÍA."), ["Synergetisch", "SYNERGÍA"]);
    }

    #[test]
    fn user_patterns_match_whole_words() {
        assert_eq!(jargon_of_pattern("synerg(y|ies)", "Synergies abound, unlike asynergy."), ["Synergies"]);
    }
}
