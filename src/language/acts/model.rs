//! The act model's file: for each act a bias, two thresholds and a weight scale, and for
//! each feature its hash and one weight per act, read in place from the bytes compiled
//! into the binary.
//!
//! An act has two thresholds on its probability because the rules ask two questions. A
//! rule that fires on an act ("a meeting is asked for") needs it to be *sure*: a
//! threshold chosen for precision. A rule that fires on an act's absence ("nothing is
//! asked") needs it to be surely absent, so any sentence that *possibly* has it clears
//! the rule: a lower threshold, chosen for recall. Between the two, plainly says nothing.
//!
//! Layout, all integers and floats little-endian:
//!
//! ```text
//! "PLAC" u32:version
//! u32:acts      acts × (u8:len, name, f32:bias, f32:sure, f32:possible, f32:scale)
//! u32:features  features × u32:hash (sorted, distinct), then features × acts × i8:weight
//! u32:verdicts  verdicts × (u8:len, rule, f32:bias, f32:threshold, u32:inputs,
//!                            inputs × f32:weight)
//! ```
//!
//! A verdict ([`super::message`]) is a rule's model over the whole message; its weights
//! are few (one per named feature) and kept in full.
//!
//! A weight is stored as a multiple of its act's scale in one byte (the largest weight of
//! an act is 127 scales), which loses under half a percent of the largest weight, far
//! less than the model's own uncertainty. A feature the model never saw adds nothing.
//! Every read is checked, so a corrupt file is an error, never a panic.

use super::message::{FEATURE_COUNT, VERDICT_RULES, Verdict, VerdictWeights};
use super::{ACT_COUNT, ActScores, ActSet};

const MAGIC: &[u8; 4] = b"PLAC";
const VERSION: u32 = 3;

/// An act model read from its bytes.
#[derive(Clone)]
pub struct ActModel<'a> {
    names: Vec<&'a str>,
    bias: [f32; ACT_COUNT],
    sure: [f32; ACT_COUNT],
    possible: [f32; ACT_COUNT],
    scale: [f32; ACT_COUNT],
    hashes: &'a [u8],
    weights: &'a [u8],
    verdicts: Vec<VerdictWeights>,
}

/// What a model file holds, for writing one.
#[derive(Clone, Debug, Default)]
pub struct ActModelData {
    /// The act names, in [`super::Act::ALL`]'s order.
    pub names: Vec<String>,
    /// Each act's bias (its log-odds with no feature).
    pub bias: Vec<f32>,
    /// Each act's threshold for being sure of it (chosen for precision).
    pub sure: Vec<f32>,
    /// Each act's threshold for its possibly being there (chosen for recall).
    pub possible: Vec<f32>,
    /// (feature hash, one weight per act), in any order; hashes must be distinct.
    pub features: Vec<(u32, Vec<f32>)>,
    /// The verdicts of the rules decided over the whole message, if any.
    pub verdicts: Vec<VerdictWeights>,
}

fn u32_at(bytes: &[u8], index: usize) -> u32 {
    let at = index * 4;
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or("act model is truncated")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<usize, String> {
        Ok(u32_at(self.take(4)?, 0) as usize)
    }

    fn f32(&mut self) -> Result<f32, String> {
        let b = self.take(4)?;
        let value = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if value.is_finite() { Ok(value) } else { Err("act model holds a number that is not finite".into()) }
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl std::fmt::Debug for ActModel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ActModel({} features)", self.feature_count())
    }
}

