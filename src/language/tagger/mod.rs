//! A part-of-speech tagger: an averaged perceptron trained on the Universal Dependencies
//! English Web Treebank (`model/`; trained by `examples/train_tagger.rs`).
//!
//! Each word gets a universal tag (UPOS), the treebank's Penn tag (XPOS), and whether it
//! is an imperative verb (the treebank's `Mood=Imp`): "Review" in "Review the draft" is
//! `VERB/VB/Imp`, in "can you review" `VERB/VB`, in "the review" `NOUN/NN`. Words are
//! tagged left to right, each from its own forms, its neighbours' forms and the two tags
//! before it (Collins 2002; Honnibal's "A good part-of-speech tagger in about 200 lines
//! of Python", 2013). Frequent words that the treebank always tags one way are looked up.

pub mod features;
pub mod model;

use std::sync::LazyLock;

use features::{Context, WordForm};
use model::Model;

/// The model compiled into plainly; see `model/README.md` for its data and license.
static MODEL_BYTES: &[u8] = include_bytes!("../../../model/tagger.bin");

static TAGGER: LazyLock<Tagger> =
    LazyLock::new(|| Tagger::new(MODEL_BYTES).expect("the built-in tagger model is checked by its tests"));

/// The built-in tagger, read on first use.
pub fn tagger() -> &'static Tagger {
    &TAGGER
}

/// Universal part-of-speech tags (<https://universaldependencies.org/u/pos/>).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    /// Adjective: "clear", "first".
    Adj,
    /// Adposition: "in", "to", "during".
    Adp,
    /// Adverb: "very", "tomorrow", "where".
    Adv,
    /// Auxiliary: "is", "can", "will", "do" in "do you".
    Aux,
    /// Coordinating conjunction: "and", "but".
    Cconj,
    /// Determiner: "the", "this", "any".
    Det,
    /// Interjection: "hi", "thanks", "ok".
    Intj,
    /// Noun: "review", "deadline".
    Noun,
    /// Numeral: "3", "two".
    Num,
    /// Particle: "not", "to" before a verb, "'s".
    Part,
    /// Pronoun: "you", "we", "someone".
    Pron,
    /// Proper noun: "Sam", "Kubernetes".
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction: "if", "that", "because".
    Sconj,
    /// Symbol: "$", "%", ":)".
    Sym,
    /// Verb: "review", "send".
    Verb,
    /// Anything else: foreign words, typos, code.
    X,
}

impl Upos {
    /// The tag as the treebank writes it.
    pub fn name(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag named `name` as the treebank writes it.
    pub fn from_name(name: &str) -> Option<Upos> {
        Some(match name {
            "ADJ" => Upos::Adj,
            "ADP" => Upos::Adp,
            "ADV" => Upos::Adv,
            "AUX" => Upos::Aux,
            "CCONJ" => Upos::Cconj,
            "DET" => Upos::Det,
            "INTJ" => Upos::Intj,
            "NOUN" => Upos::Noun,
            "NUM" => Upos::Num,
            "PART" => Upos::Part,
            "PRON" => Upos::Pron,
            "PROPN" => Upos::Propn,
            "PUNCT" => Upos::Punct,
            "SCONJ" => Upos::Sconj,
            "SYM" => Upos::Sym,
            "VERB" => Upos::Verb,
            "X" => Upos::X,
            _ => return None,
        })
    }
}

/// A word's tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tag {
    /// The universal tag.
    pub upos: Upos,
    /// The Penn Treebank tag ("VB", "VBZ", "MD", "PRP"), which tells a base-form verb from
    /// a present one and a modal from other auxiliaries.
    pub xpos: &'static str,
    /// An imperative verb: "Send" in "Send it today".
    pub imperative: bool,
}

impl Tag {
    /// Reads a model's tag name: `UPOS/XPOS` or `UPOS/XPOS/Imp`.
    fn parse(name: &'static str) -> Option<Tag> {
        let mut parts = name.split('/');
        let upos = Upos::from_name(parts.next()?)?;
        let xpos = parts.next().unwrap_or("");
        let imperative = match parts.next() {
            None => false,
            Some("Imp") => true,
            Some(_) => return None,
        };
        Some(Tag { upos, xpos, imperative })
    }

