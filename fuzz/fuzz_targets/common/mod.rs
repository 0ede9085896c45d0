//! Checks shared by the fuzz targets.

use plainly::config::ConfigError;

/// An error from reading `text` either has no place (line and column 0) or names a line
/// inside the text and a column from 1, and always says what is wrong.
pub fn assert_error_place(text: &str, err: &ConfigError) {
    let lines = text.matches('\n').count() + 1;
    if err.line == 0 {
        assert_eq!(err.column, 0, "{err}");
    } else {
        assert!(err.line <= lines && err.column >= 1, "{err} is outside the {lines}-line text");
    }
    assert!(!err.message.is_empty());
    let _ = err.to_string();
}
