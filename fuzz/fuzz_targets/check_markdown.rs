//! Arbitrary bytes read and checked as Markdown (`.md`) in every profile.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plainly::FileKind;

fuzz_target!(|data: &[u8]| plainly_fuzz::check_bytes(data, FileKind::Markdown));
