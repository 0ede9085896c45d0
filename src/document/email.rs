//! Email messages (`.eml`): only the text the sender wrote is prose.
//!
//! The message is read with `mail-parser`. Headers are never prose. The text that is
//! checked is the first `text/plain` part of the message body; only when there is none
//! is the first HTML part converted to text and checked instead. In a multipart
//! message, everything else (MIME boundaries, the other parts' headers and bodies,
//! attachments) is skipped, and the attachments are counted, because an attachment
//! gives "see attached" its context. Within the chosen text the usual plain-text rules
//! apply: the signature after `-- `, "On … wrote:" lines, forwarded messages and
//! quoted `> ` lines are not the sender's prose.
//!
//! A body sent as 7bit, 8bit or binary is checked where it stands, so every position
//! is exact. A quoted-printable or base64 body, or an HTML-only one, is decoded first
//! and positions are mapped back into the file:
//!
//! - quoted-printable UTF-8 or ASCII text maps exactly to the bytes that encode it: an
//!   escape such as `=E2=80=99` belongs to the character it encodes, and soft line
//!   breaks (`=` at the end of a line) fall inside a span that crosses them;
//! - base64 UTF-8 or ASCII text maps to the whole four-character base64 groups that
//!   encode it, since one group carries three bytes;
//! - anything else (HTML converted to text, other character sets, text that cannot be
//!   lined up with its encoding) maps to the first line of that part's body.
//!
//! A file whose first line is not a header field (`Name: value`, or an mbox `From `
//! line), or whose header block has no standard email header (From, To, Subject,
//! Content-Type, …), is not a message: it is checked whole as plain text. A message
//! whose text is base64 that cannot be decoded has no prose, and neither has a message
//! the parser fails on.

use mail_parser::decoders::html::html_to_text;
use mail_parser::decoders::quoted_printable::quoted_printable_decode_char;
use mail_parser::{Encoding, HeaderName, Message, MessageParser, MessagePart, MimeHeaders, PartType};

use super::{Builder, bom_len, text};
use crate::span::Span;

/// Parses an RFC 5322 message in `region`: the chosen text part is read as a plain-text
/// body in place. An encoded or HTML-only body is left blank here; [`decode_body`]
/// decodes it for [`crate::check`].
pub(crate) fn parse(builder: &mut Builder<'_>, region: Span) {
    let source = builder.source();
    let text = region.slice(source);
    let message = match read_message(text) {
        Reading::Message(message) => message,
        Reading::NotAMessage => {
            text::parse(builder, region);
            return;
        }
        Reading::Unreadable => return,
    };
    let body = choose_body(&message);
    builder.attachments(attachment_count(&message, body.as_ref()));
    if is_reply(&message) {
        builder.reply();
    }
    if let Some(Body { part, form: Form::AsIs }) = body {
        let span = part_body(part, text).shift(region.start);
        text::parse(builder, on_char_boundaries(span, source));
    }
}

/// The text part of an email whose body is quoted-printable, base64 or HTML, decoded,
/// with a map from decoded offsets back into the file.
#[derive(Debug)]
pub struct DecodedBody {
    /// The decoded text.
    pub text: String,
    /// Files attached to the message; the document parsed from `text` should carry it.
    pub attachments: usize,
    /// Whether the headers say the message answers an earlier one.
    pub reply: bool,
    /// File bytes `(start, end)` that carry each run of `per_carrier` decoded bytes;
    /// empty when the text could not be lined up with its encoding.
    carriers: Vec<(u32, u32)>,
    per_carrier: usize,
    /// The first line of the part's body, where spans map without carriers.
    first_line: Span,
}

impl DecodedBody {
    /// The file span for a span of the decoded text: inside `source`, on character
    /// boundaries, and not empty when `span` is not.
    pub fn map_span(&self, span: Span, source: &str) -> Span {
        let Some(&(_, last_end)) = self.carriers.last() else {
            return on_char_boundaries(self.first_line, source);
        };
        // A span that runs past the decoded text (it never should) ends where the text does.
        let carrier = |at: usize| self.carriers.get(at / self.per_carrier).copied();
        let start = carrier(span.start).map_or(last_end, |(start, _)| start);
        let end = if span.is_empty() { start } else { carrier(span.end - 1).map_or(last_end, |(_, end)| end) };
        on_char_boundaries(Span::new(start as usize, end as usize), source)
    }
}

