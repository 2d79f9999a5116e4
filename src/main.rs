use folio::cli::{Cli, run};
use folio::library::LibraryError;

fn main() -> std::process::ExitCode {
    let cli = Cli::from_command_line();
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
            let damaged = e
                .chain()
                .filter_map(|cause| cause.downcast_ref::<LibraryError>())
                .any(|error| matches!(error, LibraryError::Damaged { .. }));
            if damaged {
                eprintln!(
                    "folio: restore a backup with `folio restore-backup` (the damaged file is kept, renamed), \
                     or save what can still be read with `folio salvage OUT.json`"
                );
            }
            std::process::ExitCode::FAILURE
        }
    }
}
