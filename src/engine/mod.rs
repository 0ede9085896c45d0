//! The check engine: a text in, its findings and score out. The pipeline is parse →
//! language → rules → suppress → score; [`check`] runs it whole, and
//! [`incremental::Incremental`] runs it again over only what an edit changed, with the
//! same result.
//!
//! - `suppress.rs`: `plainly-disable` comments;
//! - `score.rs`: the 0–100 clarity score;
//! - `incremental.rs`: the re-check an editor runs on every keystroke.

pub mod incremental;
pub mod score;
pub mod suppress;

use crate::Profile;
use crate::document::{self, Document, ParseOptions};
use crate::finding::{self, Finding};
use crate::input::FileKind;
use crate::rules::{self, Context};
use crate::span::{self, Span};
use crate::{Settings, language};

/// A check of one text: [`check`], or a stand-in in tests (one that panics, say). The
/// long-running front ends take one, so a test can see them survive a bug in a rule.
pub type CheckFn = fn(&str, FileKind, Profile, &Settings) -> Checked;

/// The result of checking one message or file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The profile the text was checked with.
    pub profile: Profile,
    /// Findings sorted by position, then rule id.
    pub findings: Vec<Finding>,
    /// 0–100; 100 exactly when there are no findings.
    pub score: u8,
    /// Words of checked prose.
    pub words: usize,
    /// Problems with the text's own directives, not findings (they cost no score): an
    /// unknown rule id in a suppression comment.
    pub warnings: Vec<(Span, String)>,
    /// The language the text is written in, when it is not English: then only the rules
    /// that do not read English ran (see [`language::detect`]).
    pub language: Option<language::detect::OtherLanguage>,
}

/// Checks `source` (the whole file text) as `kind` with `profile`.
pub fn check(source: &str, kind: FileKind, profile: Profile, settings: &Settings) -> Checked {
    let options = parse_options(kind, profile);
    if kind == FileKind::Email {
        if let Some(decoded) = document::email::decode_body(source) {
            return check_decoded(source, &decoded, profile, settings, options);
        }
    }
    let doc = Document::parse(source, kind, options);
    check_document(&doc, profile, settings)
}

/// How `kind` is parsed in `profile`.
pub(crate) fn parse_options(kind: FileKind, profile: Profile) -> ParseOptions {
    // Quoted text is somebody else's words in a message; in documentation a block
    // quote is usually the writer's own callout.
    ParseOptions { skip_quotes: profile != Profile::Doc || kind != FileKind::Markdown }
}

/// Runs every rule that applies in `profile` over a parsed document.
pub fn check_document(doc: &Document<'_>, profile: Profile, settings: &Settings) -> Checked {
    let cx = Context::new(doc, settings, profile);
    let language = if settings.detect_language { language::detect::other_language(doc) } else { None };
    if profile != Profile::Doc && language.is_none() {
        // The message rules read every sentence. Reading them first, before any rule
        // asks for a phrase list, gives the warm-up thread time to parse the built-in
        // lists (`LexiconSource`): a 300-word message is checked sooner.
        (0..doc.sentences.len()).for_each(|index| _ = cx.language().sentence(index));
    }
    let mut findings = Vec::new();
    for (rule, severity) in enabled_rules(settings, profile, language.is_some()) {
        findings.extend(marked(rule, severity, rule.check(&cx)));
    }
    let mut checked = conclude(doc.source, &doc.comments, doc.word_count(), profile, findings);
    checked.language = language;
    checked
}

