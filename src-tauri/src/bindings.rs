//! The typed IPC surface, and the TypeScript generated from it for the UI.
//!
//! `ui/src/ipc/bindings.ts` is generated, committed, and checked by a test: after changing a
//! command or a type that crosses IPC, run
//! `KIZUKI_UPDATE_BINDINGS=1 cargo test -p kizuki-desktop bindings` and commit the result.

use kizuki_core::ErrorCode;
use tauri::Runtime;
use tauri_specta::Builder;

use crate::error::IpcError;

/// Registers each command of `command_list.rs` with tauri-specta.
macro_rules! collect_listed_commands {
    ($($module:ident: $($command:ident),+;)+) => {
        tauri_specta::collect_commands![$($(crate::commands::$module::$command),+),+]
    };
}

/// Every command the UI may call, from the one list in `command_list.rs`, and the error codes
/// the UI must be able to translate.
pub fn specta_builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new()
        .commands(with_commands!(collect_listed_commands))
        .typ::<IpcError>()
        // The UI's list of codes (and its locale test) comes from the core's one list.
        .constant("ERROR_CODES", ErrorCode::ALL)
        // Limits the UI states or enforces before asking, from the core's own constants.
        .constant("SEARCH_MAX_HITS", kizuki_core::search::MAX_HITS)
        .constant(
            "SEARCH_MAX_QUERY_CHARS",
            kizuki_core::search::MAX_QUERY_CHARS,
        )
        // The calendar export's name for a client, shown on the client's page.
        .constant(
            "CLIENT_REFERENCE_PREFIX",
            kizuki_core::ics::REFERENCE_PREFIX,
        )
        // Ids are SQLite rowids, far below 2^53: a JavaScript number holds them exactly.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type: none of ours serialises differently from how it
        // deserialises, so the split `_Serialize`/`_Deserialize` names would be noise.
        .disable_serde_phases()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// Where the UI keeps the generated file.
    fn bindings_path() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings.ts")
    }

    /// Renders the bindings as the committed file should read.
    fn render() -> Result<String, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bindings.ts");
        specta_builder::<tauri::Wry>().export(specta_typescript::Typescript::default(), &path)?;
        Ok(std::fs::read_to_string(&path)?)
    }

    #[test]
    fn bindings_are_up_to_date() -> Result<(), Box<dyn std::error::Error>> {
        let rendered = render()?;
        if std::env::var_os("KIZUKI_UPDATE_BINDINGS").is_some() {
            std::fs::write(bindings_path(), &rendered)?;
        }
        let committed = std::fs::read_to_string(bindings_path()).unwrap_or_default();
        assert!(
            committed == rendered,
            "ui/src/ipc/bindings.ts is stale: run `KIZUKI_UPDATE_BINDINGS=1 cargo test -p kizuki-desktop bindings`"
        );
        Ok(())
    }

    /// The command names the generated bindings invoke.
    fn invoked_commands(bindings: &str) -> Vec<String> {
        let mut names: Vec<String> = bindings
            .split("__TAURI_INVOKE(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect();
        names.sort();
        names
    }

    fn listed_commands() -> Vec<String> {
        let mut names: Vec<String> = crate::command_list::COMMAND_NAMES
            .iter()
            .map(|n| n.to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_bindings_invoke_exactly_the_listed_commands() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(invoked_commands(&render()?), listed_commands());
        Ok(())
    }

    #[test]
    fn the_capability_grants_exactly_the_listed_commands() -> Result<(), Box<dyn std::error::Error>>
    {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/main-window.json");
        let capability: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .ok_or("no permissions array")?
            .iter()
            .map(|permission| permission.as_str().unwrap_or_default().to_owned())
            .collect();
        granted.sort();
        let mut expected: Vec<String> = listed_commands()
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-")))
            .collect();
        expected.sort();
        assert_eq!(granted, expected);
        Ok(())
    }
}
