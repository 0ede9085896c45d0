//! Trains plainly's part-of-speech tagger on the Universal Dependencies English Web
//! Treebank and writes the model file that is compiled into plainly.
//!
//! ```sh
//! cargo run --release --example train_tagger -- \
//!     --train ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \
//!     --dev ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu --out model/tagger.bin
//! ```
//!
//! An averaged perceptron (Collins 2002), trained greedily left to right on the tags it
//! predicts itself, so it learns from the mistakes it will make when tagging. It makes two
//! passes: the second sees the first pass's tags of the words to the right. The second
//! pass is trained on first-pass tags made as they will be made on new text: the
//! training data is cut in ten folds, and each fold is tagged by a first pass trained on
//! the other nine (jackknifing); word ambiguity classes are made the same way.
//!
//! Training is deterministic: sentences are shuffled by a fixed-seed generator, ties go
//! to the first tag, and features are visited in a fixed order, so the same data gives
//! the same file, byte for byte (about two minutes on one core). Tune on dev; the test
//! file is for `tagger_eval` only. `--errors` prints dev's most frequent confusions.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::process::ExitCode;

use plainly::language::conllu::{self, TreebankSentence};
use plainly::language::tagger::features::{self, Context, WordForm};
use plainly::language::tagger::model::ModelData;
use plainly::language::tagger::{self, Tagger};

/// Feature keys are hashes already: use them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys are hashed")
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// One weight of one feature for one tag, with what averaging needs.
#[derive(Clone, Copy, Default)]
struct Weight {
    tag: u8,
    value: f32,
    /// Sum of `value` over every update so far, up to `stamp`.
    total: f64,
    stamp: u32,
}

#[derive(Default)]
struct Perceptron {
    weights: KeyMap<Vec<Weight>>,
    /// How many times each feature was seen in training.
    seen: KeyMap<u32>,
    updates: u32,
}

impl Perceptron {
    fn scores(&self, features: &[u32], scores: &mut [f32]) {
        scores.fill(0.0);
        for feature in features {
            if let Some(weights) = self.weights.get(feature) {
                for w in weights {
                    scores[usize::from(w.tag)] += w.value;
                }
            }
        }
    }

    fn update(&mut self, truth: u8, guess: u8, features: &[u32]) {
        self.updates += 1;
        for &feature in features {
            *self.seen.entry(feature).or_default() += 1;
        }
        if truth == guess {
            return;
        }
        for &feature in features {
            let weights = self.weights.entry(feature).or_default();
            for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
                let at = match weights.iter().position(|w| w.tag == tag) {
                    Some(at) => at,
                    None => {
                        weights.push(Weight { tag, stamp: self.updates, ..Weight::default() });
                        weights.len() - 1
                    }
                };
                let w = &mut weights[at];
                w.total += f64::from(self.updates - w.stamp) * f64::from(w.value);
                w.stamp = self.updates;
                w.value += delta;
            }
        }
    }

    /// The averaged weights of features seen at least `min_seen` times, leaving out
    /// weights smaller than `prune`.
    fn export(&self, min_seen: u32, prune: f64) -> plainly::language::tagger::model::FeatureWeights {
        let mut features = Vec::new();
        for (&feature, weights) in &self.weights {
            if self.seen.get(&feature).copied().unwrap_or(0) < min_seen {
                continue;
            }
            let mut kept: Vec<(u8, f64)> = weights
                .iter()
                .map(|w| {
                    let total = w.total + f64::from(self.updates - w.stamp) * f64::from(w.value);
                    let average = total / f64::from(self.updates);
                    (w.tag, if average.abs() < prune { 0.0 } else { average })
                })
                .filter(|(_, w)| *w != 0.0)
                .collect();
            kept.sort_unstable_by_key(|(tag, _)| *tag);
            if !kept.is_empty() {
                features.push((feature, kept));
            }
        }
        features.sort_unstable_by_key(|(hash, _)| *hash);
        features
    }
}

/// A fixed-seed xorshift generator: the same shuffle on every machine.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

