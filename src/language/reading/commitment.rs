//! The writer committing to a step of their own ("I'll send it Friday", "Let me
//! check"): it asks the reader for nothing.

use super::W;
use super::mood::imperative_at;
use crate::language::tagger::Upos;

/// "I'll send it Friday", "We will deploy tomorrow", "I'm going to fix it".
pub(super) fn is_commitment(core: &[W<'_>]) -> bool {
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.is_punct()).collect();
    // "Let me check and get back to you": the writer's own next step.
    if matches!(words.as_slice(), [l, m, v, ..] if l.is("let") && m.is("me") && !v.is("know") && v.is_verb()) {
        return true;
    }
    let Some(subject) = words.iter().position(|w| w.any(&["i", "we"])) else { return false };
    let after: Vec<&str> = words[subject + 1..].iter().take(4).map(|w| w.lower).collect();
    let promises = matches!(
        after.as_slice(),
        ["will", ..]
            | ["'ll", ..]
            | ["shall", ..]
            | ["am", "going", "to", ..]
            | ["'m", "going", "to", ..]
            | ["are", "going", "to", ..]
            | ["'re", "going", "to", ..]
            | ["plan", "to", ..]
            | ["intend", "to", ..]
            | ["'m", "planning", "to", ..]
            | ["am", "planning", "to", ..]
    );
    // Only the main clause: "if we will…" or "when I'll…" is not a promise.
    promises && !words[..subject].iter().any(|w| w.upos() == Upos::Sconj || w.any(&["if", "when", "whether", "unless"]))
}

/// An imperative that announces the writer's own next step ("Let me check"), asking
/// nothing. ("Feel free to call me" and "if you have questions, let me know" do ask:
/// they invite the reader to act, and writers and labellers count them as requests.)
pub(super) fn is_own_step(core: &[W<'_>]) -> bool {
    let Some(at) = imperative_at(core) else { return false };
    let after: Vec<&str> = core[at..].iter().filter(|w| !w.is_punct()).map(|w| w.lower).take(3).collect();
    matches!(after.as_slice(), ["let", "me", verb, ..] if *verb != "know")
}

#[cfg(test)]
mod tests {
    use super::super::tests::read;
    use crate::language::reading::Acts;

    #[test]
    fn commitments() {
        assert!(read("I'll send it Friday.").acts.contains(Acts::COMMIT));
        assert!(read("We will deploy tomorrow morning.").acts.contains(Acts::COMMIT));
    }
}
