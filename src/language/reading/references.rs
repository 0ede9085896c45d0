//! References to shared artifacts a reader may not have: a definite noun phrase
//! ("the draft", "this doc", "our deck") or an attachment ("the attached slides"); "this
//! PR" in a PR comment is the place the comment is posted, not a reference.

use super::W;
use crate::language::tagger::Upos;

/// Nouns for the shared artifacts a message points at and a reader may not have ("the
/// doc", "that PR", "the deck"). Nouns that usually name something the reader already
/// has in front of them ("the diff" in a review, "this thread", "the bug") are not here.
#[rustfmt::skip]
pub(super) const ARTIFACT_NOUNS: &[&str] = &[
    "doc", "docs", "spec", "specs", "specification", "pr", "prs", "pull", "mr", "ticket", "tickets",
    "deck", "slides", "dashboard", "dashboards", "spreadsheet", "spreadsheets", "rfc", "writeup", "write-up",
    "one-pager", "memo", "link", "attachment", "attachments", "screenshot", "screenshots", "recording",
];

/// Artifacts that are, after "this", the place a comment is posted ("this PR", "this
/// ticket"): the spec's hard case "the thread itself is not missing context".
pub(super) const THREAD_NOUNS: &[&str] = &["pr", "pull", "mr", "ticket"];

/// Determiners that make a noun phrase point at one particular thing.
pub(super) const DEFINITE: &[&str] =
    &["the", "this", "that", "these", "those", "our", "my", "your", "his", "her", "their"];

/// Words that mark an attachment ("the attached draft", "Attached is…").
pub(super) const ATTACHED: &[&str] = &["attached", "enclosed", "attaching", "enclosing"];

/// The noun phrases (as ranges of `words`) that point at an artifact: a definite
/// determiner, up to four modifiers, and a document noun as the head (the last noun, so
/// "the docs team" is about a team); or an attachment word with the noun phrase beside it.
pub(super) fn artifact_references(words: &[W<'_>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w.quote {
            i += 1;
            continue;
        }
        if w.any(DEFINITE) && !w.bracketed {
            // The noun phrase's head: the last of a run of modifiers and nouns.
            let mut end = i;
            let mut k = i + 1;
            while k < words.len() && k <= i + 5 {
                let n = &words[k];
                let modifier = matches!(n.upos(), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::X)
                    || n.any(ATTACHED)
                    || n.tag.xpos == "VBN" && !n.is_punct()
                    || n.lower == "'s";
                if !modifier || n.quote {
                    break;
                }
                if matches!(n.upos(), Upos::Noun | Upos::Propn | Upos::X) || n.any(ARTIFACT_NOUNS) {
                    end = k;
                }
                k += 1;
            }
            // "the second doc", "the only spec left", "the same link": one of several the
            // message itself describes, not a pointer.
            let enumerated = words[i + 1..end.max(i + 1)].iter().any(|n| {
                n.tag.xpos == "JJS"
                    || n.any(&[
                        "only", "same", "other", "second", "first", "third", "last", "next", "previous", "former",
                        "latter",
                    ])
            });
            let thread = w.is("this") && end == i + 1 && words[end].any(THREAD_NOUNS);
            if thread {
                i = end + 1 + usize::from(words.get(end + 1).is_some_and(|n| n.is("request")));
                continue;
            }
            if end > i && words[end].any(ARTIFACT_NOUNS) && !enumerated {
                // "pull request": the head is "request".
                let end = if words[end].is("pull") && words.get(end + 1).is_some_and(|n| n.is("request")) {
                    end + 1
                } else {
                    end
                };
                found.push((i, end));
                i = end + 1;
                continue;
            }
        }
        if w.any(ATTACHED) && !w.quote {
            // "Attached is a summary", "Proposed patch attached", "see attached".
            let before =
                (i.saturating_sub(3)..i).find(|&k| words[k].any(ARTIFACT_NOUNS) || words[k].any(&["see", "find"]));
            let from = before.unwrap_or(i);
            found.push((from, i));
            i += 1;
            continue;
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::tests::read;

    fn references(text: &str) -> Vec<&str> {
        read(text).references.iter().map(|span| span.slice(text)).collect()
    }

    #[test]
    fn this_pr_is_the_thread_the_comment_is_posted_in() {
        // Real pull-request comments (../shared/data/messages-train: gh-010, gh-056, gh-073).
        for text in [
            "@marco-leo merging this PR to solve issues in upstream that are blocking the flex testing team.",
            "Reminder that this PR has to be in at 23:59:59.",
            "Please fix the rest of the memory leaks after this pr is merged.",
        ] {
            assert_eq!(references(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn a_definite_artifact_or_an_attachment_is_a_reference() {
        assert_eq!(references("Did you get a chance to look at the deck?"), ["the deck"]);
        // A PR other than the thread's is a reference.
        assert_eq!(references("The fix is in that PR from last week."), ["that PR"]);
        assert_eq!(references("Can you check the attached slides before the review?"), ["the attached slides"]);
    }
}
