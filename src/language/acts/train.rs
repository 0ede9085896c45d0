//! Training the act model on labeled real messages (`data/messages/`, in the format of
//! its `GUIDE.md`), for `examples/train_acts.rs` and the cross-validation of
//! `examples/eval_acts.rs`.
//!
//! Each message is parsed as a plain-text draft, as `plainly check` reads one, and each of
//! its sentences becomes an example (`crate::analysis::acts::examples_of`): its features
//! ([`super::features`]) and the acts whose labeled quotes it overlaps. One logistic
//! regression per act is fitted by L-BFGS with an L2 penalty; the objective is strictly
//! convex, so training is deterministic: the same data gives the same model file byte for
//! byte. Features seen in fewer than `min_count` sentences are left out; they would be
//! noise, and they would make the file large. Then each rule of
//! [`super::message::VERDICT_RULES`] gets its verdict over whole messages ([`fit`]).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use super::message::{self, FEATURE_COUNT, MessageShape, VERDICT_COUNT, VERDICT_RULES, VerdictWeights};
use super::model::ActModelData;
use super::{ACT_COUNT, Act, ActSet};
use crate::document::{Document, ParseOptions};
use crate::input::FileKind;
use crate::span::Span;

/// One labeled message, as a line of a corpus file holds it.
#[derive(Clone, Debug, Deserialize)]
pub struct LabeledMessage {
    /// Its id ("gh-001").
    pub id: String,
    /// Where it was published: a URL, the author, a date.
    pub source: String,
    /// What kind of message it is ("GitHub issue comment").
    #[serde(default)]
    pub kind: String,
    /// The message, verbatim.
    pub text: String,
    /// What each rule should say about it (`null`: the spec does not decide).
    pub labels: BTreeMap<String, Option<bool>>,
    /// For a status update, the parts it lacks.
    #[serde(default)]
    pub missing_parts: Vec<String>,
    /// Every act in the message, each with the words that carry it.
    pub acts: Vec<LabeledAct>,
    /// The labeler's notes.
    #[serde(default)]
    pub notes: String,
}

/// One labeled act: its name and an exact quote of the words that carry it.
#[derive(Clone, Debug, Deserialize)]
pub struct LabeledAct {
    /// The shortest span that carries the act.
    pub quote: String,
    /// The act's name.
    pub act: String,
}

impl LabeledMessage {
    /// The repository, list or channel the message comes from: what folds are grouped by,
    /// so that no source is both trained and tested on.
    pub fn group(&self) -> String {
        source_group(&self.source)
    }

    /// The label of `rule`: `Some(true)` fires, `Some(false)` does not, `None` undecided.
    pub fn label(&self, rule: &str) -> Option<bool> {
        self.labels.get(rule).copied().flatten()
    }

    /// The labeled acts that this build knows, with where their quotes are in the text.
    /// A quote found more than once is taken at its first place.
    pub fn act_spans(&self) -> Vec<(Span, Act)> {
        self.acts
            .iter()
            .filter_map(|a| {
                let act = Act::from_name(&a.act)?;
                let at = self.text.find(&a.quote).filter(|_| !a.quote.is_empty())?;
                Some((Span::new(at, at + a.quote.len()), act))
            })
            .collect()
    }
}

/// The source group of a corpus line's `source`: a repository for GitHub, else the host
/// and the first path parts (a list or a channel), else the text before any bracket.
pub fn source_group(source: &str) -> String {
    let source = source.trim();
    let lower = source.to_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else { return lower.split('(').next().unwrap_or("").trim().chars().take(60).collect() };
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let end = rest.find(|c: char| c.is_whitespace() || c == '#' || c == '?').unwrap_or(rest.len());
    let parts: Vec<&str> = rest[..end].split('/').filter(|p| !p.is_empty()).collect();
    let keep = if parts.first() == Some(&"github.com") { 3 } else { 4 };
    parts.iter().take(keep).copied().collect::<Vec<_>>().join("/")
}

/// Reads every message of the corpus files at `paths` (JSON Lines).
pub fn read_corpus(paths: &[impl AsRef<Path>]) -> Result<Vec<LabeledMessage>, String> {
    let mut messages = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let message: LabeledMessage =
                serde_json::from_str(line).map_err(|err| format!("{}:{}: {err}", path.display(), n + 1))?;
            messages.push(message);
        }
    }
    Ok(messages)
}

