//! What each sentence of a message does (its *acts*), predicted by a trained linear model.
//!
//! The acts are those of the labeling guide (`data/messages/GUIDE.md`): a sentence asks,
//! proposes, asks for a meeting, gives a meeting's purpose, a deadline, a vague time or a
//! clock time, greets, points to an artifact, states a blocker, reports work done or
//! planned, says nothing blocks, commits the writer, answers an earlier message, or marks
//! the message FYI. Several at once are common ("Hi Sam, can we talk today?" greets, asks
//! and asks for a meeting).
//!
//! The model is one logistic regression per act over sparse features of the sentence
//! ([`features`]): its words and word pairs, their tags, the hand-written reading of
//! [`super::reading`] (mood, addressee, the constructions it recognises) as named
//! features, its place in the message and what the sentence before it did. It is trained
//! on labeled real messages by `cargo run --release --example train_acts` ([`train`]),
//! compiled in from `model/acts.bin`; each act has a threshold chosen for precision (the
//! model is sure of it) and one chosen for recall (it may be there).
//! Which rules trust the model for which act, and which keep the hand reading, is decided
//! in the analysis layer from grouped cross-validation (`examples/eval_acts.rs`).

pub mod features;
pub mod message;
pub mod model;
pub mod train;

use std::sync::LazyLock;

pub use features::{HandActs, MessageSetting, SentenceSetting};
pub use model::ActModel;

/// One thing a sentence does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Act {
    /// Asks the reader to do, answer, decide, review or provide something.
    Ask,
    /// Proposes a joint action ("Let's move it to Thursday.").
    Propose,
    /// Asks for, proposes or offers a meeting or call that is not yet set.
    Meeting,
    /// Says what a meeting is for, or gives its agenda.
    Purpose,
    /// Gives the time by which an ask is needed.
    Deadline,
    /// Times an action with a vague word ("ASAP", "soon").
    VagueTime,
    /// Writes a clock time or an end-of-day term.
    ClockTime,
    /// Greets, pings, bumps, checks presence or thanks, and says nothing else.
    Greeting,
    /// Points to an artifact or an earlier conversation the reader may not have.
    Reference,
    /// States that the writer or team is blocked now.
    Blocker,
    /// Reports work completed.
    Done,
    /// States planned or ongoing work.
    Next,
    /// Says there is no blocker.
    NoBlockers,
    /// Commits the writer to an action.
    Commit,
    /// Answers a question or reacts to an earlier message.
    Answer,
    /// Marks the message as needing no action.
    Fyi,
}

/// How many acts there are.
pub const ACT_COUNT: usize = 16;

impl Act {
    /// Every act, in the guide's order.
    pub const ALL: [Act; ACT_COUNT] = [
        Act::Ask,
        Act::Propose,
        Act::Meeting,
        Act::Purpose,
        Act::Deadline,
        Act::VagueTime,
        Act::ClockTime,
        Act::Greeting,
        Act::Reference,
        Act::Blocker,
        Act::Done,
        Act::Next,
        Act::NoBlockers,
        Act::Commit,
        Act::Answer,
        Act::Fyi,
    ];

    /// The act's name in the labeling guide and in `plainly analyze`.
    pub fn name(self) -> &'static str {
        match self {
            Act::Ask => "ask",
            Act::Propose => "propose",
            Act::Meeting => "meeting",
            Act::Purpose => "purpose",
            Act::Deadline => "deadline",
            Act::VagueTime => "vague-time",
            Act::ClockTime => "clock-time",
            Act::Greeting => "greeting",
            Act::Reference => "reference",
            Act::Blocker => "blocker",
            Act::Done => "done",
            Act::Next => "next",
            Act::NoBlockers => "no-blockers",
            Act::Commit => "commit",
            Act::Answer => "answer",
            Act::Fyi => "fyi",
        }
    }

    /// The act named `name`.
    pub fn from_name(name: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|act| act.name() == name)
    }

    /// Its place in [`Act::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A set of acts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ActSet(u16);

impl ActSet {
    /// The set of `acts`.
    pub fn of(acts: &[Act]) -> ActSet {
        let mut set = ActSet::default();
        for &act in acts {
            set.insert(act);
        }
        set
    }

    /// Whether `act` is in the set.
    pub fn contains(self, act: Act) -> bool {
        self.0 & (1 << act.index()) != 0
    }

    /// Adds `act`.
    pub fn insert(&mut self, act: Act) {
        self.0 |= 1 << act.index();
    }