    /// The tag as `plainly analyze` shows it: `VERB/VB/Imp`.
    pub fn name(&self) -> String {
        let mut name = self.upos.name().to_string();
        if !self.xpos.is_empty() {
            name.push('/');
            name.push_str(self.xpos);
        }
        if self.imperative {
            name.push_str("/Imp");
        }
        name
    }
}

/// A tagger over a model.
pub struct Tagger {
    model: Model<'static>,
    tags: Vec<Tag>,
}

/// The dictionary key of a word as written (case kept: "US" and "us" differ).
pub fn word_hash(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in word.as_bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

impl Tagger {
    /// A tagger over the model in `bytes`.
    pub fn new(bytes: &'static [u8]) -> Result<Tagger, String> {
        let model = Model::read(bytes)?;
        let tags = model
            .tags
            .iter()
            .map(|name| Tag::parse(name).ok_or_else(|| format!("unknown tag {name:?} in the model")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Tagger { model, tags })
    }

    /// Whether the treebank the model was trained on has `word`, in any case: "FIRST" is
    /// an English word in capitals, "PRD" is not.
    pub fn knows(&self, word: &str) -> bool {
        self.model.word_class(word_hash(&WordForm::new(word).norm)) != 0
    }

    /// The tags of a sentence's words, one per word.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<Tag> {
        let forms: Vec<WordForm> = words
            .iter()
            .map(|w| {
                let mut form = WordForm::new(w.as_ref());
                form.class = self.model.word_class(word_hash(&form.norm));
                form
            })
            .collect();
        let known: Vec<Option<u8>> = words.iter().map(|w| self.model.word_tag(word_hash(w.as_ref()))).collect();
        let mut chosen: Vec<u8> = Vec::new();
        let mut features = Vec::with_capacity(48);
        let mut scores = vec![0i32; self.tags.len()];
        for pass in 0..self.model.pass_count() {
            let before: Vec<&str> = chosen.iter().map(|&t| self.model.tags[usize::from(t)]).collect();
            chosen.clear();
            for (i, known) in known.iter().enumerate() {
                let tag = match *known {
                    Some(tag) => tag,
                    None => {
                        let previous = features::previous_tags(i, |at| self.model.tags[usize::from(chosen[at])]);
                        let first_pass = (pass > 0).then_some(before.as_slice());
                        let cx = Context { words: &forms, previous_tags: previous, first_pass };
                        features.clear();
                        cx.features(i, &mut features);
                        scores.fill(0);
                        self.model.add_all_weights(pass, &features, &mut scores);
                        best(&scores)
                    }
                };
                chosen.push(tag);
            }
        }
        chosen.into_iter().map(|t| self.tags[usize::from(t)]).collect()
    }

    /// Tags from the dictionary alone, for a run of words too long to read as a sentence
    /// ([`crate::language::MAX_READ_WORDS`]): a word the dictionary always tags one way
    /// gets that tag, any other word `NOUN`.
    pub fn tag_coarse<S: AsRef<str>>(&self, words: &[S]) -> Vec<Tag> {
        let noun = Tag { upos: Upos::Noun, xpos: "NN", imperative: false };
        words
            .iter()
            .map(|w| self.model.word_tag(word_hash(w.as_ref())).map_or(noun, |t| self.tags[usize::from(t)]))
            .collect()
    }
}

/// The index of the highest score; the first one on a tie, so tagging is deterministic.
pub fn best(scores: &[i32]) -> u8 {
    let mut best = 0;
    for (i, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = i;
        }
    }
    best as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_model_is_whole() {
        let model = Model::read(MODEL_BYTES).expect("the model reads");
        model.validate().expect("the model validates");
        assert_eq!(model.pass_count(), 2);
        assert!(Tagger::new(MODEL_BYTES).is_ok());
    }

    #[test]
    fn tags_an_imperative_and_a_question() {
        let names = |words: &[&str]| tagger().tag(words).iter().map(Tag::name).collect::<Vec<_>>();
        assert_eq!(names(&["Review", "the", "draft", "by", "Friday", "."])[0], "VERB/VB/Imp");
        assert_eq!(
            names(&["Can", "you", "review", "it", "?"]),
            ["AUX/MD", "PRON/PRP", "VERB/VB", "PRON/PRP", "PUNCT/."]
        );
    }

    #[test]
    fn empty_sentence_has_no_tags() {
        assert!(tagger().tag::<&str>(&[]).is_empty());
    }
}
