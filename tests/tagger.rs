//! The built-in tagger's accuracy on a fixed slice of the treebank's dev set
//! (`../shared/data/ud-english-ewt`, when present): a floor that fails when training data,
//! features or the model file regress. The figure to report is `tagger_eval` on the test
//! set; this slice is dev, which training may be tuned on.

#![allow(clippy::print_stderr, reason = "a skipped test says why")]

use std::path::Path;

use plainly::language::{conllu, tagger};

/// The first this-many sentences of dev (about 7,000 tokens).
const SLICE: usize = 600;

/// The slice scored 95.72% UPOS with the model as committed. The tagger is deterministic,
/// so the figure moves only when the model, the features or the tagging code change; a
/// retrain with a changed feature may move it a few tenths, more than that is a regression.
const FLOOR: f64 = 95.5;

#[test]
fn accuracy_on_a_dev_slice_holds() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not there", path.display());
        return;
    };
    let sentences = conllu::parse(&text).expect("the dev file parses");
    let (mut right, mut total) = (0, 0);
    for sentence in sentences.iter().take(SLICE) {
        let words: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        for (tag, word) in tagger::tagger().tag(&words).iter().zip(&sentence.words) {
            right += usize::from(tag.upos.name() == word.upos);
            total += 1;
        }
    }
    let accuracy = 100.0 * right as f64 / total as f64;
    eprintln!("UPOS accuracy {accuracy:.2}% on {total} tokens of dev");
    assert!(accuracy >= FLOOR, "UPOS accuracy {accuracy:.2}% on the dev slice fell below {FLOOR}%");
}
