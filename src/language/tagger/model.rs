//! The model file: tag names, a dictionary of unambiguous words, and sparse feature
//! weights, read in place from the bytes compiled into the binary.
//!
//! Layout, all integers little-endian:
//!
//! ```text
//! "PLTG" u32:version
//! u32:tags      tags × (u8:len, name)           "NOUN/NN", "VERB/VB/Imp"
//! u32:words     words × u32:hash (sorted), words × u8:tag
//! u32:classes   classes × u32:hash (sorted), classes × u16:ambiguity class
//! u32:passes    then for each pass:
//!   u32:record bytes
//!   257 × u32:where the records of each block of 256 buckets start, and where they end
//!   65536 × u16:where each bucket's records start, from its block's start
//!   records, each: u16:the hash's low 16 bits (increasing within a bucket), then
//!                  (u8:tag, u8:level) pairs; the high bit of the last pair's tag is set
//!   256 × i16:levels (a weight's value is its level's)
//! ```
//!
//! A feature's bucket is its hash's top 16 bits. A bucket's start is its block's start plus
//! its own 16-bit offset, which halves the index (a block's records are always under 64 KB:
//! a pass has about two features a bucket); the next bucket's start is its end.
//!
//! Weights are stored as one of 256 levels spaced evenly in the logarithm of their size, so
//! a weight costs two bytes and a feature two more, with under 2% error on any weight. A
//! feature's record lies next to the others of its bucket, so looking one up touches its
//! bucket's offset and the bucket's records (the block starts, 1 KB, stay in cache). Nothing is copied or
//! decoded at start-up but the tag names; a corrupt file can give wrong tags but never a
//! panic, since every read is checked ([`Model::validate`] checks a file in full).

const MAGIC: &[u8; 4] = b"PLTG";
const VERSION: u32 = 6;

/// A model read from its bytes.
pub struct Model<'a> {
    /// Tag names in the order weights refer to them.
    pub tags: Vec<&'a str>,
    word_hashes: &'a [u8],
    word_tags: &'a [u8],
    class_hashes: &'a [u8],
    class_ids: &'a [u8],
    /// One weight table per pass.
    passes: Vec<Weights<'a>>,
}

/// The weights of one pass.
struct Weights<'a> {
    /// Where the records of each block of 256 buckets start (257 × u32, the last is the end).
    block_starts: &'a [u8],
    /// Where each bucket's records start, from its block's start (65536 × u16).
    bucket_offsets: &'a [u8],
    records: &'a [u8],
    levels: [i32; 256],
}

/// Buckets: a feature's bucket is its hash's top 16 bits.
const BUCKETS: usize = 1 << 16;
/// Buckets in a block, whose records' start is stored in full.
const BLOCK: usize = 256;
const BLOCKS: usize = BUCKETS / BLOCK;

/// Where a weight's value goes: 256 levels, evenly spaced in the logarithm of the size
/// between the smallest and the largest weight, positive and negative.
const HALF: usize = 128;

/// One pass's weights: (feature hash, [(tag, weight)]) in any order; zero weights are
/// left out.
pub type FeatureWeights = Vec<(u32, Vec<(u8, f64)>)>;

/// What a model file holds, for writing one.
pub struct ModelData {
    /// Tag names.
    pub tags: Vec<String>,
    /// (word hash, tag) for words that always take one tag; any order.
    pub words: Vec<(u32, u8)>,
    /// (normalized word hash, ambiguity class); any order.
    pub classes: Vec<(u32, u16)>,
    /// For each pass, its features' weights.
    pub passes: Vec<FeatureWeights>,
}

fn u32_at(bytes: &[u8], index: usize) -> u32 {
    let at = index * 4;
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The index of `hash` in the sorted u32 array `hashes`, searched between `lo` and `hi`.
fn find(hashes: &[u8], mut lo: usize, mut hi: usize, hash: u32) -> Option<usize> {
    while lo < hi {
        let mid = (lo + hi) / 2;
        match u32_at(hashes, mid).cmp(&hash) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

fn sorted(hashes: &[u8], n: usize) -> bool {
    (1..n).all(|i| u32_at(hashes, i - 1) < u32_at(hashes, i))
}

/// Reads a model file with bounds checks, so a corrupt file is an error, not a panic.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or("model file is truncated")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<usize, String> {
        Ok(u32_at(self.take(4)?, 0) as usize)
    }

    fn weights(&mut self) -> Result<Weights<'a>, String> {
        let record_bytes = self.u32()?;
        let block_starts = self.take((BLOCKS + 1) * 4)?;
        let bucket_offsets = self.take(BUCKETS * 2)?;
        let records = self.take(record_bytes)?;
        let level_bytes = self.take(2 * 256)?;
        let mut levels = [0i32; 256];
        for (k, level) in levels.iter_mut().enumerate() {
            *level = i32::from(i16::from_le_bytes([level_bytes[2 * k], level_bytes[2 * k + 1]]));
        }
        let weights = Weights { block_starts, bucket_offsets, records, levels };
        if !weights.is_consistent(record_bytes) {
            return Err("model file is inconsistent".into());
        }
        Ok(weights)
    }
}

