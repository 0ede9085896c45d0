//! What rules report: findings, their severity, and the fixes they offer.

use std::fmt;

use crate::span::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Likely to cost the reader a round trip.
    Warning,
    /// Must be fixed before sending (only by configuration).
    Error,
}

impl Severity {
    /// The lowercase name used in output and config.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The severity with this name.
    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A text edit that resolves a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, as a command: `Replace with "use"`.
    pub title: String,
    /// The text that replaces `span`.
    pub replacement: String,
    /// The bytes replaced.
    pub span: Span,
    /// Whether `plainly check --fix` may apply it without a person choosing.
    pub safe: bool,
}

impl Fix {
    /// A fix replacing `span` with `replacement`, titled after it.
    pub fn replace(span: Span, replacement: impl Into<String>) -> Fix {
        let replacement = replacement.into();
        let title =
            if replacement.is_empty() { "Remove it".to_string() } else { format!("Replace with “{replacement}”") };
        Fix { title, replacement, span, safe: false }
    }
}

/// One problem a rule found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id; filled in by the engine.
    pub rule: &'static str,
    /// The severity in effect; filled in by the engine.
    pub severity: Severity,
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, in one sentence a writer can act on.
    pub message: String,
    /// Edits that resolve it, best first.
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding at `span`; the engine sets its rule and severity.
    pub fn new(span: Span, message: impl Into<String>) -> Finding {
        Finding { rule: "", severity: Severity::Warning, span, message: message.into(), fixes: Vec::new() }
    }

    /// The finding with one more fix.
    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fixes.push(fix);
        self
    }

    /// The finding of a part of a file that starts `by` bytes in, placed in the file.
    pub(crate) fn shifted(&self, by: usize) -> Finding {
        let fixes = self.fixes.iter().map(|fix| Fix { span: fix.span.shift(by), ..fix.clone() }).collect();
        Finding { span: self.span.shift(by), message: self.message.clone(), fixes, ..*self }
    }
}