impl<'a> ActModel<'a> {
    /// Reads a model from `bytes`.
    pub fn read(bytes: &'a [u8]) -> Result<ActModel<'a>, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a plainly act model".into());
        }
        let version = r.u32()?;
        if version != VERSION as usize {
            return Err(format!("act model version {version}, expected {VERSION}"));
        }
        if r.u32()? != ACT_COUNT {
            return Err(format!("an act model has {ACT_COUNT} acts"));
        }
        let mut names = Vec::with_capacity(ACT_COUNT);
        let (mut bias, mut sure, mut possible, mut scale) =
            ([0.0; ACT_COUNT], [0.0; ACT_COUNT], [0.0; ACT_COUNT], [0.0; ACT_COUNT]);
        for k in 0..ACT_COUNT {
            let len = usize::from(r.take(1)?[0]);
            names.push(std::str::from_utf8(r.take(len)?).map_err(|_| "act name is not UTF-8")?);
            bias[k] = r.f32()?;
            sure[k] = r.f32()?;
            possible[k] = r.f32()?;
            scale[k] = r.f32()?;
        }
        let features = r.u32()?;
        let hashes = r.take(features.checked_mul(4).ok_or("act model is truncated")?)?;
        let weights = r.take(features.checked_mul(ACT_COUNT).ok_or("act model is truncated")?)?;
        let mut verdicts = Vec::new();
        for _ in 0..r.u32()? {
            let len = usize::from(r.take(1)?[0]);
            let rule = std::str::from_utf8(r.take(len)?).map_err(|_| "verdict rule is not UTF-8")?;
            if !VERDICT_RULES.contains(&rule) {
                return Err(format!("act model has a verdict for {rule:?}, which no verdict decides"));
            }
            let (bias, threshold) = (r.f32()?, r.f32()?);
            if r.u32()? != FEATURE_COUNT {
                return Err(format!("a verdict reads {FEATURE_COUNT} features"));
            }
            let weights = (0..FEATURE_COUNT).map(|_| r.f32()).collect::<Result<_, _>>()?;
            verdicts.push(VerdictWeights { rule: rule.to_string(), bias, threshold, weights });
        }
        if r.at != bytes.len() {
            return Err("act model has trailing bytes".into());
        }
        if !(1..features).all(|i| u32_at(hashes, i - 1) < u32_at(hashes, i)) {
            return Err("act model's features are out of order".into());
        }
        Ok(ActModel { names, bias, sure, possible, scale, hashes, weights, verdicts })
    }

    /// The act names, in the order of [`super::Act::ALL`].
    pub fn act_names(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.names.iter().copied()
    }

    /// Checks that the acts are the ones this build knows, in its order.
    pub fn validate(&self) -> Result<(), String> {
        for (name, act) in self.names.iter().zip(super::Act::ALL) {
            if *name != act.name() {
                return Err(format!("act model names {name:?} where {:?} belongs", act.name()));
            }
        }
        Ok(())
    }

    /// The verdict weights of `rule`, if the model decides it over the whole message.
    pub fn verdict_weights(&self, rule: &str) -> Option<&VerdictWeights> {
        self.verdicts.iter().find(|v| v.rule == rule)
    }

    /// The verdict on a message with `features` for `rule`, if the model has one.
    pub fn verdict(&self, rule: &str, features: &[f32; FEATURE_COUNT]) -> Option<Verdict> {
        self.verdict_weights(rule).map(|v| v.judge(features))
    }

    /// How many features have weights.
    pub fn feature_count(&self) -> usize {
        self.hashes.len() / 4
    }

    /// The thresholds of act `k`: for being sure of it, and for its possibly being there.
    pub fn thresholds(&self, k: usize) -> (f32, f32) {
        (self.sure[k], self.possible[k])
    }

    fn find(&self, hash: u32) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.feature_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match u32_at(self.hashes, mid).cmp(&hash) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The weight feature `hash` gives act `k`, if the model knows the feature.
    pub fn weight(&self, hash: u32, k: usize) -> Option<f32> {
        let at = self.find(hash)?;
        Some(f32::from(self.weights[at * ACT_COUNT + k] as i8) * self.scale[k])
    }

    /// The log-odds of each act given the features `hashes` (each counted once).
    pub fn logits(&self, hashes: &[u32]) -> [f32; ACT_COUNT] {
        let mut sums = self.bias;
        for &hash in hashes {
            if let Some(at) = self.find(hash) {
                let row = &self.weights[at * ACT_COUNT..(at + 1) * ACT_COUNT];
                for k in 0..ACT_COUNT {
                    sums[k] += f32::from(row[k] as i8) * self.scale[k];
                }
            }
        }
        sums
    }

    /// Each act's probability given the features `hashes`, and the acts over each
    /// threshold.
    pub fn score(&self, hashes: &[u32]) -> ActScores {
        let logits = self.logits(hashes);
        let mut probability = [0.0; ACT_COUNT];
        let (mut acts, mut possible) = (ActSet::default(), ActSet::default());
        for k in 0..ACT_COUNT {
            probability[k] = sigmoid(logits[k]);
            if probability[k] >= self.sure[k] {
                acts.insert(super::Act::ALL[k]);
            }
            if probability[k] >= self.possible[k] {
                possible.insert(super::Act::ALL[k]);
            }
        }
        ActScores { probability, acts, possible }
    }
}

