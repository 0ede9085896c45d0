//! What each sentence of the message does, as the message rules read it.
//!
//! Two readers say which acts a sentence has ([`Act`]): the hand-written one (the
//! grammar of [`crate::language::reading`], the phrase lists, and the analyses beside
//! this module: asks, times, meetings, blockers, references), and the trained act model
//! ([`crate::language::acts`]). For each act, [`DECIDED_BY`] says which reader the rules
//! trust: the one that did better on messages it was not trained on, in grouped
//! cross-validation (`cargo run --release --example eval_acts`; the table is in
//! `model/README.md`). A team's own `[[ask]]` entries add asks whatever decides.
//!
//! The rules then read policy only: an ask with no deadline, a meeting with no purpose,
//! a reference with no link, where the first ask or blocker stands.

use super::asks::{Ask, AskKind};
use super::{Context, blockers, meetings, references, times};
use crate::Profile;
use crate::config::Settings;
use crate::input::FileKind;
use crate::language::acts::features as acts_features;
use crate::language::acts::message::{self, FEATURE_COUNT, MessageShape, VERDICT_COUNT, VERDICT_RULES, Verdict};
use crate::language::acts::train::{self, ALL_ACTS, Example, IntentSentence, LabeledMessage, MessageExamples};
use crate::language::acts::{ACT_COUNT, Act, ActReader, ActScores, ActSet, HandActs};
use crate::language::{Acts, Mood};
use crate::lexicon::{List, PhraseMatch};
use crate::span::Span;

/// Which reader decides each act, in [`Act::ALL`]'s order: chosen act by act from the
/// grouped cross-validation of `examples/eval_acts.rs` (see `model/README.md`).
pub const DECIDED_BY: [ActReader; ACT_COUNT] = [
    ActReader::Model,  // ask
    ActReader::Either, // propose
    ActReader::Both,   // meeting
    ActReader::Hand,   // purpose
    ActReader::Hand,   // deadline
    ActReader::Hand,   // vague-time
    ActReader::Hand,   // clock-time
    ActReader::Model,  // greeting
    ActReader::Either, // reference
    ActReader::Both,   // blocker
    ActReader::Both,   // done
    ActReader::Both,   // next
    ActReader::Both,   // no-blockers
    ActReader::Model,  // commit
    ActReader::Either, // answer
    ActReader::Model,  // fyi
];

/// The acts of every sentence of a message, by each reader and as decided.
#[derive(Clone, Debug, Default)]
pub struct MessageActs {
    /// What the hand-written reading finds in each sentence.
    pub hand: Vec<ActSet>,
    /// What the model gives each sentence.
    pub model: Vec<ActScores>,
    /// The acts each sentence surely has, per [`DECIDED_BY`]: what a rule that fires on
    /// an act reads.
    pub decided: Vec<ActSet>,
    /// The acts each sentence may have: what a rule that fires on an act's absence reads.
    /// Every act in `decided` is here too.
    pub possible: Vec<ActSet>,
    /// The sentences that ask, in order, with how they ask.
    pub asks: Vec<Ask>,
    /// The verdict on the whole message for each rule of [`VERDICT_RULES`] the model
    /// decides (none when every act is read by hand).
    pub verdicts: [Option<Verdict>; VERDICT_COUNT],
    /// The features the verdicts read, when there are verdicts.
    pub verdict_features: Option<Box<[f32; FEATURE_COUNT]>>,
    /// Vague time words in sentences whose `vague-time` act is decided.
    pub vague_times: Vec<PhraseMatch>,
    /// The meeting words of each sentence that asks for a meeting, as the hand reading
    /// finds them: where a finding about the meeting points.
    meeting_words: Vec<Option<Span>>,
    /// Whether the message gives an agenda (the word, or a list).
    agenda: bool,
    /// The first reference of each sentence, as the hand reading finds it.
    reference_words: Vec<Option<Span>>,
    /// Whether the message gives something to follow (a link, a ticket).
    linked: bool,
    /// The sentence spans, for anchoring.
    spans: Vec<Span>,
}

/// Reads the acts of every sentence of the message `cx` checks.
pub fn read(cx: &Context<'_>) -> MessageActs {
    read_with(cx, cx.settings.act_readers.as_ref().unwrap_or(&DECIDED_BY))
}

/// What the hand-written reading finds in a message: each sentence's acts, and the words
/// where a finding about a meeting or a reference points.
pub struct HandReading {
    /// Each sentence's acts.
    pub sets: Vec<ActSet>,
    meeting_words: Vec<Option<Span>>,
    reference_words: Vec<Option<Span>>,
}

