//! Arbitrary bytes read and checked as plain text (`.txt`, stdin) in every profile.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plainly::FileKind;

fuzz_target!(|data: &[u8]| plainly_fuzz::check_bytes(data, FileKind::Text));
