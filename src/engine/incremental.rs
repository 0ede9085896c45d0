//! Incremental re-check: what the language server does after each keystroke.
//!
//! A Markdown file is cut into *sections* where Markdown itself starts afresh: at a line
//! that begins with a letter after a blank line, when the text before it leaves no block
//! open (no unclosed code fence, HTML block or front matter: asked of the parser, see
//! [`crate::document::closes_every_block`]). Such a line can only open a new top-level
//! block, so parsing each section on its own gives the same blocks, sentences and words
//! as parsing the whole file. Each section's parse is kept; after an edit only the
//! sections the edit touched are parsed again (found by comparing the old and new text,
//! so it needs no edit ranges and cannot disagree with them).
//!
//! The one thing Markdown resolves across the whole file is definitions: a link
//! reference (`[x]: url`) or footnote (`[^1]: …`) defined in one section changes how
//! `[x]` reads in another, so a section is parsed with the labels the others define.
//! Metadata blocks that could reach across a cut, and other kinds of file (messages,
//! mail and commit messages are short), are checked whole.
//!
//! Each section keeps what the rules read from it:
//!
//! - its phrase matches. A match is found and accepted from its own text and a few words
//!   on either side ([`Lexicon::reach`] bytes of the file's flat prose), so they are found
//!   again only when the section's text or that much text around it changed; which are
//!   kept (leftmost-longest, within a block) depends on the section alone. User patterns
//!   (regular expressions) are matched over the whole file, as where a search starts
//!   changes what it finds.
//! - the findings of the rules that read only a finding's own section
//!   ([`Locality::Section`]: a phrase, a sentence, a paragraph, a time in its sentence),
//!   run over the section as a document of its own. They are made again, and the
//!   tagger reads the section's sentences again, only when its text or its phrase
//!   matches changed.
//! - the terms a first-use rule reads ([`Locality::Terms`], undefined-acronym): its uses
//!   and definitions; the first uses are picked over the whole file.
//! - its comments (suppression directives are read over the whole file) and its words as
//!   a reader counts them.
//!
//! Rules that read the whole message (what it asks, how long it is) run over the file's
//! [`Document`], put together from the sections' parts only for them.
//!
//! The result is exactly [`crate::check`]'s: `tests/incremental.rs` applies random edit
//! sequences and compares after every edit, as does the `incremental_edits` fuzz target.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use crate::Checked;
use crate::Profile;
use crate::analysis::Context;
use crate::config::Settings;
use crate::document::{Block, Document, FlatProse, Sentence, closes_every_block, definitions, reader_counts};
use crate::finding::{Finding, Severity};
use crate::input::FileKind;
use crate::lexicon::{Lexicon, PhraseScan};
use crate::rules::{Locality, Rule, Terms};
use crate::segment::counts_as_word;
use crate::span::Span;

/// One open document's cache for re-checking it after edits.
#[derive(Default)]
pub struct Incremental {
    last: Option<Sections>,
    /// The storage of the last document put together, refilled for the next: the
    /// document of a long file is megabytes, and fresh memory costs a page fault a page.
    spare: Spare,
    /// The language the last check read the text in, when not English: the sections'
    /// kept results hold for that language only.
    language: Option<crate::language::detect::OtherLanguage>,
}

/// A [`Document`]'s storage, empty.
#[derive(Default)]
struct Spare {
    prose: String,
    flat: FlatProse,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    words: Vec<Span>,
    counted: Vec<u32>,
    links: Vec<Span>,
    comments: Vec<Span>,
}

impl Spare {
    /// `doc`'s storage, emptied.
    fn of(doc: Document<'_>) -> Spare {
        let mut spare = Spare {
            prose: doc.prose,
            flat: doc.flat,
            blocks: doc.blocks,
            sentences: doc.sentences,
            words: doc.words,
            counted: doc.counted,
            links: doc.links,
            comments: doc.comments,
        };
        spare.prose.clear();
        spare.flat.clear();
        spare.blocks.clear();
        spare.sentences.clear();
        spare.words.clear();
        spare.counted.clear();
        spare.links.clear();
        spare.comments.clear();
        spare
    }
}

/// The sections of the last text checked, and what they were checked with.
struct Sections {
    text: String,
    kind: FileKind,
    profile: Profile,
    /// Held, not just compared, so a new config can never reuse a freed one's address.
    settings: Arc<Settings>,
    /// The team's date today, which times are read against.
    today: Option<jiff::civil::Date>,
    sections: Vec<Section>,
    /// How many sections define each label.
    labels: BTreeMap<String, usize>,
}

/// A run of whole lines of the text, parsed on its own.
struct Section {
    /// Where it starts in the text.
    start: usize,
    /// Its length in bytes.
    len: usize,
    /// The link reference and footnote labels it defines.
    labels: Vec<String>,
    /// The labels other sections define, which it was parsed with.
    given: Vec<String>,
    /// Lines that may open or close a metadata block, which reach across sections.
    metadata: Metadata,
    /// Its parse, with offsets relative to `start`; `None` until parsed.
    parts: Option<Parts>,
}

/// What a section contributes to the file's [`Document`].
struct Parts {
    prose: String,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    words: Vec<Span>,
    links: Vec<Span>,
    comments: Vec<Span>,
    /// The flat view of its prose, for phrase matching.
    flat: FlatProse,
    /// Its words as a reader counts them (running totals), its first word counted as if
    /// nothing came before it.
    counted: Vec<u32>,
    /// Whether it quotes an earlier message, which makes the file a reply.
    reply: bool,
    /// Its phrase matches, once found.
    phrases: Option<SectionPhrases>,
    /// What the rules that read only a section found in it, once checked.
    checked: Option<SectionChecked>,
}

