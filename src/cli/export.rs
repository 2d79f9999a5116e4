//! Articles written out in the formats other tools read.

use super::{FilterArgs, open_library};
use crate::export::ExportFormat;
use anyhow::Result;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export articles: the whole library as JSON (which `folio import` reads
    /// back), a Markdown vault, CSV, CSL-JSON, BibTeX or one HTML file.
    #[command(after_help = "Examples:\n  folio export --format json --out library.json\n  \
        folio export --format md --out vault/ --tag korea\n  \
        folio export --format csl-json --out refs.json --from 2018-01-01\n\n\
        Without filters, the JSON export also holds the trash, so nothing is lost.")]
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (a folder for md).
        #[arg(long, short = 'o')]
        out: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

pub fn run(library_path: &Option<PathBuf>, command: ExportCommand, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        ExportCommand::Export {
            format,
            out: path,
            filter,
        } => {
            let library = open_library(library_path)?;
            let written =
                crate::export::write_export(&library, format, &filter.to_filter(), filter.is_empty(), &path)?;
            writeln!(
                out,
                "{written} article{} exported to {}",
                if written == 1 { "" } else { "s" },
                path.display()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
