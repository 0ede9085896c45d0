//! Flags messages that ask nothing of their readers and do not say no action is needed.

use super::{Context, MESSAGE, OptionMeta, Rule, RuleMeta, Scope};
use crate::Profile;
use crate::finding::{Finding, Fix, Severity};
use crate::input::FileKind;
use crate::language::acts::Act;
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "missing-ask",
    summary: "The message asks nothing of its readers and is not marked FYI",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[Profile::Standup],
    weight: 15,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
Flags a message that asks nothing of its readers and does not say that no action is
needed. Messages under `min-words` (6) words are exempt (see `bare-greeting`).

## Why
A reader who finishes a message without knowing what is expected of them either does
nothing, or replies to ask, and in another time zone that costs a day. If you need
something, say it; if you don't, say that ("FYI, no action needed") so nobody waits.

## What counts
plainly reads each sentence's grammar (`plainly analyze` shows how). An ask is a
sentence whose mood and addressee make it a request of the reader:

- a question to the reader: "Can you…?", "Could someone take a look?", "Thoughts?",
  "Any objections?", "Shall we…?";
- a request in the form of a statement: "please…" (also "Please find attached the
  report"), "I need someone from the DB team to look at this", "need your input",
  "let me know what you think", "I'd appreciate it if you could…", "If someone can
  help, that would be great", "I wanted to see if you…", "Ben wants to know whether…",
  "you need to…";
- an imperative to the reader, found by the tagger: "Review the draft by Friday",
  "Ping me if it breaks", "Tana, send me the numbers".

Not asks: the writer's commitment ("I'll send it Friday"), a proposal that the
writer may carry out ("we should…", "let's…"; asked as a question, "shall we…?", it
asks), a well-wish ("Have a great weekend", "Keep up the good work"), the writer's own
next step ("Let me check"), small talk ("How are you?"), words in quotation marks
(reported words: "a customer keeps asking “can you hop on a call?”"; also a quotation
over several sentences, "The page says “Connection refused. Please try again later.”"),
a question that stands as a heading over its own answer, headings, quoted replies and
text in brackets. A courtesy offer is no ask either, as the labeling guide says ("If
you have questions, please call", "Feel free to reach out"): it asks nothing unless the
reader has a reason, and a message whose only request is one is flagged. Where the act
model reads an offer as possibly asking ("Let me know if you have any questions"), the
rule stays quiet rather than risk a wrong finding. A team's own `[[ask]]` and
`[[imperative]]` entries add to the grammar.

A proposal is no ask, but it tells the readers what is expected: a message whose only
request is one ("Let's move the standup to 10am.", "If there are no objections, I'll
merge it on Friday.") asks for their agreement, and the rule stays quiet.

A reply needs no ask. plainly knows a draft is a reply from its setting (an email's
`In-Reply-To` or "Re:" subject, a quoted earlier message, `--reply`) or from its words: a
sentence the act model surely reads as an answer or a reaction ("Yes, that works", "+1",
"Thanks, that fixed it"), or an apology for answering late ("Sorry for the delay"). A
message that opens by reporting, with no greeting ("The numbers are almost ready."), is
as often the answer to a question asked earlier in a thread as news; where the model
reads it as an answer, the rule stays quiet rather than risk a wrong finding. "Hi team,
the numbers are almost ready." starts a conversation, and is flagged. A thank-you note,
whose every sentence thanks or greets ("@Andy thanks a lot for taking those notes"),
reacts to what its readers did, as a reply does, and needs no ask.

An FYI marker anywhere ("FYI", "for awareness", "no action needed", "nothing needed
from you", "no need to reply", "heads-up:") clears the rule, as does a reminder or
announcement that opens a sentence ("Reminder: …", "PSA: …") and the writer announcing
news ("We're pleased to announce the release of 0.9", "It is my pleasure to
announce…", "This post announces…"; not a plan to announce, nor someone else's
announcement). Words are counted as a reader counts them (an @mention, a URL or #123
is no word; "follow-up" is one). In a git commit message (`COMMIT_EDITMSG`) an
imperative says what the change does ("Add the importer") and is not an ask; such a
message records a change and asks nobody to act, so this rule does not apply to it. The
finding points at the first sentence; the fix marks the message FYI."#,
    options: &[OptionMeta { name: "min-words", default: 6, min: 1, doc: "Messages with fewer words are exempt." }],
    example_config: None,
    flagged: &[
        "I finished the migration scripts and pushed them to the branch. The tests pass locally.",
        "Hi team, the numbers are almost ready. I'll send them on Friday.",
        "Customers keep asking “can you hop on a call?” when the export fails. We logged 40 such tickets last week.",
    ],
    fine: &[
        "I finished the migration scripts. Can you review them by Friday 15:00 UTC?",
        "We probably need someone from the DB team to look at this before Friday.",
        "FYI: the migration scripts are on the branch. No action needed.",
        "Blocked by #461",
    ],
};

/// See [`META`].
pub struct MissingAsk;

impl Rule for MissingAsk {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        if doc.kind == FileKind::Commit || doc.reply || cx.settings.reply {
            return Vec::new();
        }
        if doc.word_count() < cx.option(&META, "min-words") as usize {
            return Vec::new();
        }
        // A proposal tells the readers what is expected, a reply answers, an FYI marker
        // says nothing is: none needs an ask. The rule fires only when no sentence may be
        // any of these.
        let acts = cx.acts();
        // An answer is told by context as much as by words, so only a sure one clears it.
        if [Act::Ask, Act::Propose, Act::Fyi].into_iter().any(|act| acts.may_have(act))
            || acts.any(Act::Answer)
            || crate::analysis::is_marked_fyi(cx)
            || crate::analysis::greeting::greeting_only(cx).is_some()
            || crate::analysis::greeting::thanks_only(cx)
        {
            return Vec::new();
        }
        let Some(first) = doc.sentences.first() else { return Vec::new() };
        let fix = Fix { title: "Mark it FYI".into(), ..Fix::replace(Span::empty(first.span.start), "FYI: ") };
        vec![
            Finding::new(
                first.span,
                "This message asks nothing of its readers: say what you need (a review, an answer, a decision) and by when, or mark it FYI.",
            )
            .with_fix(fix),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_status_without_ask_at_first_sentence() {
        assert_flags(&MissingAsk, "[[Hi team,]]\n\nI moved the job to the new cluster. It runs nightly now.");
    }

    #[test]
    fn a_thank_you_note_needs_no_ask() {
        // data/messages rf3-073: thanks react to what the reader did.
        assert_clean(&MissingAsk, "@AndyButcher-Dell thanks a lot for taking those notes");
        // Thanks beside news is a message that still asks nothing.
        assert_flags(&MissingAsk, "[[Hi team, the numbers are almost ready.]] Thanks for your patience.");
    }

    #[test]
    fn question_is_an_ask() {
        assert_clean(&MissingAsk, "I moved the job to the new cluster. Does the schedule still work for you?");
    }

    #[test]
    fn a_courtesy_offer_is_no_ask() {
        // The labeling guide's "not an ask": a courtesy offer. (One labeled set reads the
        // sentence the other way: `examples/messages-2` 041.)
        assert_flags(
            &MissingAsk,
            "[[I moved the job to the new cluster.]] If you have any questions, do not hesitate to call or write.",
        );
    }

    #[test]
    fn request_phrasing_is_an_ask() {
        assert_clean(&MissingAsk, "I moved the job to the new cluster, let me know if anything breaks.");
        assert_clean(&MissingAsk, "Attached is the LOI, please review and forward it to Lorraine.");
    }

    #[test]
    fn imperative_is_an_ask() {
        assert_clean(&MissingAsk, "Hi Sam, review the attached plan before the sync on Monday.");
        assert_clean(&MissingAsk, "Tana, send me the final numbers when the report is done.");
    }

    #[test]
    fn noun_that_looks_like_a_verb_is_not_an_imperative() {
        // "Review" is the subject: nothing is asked, so no deadline is missing either.
        // (Whether the statement needs an ask is the act model's call: it reads it as
        // reporting work done, which may answer an earlier message.)
        use crate::rules::no_deadline::NoDeadline;
        assert_clean(&NoDeadline, "Review of the plan is done and merged into main.");
        assert_flags(&NoDeadline, "[[Review the plan and merge it into main.]]");
    }

    #[test]
    fn a_commit_subject_in_the_imperative_is_not_an_ask() {
        use crate::rules::no_deadline::NoDeadline;
        let message = "Please add the pre-commit config, so every commit message is checked\n";
        assert!(run(&NoDeadline, Profile::Message, FileKind::Commit, message).is_empty());
        assert_eq!(run(&NoDeadline, Profile::Message, FileKind::Text, message).len(), 1);
        // A real request in a commit message still is one.
        let request = "Add the importer\n\nCan you review the retry policy in a follow-up?\n";
        assert_eq!(run(&NoDeadline, Profile::Message, FileKind::Commit, request).len(), 1);
    }

    #[test]
    fn a_commit_message_asks_nobody() {
        let message = "Move the nightly job to the new cluster\n\nIt runs at 02:00 UTC now.\n# Please enter the commit message.\n";
        assert!(run(&MissingAsk, Profile::Message, FileKind::Commit, message).is_empty());
        // The same news as a chat message (a statement, not an imperative) asks nothing.
        let news = "The nightly job moved to the new cluster\n\nIt runs at 02:00 UTC now.\n";
        assert_eq!(run(&MissingAsk, Profile::Message, FileKind::Text, news).len(), 1);
    }

    #[test]
    fn a_quotation_over_several_sentences_asks_nothing() {
        // "Please try again later." is the error page's words, not a request of the reader.
        let quoted = "The page says “Connection refused. Please try again later.” It happens on every upload.";
        assert_flags(&MissingAsk, &format!("[[The upload fails.]] {quoted}"));
        assert_clean(&crate::rules::no_deadline::NoDeadline, &format!("The upload fails. {quoted}"));
        // The same words as the writer's own are an ask.
        assert_clean(&MissingAsk, "The upload fails. Please try again later and tell me if it works.");
    }

    #[test]
    fn an_announcement_that_tells_needs_no_ask() {
        // The spec's hard case: an announcement that tells counts as an FYI marker.
        assert_clean(
            &MissingAsk,
            "Hi all,\n\nIt is my pleasure to announce the launch of the OCaml language committee. It meets monthly.",
        );
        // News without the writer announcing it still asks nothing.
        assert_flags(&MissingAsk, "[[Hi all,]]\n\nThe OCaml language committee was launched. It meets monthly.");
    }

    #[test]
    fn a_reply_needs_no_ask() {
        // The spec's hard case: a message that quotes the one it answers, or that the
        // caller says is a reply, asks nothing and needs to.
        let status = "I moved the job to the new cluster last night. It runs nightly now and the logs are clean.";
        assert_flags(&MissingAsk, &format!("[[I moved the job to the new cluster last night.]]{}", &status[46..]));
        assert_clean(&MissingAsk, &format!("> Did the job move?\n\n{status}"));
        assert_clean(
            &MissingAsk,
            &format!("On Tue, 3 Nov 2026 at 10:02, Sam <sam@example.com> wrote:\n> Did it move?\n\n{status}"),
        );
        let mut settings = crate::config::Settings::default();
        settings.reply = true;
        let doc = crate::document::Document::parse(status, FileKind::Text, crate::ParseOptions::default());
        assert!(
            crate::check_document(&doc, Profile::Message, &settings).findings.iter().all(|f| f.rule != "missing-ask")
        );
    }

    #[test]
    fn a_plan_awaiting_objections_asks_for_agreement() {
        // A mailing-list post of the fourth precision audit (data/audits/2026-12-07-4, 21).
        assert_clean(
            &MissingAsk,
            "Unless there are objections, I'm going to start working on getting our build setup with Ant and Python.",
        );
    }

    #[test]
    fn an_apology_for_answering_late_marks_a_reply() {
        // Two replies of a precision audit (data/audits/2026-12-07-4, 04 and 05), checked
        // as drafts with nothing to say they answer anything but their words.
        assert_clean(
            &MissingAsk,
            "Sorry for the wait. There's not a strict schedule, and we're trying to see if we can cut another release next week.",
        );
        assert_clean(
            &MissingAsk,
            "Hey! First of all, sorry for answering this late. The release will be delayed a little longer.",
        );
    }

    #[test]
    fn fyi_marker_clears_it() {
        assert_clean(&MissingAsk, "Heads-up: the cluster moves tonight and nothing changes for you.");
        assert_clean(&MissingAsk, "The cluster moves tonight. No action needed on your side.");
    }

    #[test]
    fn a_reminder_that_opens_a_sentence_is_fyi() {
        assert_clean(&MissingAsk, "Reminder: the office is closed on Friday for the move.");
        assert_clean(&MissingAsk, "Hi all, friendly reminder that the office is closed on Friday.");
        // "announcement" inside a sentence is no FYI marker; whether the sentence tells or
        // answers is the act model's call.
        let settings = crate::config::Settings::default();
        let text = "You probably saw the announcement that Dana now leads the markets team.";
        let doc = crate::document::Document::parse(text, FileKind::Text, crate::ParseOptions::default());
        let cx = crate::analysis::Context::new(&doc, &settings, Profile::Message);
        assert!(!crate::analysis::is_marked_fyi(&cx));
    }

    #[test]
    fn short_messages_are_exempt() {
        assert_clean(&MissingAsk, "Blocked by #461 I guess");
    }

    #[test]
    fn rhetorical_heading_is_not_an_ask() {
        let text = "# [[What is TensorFrames?]]\n\nIt lets you use TensorFlow with Spark data frames and ships today.";
        assert_flags_in(&MissingAsk, crate::Profile::Message, crate::FileKind::Markdown, text);
    }

    #[test]
    fn question_in_brackets_is_not_an_ask() {
        assert_flags(&MissingAsk, "[[The contract is almost done (today hopefully?) and legal signs off next.]]");
    }
}