/// The high bit of a pair's tag byte marks the last pair of a record, which saves a count
/// byte on every feature (a model has at most 128 tags).
const LAST: u8 = 0x80;

/// The tag bytes' `LAST` bits in four little-endian (tag, level) pairs read as a `u64`.
const LAST_OF_FOUR: u64 = 0x0080_0080_0080_0080;

/// The end of the record that starts at `at` in `records`, if it is whole. Four pairs are
/// tested at a time: walking records to the one wanted is a tenth of a message check.
fn record_end(records: &[u8], at: usize) -> Option<usize> {
    let mut end = at + 2;
    while let Some(four) = records.get(end..end + 8) {
        let marks = u64::from_le_bytes(four.try_into().ok()?) & LAST_OF_FOUR;
        if marks != 0 {
            // The first mark's pair is the last of the record.
            return Some(end + 2 * (marks.trailing_zeros() as usize / 16) + 2);
        }
        end += 8;
    }
    loop {
        let tag = *records.get(end)?;
        records.get(end + 1)?;
        end += 2;
        if tag & LAST != 0 {
            return Some(end);
        }
    }
}

/// Adds a record's (tag, level) `pairs` to `scores`.
fn add_pairs(pairs: &[u8], levels: &[i32; 256], scores: &mut [i32]) {
    for pair in pairs.chunks_exact(2) {
        if let Some(score) = scores.get_mut(usize::from(pair[0] & !LAST)) {
            *score += levels[usize::from(pair[1])];
        }
    }
}

/// Adds the weights of the record for `low` among a bucket's `records` to `scores`.
fn add_record(records: &[u8], low: u16, levels: &[i32; 256], scores: &mut [i32]) {
    let mut at = 0;
    while let Some(head) = records.get(at..at + 2) {
        let here = u16::from_le_bytes([head[0], head[1]]);
        if here > low {
            return;
        }
        let Some(end) = record_end(records, at) else { return };
        if here == low {
            add_pairs(&records[at + 2..end], levels, scores);
            return;
        }
        at = end;
    }
}

impl Weights<'_> {
    /// Whether the buckets' starts never decrease and the last ends at `record_bytes`.
    /// Read block by block in one pass: this runs at every start-up, before the first
    /// word is tagged.
    fn is_consistent(&self, record_bytes: usize) -> bool {
        let starts: Vec<usize> = (0..=BLOCKS).map(|b| u32_at(self.block_starts, b) as usize).collect();
        starts.windows(2).all(|w| w[0] <= w[1])
            && starts[BLOCKS] == record_bytes
            && self.bucket_offsets.chunks_exact(2 * BLOCK).zip(starts.windows(2)).all(|(offsets, block)| {
                let mut last = 0;
                offsets.chunks_exact(2).all(|o| {
                    let offset = usize::from(u16::from_le_bytes([o[0], o[1]]));
                    let increasing = offset >= last;
                    last = offset;
                    increasing
                }) && block[0] + last <= block[1]
            })
    }

    /// Where the records of `bucket` start in `records`; `start(BUCKETS)` is their end.
    fn start(&self, bucket: usize) -> usize {
        // `BUCKETS` has no offset of its own: it is the last block start, the records' end.
        let offset =
            self.bucket_offsets.get(2 * bucket..2 * bucket + 2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
        u32_at(self.block_starts, bucket / BLOCK) as usize + usize::from(offset)
    }

    /// The bytes of `bucket`'s records.
    fn bucket(&self, bucket: usize) -> &[u8] {
        self.records.get(self.start(bucket)..self.start(bucket + 1)).unwrap_or_default()
    }

    /// The records of `bucket`: (low hash, [(tag, level)]) in order, or an error when they
    /// do not parse.
    fn records(&self, bucket: usize) -> impl Iterator<Item = Option<(u16, &[u8])>> {
        let bytes = self.bucket(bucket);
        let mut at = 0;
        std::iter::from_fn(move || {
            if at >= bytes.len() {
                return None;
            }
            let record = record_end(bytes, at).map(|end| {
                let record = (u16::from_le_bytes([bytes[at], bytes[at + 1]]), &bytes[at + 2..end]);
                at = end;
                record
            });
            if record.is_none() {
                at = bytes.len();
            }
            Some(record)
        })
    }
}