/// The corpus files under `dir`: every `*.jsonl` in it and in its subfolders, sorted.
pub fn corpus_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|err| format!("{}: {err}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// How a message is parsed for training: as `plainly check` reads a plain-text draft.
pub fn parse(text: &str) -> Document<'_> {
    Document::parse(text, FileKind::Text, ParseOptions { skip_quotes: true })
}

/// The labeled acts of each of `doc`'s sentences: the acts whose quotes overlap it.
pub fn sentence_acts(doc: &Document<'_>, spans: &[(Span, Act)]) -> Vec<ActSet> {
    doc.sentences
        .iter()
        .map(|sentence| {
            let mut set = ActSet::default();
            for &(span, act) in spans {
                if span.start < sentence.span.end && sentence.span.start < span.end {
                    set.insert(act);
                }
            }
            set
        })
        .collect()
}

/// One training example: a sentence's features and its labeled acts.
#[derive(Clone, Debug)]
pub struct Example {
    /// Its hashed features, sorted and distinct.
    pub hashes: Vec<u32>,
    /// Its labeled acts.
    pub acts: ActSet,
    /// The acts it is labeled for: all of them for a corpus message, only `ask` for a
    /// sentence of a set labeled for requests alone ([`read_ask_intent`]).
    pub labeled: ActSet,
}

/// Every act: what a corpus message is labeled for.
pub const ALL_ACTS: ActSet = ActSet::from_bits(u16::MAX);

/// A sentence of a set labeled for request intent alone: `Yes` (a request or proposal
/// aimed at the reader) or `No`, and the sentence.
#[derive(Clone, Debug)]
pub struct IntentSentence {
    /// Whether it asks.
    pub asks: bool,
    /// The sentence.
    pub text: String,
}

/// Reads a TSV of `Yes|No<TAB>sentence` lines (the Parakweet email intent set).
pub fn read_ask_intent(path: &Path) -> Result<Vec<IntentSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let (label, sentence) = line.split_once('\t')?;
            let asks = match label.trim() {
                "Yes" => true,
                "No" => false,
                _ => return None,
            };
            Some(IntentSentence { asks, text: sentence.trim().to_string() })
        })
        .collect())
}

/// The examples of one message, with the hash of its source group (which fold it is in).
#[derive(Clone, Debug)]
pub struct MessageExamples {
    /// The hash of its source group ([`source_group`]).
    pub group: u32,
    /// One example per sentence.
    pub sentences: Vec<Example>,
    /// What the hand reading finds in each sentence (a verdict reads it).
    pub hand: Vec<ActSet>,
    /// The shape of its text.
    pub shape: MessageShape,
    /// Its label for each rule of [`VERDICT_RULES`], where it has one.
    pub verdict_labels: [Option<bool>; VERDICT_COUNT],
}

/// The messages of `corpus` with each text once: a text that two labelers took from
/// the same thread is kept where it comes first. Short texts ("ping", "Hi all") repeat in
/// real traffic and are all kept.
pub fn distinct(corpus: Vec<LabeledMessage>) -> Vec<LabeledMessage> {
    let mut seen = std::collections::HashSet::new();
    corpus
        .into_iter()
        .filter(|m| {
            let key: Vec<String> =
                m.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
            key.len() < 4 || seen.insert(key.join(" "))
        })
        .collect()
}

/// Which of `folds` folds a message of source group `group` is in: the same for every
/// message of a group, so no source is both trained and tested on.
pub fn fold_of(group: u32, folds: u32) -> u32 {
    // Mixed first: FNV's low bits follow the last bytes of a name too closely.
    let mut x = group;
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^= x >> 16;
    x % folds
}

/// What the thresholds are chosen for, per message (does the message have the act?):
/// the F-score weights of precision and recall. A beta under 1 weighs precision more.
#[derive(Clone, Copy, Debug)]
pub struct Targets {
    /// The beta of the F-score the sure threshold maximises (precision first).
    pub sure_beta: f32,
    /// The beta of the F-score the possible threshold maximises (recall first).
    pub possible_beta: f32,
    /// Whether to fit the verdicts of whole messages ([`super::message`]).
    pub verdicts: bool,
    /// The beta of the F-score a verdict's threshold maximises.
    pub verdict_beta: f32,
}

