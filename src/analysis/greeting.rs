//! Whether a message is only a greeting: nothing left once its greetings, vocatives,
//! presence checks, bumps, thanks and sign-off are taken away.

use super::Context;
use crate::language::acts::Act;
use crate::language::{Acts, Mood, TokenKind, Upos};
use crate::span::Span;

/// Messages longer than this are never just a greeting.
const MAX_WORDS: usize = 12;

/// The whole message's span when it is only a greeting or presence check: when the
/// sentences read so one by one ([`reads_as_greeting`]), or when the act model's verdict
/// on the whole message says so ([`super::acts::MessageActs::verdict`]) and a sentence
/// greets or checks presence, which catches greetings the sentence reading does not know
/// ("ping luke-jr"). Thanks alone, an answer ("Hi Sam, works for me.") or "FYI" is no
/// greeting, whatever the verdict. A message of more than 12 words is never only a
/// greeting. A message of nothing but @mentions ([`mentions_only`]) is a ping.
pub fn greeting_only(cx: &Context<'_>) -> Option<Span> {
    reads_as_greeting(cx).or_else(|| mentions_only(cx)).or_else(|| {
        let words = &cx.doc.words;
        (cx.acts().verdict("bare-greeting") == Some(true)
            && !words.is_empty()
            && words.len() <= MAX_WORDS
            && may_greet(cx))
        .then(|| Span::new(words[0].start, words[words.len() - 1].end))
    })
}

/// The span of a message that holds nothing but @mentions, with at most punctuation and
/// emoji beside them ("@mcibique", "@AlexPurhalo ^", "@ann, @bo 👋"): the spec's ping with
/// no subject, which calls the readers and says nothing. A reader counts no word in it.
fn mentions_only(cx: &Context<'_>) -> Option<Span> {
    if cx.doc.word_count() > 0 || cx.doc.has_reference() {
        return None;
    }
    let tokens: Vec<_> =
        (0..cx.doc.sentences.len()).flat_map(|index| cx.language().sentence(index).tokens.iter()).collect();
    let mentions: Vec<Span> = tokens.iter().filter(|t| t.kind == TokenKind::Mention).map(|t| t.span).collect();
    let only_mentions =
        tokens.iter().all(|t| matches!(t.kind, TokenKind::Mention | TokenKind::Punct | TokenKind::Emoji));
    let (first, last) = (mentions.first()?, mentions.last()?);
    only_mentions.then(|| first.cover(*last))
}

/// Whether some sentence greets or checks presence ("Hi", "are you around?").
fn greets(cx: &Context<'_>) -> bool {
    (0..cx.doc.sentences.len()).any(|index| {
        let acts = cx.language().sentence(index).acts;
        acts.contains(Acts::GREET) || acts.contains(Acts::PRESENCE)
    })
}

/// Whether the verdict's message may be a greeting: a sentence greets, checks presence or
/// is surely a greeting (a ping, a bare mention), and none thanks, tells something of a
/// thing ([`tells_of_a_thing`]), surely answers or says no action is needed (thanks alone
/// says something, and so does "Sounds good"; "FYI" says there is nothing to answer).
/// None of the corpus's bare greetings holds an answer.
fn may_greet(cx: &Context<'_>) -> bool {
    let thanks = (0..cx.doc.sentences.len()).any(|index| cx.language().sentence(index).acts.contains(Acts::THANK));
    let tells = (0..cx.doc.sentences.len()).any(|index| tells_of_a_thing(cx, index));
    (greets(cx) || cx.acts().any(Act::Greeting))
        && !thanks
        && !tells
        && !cx.acts().any(Act::Answer)
        && !super::is_marked_fyi(cx)
}

/// Whether the message is a thank-you note: some sentence thanks, and every sentence
/// surely does nothing but greet or thank ("@Andy thanks a lot for taking those notes").
/// Thanks react to what the readers did, as a reply does ("Thanks, that fixed it"): they
/// need no ask, and they are no bare greeting either.
pub fn thanks_only(cx: &Context<'_>) -> bool {
    let count = cx.doc.sentences.len();
    let acts = cx.acts();
    (0..count).any(|index| cx.language().sentence(index).acts.contains(Acts::THANK))
        && (0..count).all(|index| acts.decided[index].contains(Act::Greeting) && !tells_of_a_thing(cx, index))
}

