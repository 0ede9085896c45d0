//! Flags sentences over 30 words (40 in docs).

use super::{ALL_PROFILES, Context, Locality, OptionMeta, Rule, RuleMeta, Scope};
use crate::Profile;
use crate::document::WrittenLines;
use crate::finding::{Finding, Severity};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "long-sentence",
    summary: "A sentence over 30 words (40 in docs)",
    severity: Severity::Info,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 2,
    scope: Scope::Text,
    reads_english: false,
    docs: r#"
## What it does
Flags a sentence with more words than `max-words`: 30 in messages and status updates,
40 in the `doc` profile. Setting `max-words` sets it for every profile.

## Why
Long sentences make the reader hold several ideas at once before the verb arrives, and
readers working in a second language lose the thread first. Two sentences are cheaper
than one rereading.

## What counts
Words are Unicode words of the writer's prose: code, URLs and markup are not counted.
Words joined by a hyphen or slash with no space ("full-time", "CSI/CNI") count as
one, as a reader counts them. Chinese and Japanese write words without spaces, so their
characters are not counted: a word count says little about a sentence in those scripts.
Sentences end at `.`, `!` and `?` (not after abbreviations such as "e.g." or initials),
and never run past the end of a paragraph, heading, list item or table cell. Line
breaks inside a paragraph do not end a sentence, with one exception in plain text (a
chat post, an email body): a line its writer ended on purpose, as each line of a chat
log is, is read on its own. A line counts as ended on purpose when the text is not
hard-wrapped (it has a line over 100 characters) or when the next line's first word
would have fitted on it with 3 characters to spare; a line that ends in a comma, a
colon or a dash goes on. A hard-wrapped email paragraph is read whole.

## Why 40 in docs
A message is read once, quickly, often on a phone: 30 words is already a lot. Docs are
read with attention, and their sentences carry names, options and conditions that a
message leaves out, so good docs run longer. 40 is Harper's limit, and it fits
well-edited books: on The Rust Programming Language (152,000 words) it flags 134
sentences, 0.9 per 1,000 words, where 30 flags 772 (5.1 per 1,000), most of them
ordinary explanatory sentences of 31 to 39 words that an editor would leave alone."#,
    options: &[OptionMeta {
        name: "max-words",
        default: 30,
        min: 1,
        doc: "The most words a sentence may have (when not set: 30, and 40 in docs).",
    }],
    example_config: None,
    flagged: &["We should review the migration plan together with the platform team before the freeze because \
otherwise we risk shipping a schema change that the reporting jobs, which run every night at two, cannot read."],
    fine: &["We should review the migration plan with the platform team before the freeze. Otherwise the nightly \
reporting jobs may not read the new schema."],
};

/// The default `max-words` in the `doc` profile (see "Why 40 in docs").
const DOC_MAX_WORDS: u32 = 40;

/// See [`META`].
pub struct LongSentence;

