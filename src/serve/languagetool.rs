//! The LanguageTool HTTP API v2, the part its clients use: reading a `/v2/check` request
//! (form-encoded as LanguageTool takes it, or JSON), checking it, and answering in
//! LanguageTool's shape, so that its browser extension, LTeX and `language_tool_python`
//! show plainly's findings without knowing it is not LanguageTool.
//!
//! Offsets in the answer count UTF-16 code units in the text as sent, markup included,
//! as the Java server counts them; plainly itself works in bytes of the text it checks
//! (markup replaced by what it is read as), so [`AnnotatedText`] maps one to the other.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::engine::score;
use crate::finding::{Finding, Severity};
use crate::span::Span;
use crate::{Checked, Profile, segment};

/// Why a request cannot be read: the message of its 400 answer.
pub type BadRequest = String;

/// A `/v2/check` request, read.
#[derive(Debug)]
pub struct CheckRequest {
    /// The text, as sent and as checked.
    pub text: AnnotatedText,
    /// `profile`: plainly's own parameter; none means the default (`message`).
    pub profile: Option<Profile>,
    /// `reply`: plainly's own parameter: the text answers an earlier message.
    pub reply: bool,
    /// `enabledRules`, as plainly's rule ids (unknown ids are dropped).
    pub enabled: Vec<&'static str>,
    /// `disabledRules`, as plainly's rule ids.
    pub disabled: Vec<&'static str>,
    /// `enabledOnly`: report only the rules in `enabled`.
    pub enabled_only: bool,
    /// `language`, as sent (`en-US`, `auto`); plainly checks English whatever it says.
    pub language: Option<String>,
}

/// A request's parameters by name, from a form, a query string or a JSON object.
pub type Params = HashMap<String, String>;

/// Reads `application/x-www-form-urlencoded` parameters (a body or a query string).
/// Unlike a lenient decoder, it refuses a value that is not UTF-8 once decoded, rather
/// than checking text with replacement characters in it.
pub fn form_params(body: &[u8]) -> Result<Params, BadRequest> {
    let mut params = Params::new();
    for pair in body.split(|&b| b == b'&').filter(|pair| !pair.is_empty()) {
        let (name, value) = match pair.iter().position(|&b| b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        let name = decode_form_part(name)?;
        let value = decode_form_part(value)?;
        params.insert(name, value);
    }
    Ok(params)
}

fn decode_form_part(part: &[u8]) -> Result<String, BadRequest> {
    let spaced: Vec<u8> = part.iter().map(|&b| if b == b'+' { b' ' } else { b }).collect();
    percent_encoding::percent_decode(&spaced)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| "a form parameter is not valid UTF-8 once percent-decoded".to_string())
}

/// Reads a JSON object's members as parameters: strings as they are, numbers and
/// booleans as written, a list of strings joined with commas (`enabledRules`), and an
/// object (`data`) as its JSON text.
pub fn json_params(body: &[u8]) -> Result<Params, BadRequest> {
    let value: Value = serde_json::from_slice(body).map_err(|err| format!("the body is not valid JSON: {err}"))?;
    let Value::Object(members) = value else {
        return Err("the JSON body must be an object of parameters, such as {\"text\": \"…\"}".to_string());
    };
    let mut params = Params::new();
    for (name, value) in members {
        let value = match value {
            Value::String(text) => text,
            Value::Bool(_) | Value::Number(_) | Value::Object(_) => value.to_string(),
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","),
            Value::Null => continue,
        };
        params.insert(name, value);
    }
    Ok(params)
}

