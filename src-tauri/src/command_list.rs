// The one list of the commands the UI may call, by module. `build.rs` includes this file to
// make an `allow-<command>` permission of each; `bindings.rs` registers the same list with
// tauri-specta, so a command missing from either fails to build, and tests check the
// capability file against it. (Plain comments: `build.rs` includes this file as an item.)

macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            vault: vault_status, vault_create, vault_unlock, vault_recover, vault_lock,
                vault_discard_interrupted_setup, vault_change_passphrase, vault_new_recovery_key,
                vault_rekey, vault_health;
            companies: company_list, company_get, company_create, company_update;
            programs: program_list, program_get, program_create, program_update;
            clients: client_list, client_get, client_create, client_update;
            interviews: interview_list, interview_get, interview_create, interview_update,
                interview_mark_held, interview_save_notes, interview_history, interview_topics,
                interview_set_topics;
            sheets: sheet_template_get, sheet_template_save, sheet_sections, sheet_save_section,
                sheet_capture;
            questionnaires: questionnaire_find, questionnaire_save;
            flags: flag_list, flag_create, flag_update;
            action_plans: action_item_list, action_item_create, action_item_update,
                action_item_add_progress;
            reports: report_list, report_create, report_document, report_save_part,
                report_versions, report_restore, report_choose_pdf_folder, report_save_pdf;
            consents: consent_list, consent_sheet, consent_grant, consent_revoke;
            backups: vault_backup, vault_backup_progress, vault_restore_candidates, vault_restore;
            exports: summary_get, summary_save, summary_preview, summary_export, provision_list,
                audit_list, audit_verify;
            overall_reports: overall_text, overall_save_text, overall_preview, overall_export;
            supervision: supervision_preview, supervision_export, inbox_recipient, inbox_list,
                inbox_candidates, inbox_import;
            dashboard: dashboard_home, calendar_export;
            search: search_records;
            erasure: client_erase;
            retention: retention_years, retention_set_years, retention_keep;
            preferences: preferences_get, preferences_set_language, preferences_set_auto_lock,
                preferences_set_calendar;
            window: window_close, app_version;
        }
    };
}

/// The names of the commands, for permissions and tests.
macro_rules! command_names {
    ($($module:ident: $($command:ident),+;)+) => {
        &[$($(stringify!($command)),+),+]
    };
}

/// Every command the UI may call, by IPC name.
#[allow(dead_code)] // the desktop crate reads it in tests only; build.rs uses it always
pub const COMMAND_NAMES: &[&str] = with_commands!(command_names);