/// The decoded text part of `source`, when it is transfer-encoded or HTML; `None` when
/// the body can be checked where it stands in the file (or there is none).
pub fn decode_body(source: &str) -> Option<DecodedBody> {
    let offset = bom_len(source);
    let text = &source[offset..];
    let Reading::Message(message) = read_message(text) else { return None };
    let body = choose_body(&message)?;
    let part = body.part;
    let raw = part_body(part, text);
    let first_line = first_line(text, raw).shift(offset);
    let (decoded, carriers, per_carrier) = match body.form {
        Form::AsIs | Form::Undecodable => return None,
        Form::Html => {
            let PartType::Html(html) = &part.body else { return None };
            // The converter ends each block and `<br>` with one line break; a blank line
            // makes each a paragraph, as a reader sees it.
            (html_to_text(html).replace('\n', "\n\n"), Vec::new(), 1)
        }
        Form::QuotedPrintable => {
            let decoded = part.text_contents().unwrap_or_default().to_string();
            let carriers = if has_utf8_text(part) {
                line_up_quoted_printable(&text.as_bytes()[raw.range()], decoded.as_bytes(), raw.start + offset)
            } else {
                None
            };
            (decoded, carriers.unwrap_or_default(), 1)
        }
        Form::Base64 => {
            let decoded = part.text_contents().unwrap_or_default().to_string();
            let groups = if has_utf8_text(part) {
                base64_groups(&text.as_bytes()[raw.range()], decoded.len(), raw.start + offset)
            } else {
                None
            };
            (decoded, groups.unwrap_or_default(), 3)
        }
    };
    Some(DecodedBody {
        text: decoded,
        attachments: attachment_count(&message, Some(&body)),
        reply: is_reply(&message),
        carriers,
        per_carrier,
        first_line,
    })
}

/// Whether a message's headers say it answers an earlier one: `In-Reply-To`, or a
/// subject that starts with "Re:" (or a localised "AW:", "SV:", "RE :").
fn is_reply(message: &Message<'_>) -> bool {
    let subject = message.subject().unwrap_or_default().trim_start().to_lowercase();
    !matches!(message.in_reply_to(), mail_parser::HeaderValue::Empty)
        || ["re:", "re :", "aw:", "sv:", "antw:", "r:"].iter().any(|prefix| subject.starts_with(prefix))
}

/// The part whose text is checked, and how its text relates to its bytes in the file.
struct Body<'m, 'x> {
    part: &'m MessagePart<'x>,
    form: Form,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// 7bit, 8bit or binary text: the bytes are the text.
    AsIs,
    QuotedPrintable,
    Base64,
    /// HTML, checked as the text it renders to.
    Html,
    /// Declared base64 that `mail-parser` could not decode: the bytes are not text.
    Undecodable,
}

/// What `text` is, read as an email.
enum Reading<'a> {
    Message(Message<'a>),
    /// Not a message (see the module docs): plain text.
    NotAMessage,
    /// A message `mail-parser` failed on: nothing in it can be told apart as prose.
    Unreadable,
}

fn read_message(text: &str) -> Reading<'_> {
    let first_line = text.lines().next().unwrap_or_default();
    if !is_header_line(first_line) && !first_line.starts_with("From ") {
        return Reading::NotAMessage;
    }
    // The parser reads untrusted input and has had arithmetic bugs (0.11.9 overflows a
    // subtraction, a panic in debug builds, when a MIME boundary follows a
    // quoted-printable soft line break at the start of a part): one bad file must not
    // stop a whole run or the language server.
    let parsed = std::panic::catch_unwind(|| MessageParser::default().parse(text.as_bytes()));
    let Ok(parsed) = parsed else { return Reading::Unreadable };
    match parsed {
        Some(message)
            if message
                .parts
                .first()
                .is_some_and(|top| top.headers.iter().any(|header| !matches!(header.name, HeaderName::Other(_)))) =>
        {
            Reading::Message(message)
        }
        _ => Reading::NotAMessage,
    }
}

