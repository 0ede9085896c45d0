//! Markdown (CommonMark + GitHub tables, task lists, footnotes) with pulldown-cmark.
//!
//! Only `Text` events inside leaf blocks are revealed as prose; code, HTML, link
//! destinations, images, front matter and markup are never copied, so they stay blank.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{BlockKind, Builder, ParseOptions};
use crate::span::Span;

/// Which Markdown extensions apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// A Markdown file: front matter is recognised.
    Document,
    /// Plain text read with Markdown's block rules: a leading `---` is not front matter.
    PlainText,
}

/// Parses `source[region]`, revealing prose into `builder`. Text overlapping a span in
/// `skip` (sorted) is left blank.
pub(crate) fn parse(builder: &mut Builder<'_>, region: Span, skip: &[Span], flavor: Flavor, options: ParseOptions) {
    let source = builder.source();
    let text = region.slice(source);
    let mut state = State { skip_quotes: options.skip_quotes, ..State::default() };
    for (event, range) in Parser::new_ext(text, extensions(flavor)).into_offset_iter() {
        let span = Span::from(range).shift(region.start);
        match event {
            Event::Start(tag) => state.start(builder, &tag, span),
            Event::End(tag) => state.end(builder, tag),
            Event::Text(content) => {
                if let Some(kind) = state.prose_kind(options) {
                    if overlaps_any(skip, span) {
                        continue;
                    }
                    let raw = span.slice(source);
                    if raw == &*content {
                        builder.add_text(kind, span);
                    } else if raw.len() == content.len() + 1 && raw.starts_with('\\') {
                        // A backslash escape: the escaped character is prose, the backslash is not.
                        builder.add_text(kind, Span::new(span.start + 1, span.end));
                    } else {
                        // An entity such as `&amp;`: keep the block going, leave it blank.
                        builder.extend_leaf(kind, span);
                    }
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::FootnoteReference(_) => {
                if let Some(kind) = state.prose_kind(options) {
                    builder.extend_leaf(kind, span);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if html.trim_start().starts_with("<!--") {
                    builder.comment(span);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule | Event::TaskListMarker(_) | Event::DisplayMath(_) => {}
        }
    }
    builder.close_leaf();
}

/// The pulldown-cmark extensions of `flavor`.
fn extensions(flavor: Flavor) -> Options {
    let mut extensions =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    if flavor == Flavor::Document {
        extensions |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    }
    extensions
}

/// Whether a Markdown file's text `head` leaves no block open: a line after it that
/// starts with a letter would open a new top-level paragraph rather than run on inside an
/// unclosed code fence, HTML block or front matter. The incremental re-check
/// ([`crate::engine::incremental`]) cuts a file into separately parsed sections only where this
/// holds. Asked of the parser itself, with that line appended, so it cannot drift from
/// what the parser does.
pub(crate) fn closes_every_block(head: &str) -> bool {
    // As in `Document::parse`, a byte-order mark is not part of the text parsed.
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let mut probe = String::with_capacity(head.len() + 2);
    probe.push_str(head);
    probe.push_str("a\n");
    let mut depth = 0usize;
    let mut last_top_level = None;
    for (event, range) in Parser::new_ext(&probe, extensions(Flavor::Document)).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    last_top_level = Some((matches!(tag, Tag::Paragraph), range.start));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    last_top_level == Some((true, head.len()))
}

/// The labels `text` defines for the rest of its file: link references (`[x]: url`) as
/// written, footnotes (`[^x]: …`) as `^x`. Markdown resolves `[x]` against definitions
/// anywhere in a file, so the incremental re-check gives each section the labels the
/// other sections define.
pub(crate) fn definitions(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut labels = Vec::new();
    let mut parser = Parser::new_ext(text, extensions(Flavor::Document));
    for event in parser.by_ref() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            labels.push(format!("^{label}"));
        }
    }
    labels.extend(parser.reference_definitions().iter().map(|(label, _)| label.to_owned()));
    labels.sort_unstable();
    labels.dedup();
    labels
}

/// Where the parser is in the block tree.
#[derive(Default)]
struct State {
    /// Innermost containers that hold text directly (paragraph, heading, cell, item).
    containers: Vec<BlockKind>,
    quote_depth: usize,
    /// Inside something whose text is not prose: code block, front matter, image, autolink.
    opaque_depth: usize,
    /// For each open link, whether it is an autolink (whose text is its URL).
    links: Vec<bool>,
    /// Whether quotes are somebody else's words (in messages), so a quote makes a reply.
    skip_quotes: bool,
}

impl State {
    fn start(&mut self, builder: &mut Builder<'_>, tag: &Tag<'_>, span: Span) {
        match tag {
            Tag::Paragraph => self.open(builder, BlockKind::Paragraph),
            Tag::Heading { level, .. } => self.open(builder, BlockKind::Heading(*level as u8)),
            Tag::TableCell => self.open(builder, BlockKind::TableCell),
            Tag::Item => self.open(builder, BlockKind::ListItem),
            Tag::List(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) | Tag::DefinitionList => builder.close_leaf(),
            Tag::BlockQuote(_) => {
                builder.close_leaf();
                self.quote_depth += 1;
                // In a message, a quote is an earlier message being answered.
                if self.skip_quotes {
                    builder.reply();
                }
            }
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                builder.close_leaf();
                self.opaque_depth += 1;
            }
            Tag::Image { .. } => {
                builder.link(span);
                self.opaque_depth += 1;
            }
            Tag::Link { link_type, .. } => {
                builder.link(span);
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.opaque_depth += usize::from(autolink);
                self.links.push(autolink);
            }
            Tag::DefinitionListTitle | Tag::DefinitionListDefinition => self.open(builder, BlockKind::Paragraph),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::TableHead
            | Tag::TableRow => {}
        }
    }

    fn end(&mut self, builder: &mut Builder<'_>, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::TableCell
            | TagEnd::Item
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {
                builder.close_leaf();
                self.containers.pop();
            }
            TagEnd::BlockQuote(_) => {
                builder.close_leaf();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock | TagEnd::Image => {
                self.opaque_depth = self.opaque_depth.saturating_sub(1);
            }
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.opaque_depth -= 1;
                }
            }
            TagEnd::List(_) | TagEnd::Table | TagEnd::FootnoteDefinition | TagEnd::DefinitionList => {
                builder.close_leaf()
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::TableHead
            | TagEnd::TableRow => {}
        }
    }

    fn open(&mut self, builder: &mut Builder<'_>, kind: BlockKind) {
        builder.close_leaf();
        // A paragraph of a loose list item is still list text, not a free-standing paragraph.
        let in_list = self.containers.contains(&BlockKind::ListItem);
        self.containers.push(if kind == BlockKind::Paragraph && in_list { BlockKind::ListItem } else { kind });
    }

    /// The kind of block text belongs to here, or `None` where text is not prose.
    fn prose_kind(&self, options: ParseOptions) -> Option<BlockKind> {
        if self.opaque_depth > 0 || (options.skip_quotes && self.quote_depth > 0) {
            return None;
        }
        self.containers.last().copied()
    }
}

/// Whether `span` overlaps any of the sorted, disjoint `spans`.
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let at = spans.partition_point(|s| s.end <= span.start);
    spans.get(at).is_some_and(|s| s.start < span.end)
}
