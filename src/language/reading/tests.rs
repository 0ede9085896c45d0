use super::*;
use crate::language::read_span;

fn read(text: &str) -> SentenceReading {
    read_span(text, text, Span::new(0, text.len()))
}

fn acts(text: &str) -> Vec<&'static str> {
    read(text).acts.names()
}

fn mood_of(text: &str) -> &'static str {
    read(text).mood.name()
}

#[test]
fn moods() {
    assert_eq!(mood_of("Can you review the draft by Friday?"), "question");
    assert_eq!(mood_of("Could someone take a look at the failing build."), "question");
    assert_eq!(mood_of("Review the draft by Friday."), "imperative");
    assert_eq!(mood_of("Please send me the numbers."), "imperative");
    assert_eq!(mood_of("Don't merge the branch yet."), "imperative");
    // Chat verbs the tagger reads as a gerund or a noun, before an object pronoun.
    assert_eq!(mood_of("Ping me ASAP if the build breaks."), "imperative");
    assert_eq!(mood_of("Slack me the link when it's up."), "imperative");
    assert_eq!(mood_of("Thanking you in advance for the help."), "statement");
    assert_eq!(mood_of("I merged the branch yesterday."), "statement");
    assert_eq!(mood_of("Thanks!"), "fragment");
}

#[test]
fn asks() {
    for text in [
        "Can you review the draft by Friday?",
        "Review the draft by Friday.",
        "Sam, please send me the numbers.",
        "We probably need someone from the DB team to look at this.",
        "Let me know if that works.",
        "Thoughts?",
        "I'd appreciate it if you could take a look.",
        "If you have time, send the report today.",
        "Please find attached the report.",
        "If anyone has comments, they need to be in before that.",
        "Keep monitoring the logs until Friday.",
        // Needing what only the reader can give (the treebank's emails, chat).
        "I need an answer ASAP.",
        "Rick, I need your view on which of these deals need to go through the board.",
        "We need some more feedback on the design before we start.",
        // The writer, or someone they speak for, wants to know (ask-intent, the corpus).
        "Ben wants to know if you, Marissa and Carolyn are available for lunch tomorrow at 1130.",
        "If not, I'd love to hear what we are doing wrong.",
        "I'd like to see what everyone thinks of this idea.",
    ] {
        assert!(read(text).asks(), "{text}: {:?}", read(text));
    }
    for text in [
        "I'll send it Friday.",
        "Have a great weekend!",
        "We shipped the fix yesterday.",
        "A customer keeps asking “can you hop on a call?”",
        "How are you?",
        // Encouragement to go on (messages-2 019, the treebank's reviews).
        "Keep on hacking the electromagnetic spectrum, never let your signal processing slow down, and:",
        "KEEP UP THE GOOD WORK.",
        // People in general want to know (messages-2 020, the corpus).
        "We're planning talks on whatever folks may find interesting that they think others might like to know about.",
        "Users want to know how often the reflector performs a `LIST`.",
        "Keep it up.",
    ] {
        assert!(!read(text).asks(), "{text}: {:?}", read(text));
    }
}

#[test]
fn meetings() {
    for text in [
        "Can we talk today?",
        "Let's get on zoom.",
        "Can we hop on a quick call at 3pm?",
        "Let's sync tomorrow.",
        "Barbara, please organize a call for Mike, Michelle, Mark Stubley and me.",
        "Can we set up a call for 15 minutes?",
    ] {
        assert!(read(text).acts.contains(Acts::MEETING), "{text}: {:?}", read(text));
    }
    for text in [
        "Call me at 555-0100 if anything breaks.",
        "Can you make the call on pricing?",
        "Can you send the meeting notes?",
        "Can we meet the deadline?",
        // "call for" + a thing (messages-2 020, the treebank, the corpus).
        "Call For Papers (CFP)",
        "Handcrafted Furry Animals Wholesale, Call for a Catalog NOW!",
        "Please post a call for comments period on the PR.",
        "A customer keeps asking “can you hop on a call?”",
    ] {
        assert!(!read(text).acts.contains(Acts::MEETING), "{text}: {:?}", read(text));
    }
}

#[test]
fn greetings_and_presence() {
    assert_eq!(acts("Hi team!"), ["greet"]);
    assert_eq!(acts("Hey @sam, are you there?"), ["greet", "presence"]);
    assert_eq!(acts("Got a sec?"), ["presence"]);
    assert_eq!(acts("Do you have a minute?"), ["presence"]);
    assert!(read("Hello, are you there?").is_only_opening());
    assert!(!read("Hi Sam, can you review the draft?").is_only_opening());
}

#[test]
fn addressees() {
    let r = read("Sam, can you review this?");
    assert_eq!((r.addressee.you, r.addressee.vocative.map(|s| s.start)), (true, Some(0)));
    let r = read("Hi team, quick update on the launch.");
    assert_eq!(r.addressee.group.map(|s| (s.start, s.end)), Some((3, 7)));
    let r = read("Could someone take a look?");
    assert!(r.addressee.group.is_some());
}

#[test]
fn proposals_after_a_fronted_time() {
    // tests/messages 053; the treebank's emails; chat.
    for text in [
        "Not urgent, but at some point we should drop the Python 3.8 job from CI.",
        "In the meantime we should ask Legal for the contract.",
        "At the next meeting we could go over the budget.",
    ] {
        assert!(read(text).acts.contains(Acts::PROPOSE), "{text}: {:?}", read(text));
    }
    assert!(!read("At some point we shipped the fix.").acts.contains(Acts::PROPOSE));
}

#[test]
fn commitments() {
    assert!(read("I'll send it Friday.").acts.contains(Acts::COMMIT));
    assert!(read("We will deploy tomorrow morning.").acts.contains(Acts::COMMIT));
}