struct Options {
    train: String,
    dev: Option<String>,
    out: String,
    iterations: u32,
    min_seen: u32,
    prune: f64,
    errors: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        train: String::new(),
        dev: None,
        out: "model/tagger.bin".into(),
        iterations: 12,
        min_seen: 2,
        prune: 0.5,
        errors: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--train" => options.train = value()?,
            "--dev" => options.dev = Some(value()?),
            "--out" => options.out = value()?,
            "--iterations" => options.iterations = value()?.parse().map_err(|e| format!("--iterations: {e}"))?,
            "--min-seen" => options.min_seen = value()?.parse().map_err(|e| format!("--min-seen: {e}"))?,
            "--errors" => options.errors = true,
            "--prune" => options.prune = value()?.parse().map_err(|e| format!("--prune: {e}"))?,
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    if options.train.is_empty() {
        return Err(
            "usage: train_tagger --train FILE [--dev FILE] [--out FILE] [--iterations N] [--prune W] [--min-seen N] [--errors]"
                .into(),
        );
    }
    Ok(options)
}

fn tag_name(w: &plainly::language::conllu::TreebankWord) -> String {
    w.fine_tag()
}

fn read(path: &str) -> Result<Vec<TreebankSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    conllu::parse(&text).map_err(|e| format!("{path}: {e}"))
}

/// Words seen at least 20 times with one tag at least 97% of the time: the tagger looks
/// them up instead of scoring them (Honnibal's thresholds).
fn unambiguous_words(sentences: &[TreebankSentence], tag_index: &HashMap<String, u8>) -> Vec<(u32, u8)> {
    let mut counts: HashMap<&str, HashMap<u8, u32>> = HashMap::new();
    for sentence in sentences {
        for word in &sentence.words {
            *counts.entry(&word.form).or_default().entry(tag_index[&tag_name(word)]).or_default() += 1;
        }
    }
    let mut words: Vec<(u32, u8)> = counts
        .into_iter()
        .filter_map(|(form, tags)| {
            let total: u32 = tags.values().sum();
            let (&tag, &most) = tags.iter().max_by_key(|&(tag, count)| (*count, std::cmp::Reverse(*tag)))?;
            (total >= 20 && f64::from(most) / f64::from(total) >= 0.97).then(|| (tagger::word_hash(form), tag))
        })
        .collect();
    words.sort_unstable();
    words
}

/// Each normalized word seen at least `MIN_CLASS_COUNT` times, with its ambiguity class: the
/// set of universal tags it takes in at least 5% of its uses, numbered from 1 in the
/// order of their names.
fn ambiguity_classes(sentences: &[TreebankSentence], names: &[String]) -> Vec<(u32, u16)> {
    let mut counts: HashMap<String, HashMap<&str, u32>> = HashMap::new();
    for sentence in sentences {
        for word in &sentence.words {
            *counts.entry(WordForm::new(&word.form).norm).or_default().entry(&word.upos).or_default() += 1;
        }
    }
    let mut classes: Vec<(u32, u16)> = counts
        .into_iter()
        .filter_map(|(norm, tags)| {
            let class = class_of(&tags)?;
            let id = names.binary_search(&class).map_or(u16::MAX, |at| at as u16 + 1);
            Some((tagger::word_hash(&norm), id))
        })
        .collect();
    classes.sort_unstable();
    classes
}

/// A word's class from how often it takes each tag, if it was seen often enough.
fn class_of(tags: &HashMap<&str, u32>) -> Option<String> {
    const MIN_CLASS_COUNT: u32 = 3;
    let total: u32 = tags.values().sum();
    let mut set: Vec<&str> =
        tags.iter().filter(|&(_, &n)| f64::from(n) >= 0.05 * f64::from(total)).map(|(t, _)| *t).collect();
    set.sort_unstable();
    (total >= MIN_CLASS_COUNT).then(|| set.join("|"))
}

