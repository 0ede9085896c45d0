//! Turning a file's bytes into text plainly can check: size cap, binary sniff,
//! encodings, and the file kind.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused unless the config raises `max-file-size`.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// How many leading bytes are sniffed for NUL, the mark of a binary file (as git does).
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// What kind of text a file holds; it decides how the writer's prose is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// CommonMark with GitHub extensions: `.md`, `.markdown`, `.mdx`.
    Markdown,
    /// A plain-text draft, chat post or email body: `.txt`, stdin, anything unknown.
    Text,
    /// An RFC 5322 message: `.eml`.
    Email,
    /// A git commit, merge or tag message: a file named `COMMIT_EDITMSG`, `MERGE_MSG`,
    /// `SQUASH_MSG` or `TAG_EDITMSG`, as git hands it to an editor or a `commit-msg`
    /// hook. Plain text without git's `#` comment lines and what follows the scissors line.
    Commit,
}

impl FileKind {
    /// The kind for a path's extension, or `None` when folder walks should skip it.
    pub fn from_path(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdx" => Some(FileKind::Markdown),
            "txt" | "text" => Some(FileKind::Text),
            "eml" => Some(FileKind::Email),
            _ => None,
        }
    }

    /// The kind for a file named on the command line or by an editor: like
    /// [`FileKind::from_path`], but anything unknown is read as plain text.
    /// A git message file (see [`FileKind::Commit`]) is known by its name.
    pub fn for_named_file(path: &Path) -> FileKind {
        let name = path.file_name().and_then(|name| name.to_str());
        if matches!(name, Some("COMMIT_EDITMSG" | "MERGE_MSG" | "SQUASH_MSG" | "TAG_EDITMSG")) {
            return FileKind::Commit;
        }
        FileKind::from_path(path).unwrap_or(FileKind::Text)
    }

    /// The name used in messages and the LSP (`markdown`, `text`, `email`, `commit`).
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Markdown => "markdown",
            FileKind::Text => "text",
            FileKind::Email => "email",
            FileKind::Commit => "commit",
        }
    }
}

/// Why a file's bytes cannot be checked. Displayed after the file name, as in
/// `plainly: notes.md: not valid UTF-8 at byte 1042`.
#[derive(Debug)]
pub enum InputError {
    /// The bytes are not UTF-8; `byte` is the offset of the first bad byte.
    NotUtf8 { byte: usize },
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// A NUL byte appears near the start: an image, archive or other binary file.
    Binary,
    /// The file is larger than the configured limit.
    TooLarge { size: u64, limit: u64 },
    /// A device or pipe with no size of its own (`/dev/zero`) gave more than the limit.
    StreamTooLarge { limit: u64 },
    /// The file could not be read.
    Io(std::io::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotUtf8 { byte } => write!(f, "not valid UTF-8 at byte {byte}"),
            InputError::Utf16 => f.write_str("UTF-16 text is not supported; save the file as UTF-8"),
            InputError::Binary => f.write_str("binary file (contains NUL bytes); not checked"),
            InputError::TooLarge { size, limit } => {
                write!(f, "file is {size} bytes, over the {limit}-byte limit (raise `max-file-size` in plainly.toml)")
            }
            InputError::StreamTooLarge { limit } => {
                write!(f, "gives more than {limit} bytes, the limit (raise `max-file-size` in plainly.toml)")
            }
            InputError::Io(err) => write!(f, "cannot read: {}", io_reason(err)),
        }
    }
}

impl std::error::Error for InputError {}

/// The OS error without Rust's "(os error N)" suffix, which means nothing to a writer.
fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Checks that `bytes` are text plainly can read and returns them as `&str`.
///
/// A UTF-8 byte-order mark is kept: it is part of the file, so offsets stay file
/// offsets; the document model never treats it as prose.
pub fn decode(bytes: &[u8], limit: u64) -> Result<&str, InputError> {
    sniff(bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(InputError::TooLarge { size, limit });
    }
    std::str::from_utf8(bytes).map_err(|err| InputError::NotUtf8 { byte: err.valid_up_to() })
}

