use clap::Parser;
use folio::cli::{Cli, run};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`folio show 1 | head -1`): nothing is wrong.
        Err(e)
            if e.chain()
                .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
                .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("folio: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