/// Reads a check request from its parameters; unknown parameters are ignored.
pub fn check_request(params: &Params) -> Result<CheckRequest, BadRequest> {
    let text = match (params.get("text"), params.get("data")) {
        (Some(text), _) => AnnotatedText::plain(text),
        (None, Some(data)) => AnnotatedText::from_data(data)?,
        (None, None) => return Err("missing `text` or `data` parameter".to_string()),
    };
    let profile = match params.get("profile").map(String::as_str) {
        None | Some("") => None,
        Some(name) => Some(
            Profile::from_name(name)
                .ok_or_else(|| format!("unknown profile {name:?}; expected message, standup or doc"))?,
        ),
    };
    Ok(CheckRequest {
        text,
        profile,
        reply: flag(params, "reply"),
        enabled: rule_ids(params.get("enabledRules")),
        disabled: rule_ids(params.get("disabledRules")),
        enabled_only: flag(params, "enabledOnly"),
        language: params.get("language").cloned(),
    })
}

fn flag(params: &Params, name: &str) -> bool {
    params.get(name).is_some_and(|value| matches!(value.trim(), "true" | "1" | "yes" | "on"))
}

/// plainly's ids for a comma-separated list of rule ids, written as plainly writes them
/// (`vague-deadline`) or as LanguageTool writes its own (`VAGUE_DEADLINE`); ids of no
/// plainly rule (LanguageTool's `WHITESPACE_RULE`, which clients disable) are dropped.
fn rule_ids(list: Option<&String>) -> Vec<&'static str> {
    let Some(list) = list else { return Vec::new() };
    list.split(',').filter_map(|id| plainly_rule(id.trim())).collect()
}

/// The id of plainly's rule named `id`, in either spelling.
pub fn plainly_rule(id: &str) -> Option<&'static str> {
    let id = id.to_ascii_lowercase().replace('_', "-");
    crate::rules::by_id(&id).map(|rule| rule.meta().id)
}

/// A text as a client sent it, and the text plainly checks.
///
/// LanguageTool's annotated text (`data`) is a list of text and markup; markup is not
/// checked but is read as its `interpretAs` (a paragraph break for `<p>`, say), and
/// offsets in the answer count the markup, so a client can underline its own document.
#[derive(Debug)]
pub struct AnnotatedText {
    /// The text as sent, markup included: what offsets count in.
    pub original: String,
    /// What is checked: the text parts, with each markup replaced by its `interpretAs`.
    pub plain: String,
    /// Each part, in order; empty for plain text, where the two are the same.
    parts: Vec<Part>,
}

/// One part of an annotated text: where it is in the checked text and in the original.
#[derive(Debug)]
struct Part {
    plain: Span,
    original: Span,
    markup: bool,
}

impl AnnotatedText {
    /// Plain text, checked as it is.
    pub fn plain(text: &str) -> AnnotatedText {
        AnnotatedText { original: text.to_string(), plain: text.to_string(), parts: Vec::new() }
    }

    /// LanguageTool's `data`: `{"annotation": [{"text": "…"}, {"markup": "<b>", "interpretAs": "…"}]}`.
    pub fn from_data(data: &str) -> Result<AnnotatedText, BadRequest> {
        #[derive(serde::Deserialize)]
        struct Data {
            annotation: Vec<Annotation>,
        }
        #[derive(serde::Deserialize)]
        struct Annotation {
            text: Option<String>,
            markup: Option<String>,
            #[serde(rename = "interpretAs")]
            interpret_as: Option<String>,
        }
        let data: Data = serde_json::from_str(data).map_err(|err| format!("`data` is not annotated text: {err}"))?;
        let (mut original, mut plain, mut parts) = (String::new(), String::new(), Vec::new());
        for annotation in data.annotation {
            let (sent, read, markup) = match (annotation.text, annotation.markup) {
                (Some(text), _) => (text.clone(), text, false),
                (None, Some(markup)) => (markup, annotation.interpret_as.unwrap_or_default(), true),
                (None, None) => return Err("each annotation in `data` needs `text` or `markup`".to_string()),
            };
            let part = Part {
                plain: Span::new(plain.len(), plain.len() + read.len()),
                original: Span::new(original.len(), original.len() + sent.len()),
                markup,
            };
            original.push_str(&sent);
            plain.push_str(&read);
            parts.push(part);
        }
        Ok(AnnotatedText { original, plain, parts })
    }

