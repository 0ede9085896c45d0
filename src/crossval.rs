//! Grouped cross-validation of the act model and of the message rules that read it, on
//! labeled real messages (`data/messages/batches/`).
//!
//! Messages are split into folds by source (a repository, a list, a channel), so no
//! source is both trained and tested on. A fold's model is trained on the other folds
//! (its thresholds chosen inside them), and every message of the fold is checked by
//! plainly with it, as a user's message would be.
//!
//! `examples/eval_acts.rs` prints the whole table from these pieces; `cargo test` holds a
//! floor under one fold of it (`tests/crossval.rs`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::analysis::acts::{examples_of, intent_examples};
use crate::config::Settings;
use crate::engine::check_document;
use crate::finding::Finding;
use crate::language::acts::train::{self, IntentSentence, LabeledMessage, MessageExamples, Targets, TrainOptions};
use crate::language::acts::{ACT_COUNT, ActModel, ActReader};
use crate::meta::Profile;

/// The message rules the labels judge, in the order the tables show them.
pub const RULES: [&str; 10] = [
    "missing-ask",
    "no-deadline",
    "vague-deadline",
    "time-zone",
    "buried-blocker",
    "buried-ask",
    "bare-greeting",
    "call-without-agenda",
    "missing-context",
    "too-long",
];

/// The parts of a status update that `standup-format` asks for, as the labels name them.
pub const PARTS: [&str; 3] = ["done", "next", "blockers"];

/// A rule with fewer positive labels than this is left out of a macro-F1: its F1 is noise.
pub const MIN_POSITIVES: usize = 5;

/// True and false positives and negatives.
#[derive(Clone, Copy, Debug, Default)]
pub struct Count {
    /// Said and labeled.
    pub tp: usize,
    /// Said, not labeled.
    pub fp: usize,
    /// Labeled, not said.
    pub fn_: usize,
}

impl Count {
    /// Counts one message (or sentence): what the label says and what plainly said.
    pub fn add(&mut self, truth: bool, said: bool) {
        match (truth, said) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    /// Of what was said, the share labeled; 1 when nothing was said.
    pub fn precision(self) -> f64 {
        if self.tp + self.fp == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 }
    }

    /// Of what was labeled, the share said; 1 when nothing was labeled.
    pub fn recall(self) -> f64 {
        if self.tp + self.fn_ == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 }
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: Count) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// How many were labeled.
    pub fn positives(self) -> usize {
        self.tp + self.fn_
    }

    /// "P R F1", two decimals each, for a table.
    pub fn show(self) -> String {
        format!("{:5.2} {:5.2} {:5.2}", self.precision(), self.recall(), self.f1())
    }
}

/// What the cross-validation reads: the labeled messages and the request-intent sentences,
/// each with its training examples.
pub struct Data {
    /// The labeled messages, each text once ([`train::distinct`]).
    pub corpus: Vec<LabeledMessage>,
    /// Their examples, one per message, in the same order.
    pub examples: Vec<MessageExamples>,
    /// The request-intent sentences (the `ask` act only).
    pub intent: Vec<IntentSentence>,
    /// Their examples, in the same order.
    pub intent_examples: Vec<MessageExamples>,
}

impl Data {
    /// Reads the labeled messages under `batches` and, when given, the request-intent
    /// sentences of `ask_intent`.
    pub fn read(batches: &Path, ask_intent: Option<&Path>) -> Result<Data, String> {
        let corpus = train::distinct(train::read_corpus(&train::corpus_files(batches)?)?);
        if corpus.is_empty() {
            return Err(format!("{}: no labeled messages", batches.display()));
        }
        let intent = ask_intent.map(train::read_ask_intent).transpose()?.unwrap_or_default();
        let examples = corpus.iter().map(examples_of).collect();
        let intent_examples = intent.iter().map(intent_examples).collect();
        Ok(Data { corpus, examples, intent, intent_examples })
    }

    /// The model for `fold` of `folds`, trained on the messages and request-intent
    /// sentences of every other fold, from the sources in the first `quarters` of four
    /// (4: all of them; fewer draw a learning curve). Leaked, because settings refer to a
    /// model for the whole run.
    pub fn train_fold(
        &self,
        folds: u32,
        fold: u32,
        quarters: u32,
        options: TrainOptions,
        targets: Targets,
    ) -> &'static ActModel<'static> {
        let training: Vec<&MessageExamples> = self
            .examples
            .iter()
            .chain(&self.intent_examples)
            .filter(|m| {
                train::fold_of(m.group, folds) != fold && train::fold_of(m.group.rotate_right(11), 4) < quarters
            })
            .collect();
        let bytes: &'static [u8] = Box::leak(train::fit(&training, options, targets).encode().into_boxed_slice());
        Box::leak(Box::new(ActModel::read(bytes).expect("a model just trained reads back")))
    }

