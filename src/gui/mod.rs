//! The desktop window.

use std::path::PathBuf;

pub fn run(_library: PathBuf) -> anyhow::Result<()> {
    anyhow::bail!("the window is not part of this build yet; use the commands (folio --help)")
}