    /// Where `span` of the checked text is in the original. A span that starts or ends
    /// in what markup is read as takes in the whole markup.
    pub fn to_original(&self, span: Span) -> Span {
        if self.parts.is_empty() {
            return span;
        }
        // The part holding the first byte, and the part holding the last (an empty part
        // holds neither).
        let first = self.parts.partition_point(|part| part.plain.end <= span.start);
        let last = self.parts.partition_point(|part| part.plain.end < span.end);
        let start = match self.parts.get(first) {
            Some(part) if part.markup => part.original.start,
            Some(part) => part.original.start + (span.start - part.plain.start),
            None => self.original.len(),
        };
        let end = match self.parts.get(last) {
            _ if span.end == 0 => 0,
            Some(part) if part.markup => part.original.end,
            Some(part) => part.original.start + (span.end - part.plain.start),
            None => self.original.len(),
        };
        Span::new(start, end.max(start))
    }

    /// Whether `span` of the checked text is the same text in the original (it crosses
    /// no markup), so that a fix written against one applies to the other.
    fn is_verbatim(&self, span: Span) -> bool {
        let original = self.to_original(span);
        original.slice(&self.original) == span.slice(&self.plain)
    }
}

/// `checked` with only the findings of the rules `request` asks for (`disabledRules`,
/// `enabledOnly`), scored again when that dropped any.
pub fn apply_rule_choices(request: &CheckRequest, mut checked: Checked) -> Checked {
    let before = checked.findings.len();
    checked.findings.retain(|finding| {
        !request.disabled.contains(&finding.rule) && (!request.enabled_only || request.enabled.contains(&finding.rule))
    });
    if checked.findings.len() != before {
        checked.score = score::score(&checked.findings);
    }
    checked
}