    /// The messages of `fold` of `folds`.
    pub fn fold(&self, folds: u32, fold: u32) -> impl Iterator<Item = (&LabeledMessage, &MessageExamples)> {
        self.corpus.iter().zip(&self.examples).filter(move |(_, ex)| train::fold_of(ex.group, folds) == fold)
    }
}

/// Settings that read acts with `model`, each act decided by its reader in `readers`.
pub fn settings_with(model: &'static ActModel<'static>, readers: [ActReader; ACT_COUNT]) -> Settings {
    let mut settings = Settings::default();
    settings.act_model = model;
    settings.act_readers = Some(readers);
    settings
}

/// What plainly says of `message` with `settings`: for each rule of [`RULES`], (rule,
/// its label if it has one, whether it fired), and on a status update, the same for each
/// part of [`PARTS`] that `standup-format` can say is missing.
pub fn judge(message: &LabeledMessage, settings: &Settings) -> Vec<(&'static str, Option<bool>, bool)> {
    let doc = train::parse(&message.text);
    let checked = check_document(&doc, Profile::Message, settings);
    let mut out: Vec<(&'static str, Option<bool>, bool)> = RULES
        .iter()
        .map(|&rule| (rule, message.label(rule), checked.findings.iter().any(|f| f.rule == rule)))
        .collect();
    if message.label("standup-format").is_some() {
        let standup = check_document(&doc, Profile::Standup, settings);
        for part in PARTS {
            let truth = message.missing_parts.iter().any(|p| p == part);
            out.push((part, Some(truth), standup.findings.iter().any(|f| says_part_missing(f, part))));
        }
    }
    out
}

/// Whether `finding` is `standup-format` saying that the status update lacks `part`.
fn says_part_missing(finding: &Finding, part: &str) -> bool {
    let words = match part {
        "done" => "what was done",
        "next" => "what is next",
        _ => "blocks you",
    };
    finding.rule == "standup-format" && finding.message.contains(words)
}

/// Per rule and standup part, what plainly said of the messages of `fold` of `folds`,
/// checked with a model trained on the other folds and the acts decided by `readers`.
pub fn score_fold(
    data: &Data,
    folds: u32,
    fold: u32,
    options: TrainOptions,
    targets: Targets,
    readers: [ActReader; ACT_COUNT],
) -> BTreeMap<&'static str, Count> {
    let settings = settings_with(data.train_fold(folds, fold, 4, options, targets), readers);
    let mut counts: BTreeMap<&'static str, Count> = BTreeMap::new();
    for (message, _) in data.fold(folds, fold) {
        for (name, truth, said) in judge(message, &settings) {
            if let Some(truth) = truth {
                counts.entry(name).or_default().add(truth, said);
            }
        }
    }
    counts
}

/// The macro-F1 over the rules of [`RULES`] in `counts` with at least [`MIN_POSITIVES`]
/// positive labels, and the worst of them (`("none", 0.0)` when there is none).
pub fn macro_f1(counts: &BTreeMap<&'static str, Count>) -> (f64, (&'static str, f64)) {
    let scores: Vec<(&'static str, f64)> = RULES
        .iter()
        .filter_map(|rule| counts.get(rule).filter(|c| c.positives() >= MIN_POSITIVES).map(|c| (*rule, c.f1())))
        .collect();
    let macro_f1 = scores.iter().map(|s| s.1).sum::<f64>() / scores.len().max(1) as f64;
    let worst = scores.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or(("none", 0.0));
    (macro_f1, worst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_score_precision_first_and_empty_sides_as_perfect() {
        let mut count = Count::default();
        for (truth, said) in [(true, true), (true, true), (false, true), (true, false), (false, false)] {
            count.add(truth, said);
        }
        assert_eq!((count.tp, count.fp, count.fn_, count.positives()), (2, 1, 1, 3));
        assert_eq!(count.show(), " 0.67  0.67  0.67");
        assert_eq!((Count::default().precision(), Count::default().recall()), (1.0, 1.0));
    }

    #[test]
    fn macro_f1_leaves_out_rules_with_few_positives() {
        let mut counts = BTreeMap::new();
        counts.insert("missing-ask", Count { tp: 4, fp: 0, fn_: 1 });
        counts.insert("time-zone", Count { tp: 5, fp: 5, fn_: 0 });
        counts.insert("too-long", Count { tp: 1, fp: 0, fn_: 0 });
        let (f1, worst) = macro_f1(&counts);
        assert!((f1 - (8.0 / 9.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9, "{f1}");
        assert_eq!(worst.0, "time-zone");
    }
}