impl ActModelData {
    /// The model file's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let put = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(MAGIC);
        put(&mut out, VERSION as usize);
        put(&mut out, self.names.len());
        let mut scale = vec![0.0f32; self.names.len()];
        for (k, s) in scale.iter_mut().enumerate() {
            let largest = self.features.iter().map(|(_, w)| w[k].abs()).fold(0.0f32, f32::max);
            *s = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        }
        for (k, name) in self.names.iter().enumerate() {
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&self.bias[k].to_le_bytes());
            out.extend_from_slice(&self.sure[k].to_le_bytes());
            out.extend_from_slice(&self.possible[k].to_le_bytes());
            out.extend_from_slice(&scale[k].to_le_bytes());
        }
        let mut rows: Vec<(u32, Vec<i8>)> = self
            .features
            .iter()
            .map(|(hash, w)| {
                (*hash, w.iter().zip(&scale).map(|(w, s)| (w / s).round().clamp(-127.0, 127.0) as i8).collect())
            })
            .filter(|(_, q): &(u32, Vec<i8>)| q.iter().any(|&v| v != 0))
            .collect();
        rows.sort_unstable_by_key(|(hash, _)| *hash);
        rows.dedup_by_key(|(hash, _)| *hash);
        put(&mut out, rows.len());
        for (hash, _) in &rows {
            out.extend_from_slice(&hash.to_le_bytes());
        }
        for (_, q) in &rows {
            out.extend(q.iter().map(|&v| v as u8));
        }
        put(&mut out, self.verdicts.len());
        for verdict in &self.verdicts {
            out.push(verdict.rule.len() as u8);
            out.extend_from_slice(verdict.rule.as_bytes());
            out.extend_from_slice(&verdict.bias.to_le_bytes());
            out.extend_from_slice(&verdict.threshold.to_le_bytes());
            put(&mut out, verdict.weights.len());
            for w in &verdict.weights {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::Act;
    use super::*;

    fn data() -> ActModelData {
        let names: Vec<String> = Act::ALL.iter().map(|a| a.name().to_string()).collect();
        let mut ask = vec![0.0; ACT_COUNT];
        ask[0] = 4.0;
        let mut fyi = vec![0.0; ACT_COUNT];
        fyi[15] = 2.0;
        fyi[0] = -1.0;
        ActModelData {
            names,
            bias: vec![-2.0; ACT_COUNT],
            sure: vec![0.5; ACT_COUNT],
            possible: vec![0.1; ACT_COUNT],
            features: vec![(9, ask), (3, fyi), (5, vec![0.0; ACT_COUNT])],
            verdicts: vec![VerdictWeights {
                rule: "bare-greeting".into(),
                bias: 1.0,
                threshold: 0.6,
                weights: vec![-2.0; FEATURE_COUNT],
            }],
        }
    }

    #[test]
    fn round_trips_within_a_scale_step() {
        let bytes = data().encode();
        let model = ActModel::read(&bytes).unwrap();
        model.validate().unwrap();
        assert_eq!(model.feature_count(), 2, "a feature with no weight is left out");
        let scores = model.score(&[9, 42]);
        assert!((scores.of(Act::Ask) - sigmoid(2.0)).abs() < 1e-3);
        assert!(scores.acts.contains(Act::Ask) && !scores.acts.contains(Act::Fyi));
        assert!(scores.possible.contains(Act::Ask) && scores.possible.contains(Act::Fyi), "sigmoid(-2) > 0.1");
        let both = model.logits(&[9, 3]);
        assert!((both[0] - 1.0).abs() < 0.05 && (both[15] - 0.0).abs() < 0.05, "{both:?}");
        let features = [0.0f32; FEATURE_COUNT];
        let verdict = model.verdict("bare-greeting", &features).unwrap();
        assert!((verdict.probability - sigmoid(1.0)).abs() < 1e-6 && verdict.fires);
        assert_eq!(model.verdict("no-deadline", &features), None, "no verdict decides it");
    }

    #[test]
    fn corrupt_files_are_errors() {
        let bytes = data().encode();
        for cut in 0..bytes.len() {
            assert!(ActModel::read(&bytes[..cut]).is_err());
        }
        let mut unordered = bytes.clone();
        let verdict_bytes = 4 + 1 + "bare-greeting".len() + 12 + 4 * FEATURE_COUNT;
        let features_at = bytes.len() - verdict_bytes - 2 * (4 + ACT_COUNT);
        unordered.swap(features_at, features_at + 4);
        assert!(ActModel::read(&unordered).is_err());
    }
}
