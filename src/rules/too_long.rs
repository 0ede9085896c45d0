//! Flags messages over 250 words.

use super::{Context, MESSAGE_STANDUP, OptionMeta, Rule, RuleMeta, Scope};
use crate::Profile;
use crate::finding::{Finding, Severity};

/// Words per minute for the reading time: a careful reader, often in a second language.
const READING_WPM: usize = 200;

/// A real update of about 300 words: the flagged example.
const LONG_MESSAGE: &str = "Hi all, here is where the billing migration stands after this week. On Monday we moved the first two \
hundred accounts to the new invoicing service, and the nightly reconciliation job matched every invoice \
against the old system without a single difference, which is the result we hoped for. On Tuesday we found \
that accounts with more than one currency were rounded twice, once by the old adapter and once by the new \
service, so a handful of invoices were off by a cent. Priya fixed the adapter, and we reran the \
comparison for those accounts on Wednesday; they match now. On Thursday the payments team asked whether \
the new service can send receipts in the customer's language, which the old system never did. It can, but \
the templates for Japanese and German are not translated yet, so we left receipts in English for now and \
opened a ticket for the translations. The next batch is the remaining eleven hundred accounts, which we \
plan to move in three groups over the next two weeks, starting with the smallest customers so that any \
surprise affects as few people as possible. Before we start, we need finance to confirm that the \
month-end close can run on the new service, because the close report reads from tables that the migration \
renames. If finance cannot confirm that by Friday, we will keep the old tables as views for one more \
month, which costs us a little storage but nothing else. Thanks to everyone who helped test the first \
batch, and especially to the support team for answering customer questions while we changed things \
underneath them.";

pub(crate) static META: RuleMeta = RuleMeta {
    id: "too-long",
    summary: "A message over 250 words",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[Profile::Doc],
    weight: 8,
    scope: Scope::Message,
    reads_english: false,
    docs: r#"
## What it does
Flags a message with more words of the writer's prose than `max-words` (250), and says
how long it takes to read (at 200 words a minute).

## Why
Async readers triage dozens of messages. A long one is skimmed or saved for later, and
its ask waits with it. Lead with the ask, cut, or move the details into a linked doc.

## What counts
Words of checked prose: quoted replies, signatures after `-- `, code, URLs and link
targets do not count. The finding points at the sentence where the message passes the
limit. Off in `doc` by default; turn it on with `too-long = "on"`."#,
    options: &[OptionMeta { name: "max-words", default: 250, min: 1, doc: "The most words a message may have." }],
    example_config: None,
    flagged: &[LONG_MESSAGE],
    fine: &["Can you review the draft by Friday 15:00 UTC? Thanks!"],
};

/// See [`META`].
pub struct TooLong;

impl Rule for TooLong {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let max = cx.option(&META, "max-words") as usize;
        let doc = cx.doc;
        let words = doc.word_count();
        if words <= max {
            return Vec::new();
        }
        let Some(crossing) = doc.word_after_count(max).map(|i| doc.words[i]) else { return Vec::new() };
        let span = doc.sentence_at(crossing.start).map_or(crossing, |s| doc.sentences[s].span);
        let minutes = words.div_ceil(READING_WPM);
        let message = format!(
            "This message is {words} words (about {minutes} min to read), over {max}: lead with the ask and cut, or link to a doc for details."
        );
        vec![Finding::new(span, message)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_at_the_sentence_that_crosses_the_limit() {
        let text = format!("{}[[Here it crosses the limit.]] More.", "One two three four five. ".repeat(50));
        assert_flags(&TooLong, &text);
    }

    #[test]
    fn says_reading_time() {
        let text = "word ".repeat(450);
        assert_eq!(
            messages(&TooLong, &text)[0],
            "This message is 450 words (about 3 min to read), over 250: lead with the ask and cut, or link to a doc for details."
        );
    }

    #[test]
    fn quoted_reply_does_not_count() {
        let text = format!("Looks good, merging.\n\n{}", "> quoted words here\n".repeat(100));
        assert_clean(&TooLong, &text);
    }

    #[test]
    fn signature_does_not_count() {
        let text = format!("Looks good, merging.\n-- \n{}", "Sam Doe, Senior Engineer, Example Corp\n".repeat(60));
        assert_clean(&TooLong, &text);
    }
}