impl<'a> Model<'a> {
    /// Reads a model from `bytes`.
    pub fn read(bytes: &'a [u8]) -> Result<Model<'a>, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a plainly tagger model".into());
        }
        let version = r.u32()?;
        if version != VERSION as usize {
            return Err(format!("tagger model version {version}, expected {VERSION}"));
        }
        let tag_count = r.u32()?;
        if tag_count == 0 || tag_count > usize::from(LAST) {
            return Err(format!("{tag_count} tags; a model has 1 to 128"));
        }
        let mut tags = Vec::with_capacity(tag_count);
        for _ in 0..tag_count {
            let len = r.take(1)?[0] as usize;
            tags.push(std::str::from_utf8(r.take(len)?).map_err(|_| "tag name is not UTF-8")?);
        }
        let words = r.u32()?;
        let word_hashes = r.take(words.checked_mul(4).ok_or("model file is truncated")?)?;
        let word_tags = r.take(words)?;
        let classes = r.u32()?;
        let class_hashes = r.take(classes.checked_mul(4).ok_or("model file is truncated")?)?;
        let class_ids = r.take(classes * 2)?;
        let pass_count = r.u32()?;
        let passes = (0..pass_count.min(8)).map(|_| r.weights()).collect::<Result<Vec<_>, _>>()?;
        if passes.len() != pass_count || passes.is_empty() {
            return Err(format!("{pass_count} passes; a model has 1 to 8"));
        }
        if r.at != bytes.len() {
            return Err("model file has trailing bytes".into());
        }
        if word_tags.iter().any(|&t| usize::from(t) >= tags.len())
            || !sorted(word_hashes, words)
            || !sorted(class_hashes, classes)
        {
            return Err("model file is inconsistent".into());
        }
        Ok(Model { tags, word_hashes, word_tags, class_hashes, class_ids, passes })
    }

    /// How many passes the model makes over a sentence.
    pub fn pass_count(&self) -> usize {
        self.passes.len()
    }

    /// The tag a word always takes, if the dictionary has it.
    pub fn word_tag(&self, hash: u32) -> Option<u8> {
        find(self.word_hashes, 0, self.word_tags.len(), hash).map(|at| self.word_tags[at])
    }

    /// The ambiguity class of a normalized word; 0 when the model does not know it.
    pub fn word_class(&self, hash: u32) -> u16 {
        find(self.class_hashes, 0, self.class_ids.len() / 2, hash)
            .map_or(0, |at| u16::from_le_bytes([self.class_ids[2 * at], self.class_ids[2 * at + 1]]))
    }

    /// Adds the weights that feature `hash` has in `pass` to `scores` (one per tag).
    pub fn add_weights(&self, pass: usize, hash: u32, scores: &mut [i32]) {
        let table = &self.passes[pass];
        add_record(table.bucket((hash >> 16) as usize), hash as u16, &table.levels, scores);
    }

    /// Adds the weights of every feature in `hashes` to `scores`. The records' places are
    /// looked up for all features before any is read, so the memory reads, which are most
    /// of a tagger's time, overlap instead of waiting on each other.
    pub fn add_all_weights(&self, pass: usize, hashes: &[u32], scores: &mut [i32]) {
        let table = &self.passes[pass];
        let mut places = [(0u32, 0u32); 64];
        for chunk in hashes.chunks(places.len()) {
            for (place, &hash) in places.iter_mut().zip(chunk) {
                let bucket = (hash >> 16) as usize;
                *place = (table.start(bucket) as u32, table.start(bucket + 1) as u32);
            }
            for (&(start, end), &hash) in places.iter().zip(chunk) {
                let bytes = table.records.get(start as usize..end as usize).unwrap_or_default();
                add_record(bytes, hash as u16, &table.levels, scores);
            }
        }
    }

    /// Checks the whole file: every record parses, hashes increase within a bucket, and
    /// every tag is known. Reading checks only the sizes; the built-in model is checked
    /// in full by its tests.
    pub fn validate(&self) -> Result<(), String> {
        for table in &self.passes {
            for bucket in 0..BUCKETS {
                let mut last = None;
                for record in table.records(bucket) {
                    let (low, weights) = record.ok_or("a weight record is cut short")?;
                    if last.is_some_and(|l| l >= low) {
                        return Err("weight records are out of order".into());
                    }
                    if weights.chunks_exact(2).any(|pair| usize::from(pair[0] & !LAST) >= self.tags.len()) {
                        return Err("a weight names an unknown tag".into());
                    }
                    last = Some(low);
                }
            }
        }
        Ok(())
    }
}

