//! Facts about a message that several rules need, read from the document, its language
//! layer and the settings: which sentences ask something of the reader, which times and
//! time words it contains, whether it says no action is needed, whether it is only a
//! greeting. Each is computed once per document, on first use, through [`Context`], the
//! one thing a rule reads.

pub mod acts;
pub mod asks;
pub mod blockers;
pub mod greeting;
pub mod labels;
pub mod meetings;
pub mod references;
pub mod times;

use std::cell::OnceCell;

use crate::Profile;
use crate::config::Settings;
use crate::document::Document;
use crate::language::{Acts, Language};
use crate::lexicon::{Lexicon, List, PhraseScan};
use crate::meta::RuleMeta;
use crate::span::Span;
use asks::Ask;
use times::TimeScan;

/// Everything a rule may read. Rules do no I/O and never see the config file.
pub struct Context<'a> {
    /// The document being checked.
    pub doc: &'a Document<'a>,
    /// The resolved settings.
    pub settings: &'a Settings,
    /// The profile in effect.
    pub profile: Profile,
    language: Language<'a>,
    phrases: OnceCell<PhraseScan>,
    asks: OnceCell<Vec<Ask>>,
    clock: OnceCell<Vec<crate::span::Span>>,
    times: OnceCell<TimeScan>,
    deadlines: OnceCell<times::Deadlines>,
    acts: OnceCell<acts::MessageActs>,
}

impl<'a> Context<'a> {
    /// A context for checking `doc`.
    pub fn new(doc: &'a Document<'a>, settings: &'a Settings, profile: Profile) -> Context<'a> {
        Context {
            doc,
            settings,
            profile,
            language: Language::new(doc, doc.reply || settings.reply),
            phrases: OnceCell::new(),
            asks: OnceCell::new(),
            clock: OnceCell::new(),
            times: OnceCell::new(),
            deadlines: OnceCell::new(),
            acts: OnceCell::new(),
        }
    }

    /// The same context with `doc`'s phrase matches already found (by the incremental
    /// re-check, from the parts of the text that did not change).
    pub(crate) fn with_phrases(self, phrases: PhraseScan) -> Context<'a> {
        // A new context's cell is empty, so this cannot fail; were it full, it would hold
        // the same scan.
        let _ = self.phrases.set(phrases);
        self
    }

    /// The phrase lists.
    pub fn lexicon(&self) -> &Lexicon {
        &self.settings.lexicon
    }

    /// The language layer's reading of the document's sentences.
    pub fn language(&self) -> &Language<'a> {
        &self.language
    }

    /// What the rules conclude about the message as a whole.
    pub fn message_facts(&self) -> MessageFacts {
        message_facts(self)
    }

    /// Every phrase list's matches, scanned once per document.
    pub fn phrases(&self) -> &PhraseScan {
        self.phrases.get_or_init(|| self.settings.lexicon.scan(self.doc, self.profile))
    }

    /// The sentences that ask something of the reader, found once per document.
    pub fn asks(&self) -> &[Ask] {
        self.asks.get_or_init(|| asks::find(self))
    }

    /// What each sentence does, read once per document.
    pub fn acts(&self) -> &acts::MessageActs {
        self.acts.get_or_init(|| acts::read(self))
    }

    /// The clock times a writer means ("3pm", "15:00", "at 10.30"; not timestamps), in
    /// order, found once per document. Cheaper than [`Context::times`], which also reads
    /// which vague words time an action.
    pub fn clock_times(&self) -> &[crate::span::Span] {
        self.clock.get_or_init(|| times::clock_times(self))
    }

    /// Times, dates and time words, found once per document.
    pub fn times(&self) -> &TimeScan {
        self.times.get_or_init(|| times::scan(self))
    }

    /// The concrete times that can bound an ask, found once per document.
    pub fn deadlines(&self) -> &times::Deadlines {
        self.deadlines.get_or_init(|| times::find_deadlines(self))
    }

    /// The value of one of `rule`'s numeric options.
    pub fn option(&self, rule: &RuleMeta, name: &str) -> u32 {
        self.settings.option(rule, name)
    }
}

/// What the rules conclude about a message as a whole, as `plainly analyze` shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MessageFacts {
    /// The first sentence that asks something of the reader.
    pub first_ask: Option<Span>,
    /// The time that bounds an ask: the first ask's, or a later one's.
    pub deadline: Option<Span>,
    /// Whether the message says no action is needed.
    pub fyi: bool,
    /// Whether the message is only greetings, names and presence checks.
    pub greeting_only: bool,
}

/// The facts of the message `cx` checks.
pub fn message_facts(cx: &Context<'_>) -> MessageFacts {
    let asks = &cx.acts().asks;
    MessageFacts {
        first_ask: asks.first().map(|ask| ask.span),
        deadline: asks.iter().find_map(|ask| times::deadline_of(cx, ask.sentence)),
        fyi: is_marked_fyi(cx),
        greeting_only: greeting::greeting_only(cx).is_some(),
    }
}

/// Whether an FYI marker says no action is needed. Entries marked `sentence-start`
/// ("Reminder", "PSA") count only when they open a sentence: "Reminder: the office is
/// closed" tells, "you saw the announcement" does not.
pub fn is_marked_fyi(cx: &Context<'_>) -> bool {
    fyi_marker_in(cx, Span::new(0, cx.doc.prose.len()))
}

/// Whether an FYI marker stands in `span` (see [`is_marked_fyi`]), or a sentence there
/// announces news to the readers ("We're pleased to announce the release of 0.9"): the
/// spec counts an announcement that tells as an FYI marker.
pub fn fyi_marker_in(cx: &Context<'_>, span: Span) -> bool {
    let doc = cx.doc;
    let entries = cx.lexicon().entries(List::Fyi);
    let marked = cx.phrases().within(List::Fyi, span).iter().any(|m| {
        !entries[m.entry].sentence_start
            || doc.sentence_at(m.span.start).is_some_and(|s| cx.language().sentence(s).opens_at(m.span.start))
    });
    let first = doc.sentences.partition_point(|s| s.span.start < span.start);
    marked
        || (first..doc.sentences.len())
            .take_while(|&index| doc.sentences[index].span.end <= span.end)
            .any(|index| cx.language().sentence(index).acts.contains(Acts::ANNOUNCE))
}
