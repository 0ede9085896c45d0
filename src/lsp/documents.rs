//! Open documents: their text and version as the editor has them, incremental edits,
//! how each is checked, and the findings of its last check.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::TextDocumentContentChangeEvent;

use crate::Checked;
use crate::config::{Profile, Settings};
use crate::incremental::Incremental;
use crate::input::FileKind;
use crate::position::{Encoding, Positions};

use super::convert::Lines;

/// The language ids plainly checks whatever the file is called: the LSP's names, and
/// Vim's and Emacs's (`text`, `gitcommit`), which Neovim and eglot send unchanged.
const LANGUAGES: &[&str] = &["markdown", "plaintext", "text", "mail", "git-commit", "gitcommit"];

/// Commit messages: checked as messages, whatever their file is called.
const COMMIT_LANGUAGES: &[&str] = &["git-commit", "gitcommit"];

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
    /// What kind of text it is.
    pub kind: FileKind,
    /// The profile unless front matter asks for another.
    pub profile: Profile,
    /// The settings of its config (the defaults when there is none or it is broken).
    pub settings: Arc<Settings>,
    /// The config file that applies to it, if any, even when that file is broken.
    pub config: Option<PathBuf>,
}

/// How to check a document with `language_id` at `path`, given the settings that apply:
/// the kind comes from the file name when it has a known extension, else from the
/// language id; the profile from the config's patterns, else the kind's default (a
/// commit message is a message).
pub(crate) fn setup(path: Option<&Path>, language_id: &str, settings: Arc<Settings>, config: Option<PathBuf>) -> Setup {
    let by_language = match language_id {
        "markdown" => FileKind::Markdown,
        "mail" => FileKind::Email,
        language if COMMIT_LANGUAGES.contains(&language) => FileKind::Commit,
        _ => FileKind::Text,
    };
    let kind = path.and_then(FileKind::from_path).unwrap_or(by_language);
    let mapped = path.and_then(|path| settings.profile_for(path));
    let default = if COMMIT_LANGUAGES.contains(&language_id) { Profile::Message } else { Profile::default_for(kind) };
    let lint =
        LANGUAGES.contains(&language_id) || path.is_some_and(|p| FileKind::from_path(p).is_some()) || mapped.is_some();
    Setup { lint, kind, profile: mapped.unwrap_or(default), settings, config }
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

    fn document(text: &str) -> OpenDocument {
        let setup = setup(None, "plaintext", Arc::new(Settings::default()), None);
        OpenDocument::new(None, "plaintext".into(), 1, text.into(), setup)
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
    fn kind_and_profile() {
        let settings = Arc::new(Settings::default());
        let commit = setup(Some(Path::new("/r/.git/COMMIT_EDITMSG")), "git-commit", settings.clone(), None);
        assert!(commit.lint);
        assert_eq!((commit.kind, commit.profile), (FileKind::Commit, Profile::Message));
        let notes = setup(Some(Path::new("/r/notes.md")), "plaintext", settings.clone(), None);
        assert_eq!((notes.kind, notes.profile), (FileKind::Markdown, Profile::Doc));
        // Neovim sends Vim's filetypes.
        let vim_commit = setup(None, "gitcommit", settings.clone(), None);
        assert!(vim_commit.lint && vim_commit.profile == Profile::Message);
        assert!(setup(None, "text", settings.clone(), None).lint);
        let mail = setup(None, "mail", settings.clone(), None);
        assert_eq!((mail.kind, mail.profile), (FileKind::Email, Profile::Message));
        assert!(!setup(Some(Path::new("/r/main.rs")), "rust", settings, None).lint);
    }
}