/// The rules that run in `profile` under `settings`, with the severity each has; for a
/// text in another language (`other_language`), only those that do not read English.
pub(crate) fn enabled_rules(
    settings: &Settings,
    profile: Profile,
    other_language: bool,
) -> impl Iterator<Item = (&'static dyn rules::Rule, finding::Severity)> + '_ {
    rules::ALL
        .iter()
        .filter(move |rule| !other_language || !rule.meta().reads_english)
        .filter_map(move |&rule| Some((rule, settings.severity(rule.meta(), profile)?)))
}

/// `findings` of `rule`, marked with its id and `severity`.
pub(crate) fn marked(
    rule: &dyn rules::Rule,
    severity: finding::Severity,
    findings: Vec<Finding>,
) -> impl Iterator<Item = Finding> {
    let id = rule.meta().id;
    findings.into_iter().map(move |mut finding| {
        finding.rule = id;
        finding.severity = severity;
        finding
    })
}

/// The check of `source` that `findings` (every rule's) make: without those its
/// `comments` suppress, in report order, each once, and scored; `words` is its count.
pub(crate) fn conclude(
    source: &str,
    comments: &[span::Span],
    words: usize,
    profile: Profile,
    mut findings: Vec<Finding>,
) -> Checked {
    debug_assert!(
        findings.iter().all(|f| in_bounds(source, f)),
        "a rule reported an invalid span: {:?}",
        findings.iter().find(|f| !in_bounds(source, f))
    );
    let suppressions = suppress::Suppressions::read(source, comments);
    findings.retain(|f| !suppressions.suppresses(f));
    sort_findings(&mut findings);
    findings.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    let score = score::score(&findings);
    Checked { profile, findings, score, words, warnings: suppressions.warnings, language: None }
}

/// Checks an email whose text part is transfer-encoded: rules run on the decoded text
/// and every span is mapped back into the file.
fn check_decoded(
    source: &str,
    decoded: &document::email::DecodedBody,
    profile: Profile,
    settings: &Settings,
    options: ParseOptions,
) -> Checked {
    let mut doc = Document::parse(&decoded.text, FileKind::Text, options);
    doc.attachments = decoded.attachments;
    doc.reply |= decoded.reply;
    let mut checked = check_document(&doc, profile, settings);
    for finding in &mut checked.findings {
        finding.span = decoded.map_span(finding.span, source);
        // A fix written against decoded text cannot be applied to the encoded file.
        finding.fixes.clear();
    }
    for (span, _) in &mut checked.warnings {
        *span = decoded.map_span(*span, source);
    }
    // Mapping need not keep the order: text that cannot be lined up with its encoding maps
    // to the part's first line, whatever its place in the decoded text.
    sort_findings(&mut checked.findings);
    checked
}

/// Sorts findings by position, then rule id: the order every report shows.
fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
}

fn in_bounds(source: &str, finding: &Finding) -> bool {
    let ok = |span: Span| {
        span.start <= span.end
            && span.end <= source.len()
            && source.is_char_boundary(span.start)
            && source.is_char_boundary(span.end)
    };
    ok(finding.span) && finding.fixes.iter().all(|fix| ok(fix.span))
}

/// Checks a short message of each kind in each profile, so that what the engine builds
/// lazily (the phrase automata, the regular expressions, the models' first reads) is
/// built: a language server or `plainly serve` does it before the first request, and
/// `plainly check` on another core while it finds and reads its files.
pub fn warm_up(kinds: &[FileKind], profiles: &[Profile]) {
    const SAMPLE: &str = "Hi team, can we hop on a quick call at 3pm to circle back on the KPI deck? \
I think maybe we need it ASAP, per our earlier discussion.\n\nBlocker: finance has not signed off.\n";
    let settings = Settings::default();
    // In the order a check on the main thread needs them. A message check reads its
    // sentences before it needs the phrase lists (`check_document`), so the patterns a
    // parse compiles come first; a doc check needs the lists as soon as it has parsed.
    let parse = || {
        for &kind in kinds {
            for &profile in profiles {
                Document::parse(SAMPLE, kind, parse_options(kind, profile));
            }
        }
    };
    let prepare = || profiles.iter().for_each(|&profile| settings.lexicon.prepare(profile));
    if profiles.contains(&Profile::Doc) {
        prepare();
        parse();
    } else {
        parse();
        prepare();
    }
    for &kind in kinds {
        for &profile in profiles {
            check(SAMPLE, kind, profile, &settings);
        }
    }
}