/// The hand-written reading of every sentence of the message `cx` checks: the grammar of
/// the language layer, the phrase lists, and the analyses of asks, times, meetings,
/// blockers and references.
pub fn hand_reading(cx: &Context<'_>) -> HandReading {
    let doc = cx.doc;
    let count = doc.sentences.len();
    let mut hand = vec![ActSet::default(); count];
    for ask in cx.asks().iter().filter(|ask| ask.grammar) {
        hand[ask.sentence].insert(Act::Ask);
    }
    let phrases = cx.phrases();
    let mut meeting_words = vec![None; count];
    let mut reference_words = vec![None; count];
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let reading = cx.language().sentence(index);
        let set = &mut hand[index];
        let has = |list: List| !phrases.within(list, sentence.span).is_empty();
        if reading.acts.contains(Acts::PROPOSE) || has(List::Proposal) {
            set.insert(Act::Propose);
        }
        if let Some(meeting) = meetings::meeting_request(cx, index) {
            set.insert(Act::Meeting);
            meeting_words[index] = Some(meeting);
            if meetings::purpose_stated(cx, index, meeting) {
                set.insert(Act::Purpose);
            }
        }
        if has(List::Purpose) {
            set.insert(Act::Purpose);
        }
        if has(List::NoDeadline) {
            set.insert(Act::Deadline);
        }
        if reading.is_only_opening() {
            set.insert(Act::Greeting);
        }
        if let Some(reference) = references::reference_in(cx, index) {
            set.insert(Act::Reference);
            reference_words[index] = Some(reference);
        }
        if blockers::blocker_statement(cx, index).is_some() {
            set.insert(Act::Blocker);
        }
        if has(List::StandupDone) {
            set.insert(Act::Done);
        }
        if has(List::StandupNext) {
            set.insert(Act::Next);
        }
        if has(List::NotBlocker) {
            set.insert(Act::NoBlockers);
        }
        if reading.acts.contains(Acts::COMMIT) {
            set.insert(Act::Commit);
        }
        if reading.acts.contains(Acts::LATE_ANSWER) {
            set.insert(Act::Answer);
        }
        if reading.acts.contains(Acts::FYI) || super::fyi_marker_in(cx, sentence.span) {
            set.insert(Act::Fyi);
        }
    }
    for ask in cx.asks().iter().filter(|ask| ask.grammar) {
        if let Some(time) = times::deadline_of(cx, ask.sentence) {
            if let Some(at) = doc.sentence_at(time.start) {
                hand[at].insert(Act::Deadline);
            }
        }
    }
    let time_scan = cx.times();
    for span in time_scan.vague.iter().map(|m| m.span) {
        if let Some(at) = doc.sentence_at(span.start) {
            hand[at].insert(Act::VagueTime);
        }
    }
    for &span in time_scan.clock.iter().chain(&time_scan.end_of_day) {
        if let Some(at) = doc.sentence_at(span.start) {
            hand[at].insert(Act::ClockTime);
        }
    }
    HandReading { sets: hand, meeting_words, reference_words }
}

/// The act model's features of every sentence of the message `cx` checks, given the
/// hand-written reading of each (`hand`), which the model starts from.
pub fn features(cx: &Context<'_>, hand: &[ActSet]) -> Vec<Vec<u32>> {
    let message = message_acts(hand);
    (0..cx.doc.sentences.len())
        .map(|index| {
            acts_features::hashes(cx.language().sentence(index), cx.doc.source, &setting(cx, hand, message, index))
        })
        .collect()
}

/// The named features of sentence `index` (see [`features`]), for `plainly analyze`.
pub fn feature_names(cx: &Context<'_>, hand: &[ActSet], index: usize) -> Vec<String> {
    acts_features::names(cx.language().sentence(index), cx.doc.source, &setting(cx, hand, message_acts(hand), index))
}

/// The acts the hand reading finds anywhere in the message.
fn message_acts(hand: &[ActSet]) -> ActSet {
    ActSet::from_bits(hand.iter().fold(0, |bits, set| bits | set.bits()))
}

/// Where sentence `index` stands, with what the hand reading finds around it.
fn setting<'c>(
    cx: &'c Context<'_>,
    hand: &[ActSet],
    message: ActSet,
    index: usize,
) -> acts_features::SentenceSetting<'c> {
    let mut setting = cx.language().setting(index);
    setting.hand = HandActs {
        sentence: hand[index],
        previous: index.checked_sub(1).map_or(ActSet::default(), |p| hand[p]),
        message,
    };
    setting
}

