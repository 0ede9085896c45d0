//! A Markdown text and a sequence of edits (each an offset, a length to remove and text
//! to insert): after every edit, the incremental re-check must give exactly what a full
//! check gives, in every profile.

#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use plainly::incremental::Incremental;
use plainly::{FileKind, Profile, Settings};

fuzz_target!(|input: (String, Vec<(u16, u8, String)>)| {
    let (mut text, edits) = input;
    let settings = Arc::new(Settings::default());
    for profile in [Profile::Doc, Profile::Message] {
        let mut incremental = Incremental::default();
        let mut current = text.clone();
        for (at, remove, insert) in edits.iter().take(16) {
            let mut start = usize::from(*at).min(current.len());
            while !current.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + usize::from(*remove)).min(current.len());
            while !current.is_char_boundary(end) {
                end += 1;
            }
            current.replace_range(start..end, insert);
            let checked = incremental.check(&current, FileKind::Markdown, profile, &settings);
            assert_eq!(checked, plainly::check(&current, FileKind::Markdown, profile, &settings), "{current:?}");
        }
    }
    text.clear();
});