impl ModelData {
    /// The model file's bytes, or why they cannot be written: more than 128 tags, or a
    /// block of 256 buckets whose records reach 64 KB.
    pub fn encode(mut self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let put = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(MAGIC);
        put(&mut out, VERSION as usize);
        if self.tags.is_empty() || self.tags.len() > usize::from(LAST) {
            return Err(format!("{} tags; a model has 1 to 128", self.tags.len()));
        }
        put(&mut out, self.tags.len());
        for tag in &self.tags {
            out.push(tag.len() as u8);
            out.extend_from_slice(tag.as_bytes());
        }
        self.words.sort_unstable();
        self.words.dedup_by_key(|(hash, _)| *hash);
        put(&mut out, self.words.len());
        for (hash, _) in &self.words {
            put(&mut out, *hash as usize);
        }
        out.extend(self.words.iter().map(|(_, tag)| tag));
        self.classes.sort_unstable();
        self.classes.dedup_by_key(|(hash, _)| *hash);
        put(&mut out, self.classes.len());
        for (hash, _) in &self.classes {
            put(&mut out, *hash as usize);
        }
        for (_, class) in &self.classes {
            out.extend_from_slice(&class.to_le_bytes());
        }
        put(&mut out, self.passes.len());
        for features in self.passes {
            encode_pass(&mut out, features)?;
        }
        Ok(out)
    }
}

/// Appends one pass's weights to `out`.
fn encode_pass(out: &mut Vec<u8>, mut features: FeatureWeights) -> Result<(), String> {
    features.sort_unstable_by_key(|(hash, _)| *hash);
    features.dedup_by_key(|(hash, _)| *hash);
    // A feature holds at most 128 weights (a model has at most 128 tags).
    let mut kept: Vec<(u32, Vec<(u8, f64)>)> = Vec::with_capacity(features.len());
    for (hash, mut weights) in features {
        weights.retain(|(_, w)| *w != 0.0);
        if weights.is_empty() {
            continue;
        }
        weights.sort_unstable_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        weights.truncate(usize::from(LAST));
        weights.sort_unstable_by_key(|(tag, _)| *tag);
        kept.push((hash, weights));
    }
    let sizes = kept.iter().flat_map(|(_, w)| w.iter().map(|(_, v)| v.abs()));
    let (smallest, largest) = sizes.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let levels = Levels::new(smallest, largest);
    let mut records = Vec::new();
    let mut block_starts = Vec::with_capacity(BLOCKS + 1);
    let mut bucket_offsets = Vec::with_capacity(BUCKETS);
    let mut next = kept.iter().peekable();
    for bucket in 0..BUCKETS as u32 {
        if bucket as usize % BLOCK == 0 {
            block_starts.push(records.len());
        }
        let offset = records.len() - block_starts[block_starts.len() - 1];
        let offset = u16::try_from(offset)
            .map_err(|_| format!("the records of buckets {bucket:#x}'s block reach 64 KB; prune the model"))?;
        bucket_offsets.push(offset);
        while let Some((hash, weights)) = next.next_if(|(hash, _)| hash >> 16 == bucket) {
            records.extend_from_slice(&(*hash as u16).to_le_bytes());
            for (k, (tag, value)) in weights.iter().enumerate() {
                records.push(if k + 1 == weights.len() { tag | LAST } else { *tag });
                records.push(levels.index(*value));
            }
        }
    }
    block_starts.push(records.len());
    if records.len() - block_starts[BLOCKS - 1] > usize::from(u16::MAX) {
        return Err("the records of the last block of buckets reach 64 KB; prune the model".into());
    }
    let put = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    put(out, records.len());
    for start in block_starts {
        put(out, start);
    }
    for offset in bucket_offsets {
        out.extend_from_slice(&offset.to_le_bytes());
    }
    out.extend_from_slice(&records);
    for value in levels.values {
        out.extend_from_slice(&value.to_le_bytes());
    }
    Ok(())
}

