//! Grouped cross-validation of plainly's act model and of the message rules that read
//! it, on the labeled messages in `data/messages/batches/`:
//!
//! ```sh
//! cargo run --release --example eval_acts                 # 5 folds, with a learning curve
//! cargo run --release --example eval_acts -- --folds 5 --no-curve --data DIR
//! ```
//!
//! Messages are split into folds by source (a repository, a list, a channel), so no
//! source is both trained and tested on. For each fold a model is trained on the others
//! (its thresholds chosen inside them) and every message of the fold is checked by
//! plainly with it. Printed:
//!
//! - per act, over sentences: precision, recall and F1 of the hand-written reading, the
//!   model, both, and either, and which of them `DECIDED_BY` uses;
//! - per rule, over messages: precision, recall and F1 with the acts as decided, and with
//!   the hand reading alone (what plainly did before the model);
//! - `standup-format` per part (done, next, blockers) on the status updates;
//! - a learning curve: the same, trained on 25 %, 50 % and 100 % of each fold's training
//!   part.
//!
//! The last line is `rules macro-F1 X (min Y on RULE); acts mean F1 Z`.

// A command-line program: printing is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use plainly::Profile;
use plainly::analysis::Context;
use plainly::analysis::acts::{self, DECIDED_BY};
use plainly::crossval::{self, Count, Data, PARTS, RULES};
use plainly::language::acts::train::{self, LabeledMessage, MessageExamples, Targets, TrainOptions};
use plainly::language::acts::{ACT_COUNT, Act, ActModel, ActReader};

/// Where the tally keeps each act as decided, after one place per reader.
const DECIDED: usize = ActReader::ALL.len();

/// How each fold's model is trained.
#[derive(Clone, Copy)]
struct Setup {
    options: TrainOptions,
    targets: Targets,
    /// An act whose misses and false finds to print, sentence by sentence.
    show: Option<Act>,
    /// Which reader decides each act in the "acts as decided" columns.
    readers: [ActReader; ACT_COUNT],
    /// Where to write each held-out message's scores and labels, one JSON line each.
    dump: Option<&'static std::sync::Mutex<std::fs::File>>,
}