/// A section's findings from the rules that read only their own section, and the terms
/// it uses and defines; they hold while its text and its phrase matches are the same.
struct SectionChecked {
    /// Its phrase matches as kept over the whole file, with offsets from its start.
    phrases: PhraseScan,
    /// Findings of [`Locality::Section`] rules, with offsets from its start.
    findings: Vec<Finding>,
    /// Of each enabled [`Locality::Terms`] rule in turn.
    terms: Vec<Terms>,
}

/// A section's phrase matches. Those found in its flat prose are found and accepted from
/// their own text and a few words on either side (at most [`Lexicon::reach`] bytes of the
/// file's flat prose), so while that text is the same the matches are; which are kept
/// (leftmost-longest within a block) depends on the section alone.
struct SectionPhrases {
    /// The file's flat prose around the section's that they were found with; `None`
    /// when they were read off a scan of the whole file (user patterns).
    context: Option<(String, String)>,
    /// Whether the section's first space was left out of its piece of the file's flat
    /// prose (see [`find_phrases`]): 1 if so.
    skip: usize,
    /// Kept, with offsets from the section's start.
    kept: PhraseScan,
}

impl Incremental {
    /// Checks `source` as [`crate::check`] does, re-reading only what changed since the
    /// last call with the same kind, profile and settings.
    pub fn check(&mut self, source: &str, kind: FileKind, profile: Profile, settings: &Arc<Settings>) -> Checked {
        if kind != FileKind::Markdown {
            self.last = None;
            return super::check(source, kind, profile, settings);
        }
        // Taken, so a panic below leaves no half-updated cache behind.
        let today = settings.team.as_ref().map(crate::team::Team::today);
        let (mut sections, labels, old_text) = match self.last.take() {
            Some(last)
                if last.kind == kind
                    && last.profile == profile
                    && Arc::ptr_eq(&last.settings, settings)
                    && last.today == today =>
            {
                (resection(&last.text, last.sections, source), Some(last.labels), Some(last.text))
            }
            _ => (resection("", Vec::new(), source), None, None),
        };
        let labels = parse_sections(source, &mut sections, labels, profile);
        let checked = if sections.len() > 1 && !parsed_alone_as_whole(&sections) {
            super::check(source, kind, profile, settings)
        } else {
            self.check_by_section(source, &mut sections, profile, settings)
        };
        let mut text = old_text.unwrap_or_default();
        text.clear();
        text.push_str(source);
        self.last = Some(Sections { text, kind, profile, settings: settings.clone(), today, sections, labels });
        checked
    }

