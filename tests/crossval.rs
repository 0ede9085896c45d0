//! A floor under the grouped cross-validation of the act model (`plainly::crossval`;
//! `cargo run --release --example eval_acts` prints the whole table): one fold of five,
//! its model trained on the other four by the same command that trains the shipped one,
//! and every message of the fold checked with it. No source of the fold is trained on, so
//! the figure is an estimate on messages the model never saw, as eval_acts reports it.
//!
//! The floor sits a few points under today's figure for this fold (in `FLOOR`'s comment).
//! Raise it when the model gets better; never lower it to let a change through without
//! saying why.

use std::path::Path;

use plainly::analysis::acts::DECIDED_BY;
use plainly::crossval::{self, Data};
use plainly::language::acts::train::{Targets, TrainOptions};

/// Folds, as `eval_acts` splits the corpus.
const FOLDS: u32 = 5;
/// The fold held out here.
const FOLD: u32 = 0;
/// Macro-F1 of the message rules on the fold, over the rules with at least five positive
/// labels there. It is 0.654 with today's model and reading, on 3,692 messages
/// (buried-blocker lowest, 0.32); the whole five-fold figure is in `model/README.md`.
const FLOOR: f64 = 0.63;

#[test]
fn a_held_out_fold_of_the_cross_validation_keeps_its_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = Data::read(&root.join("data/messages/batches"), Some(&root.join("data/ask-intent/parakweet-dev.tsv")))
        .expect("the labeled corpus reads");
    let counts = crossval::score_fold(&data, FOLDS, FOLD, TrainOptions::default(), Targets::default(), DECIDED_BY);
    let (macro_f1, worst) = crossval::macro_f1(&counts);
    let table: Vec<String> =
        counts.iter().map(|(rule, count)| format!("{rule:20} {:>3} {}", count.positives(), count.show())).collect();
    assert!(
        macro_f1 >= FLOOR,
        "fold {FOLD} of {FOLDS}: rules macro-F1 {macro_f1:.3} (min {:.2} on {}) fell under {FLOOR}:\n{}",
        worst.1,
        worst.0,
        table.join("\n")
    );
}