impl Default for Targets {
    fn default() -> Targets {
        Targets { sure_beta: 0.5, possible_beta: 1.5, verdicts: true, verdict_beta: 0.7 }
    }
}

/// The thresholds tried, in log-odds: from about 0.0025 to 0.9975 in steps of 0.1, so
/// the steps are finer where probabilities crowd, near 0 and 1.
const THRESHOLD_LOGITS: std::ops::RangeInclusive<i32> = -60..=60;

/// How many steps either side a threshold's F-score is averaged over (0.3 in log-odds:
/// 0.04–0.07 around 0.05, 0.43–0.57 around 0.5). A threshold is chosen for the plateau it
/// sits on, not for the one message that tops a jagged curve, so a small change in the
/// data moves it a little instead of to another plateau.
const THRESHOLD_SMOOTHING: usize = 3;

/// For each act, the threshold on `best` (each message's highest probability of the
/// act) that maximises the F-score with `beta` against `labels`, averaged over the
/// thresholds around it ([`THRESHOLD_SMOOTHING`]), between `floor` and `ceiling`.
pub fn best_thresholds(
    best: &[[f32; ACT_COUNT]],
    labels: &[ActSet],
    beta: f32,
    floor: f32,
    ceiling: f32,
) -> [f32; ACT_COUNT] {
    let b2 = beta * beta;
    let grid: Vec<f32> = THRESHOLD_LOGITS.map(|z| 1.0 / (1.0 + (-(z as f32) / 10.0).exp())).collect();
    std::array::from_fn(|k| {
        let mut scored: Vec<(f32, bool)> =
            best.iter().zip(labels).map(|(b, l)| (b[k], l.bits() & (1 << k) != 0)).collect();
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        let positives = scored.iter().filter(|(_, y)| *y).count() as f32;
        if positives == 0.0 {
            return ceiling;
        }
        // True finds among the `n` highest scores.
        let mut found = vec![0.0f32; scored.len() + 1];
        for (i, &(_, y)) in scored.iter().enumerate() {
            found[i + 1] = found[i] + f32::from(u8::from(y));
        }
        let f_scores: Vec<f32> = grid
            .iter()
            .map(|&t| {
                let n = scored.partition_point(|&(p, _)| p >= t);
                let (tp, fp) = (found[n], n as f32 - found[n]);
                (1.0 + b2) * tp / ((1.0 + b2) * tp + b2 * (positives - tp) + fp)
            })
            .collect();
        let mut chosen = (-1.0f32, ceiling);
        for (i, &t) in grid.iter().enumerate() {
            if t < floor || t > ceiling {
                continue;
            }
            let around =
                &f_scores[i.saturating_sub(THRESHOLD_SMOOTHING)..(i + THRESHOLD_SMOOTHING + 1).min(grid.len())];
            let smoothed = around.iter().sum::<f32>() / around.len() as f32;
            if smoothed > chosen.0 {
                chosen = (smoothed, t);
            }
        }
        chosen.1
    })
}