/// Whether `line` starts a header field: a name of printable ASCII without spaces or
/// colons, then a colon.
fn is_header_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| {
        let name = name.trim_end_matches([' ', '\t']);
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic())
    })
}

/// The first `text/plain` part of the message body, else the first HTML one.
fn choose_body<'m, 'x>(message: &'m Message<'x>) -> Option<Body<'m, 'x>> {
    let text_body = || message.text_body.iter().filter_map(|&id| message.part(id));
    let plain = text_body().find(|part| matches!(part.body, PartType::Text(_)));
    // A text part cut off before its closing MIME boundary is filed as an attachment;
    // when nothing else is the body, it is the body.
    let plain = plain
        .or_else(|| message.attachments.iter().filter_map(|&id| message.part(id)).find(|part| is_cut_off_text(part)));
    if let Some(part) = plain {
        let declared_base64 =
            part.content_transfer_encoding().is_some_and(|encoding| encoding.eq_ignore_ascii_case("base64"));
        let form = match part.encoding {
            Encoding::QuotedPrintable => Form::QuotedPrintable,
            Encoding::Base64 => Form::Base64,
            Encoding::None if declared_base64 => Form::Undecodable,
            Encoding::None => Form::AsIs,
        };
        return Some(Body { part, form });
    }
    let html_body = message.html_body.iter().filter_map(|&id| message.part(id));
    let html = text_body().chain(html_body).find(|part| matches!(part.body, PartType::Html(_)));
    html.map(|part| Body { part, form: Form::Html })
}

/// Whether `part` is plain text that `mail-parser` could not place in the body because
/// its MIME structure is broken, rather than a file attached on purpose.
fn is_cut_off_text(part: &MessagePart<'_>) -> bool {
    let plain = part.content_type().is_none_or(|ct| {
        ct.ctype().eq_ignore_ascii_case("text") && ct.subtype().is_none_or(|sub| sub.eq_ignore_ascii_case("plain"))
    });
    let attached = part.content_disposition().is_some_and(|cd| cd.is_attachment()) || part.attachment_name().is_some();
    matches!(part.body, PartType::Text(_)) && part.is_encoding_problem && plain && !attached
}

/// Attachments of the message, not counting the part chosen as its body.
fn attachment_count(message: &Message<'_>, body: Option<&Body<'_, '_>>) -> usize {
    let is_body =
        |&id: &u32| body.is_some_and(|body| message.part(id).is_some_and(|part| std::ptr::eq(part, body.part)));
    message.attachments.iter().filter(|id| !is_body(id)).count()
}

/// The bytes of `part`'s body in `text`, clamped into it.
fn part_body(part: &MessagePart<'_>, text: &str) -> Span {
    let end = (part.offset_end as usize).min(text.len());
    Span::new((part.offset_body as usize).min(end), end)
}

/// The first line of `body` with anything but white space on it, trimmed; `body` itself
/// when there is none.
fn first_line(text: &str, body: Span) -> Span {
    let mut at = body.start;
    for line in text.as_bytes()[body.range()].split_inclusive(|&b| b == b'\n') {
        let lead = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let trail = line.iter().rev().take_while(|b| b.is_ascii_whitespace()).count();
        if lead < line.len() {
            return Span::new(at + lead, at + line.len() - trail);
        }
        at += line.len();
    }
    body
}

/// Whether the part's text is UTF-8 or ASCII, so decoded bytes are the encoded bytes.
fn has_utf8_text(part: &MessagePart<'_>) -> bool {
    part.content_type().and_then(|ct| ct.attribute("charset")).is_none_or(|charset| {
        ["utf-8", "utf8", "us-ascii", "ascii"].iter().any(|name| charset.eq_ignore_ascii_case(name))
    })
}