/// The training examples of a labeled message: each sentence's features, as `plainly
/// check` computes them for a plain-text draft, and the acts its labels give it.
pub fn examples_of(message: &LabeledMessage) -> MessageExamples {
    let doc = train::parse(&message.text);
    let settings = Settings::default();
    let cx = Context::new(&doc, &settings, Profile::Message);
    let hand = hand_reading(&cx);
    let labels = train::sentence_acts(&doc, &message.act_spans());
    let sentences = features(&cx, &hand.sets)
        .into_iter()
        .zip(labels)
        .map(|(hashes, acts)| Example { hashes, acts, labeled: ALL_ACTS })
        .collect();
    MessageExamples {
        group: acts_features::hash(&message.group()),
        sentences,
        shape: shape_of(&cx),
        hand: hand.sets,
        verdict_labels: VERDICT_RULES.map(|rule| message.label(rule)),
    }
}

/// The training examples of a sentence labeled for request intent alone: checked as a
/// one-sentence message, as `plainly check` reads one, and labeled for `ask` only. Its
/// group is the hash of its text, so each sentence is a source of its own.
pub fn intent_examples(sentence: &IntentSentence) -> MessageExamples {
    let doc = train::parse(&sentence.text);
    let settings = Settings::default();
    let cx = Context::new(&doc, &settings, Profile::Message);
    let hand = hand_reading(&cx);
    let acts = if sentence.asks { ActSet::of(&[Act::Ask]) } else { ActSet::default() };
    let labeled = ActSet::of(&[Act::Ask]);
    let sentences = features(&cx, &hand.sets).into_iter().map(|hashes| Example { hashes, acts, labeled }).collect();
    MessageExamples {
        group: acts_features::hash(&sentence.text),
        sentences,
        shape: shape_of(&cx),
        hand: hand.sets,
        // Sentences labeled for the ask alone teach the act model, not the verdicts:
        // trained on them too, the verdict on real messages lost more precision than it
        // gained on single sentences (see `model/README.md`).
        verdict_labels: [None; VERDICT_COUNT],
    }
}

/// The shape of the message `cx` checks, as a verdict reads it.
fn shape_of(cx: &Context<'_>) -> MessageShape {
    MessageShape::of(cx.doc.source, cx.doc.word_count())
}

/// Reads the acts of every sentence, each act decided by `decided_by` (the evaluation
/// compares readers this way).
pub fn read_with(cx: &Context<'_>, decided_by: &[ActReader; ACT_COUNT]) -> MessageActs {
    let doc = cx.doc;
    let count = doc.sentences.len();
    let HandReading { sets: hand, meeting_words, reference_words } = hand_reading(cx);
    let hand_asks = cx.asks();
    let act_model = cx.settings.act_model;
    let model: Vec<ActScores> = features(cx, &hand).iter().map(|hashes| act_model.score(hashes)).collect();
    // The verdicts read the model's scores; the hand reading alone uses no model.
    let verdict_features = (!decided_by.iter().all(|r| *r == ActReader::Hand)).then(|| {
        let probabilities: Vec<[f32; ACT_COUNT]> = model.iter().map(|s| s.probability).collect();
        Box::new(message::features(&probabilities, &hand, &shape_of(cx)))
    });
    let verdicts = VERDICT_RULES.map(|rule| verdict_features.as_ref().and_then(|f| act_model.verdict(rule, f)));
    let mut decided = vec![ActSet::default(); count];
    let mut possible = vec![ActSet::default(); count];
    for index in 0..count {
        let (scores, found) = (&model[index], hand[index]);
        for act in Act::ALL {
            let reader = decided_by[act.index()];
            let (h, sure, may) = (found.contains(act), scores.acts.contains(act), scores.possible.contains(act));
            if reader.sure(h, sure, may) {
                decided[index].insert(act);
                possible[index].insert(act);
            }
            if reader.possible(h, may) {
                possible[index].insert(act);
            }
        }
    }
    // The spec's hard cases. A heading is a label, not a request, even when it is a
    // question ("## What is blocking the release?"). A sentence that points inside the
    // message or its thread ("as discussed below", "this PR") refers to nothing the
    // reader lacks, whatever else it reads like.
    for index in 0..count {
        if matches!(doc.blocks[doc.sentences[index].block].kind, crate::document::BlockKind::Heading(_)) {
            for act in [Act::Ask, Act::Propose] {
                decided[index].remove(act);
                possible[index].remove(act);
            }
        }
        if !hand[index].contains(Act::Reference) && references::points_inside(cx, index) {
            decided[index].remove(Act::Reference);
            possible[index].remove(Act::Reference);
        }
    }
    // In a standup update or a commit message a bare imperative is the writer's own plan
    // ("Fix the login bug"), and the hand reading already knows it.
    if cx.profile == Profile::Standup || doc.kind == FileKind::Commit {
        for index in 0..count {
            if !hand[index].contains(Act::Ask) && cx.language().sentence(index).mood == Mood::Imperative {
                decided[index].remove(Act::Ask);
                possible[index].remove(Act::Ask);
            }
        }
    }
    // A team's own [[ask]] and [[imperative]] entries make asks whatever decides.
    for ask in hand_asks.iter().filter(|ask| !ask.grammar) {
        decided[ask.sentence].insert(Act::Ask);
        possible[ask.sentence].insert(Act::Ask);
    }
    let asks = decided
        .iter()
        .enumerate()
        .filter(|(_, set)| set.contains(Act::Ask))
        .map(|(index, _)| {
            // The hand reading's asks are in sentence order.
            let hand_ask = hand_asks.binary_search_by_key(&index, |a| a.sentence).ok().map(|at| hand_asks[at]);
            let kind = hand_ask.map(|a| a.kind).unwrap_or_else(|| match cx.language().sentence(index).mood {
                Mood::Question => AskKind::Question,
                Mood::Imperative => AskKind::Imperative,
                Mood::Statement | Mood::Fragment => AskKind::Request,
            });
            // The hand reading's ask already knows where it is read, for the same kind.
            let span = hand_ask.map_or_else(|| super::asks::asking_span(cx, index, kind), |a| a.span);
            Ask { sentence: index, span, kind, grammar: true }
        })
        .collect();
    let vague_times = cx
        .times()
        .vague_words
        .iter()
        .copied()
        .filter(|m| doc.sentence_at(m.span.start).is_some_and(|at| decided[at].contains(Act::VagueTime)))
        .collect();
    // A regular expression over the whole text: only asked when there is a reference.
    let linked = decided.iter().any(|set| set.contains(Act::Reference)) && references::has_link(cx);
    MessageActs {
        hand,
        model,
        decided,
        possible,
        asks,
        verdicts,
        verdict_features,
        vague_times,
        meeting_words,
        agenda: meetings::has_agenda(cx),
        reference_words,
        linked,
        spans: doc.sentences.iter().map(|s| s.span).collect(),
    }
}

