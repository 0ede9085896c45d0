//! The report of `plainly analyze`: how plainly reads a message, sentence by sentence,
//! and what it concludes about the message as a whole.

use std::fmt::Write as _;

use serde::Serialize;

use crate::Profile;
use crate::analysis::Context;
use crate::config::Settings;
use crate::document::Document;
use crate::input::FileKind;
use crate::language::acts::message::VERDICT_RULES;
use crate::language::acts::{Act, ActSet, features as acts_features};
use crate::language::{SentenceReading, TokenKind};
use crate::position::line_column_1;
use crate::span::Span;

/// A place in the file: 1-based line and column (Unicode scalar values), byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// 0-based byte offset.
    pub offset: usize,
}

/// A stretch of the file and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The text, as in the file.
    pub text: String,
    /// Where it starts.
    pub start: Place,
    /// Where it ends (exclusive).
    pub end: Place,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TokenReport {
    /// The token's text.
    pub text: String,
    /// Its tag: `UPOS/XPOS`, with `/Imp` on an imperative verb.
    pub tag: String,
    /// Its byte offset in the file.
    pub offset: usize,
    /// `word`, `punct`, `emoji`, `mention`, `reference`, `url` or `code`.
    pub kind: &'static str,
}

/// Whom a sentence addresses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AddresseeReport {
    /// The reader, as "you".
    pub you: bool,
    /// A vocative name or @mention.
    pub vocative: Option<String>,
    /// A group ("team", "anyone").
    pub group: Option<String>,
}

/// One sentence's reading.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceReport {
    /// The sentence.
    pub sentence: Quote,
    /// `question`, `imperative`, `statement` or `fragment`.
    pub mood: &'static str,
    /// Whom it addresses.
    pub addressee: AddresseeReport,
    /// What it does: `ask`, `propose`, `meeting`, `greet`, `presence`, `fyi`, `commit`, `thank`.
    pub acts: Vec<&'static str>,
    /// The words that ask for a meeting.
    pub meeting: Option<String>,
    /// Reported words (in quotation marks), which are not the writer's asks.
    pub reported: Vec<String>,
    /// What the act model and the hand-written reading say it does, and what the rules
    /// read.
    pub act_reading: ActReading,
    /// Its tokens and their tags.
    pub tokens: Vec<TokenReport>,
}

/// What a sentence does, as the message rules read it (see `plainly explain`'s rules and
/// `model/README.md`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActReading {
    /// The acts the rules are sure of (each decided by the model, the hand reading, or
    /// both, act by act).
    pub acts: Vec<&'static str>,
    /// The acts it may have: enough to clear a rule that fires on an act's absence.
    pub possible: Vec<&'static str>,
    /// The acts the hand-written reading finds.
    pub hand: Vec<&'static str>,
    /// The model's probability of each act it may have, highest first.
    pub scores: Vec<ActScore>,
}

/// The model's score of one act of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActScore {
    /// The act.
    pub act: &'static str,
    /// Its probability.
    pub probability: f32,
    /// Whether the model is sure of it.
    pub sure: bool,
    /// The features that weighed most toward it, with their weights.
    pub weighed_most: Vec<(String, f32)>,
    /// The features that weighed most against it, with their (negative) weights: why a
    /// sentence that reads like an ask to its writer is only possibly one.
    pub weighed_against: Vec<(String, f32)>,
}

/// The act model's verdict on the whole message for one rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerdictReport {
    /// The rule.
    pub rule: &'static str,
    /// The probability that it applies.
    pub probability: f32,
    /// The probability from which it fires.
    pub threshold: f32,
    /// Whether it fires, as far as the verdict goes (the rule's own exemptions still hold).
    pub fires: bool,
    /// The features that weighed most in the verdict, either way, with their part of its
    /// log-odds.
    pub weighed_most: Vec<(String, f32)>,
}

/// What plainly concludes about the message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MessageFacts {
    /// Whether anything in it asks something of the reader (what `missing-ask` reads).
    pub asks: bool,
    /// The first sentence that asks (what `no-deadline` and `buried-ask` anchor at).
    pub first_ask: Option<Quote>,
    /// The time that bounds the first ask, if the message gives one.
    pub deadline: Option<Quote>,
    /// Whether the message says no action is needed.
    pub fyi: bool,
    /// Whether the message is only greetings, names and presence checks (`bare-greeting`).
    pub greeting_only: bool,
    /// Words of checked prose, counted as `plainly check` counts them.
    pub words: usize,
    /// The act model's verdicts on the whole message, for the rules it decides.
    pub verdicts: Vec<VerdictReport>,
}

