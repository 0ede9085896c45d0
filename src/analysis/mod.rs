//! Facts about a message that several rules need: which sentences ask something of the
//! reader, and which times and time words it contains. Each is computed once per
//! document, on first use, through [`crate::rules::Context`].

pub mod asks;
pub mod labels;
pub mod times;