/// Trains a model on `messages` and chooses each act's thresholds for `targets` from
/// grouped cross-validation inside them (4 folds by source), so the thresholds are set on
/// sentences the model being judged had not seen. The inner folds' scores of those
/// messages also train the verdicts ([`super::message`]), which learn from them how the
/// scores of a message the model has not seen add up to each rule's label.
pub fn fit(messages: &[&MessageExamples], options: TrainOptions, targets: Targets) -> ActModelData {
    use rayon::prelude::*;
    const INNER: u32 = 4;
    let inner = |m: &MessageExamples, fold: u32| fold_of(m.group.rotate_left(7), INNER) == fold;
    // The inner folds' models and the final one are independent: trained side by side,
    // gathered in order, so the result does not depend on the thread count.
    let jobs: Vec<Option<u32>> = (0..INNER).map(Some).chain([None]).collect();
    let mut models: Vec<Option<Trained>> = jobs
        .par_iter()
        .map(|job| {
            let train_on: Vec<&Example> = messages
                .iter()
                .filter(|m| job.is_none_or(|fold| !inner(m, fold)))
                .flat_map(|m| m.sentences.iter())
                .collect();
            (!train_on.is_empty()).then(|| train(&train_on, options))
        })
        .collect();
    let last = models.pop().flatten().unwrap_or_else(|| train(&[], options));
    let mut message_best = Vec::new();
    let mut message_labels = Vec::new();
    let mut unseen: Vec<(&MessageExamples, [f32; FEATURE_COUNT])> = Vec::new();
    for (fold, model) in (0..INNER).zip(&models) {
        let Some(model) = model else { continue };
        for message in messages.iter().filter(|m| inner(m, fold)) {
            let probabilities: Vec<[f32; ACT_COUNT]> =
                message.sentences.iter().map(|example| model.probabilities(&example.hashes)).collect();
            if message.verdict_labels.iter().any(Option::is_some) {
                unseen.push((message, message::features(&probabilities, &message.hand, &message.shape)));
            }
            // Thresholds are chosen on messages labeled for every act.
            if !message.sentences.iter().all(|e| e.labeled == ALL_ACTS) {
                continue;
            }
            let mut best = [0.0f32; ACT_COUNT];
            let mut present = 0u16;
            for (p, example) in probabilities.iter().zip(&message.sentences) {
                for k in 0..ACT_COUNT {
                    best[k] = best[k].max(p[k]);
                }
                present |= example.acts.bits();
            }
            message_best.push(best);
            message_labels.push(ActSet::from_bits(present));
        }
    }
    // Both thresholds are chosen per message: the rules ask whether a message has an act,
    // and a sentence's own label is noisier than its message's (the labeler quotes the
    // words that carry an act, and neighbouring sentences often share it).
    let sure = best_thresholds(&message_best, &message_labels, targets.sure_beta, 0.1, 0.95);
    let low = best_thresholds(&message_best, &message_labels, targets.possible_beta, 0.01, 0.95);
    let possible: [f32; ACT_COUNT] = std::array::from_fn(|k| low[k].min(sure[k]));
    let mut data = last.to_data(sure, possible);
    if targets.verdicts {
        data.verdicts = (0..VERDICT_COUNT).filter_map(|r| fit_verdict(&unseen, r, targets.verdict_beta)).collect();
    }
    data
}

/// The verdict of rule `rule` (an index into [`VERDICT_RULES`]), fitted to the messages
/// labeled for it among `unseen` (each with its features from a model that had not seen
/// it). Its threshold maximises the F-score with `beta` on predictions for sources the
/// verdict had not seen (4 folds by source). `None` with under 20 positives.
fn fit_verdict(unseen: &[(&MessageExamples, [f32; FEATURE_COUNT])], rule: usize, beta: f32) -> Option<VerdictWeights> {
    const FOLDS: u32 = 4;
    const C: f64 = 1.0;
    let labeled: Vec<(u32, &[f32; FEATURE_COUNT], bool)> =
        unseen.iter().filter_map(|(m, f)| m.verdict_labels[rule].map(|label| (m.group, f, label))).collect();
    if labeled.iter().filter(|l| l.2).count() < 20 {
        return None;
    }
    let name = VERDICT_RULES[rule];
    let fold = |group: u32| fold_of(group.rotate_left(13), FOLDS);
    // The held-out probabilities stand in the first act's place, so the acts' threshold
    // search chooses the verdict's too.
    let (mut best, mut truth) = (Vec::new(), Vec::new());
    for k in 0..FOLDS {
        let (rows, labels): (Vec<[f32; FEATURE_COUNT]>, Vec<bool>) =
            labeled.iter().filter(|l| fold(l.0) != k).map(|l| (*l.1, l.2)).unzip();
        let verdict = message::fit(name, &rows, &labels, C);
        for &(_, features, label) in labeled.iter().filter(|l| fold(l.0) == k) {
            let mut scored = [0.0f32; ACT_COUNT];
            scored[0] = verdict.judge(features).probability;
            best.push(scored);
            truth.push(if label { ActSet::from_bits(1) } else { ActSet::default() });
        }
    }
    let threshold = best_thresholds(&best, &truth, beta, 0.2, 0.95)[0];
    let (rows, labels): (Vec<[f32; FEATURE_COUNT]>, Vec<bool>) = labeled.iter().map(|l| (*l.1, l.2)).unzip();
    Some(VerdictWeights { threshold, ..message::fit(name, &rows, &labels, C) })
}

