use super::*;

fn prose(source: &str, kind: FileKind) -> String {
    Document::parse(source, kind, ParseOptions { skip_quotes: true }).prose
}

fn sentences(source: &str, kind: FileKind) -> Vec<String> {
    let doc = Document::parse(source, kind, ParseOptions { skip_quotes: true });
    doc.sentences.iter().map(|s| doc.text_of(s.span).to_string()).collect()
}

#[test]
fn prose_has_the_same_length_and_lines() {
    let source = "# Title\n\nSome `code` and a [link](https://example.com).\n\n```\nfn main() {}\n```\n";
    let prose = prose(source, FileKind::Markdown);
    assert_eq!(prose.len(), source.len());
    assert_eq!(prose.lines().count(), source.lines().count());
    let words: Vec<&str> = prose.split_whitespace().collect();
    assert_eq!(words, ["Title", "Some", "and", "a", "link", "."]);
}

#[test]
fn front_matter_html_and_comments_are_blank() {
    let source = "---\ntitle: x\n---\n<div>hi</div>\n\nText <!-- note --> here.\n";
    let doc = Document::parse(source, FileKind::Markdown, ParseOptions::default());
    assert_eq!(doc.prose.trim(), "Text               here.");
    assert_eq!(doc.comments.len(), 1);
}

#[test]
fn quotes_are_skipped_when_asked() {
    let source = "Mine.\n\n> Theirs.\n";
    assert_eq!(prose(source, FileKind::Markdown).trim(), "Mine.");
    let doc = Document::parse(source, FileKind::Markdown, ParseOptions { skip_quotes: false });
    assert_eq!(doc.blocks.len(), 2);
}

#[test]
fn bare_urls_are_links_not_words() {
    let doc = Document::parse("See https://example.com/a_b. Thanks", FileKind::Text, ParseOptions::default());
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.words.len(), 2);
    assert!(doc.prose.ends_with(". Thanks"));
}

#[test]
fn a_wrapped_address_on_its_own_line_is_a_link() {
    // A hard-wrapped list post (../shared/examples/messages-2 017): the address is the
    // context a reference needs, not a line of code.
    let source = "Sargun's use case has some similarities with IncFS\n\
                  (https://source.android.com/devices/architecture/kernel/incfs).\n";
    let doc = Document::parse(source, FileKind::Text, ParseOptions::default());
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.text_of(doc.links[0]), "https://source.android.com/devices/architecture/kernel/incfs");
}

#[test]
fn text_signature_and_reply_chrome_are_skipped() {
    let source =
        "Looks good.\n\nOn Tue, 3 Nov 2026, Sam <sam@example.com> wrote:\n> old text\n\n-- \nSam Doe\nExample Corp\n";
    assert_eq!(sentences(source, FileKind::Text), ["Looks good."]);
    let source = "Thanks, merging.\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\n\nOld.";
    assert_eq!(sentences(source, FileKind::Text), ["Thanks, merging."]);
    // A reply header in any language: a line naming a sender's address, ending in a colon
    // (a newcomer's mail; its time is not the writer's).
    let source = "Merged, thanks.\n\n2017年5月2日(火) 19:52 Kentaro Wada <wkentaro@example.com>:\n> old text\n";
    assert_eq!(sentences(source, FileKind::Text), ["Merged, thanks."]);
    assert!(Document::parse(source, FileKind::Text, ParseOptions::default()).reply);
}

#[test]
fn plain_text_code_lines_are_skipped() {
    let source = "My code fails:\n\n    stream.open();\nexpression.append(\"x\").append(y);\n\nAny idea?";
    assert_eq!(sentences(source, FileKind::Text), ["My code fails:", "Any idea?"]);
}

#[test]
fn a_quoted_question_inside_a_sentence_does_not_end_it() {
    // UAX #29 breaks after "?" or "!" and the closing quote whatever follows.
    let source = "1. Send the final \"This list is now closed!\" email across this list.\n";
    assert_eq!(
        sentences(source, FileKind::Text),
        ["Send the final \"This list is now closed!\" email across this list."]
    );
    let source = "How are we doing with the “how are we managing CI failures?” item? Do we still need it?\n";
    assert_eq!(
        sentences(source, FileKind::Text),
        ["How are we doing with the “how are we managing CI failures?” item?", "Do we still need it?"]
    );
    // data/messages lg-013 (a mailing list's plan) and cx-042 (an IRC meeting).
    let source = "6. Send a \"This list is now open again!\" email across the list\n";
    assert_eq!(sentences(source, FileKind::Text), ["Send a \"This list is now open again!\" email across the list"]);
    let source = "how are we doing with the \"how are we managing CI failures?\" item? Do we need to keep doing this on a weekly basis?\n";
    assert_eq!(
        sentences(source, FileKind::Text),
        [
            "how are we doing with the \"how are we managing CI failures?\" item?",
            "Do we need to keep doing this on a weekly basis?"
        ]
    );
    // A capital after the quote starts a new sentence, and so does a new chat line.
    let source = "She asked \"Can we ship?\" Nobody knew.\n";
    assert_eq!(sentences(source, FileKind::Text), ["She asked \"Can we ship?\"", "Nobody knew."]);
    let source = "he asked \"can you review?\"\nsure, will do\n";
    assert_eq!(sentences(source, FileKind::Text), ["he asked \"can you review?\"", "sure, will do"]);
}

#[test]
fn list_items_and_headings_are_blocks() {
    let source = "## Plan\n\n- first item\n- second item\n  - nested item\n\nA paragraph.\n";
    let doc = Document::parse(source, FileKind::Markdown, ParseOptions::default());
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [BlockKind::Heading(2), BlockKind::ListItem, BlockKind::ListItem, BlockKind::ListItem, BlockKind::Paragraph]
    );
}

#[test]
fn crlf_and_bom_keep_offsets() {
    let source = "\u{feff}Hello there.\r\nSecond line here.\r\n";
    let doc = Document::parse(source, FileKind::Text, ParseOptions::default());
    assert_eq!(doc.prose.len(), source.len());
    assert_eq!(doc.text_of(doc.words[0]), "Hello");
    assert_eq!(doc.words[0].start, 3);
}

#[test]
fn escapes_and_entities_stay_in_place() {
    let source = "a \\*b\\* &amp; c";
    let doc = Document::parse(source, FileKind::Markdown, ParseOptions::default());
    assert_eq!(doc.prose, "a  *b *       c");
}

#[test]
fn a_sentence_that_starts_with_code_is_its_own() {
    let source = "An example is a version of `Rc` called `RcMut`.  `RcMut` would have a `clone_mut()` method. \
        Use it, e.g. `foo` works.\n";
    assert_eq!(
        sentences(source, FileKind::Markdown),
        [
            "An example is a version of `Rc` called `RcMut`.",
            "would have a `clone_mut()` method.",
            "Use it, e.g. `foo` works."
        ]
    );
}
