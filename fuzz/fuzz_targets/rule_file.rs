//! Arbitrary text as a user rule file: `Lexicon::with_user_files` returns a lexicon or
//! an error with a place, never panics; a lexicon it returns checks text (the file
//! itself and its entries' examples) without panicking.

#![no_main]

mod common;

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use plainly::lexicon::{Lexicon, List};
use plainly::{FileKind, Profile, Settings};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Lexicon::with_user_files([(Path::new("team.toml"), text)]) {
        Ok(lexicon) => {
            let mut examples = String::new();
            for list in List::ALL {
                for entry in lexicon.entries(list).iter().filter(|e| &*e.origin == "team.toml") {
                    for example in entry.flagged.iter().chain(&entry.fine) {
                        examples.push_str(example);
                        examples.push_str("\n\n");
                    }
                }
            }
            let mut settings = Settings::default();
            settings.lexicon = Arc::new(lexicon);
            for source in [text, &examples] {
                for profile in [Profile::Message, Profile::Doc] {
                    plainly::check(source, FileKind::Text, profile, &settings);
                }
            }
        }
        Err(err) => common::assert_error_place(text, &err),
    }
});