/// Lines up quoted-printable `raw` (the part's body, starting at file offset `base`)
/// with the `decoded` bytes `mail-parser` made of it, giving the file bytes that carry
/// each decoded byte. A byte written as itself carries itself; an `=XX` escape carries
/// the byte it encodes; soft line breaks, the CR of a line break and white space
/// stripped from line ends carry nothing. `None` when the two do not line up.
fn line_up_quoted_printable(raw: &[u8], decoded: &[u8], base: usize) -> Option<Vec<(u32, u32)>> {
    let offset = |at: usize| u32::try_from(base + at).ok();
    let mut carriers = Vec::with_capacity(decoded.len());
    let (mut r, mut d) = (0, 0);
    while let Some(&want) = decoded.get(d) {
        if raw.get(r) == Some(&b'=') {
            if let Some(len) = soft_break_len(&raw[r + 1..]) {
                r += 1 + len;
                continue;
            }
        }
        match raw.get(r..)? {
            [b'=', hi, lo, ..] if quoted_printable_decode_char(*hi, *lo) == Some(want) => {
                carriers.push((offset(r)?, offset(r + 3)?));
                r += 3;
                d += 1;
            }
            [b, ..] if *b == want => {
                carriers.push((offset(r)?, offset(r + 1)?));
                r += 1;
                d += 1;
            }
            // Once the decoder has seen a CR it ends every line with CRLF, even a bare LF.
            [b'\n', ..] if want == b'\r' && decoded.get(d + 1) == Some(&b'\n') => {
                carriers.extend([(offset(r)?, offset(r + 1)?); 2]);
                r += 1;
                d += 2;
            }
            [b' ' | b'\t' | b'\r', ..] => r += 1,
            _ => return None,
        }
    }
    Some(carriers)
}

/// The length of a soft line break after its `=`: white space, then a line feed.
fn soft_break_len(rest: &[u8]) -> Option<usize> {
    let blanks = rest.iter().take_while(|&&b| b != b'\n' && b.is_ascii_whitespace()).count();
    (rest.get(blanks) == Some(&b'\n')).then_some(blanks + 1)
}

/// The file bytes of each four-character group of base64 `raw` (the part's body,
/// starting at file offset `base`); group `i` carries decoded bytes `3i..3i+3`. `None`
/// when the groups cannot have made `decoded_len` bytes.
fn base64_groups(raw: &[u8], decoded_len: usize, base: usize) -> Option<Vec<(u32, u32)>> {
    let digits: Vec<usize> = raw
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
        .map(|(at, _)| at)
        .collect();
    if digits.len() * 3 / 4 != decoded_len {
        return None;
    }
    digits
        .chunks(4)
        .map(|group| {
            Some((u32::try_from(base + group[0]).ok()?, u32::try_from(base + group[group.len() - 1] + 1).ok()?))
        })
        .collect()
}

