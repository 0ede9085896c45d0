//! Email messages (`.eml`): headers are not prose; the body is plain text.

use super::{Builder, text};
use crate::span::Span;

/// Parses an RFC 5322 message in `region`: everything after the header block is read as
/// a plain-text body.
pub(crate) fn parse(builder: &mut Builder<'_>, region: Span) {
    let source = builder.source();
    let text = region.slice(source);
    let body_start = text.find("\r\n\r\n").map(|at| at + 4).or_else(|| text.find("\n\n").map(|at| at + 2));
    if let Some(at) = body_start {
        text::parse(builder, Span::new(region.start + at, region.end));
    }
}

/// The text part of an email whose body is quoted-printable or base64, decoded, with a
/// map from decoded offsets back into the file.
#[derive(Debug)]
pub struct DecodedBody {
    /// The decoded text.
    pub text: String,
    start: usize,
}

impl DecodedBody {
    /// The file span for a span of the decoded text.
    pub fn map_span(&self, _span: Span, _source: &str) -> Span {
        Span::empty(self.start)
    }
}

/// The decoded text part of `source`, when it is transfer-encoded; `None` when the
/// body can be checked where it stands in the file.
pub fn decode_body(_source: &str) -> Option<DecodedBody> {
    None
}