/// The whole reading of one message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MessageReading {
    /// The version of this JSON format.
    pub version: u32,
    /// The path as given (`<stdin>` for stdin).
    pub path: String,
    /// The profile it was read with.
    pub profile: Profile,
    /// The message's facts.
    pub message: MessageFacts,
    /// Each sentence's reading, in order.
    pub sentences: Vec<SentenceReport>,
}

impl MessageReading {
    /// Reads `source` as `plainly check` would check it.
    pub fn new(path: &str, source: &str, kind: FileKind, profile: Profile, settings: &Settings) -> MessageReading {
        let options = crate::engine::parse_options(kind, profile);
        let doc = Document::parse(source, kind, options);
        let cx = Context::new(&doc, settings, profile);
        let quote = |span: Span| {
            let place = |offset: usize| {
                let (line, column) = line_column_1(source, offset);
                Place { line, column, offset }
            };
            Quote { text: span.slice(source).to_string(), start: place(span.start), end: place(span.end) }
        };
        let acts = cx.acts();
        let sentences = (0..doc.sentences.len())
            .map(|index| {
                let mut report =
                    sentence_report(source, doc.sentences[index].span, cx.language().sentence(index), &quote);
                report.act_reading = act_reading(&cx, &acts.hand, index);
                report
            })
            .collect();
        let facts = cx.message_facts();
        MessageReading {
            version: 1,
            path: path.to_string(),
            profile,
            message: MessageFacts {
                asks: facts.first_ask.is_some(),
                first_ask: facts.first_ask.map(&quote),
                deadline: facts.deadline.map(&quote),
                fyi: facts.fyi,
                greeting_only: facts.greeting_only,
                words: doc.word_count(),
                verdicts: verdict_reports(&cx),
            },
            sentences,
        }
    }
}

fn sentence_report(
    source: &str,
    span: Span,
    reading: &SentenceReading,
    quote: &dyn Fn(Span) -> Quote,
) -> SentenceReport {
    let text = |span: Span| span.slice(source).to_string();
    SentenceReport {
        sentence: quote(span),
        mood: reading.mood.name(),
        addressee: AddresseeReport {
            you: reading.addressee.you,
            vocative: reading.addressee.vocative.map(text),
            group: reading.addressee.group.map(text),
        },
        acts: reading.acts.names(),
        act_reading: ActReading { acts: Vec::new(), possible: Vec::new(), hand: Vec::new(), scores: Vec::new() },
        meeting: reading.meeting.map(text),
        reported: reading.reported.iter().copied().map(text).collect(),
        tokens: reading
            .tokens
            .iter()
            .zip(&reading.tags)
            .map(|(token, tag)| TokenReport {
                text: text(token.span),
                tag: tag.name(),
                offset: token.span.start,
                kind: kind_name(token.kind),
            })
            .collect(),
    }
}

/// How many features `plainly analyze` shows for each act.
const WEIGHED_MOST: usize = 4;
const WEIGHED_AGAINST: usize = 2;

/// What sentence `index` does, as the message rules read it, and why.
fn act_reading(cx: &Context<'_>, hand: &[ActSet], index: usize) -> ActReading {
    let read = cx.acts();
    let names = |set: ActSet| set.iter().map(Act::name).collect::<Vec<_>>();
    let scores = &read.model[index];
    let features = crate::analysis::acts::feature_names(cx, hand, index);
    let model = cx.settings.act_model;
    let mut shown: Vec<ActScore> = Act::ALL
        .into_iter()
        .filter(|act| scores.possible.contains(*act))
        .map(|act| {
            let weights: Vec<(String, f32)> = features
                .iter()
                .filter_map(|name| {
                    let weight = model.weight(acts_features::hash(name), act.index())?;
                    Some((name.clone(), (weight * 100.0).round() / 100.0))
                })
                .collect();
            let strongest = |sign: f32, count: usize| {
                let mut chosen: Vec<(String, f32)> = weights.iter().filter(|(_, w)| w * sign > 0.0).cloned().collect();
                chosen.sort_by(|a, b| (b.1 * sign).total_cmp(&(a.1 * sign)).then_with(|| a.0.cmp(&b.0)));
                chosen.truncate(count);
                chosen
            };
            ActScore {
                act: act.name(),
                probability: (scores.of(act) * 100.0).round() / 100.0,
                sure: scores.acts.contains(act),
                weighed_most: strongest(1.0, WEIGHED_MOST),
                weighed_against: strongest(-1.0, WEIGHED_AGAINST),
            }
        })
        .collect();
    shown.sort_by(|a, b| b.probability.total_cmp(&a.probability).then_with(|| a.act.cmp(b.act)));
    ActReading {
        acts: names(read.decided[index]),
        possible: names(read.possible[index]),
        hand: names(hand[index]),
        scores: shown,
    }
}