/// The whole message's span when it is only a greeting or presence check: every
/// sentence does nothing but greet (a greeting, a name, a mention, a presence check, a
/// bump or thanks: the `greeting` act, [`super::acts`]), or is a sign-off ("Bart",
/// "Cheers, Bart") or the time a bump has waited ("It's been two weeks."), and at least
/// one greets or checks presence: thanks alone says something.
pub fn reads_as_greeting(cx: &Context<'_>) -> Option<Span> {
    let doc = cx.doc;
    let words = &doc.words;
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    for index in 0..doc.sentences.len() {
        let reading = cx.language().sentence(index);
        let last = index + 1 == doc.sentences.len();
        // Surely a greeting, and nothing else it may be. An answer counts only when sure,
        // as for `missing-ask`: it is told by context as much as by words, and a short
        // line that opens a message ("Hey team, happy holidays!") often may be one.
        let acts = cx.acts();
        let mut other = acts.possible[index];
        other.remove(Act::Greeting);
        if !acts.decided[index].contains(Act::Answer) {
            other.remove(Act::Answer);
        }
        let greeting = reading.is_only_opening()
            || acts.decided[index].contains(Act::Greeting) && other.is_empty() && !tells_of_a_thing(cx, index);
        if !(greeting || last && is_sign_off(cx, index) || is_time_waited(cx, index)) {
            return None;
        }
    }
    greets(cx).then(|| Span::new(words[0].start, words[words.len() - 1].end))
}

/// Whether the sentence, after its opening, tells something of a thing: a statement with
/// a noun (after its determiner and adjectives) as the subject of a verb ("Hey all, the
/// build is green again.", "Morning all, the servers are back up."). The act model reads
/// a sentence that opens with a greeting as one, whatever follows; a wish ("hope you all
/// had a great week", "have a great weekend") has no such subject.
fn tells_of_a_thing(cx: &Context<'_>, index: usize) -> bool {
    let reading = cx.language().sentence(index);
    let tags = &reading.tags;
    // A question puts its verb first: "@Vincent - TW are you here?" checks presence.
    reading.mood == Mood::Statement
        && (reading.core..tags.len()).any(|at| {
            matches!(tags[at].upos, Upos::Noun | Upos::Propn)
                && tags.get(at + 1).is_some_and(|next| matches!(next.upos, Upos::Aux | Upos::Verb))
                && (reading.core..at).all(|k| matches!(tags[k].upos, Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn))
        })
}

/// The message's last sentence is a signature: one to three names, maybe after a closing
/// word ("Bart", "-Joe", "Cheers, Bart").
fn is_sign_off(cx: &Context<'_>, index: usize) -> bool {
    let reading = cx.language().sentence(index);
    let words: Vec<(&str, Upos)> = reading
        .tokens
        .iter()
        .zip(&reading.tags)
        .filter(|(t, _)| t.kind == TokenKind::Word)
        .map(|(t, tag)| (cx.doc.text_of(t.span), tag.upos))
        .collect();
    let closing = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "best" | "regards" | "cheers" | "thanks" | "thx" | "sincerely" | "cordially"
        )
    };
    let names = words.iter().skip_while(|(w, _)| closing(w)).collect::<Vec<_>>();
    !names.is_empty()
        && names.len() <= 3
        && names.iter().all(|(w, upos)| *upos == Upos::Propn || w.chars().next().is_some_and(char::is_uppercase))
}

/// "It's been two weeks.", "It has been a while": how long a bump has waited.
fn is_time_waited(cx: &Context<'_>, index: usize) -> bool {
    let reading = cx.language().sentence(index);
    let lower: Vec<String> = reading
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| cx.doc.text_of(t.span).to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    match lower.as_slice() {
        ["it", "'s" | "has" | "is", "been", rest @ ..] => {
            !rest.is_empty()
                && rest.len() <= 4
                && rest.iter().all(|w| {
                    matches!(
                        *w,
                        "a" | "while"
                            | "some"
                            | "time"
                            | "ages"
                            | "few"
                            | "couple"
                            | "of"
                            | "now"
                            | "already"
                            | "over"
                            | "more"
                            | "than"
                            | "two"
                            | "three"
                            | "four"
                            | "several"
                            | "many"
                    ) || w.chars().all(|c| c.is_ascii_digit())
                        || matches!(*w, "day" | "days" | "week" | "weeks" | "month" | "months")
                })
        }
        _ => false,
    }
}