    /// Checks `source`, cut into `sections` that each parse as in the whole file.
    ///
    /// A rule that reads only a section ([`Locality::Section`]) runs over each section as
    /// a document of its own, and only again where the section's text or its phrase
    /// matches changed; the terms of a [`Locality::Terms`] rule are kept per section the
    /// same way, and the first uses chosen over the whole file. Only rules that read the
    /// whole document need it put together from the sections.
    fn check_by_section(
        &mut self,
        source: &str,
        sections: &mut [Section],
        profile: Profile,
        settings: &Settings,
    ) -> Checked {
        // The language is told from the start of the text, as a whole check tells it.
        let flat: String = (sections.iter())
            .filter_map(|s| s.parts.as_ref())
            .map(|p| p.flat.text.as_str())
            .scan(0, |taken, text| {
                (*taken < 4_000).then(|| {
                    *taken += text.len();
                    text
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        let language = if settings.detect_language { crate::language::detect::other_language_of(&flat) } else { None };
        if language != self.language {
            // The rules that run changed: nothing kept from the last check holds.
            for parts in sections.iter_mut().filter_map(|s| s.parts.as_mut()) {
                parts.checked = None;
            }
            self.language = language;
        }
        let rules: Vec<(&dyn Rule, Severity)> = super::enabled_rules(settings, profile, language.is_some()).collect();
        let whole_rules: Vec<(&dyn Rule, Severity)> =
            rules.iter().copied().filter(|(rule, _)| matches!(rule.locality(), Locality::Document)).collect();
        let lexicon = &settings.lexicon;
        let mut doc = None;
        match lexicon.reach(profile) {
            Some(reach) => find_phrases(source, sections, reach, lexicon, profile),
            // User patterns are matched over the whole file: where a search starts changes
            // what it finds.
            None => {
                let whole = assemble(source, sections, std::mem::take(&mut self.spare));
                let scan = lexicon.scan(&whole, profile);
                for section in sections.iter_mut() {
                    let Some(parts) = section.parts.as_mut() else { continue };
                    let kept = scan.part(Span::new(section.start, section.start + section.len));
                    forget_findings_unless(parts, &kept);
                    parts.phrases = Some(SectionPhrases { context: None, skip: 0, kept });
                }
                doc = Some(whole);
            }
        }
        let mut findings = Vec::new();
        let mut comments = Vec::new();
        let mut words = 0;
        for section in sections.iter_mut() {
            let Some(parts) = section.parts.as_mut() else { continue };
            let text = &source[section.start..section.start + section.len];
            let checked = match parts.checked.take() {
                Some(checked) => checked,
                None => check_section(text, parts, &rules, profile, settings),
            };
            findings.extend(checked.findings.iter().map(|finding| finding.shifted(section.start)));
            parts.checked = Some(checked);
            comments.extend(parts.comments.iter().map(|comment| comment.shift(section.start)));
            // A section's first word counts as it would alone: the word before it is a
            // blank line away, and no word joins across one.
            words += parts.counted.last().copied().unwrap_or(0) as usize;
        }
        let mut term_rule = 0;
        for &(rule, severity) in &rules {
            if let Locality::Terms(terms) = rule.locality() {
                let parts: Vec<(usize, &Terms)> = (sections.iter())
                    .filter_map(|s| Some((s.start, &s.parts.as_ref()?.checked.as_ref()?.terms[term_rule])))
                    .collect();
                findings.extend(super::marked(rule, severity, terms.first_uses(settings, &parts)));
                term_rule += 1;
            }
        }
        if !whole_rules.is_empty() {
            let whole = doc.get_or_insert_with(|| assemble(source, sections, std::mem::take(&mut self.spare)));
            let phrases = PhraseScan::joined(
                (sections.iter()).filter_map(|s| Some((s.start, &s.parts.as_ref()?.phrases.as_ref()?.kept))),
            );
            let cx = Context::new(whole, settings, profile).with_phrases(phrases);
            for (rule, severity) in whole_rules {
                findings.extend(super::marked(rule, severity, rule.check(&cx)));
            }
        }
        if let Some(whole) = doc {
            debug_assert_eq!(words, whole.word_count());
            self.spare = Spare::of(whole);
        }
        let mut checked = super::conclude(source, &comments, words, profile, findings);
        checked.language = language;
        checked
    }
}

/// Runs the section-local rules over one section (its text is `text`) as a document of
/// its own, with its phrase matches, and reads its terms.
fn check_section(
    text: &str,
    parts: &mut Parts,
    rules: &[(&dyn Rule, Severity)],
    profile: Profile,
    settings: &Settings,
) -> SectionChecked {
    let phrases = parts.phrases.as_ref().map(|p| p.kept.clone()).unwrap_or_default();
    let doc = parts.lend(text);
    let cx = Context::new(&doc, settings, profile).with_phrases(phrases.clone());
    let mut findings = Vec::new();
    let mut terms = Vec::new();
    for &(rule, severity) in rules {
        match rule.locality() {
            Locality::Section => findings.extend(super::marked(rule, severity, rule.check(&cx))),
            Locality::Terms(rule) => terms.push(rule.terms(&cx)),
            Locality::Document => {}
        }
    }
    drop(cx);
    parts.give_back(doc);
    SectionChecked { phrases, findings, terms }
}

/// Whether parsing each section alone (given the others' definitions) gives what
/// parsing the whole text gives. pulldown-cmark's metadata blocks reach across the
/// places sections are cut: one opens at any `---` or `+++` line that starts a block
/// (not only at the top of the file) if a closing line follows anywhere after it.
fn parsed_alone_as_whole(sections: &[Section]) -> bool {
    let mut closer_after = [false; 2];
    for section in sections.iter().rev() {
        let metadata = &section.metadata;
        if (0..2).any(|c| metadata.unclosed[c] && closer_after[c]) {
            return false;
        }
        for (after, closes) in closer_after.iter_mut().zip(metadata.closes) {
            *after |= closes;
        }
    }
    true
}

/// For `---` (index 0) and `+++` (index 1) metadata blocks: whether a section has a
/// line that may open one with no closing line after it in the section, and whether it
/// has a line that may close one. Both are read generously: a line counted that the
/// parser would not count only costs a whole parse.
#[derive(Clone, Copy, Debug, Default)]
struct Metadata {
    unclosed: [bool; 2],
    closes: [bool; 2],
}

impl Metadata {
    fn scan(text: &str) -> Metadata {
        const OPENS: [&str; 2] = ["---", "+++"];
        // The parser also ends a line at a lone `\r`: a close may hide after one.
        let closes = |line: &str, c: usize| line.split('\r').any(|piece| is_close(piece, c));
        let mut metadata = Metadata::default();
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let next = lines.peek().copied();
            for (c, open) in OPENS.iter().enumerate() {
                metadata.closes[c] |= closes(line, c);
                if line.split('\r').next().is_some_and(|head| is_close(head, c)) {
                    metadata.unclosed[c] = false;
                }
                // The parser opens one only where the next line is neither blank nor a close.
                let opens = line.trim_end().ends_with(open)
                    && next.is_some_and(|next| !next.trim().is_empty() && !closes(next, c));
                metadata.unclosed[c] |= opens;
            }
        }
        metadata
    }
}

/// The sections of `new`, reusing those of `old` that lie wholly in the text before the
/// first changed byte or after the last one.
fn resection(old: &str, mut sections: Vec<Section>, new: &str) -> Vec<Section> {
    let prefix = common_prefix(old.as_bytes(), new.as_bytes());
    let suffix = common_suffix(&old.as_bytes()[prefix..], &new.as_bytes()[prefix..]);
    // The section holding the byte before the change is parsed again too: whether its
    // end is still a place to cut depends on the blank line at its end and the line after.
    let first = sections.partition_point(|s| s.start + s.len < prefix);
    let mut tail = sections.split_off(first);
    let mut cut = tail.first().map_or(0, |s| s.start);
    // New offsets at or past `unchanged` have the same text after them as before.
    let unchanged = new.len() - suffix;
    let mut reusable = 0;
    loop {
        if cut >= unchanged && cut > 0 && cut < new.len() {
            // Cutting here before the edit too means the rest is cut as it was.
            let old_cut = cut + old.len() - new.len();
            reusable += tail[reusable..].partition_point(|s| s.start < old_cut);
            if tail.get(reusable).is_some_and(|s| s.start == old_cut) {
                for mut section in tail.drain(reusable..) {
                    section.start = section.start - old_cut + cut;
                    sections.push(section);
                }
                return sections;
            }
        }
        if cut >= new.len() && !(cut == 0 && sections.is_empty()) {
            return sections;
        }
        let end = next_cut(new, cut);
        sections.push(new_section(new, cut..end));
        cut = end;
    }
}

/// Where the section starting at `from` ends: the first place after it to cut, or the
/// end of the text.
fn next_cut(text: &str, from: usize) -> usize {
    let mut at = from;
    if from == 0 {
        // Whether an opening `---` is front matter depends on a closing line further on,
        // which a parse of the text before a cut cannot see: cut only after one.
        match front_matter_end(text) {
            Some(end) => at = end,
            None => return text.len(),
        }
    }
    // Each try parses the section so far again. A block left open (a fence just typed
    // at the top of a long file) fails every try, so after a few the rest of the text is
    // one section: a parse of it all, as without this module, rather than many.
    for _ in 0..MAX_TRIES {
        let Some(cut) = next_candidate(text.as_bytes(), at) else { break };
        if closes_every_block(&text[from..cut]) {
            return cut;
        }
        at = cut;
    }
    text.len()
}

/// Whether `line` (without its line break) closes a `---` (c = 0) or `+++` (c = 1)
/// metadata block: exactly three of the characters, then only spaces.
fn is_close(line: &str, c: usize) -> bool {
    let line = line.trim_end_matches(' ');
    if c == 0 { line == "---" || line == "..." } else { line == "+++" }
}

/// Where a possible front matter block ends for certain: 0 without one; after its first
/// possible closing line (`---`, `...`, `+++`) with one; `None` if nothing closes it.
fn front_matter_end(text: &str) -> Option<usize> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !(body.starts_with("---") || body.starts_with("+++")) {
        return Some(0);
    }
    let mut lines = text.split_inclusive('\n');
    let mut end = lines.next().map_or(0, str::len);
    for line in lines {
        end += line.len();
        let line = line.trim_end_matches('\n').split('\r').next().unwrap_or("");
        if is_close(line, 0) || is_close(line, 1) {
            return Some(end);
        }
    }
    None
}

/// How many places to cut a section are tried before the rest of the text is one section.
const MAX_TRIES: usize = 8;

/// The first line start after `from` that follows a blank line and begins with an ASCII
/// letter: where a section may start. A letter at the margin after a blank line cannot
/// continue a list item, quote, table, paragraph or indented code, only a block left open.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let mut line = from;
    loop {
        let end = line + bytes[line..].iter().position(|&b| b == b'\n')?;
        let next = end + 1;
        let blank = bytes[line..end].iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r'));
        if blank && bytes.get(next).is_some_and(u8::is_ascii_alphabetic) {
            return Some(next);
        }
        line = next;
    }
}

/// A section not yet parsed.
fn new_section(text: &str, range: Range<usize>) -> Section {
    let slice = &text[range.clone()];
    Section {
        start: range.start,
        len: slice.len(),
        labels: if slice.contains("]:") { definitions(slice) } else { Vec::new() },
        given: Vec::new(),
        metadata: Metadata::scan(slice),
        parts: None,
    }
}

/// Parses the sections that are new, and those whose view of the other sections'
/// definitions changed; returns how many sections define each label.
fn parse_sections(
    text: &str,
    sections: &mut [Section],
    last: Option<BTreeMap<String, usize>>,
    profile: Profile,
) -> BTreeMap<String, usize> {
    let mut labels = BTreeMap::new();
    for label in sections.iter().flat_map(|s| &s.labels) {
        *labels.entry(label.clone()).or_insert(0) += 1;
    }
    let all_given = last.as_ref() != Some(&labels);
    let index = LabelIndex::new(labels.keys().map(String::as_str));
    for section in sections {
        if section.parts.is_some() && !all_given {
            continue;
        }
        let slice = &text[section.start..section.start + section.len];
        // A label counts if another section defines it too.
        let defined_elsewhere = |label: &str| {
            let own = section.labels.binary_search_by(|own| own.as_str().cmp(label)).is_ok();
            labels.get(label).is_some_and(|&count| count > usize::from(own))
        };
        let given: Vec<String> =
            index.mentioned_in(slice).into_iter().filter(|label| defined_elsewhere(label)).map(String::from).collect();
        if section.parts.is_none() || given != section.given {
            section.parts = Some(parse_section(slice, section.start == 0, &given, profile));
            section.given = given;
        }
    }
    labels
}

/// The labels the sections define, indexed so that a section finds those it may use from
/// its own brackets, in time linear in its length. Each definition written before a
/// section costs parsing time, so a section is given only the labels it may use. A
/// reference (`[x]`, `[t][x]`, `[x][]`, `[^x]`) starts its label right after a bracket,
/// past any whitespace and a footnote's `^`, so a section may use a label only if the word
/// after one of its brackets starts with the label's first word, without regard to case.
/// Asking that of every label for every section was quadratic: 2.6 s to open a file of
/// 5,000 definitions and 10,000 paragraphs in the language server.
struct LabelIndex<'a> {
    /// Labels by their first word, in ASCII lower case.
    by_word: HashMap<String, Vec<&'a str>>,
    /// The lengths of those words, shortest first.
    lengths: Vec<usize>,
    /// Labels whose first word is empty or not ASCII: any section with a bracket may use
    /// them, as Unicode case folding matches in ways a lower-case lookup does not.
    always: Vec<&'a str>,
    all: Vec<&'a str>,
}