/// Everything counted over the folds.
#[derive(Default)]
struct Tally {
    /// Per act and reader (hand, model, both, either, as decided), over sentences.
    acts: BTreeMap<(usize, usize), Count>,
    /// Per rule: as decided, and with the hand reading alone.
    rules: BTreeMap<(&'static str, bool), Count>,
    /// Per standup part: as decided, and by hand.
    parts: BTreeMap<(&'static str, bool), Count>,
    /// Request-intent sentences: asks (missing-ask quiet) against their labels.
    intent: Count,
    /// Per message: the model's highest probability of each act, and whether the
    /// message has it.
    messages: Vec<([f32; ACT_COUNT], [bool; ACT_COUNT])>,
}

fn main() -> ExitCode {
    let mut data = PathBuf::from("data/messages/batches");
    let mut folds = 5u32;
    let mut curve = true;
    let mut ask_intent = Some(PathBuf::from("data/ask-intent/parakweet-dev.tsv"));
    let mut choose = false;
    let mut setup = Setup {
        options: TrainOptions::default(),
        targets: Targets::default(),
        show: None,
        readers: DECIDED_BY,
        dump: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = || args.next().and_then(|v| v.parse::<f64>().ok());
        match arg.as_str() {
            "--data" => data = args.next().unwrap_or_default().into(),
            "--folds" => folds = number().map_or(5, |v| v as u32).max(2),
            "--no-curve" => curve = false,
            "--c" => setup.options.c = number().unwrap_or(setup.options.c),
            "--iterations" => setup.options.iterations = number().map_or(setup.options.iterations, |v| v as usize),
            "--min-count" => setup.options.min_count = number().map_or(setup.options.min_count, |v| v as usize),
            "--sure-beta" => setup.targets.sure_beta = number().map_or(setup.targets.sure_beta, |v| v as f32),
            "--possible-beta" => {
                setup.targets.possible_beta = number().map_or(setup.targets.possible_beta, |v| v as f32)
            }
            "--no-verdicts" => setup.targets.verdicts = false,
            "--verdict-beta" => setup.targets.verdict_beta = number().map_or(setup.targets.verdict_beta, |v| v as f32),
            "--show" => setup.show = args.next().and_then(|name| Act::from_name(&name)),
            "--choose-readers" => choose = true,
            "--ask-intent" => ask_intent = args.next().filter(|v| v != "none").map(PathBuf::from),
            "--dump" => {
                let path = args.next().unwrap_or_default();
                match std::fs::File::create(&path) {
                    Ok(file) => setup.dump = Some(Box::leak(Box::new(std::sync::Mutex::new(file)))),
                    Err(err) => {
                        eprintln!("eval_acts: {path}: {err}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--readers" => {
                // "model" for every act, or "ask=hand,deadline=either,…" over the defaults.
                for part in args.next().unwrap_or_default().split(',') {
                    let (acts, name) = match part.split_once('=') {
                        Some((act, name)) => (Act::from_name(act).map(|a| vec![a]).unwrap_or_default(), name),
                        None => (Act::ALL.to_vec(), part),
                    };
                    if let Some(reader) = ActReader::ALL.into_iter().find(|r| r.name() == name) {
                        for act in acts {
                            setup.readers[act.index()] = reader;
                        }
                    }
                }
            }
            _ => {
                eprintln!(
                    "eval_acts: unknown argument {arg}; use --data DIR, --folds N, --no-curve, --c C, \
                     --iterations N, --min-count N, --sure-beta B, --possible-beta B, --no-verdicts, --verdict-beta B, --show ACT, --readers LIST, --dump FILE, \
                     --choose-readers, --ask-intent FILE|none"
                );
                return ExitCode::from(2);
            }
        }
    }
    let data = match Data::read(&data, ask_intent.as_deref()) {
        Ok(data) => data,
        Err(err) => {
            eprintln!("eval_acts: {err}");
            return ExitCode::from(2);
        }
    };
    let groups: std::collections::HashSet<u32> = data.examples.iter().map(|m| m.group).collect();
    println!(
        "{} messages from {} sources, {} sentences; {folds} folds grouped by source",
        data.corpus.len(),
        groups.len(),
        data.examples.iter().map(|m| m.sentences.len()).sum::<usize>()
    );
    if choose {
        choose_readers(&data, folds, setup);
        return ExitCode::SUCCESS;
    }
    let tally = cross_validate(&data, folds, 4, setup);
    report(&tally, &setup.readers);
    let (macro_f1, worst, acts_f1) = summary(&tally);
    if curve {
        println!("\nlearning curve (share of each fold's training part, by source):");
        for quarters in [1, 2] {
            let part = cross_validate(&data, folds, quarters, setup);
            let (m, w, a) = summary(&part);
            println!("  {:3} %: rules macro-F1 {m:.2} (min {:.2} on {}); acts mean F1 {a:.2}", quarters * 25, w.1, w.0);
        }
        println!(
            "  100 %: rules macro-F1 {macro_f1:.2} (min {:.2} on {}); acts mean F1 {acts_f1:.2}",
            worst.1, worst.0
        );
    }
    println!("rules macro-F1 {macro_f1:.2} (min {:.2} on {}); acts mean F1 {acts_f1:.2}", worst.1, worst.0);
    ExitCode::SUCCESS
}

/// Runs the cross-validation, training each fold's model on `quarters` quarters of its
/// training part (whole sources).
fn cross_validate(data: &Data, folds: u32, quarters: u32, setup: Setup) -> Tally {
    use rayon::prelude::*;
    // Folds are independent: each is trained and judged on its own thread, and their
    // counts are added in fold order.
    let tallies: Vec<Tally> = (0..folds)
        .into_par_iter()
        .map(|fold| {
            let mut tally = Tally::default();
            let model = data.train_fold(folds, fold, quarters, setup.options, setup.targets);
            for (message, ex) in data.fold(folds, fold) {
                judge(message, ex, model, &setup, &mut tally);
            }
            // Request-intent sentences of this fold, checked as eval_ask_intent.py checks
            // them: one-sentence messages of 6 words or more, asking when missing-ask is quiet.
            let settings = crossval::settings_with(model, setup.readers);
            for (sentence, ex) in data.intent.iter().zip(&data.intent_examples) {
                if train::fold_of(ex.group, folds) == fold && sentence.text.split_whitespace().count() >= 6 {
                    let doc = train::parse(&sentence.text);
                    let checked = plainly::check_document(&doc, Profile::Message, &settings);
                    let asks = !checked.findings.iter().any(|f| f.rule == "missing-ask");
                    tally.intent.add(sentence.asks, asks);
                }
            }
            tally
        })
        .collect();
    let mut tally = Tally::default();
    for part in tallies {
        for (key, count) in part.acts {
            tally.acts.entry(key).or_default().merge(count);
        }
        for (key, count) in part.rules {
            tally.rules.entry(key).or_default().merge(count);
        }
        for (key, count) in part.parts {
            tally.parts.entry(key).or_default().merge(count);
        }
        tally.messages.extend(part.messages);
        tally.intent.merge(part.intent);
    }
    tally
}

/// Chooses which reader decides each act: coordinate ascent from `setup.readers`, act by
/// act, on the mean F0.5 (precision weighed twice recall) of the rules and standup parts
/// with at least 5 positives, each fold's model trained once. Prints the table to copy
/// into `DECIDED_BY`.
fn choose_readers(data: &Data, folds: u32, setup: Setup) {
    use rayon::prelude::*;
    let models: Vec<&'static ActModel<'static>> =
        (0..folds).into_par_iter().map(|fold| data.train_fold(folds, fold, 4, setup.options, setup.targets)).collect();
    let score = |readers: &[ActReader; ACT_COUNT]| -> f64 {
        let counts: Vec<Vec<(&'static str, Option<bool>, bool)>> = data
            .corpus
            .par_iter()
            .zip(&data.examples)
            .map(|(message, ex)| {
                let settings = crossval::settings_with(models[train::fold_of(ex.group, folds) as usize], *readers);
                crossval::judge(message, &settings)
            })
            .collect();
        let mut by: BTreeMap<&'static str, Count> = BTreeMap::new();
        for (name, truth, said) in counts.into_iter().flatten() {
            if let Some(truth) = truth {
                by.entry(name).or_default().add(truth, said);
            }
        }
        let scored: Vec<f64> = by
            .values()
            .filter(|c| c.positives() >= crossval::MIN_POSITIVES)
            .map(|c| {
                let (p, r) = (c.precision(), c.recall());
                if p + r == 0.0 { 0.0 } else { 1.25 * p * r / (0.25 * p + r) }
            })
            .collect();
        scored.iter().sum::<f64>() / scored.len().max(1) as f64
    };
    let mut readers = setup.readers;
    let mut best = score(&readers);
    println!("start: mean F0.5 {best:.3}");
    for pass in 0..2 {
        let mut changed = false;
        for act in Act::ALL {
            for reader in ActReader::ALL {
                if readers[act.index()] == reader {
                    continue;
                }
                let mut trial = readers;
                trial[act.index()] = reader;
                let value = score(&trial);
                if value > best + 1e-4 {
                    println!("pass {pass}: {} → {}: mean F0.5 {value:.3}", act.name(), reader.name());
                    best = value;
                    readers = trial;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    println!("\nchosen (mean F0.5 {best:.3}):");
    for act in Act::ALL {
        println!("    ActReader::{:?}, // {}", readers[act.index()], act.name());
    }
}

/// Checks one held-out message with `model` and counts what plainly got right.
fn judge(
    message: &LabeledMessage,
    examples: &MessageExamples,
    model: &'static ActModel<'static>,
    setup: &Setup,
    tally: &mut Tally,
) {
    let show = setup.show;
    let decided = crossval::settings_with(model, setup.readers);
    let hand = crossval::settings_with(model, [ActReader::Hand; ACT_COUNT]);
    let doc = train::parse(&message.text);
    let cx = Context::new(&doc, &decided, Profile::Message);
    let read = acts::read_with(&cx, &setup.readers);
    for (k, example) in examples.sentences.iter().enumerate() {
        for act in Act::ALL {
            let truth = example.acts.contains(act);
            let (h, m, may) =
                (read.hand[k].contains(act), read.model[k].acts.contains(act), read.model[k].possible.contains(act));
            for (r, reader) in ActReader::ALL.iter().enumerate() {
                tally.acts.entry((act.index(), r)).or_default().add(truth, reader.sure(h, m, may));
            }
            tally.acts.entry((act.index(), DECIDED)).or_default().add(truth, read.decided[k].contains(act));
            if show == Some(act) && truth != read.model[k].acts.contains(act) {
                let text = doc.text_of(doc.sentences[k].span).replace('\n', " ");
                let what = if truth { "missed" } else { "false" };
                println!("{what} {:.2} hand={} [{}] {text}", read.model[k].of(act), h, message.id);
            }
        }
    }
    let mut best = [0.0f32; ACT_COUNT];
    let mut present = [false; ACT_COUNT];
    for (k, example) in examples.sentences.iter().enumerate() {
        for act in Act::ALL {
            best[act.index()] = best[act.index()].max(read.model[k].of(act));
            present[act.index()] |= example.acts.contains(act);
        }
    }
    tally.messages.push((best, present));
    // What each rule (and standup part) says with the acts as decided and with the hand
    // reading alone.
    let by_decided = crossval::judge(message, &decided);
    let by_hand = crossval::judge(message, &hand);
    for (&(name, truth, fired), &(_, _, hand_fired)) in by_decided.iter().zip(&by_hand) {
        if let Some(truth) = truth {
            let table = if PARTS.contains(&name) { &mut tally.parts } else { &mut tally.rules };
            table.entry((name, true)).or_default().add(truth, fired);
            table.entry((name, false)).or_default().add(truth, hand_fired);
        }
    }
    if let Some(dump) = setup.dump {
        use std::io::Write as _;
        let sentences: Vec<serde_json::Value> = (0..examples.sentences.len())
            .map(|k| {
                serde_json::json!({
                    "p": read.model[k].probability.iter().map(|p| (p * 1000.0).round() / 1000.0).collect::<Vec<_>>(),
                    "hand": read.hand[k].bits(),
                    "label": examples.sentences[k].acts.bits(),
                    "words": doc.count_words(doc.sentences[k].words.clone()),
                    "block": doc.sentences[k].block,
                    "text": doc.text_of(doc.sentences[k].span),
                })
            })
            .collect();
        let fired: serde_json::Map<String, serde_json::Value> = by_decided
            .iter()
            .zip(&by_hand)
            .filter(|((name, _, _), _)| RULES.contains(name))
            .map(|((rule, _, decided), (_, _, hand))| (rule.to_string(), serde_json::json!([decided, hand])))
            .collect();
        let line = serde_json::json!({
            "id": message.id, "group": examples.group, "labels": message.labels, "fired": fired, "sentences": sentences,
        });
        if let Ok(mut file) = dump.lock() {
            let _ = writeln!(file, "{line}");
        }
    }
}

fn report(tally: &Tally, readers: &[ActReader; ACT_COUNT]) {
    println!("\nacts, per sentence: precision recall F1 of each reader");
    println!(
        "{:12} {:>4}  {:17} {:17} {:17} {:17} {:17}  decided by",
        "act", "pos", "hand", "model", "both", "either", "allowed"
    );
    for act in Act::ALL {
        let count = |r: usize| tally.acts.get(&(act.index(), r)).copied().unwrap_or_default();
        println!(
            "{:12} {:>4}  {} {} {} {} {}  {}",
            act.name(),
            count(0).positives(),
            count(0).show(),
            count(1).show(),
            count(2).show(),
            count(3).show(),
            count(4).show(),
            readers[act.index()].name()
        );
    }
    println!("\nacts, per message (has the act anywhere): the model's best F1 over thresholds, and its threshold");
    for act in Act::ALL {
        let mut scored: Vec<(f32, bool)> =
            tally.messages.iter().map(|(best, present)| (best[act.index()], present[act.index()])).collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let positives = scored.iter().filter(|s| s.1).count();
        let (mut tp, mut fp, mut top) = (0usize, 0usize, (0.0f64, 0.0f32));
        for (p, y) in scored {
            if y {
                tp += 1
            } else {
                fp += 1
            }
            let f1 = 2.0 * tp as f64 / (tp + fp + positives) as f64;
            if f1 > top.0 {
                top = (f1, p);
            }
        }
        println!("{:12} {:>4}  {:5.2} at {:.2}", act.name(), positives, top.0, top.1);
    }
    println!("\nrules, per message: precision recall F1");
    println!("{:20} {:>4}  {:17} {:17}", "rule", "pos", "acts as decided", "hand reading only");
    for rule in RULES {
        let count = |d: bool| tally.rules.get(&(rule, d)).copied().unwrap_or_default();
        println!("{rule:20} {:>4}  {} {}", count(true).positives(), count(true).show(), count(false).show());
    }
    if tally.intent.positives() > 0 {
        println!(
            "\nrequest-intent sentences held out by fold: ask {} (precision recall F1; asks when missing-ask is quiet)",
            tally.intent.show()
        );
    }
    println!("\nstandup-format, per part missing: precision recall F1");
    for part in PARTS {
        let count = |d: bool| tally.parts.get(&(part, d)).copied().unwrap_or_default();
        println!("{part:20} {:>4}  {} {}", count(true).positives(), count(true).show(), count(false).show());
    }
}

/// Macro-F1 over rules with at least 5 positives, the worst of them, and the mean F1 of
/// the acts as decided.
fn summary(tally: &Tally) -> (f64, (&'static str, f64), f64) {
    let decided: BTreeMap<&'static str, Count> =
        tally.rules.iter().filter(|((_, decided), _)| *decided).map(|((rule, _), count)| (*rule, *count)).collect();
    let (macro_f1, worst) = crossval::macro_f1(&decided);
    let acts: Vec<f64> =
        Act::ALL.iter().map(|a| tally.acts.get(&(a.index(), DECIDED)).copied().unwrap_or_default().f1()).collect();
    (macro_f1, worst, acts.iter().sum::<f64>() / acts.len() as f64)
}
