//! Options wherever they stand on the line. Left to clap, a command whose
//! words may start with a dash (`folio search talks -china`, `folio tag 12
//! -unread`) took every argument after its first word as a word, options
//! included: `folio search water --limit 2` searched for "water --limit 2",
//! and `folio tag 1 +x --library other.sqlite` tagged the default library.
//! So before clap reads the line, a command's options (with their values)
//! are moved in front of its words, and the words put after `--`, where
//! nothing is an option and a word may start with a dash. A `--` the user
//! writes still ends the options: what follows is words, whatever it
//! starts with.

use clap::{Arg, Command};
use std::ffi::OsString;

/// The line with each command's options before its words.
pub fn options_before_words(cli: &Command, args: Vec<OsString>) -> Vec<OsString> {
    let mut cli = cli.clone();
    cli.build();
    let mut args = args.into_iter().peekable();
    let mut out: Vec<OsString> = args.next().into_iter().collect();
    // The program's own options, up to the command's name.
    let command = loop {
        let Some(arg) = args.next() else {
            return out;
        };
        if arg == "--" {
            out.push(arg);
            out.extend(args);
            return out;
        }
        match option_in(&cli, &arg) {
            Some(option) => out.push(with_value(&cli, arg, option, &mut args)),
            None => {
                // clap's own `help COMMAND` names commands; it has no words.
                let command = cli.find_subcommand(&arg).filter(|c| c.get_name() != "help");
                out.push(arg);
                match command {
                    Some(command) => break command,
                    None => {
                        out.extend(args);
                        return out;
                    }
                }
            }
        }
    };
    let mut words = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--" {
            words.extend(args.by_ref());
            break;
        }
        match option_in(command, &arg) {
            Some(option) => out.push(with_value(command, arg, option, &mut args)),
            None => words.push(arg),
        }
    }
    if !words.is_empty() {
        out.push("--".into());
        out.extend(words);
    }
    out
}

/// Whether `arg` is an option of `command`: `Some(Some(the option))` for
/// one it knows, `Some(None)` for a long option it does not know (left to
/// clap to refuse, with its hint, rather than searched for as a word),
/// `None` for a word. A single dash before a word (`-china`, `-unread`) is
/// a word unless it is one of the command's short options, such as `-h`.
fn option_in<'c>(command: &'c Command, arg: &OsString) -> Option<Option<&'c Arg>> {
    let arg = arg.to_str()?;
    if let Some(long) = arg.strip_prefix("--") {
        let name = long.split_once('=').map_or(long, |(name, _)| name);
        let known = command.get_arguments().find(|a| {
            a.get_long() == Some(name) || a.get_all_aliases().is_some_and(|aliases| aliases.contains(&name))
        });
        return Some(known);
    }
    let mut short = arg.strip_prefix('-')?.chars();
    let (Some(letter), None) = (short.next(), short.next()) else {
        return None;
    };
    command
        .get_arguments()
        .find(|a| a.get_short() == Some(letter))
        .map(Some)
}

/// The option with the value it takes, as one argument (`--comment=-x`):
/// the argument after an option that takes a value is that value, even one
/// that starts with a dash, unless it is an option itself (`--tag --limit
/// 2`), when clap is left to say the value is missing.
fn with_value(
    command: &Command,
    arg: OsString,
    option: Option<&Arg>,
    rest: &mut std::iter::Peekable<impl Iterator<Item = OsString>>,
) -> OsString {
    let takes_value = option.is_some_and(|o| o.get_action().takes_values());
    let text = arg.to_string_lossy();
    // A short option (`-o FILE`) is joined as its long name, which is
    // the one way `=` may follow.
    let long = match option.and_then(Arg::get_long) {
        Some(long) if !text.starts_with("--") => format!("--{long}"),
        _ => text.to_string(),
    };
    if !takes_value || !long.starts_with("--") || text.contains('=') {
        return arg;
    }
    match rest.next_if(|value| value != "--" && option_in(command, value).is_none()) {
        Some(value) => {
            let mut joined = OsString::from(long);
            joined.push("=");
            joined.push(value);
            joined
        }
        None => arg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    fn moved(line: &str) -> String {
        let args = line.split(' ').map(OsString::from).collect();
        let out = options_before_words(&Cli::command(), args);
        out.iter()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn options_after_the_words_go_before_them() {
        assert_eq!(
            moved("folio search water --limit 2"),
            "folio search --limit=2 -- water"
        );
        assert_eq!(
            moved("folio search talks -china --json year:2018"),
            "folio search --json -- talks -china year:2018"
        );
        assert_eq!(
            moved("folio tag 1 +foo -bar --library=other.sqlite"),
            "folio tag --library=other.sqlite -- 1 +foo -bar"
        );
        assert_eq!(
            moved("folio --library lib.sqlite topic 3 -sport --library x"),
            "folio --library=lib.sqlite topic --library=x -- 3 -sport"
        );
        assert_eq!(
            moved("folio highlight 3 passage --comment -why?"),
            "folio highlight --comment=-why? -- 3 passage"
        );
    }

    #[test]
    fn after_a_double_dash_everything_is_a_word() {
        assert_eq!(
            moved("folio search --tag x -- --limit -h"),
            "folio search --tag=x -- --limit -h"
        );
        assert_eq!(moved("folio -- search x"), "folio -- search x");
    }

    #[test]
    fn help_and_unknown_options_are_left_to_clap() {
        assert_eq!(moved("folio search water -h"), "folio search -h -- water");
        assert_eq!(
            moved("folio search water --limt 2"),
            "folio search --limt -- water 2"
        );
        assert_eq!(moved("folio --library"), "folio --library");
        assert_eq!(
            moved("folio search water --tag --limit 2"),
            "folio search --tag --limit=2 -- water"
        );
    }

    #[test]
    fn lines_without_words_are_left_as_they_are() {
        for line in [
            "folio --library=x",
            "folio list --trash",
            "folio tags",
            "folio unknown -x",
            "folio help search",
        ] {
            assert_eq!(moved(line), line);
        }
    }
}