impl<'a> LabelIndex<'a> {
    fn new(labels: impl Iterator<Item = &'a str>) -> LabelIndex<'a> {
        let mut index =
            LabelIndex { by_word: HashMap::new(), lengths: Vec::new(), always: Vec::new(), all: Vec::new() };
        for label in labels {
            index.all.push(label);
            let word = label.trim_start_matches('^').split_whitespace().next().unwrap_or("");
            if word.is_empty() || !word.is_ascii() {
                index.always.push(label);
            } else {
                index.lengths.push(word.len());
                index.by_word.entry(word.to_ascii_lowercase()).or_default().push(label);
            }
        }
        index.lengths.sort_unstable();
        index.lengths.dedup();
        index
    }

    /// The labels `text` may refer to, sorted.
    fn mentioned_in(&self, text: &str) -> Vec<&'a str> {
        if self.all.is_empty() || !text.contains('[') {
            return Vec::new();
        }
        let mut found = self.always.clone();
        for after in text.split('[').skip(1) {
            let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == '^');
            let word = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
            if word.chars().any(folds_into_ascii) {
                return self.all.clone();
            }
            let word = word.to_ascii_lowercase();
            for &len in self.lengths.iter().take_while(|&&len| len <= word.len()) {
                if let Some(labels) = word.get(..len).and_then(|prefix| self.by_word.get(prefix)) {
                    found.extend(labels);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Whether Unicode case folding may turn `c`, outside ASCII, into letters inside it:
/// "ß" into "ss", the Kelvin sign into "k", "ﬁ" into "fi".
fn folds_into_ascii(c: char) -> bool {
    !c.is_ascii() && (c.to_lowercase().any(|l| l.is_ascii()) || c.to_uppercase().any(|u| u.is_ascii()))
}

/// Parses one section, with definitions of the labels in `given` written before it (or
/// after it, for the first section, whose front matter must stay at the top) so that
/// `[x]` reads as it does in the whole file; what they add is cut away again.
fn parse_section(slice: &str, first: bool, given: &[String], profile: Profile) -> Parts {
    let options = super::parse_options(FileKind::Markdown, profile);
    if given.is_empty() {
        return Parts::from(Document::parse(slice, FileKind::Markdown, options));
    }
    // A blank line after each: a footnote's text would run on into the next line.
    let defined: String = given.iter().map(|label| format!("[{label}]: #\n\n")).collect();
    if first {
        let text = format!("{slice}\n\n{defined}");
        Parts::from(Document::parse(&text, FileKind::Markdown, options)).within(0..slice.len())
    } else {
        let text = format!("{defined}{slice}");
        Parts::from(Document::parse(&text, FileKind::Markdown, options)).within(defined.len()..text.len())
    }
}

impl Parts {
    fn from(doc: Document<'_>) -> Parts {
        Parts {
            prose: doc.prose,
            blocks: doc.blocks,
            sentences: doc.sentences,
            words: doc.words,
            links: doc.links,
            comments: doc.comments,
            flat: doc.flat,
            counted: doc.counted,
            reply: doc.reply,
            phrases: None,
            checked: None,
        }
    }

    /// The section as a document of its own, whose text is `text`: its parse, lent until
    /// [`Parts::give_back`].
    fn lend<'a>(&mut self, text: &'a str) -> Document<'a> {
        use std::mem::take;
        Document {
            source: text,
            kind: FileKind::Markdown,
            prose: take(&mut self.prose),
            flat: take(&mut self.flat),
            blocks: take(&mut self.blocks),
            sentences: take(&mut self.sentences),
            words: take(&mut self.words),
            counted: take(&mut self.counted),
            links: take(&mut self.links),
            comments: take(&mut self.comments),
            attachments: 0,
            reply: self.reply,
        }
    }

    fn give_back(&mut self, doc: Document<'_>) {
        self.prose = doc.prose;
        self.flat = doc.flat;
        self.blocks = doc.blocks;
        self.sentences = doc.sentences;
        self.words = doc.words;
        self.counted = doc.counted;
        self.links = doc.links;
        self.comments = doc.comments;
    }

    /// The parts that lie in `range`, with offsets from its start. Blocks never straddle
    /// its ends, which are a blank line away from the added definitions.
    fn within(self, range: Range<usize>) -> Parts {
        let inside = |span: &Span| range.start <= span.start && span.start < range.end;
        let back = |span: Span| Span::new(span.start - range.start, span.end - range.start);
        let first_block = self.blocks.iter().position(|b| inside(&b.span)).unwrap_or(self.blocks.len());
        let first_sentence = self.sentences.iter().position(|s| inside(&s.span)).unwrap_or(self.sentences.len());
        let first_word = self.words.iter().position(inside).unwrap_or(self.words.len());
        let rebase = |r: &Range<usize>, first: usize| r.start - first..r.end - first;
        let prose = self.prose[range.clone()].to_owned();
        let words: Vec<Span> = self.words.iter().filter(|w| inside(w)).map(|&w| back(w)).collect();
        Parts {
            flat: FlatProse::new(&prose),
            counted: reader_counts(&prose, &words),
            reply: self.reply,
            phrases: None,
            checked: None,
            prose,
            blocks: (self.blocks.iter().filter(|b| inside(&b.span)))
                .map(|b| Block {
                    kind: b.kind,
                    span: back(b.span),
                    sentences: rebase(&b.sentences, first_sentence),
                    words: rebase(&b.words, first_word),
                })
                .collect(),
            sentences: (self.sentences.iter().filter(|s| inside(&s.span)))
                .map(|s| Sentence {
                    span: back(s.span),
                    block: s.block - first_block,
                    words: rebase(&s.words, first_word),
                })
                .collect(),
            words,
            links: self.links.iter().filter(|l| inside(l)).map(|&l| back(l)).collect(),
            comments: self.comments.iter().filter(|c| inside(c)).map(|&c| back(c)).collect(),
        }
    }
}

/// The file's document, put together from its sections' parts in `spare`'s storage.
fn assemble<'a>(source: &'a str, sections: &[Section], spare: Spare) -> Document<'a> {
    let Spare { mut prose, mut flat, mut blocks, mut sentences, mut words, mut counted, mut links, mut comments } =
        spare;
    let count = |part: fn(&Parts) -> usize| sections.iter().flat_map(|s| &s.parts).map(part).sum::<usize>();
    prose.reserve(source.len());
    blocks.reserve(count(|p| p.blocks.len()));
    sentences.reserve(count(|p| p.sentences.len()));
    words.reserve(count(|p| p.words.len()));
    links.reserve(count(|p| p.links.len()));
    comments.reserve(count(|p| p.comments.len()));
    counted.reserve(words.capacity() + 1);
    counted.push(0);
    for section in sections {
        let Some(parts) = &section.parts else { continue };
        let by = section.start;
        let (first_block, first_sentence, first_word) = (blocks.len(), sentences.len(), words.len());
        let shift = |range: &Range<usize>, first: usize| range.start + first..range.end + first;
        flat.append(prose.len(), &parts.flat, &parts.prose);
        prose.push_str(&parts.prose);
        blocks.extend(parts.blocks.iter().map(|block| Block {
            kind: block.kind,
            span: block.span.shift(by),
            sentences: shift(&block.sentences, first_sentence),
            words: shift(&block.words, first_word),
        }));
        sentences.extend(parts.sentences.iter().map(|sentence| Sentence {
            span: sentence.span.shift(by),
            block: sentence.block + first_block,
            words: shift(&sentence.words, first_word),
        }));
        words.extend(parts.words.iter().map(|word| word.shift(by)));
        links.extend(parts.links.iter().map(|link| link.shift(by)));
        comments.extend(parts.comments.iter().map(|comment| comment.shift(by)));
        // Whether a word counts depends on the word before it, which for the section's
        // first word is in an earlier section: count that one again in the whole prose.
        if let (Some(&first), Some(&total)) = (parts.counted.get(1), counted.last()) {
            let alone = u32::from(first > 0);
            let together =
                u32::from(counts_as_word(&prose, first_word.checked_sub(1).map(|p| words[p]), words[first_word]));
            counted.extend(parts.counted[1..].iter().map(|&c| total + c - alone + together));
        }
    }
    Document {
        source,
        kind: FileKind::Markdown,
        flat,
        counted,
        prose,
        blocks,
        sentences,
        words,
        links,
        comments,
        attachments: 0,
        reply: sections.iter().flat_map(|s| &s.parts).any(|p| p.reply),
    }
}

