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

/// Runs a Python script on `file` and reads the JSON it prints: other
/// programs reading what Folio wrote. Debian's own Python when there is
/// one, for which `.ci/run` installs Debian's python3-* packages (a Python
/// of one's own earlier on the PATH would not see them).
#[allow(dead_code)] // not every test file has other programs read its files
pub fn python_reads(script: &str, file: &Path) -> serde_json::Value {
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}
