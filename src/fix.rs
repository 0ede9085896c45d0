//! `plainly check --fix`: applying the fixes rules mark as safe, writing files
//! atomically, and showing the changes as a unified diff.

use std::io::Write;
use std::path::Path;

use crate::finding::{Finding, Fix};

mod unified;

pub use unified::unified_diff;

/// The text with every safe fix applied, and the fixes applied, in order. Fixes that
/// overlap an earlier one are left for the next run. `None` when nothing changes.
pub fn apply_safe<'f>(source: &str, findings: &'f [Finding]) -> Option<(String, Vec<&'f Fix>)> {
    let mut fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fixes.iter().find(|fix| fix.safe)).collect();
    fixes.sort_by_key(|fix| (fix.span.start, fix.span.end));
    let mut text = String::with_capacity(source.len() + 64);
    let mut applied = Vec::new();
    let mut at = 0;
    for fix in fixes {
        if fix.span.start < at || fix.span.end > source.len() {
            continue;
        }
        text.push_str(&source[at..fix.span.start]);
        text.push_str(&fix.replacement);
        at = fix.span.end;
        applied.push(fix);
    }
    text.push_str(&source[at..]);
    (!applied.is_empty()).then_some((text, applied))
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk after it was read; writing would lose that change.
    Changed,
    /// The file could not be written.
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => f.write_str("changed on disk while being checked; not fixed, run again"),
            WriteError::Io(err) => write!(f, "cannot write the fix: {err}"),
        }
    }
}

/// Replaces `path` with `text` atomically: a temporary file in the same folder with the
/// original's permissions, renamed over it, so a crash leaves the old or the new file,
/// never half of one. Refuses when the file no longer holds `original`.
pub fn write_atomically(path: &Path, original: &[u8], text: &str) -> Result<(), WriteError> {
    let now = std::fs::read(path).map_err(WriteError::Io)?;
    if now != original {
        return Err(WriteError::Changed);
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path).map_err(WriteError::Io)?.permissions();
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(WriteError::Io)?;
    temp.write_all(text.as_bytes()).map_err(WriteError::Io)?;
    temp.as_file().sync_all().map_err(WriteError::Io)?;
    std::fs::set_permissions(temp.path(), permissions).map_err(WriteError::Io)?;
    temp.persist(path).map_err(|err| WriteError::Io(err.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn finding(span: Span, replacement: &str, safe: bool) -> Finding {
        Finding::new(span, "m").with_fix(Fix { safe, ..Fix::replace(span, replacement) })
    }

    #[test]
    fn applies_safe_fixes_in_order_and_skips_unsafe_and_overlapping_ones() {
        let source = "Call at 3pm and 5pm, ASAP.";
        let findings = [
            finding(Span::empty(10), " CET", true),
            finding(Span::new(21, 25), "by Friday", false),
            finding(Span::empty(19), " CET", true),
            finding(Span::new(8, 11), "15:00", true),
        ];
        let (text, applied) = apply_safe(source, &findings).unwrap();
        assert_eq!(text, "Call at 15:00 and 5pm CET, ASAP.");
        assert_eq!(applied.len(), 2, "the insertion inside the replaced \"3pm\" waits for the next run");
    }

    #[test]
    fn nothing_safe_is_none() {
        assert!(apply_safe("text", &[finding(Span::new(0, 4), "x", false)]).is_none());
    }

    #[test]
    fn writes_atomically_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"old", "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.txt");
        std::fs::write(&path, "edited meanwhile").unwrap();
        assert!(matches!(write_atomically(&path, b"old", "new"), Err(WriteError::Changed)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited meanwhile");
    }
}
