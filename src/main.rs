//! The `plainly` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    plainly::cli::main()
}
