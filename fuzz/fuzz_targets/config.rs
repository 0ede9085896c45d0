//! Arbitrary text as `plainly.toml`: `Settings::parse` returns the settings or an
//! error, never panics, and an error that has a place names a line and column inside
//! the text.

#![no_main]

mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plainly::{FileKind, Profile, Settings};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // `rule-files` are read from disk, relative to a folder that does not exist here; an
    // absolute path to a device would read forever, which tests the OS, not plainly.
    if ["/dev", "/proc", "/sys"].iter().any(|dir| text.contains(dir)) {
        return;
    }
    match Settings::parse(Path::new("/nonexistent-plainly-fuzz/plainly.toml"), text, plainly::rules::catalogue()) {
        Ok(settings) => {
            for path in ["notes.md", "docs/a/b.txt", "updates/x.eml", "../outside.md"] {
                let path = Path::new("/nonexistent-plainly-fuzz").join(path);
                let _ = settings.profile_for(&path);
                let _ = settings.is_excluded(&path, false);
            }
            for rule in plainly::rules::ALL {
                let meta = rule.meta();
                for profile in Profile::ALL {
                    let _ = settings.severity(meta, profile);
                }
                for option in meta.options {
                    let _ = settings.option(meta, option.name);
                }
            }
            assert!(settings.max_file_size > 0);
            let _ = plainly::check("Can you review it ASAP?", FileKind::Text, Profile::Message, &settings);
        }
        Err(err) => common::assert_error_place(text, &err),
    }
});