/// The 256 values weights are rounded to: 128 sizes from the smallest weight to the
/// largest, evenly spaced in their logarithm, each positive (`128..`) and negative (`..128`),
/// scaled so the largest is `i16::MAX`.
struct Levels {
    smallest: f64,
    ratio: f64,
    values: [i16; 256],
}

impl Levels {
    fn new(smallest: f64, largest: f64) -> Levels {
        if !(smallest.is_finite() && largest > 0.0) {
            return Levels { smallest: 1.0, ratio: 2.0, values: [0; 256] };
        }
        let ratio = (largest / smallest).max(1.0 + 1e-9).powf(1.0 / (HALF - 1) as f64);
        let scale = f64::from(i16::MAX) / largest;
        let mut values = [0i16; 256];
        for k in 0..HALF {
            let size = (smallest * ratio.powi(k as i32) * scale).round().clamp(1.0, f64::from(i16::MAX)) as i16;
            values[HALF + k] = size;
            values[HALF - 1 - k] = -size;
        }
        Levels { smallest, ratio, values }
    }

    fn index(&self, value: f64) -> u8 {
        let k = ((value.abs() / self.smallest).ln() / self.ratio.ln()).round().clamp(0.0, (HALF - 1) as f64) as usize;
        if value > 0.0 { (HALF + k) as u8 } else { (HALF - 1 - k) as u8 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ends_are_found_four_pairs_at_a_time_and_one_by_one() {
        for pairs in 1..=9 {
            // A record: its low hash, then `pairs` (tag, level) pairs, the last one marked;
            // then a second record, so the four-pair test sees bytes past the end.
            let mut records = vec![0x34, 0x12];
            for k in 0..pairs {
                records.extend([if k + 1 == pairs { 5 | LAST } else { 5 }, 7]);
            }
            let end = 2 + 2 * pairs;
            assert_eq!(record_end(&records, 0), Some(end));
            records.extend([0x35, 0x12, 1 | LAST, 9]);
            assert_eq!(record_end(&records, 0), Some(end));
            assert_eq!(record_end(&records, end), Some(end + 4));
            // Cut short: no mark, or a marked tag without its level.
            assert_eq!(record_end(&records[..end - 2], 0), None);
            assert_eq!(record_end(&records[..end - 1], 0), None);
        }
    }

    #[test]
    fn round_trips() {
        let data = ModelData {
            tags: vec!["NOUN/NN".into(), "VERB/VB".into()],
            words: vec![(7, 1), (3, 0)],
            classes: vec![(11, 2), (4, 1)],
            passes: vec![
                vec![(0x0001_0005, vec![(0, 4.0), (1, -2.0)]), (9, vec![(1, 3.0)]), (0x0001_0001, vec![(1, 0.5)])],
                vec![(9, vec![(0, 1.0)])],
            ],
        };
        let bytes = data.encode().unwrap();
        let model = Model::read(&bytes).unwrap();
        assert_eq!(model.tags, ["NOUN/NN", "VERB/VB"]);
        assert_eq!((model.word_tag(3), model.word_tag(7), model.word_tag(5)), (Some(0), Some(1), None));
        assert_eq!((model.word_class(4), model.word_class(11), model.word_class(3)), (1, 2, 0));
        let mut scores = [0; 2];
        model.add_weights(0, 0x0001_0005, &mut scores);
        model.add_weights(0, 9, &mut scores);
        model.add_weights(0, 10, &mut scores);
        // Weights come back scaled so the largest is i16::MAX, within 2%.
        let unit = f64::from(i16::MAX) / 4.0;
        assert!((f64::from(scores[0]) / unit - 4.0).abs() < 0.08, "{scores:?}");
        assert!((f64::from(scores[1]) / unit - 1.0).abs() < 0.04, "{scores:?}");
        let mut second = [0; 2];
        model.add_weights(1, 9, &mut second);
        assert_eq!((model.pass_count(), second), (2, [i32::from(i16::MAX), 0]));
    }

    #[test]
    fn corrupt_files_are_errors() {
        let bytes = ModelData {
            tags: vec!["X/X".into()],
            words: vec![],
            classes: vec![],
            passes: vec![vec![(1, vec![(0, 1.0)])]],
        }
        .encode()
        .unwrap();
        for cut in 0..bytes.len() {
            assert!(Model::read(&bytes[..cut]).is_err());
        }
        let mut bad_tag = bytes.clone();
        let last_tag_at = bytes.len() - 512 - 2;
        bad_tag[last_tag_at] = 9;
        assert!(Model::read(&bad_tag).unwrap().validate().is_err());
    }
}