/// The names of every ambiguity class in the data, sorted.
fn class_names(sentences: &[TreebankSentence]) -> Vec<String> {
    let mut counts: HashMap<String, HashMap<&str, u32>> = HashMap::new();
    for sentence in sentences {
        for word in &sentence.words {
            *counts.entry(WordForm::new(&word.form).norm).or_default().entry(&word.upos).or_default() += 1;
        }
    }
    let mut names: Vec<String> = counts.values().filter_map(class_of).collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn upos_accuracy(tagger: &Tagger, sentences: &[TreebankSentence]) -> (usize, usize) {
    let mut right = 0;
    let mut total = 0;
    for sentence in sentences {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        for (tag, word) in tagger.tag(&forms).iter().zip(&sentence.words) {
            right += usize::from(tag.upos.name() == word.upos);
            total += 1;
        }
    }
    (right, total)
}

/// What every pass of training shares: the data, the tag names and the lexicons.
struct Training<'a> {
    options: &'a Options,
    names: Vec<String>,
    tag_index: HashMap<String, u8>,
    dictionary: HashMap<u32, u8>,
    /// For each fold, the ambiguity classes of the training data outside it.
    fold_classes: Vec<HashMap<u32, u16>>,
}

const FOLDS: usize = 10;

impl Training<'_> {
    fn forms(&self, sentence: &TreebankSentence, index: usize) -> Vec<WordForm> {
        let classes = &self.fold_classes[index % FOLDS];
        sentence
            .words
            .iter()
            .map(|w| {
                let mut form = WordForm::new(&w.form);
                form.class = classes.get(&tagger::word_hash(&form.norm)).copied().unwrap_or(0);
                form
            })
            .collect()
    }

    /// Trains one pass over `sentences` (numbered as in the training file); a second pass
    /// reads `first_pass`, the first pass's tags of each sentence by number.
    fn train(
        &self,
        sentences: &[(usize, &TreebankSentence)],
        first_pass: Option<&HashMap<usize, Vec<String>>>,
    ) -> Perceptron {
        let mut order = sentences.to_vec();
        let mut perceptron = Perceptron::default();
        let mut shuffle = Shuffle(0x5eed_2026_1129);
        let mut scores = vec![0.0f32; self.names.len()];
        let mut features = Vec::new();
        for _ in 0..self.options.iterations {
            for &(index, sentence) in &order {
                let forms = self.forms(sentence, index);
                let before: Option<Vec<&str>> =
                    first_pass.map(|tags| tags[&index].iter().map(String::as_str).collect());
                let mut chosen: Vec<u8> = Vec::with_capacity(forms.len());
                for (i, word) in sentence.words.iter().enumerate() {
                    let truth = self.tag_index[&tag_name(word)];
                    let guess = match self.dictionary.get(&tagger::word_hash(&word.form)) {
                        Some(&tag) => tag,
                        None => {
                            let previous =
                                features::previous_tags(i, |at| self.names[usize::from(chosen[at])].as_str());
                            let cx = Context { words: &forms, previous_tags: previous, first_pass: before.as_deref() };
                            features.clear();
                            cx.features(i, &mut features);
                            perceptron.scores(&features, &mut scores);
                            let guess = best(&scores);
                            perceptron.update(truth, guess, &features);
                            guess
                        }
                    };
                    chosen.push(guess);
                }
            }
            shuffle.shuffle(&mut order);
        }
        perceptron
    }

    fn export(&self, passes: &[&Perceptron], classes: Vec<(u32, u16)>) -> ModelData {
        let options = self.options;
        ModelData {
            tags: self.names.clone(),
            words: self.dictionary.iter().map(|(&h, &t)| (h, t)).collect(),
            classes,
            passes: passes.iter().map(|p| p.export(options.min_seen, options.prune)).collect(),
        }
    }
}

