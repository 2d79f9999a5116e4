//! Helpers shared by the test files that drive the command line.

use std::path::Path;
use std::process::Command;

/// Runs `folio --library LIBRARY ARGS…`: whether it succeeded, and what it
/// printed (standard output, then errors).
pub fn folio(library: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .expect("folio runs");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}
