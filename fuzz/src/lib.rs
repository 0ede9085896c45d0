//! The assertions the checking targets share (`check_markdown`, `check_text`,
//! `check_email`): what must hold for any bytes plainly is given.

use std::sync::LazyLock;

use plainly::input::{self, DEFAULT_MAX_FILE_BYTES};
use plainly::output::{FileReport, Format};
use plainly::{FileKind, Profile, Settings, Span};

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::default);

/// Reads `data` as `plainly check` reads a file of `kind`, then checks it in every
/// profile. Nothing may panic; every finding and fix span lies inside the text on
/// character boundaries; findings come sorted; the score is 100 exactly when there are
/// no findings; and the report (positions, excerpts, human and JSON output) builds.
pub fn check_bytes(data: &[u8], kind: FileKind) {
    let Ok(text) = input::decode(data, DEFAULT_MAX_FILE_BYTES) else { return };
    let _ = plainly::resolve::front_matter_profile(text, kind);
    for profile in Profile::ALL {
        let checked = plainly::check(text, kind, profile, &SETTINGS);
        assert!(checked.score <= 100);
        assert_eq!(
            checked.score == 100,
            checked.findings.is_empty(),
            "score {} with {:?}",
            checked.score,
            checked.findings
        );
        for finding in &checked.findings {
            assert_span(text, finding.span, finding.rule);
            for fix in &finding.fixes {
                assert_span(text, fix.span, finding.rule);
            }
        }
        assert!(
            checked
                .findings
                .windows(2)
                .all(|w| (w[0].span.start, w[0].span.end, w[0].rule) <= (w[1].span.start, w[1].span.end, w[1].rule)),
            "findings out of order"
        );
        let report = FileReport::new("fuzz".to_string(), text, checked);
        for diagnostic in &report.diagnostics {
            let range = diagnostic.range;
            assert!(range.start <= range.end, "{} has a reversed range {range:?}", diagnostic.rule);
            assert!(range.start.line >= 1 && range.start.column >= 1, "{range:?} is not 1-based");
            let excerpt = &diagnostic.excerpt;
            assert_span(&excerpt.text, excerpt.span, diagnostic.rule);
        }
        for format in [Format::Human, Format::Json] {
            let mut out = Vec::new();
            let run = plainly::output::Run::checked(vec![report.clone()]);
            format.reporter(false).write(&mut out, &run).expect("writing to memory");
            let out = String::from_utf8(out).expect("output is UTF-8");
            if format == Format::Json {
                serde_json::from_str::<serde_json::Value>(&out).expect("JSON output parses");
            }
        }
    }
}

#[track_caller]
fn assert_span(text: &str, span: Span, rule: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{rule}: {span:?} outside the {}-byte text", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{rule}: {span:?} splits a character"
    );
}
