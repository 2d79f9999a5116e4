use clap::Parser;
use folio::cli::{Cli, run};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("folio: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