impl Rule for LongSentence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let max = match cx.settings.option_if_set(&META, "max-words") {
            Some(max) => max,
            None if cx.profile == Profile::Doc => DOC_MAX_WORDS,
            None => cx.option(&META, "max-words"),
        } as usize;
        let doc = cx.doc;
        // The lines of the block the last sentence was in, split once per block, so a
        // block of many long sentences stays linear.
        let mut lines = WrittenLines::default();
        let mut findings = Vec::new();
        // Counting is only worth it for the rare sentence that could be long.
        for sentence in doc.sentences.iter().filter(|s| s.words.len() > max) {
            for (span, words) in doc.seen_parts(sentence, &mut lines) {
                let words = doc.count_words(words);
                if words > max {
                    findings.push(Finding::new(
                        span,
                        format!(
                            "This sentence is {words} words long (over {max}): split it so readers keep the thread."
                        ),
                    ));
                }
            }
        }
        findings
    }

    fn locality(&self) -> Locality {
        // A sentence's length is counted from its own words.
        Locality::Section
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_sentence_over_limit() {
        let long = format!("[[{}end.]] Short one.", "word ".repeat(30));
        assert_flags(&LongSentence, &long);
    }

    #[test]
    fn chat_lines_are_sentences_of_their_own() {
        // One turn of an IRC log (#zig, 2018): 49 words on three lines, none over 30.
        assert_clean(
            &LongSentence,
            "MajorLag, I'm happy to take over the std.os.time PR from you and do whatever needs to be done to get it merged this weekend\nthanks for spearheading that work\nI looked into the aux vector thing on linux too; I think I can make static linux binaries use the vdso",
        );
        // And a turn of #flink (2015), 62 words on six lines.
        assert_clean(
            &LongSentence,
            "Hi TheChistoso_\nI saw your old messages in the log\nI think you asked whether we support Amazon SQS. the short answer is: no\nbut its not very hard to implement a new data source for flink\nI think you also asked for the website which serves the logs: I'm currently working on creating it\nI'm about to leave the channel again",
        );
        // A hard-wrapped email sentence (a list owner's mail, 1999) is read whole.
        assert_flags(
            &LongSentence,
            "This should be allright and cause no\nproblems.  [[However in some cases it has been suggested that there\nwill be such disruption (and floods of these badly configured \"I'm out\nof the office\" messages which are becoming, in aggregate,  a real\nnuisance) that preventative measures might be worth the effort/delay.]]",
        );
        // In Markdown a line break is a space, as it renders.
        let markdown = format!("[[{}\n{}.]]", ["word"; 20].join(" "), ["word"; 20].join(" "));
        assert_flags_in(&LongSentence, Profile::Message, crate::FileKind::Markdown, &markdown);
    }

    #[test]
    fn thirty_words_is_fine() {
        assert_clean(&LongSentence, &format!("{}.", ["word"; 30].join(" ")));
    }

    #[test]
    fn docs_allow_forty_words() {
        let doc = |words: usize| format!("{}.", vec!["word"; words].join(" "));
        let (kind, profile) = (crate::FileKind::Markdown, Profile::Doc);
        assert_clean_in(&LongSentence, profile, kind, &doc(40));
        assert_flags_in(&LongSentence, profile, kind, &format!("[[{}]]", doc(41)));
        // A setting applies to every profile.
        let settings = crate::Settings::parse(
            std::path::Path::new("plainly.toml"),
            "[rules]\nlong-sentence = { max-words = 30 }\n",
            crate::rules::catalogue(),
        )
        .unwrap();
        assert_eq!(run_with(&LongSentence, &settings, profile, kind, &doc(35)).len(), 1);
    }

    #[test]
    fn code_and_urls_do_not_count() {
        let text = format!("Run `{}` and see https://example.com/{} now.", "x y ".repeat(20), "a/".repeat(30));
        assert_clean_in(&LongSentence, crate::Profile::Doc, crate::FileKind::Markdown, &text);
    }

    #[test]
    fn compounds_count_once() {
        // 34 words as segmented, 29 as read.
        let text = "The full-time and part-time contributors on SIG-CLI and SIGs/WGs would like a \
            read-only mirror of the docs so that they can review the plan before the next meeting starts.";
        assert_clean(&LongSentence, text);
        let messages = messages(&LongSentence, &format!("{} And one more clause.", text.trim_end_matches('.')));
        assert_eq!(messages, ["This sentence is 33 words long (over 30): split it so readers keep the thread."]);
    }

    #[test]
    fn chinese_and_japanese_characters_are_not_counted() {
        assert_clean(
            &LongSentence,
            "これらのまとめや便利な情報へのクイックリファレンスはGitHubでのコントリビューションの体験をよりよいものにすることでしょう。",
        );
        assert_clean(
            &LongSentence,
            "这是一个很长的句子，用来测试中文字符不会被当作英文单词来计算句子的长度，因为中文不用空格分词。",
        );
    }

    #[test]
    fn list_items_are_separate_sentences() {
        let item = format!("- {}\n", ["word"; 20].join(" "));
        assert_clean_in(&LongSentence, crate::Profile::Doc, crate::FileKind::Markdown, &item.repeat(3));
    }
}