/// The act model's verdicts on the message `cx` checks.
fn verdict_reports(cx: &Context<'_>) -> Vec<VerdictReport> {
    let Some(features) = cx.acts().verdict_features.as_deref() else { return Vec::new() };
    let round = |v: f32| (v * 100.0).round() / 100.0;
    VERDICT_RULES
        .iter()
        .filter_map(|&rule| {
            let weights = cx.settings.act_model.verdict_weights(rule)?;
            let verdict = weights.judge(features);
            Some(VerdictReport {
                rule,
                probability: round(verdict.probability),
                threshold: round(weights.threshold),
                fires: verdict.fires,
                weighed_most: weights
                    .strongest(features, WEIGHED_MOST)
                    .into_iter()
                    .map(|(name, part)| (name, round(part)))
                    .collect(),
            })
        })
        .collect()
}

fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Punct => "punct",
        TokenKind::Emoji => "emoji",
        TokenKind::Mention => "mention",
        TokenKind::Reference => "reference",
        TokenKind::Url => "url",
        TokenKind::Code => "code",
    }
}

/// The reading as JSON.
pub fn json(reading: &MessageReading) -> String {
    let mut out = serde_json::to_string_pretty(reading).expect("the reading serializes");
    out.push('\n');
    out
}

/// The reading for people: the message's facts, then one block per sentence.
pub fn human(reading: &MessageReading) -> String {
    let mut out = String::new();
    let m = &reading.message;
    let _ = writeln!(out, "{} ({} profile, {} words)", reading.path, reading.profile.name(), m.words);
    let at = |q: &Quote| format!("{}:{}", q.start.line, q.start.column);
    match &m.first_ask {
        Some(ask) => {
            let _ = writeln!(out, "  asks: yes, first at {}: “{}”", at(ask), one_line(&ask.text));
        }
        None if m.fyi => {
            let _ = writeln!(out, "  asks: no (it says no action is needed)");
        }
        None => {
            let _ = writeln!(out, "  asks: no");
        }
    }
    match &m.deadline {
        Some(deadline) => {
            let _ = writeln!(out, "  deadline: “{}” at {}", one_line(&deadline.text), at(deadline));
        }
        None => {
            let _ = writeln!(out, "  deadline: none");
        }
    }
    let _ = writeln!(out, "  greeting only: {}", if m.greeting_only { "yes" } else { "no" });
    for v in &m.verdicts {
        let why: Vec<String> = v.weighed_most.iter().map(|(name, w)| format!("{name} {w:+.2}")).collect();
        let fires = if v.fires { "fires" } else { "quiet" };
        let _ = writeln!(
            out,
            "  verdict {}: {:.2}, {fires} (from {:.2}): {}",
            v.rule,
            v.probability,
            v.threshold,
            why.join(", ")
        );
    }
    for (index, s) in reading.sentences.iter().enumerate() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}. {} “{}”", index + 1, at(&s.sentence), one_line(&s.sentence.text));
        let mut addressee = Vec::new();
        if s.addressee.you {
            addressee.push("you".to_string());
        }
        if let Some(name) = &s.addressee.vocative {
            addressee.push(format!("vocative “{name}”"));
        }
        if let Some(group) = &s.addressee.group {
            addressee.push(format!("group “{group}”"));
        }
        let addressee = if addressee.is_empty() { "-".to_string() } else { addressee.join(", ") };
        let acts = if s.acts.is_empty() { "-".to_string() } else { s.acts.join(", ") };
        let _ = writeln!(out, "   mood: {} · addressee: {addressee} · acts: {acts}", s.mood);
        if let Some(meeting) = &s.meeting {
            let _ = writeln!(out, "   meeting: “{}”", one_line(meeting));
        }
        let r = &s.act_reading;
        let list = |names: &[&str]| if names.is_empty() { "-".to_string() } else { names.join(", ") };
        let _ = writeln!(
            out,
            "   does: {} · may do: {} · hand reading: {}",
            list(&r.acts),
            list(&r.possible),
            list(&r.hand)
        );
        for score in &r.scores {
            let why: Vec<String> = score.weighed_most.iter().map(|(name, w)| format!("{name} {w:+.2}")).collect();
            let sure = if score.sure { "sure" } else { "possible" };
            let against: Vec<String> =
                score.weighed_against.iter().map(|(name, w)| format!("{name} {w:+.2}")).collect();
            let against = if against.is_empty() { String::new() } else { format!("; against: {}", against.join(", ")) };
            let _ = writeln!(out, "     {} {:.2} ({sure}): {}{against}", score.act, score.probability, why.join(", "));
        }
        for reported in &s.reported {
            let _ = writeln!(out, "   reported: {}", one_line(reported));
        }
        let tokens: Vec<String> = s.tokens.iter().map(|t| format!("{}/{}", one_line(&t.text), t.tag)).collect();
        let _ = writeln!(out, "   {}", tokens.join(" "));
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
