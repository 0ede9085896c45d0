//! Trains plainly's act model on the labeled messages in `data/messages/batches/` and
//! writes `model/acts.bin`:
//!
//! ```sh
//! cargo run --release --example train_acts            # data/messages/batches → model/acts.bin
//! cargo run --release --example train_acts -- --data DIR --out FILE --sure-beta 0.5 --possible-beta 1.5
//! ```
//!
//! The request-intent sentences of `data/ask-intent/` (labeled by others for requests
//! alone) train the `ask` act too; `--ask-intent none` leaves them out.
//!
//! Deterministic: the same corpus gives the same file, byte for byte. Each act's
//! thresholds are chosen on messages held out by source inside the corpus: the one the
//! model is sure at maximises the F-score with `--sure-beta` (0.5, precision first), the
//! one an act may be there at the F-score with `--possible-beta` (1.5, recall first); see
//! `model/README.md`.

// A command-line program: printing is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use plainly::language::acts::train::{self, MessageExamples, Targets, TrainOptions};
use plainly::language::acts::{Act, ActModel};

fn main() -> ExitCode {
    let mut data = PathBuf::from("data/messages/batches");
    let mut out = PathBuf::from("model/acts.bin");
    let mut ask_intent = Some(PathBuf::from("data/ask-intent/parakweet-dev.tsv"));
    let mut targets = Targets::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--data", Some(value)) => data = value.into(),
            ("--out", Some(value)) => out = value.into(),
            ("--ask-intent", Some(value)) => ask_intent = (value != "none").then(|| value.into()),
            ("--sure-beta", Some(value)) => match value.parse() {
                Ok(b) => targets.sure_beta = b,
                Err(_) => return fail(&format!("--sure-beta {value}: not a number")),
            },
            ("--possible-beta", Some(value)) => match value.parse() {
                Ok(b) => targets.possible_beta = b,
                Err(_) => return fail(&format!("--possible-beta {value}: not a number")),
            },
            _ => {
                return fail(&format!(
                    "unknown argument {arg}; use --data DIR, --out FILE, --ask-intent FILE|none, --sure-beta B, --possible-beta B"
                ));
            }
        }
    }
    let files = match train::corpus_files(&data) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => return fail(&format!("{}: no .jsonl files", data.display())),
        Err(err) => return fail(&err),
    };
    let corpus = match train::read_corpus(&files) {
        Ok(corpus) => train::distinct(corpus),
        Err(err) => return fail(&err),
    };
    let mut examples: Vec<MessageExamples> = corpus.iter().map(plainly::analysis::acts::examples_of).collect();
    let intent = match ask_intent.as_deref().map(train::read_ask_intent).transpose() {
        Ok(intent) => intent.unwrap_or_default(),
        Err(err) => return fail(&err),
    };
    examples.extend(intent.iter().map(plainly::analysis::acts::intent_examples));
    let refs: Vec<&MessageExamples> = examples.iter().collect();
    let sentences: usize = examples.iter().map(|m| m.sentences.len()).sum();
    let data = train::fit(&refs, TrainOptions::default(), targets);
    let bytes = data.encode();
    let model = match ActModel::read(&bytes) {
        Ok(model) => model,
        Err(err) => return fail(&format!("the trained model does not read back: {err}")),
    };
    if let Err(err) = std::fs::write(&out, &bytes) {
        return fail(&format!("{}: {err}", out.display()));
    }
    println!(
        "{} messages and {} request-intent sentences, {sentences} sentences → {} ({} features, {} bytes)",
        corpus.len(),
        intent.len(),
        out.display(),
        model.feature_count(),
        bytes.len()
    );
    for (k, act) in Act::ALL.iter().enumerate() {
        let (sure, possible) = model.thresholds(k);
        println!("  {:12} sure at {sure:.2}, possible at {possible:.2}", act.name());
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("train_acts: {message}");
    ExitCode::from(2)
}