fn run() -> Result<(), String> {
    let options = parse_args()?;
    let train = read(&options.train)?;
    let dev = options.dev.as_deref().map(read).transpose()?;

    let mut names: Vec<String> = train.iter().flat_map(|s| s.words.iter().map(tag_name)).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() > 128 {
        return Err(format!("{} tags; a model holds at most 128", names.len()));
    }
    let tag_index: HashMap<String, u8> = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u8)).collect();
    let words = unambiguous_words(&train, &tag_index);
    let class_names = class_names(&train);
    let classes = ambiguity_classes(&train, &class_names);
    // Numbered sentences; fold k holds the sentences whose number is k modulo FOLDS.
    let numbered: Vec<(usize, &TreebankSentence)> = train.iter().enumerate().collect();
    let outside = |fold: usize| -> Vec<(usize, &TreebankSentence)> {
        numbered.iter().copied().filter(|(i, _)| i % FOLDS != fold).collect()
    };
    // Each training sentence sees the classes of the other nine tenths of the data, so a
    // rare word is as often unknown in training as it will be in new text (jackknifing).
    let fold_classes: Vec<Vec<(u32, u16)>> = (0..FOLDS)
        .map(|fold| {
            let rest: Vec<TreebankSentence> = outside(fold).into_iter().map(|(_, s)| s.clone()).collect();
            ambiguity_classes(&rest, &class_names)
        })
        .collect();
    let training = Training {
        options: &options,
        names,
        tag_index,
        dictionary: words.iter().copied().collect(),
        fold_classes: fold_classes.iter().map(|c| c.iter().copied().collect()).collect(),
    };
    eprintln!("{} sentences, {} tags, {} unambiguous words", train.len(), training.names.len(), words.len());

    let first = training.train(&numbered, None);
    eprintln!("first pass trained");
    // The second pass learns from first-pass tags made the way they will be made on new
    // text: each fold is tagged by a first pass trained without it.
    let mut first_pass_tags: HashMap<usize, Vec<String>> = HashMap::new();
    for (fold, classes) in fold_classes.into_iter().enumerate() {
        let held_out = training.train(&outside(fold), None);
        let tagger = Tagger::new(Vec::leak(training.export(&[&held_out], classes).encode()?))?;
        for &(index, sentence) in numbered.iter().filter(|(i, _)| i % FOLDS == fold) {
            let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
            first_pass_tags.insert(index, tagger.tag(&forms).iter().map(|t| t.name()).collect());
        }
        eprintln!("fold {fold} tagged");
    }
    let second = training.train(&numbered, Some(&first_pass_tags));

    let data = training.export(&[&first, &second], classes);
    let feature_count: usize = data.passes.iter().map(Vec::len).sum();
    let bytes = data.encode()?;
    std::fs::write(&options.out, &bytes).map_err(|e| format!("{}: {e}", options.out))?;
    println!("wrote {} ({} bytes, {feature_count} features)", options.out, bytes.len());
    if let Some(dev) = dev {
        let tagger = Tagger::new(Vec::leak(bytes))?;
        let (right, total) = upos_accuracy(&tagger, &dev);
        println!("dev UPOS accuracy {:.2}% on {total} tokens", 100.0 * right as f64 / total as f64);
        if options.errors {
            let known: std::collections::HashSet<String> =
                train.iter().flat_map(|s| s.words.iter().map(|w| w.form.to_lowercase())).collect();
            let mut confusions: HashMap<(String, String), u32> = HashMap::new();
            let (mut oov, mut oov_right) = (0, 0);
            for sentence in &dev {
                let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
                for (tag, word) in tagger.tag(&forms).iter().zip(&sentence.words) {
                    let ok = tag.upos.name() == word.upos;
                    if !known.contains(&word.form.to_lowercase()) {
                        oov += 1;
                        oov_right += usize::from(ok);
                    }
                    if !ok {
                        *confusions.entry((word.upos.clone(), tag.upos.name().to_string())).or_default() += 1;
                    }
                }
            }
            println!("unknown words: {oov}, {:.2}% right", 100.0 * oov_right as f64 / oov as f64);
            let mut list: Vec<_> = confusions.into_iter().collect();
            list.sort_by_key(|entry| std::cmp::Reverse(entry.1));
            for ((gold, guess), n) in list.iter().take(20) {
                println!("{n:5} gold {gold} tagged {guess}");
            }
        }
    }
    Ok(())
}

/// The index of the highest score; the first on a tie.
fn best(scores: &[f32]) -> u8 {
    let mut best = 0;
    for (i, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = i;
        }
    }
    best as u8
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train_tagger: {message}");
            ExitCode::from(2)
        }
    }
}
