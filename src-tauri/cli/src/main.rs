//! `kizuki`: the core's operations without a window, for automation, backups and tests.

mod args;
mod commands;
mod error;
mod input;
mod messages;
mod output;
mod passphrase;

#[cfg(test)]
mod fuzz_targets;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    if kizuki_core::process_guard::keep_memory_off_disk().is_err() {
        eprintln!("kizuki: core dumps could not be turned off; the vault is not opened");
        return ExitCode::FAILURE;
    }
    let args = args::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(_) => {
            eprintln!("kizuki: could not start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    let language = messages::language(args.data_dir.as_deref());
    match runtime.block_on(commands::run(args, language)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kizuki: {}", messages::describe(&error, language));
            ExitCode::FAILURE
        }
    }
}