    /// Takes `act` away.
    pub fn remove(&mut self, act: Act) {
        self.0 &= !(1 << act.index());
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The acts in the set, in [`Act::ALL`]'s order.
    pub fn iter(self) -> impl Iterator<Item = Act> {
        Act::ALL.into_iter().filter(move |act| self.contains(*act))
    }

    /// The set as bits, act `k` at bit `k`.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// The set with these bits.
    pub const fn from_bits(bits: u16) -> ActSet {
        ActSet(bits)
    }
}

/// The model's probability of each act for one sentence, and the acts over each of
/// their thresholds (see [`model`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActScores {
    /// Probability of each act, indexed by [`Act::index`].
    pub probability: [f32; ACT_COUNT],
    /// The acts the model is sure of: their probability reaches the threshold chosen for
    /// precision.
    pub acts: ActSet,
    /// The acts that may be there: their probability reaches the threshold chosen for
    /// recall. Every act in `acts` is here too.
    pub possible: ActSet,
}

impl ActScores {
    /// The probability of `act`.
    pub fn of(&self, act: Act) -> f32 {
        self.probability[act.index()]
    }
}

/// Which reader decides an act. Each gives two answers: whether a sentence surely has
/// the act (what a rule that fires on it reads), and whether it may have it (what clears
/// a rule that fires on its absence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActReader {
    /// The hand-written reading alone, for both answers.
    Hand,
    /// The trained model alone: sure over its sure threshold, possible over its possible
    /// one.
    Model,
    /// Sure where the hand reading finds it and the model allows it; possible where either
    /// may.
    Both,
    /// Sure where either is sure; possible where either may.
    Either,
    /// The hand reading where the model allows it, for both answers: the model can only
    /// take an act away. For an act whose absence a rule fires on, a hand reading that
    /// finds it too readily ("a time anywhere in the message is the ask's deadline")
    /// keeps the rule quiet; the model vetoes the readings it is sure are wrong.
    Allowed,
}

impl ActReader {
    /// The name `plainly analyze` and the evaluation show.
    pub fn name(self) -> &'static str {
        match self {
            ActReader::Hand => "hand",
            ActReader::Model => "model",
            ActReader::Both => "both",
            ActReader::Either => "either",
            ActReader::Allowed => "allowed",
        }
    }

    /// Every reader, for the evaluation to compare.
    pub const ALL: [ActReader; 5] =
        [ActReader::Hand, ActReader::Model, ActReader::Both, ActReader::Either, ActReader::Allowed];

    /// Whether a sentence surely has an act, given whether the hand reading finds it and
    /// whether the model is sure of it or allows it.
    pub fn sure(self, hand: bool, model_sure: bool, model_possible: bool) -> bool {
        match self {
            ActReader::Hand => hand,
            ActReader::Model => model_sure,
            ActReader::Both | ActReader::Allowed => hand && model_possible,
            ActReader::Either => hand || model_sure,
        }
    }

    /// Whether a sentence may have an act, given whether the hand reading finds it and
    /// whether the model allows it.
    pub fn possible(self, hand: bool, model_possible: bool) -> bool {
        match self {
            ActReader::Hand => hand,
            ActReader::Model => model_possible,
            ActReader::Both | ActReader::Either => hand || model_possible,
            ActReader::Allowed => hand && model_possible,
        }
    }
}

/// The act model compiled into plainly; see `model/README.md` for its data.
static MODEL_BYTES: &[u8] = include_bytes!("../../../model/acts.bin");

static MODEL: LazyLock<ActModel<'static>> =
    LazyLock::new(|| ActModel::read(MODEL_BYTES).expect("the built-in act model is checked by its tests"));

/// The built-in act model, read on first use.
pub fn builtin() -> &'static ActModel<'static> {
    &MODEL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_order() {
        for (k, act) in Act::ALL.into_iter().enumerate() {
            assert_eq!(act.index(), k);
            assert_eq!(Act::from_name(act.name()), Some(act));
        }
        assert_eq!(Act::from_name("nothing"), None);
    }

    #[test]
    fn sets_hold_what_is_put_in() {
        let mut set = ActSet::of(&[Act::Ask, Act::Fyi]);
        assert!(set.contains(Act::Ask) && set.contains(Act::Fyi) && !set.contains(Act::Done));
        set.remove(Act::Ask);
        assert_eq!(set.iter().collect::<Vec<_>>(), [Act::Fyi]);
        assert_eq!(ActSet::from_bits(set.bits()), set);
    }

    #[test]
    fn the_builtin_model_reads_and_knows_every_act() {
        let model = builtin();
        assert_eq!(model.act_names().collect::<Vec<_>>(), Act::ALL.map(Act::name));
        model.validate().unwrap();
    }
}