/// Finds each section's phrase matches, again only in the sections whose text, or the
/// `reach` bytes of the file's flat prose around them, changed.
///
/// The file's flat prose is the sections' flat prose joined, except that where white
/// space ends the text so far and starts a section, the section's first space is left
/// out ([`FlatProse::append`]): that is each section's *piece* of it.
fn find_phrases(source: &str, sections: &mut [Section], reach: usize, lexicon: &Lexicon, profile: Profile) {
    let parsed = sections.iter().filter_map(|s| s.parts.as_ref());
    // A piece is the same as last time when its section was not parsed again and leaves
    // out as much; a section's context is then the same when no other piece within
    // `reach` bytes of it (and a character's length to spare) changed.
    let (mut skips, mut pieces, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    let mut ends_with_space = false;
    for parts in parsed {
        let skip = usize::from(ends_with_space && parts.prose.starts_with(char::is_whitespace));
        let piece = piece_of(&parts.flat.text, skip);
        if let Some(last) = piece.chars().next_back() {
            ends_with_space = last == ' ';
        }
        skips.push(skip);
        pieces.push(piece);
        changed.push(parts.phrases.as_ref().is_none_or(|p| p.context.is_none() || p.skip != skip));
    }
    let near = reach + 4;
    let gaps = |order: &mut dyn Iterator<Item = usize>| {
        let mut gaps = vec![None; pieces.len()];
        let mut run: Option<usize> = None;
        for j in order {
            gaps[j] = run;
            run = if changed[j] { Some(0) } else { run.map(|bytes| bytes + pieces[j].len()) };
        }
        gaps
    };
    let (gap_before, gap_after) = (gaps(&mut (0..pieces.len())), gaps(&mut (0..pieces.len()).rev()));
    // Which sections' matches must be found again, with the text they are found in.
    let mut windows: Vec<Option<(String, String)>> = Vec::with_capacity(pieces.len());
    let parsed = sections.iter().filter_map(|s| s.parts.as_ref());
    for (i, parts) in parsed.enumerate() {
        let far = |gap: Option<usize>| gap.is_none_or(|bytes| bytes >= near);
        if !changed[i] && far(gap_before[i]) && far(gap_after[i]) {
            windows.push(None);
            continue;
        }
        let before = tail(&pieces[..i], reach);
        let after = head(&pieces[i + 1..], reach);
        let same = !changed[i]
            && parts
                .phrases
                .as_ref()
                .and_then(|p| p.context.as_ref())
                .is_some_and(|(b, a)| is_concatenation(b, &before) && is_concatenation(a, &after));
        windows.push((!same).then(|| (before.concat(), after.concat())));
    }
    drop(pieces);
    let parsed = sections.iter_mut().filter_map(|s| Some((s.start, s.len, s.parts.as_mut()?)));
    for (((start, len, parts), window), skip) in parsed.zip(windows).zip(skips) {
        let Some((before, after)) = window else { continue };
        let piece = piece_of(&parts.flat.text, skip);
        let text = format!("{before}{piece}{after}");
        let mut found = lexicon.raw_matches(&text, before.len()..before.len() + piece.len(), profile);
        for matches in &mut found {
            // A match that runs into the next section runs into the next block, and is
            // never kept; the rest move into the section's own flat prose.
            matches.retain(|(span, _)| span.end <= before.len() + piece.len());
            for (span, _) in matches.iter_mut() {
                *span = Span::new(span.start - before.len() + skip, span.end - before.len() + skip);
            }
        }
        let kept = select(&source[start..start + len], parts, found, lexicon);
        forget_findings_unless(parts, &kept);
        parts.phrases = Some(SectionPhrases { context: Some((before, after)), skip, kept });
    }
}

/// A section's piece of the file's flat prose: its own, less the first `skip` bytes.
fn piece_of(flat: &str, skip: usize) -> &str {
    &flat[skip.min(flat.len())..]
}

/// Drops a section's findings unless they were made with the phrase matches it now keeps.
fn forget_findings_unless(parts: &mut Parts, kept: &PhraseScan) {
    if parts.checked.as_ref().is_some_and(|checked| checked.phrases != *kept) {
        parts.checked = None;
    }
}

/// The matches a section keeps of those `found` in its own flat prose, chosen as a
/// check of the whole file chooses them.
fn select(text: &str, parts: &mut Parts, found: Vec<Vec<(Span, usize)>>, lexicon: &Lexicon) -> PhraseScan {
    let doc = parts.lend(text);
    let kept = lexicon.select(found, &doc);
    parts.give_back(doc);
    kept
}

/// The last `reach` bytes of the text `pieces` make together, from a character's start.
fn tail<'p>(pieces: &[&'p str], reach: usize) -> Vec<&'p str> {
    let mut need = reach;
    let mut parts = Vec::new();
    for piece in pieces.iter().rev() {
        if need == 0 {
            break;
        }
        if piece.len() >= need {
            let mut from = piece.len() - need;
            while !piece.is_char_boundary(from) {
                from -= 1;
            }
            parts.push(&piece[from..]);
            need = 0;
        } else {
            parts.push(piece);
            need -= piece.len();
        }
    }
    parts.reverse();
    parts
}

