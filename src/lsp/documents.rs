//! Open documents: their text and version as the editor has them, incremental edits,
//! how each is checked, and the findings of its last check.

use std::path::{Path, PathBuf};

use lsp_types::TextDocumentContentChangeEvent;

use crate::Checked;
use crate::engine::incremental::Incremental;
use crate::position::{Encoding, Positions};
use crate::resolve::{Target, named_kind};

use super::convert::Lines;

/// The language ids plainly checks whatever the file is called: the LSP's names, and
/// Vim's and Emacs's (`text`, `gitcommit`), which Neovim and eglot send unchanged.
const LANGUAGES: &[&str] = &["markdown", "plaintext", "text", "mail", "git-commit", "gitcommit"];

/// One document the client has open.
pub(crate) struct OpenDocument {
    /// The file it is, when it is one (not an untitled buffer).
    pub path: Option<PathBuf>,
    /// The client's language id.
    pub language_id: String,
    /// The client's version of the text.
    pub version: i32,
    /// The text as the client has it.
    pub text: String,
    /// `text`'s line index, rebuilt after every edit.
    pub index: Positions,
    /// How the document is checked.
    pub setup: Setup,
    /// The last check's result; `Some` only while it describes `text` as it is now, so
    /// every span in it is valid in `text`.
    pub checked: Option<Checked>,
    /// Whether the text or its setup changed since the last check.
    pub needs_check: bool,
    /// The score line last shown ("Clarity 84/100 · 3 findings"), to refresh it only when it changes.
    pub score: Option<String>,
    /// Whether the writer was told the document is over `max-file-size`.
    pub told_too_large: bool,
    /// What the last check read, so the next re-reads only what an edit changed.
    pub incremental: Incremental,
}

/// How a document is checked: resolved when it opens and again when a config changes.
#[derive(Clone)]
pub(crate) struct Setup {
    /// Whether plainly checks it at all.
    pub lint: bool,
    /// Its settings, kind and profile, as the resolver gives them (the default settings
    /// when its config is broken).
    pub target: Target,
}

impl Setup {
    /// How to check a document with `language_id` at `path`, resolved to `target`:
    /// plainly checks the languages it knows, files whose name gives a kind, and files
    /// the config's patterns give a profile.
    pub fn new(path: Option<&Path>, language_id: &str, target: Target) -> Setup {
        let lint = LANGUAGES.contains(&language_id)
            || path.is_some_and(|p| named_kind(p).is_some())
            || target.by_pattern.is_some();
        Setup { lint, target }
    }
}

impl OpenDocument {
    /// A document just opened.
    pub fn new(path: Option<PathBuf>, language_id: String, version: i32, text: String, setup: Setup) -> OpenDocument {
        let index = Positions::new(&text);
        OpenDocument {
            path,
            language_id,
            version,
            text,
            index,
            setup,
            checked: None,
            needs_check: true,
            score: None,
            told_too_large: false,
            incremental: Incremental::default(),
        }
    }

    /// The text with its line index in `encoding`.
    pub fn lines(&self, encoding: Encoding) -> Lines<'_> {
        Lines { text: &self.text, index: &self.index, encoding }
    }

    /// Applies the client's changes in order. Each change's range is read against the
    /// text as the previous change left it, so the line index is rebuilt between them.
    /// Ranges outside the text are clamped rather than refused: the editor's copy is the
    /// truth, and a wrong edit is corrected by the next full sync or reopen.
    pub fn apply_changes(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>, encoding: Encoding) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.lines(encoding).span(range);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
                None => self.text = change.text,
            }
            self.index = Positions::new(&self.text);
        }
        self.version = version;
        self.checked = None;
        self.needs_check = true;
    }
}

#[cfg(test)]
mod tests {
    use lsp_types::{Position, Range};

    use super::*;
    use crate::resolve::{Origin, Overrides, Resolver};

    fn setup(path: Option<&Path>, language_id: &str) -> Setup {
        let mut resolver = Resolver::new(crate::rules::catalogue(), Overrides::default());
        Setup::new(path, language_id, resolver.resolve(Origin::buffer(path, language_id, Path::new("/r"))).unwrap())
    }

    fn document(text: &str) -> OpenDocument {
        OpenDocument::new(None, "plaintext".into(), 1, text.into(), setup(None, "plaintext"))
    }

    fn change(range: ((u32, u32), (u32, u32)), text: &str) -> TextDocumentContentChangeEvent {
        let ((l1, c1), (l2, c2)) = range;
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn changes_apply_in_order_against_the_text_so_far() {
        let mut doc = document("ab\ncd");
        doc.apply_changes(2, vec![change(((0, 2), (0, 2)), "\nxy"), change(((1, 2), (2, 1)), "-")], Encoding::Utf16);
        assert_eq!(doc.text, "ab\nxy-d");
        assert_eq!(doc.version, 2);
    }

    #[test]
    fn emoji_columns_count_utf16_units() {
        let mut doc = document("😀 a");
        doc.apply_changes(2, vec![change(((0, 3), (0, 4)), "b")], Encoding::Utf16);
        assert_eq!(doc.text, "😀 b");
    }

    #[test]
    fn out_of_range_and_reversed_ranges_clamp() {
        let mut doc = document("abc");
        doc.apply_changes(2, vec![change(((100, 0), (100, 5)), "!")], Encoding::Utf16);
        assert_eq!(doc.text, "abc!");
        doc.apply_changes(3, vec![change(((0, 3), (0, 1)), "")], Encoding::Utf16);
        assert_eq!(doc.text, "a!");
    }

    #[test]
    fn which_documents_are_checked() {
        assert!(setup(Some(Path::new("/r/.git/COMMIT_EDITMSG")), "git-commit").lint);
        assert!(setup(Some(Path::new("/r/notes.md")), "plaintext").lint);
        // Neovim sends Vim's filetypes.
        assert!(setup(None, "gitcommit").lint);
        assert!(setup(None, "text").lint);
        assert!(setup(None, "mail").lint);
        assert!(!setup(Some(Path::new("/r/main.rs")), "rust").lint);
    }
}