/// `/v2/check`'s answer.
#[derive(Serialize)]
pub struct CheckResponse {
    software: Software,
    warnings: Warnings,
    language: Language,
    matches: Vec<Match>,
    /// plainly's own: the score, profile and word count (LanguageTool's clients ignore it).
    plainly: Summary,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Software {
    name: &'static str,
    version: &'static str,
    build_date: &'static str,
    api_version: u32,
    premium: bool,
    status: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Warnings {
    incomplete_results: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Language {
    name: String,
    code: String,
    detected_language: DetectedLanguage,
}

#[derive(Serialize)]
struct DetectedLanguage {
    name: String,
    code: String,
    confidence: f32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Match {
    message: String,
    short_message: String,
    replacements: Vec<Replacement>,
    offset: usize,
    length: usize,
    context: Context,
    sentence: String,
    #[serde(rename = "type")]
    kind: MatchType,
    rule: Rule,
}

#[derive(Serialize)]
struct Replacement {
    value: String,
}

#[derive(Serialize)]
struct Context {
    text: String,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MatchType {
    type_name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    description: &'static str,
    issue_type: &'static str,
    category: Category,
}

#[derive(Serialize)]
struct Category {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Summary {
    score: u8,
    profile: Profile,
    words: usize,
}

/// Characters of context on each side of a match, as LanguageTool gives by default.
const CONTEXT_CHARS: usize = 40;

/// The answer to `request`, checked as `checked`.
pub fn check_response(request: &CheckRequest, checked: &Checked) -> CheckResponse {
    let text = &request.text;
    let sentences = sentences(&text.plain);
    let mut counter = Utf16Counter::default();
    let matches = checked
        .findings
        .iter()
        .map(|finding| {
            let span = text.to_original(finding.span);
            let offset = counter.at(&text.original, span.start);
            let length = utf16_len(span.slice(&text.original));
            let sentence = sentences
                .iter()
                .find(|sentence| sentence.start <= finding.span.start && finding.span.start < sentence.end.max(1))
                .map_or_else(String::new, |sentence| sentence.slice(&text.plain).to_string());
            let meta = crate::rules::by_id(finding.rule).map(|rule| rule.meta());
            Match {
                message: finding.message.clone(),
                short_message: short_message(finding.rule),
                replacements: replacements(text, finding),
                offset,
                length,
                context: context(&text.original, span),
                sentence,
                kind: MatchType { type_name: if finding.severity == Severity::Info { "Hint" } else { "Other" } },
                rule: Rule {
                    id: finding.rule,
                    description: meta.map_or("", |meta| meta.summary),
                    issue_type: "style",
                    category: Category { id: "PLAINLY", name: "Clarity (plainly)" },
                },
            }
        })
        .collect();
    CheckResponse {
        software: Software {
            name: "plainly",
            version: env!("CARGO_PKG_VERSION"),
            build_date: "",
            api_version: 1,
            premium: false,
            status: "",
        },
        warnings: Warnings { incomplete_results: false },
        language: language(request, checked),
        matches,
        plainly: Summary { score: checked.score, profile: checked.profile, words: checked.words },
    }
}

/// The language answered: the English variant asked for (plainly reads English), and
/// the language plainly found the text to be in.
fn language(request: &CheckRequest, checked: &Checked) -> Language {
    let asked = request.language.as_deref().unwrap_or("en-US");
    let &(name, _, code) = LANGUAGES.iter().find(|(_, _, long)| *long == asked).unwrap_or(&LANGUAGES[1]);
    let detected = match &checked.language {
        Some(other) => (other.name, other.code),
        None => (name, code),
    };
    Language {
        name: name.to_string(),
        code: code.to_string(),
        detected_language: DetectedLanguage {
            name: detected.0.to_string(),
            code: detected.1.to_string(),
            confidence: 0.9,
        },
    }
}

/// The languages `/v2/languages` lists: English and its variants (name, code, long code).
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("English", "en", "en"),
    ("English (US)", "en", "en-US"),
    ("English (GB)", "en", "en-GB"),
    ("English (Australian)", "en", "en-AU"),
    ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"),
    ("English (South African)", "en", "en-ZA"),
];

/// `/v2/languages`'s answer.
pub fn languages() -> Value {
    Value::Array(
        LANGUAGES
            .iter()
            .map(|(name, code, long)| serde_json::json!({"name": name, "code": code, "longCode": long}))
            .collect(),
    )
}

/// A rule's id as a short title: `vague-deadline` → "Vague deadline".
fn short_message(rule: &str) -> String {
    let words = rule.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The finding's fixes as LanguageTool replacements, which replace the whole match: a
/// fix of part of it becomes the match's text with that part replaced. A fix that
/// reaches outside the match, or a match that crosses markup, has none.
fn replacements(text: &AnnotatedText, finding: &Finding) -> Vec<Replacement> {
    if !text.is_verbatim(finding.span) {
        return Vec::new();
    }
    let matched = finding.span;
    finding
        .fixes
        .iter()
        .filter(|fix| matched.start <= fix.span.start && fix.span.end <= matched.end)
        .map(|fix| Replacement {
            value: format!(
                "{}{}{}",
                &text.plain[matched.start..fix.span.start],
                fix.replacement,
                &text.plain[fix.span.end..matched.end]
            ),
        })
        .collect()
}

/// Up to [`CONTEXT_CHARS`] characters either side of `span`, with "..." where the text
/// goes on and line breaks shown as spaces; `offset` and `length` say where the match is
/// in it, in UTF-16 code units.
fn context(text: &str, span: Span) -> Context {
    let before = &text[..span.start];
    let from = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(at, _)| at);
    let after = &text[span.end..];
    let to = after.char_indices().nth(CONTEXT_CHARS).map_or(text.len(), |(at, _)| span.end + at);
    let (open, close) = (if from > 0 { "..." } else { "" }, if to < text.len() { "..." } else { "" });
    let shown = format!("{open}{}{close}", &text[from..to]);
    let shown: String = shown.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    Context {
        text: shown,
        offset: open.len() + utf16_len(&text[from..span.start]),
        length: utf16_len(span.slice(text)),
    }
}

/// The sentences of `text`, paragraph by paragraph.
fn sentences(text: &str) -> Vec<Span> {
    segment::paragraphs(text).into_iter().flat_map(|paragraph| segment::sentences(text, paragraph)).collect()
}

/// UTF-16 code units in `text`.
fn utf16_len(text: &str) -> usize {
    if text.is_ascii() { text.len() } else { text.chars().map(char::len_utf16).sum() }
}

/// UTF-16 offsets of byte offsets asked for mostly in order, as a report's findings are:
/// each is counted on from the last rather than from the start of the text.
#[derive(Default)]
struct Utf16Counter {
    byte: usize,
    utf16: usize,
}

impl Utf16Counter {
    fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = Utf16Counter::default();
        }
        self.utf16 += utf16_len(&text[self.byte..byte]);
        self.byte = byte;
        self.utf16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_params_decode_plus_and_percent_and_refuse_bad_utf8() {
        let params = form_params(b"text=Hi+there%21&language=en-US&flag").unwrap();
        assert_eq!(params["text"], "Hi there!");
        assert_eq!(params["language"], "en-US");
        assert_eq!(params["flag"], "");
        assert!(form_params(b"text=%E2%28").is_err());
    }

    #[test]
    fn json_params_join_lists_and_keep_data_as_json() {
        let params =
            json_params(br#"{"data": {"annotation": []}, "enabledRules": ["a", "b"], "reply": true}"#).unwrap();
        assert_eq!(params["enabledRules"], "a,b");
        assert_eq!(params["reply"], "true");
        assert_eq!(params["data"], r#"{"annotation":[]}"#);
        assert!(json_params(b"[1]").is_err());
        assert!(json_params(b"{").is_err());
    }

    #[test]
    fn rule_ids_in_either_spelling_and_unknown_ones_dropped() {
        let list = "VAGUE_DEADLINE,jargon,WHITESPACE_RULE".to_string();
        assert_eq!(rule_ids(Some(&list)), ["vague-deadline", "jargon"]);
    }

    #[test]
    fn annotated_text_maps_checked_offsets_to_the_original() {
        let data = r#"{"annotation":[{"text":"Hi "},{"markup":"<b>"},{"text":"team"},{"markup":"</b>"},{"markup":"<p>","interpretAs":"\n\n"},{"text":"Ship it ASAP."}]}"#;
        let text = AnnotatedText::from_data(data).unwrap();
        assert_eq!(text.original, "Hi <b>team</b><p>Ship it ASAP.");
        assert_eq!(text.plain, "Hi team\n\nShip it ASAP.");
        let asap = text.plain.find("ASAP").unwrap();
        let span = text.to_original(Span::new(asap, asap + 4));
        assert_eq!(span.slice(&text.original), "ASAP");
        let team = text.to_original(Span::new(3, 7));
        assert_eq!(team.slice(&text.original), "team");
        // A span over what markup is read as takes in the markup.
        assert_eq!(text.to_original(Span::new(3, 9)).slice(&text.original), "team</b><p>");
    }

    #[test]
    fn context_marks_where_the_text_goes_on() {
        let text = format!("{}ASAP{}", "a".repeat(50), "b\n".repeat(30));
        let context = context(&text, Span::new(50, 54));
        assert!(context.text.starts_with("...") && context.text.ends_with("..."));
        assert_eq!(&context.text[context.offset..context.offset + context.length], "ASAP");
        assert!(!context.text.contains('\n'));
    }

    #[test]
    fn utf16_offsets_count_emoji_as_two() {
        let text = "😀 é ASAP";
        let mut counter = Utf16Counter::default();
        assert_eq!(counter.at(text, text.find("ASAP").unwrap()), 2 + 1 + 1 + 1);
        assert_eq!(counter.at(text, 0), 0);
    }

    #[test]
    fn short_messages_read_as_titles() {
        assert_eq!(short_message("vague-deadline"), "Vague deadline");
    }
}