/// The first `reach` bytes of the text `pieces` make together, to a character's end.
fn head<'p>(pieces: &[&'p str], reach: usize) -> Vec<&'p str> {
    let mut need = reach;
    let mut parts = Vec::new();
    for piece in pieces {
        if need == 0 {
            break;
        }
        if piece.len() >= need {
            let mut to = need;
            while !piece.is_char_boundary(to) {
                to += 1;
            }
            parts.push(&piece[..to]);
            need = 0;
        } else {
            parts.push(piece);
            need -= piece.len();
        }
    }
    parts
}

/// Whether `text` is `parts` one after another.
fn is_concatenation(text: &str, parts: &[&str]) -> bool {
    let mut rest = text;
    for part in parts {
        match rest.strip_prefix(part) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

/// How many bytes `a` and `b` start with alike. Compared a block at a time, as the
/// two are a long file before and after a keystroke.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let same = a.chunks(BLOCK).zip(b.chunks(BLOCK)).take_while(|(x, y)| x == y).count() * BLOCK;
    let same = same.min(a.len()).min(b.len());
    same + a[same..].iter().zip(&b[same..]).take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` end with alike.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let same = a.rchunks(BLOCK).zip(b.rchunks(BLOCK)).take_while(|(x, y)| x == y).count() * BLOCK;
    let same = same.min(a.len()).min(b.len());
    let (a, b) = (&a[..a.len() - same], &b[..b.len() - same]);
    same + a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str) -> Vec<usize> {
        resection("", Vec::new(), text).iter().map(|s| s.start).collect()
    }

    #[test]
    fn cuts_before_paragraphs_after_blank_lines() {
        assert_eq!(cuts("# Title\n\nOne.\nTwo.\n\nThree.\n"), [0, 9, 20]);
    }

    #[test]
    fn never_cuts_inside_a_fence_front_matter_or_comment() {
        for text in [
            "```\ncode\n\nstill code\n```\n\nProse.\n",
            "---\ntitle: x\nauthor: y\n---\n\nProse.\n",
            "<!--\n\nhidden\n-->\n\nProse.\n",
        ] {
            assert_eq!(cuts(text), [0, text.find("Prose").unwrap()], "{text:?}");
        }
    }

    #[test]
    fn never_cuts_where_a_list_or_quote_could_go_on() {
        assert_eq!(cuts("- a\n\n  b\n\n> c\n\n    d\n"), [0]);
    }

    #[test]
    fn a_section_is_given_the_labels_its_brackets_start_with() {
        let labels = ["Install Guide", "faq", "^2", "the guide", "guide", "see", "note", "^1", "faqs", "Straße"];
        let index = LabelIndex::new(labels.into_iter());
        let text = "See [the guide][install  guide], [ FAQ ] and the note[^2].\n";
        // "Straße" is not ASCII, so any section with a bracket may use it.
        assert_eq!(index.mentioned_in(text), ["Install Guide", "Straße", "^2", "faq", "the guide"]);
        assert!(index.mentioned_in("No brackets here.").is_empty());
        // Case folding can turn "ſ" into "s", so every label may be meant.
        assert_eq!(index.mentioned_in("[ſee]").len(), labels.len());
        assert_eq!(index.mentioned_in("[Überblick]"), ["Straße"]);
    }

    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "Plain words here. ",
        "Second sentence, with `code`. ",
        "\n",
        "\n\n",
        "\r\n\r\n",
        "```\n",
        "~~~",
        "---\n",
        "+++\n",
        "<!--",
        "-->",
        "<div>\n",
        "- ",
        "1. ",
        "> ",
        "    ",
        "# ",
        "===\n",
        "| a | b |\n|---|---|\n",
        "https://example.com/x ",
        "{{< note >}}",
        "\u{feff}",
        "é😀 ",
        "[link](http://x.y) ",
        "*em* ",
        "\\* &amp; ",
        "[ref] ",
        "[Ref][]. ",
        "[text][REF] ",
        "[ ref\n] ",
        "[^note] ",
        "\n\n[ref]: /x\n\n",
        "[^note]: A note.\n\n",
        "Para.\n\n",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn common_ends_are_counted_as_byte_by_byte(
            shared in prop::collection::vec(0u8..3, 0..300),
            a in prop::collection::vec(0u8..3, 0..200),
            b in prop::collection::vec(0u8..3, 0..200),
        ) {
            let (x, y) = ([a.clone(), shared.clone()].concat(), [b.clone(), shared.clone()].concat());
            let naive = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
            prop_assert_eq!(common_prefix(&x, &y), naive);
            let naive = x.iter().rev().zip(y.iter().rev()).take_while(|(p, q)| p == q).count();
            prop_assert_eq!(common_suffix(&x, &y), naive);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Stronger than comparing findings: the document put together from sections is
        /// the document parsed whole, down to every word and link.
        #[test]
        fn sections_make_the_document_a_whole_parse_makes(
            start in text(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..12, text()), 1..10),
        ) {
            let mut text = start;
            let mut sections = resection("", Vec::new(), &text);
            let mut labels = parse_sections(&text, &mut sections, None, Profile::Doc);
            let mut spare = Spare::default();
            for (at, len, insert) in edits {
                let old = text.clone();
                let mut start = at.index(text.len() + 1);
                while !text.is_char_boundary(start) { start -= 1; }
                let mut end = (start + len).min(text.len());
                while !text.is_char_boundary(end) { end += 1; }
                text.replace_range(start..end, &insert);
                sections = resection(&old, sections, &text);
                labels = parse_sections(&text, &mut sections, Some(labels), Profile::Doc);
                let fresh: Vec<usize> = resection("", Vec::new(), &text).iter().map(|s| s.start).collect();
                let kept: Vec<usize> = sections.iter().map(|s| s.start).collect();
                prop_assert_eq!(kept, fresh, "cut as a fresh parse cuts: {:?}", text);
                if sections.len() > 1 && !parsed_alone_as_whole(&sections) {
                    continue;
                }
                let whole = Document::parse(&text, FileKind::Markdown, crate::engine::parse_options(FileKind::Markdown, Profile::Doc));
                // Into the last document's storage, as the language server does.
                let doc = assemble(&text, &sections, std::mem::take(&mut spare));
                prop_assert_eq!(format!("{doc:?}"), format!("{whole:?}"), "{:?}", text);
                spare = Spare::of(doc);
            }
        }
    }

    #[test]
    fn an_edit_reuses_the_sections_around_it() {
        let old = "One.\n\nTwo.\n\nThree.\n";
        let mut sections = resection("", Vec::new(), old);
        parse_sections(old, &mut sections, None, Profile::Doc);
        let new = "One.\n\nTwo, edited.\n\nThree.\n";
        let again = resection(old, sections, new);
        let starts: Vec<usize> = again.iter().map(|s| s.start).collect();
        assert_eq!(starts, [0, 6, 20]);
        // The edited section waits to be parsed; the one after it is kept.
        assert!(again[1].parts.is_none());
        assert_eq!(again[2].parts.as_ref().map(|p| p.words.clone()), Some(vec![Span::new(0, 5)]));
    }
}