/// `span` clamped into `source` and widened to character boundaries.
fn on_char_boundaries(span: Span, source: &str) -> Span {
    let mut end = span.end.min(source.len());
    let mut start = span.start.min(end);
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    while !source.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use mail_parser::decoders::base64::base64_decode;
    use mail_parser::decoders::quoted_printable::quoted_printable_decode;

    use super::{DecodedBody, decode_body, line_up_quoted_printable};
    use crate::document::{Document, ParseOptions};
    use crate::input::FileKind;
    use crate::span::Span;
    use crate::{Profile, Settings};

    const PLAIN: &str = include_str!("../../tests/fixtures/regressions/email/plain-7bit.eml");
    const MULTIPART: &str = include_str!("../../tests/fixtures/regressions/email/multipart-alternative-attachment.eml");
    const QUOTED_PRINTABLE: &str = include_str!("../../tests/fixtures/regressions/email/quoted-printable-utf8.eml");
    const BASE64: &str = include_str!("../../tests/fixtures/regressions/email/base64-utf8.eml");
    const CRLF: &str = include_str!("../../tests/fixtures/regressions/email/crlf.eml");

    fn parse(source: &str) -> Document<'_> {
        Document::parse(source, FileKind::Email, ParseOptions { skip_quotes: true })
    }

    /// The word of `doc` that starts where `at` first occurs in `source`.
    fn word_at<'a>(doc: &Document<'a>, source: &str, at: &str) -> Option<&'a str> {
        let start = source.find(at).expect("the fixture has it");
        doc.words.iter().find(|w| w.start == start).map(|&w| doc.text_of(w))
    }

    /// A decoded span's word, mapped into the file.
    fn mapped<'a>(decoded: &DecodedBody, source: &'a str, word: &str) -> &'a str {
        let start = decoded.text.find(word).expect("the decoded text has it");
        decoded.map_span(Span::new(start, start + word.len()), source).slice(source)
    }

    #[track_caller]
    fn assert_valid(span: Span, source: &str) {
        assert!(span.start <= span.end && span.end <= source.len(), "{span:?} outside {} bytes", source.len());
        assert!(
            source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
            "{span:?} splits a character"
        );
    }

    fn decode_quoted_printable(encoded: &str) -> String {
        String::from_utf8(quoted_printable_decode(encoded.as_bytes()).expect("valid quoted-printable")).unwrap()
    }

    fn decode_base64(encoded: &str) -> String {
        let digits: String = encoded.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        String::from_utf8_lossy(&base64_decode(digits.as_bytes()).expect("valid base64")).into_owned()
    }

    #[test]
    fn headers_are_not_prose() {
        for (source, words) in [
            (PLAIN, &["Quarterly", "spreadsheet", "ESMTPS", "192.0.2.10", "us-ascii", "Content-Transfer"][..]),
            (MULTIPART, &["Quarterly", "offsite", "multipart", "mixed-8d1f", "alt-52ce", "Content-Type"][..]),
            (CRLF, &["Invoice export timeout", "Support", "8bit"][..]),
        ] {
            let prose = parse(source).prose;
            for word in words {
                assert!(!prose.contains(word), "{word:?} is prose");
            }
        }
    }

    #[test]
    fn body_words_are_at_their_file_offsets() {
        let doc = parse(PLAIN);
        assert_eq!(word_at(&doc, PLAIN, "Hi Sam"), Some("Hi"));
        assert_eq!(word_at(&doc, PLAIN, "migration plan by"), Some("migration"));
        assert_eq!(word_at(&doc, PLAIN, "Friday."), Some("Friday"));
    }

    #[test]
    fn signature_and_quoted_reply_are_not_prose() {
        let prose = parse(PLAIN).prose;
        assert!(prose.contains("Thanks,"));
        assert!(!prose.contains("Finance keeps asking"));
        assert!(!prose.contains("Platform Engineering"));
    }

    #[test]
    fn crlf_message_keeps_file_offsets() {
        let doc = parse(CRLF);
        assert_eq!(doc.prose.len(), CRLF.len());
        assert_eq!(word_at(&doc, CRLF, "invoice export times"), Some("invoice"));
        assert_eq!(word_at(&doc, CRLF, "limit I should"), Some("limit"));
        assert!(!doc.prose.contains("Finance Operations"));
    }

    #[test]
    fn only_the_text_part_of_a_multipart_message_is_prose() {
        let doc = parse(MULTIPART);
        let body_start = MULTIPART.find("Hi all,").unwrap();
        let body_end = body_start + MULTIPART[body_start..].find("--alt-52ce").unwrap();
        assert!(
            doc.prose
                .bytes()
                .enumerate()
                .all(|(at, b)| b.is_ascii_whitespace() || (body_start..body_end).contains(&at))
        );
        assert_eq!(word_at(&doc, MULTIPART, "report is attached"), Some("report"));
        assert!(!doc.prose.contains("Newsletter"));
    }

    #[test]
    fn headers_say_whether_it_is_a_reply() {
        let reply = "From: Sam <sam@example.com>\nSubject: Re: the migration\n\nIt moved last night.\n";
        let answer = "From: Sam <sam@example.com>\nIn-Reply-To: <1@example.com>\nSubject: migration\n\nIt moved.\n";
        let new = "From: Sam <sam@example.com>\nSubject: the migration\n\nIt moved last night.\n";
        assert!(parse(reply).reply && parse(answer).reply);
        assert!(!parse(new).reply);
    }

    #[test]
    fn attachments_are_counted() {
        assert_eq!(parse(MULTIPART).attachments, 1);
        assert_eq!(parse(PLAIN).attachments, 0);
    }

    #[test]
    fn unencoded_bodies_are_checked_in_place() {
        for source in [PLAIN, MULTIPART, CRLF] {
            assert!(decode_body(source).is_none());
        }
    }

    #[test]
    fn quoted_printable_body_is_decoded() {
        let decoded = decode_body(QUOTED_PRINTABLE).unwrap();
        assert!(decoded.text.starts_with("Hi Dana,\n\nThanks for the draft. I’ve read it twice"));
        assert!(decoded.text.contains("so let’s circle back on it"));
        assert!(decoded.text.contains("since Monday. Can you ping them ASAP?\n\nCafé at 10?"));
        assert!(!decoded.text.contains("Pricing draft"));
    }

    #[test]
    fn quoted_printable_spans_map_to_their_encoded_bytes() {
        let decoded = decode_body(QUOTED_PRINTABLE).unwrap();
        assert_eq!(mapped(&decoded, QUOTED_PRINTABLE, "ASAP"), "ASAP");
        assert_eq!(mapped(&decoded, QUOTED_PRINTABLE, "let’s"), "let=E2=80=99=\ns");
        assert_eq!(mapped(&decoded, QUOTED_PRINTABLE, "Monday"), "Monda=\ny");
        assert_eq!(mapped(&decoded, QUOTED_PRINTABLE, "Café"), "Caf=C3=A9");
    }

    #[test]
    fn every_quoted_printable_word_decodes_back_to_itself() {
        let decoded = decode_body(QUOTED_PRINTABLE).unwrap();
        let doc = Document::parse(&decoded.text, FileKind::Text, ParseOptions::default());
        assert!(doc.words.len() > 50);
        for &word in &doc.words {
            let span = decoded.map_span(word, QUOTED_PRINTABLE);
            assert_eq!(decode_quoted_printable(span.slice(QUOTED_PRINTABLE)), word.slice(&decoded.text));
        }
    }

    #[test]
    fn quoted_printable_findings_point_at_the_flagged_words() {
        let checked = crate::check(QUOTED_PRINTABLE, FileKind::Email, Profile::Message, &Settings::default());
        for finding in &checked.findings {
            assert_valid(finding.span, QUOTED_PRINTABLE);
        }
        let flagged: Vec<String> =
            checked.findings.iter().map(|f| decode_quoted_printable(f.span.slice(QUOTED_PRINTABLE))).collect();
        assert!(flagged.iter().any(|text| text == "ASAP"), "{flagged:?}");
        assert!(flagged.iter().any(|text| text == "circle back"), "{flagged:?}");
    }

    #[test]
    fn quoted_printable_with_crlf_lines_up() {
        let source = "Subject: x\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
                      Let=E2=80=99s circ=\r\nle back  \r\nASAP.\r\n";
        let decoded = decode_body(source).unwrap();
        assert_eq!(decoded.text, "Let’s circle back\r\nASAP.\r\n");
        assert_eq!(mapped(&decoded, source, "circle back"), "circ=\r\nle back");
        assert_eq!(mapped(&decoded, source, "ASAP"), "ASAP");
    }

    #[test]
    fn an_encoded_part_of_a_multipart_message_maps_into_the_file() {
        let source = "From: a@example.com\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n\
                      Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n\
                      See the attached log=2E Fix it ASAP=21\n--b\n\
                      Content-Type: text/plain; name=\"build.log\"\n\nerror: ASAP\n--b--\n";
        let decoded = decode_body(source).unwrap();
        assert_eq!(decoded.text, "See the attached log. Fix it ASAP!");
        assert_eq!(decoded.attachments, 1);
        let start = source.find("ASAP=21").unwrap();
        assert_eq!(decoded.map_span(Span::new(29, 34), source), Span::new(start, start + 7));
    }

    #[test]
    fn base64_spans_map_to_whole_groups() {
        let decoded = decode_body(BASE64).unwrap();
        let body_start = BASE64.find("\n\n").unwrap() + 2;
        let doc = Document::parse(&decoded.text, FileKind::Text, ParseOptions::default());
        assert!(doc.words.len() > 30);
        for &word in &doc.words {
            let span = decoded.map_span(word, BASE64);
            assert!(span.start >= body_start);
            let digits_before = BASE64[body_start..span.start].chars().filter(|c| !c.is_ascii_whitespace()).count();
            assert_eq!(digits_before % 4, 0, "{span:?} starts inside a group");
            assert!(decode_base64(span.slice(BASE64)).contains(word.slice(&decoded.text)));
        }
    }

    #[test]
    fn base64_findings_are_inside_the_file() {
        let checked = crate::check(BASE64, FileKind::Email, Profile::Message, &Settings::default());
        for finding in &checked.findings {
            assert_valid(finding.span, BASE64);
        }
        let vague = checked.findings.iter().find(|f| f.rule == "vague-deadline").expect("ASAP is flagged");
        assert!(decode_base64(vague.span.slice(BASE64)).contains("ASAP"));
    }

    #[test]
    fn html_only_body_maps_to_its_first_line() {
        let source =
            "From: a@example.com\nContent-Type: text/html\n\n\n<p>Hi team,</p>\n<p>Can you circle back ASAP?</p>\n";
        let decoded = decode_body(source).unwrap();
        assert_eq!(decoded.text, "Hi team,\n\nCan you circle back ASAP?\n\n");
        assert_eq!(mapped(&decoded, source, "ASAP"), "<p>Hi team,</p>");
    }

    #[test]
    fn other_charsets_map_to_the_first_line() {
        let source = "Subject: x\nContent-Type: text/plain; charset=iso-8859-1\n\
                      Content-Transfer-Encoding: quoted-printable\n\nCaf=E9 au lait\nASAP please\n";
        let decoded = decode_body(source).unwrap();
        assert_eq!(decoded.text, "Café au lait\nASAP please\n");
        assert_eq!(mapped(&decoded, source, "ASAP"), "Caf=E9 au lait");
    }

    #[test]
    fn soft_breaks_and_escapes_line_up() {
        let carriers = line_up_quoted_printable(b"a=E2=80=99b=\r\nc  \r\nd", "a’bc\r\nd".as_bytes(), 10).unwrap();
        assert_eq!(
            carriers,
            [(10, 11), (11, 14), (14, 17), (17, 20), (20, 21), (24, 25), (27, 28), (28, 29), (29, 30)]
        );
    }

    #[test]
    fn lines_that_do_not_line_up_are_refused() {
        assert_eq!(line_up_quoted_printable(b"abc", b"abd", 0), None);
        assert_eq!(line_up_quoted_printable(b"ab", b"abc", 0), None);
    }

    #[test]
    fn a_file_without_headers_is_plain_text() {
        let prose = parse("Hi team,\n\nPlease review the plan.\n").prose;
        assert_eq!(prose, "Hi team,\n\nPlease review the plan.\n");
    }

    #[test]
    fn a_colon_in_the_first_line_does_not_make_a_message() {
        let source = "Note: the deploy moved to Friday.\n\nThanks for waiting.\n";
        assert_eq!(parse(source).prose, source);
        assert!(decode_body(source).is_none());
    }

    #[test]
    fn headers_without_a_body_are_not_prose() {
        let doc = parse("From: sam@example.com\nSubject: Budget review");
        assert_eq!(doc.words.len(), 0);
    }

    #[test]
    fn a_text_part_cut_off_before_its_boundary_is_checked() {
        let source = "From: a@example.com\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n\
                      Content-Type: text/plain\n\nPlease review the plan.\n";
        let doc = parse(source);
        assert_eq!(word_at(&doc, source, "Please review"), Some("Please"));
        assert_eq!(doc.attachments, 0);
        assert!(!doc.prose.contains("Content"));
    }

    #[test]
    fn undecodable_base64_is_not_prose() {
        let source = "From: a@example.com\nContent-Transfer-Encoding: base64\n\nnot base64 at all!\n";
        assert!(decode_body(source).is_none());
        assert_eq!(parse(source).words.len(), 0);
    }

    #[test]
    fn a_byte_order_mark_keeps_file_offsets() {
        let source = format!("\u{feff}{PLAIN}");
        let doc = parse(&source);
        assert_eq!(word_at(&doc, &source, "migration plan by"), Some("migration"));
        let source = format!("\u{feff}{QUOTED_PRINTABLE}");
        assert_eq!(mapped(&decode_body(&source).unwrap(), &source, "Monday"), "Monda=\ny");
    }

    /// Random text wrapped in plausible headers: parsing never panics, and every
    /// mapped span is valid.
    #[test]
    fn random_messages_never_panic() {
        const PREAMBLES: [&str; 4] = [
            "From: a@example.com\nContent-Transfer-Encoding: quoted-printable\n\n",
            "Subject: hi\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            "From: a@example.com\nContent-Type: multipart/alternative; boundary=b\n\n--b\n\
             Content-Transfer-Encoding: quoted-printable\n\n",
            "",
        ];
        const HEADERS: [&str; 8] = [
            "From: a@example.com\n",
            "Subject: hi\r\n",
            "Content-Type: multipart/mixed; boundary=\"b\"\n",
            "Content-Type: multipart/alternative; boundary=b\n",
            "Content-Type: text/html; charset=utf-8\n",
            "Content-Type: text/plain; charset=iso-8859-1\n",
            "Content-Transfer-Encoding: quoted-printable\n",
            "Content-Transfer-Encoding: base64\n",
        ];
        const PIECES: [&str; 26] = [
            "=",
            "=E2",
            "=80=99",
            "=\n",
            "=\r\n",
            "\n",
            "\r\n",
            "\n\n",
            " ",
            "\t",
            "--b",
            "--b--",
            "ASAP ",
            "circle back",
            "SGVsbG8g",
            "4oCZ",
            "==",
            "Content-Type: text/plain\n",
            "Content-Transfer-Encoding: base64\n",
            ":",
            "<p>",
            "</p>",
            "é",
            "’",
            "😀",
            "--",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        let settings = Settings::default();
        for _ in 0..3000 {
            let mut source = PREAMBLES[next(PREAMBLES.len())].to_string();
            if source.is_empty() {
                for _ in 0..next(4) {
                    source.push_str(HEADERS[next(HEADERS.len())]);
                }
                if next(4) > 0 {
                    source.push('\n');
                }
            }
            for _ in 0..next(60) {
                if next(3) == 0 {
                    source.push(char::from(b' ' + next(95) as u8));
                } else {
                    source.push_str(PIECES[next(PIECES.len())]);
                }
            }
            let doc = parse(&source);
            assert_eq!(doc.prose.len(), source.len());
            if let Some(decoded) = decode_body(&source) {
                let text = &decoded.text;
                for _ in 0..8 {
                    let (mut a, mut b) = (next(text.len() + 1), next(text.len() + 1));
                    if a > b {
                        std::mem::swap(&mut a, &mut b);
                    }
                    while !text.is_char_boundary(a) {
                        a -= 1;
                    }
                    while !text.is_char_boundary(b) {
                        b += 1;
                    }
                    let span = decoded.map_span(Span::new(a, b), &source);
                    assert_valid(span, &source);
                    assert!(a == b || !span.is_empty(), "{a}..{b} of {text:?} mapped to nothing in {source:?}");
                }
            }
            for finding in crate::check(&source, FileKind::Email, Profile::Message, &settings).findings {
                assert_valid(finding.span, &source);
            }
        }
    }
}
