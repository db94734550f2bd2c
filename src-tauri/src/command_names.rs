/// Every command the UI may call, by IPC name: the one list. `build.rs` includes this file and
/// makes an `allow-<name>` permission of each; tests in `bindings.rs` check that the capability
/// file grants, and the generated bindings invoke, exactly these.
pub const COMMAND_NAMES: &[&str] = &[
    "vault_status",
    "vault_create",
    "vault_unlock",
    "vault_recover",
    "vault_lock",
    "client_list",
    "client_create",
    "client_get",
    "session_list",
    "session_create",
    "session_get",
    "session_save_notes",
    "preferences_get",
    "preferences_set_language",
];
