//! Byte ranges into the original text.

use std::ops::Range;

/// A half-open byte range `[start, end)` into the original file text.
///
/// Every position plainly computes is a `Span` into the text it was given; lines,
/// columns and UTF-16 units exist only at the edges (see [`crate::position`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped so it never precedes `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// An empty span at `offset`.
    pub fn empty(offset: usize) -> Span {
        Span { start: offset, end: offset }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside the span.
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span moved `by` bytes to the right.
    pub fn shift(self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }

    /// The text the span covers.
    ///
    /// # Panics
    /// If the span is out of bounds or not on character boundaries; spans made by the
    /// engine never are (it debug-asserts so on every finding).
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The span as a `Range`, for slicing and for crates that take ranges.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Those of `sorted` (spans in order of their start) that start inside this span.
    pub fn starting_in(self, sorted: &[Span]) -> &[Span] {
        let from = sorted.partition_point(|s| s.start < self.start);
        let to = sorted.partition_point(|s| s.start < self.end);
        &sorted[from..to]
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}