/// How training runs.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// The inverse strength of the L2 penalty, as in LIBLINEAR: the objective is
    /// `|w|² / 2` plus `c` times the summed log-loss.
    pub c: f64,
    /// The most L-BFGS iterations.
    pub iterations: usize,
    /// Features seen in fewer sentences are left out.
    pub min_count: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { c: 1.0, iterations: 150, min_count: 2 }
    }
}

/// A trained model before its weights are rounded into a file.
#[derive(Clone, Debug)]
pub struct Trained {
    /// Each act's bias.
    pub bias: [f32; ACT_COUNT],
    /// Each kept feature's weights.
    pub weights: HashMap<u32, [f32; ACT_COUNT]>,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The examples as the solver reads them: each example's kept features, by index.
struct Problem {
    rows: Vec<Vec<u32>>,
    labels: Vec<u16>,
    masks: Vec<u16>,
    features: usize,
    c: f64,
}

impl Problem {
    /// The objective, `|w|² / 2 + c · Σ log-loss` summed over the acts (the biases are
    /// not penalised), and its gradient into `gradient`. `w` holds each feature's weights
    /// for every act, then the biases.
    fn value_and_gradient(&self, w: &[f64], gradient: &mut [f64]) -> f64 {
        let bias_at = self.features * ACT_COUNT;
        let mut value = 0.0;
        for (g, x) in gradient[..bias_at].iter_mut().zip(&w[..bias_at]) {
            *g = *x;
            value += 0.5 * x * x;
        }
        gradient[bias_at..].iter_mut().for_each(|g| *g = 0.0);
        for ((row, &labels), &mask) in self.rows.iter().zip(&self.labels).zip(&self.masks) {
            let mut z = [0.0f64; ACT_COUNT];
            z.copy_from_slice(&w[bias_at..]);
            for &f in row {
                let at = f as usize * ACT_COUNT;
                for k in 0..ACT_COUNT {
                    z[k] += w[at + k];
                }
            }
            let mut d = [0.0f64; ACT_COUNT];
            for k in 0..ACT_COUNT {
                if mask & (1 << k) == 0 {
                    continue;
                }
                let y = if labels & (1 << k) != 0 { 1.0 } else { -1.0 };
                let margin = y * z[k];
                // log(1 + e^-m), without overflow for either sign of m.
                value += self.c * if margin > 0.0 { (-margin).exp().ln_1p() } else { -margin + margin.exp().ln_1p() };
                d[k] = -self.c * y / (1.0 + margin.exp());
            }
            for &f in row {
                let at = f as usize * ACT_COUNT;
                for k in 0..ACT_COUNT {
                    gradient[at + k] += d[k];
                }
            }
            for k in 0..ACT_COUNT {
                gradient[bias_at + k] += d[k];
            }
        }
        value
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Minimises `problem`'s objective from zero with L-BFGS (ten corrections, a backtracking
/// line search on the Armijo condition). The objective is strictly convex in the weights,
/// so its optimum is unique: the model depends on the data alone, not on an order of
/// visits or a step size.
fn minimise(problem: &Problem, iterations: usize) -> Vec<f64> {
    const MEMORY: usize = 10;
    let n = (problem.features + 1) * ACT_COUNT;
    let mut w = vec![0.0f64; n];
    let mut g = vec![0.0f64; n];
    let mut value = problem.value_and_gradient(&w, &mut g);
    let mut history: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64)> = std::collections::VecDeque::new();
    let (mut next_w, mut next_g) = (vec![0.0f64; n], vec![0.0f64; n]);
    for _ in 0..iterations {
        // The direction, by the two-loop recursion over the stored corrections.
        let mut d: Vec<f64> = g.iter().map(|x| -x).collect();
        let mut alphas = Vec::with_capacity(history.len());
        for (s, y, rho) in history.iter().rev() {
            let alpha = rho * dot(s, &d);
            d.iter_mut().zip(y).for_each(|(di, yi)| *di -= alpha * yi);
            alphas.push(alpha);
        }
        if let Some((s, y, _)) = history.back() {
            let scale = dot(s, y) / dot(y, y);
            d.iter_mut().for_each(|di| *di *= scale);
        }
        for ((s, y, rho), alpha) in history.iter().zip(alphas.iter().rev()) {
            let beta = rho * dot(y, &d);
            d.iter_mut().zip(s).for_each(|(di, si)| *di += (alpha - beta) * si);
        }
        let mut slope = dot(&g, &d);
        if slope >= 0.0 {
            // Not a descent direction: start again from the gradient.
            history.clear();
            d = g.iter().map(|x| -x).collect();
            slope = dot(&g, &d);
        }
        let mut step = if history.is_empty() { 1.0 / dot(&g, &g).sqrt().max(1.0) } else { 1.0 };
        let mut improved = false;
        for _ in 0..40 {
            for i in 0..n {
                next_w[i] = w[i] + step * d[i];
            }
            let next_value = problem.value_and_gradient(&next_w, &mut next_g);
            if next_value <= value + 1e-4 * step * slope {
                let s: Vec<f64> = (0..n).map(|i| next_w[i] - w[i]).collect();
                let y: Vec<f64> = (0..n).map(|i| next_g[i] - g[i]).collect();
                let sy = dot(&s, &y);
                if sy > 1e-12 {
                    if history.len() == MEMORY {
                        history.pop_front();
                    }
                    history.push_back((s, y, 1.0 / sy));
                }
                improved = (value - next_value).abs() > 1e-8 * value.abs().max(1.0);
                std::mem::swap(&mut w, &mut next_w);
                std::mem::swap(&mut g, &mut next_g);
                value = next_value;
                break;
            }
            step *= 0.5;
        }
        if !improved {
            break;
        }
    }
    w
}

/// Fits one L2-regularised logistic regression per act to `examples`.
pub fn train(examples: &[&Example], options: TrainOptions) -> Trained {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for example in examples {
        for &hash in &example.hashes {
            *counts.entry(hash).or_default() += 1;
        }
    }
    let mut kept: Vec<u32> = counts.iter().filter(|(_, c)| **c >= options.min_count).map(|(h, _)| *h).collect();
    kept.sort_unstable();
    let index: HashMap<u32, u32> = kept.iter().enumerate().map(|(i, h)| (*h, i as u32)).collect();
    let problem = Problem {
        rows: examples.iter().map(|e| e.hashes.iter().filter_map(|h| index.get(h).copied()).collect()).collect(),
        labels: examples.iter().map(|e| e.acts.bits()).collect(),
        masks: examples.iter().map(|e| e.labeled.bits()).collect(),
        features: kept.len(),
        c: options.c,
    };
    let w = minimise(&problem, options.iterations);
    let bias_at = kept.len() * ACT_COUNT;
    let bias: [f32; ACT_COUNT] = std::array::from_fn(|k| w[bias_at + k] as f32);
    let weights = kept
        .into_iter()
        .enumerate()
        .map(|(i, hash)| (hash, std::array::from_fn(|k| w[i * ACT_COUNT + k] as f32)))
        .collect();
    Trained { bias, weights }
}

impl Trained {
    /// The log-odds of each act for a sentence with features `hashes`.
    pub fn logits(&self, hashes: &[u32]) -> [f32; ACT_COUNT] {
        let mut sums = self.bias;
        for hash in hashes {
            if let Some(w) = self.weights.get(hash) {
                for k in 0..ACT_COUNT {
                    sums[k] += w[k];
                }
            }
        }
        sums
    }