impl MessageActs {
    /// Whether the model's verdict on the whole message says `rule` fires, if the model
    /// decides `rule` ([`VERDICT_RULES`]).
    pub fn verdict(&self, rule: &str) -> Option<bool> {
        let at = VERDICT_RULES.iter().position(|r| *r == rule)?;
        self.verdicts[at].map(|v| v.fires)
    }

    /// Whether some sentence surely has `act`.
    pub fn any(&self, act: Act) -> bool {
        self.decided.iter().any(|set| set.contains(act))
    }

    /// Whether some sentence may have `act`: when not, the message surely lacks it.
    pub fn may_have(&self, act: Act) -> bool {
        self.possible.iter().any(|set| set.contains(act))
    }

    /// The first sentence that surely has `act`.
    pub fn first(&self, act: Act) -> Option<usize> {
        self.decided.iter().position(|set| set.contains(act))
    }

    /// The first sentence that may have `act`.
    pub fn first_possible(&self, act: Act) -> Option<usize> {
        self.possible.iter().position(|set| set.contains(act))
    }

    /// The meeting the message asks for when it states no purpose for it: the meeting
    /// words of the first sentence that surely asks for one (or the sentence, where only
    /// the model saw the request), if no sentence may give a purpose and there is no
    /// agenda.
    pub fn meeting_without_purpose(&self) -> Option<ActPlace> {
        if self.agenda || self.may_have(Act::Purpose) {
            return None;
        }
        let first = self.first(Act::Meeting)?;
        Some(ActPlace::of(self.meeting_words[first], self.spans[first]))
    }

    /// The first reference to something the reader may not have, when the message gives
    /// no link or ticket: its words, or the sentence where only the model saw it.
    pub fn unlinked_reference(&self) -> Option<ActPlace> {
        if self.linked {
            return None;
        }
        let first = self.first(Act::Reference)?;
        Some(ActPlace::of(self.reference_words[first], self.spans[first]))
    }
}

/// Where a finding about an act points: the words that carry it, or its whole sentence
/// when only the act model saw the act there, which a finding's message then says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActPlace {
    /// The words, or the sentence.
    pub span: Span,
    /// Whether `span` is the words that carry the act, not the sentence.
    pub words: bool,
}

impl ActPlace {
    fn of(words: Option<Span>, sentence: Span) -> ActPlace {
        ActPlace { span: words.unwrap_or(sentence), words: words.is_some() }
    }
}