/// Refuses what the first bytes show is not UTF-8 text: a UTF-16 byte-order mark, or a
/// NUL in the first [`BINARY_SNIFF_BYTES`]. It runs before the size check, so a large
/// image is reported as binary, not as a text file over the limit.
fn sniff(bytes: &[u8]) -> Result<(), InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
        return Err(InputError::Binary);
    }
    Ok(())
}

/// Reads a file, refusing it before reading when its size is over `limit`.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(InputError::Io)?;
    if meta.is_dir() {
        return Err(InputError::Io(std::io::Error::other("is a directory")));
    }
    let mut file = std::fs::File::open(path).map_err(InputError::Io)?;
    if meta.len() > limit {
        // Only the start is read, to tell a binary file from text that is too large.
        let mut head = Vec::with_capacity(BINARY_SNIFF_BYTES);
        (&mut file).take(BINARY_SNIFF_BYTES as u64).read_to_end(&mut head).map_err(InputError::Io)?;
        sniff(&head)?;
        return Err(InputError::TooLarge { size: meta.len(), limit });
    }
    // A device or pipe reports a size of 0 and may never end (`/dev/zero`): read one byte
    // past the limit at most, so it is refused instead of filling memory.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(InputError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::StreamTooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = decode(b"caf\xE9 au lait", DEFAULT_MAX_FILE_BYTES).unwrap_err();
        assert_eq!(err.to_string(), "not valid UTF-8 at byte 3");
    }

    #[test]
    fn nul_means_binary() {
        assert!(matches!(decode(b"PK\x03\x04\0\0", 100), Err(InputError::Binary)));
    }

    #[test]
    fn utf16_bom_is_refused() {
        assert!(matches!(decode(b"\xFF\xFEh\0i\0", 100), Err(InputError::Utf16)));
    }

    #[test]
    fn too_large_is_refused() {
        assert!(matches!(decode(b"hello", 4), Err(InputError::TooLarge { size: 5, limit: 4 })));
    }

    #[test]
    fn a_binary_file_over_the_limit_is_binary() {
        assert!(matches!(decode(b"PK\x03\x04\0\0", 4), Err(InputError::Binary)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logo.png");
        std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        assert!(matches!(read(&path, 8), Err(InputError::Binary)));
        std::fs::write(&path, b"plain text, only longer than the limit").unwrap();
        assert!(matches!(read(&path, 8), Err(InputError::TooLarge { size: 38, limit: 8 })));
    }

    #[test]
    fn an_endless_device_is_refused_at_the_limit() {
        let zero = Path::new("/dev/zero");
        if !zero.exists() {
            return;
        }
        let err = read(zero, 1000).unwrap_err();
        assert_eq!(err.to_string(), "gives more than 1000 bytes, the limit (raise `max-file-size` in plainly.toml)");
    }

    #[test]
    fn utf8_bom_is_kept() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", 100).unwrap(), "\u{feff}hi");
    }

    #[test]
    fn kinds_by_extension() {
        assert_eq!(FileKind::from_path(Path::new("a/B.MD")), Some(FileKind::Markdown));
        assert_eq!(FileKind::from_path(Path::new("x.mdx")), Some(FileKind::Markdown));
        assert_eq!(FileKind::from_path(Path::new("x.eml")), Some(FileKind::Email));
        assert_eq!(FileKind::from_path(Path::new("x.rs")), None);
        assert_eq!(FileKind::for_named_file(Path::new(".git/COMMIT_EDITMSG")), FileKind::Commit);
        assert_eq!(FileKind::for_named_file(Path::new("MERGE_MSG")), FileKind::Commit);
        assert_eq!(FileKind::for_named_file(Path::new("notes/COMMIT_EDITMSG.md")), FileKind::Markdown);
        assert_eq!(FileKind::for_named_file(Path::new("CHANGELOG")), FileKind::Text);
        assert_eq!(FileKind::from_path(Path::new(".git/COMMIT_EDITMSG")), None, "folder walks skip it");
    }
}