    /// The probability of each act for a sentence with features `hashes`.
    pub fn probabilities(&self, hashes: &[u32]) -> [f32; ACT_COUNT] {
        self.logits(hashes).map(sigmoid)
    }

    /// What the model file holds, with each act's thresholds.
    pub fn to_data(&self, sure: [f32; ACT_COUNT], possible: [f32; ACT_COUNT]) -> ActModelData {
        let mut features: Vec<(u32, Vec<f32>)> = self.weights.iter().map(|(h, w)| (*h, w.to_vec())).collect();
        features.sort_unstable_by_key(|(h, _)| *h);
        ActModelData {
            names: Act::ALL.iter().map(|a| a.name().to_string()).collect(),
            bias: self.bias.to_vec(),
            sure: sure.to_vec(),
            possible: possible.to_vec(),
            features,
            verdicts: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_repositories_lists_or_channels() {
        assert_eq!(source_group("https://github.com/Owner/Repo/issues/12 (alice, 2021)"), "github.com/owner/repo");
        assert_eq!(
            source_group("https://lists.w3.org/Archives/Public/www-style/2020Jan/0001.html (Kim)"),
            "lists.w3.org/archives/public/www-style"
        );
        assert_eq!(source_group("Enron email corpus (CALO release), as excerpted"), "enron email corpus");
    }

    #[test]
    fn quotes_label_the_sentences_they_overlap() {
        let message: LabeledMessage = serde_json::from_str(
            r#"{"id":"x-1","source":"s","text":"Hi all. Can you review #12 by Friday? Thanks!",
                "labels":{},"acts":[{"quote":"Can you review #12","act":"ask"},{"quote":"by Friday","act":"deadline"},
                {"quote":"Hi all.","act":"greeting"},{"quote":"nowhere","act":"ask"},{"quote":"Thanks","act":"unknown"}]}"#,
        )
        .unwrap();
        let doc = parse(&message.text);
        let acts = sentence_acts(&doc, &message.act_spans());
        assert_eq!(acts.len(), 3);
        assert_eq!(acts[0], ActSet::of(&[Act::Greeting]));
        assert_eq!(acts[1], ActSet::of(&[Act::Ask, Act::Deadline]));
        assert!(acts[2].is_empty());
    }

    #[test]
    fn training_is_deterministic_and_learns_a_separable_act() {
        let ask = Example { hashes: vec![1, 2], acts: ActSet::of(&[Act::Ask]), labeled: ALL_ACTS };
        let tell = Example { hashes: vec![1, 3], acts: ActSet::default(), labeled: ALL_ACTS };
        let examples: Vec<&Example> = std::iter::repeat_n([&ask, &tell], 50).flatten().collect();
        let a = train(&examples, TrainOptions::default());
        let b = train(&examples, TrainOptions::default());
        assert_eq!(
            a.to_data([0.5; ACT_COUNT], [0.1; ACT_COUNT]).encode(),
            b.to_data([0.5; ACT_COUNT], [0.1; ACT_COUNT]).encode()
        );
        assert!(a.probabilities(&[1, 2])[0] > 0.9 && a.probabilities(&[1, 3])[0] < 0.1);
    }

    #[test]
    fn thresholds_maximise_the_weighted_f_score() {
        let best: Vec<[f32; ACT_COUNT]> = [0.9, 0.8, 0.7, 0.6, 0.4].iter().map(|&p| [p; ACT_COUNT]).collect();
        let labels: Vec<ActSet> = [true, true, false, true, false]
            .iter()
            .map(|&y| if y { ActSet::from_bits(u16::MAX) } else { ActSet::default() })
            .collect();
        // Precision first: a threshold over 0.7 keeps two of two right; recall first, one
        // under 0.6 finds all three.
        let sure = best_thresholds(&best, &labels, 0.5, 0.1, 0.95)[0];
        let possible = best_thresholds(&best, &labels, 2.0, 0.1, 0.95)[0];
        assert!(sure > 0.7 && sure <= 0.8, "{sure}");
        assert!(possible > 0.4 && possible <= 0.6, "{possible}");
    }

    #[test]
    fn thresholds_move_little_when_one_message_moves() {
        // 400 messages: positives score high, negatives low, with a wide overlap.
        let scores: Vec<(f32, bool)> = (0..400)
            .map(|i| ((i as f32 * 0.618).fract() * 0.6 + if i % 3 == 0 { 0.35 } else { 0.0 }, i % 3 == 0))
            .collect();
        let threshold = |scores: &[(f32, bool)]| {
            let best: Vec<[f32; ACT_COUNT]> = scores.iter().map(|&(p, _)| [p; ACT_COUNT]).collect();
            let labels: Vec<ActSet> =
                scores.iter().map(|&(_, y)| if y { ActSet::from_bits(u16::MAX) } else { ActSet::default() }).collect();
            best_thresholds(&best, &labels, 0.5, 0.1, 0.95)[0]
        };
        let before = threshold(&scores);
        for moved in 0..20 {
            let mut changed = scores.clone();
            changed[moved * 19].0 = 1.0 - changed[moved * 19].0;
            let after = threshold(&changed);
            assert!((after - before).abs() <= 0.06, "moving message {}: {before} → {after}", moved * 19);
        }
    }
}
