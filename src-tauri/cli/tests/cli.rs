//! The `kizuki` binary, end to end: real vaults in temporary directories, real SQLCipher, real
//! age (cross-checked with the reference `age` tool).
//!
//! Unix only: they set file modes and run the reference `age` from the PATH; on Windows the
//! release workflow builds the core and the CLI (docs/release.md).
#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

const PASSPHRASE: &str = "やまのうえのいけ";

/// A valid age recipient, for machines without `age-keygen` (made once with it).
const FALLBACK_RECIPIENT: &str = "age1v7f2tn58zpq4yrpw5f5px6g3awpyer5c7aee42w98xljy2z6wqqq99nwth";

/// A vault directory and the commands run against it.
struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    /// A data directory only this user can open, as Kizuki makes one: a directory others can
    /// open gets a warning with every command (see `an_open_data_directory_is_reported`).
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
        set_mode(dir.path(), 0o700);
        Self { dir }
    }

    fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    /// `kizuki --data-dir <dir> args…` with the passphrase in the environment, in `lang`.
    fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        let mut command = self.command(lang, args);
        command.env("KIZUKI_PASSPHRASE", PASSPHRASE);
        output(command)
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_in("en_US.UTF-8", args)
    }

    /// Like [`Cli::run`], with `input` on standard input.
    fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut command = self.command("en_US.UTF-8", args);
        command
            .env("KIZUKI_PASSPHRASE", PASSPHRASE)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("running kizuki: {e}"));
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(input.as_bytes())
                .unwrap_or_else(|e| panic!("writing stdin: {e}"));
        }
        child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("waiting for kizuki: {e}"))
    }

    fn command(&self, lang: &str, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kizuki"));
        command
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(args)
            .env_remove("KIZUKI_PASSPHRASE")
            .env_remove("KIZUKI_DATA_DIR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .stdin(Stdio::null());
        command
    }

    fn init(&self) -> String {
        let out = self.run(&["init"]);
        assert_success(&out);
        stdout(&out).trim().to_owned()
    }

    /// Runs a command that must succeed; its output, trimmed.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_success(&out);
        stdout(&out).trim().to_owned()
    }

    /// Runs a command that must succeed and print JSON.
    fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }

    fn add_company(&self, name: &str) -> String {
        self.ok(&["company", "add", "--name", name])
    }

    fn add_client(&self, company: &str, name: &str, kana: &str) -> String {
        self.ok(&[
            "client",
            "add",
            "--company",
            company,
            "--name",
            name,
            "--kana",
            kana,
        ])
    }

    fn add_program(&self, company: &str, name: &str) -> String {
        self.ok(&[
            "program",
            "add",
            "--company",
            company,
            "--name",
            name,
            "--start",
            "2026-04-01",
            "--end",
            "2027-03-31",
        ])
    }

    fn write(&self, name: &str, contents: &[u8]) -> String {
        let path = self.data_dir().join(name);
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("writing {name}: {e}"));
        path.to_string_lossy().into_owned()
    }

    fn write_json(&self, name: &str, value: &Value) -> String {
        self.write(name, value.to_string().as_bytes())
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
}

fn output(mut command: Command) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("running kizuki: {e}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_success(out: &Output) {
    assert!(out.status.success(), "kizuki failed: {}", stderr(out));
}

fn locale(language: &str) -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../ui/src/locales/{language}.json"));
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("reading the {language} locale: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing: {e}"))
}

/// The translated message for `code`, from the same locale files the UI uses.
fn message(language: &str, code: &str) -> String {
    locale(language)["errors"][code]
        .as_str()
        .unwrap_or_else(|| panic!("no {language} message for {code}"))
        .to_owned()
}

/// The translated message for `code` naming `field` (camelCase, as the core serialises it).
fn message_for(language: &str, code: &str, field: &str) -> String {
    let label = locale(language)["fields"][field]
        .as_str()
        .unwrap_or_else(|| panic!("no {language} label for {field}"))
        .to_owned();
    message(language, code).replace("{{field}}", &label)
}

/// A failure is a non-zero exit with exactly one line on stderr: `kizuki: <message>`.
fn assert_fails_with(out: &Output, expected_message: &str) {
    assert!(
        !out.status.success(),
        "expected a failure, got: {}",
        stdout(out)
    );
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert_eq!(err.trim_end(), format!("kizuki: {expected_message}"));
}

/// A fresh age recipient from the reference `age-keygen`, or a fixed one without it.
fn age_recipient() -> String {
    Command::new("age-keygen")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| {
            stdout(&out)
                .lines()
                .find_map(|line| line.strip_prefix("# public key: ").map(str::to_owned))
        })
        .unwrap_or_else(|| FALLBACK_RECIPIENT.to_owned())
}

// --- The vault ---------------------------------------------------------------------------

#[test]
fn init_prints_a_recovery_key_that_the_reference_age_tool_accepts() {
    let cli = Cli::new();
    let recovery_key = cli.init();
    assert!(
        recovery_key.starts_with("AGE-SECRET-KEY-1"),
        "{recovery_key}"
    );
    assert!(cli.data_dir().join("kizuki.db").is_file());

    // The wrapped key is a standard age file: Go's age decrypts it with the printed key.
    let identity = cli.write("identity.txt", format!("{recovery_key}\n").as_bytes());
    let decrypted = Command::new("age")
        .args(["--decrypt", "--identity", &identity])
        .arg(cli.data_dir().join("key.recovery.age"))
        .output()
        .unwrap_or_else(|e| panic!("the reference age tool is required for this test: {e}"));
    assert!(
        decrypted.status.success(),
        "age -d failed: {}",
        stderr(&decrypted)
    );
    assert_eq!(
        decrypted.stdout.len(),
        32,
        "the database key is 32 raw bytes"
    );
}

#[test]
fn init_refuses_to_overwrite_a_vault_in_either_language() {
    let cli = Cli::new();
    cli.init();
    let key_before = std::fs::read(cli.data_dir().join("key.passphrase.age")).unwrap_or_default();
    assert_fails_with(&cli.run(&["init"]), &message("en", "vault_exists"));
    assert_fails_with(
        &cli.run_in("ja_JP.UTF-8", &["init"]),
        &message("ja", "vault_exists"),
    );
    let key_after = std::fs::read(cli.data_dir().join("key.passphrase.age")).unwrap_or_default();
    assert_eq!(key_before, key_after);
}

/// `kizuki args…` with these passphrases in the environment, in English.
fn run_with_env(cli: &Cli, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = cli.command("en_US.UTF-8", args);
    for (name, value) in env {
        command.env(name, value);
    }
    output(command)
}

#[test]
fn the_keys_change_and_the_old_ones_open_nothing() {
    const NEW: &str = "あたらしいあいことば";
    const THIRD: &str = "みっつめのあいことば";
    let cli = Cli::new();
    let first_recovery_key = cli.init();
    cli.add_company("株式会社サンプル");
    let change = |current: &str, new: &str| {
        run_with_env(
            &cli,
            &["passphrase", "change"],
            &[
                ("KIZUKI_PASSPHRASE", current),
                ("KIZUKI_NEW_PASSPHRASE", new),
            ],
        )
    };
    let list_with = |passphrase: &str| {
        run_with_env(
            &cli,
            &["company", "list"],
            &[("KIZUKI_PASSPHRASE", passphrase)],
        )
    };

    assert_fails_with(
        &change("まちがったあいことば", NEW),
        &message("en", "wrong_passphrase"),
    );
    assert_fails_with(
        &change(PASSPHRASE, "short"),
        &message("en", "passphrase_too_short").replace("{{min}}", "8"),
    );
    assert_success(&change(PASSPHRASE, NEW));
    assert_fails_with(&list_with(PASSPHRASE), &message("en", "wrong_passphrase"));
    let listed = list_with(NEW);
    assert_success(&listed);
    assert!(stdout(&listed).contains("株式会社サンプル"));

    // A new recovery key: the reference age opens the recovery file with it, and the old
    // key no longer recovers anything.
    let issued = run_with_env(
        &cli,
        &["recovery-key", "new"],
        &[("KIZUKI_PASSPHRASE", NEW)],
    );
    assert_success(&issued);
    let new_recovery_key = stdout(&issued).trim().to_owned();
    assert!(new_recovery_key.starts_with("AGE-SECRET-KEY-1"));
    assert_ne!(new_recovery_key, first_recovery_key);
    let old_key_file = cli.write("old-recovery.txt", first_recovery_key.as_bytes());
    let new_key_file = cli.write("new-recovery.txt", new_recovery_key.as_bytes());
    let decrypted = Command::new("age")
        .args(["--decrypt", "--identity", &new_key_file])
        .arg(cli.data_dir().join("key.recovery.age"))
        .output()
        .unwrap_or_else(|e| panic!("the reference age tool is required for this test: {e}"));
    assert_eq!(decrypted.stdout.len(), 32, "{}", stderr(&decrypted));
    let recover_with = |key_file: &str, passphrase: &str| {
        run_with_env(
            &cli,
            &["recover", "--recovery-key-file", key_file],
            &[("KIZUKI_PASSPHRASE", passphrase)],
        )
    };
    assert_fails_with(
        &recover_with(&old_key_file, THIRD),
        &message("en", "wrong_recovery_key"),
    );

    // Only the database and the recovery file left: recovery opens it.
    std::fs::remove_file(cli.data_dir().join("key.passphrase.age"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_fails_with(&list_with(NEW), &message("en", "vault_damaged"));
    assert_success(&recover_with(&new_key_file, THIRD));
    let listed = list_with(THIRD);
    assert_success(&listed);
    assert!(stdout(&listed).contains("株式会社サンプル"));

    // Without a recovery file the vault still opens, and says how to mend it.
    std::fs::remove_file(cli.data_dir().join("key.recovery.age")).unwrap_or_else(|e| panic!("{e}"));
    let listed = list_with(THIRD);
    assert_success(&listed);
    assert!(
        stderr(&listed).contains("kizuki recovery-key new"),
        "{}",
        stderr(&listed)
    );
    assert_success(&run_with_env(
        &cli,
        &["recovery-key", "new"],
        &[("KIZUKI_PASSPHRASE", THIRD)],
    ));
    assert_eq!(stderr(&list_with(THIRD)), "");
}

#[test]
fn a_second_kizuki_on_the_same_vault_is_refused_and_changes_nothing() {
    let cli = Cli::new();
    cli.init();
    let dir = cli.data_dir();
    let lock_path = dir.with_file_name(format!(
        ".{}.lock",
        dir.file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default()
    ));
    // What the app holds while it is open.
    let held = std::fs::File::options()
        .read(true)
        .write(true)
        .open(&lock_path)
        .unwrap_or_else(|e| panic!("the lock file is beside the vault: {e}"));
    held.lock().unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(dir.join("kizuki.db")).unwrap_or_default();
    assert_fails_with(
        &cli.run(&["company", "add", "--name", "株式会社サンプル"]),
        &message("en", "vault_in_use"),
    );
    assert_fails_with(
        &cli.run_in("ja_JP.UTF-8", &["discard-setup"]),
        &message("ja", "vault_in_use"),
    );
    assert_eq!(
        std::fs::read(dir.join("kizuki.db")).unwrap_or_default(),
        before
    );
    drop(held);
    cli.add_company("株式会社サンプル");
}

#[test]
fn an_open_data_directory_is_reported() {
    let cli = Cli::new();
    cli.init();
    assert_eq!(stderr(&cli.run(&["company", "list"])), "");
    set_mode(cli.data_dir(), 0o755);
    for (lang, code) in [
        ("en_US.UTF-8", "Other users"),
        ("ja_JP.UTF-8", "他のユーザー"),
    ] {
        let listed = cli.run_in(lang, &["company", "list"]);
        assert_success(&listed);
        let warning = stderr(&listed);
        assert_eq!(warning.lines().count(), 1, "{warning}");
        assert!(
            warning.contains(code) && warning.contains("chmod 700"),
            "{warning}"
        );
    }
}

#[test]
fn an_interrupted_setup_is_discarded_and_set_up_again() {
    let cli = Cli::new();
    cli.init();
    // What a setup killed before its passphrase file leaves behind.
    std::fs::remove_file(cli.data_dir().join("key.passphrase.age"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(cli.data_dir().join("setup-incomplete"), b"").unwrap_or_else(|e| panic!("{e}"));
    assert_fails_with(&cli.run(&["init"]), &message("en", "setup_interrupted"));
    assert_fails_with(
        &cli.run_in("ja_JP.UTF-8", &["company", "list"]),
        &message("ja", "setup_interrupted"),
    );
    cli.ok(&["discard-setup"]);
    assert!(!cli.data_dir().join("kizuki.db").exists());
    assert!(!cli.data_dir().join("setup-incomplete").exists());
    cli.init();
    // A vault that finished its setup is never discarded.
    assert_fails_with(&cli.run(&["discard-setup"]), &message("en", "vault_exists"));
    cli.ok(&["company", "list"]);
}

#[test]
fn the_passphrase_can_come_from_a_file() {
    let cli = Cli::new();
    cli.init();
    let file = cli.write("passphrase.txt", format!("{PASSPHRASE}\n").as_bytes());
    let mut command = cli.command(
        "en_US.UTF-8",
        &["--passphrase-file", &file, "client", "list"],
    );
    // The file wins over the environment.
    command.env("KIZUKI_PASSPHRASE", "wrong passphrase");
    assert_success(&output(command));
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused() {
    let cli = Cli::new();
    cli.init();
    let mut wrong = cli.command("en_US.UTF-8", &["client", "list"]);
    wrong.env("KIZUKI_PASSPHRASE", "まちがったあいことば");
    assert_fails_with(&output(wrong), &message("en", "wrong_passphrase"));

    // No variable, no file, no terminal: nobody to ask.
    let none = cli.command("en_US.UTF-8", &["client", "list"]);
    assert_fails_with(
        &output(none),
        "No passphrase: set KIZUKI_PASSPHRASE or pass --passphrase-file.",
    );
}

// --- Records -----------------------------------------------------------------------------

#[test]
fn clients_and_interviews_round_trip() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let watanabe = cli.add_client(&company, "渡辺 一郎", "わたなべ いちろう");
    let abe = cli.add_client(&company, "阿部 真理", "アベ マリ");
    assert_ne!(watanabe, abe);

    let names: Vec<String> = cli
        .ok(&["client", "list"])
        .lines()
        .map(|line| line.split('\t').nth(1).unwrap_or_default().to_owned())
        .collect();
    assert_eq!(names, ["阿部 真理", "渡辺 一郎"], "sorted by reading");

    let clients = cli.json(&["client", "list", "--json"]);
    assert_eq!(clients[0]["nameKana"], "アベ マリ");
    assert_eq!(clients[1]["companyName"], "株式会社サンプル");

    let notes = "現在の業務：営業企画\n3年後に目指す自分：マネージャー\n";
    let notes_file = cli.write("notes.txt", notes.as_bytes());
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &abe,
        "--kind",
        "initial",
        "--held",
        "2026-11-21",
        "--notes-file",
        &notes_file,
    ]);

    let shown = cli.run(&["interview", "show", &interview]);
    assert_success(&shown);
    assert!(stdout(&shown).contains("held\t2026-11-21\n"));
    assert!(stdout(&shown).ends_with(&format!("{notes}\n")));

    let shown = cli.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["interview"]["notes"], notes);
    assert_eq!(shown["interview"]["heldAt"], "2026-11-21");
    assert_eq!(shown["interview"]["clientId"].to_string(), abe);

    let listed = cli.ok(&["interview", "list", "--client", &abe]);
    assert!(listed.starts_with(&format!("{interview}\tinitial\t\t2026-11-21\t")));
    // Notes given with a held interview are its own, not an amendment of it.
    assert_eq!(
        cli.json(&["interview", "history", &interview, "--json"]),
        json!([])
    );
}

/// An interview sets the follow-up date and decides an action item; the dashboard names both
/// once they fall due, and a progress note closes the item.
#[test]
fn action_plans_and_follow_ups_reach_the_dashboard() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let client = cli.add_client(&company, "阿部 真理", "あべ まり");
    // The CLI's calendar is Japan's unless the preferences say otherwise.
    let today = kizuki_core::calendar::local_at(
        kizuki_core::calendar::CalendarZone::AsiaTokyo,
        chrono::Utc::now(),
    )
    .date();
    let days_ago = |days| (today - chrono::Days::new(days)).to_string();
    let held = days_ago(30);
    let due = days_ago(2);
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--kind",
        "initial",
        "--held",
        &held,
        "--follow-up-due",
        &due,
    ]);
    let plan = cli.write_json(
        "plan.json",
        &json!({
            "interviewId": interview.parse::<i64>().unwrap_or_default(),
            "what": "社内公募の説明会に参加する",
            "dueOn": days_ago(1),
            "smart": {"specific": true, "measurable": true, "achievable": true,
                      "related": true, "timeBound": false},
        }),
    );
    let item = cli.ok(&["action", "add", "--client", &client, "--from-file", &plan]);
    assert_eq!(
        cli.ok(&["action", "list", "--client", &client]),
        format!(
            "{item}\tnot_started\t{}\tSMAR-\t社内公募の説明会に参加する",
            days_ago(1)
        )
    );

    let home = cli.json(&["dashboard", "--json"]);
    assert_eq!(home["today"], today.to_string());
    assert_eq!(home["followUps"][0]["clientName"], "阿部 真理");
    assert_eq!(home["followUps"][0]["dueOn"], due);
    assert_eq!(home["followUps"][0]["overdue"], true);
    assert_eq!(home["overdueActions"][0]["actionItemId"].to_string(), item);
    let calendar = cli.ok(&["calendar"]);
    assert!(
        calendar.contains(&format!(
            "SUMMARY:Kizuki フォローアップ面談 KZ-{client}\r\n"
        )),
        "{calendar}"
    );
    assert!(!calendar.contains("阿部") && !calendar.contains("公募"));
    let text = cli.ok(&["dashboard"]);
    assert!(
        text.contains(&format!("{due}\tclient:{client}\t阿部 真理\toverdue")),
        "{text}"
    );

    // Bad input: an item without a "what", an item due before its interview.
    let no_what = cli.write_json("no_what.json", &json!({"how": "調べる"}));
    assert_fails_with(
        &cli.run(&[
            "action",
            "add",
            "--client",
            &client,
            "--from-file",
            &no_what,
        ]),
        &message_for("en", "required", "what"),
    );
    let too_early = cli.write_json("early.json", &json!({"dueOn": days_ago(31)}));
    assert_fails_with(
        &cli.run(&["action", "edit", &item, "--from-file", &too_early]),
        &message_for("en", "period_ends_before_start", "dueOn"),
    );

    let note = cli.write("note.txt", "説明会に参加した".as_bytes());
    cli.ok(&[
        "action",
        "progress",
        &item,
        "--note-file",
        &note,
        "--status",
        "done",
    ]);
    let items = cli.json(&["action", "list", "--client", &client, "--json"]);
    assert_eq!(items[0]["status"], "done");
    assert_eq!(
        items[0]["dueOn"],
        days_ago(1),
        "the refused edit changed nothing"
    );
    assert_eq!(items[0]["progress"][0]["note"], "説明会に参加した");
    assert_eq!(
        cli.json(&["dashboard", "--json"])["overdueActions"],
        json!([])
    );

    // Retention: five years by default; a client seen a month ago is not past it.
    assert_eq!(cli.ok(&["retention", "years"]), "5");
    assert_fails_with(
        &cli.run(&["retention", "years", "0"]),
        &message_for("en", "out_of_range", "retentionYears"),
    );
    assert_eq!(cli.json(&["retention", "due", "--json"]), json!([]));
    let reason = cli.write("reason.txt", "本人の希望で保持".as_bytes());
    cli.ok(&["retention", "keep", &client, "--reason-file", &reason]);
}

/// The whole path of a consultation, with names and notes never on a command line.
#[test]
fn a_consultation_from_company_to_amended_notes() {
    let cli = Cli::new();
    cli.init();

    // A company, from a file.
    let company_file = cli.write_json("company.json", &json!({"name": "株式会社サンプル"}));
    let company = cli.ok(&["company", "add", "--from-file", &company_file]);
    assert_eq!(
        cli.json(&["company", "show", &company, "--json"])["name"],
        "株式会社サンプル"
    );

    // A program with an HR contact and an age recipient.
    let recipient = age_recipient();
    let program_file = cli.write_json(
        "program.json",
        &json!({
            "name": "2026年度 セルフ・キャリアドック",
            "startsOn": "2026-04-01",
            "endsOn": "2027-03-31",
            "purpose": "自律的なキャリア形成の支援",
            "contacts": [{"name": "人事 花子", "role": "人事部 課長", "recipients": [recipient]}]
        }),
    );
    let program = cli.ok(&[
        "program",
        "add",
        "--company",
        &company,
        "--from-file",
        &program_file,
    ]);
    let shown = cli.ok(&["program", "show", &program]);
    for expected in [
        "人事 花子 (人事部 課長)",
        recipient.as_str(),
        "1. Current work and worries",
        "7. Organisational issues",
    ] {
        assert!(shown.contains(expected), "{expected} in {shown}");
    }
    assert_eq!(
        cli.json(&["program", "template", &program, "--json"])
            .as_array()
            .map(Vec::len),
        Some(7)
    );

    // An edit changes only what the file gives.
    let theme = cli.write_json("theme.json", &json!({"theme": "3年後に目指す自分"}));
    cli.ok(&["program", "edit", &program, "--from-file", &theme]);
    let edited = cli.json(&["program", "show", &program, "--json"]);
    assert_eq!(edited["theme"], "3年後に目指す自分");
    assert_eq!(edited["name"], "2026年度 セルフ・キャリアドック");
    assert_eq!(edited["contacts"][0]["recipients"][0], recipient.as_str());

    // Clients from a file and from standard input.
    let client_file = cli.write_json(
        "client.json",
        &json!({
            "name": "阿部 真理",
            "nameKana": "あべ まり",
            "employeeNumber": "E-1024",
            "department": "営業部",
            "ageBand": "30s",
            "tags": ["若手"],
            "programIds": [program.parse::<i64>().unwrap_or_default()]
        }),
    );
    let abe = cli.ok(&[
        "client",
        "add",
        "--company",
        &company,
        "--from-file",
        &client_file,
    ]);
    let piped = json!({"companyId": company.parse::<i64>().unwrap_or_default(), "name": "渡辺 一郎", "nameKana": "わたなべ いちろう"});
    let out = cli.run_with_stdin(&["client", "add", "--from-file", "-"], &piped.to_string());
    assert_success(&out);
    let watanabe = stdout(&out).trim().to_owned();
    assert_ne!(abe, watanabe);

    let enrolled = cli.run(&["client", "list", "--program", &program]);
    assert_eq!(
        stdout(&enrolled),
        format!("{abe}\t阿部 真理\tあべ まり\t株式会社サンプル\t営業部\tactive\t\n"),
        "only the enrolled client, no open flags"
    );

    let department = cli.write_json("department.json", &json!({"department": "企画部"}));
    cli.ok(&["client", "edit", &abe, "--from-file", &department]);
    let client = cli.json(&["client", "show", &abe, "--json"]);
    assert_eq!(client["department"], "企画部");
    assert_eq!(client["employeeNumber"], "E-1024");
    assert_eq!(client["ageBand"], "30s");
    assert_eq!(client["tags"], json!(["若手"]));

    // An interview with notes from a file, then its sheet.
    let notes = "最近、後輩の育成を任されるようになった。\n";
    let notes_file = cli.write("notes.txt", notes.as_bytes());
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &abe,
        "--program",
        &program,
        "--kind",
        "initial",
        "--scheduled",
        "2026-11-21T10:00",
        "--place",
        "online",
        "--notes-file",
        &notes_file,
    ]);
    let section_file = cli.write("section.txt", "営業企画の仕事".as_bytes());
    cli.ok(&[
        "interview",
        "sheet",
        &interview,
        "--section",
        "1",
        "--text-file",
        &section_file,
    ]);
    let out = cli.run_with_stdin(
        &[
            "interview",
            "sheet",
            &interview,
            "--section",
            "1",
            "--append-file",
            "-",
        ],
        "後輩の育成に悩んでいる\n",
    );
    assert_success(&out);
    let sheet = cli.ok(&["interview", "sheet", &interview]);
    assert!(
        sheet.starts_with(
            "1. Current work and worries\n営業企画の仕事\n後輩の育成に悩んでいる\n\n2. Mid-"
        ),
        "{sheet}"
    );

    let shown = cli.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(shown["interview"]["notes"], notes);
    assert_eq!(shown["interview"]["place"], "online");
    assert_eq!(shown["interview"]["heldAt"], Value::Null);
    assert_eq!(shown["sheet"].as_array().map(Vec::len), Some(7));
    assert_eq!(
        shown["sheet"][0]["text"],
        "営業企画の仕事\n後輩の育成に悩んでいる"
    );
    assert_eq!(shown["sheet"][0]["key"], "current_work");

    // Held, then amended: the history keeps what the notes were.
    cli.ok(&["interview", "edit", &interview, "--mark-held"]);
    let held = cli.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(held["interview"]["heldAt"], "2026-11-21T10:00");
    assert_eq!(
        cli.json(&["interview", "history", &interview, "--json"]),
        json!([])
    );

    let amended = "最近、後輩2名の育成を任されるようになった。\n";
    let amended_file = cli.write("amended.txt", amended.as_bytes());
    cli.ok(&[
        "interview",
        "edit",
        &interview,
        "--notes-file",
        &amended_file,
    ]);
    let history = cli.json(&["interview", "history", &interview, "--json"]);
    assert_eq!(history.as_array().map(Vec::len), Some(1));
    assert_eq!(history[0]["before"], notes);
    assert_eq!(history[0]["after"], amended);
    assert_eq!(history[0]["sheetSectionId"], Value::Null);
    let history = cli.ok(&["interview", "history", &interview]);
    assert!(
        history.ends_with(&format!("before:\n{notes}after:\n{}", amended.trim_end())),
        "{history}"
    );

    // Details from a file change only what it gives.
    let details = cli.write_json("details.json", &json!({"durationMinutes": 50}));
    cli.ok(&["interview", "edit", &interview, "--from-file", &details]);
    let edited = cli.json(&["interview", "show", &interview, "--json"]);
    assert_eq!(edited["interview"]["durationMinutes"], 50);
    assert_eq!(edited["interview"]["kind"], "initial");
    assert_eq!(edited["interview"]["programId"].to_string(), program);
}

// --- Failures ----------------------------------------------------------------------------

/// What the vault holds, as the list and show commands print it: every write the failure
/// cases attempt would change it (a count, a list, an `updatedAt`).
fn snapshot(cli: &Cli, client: &str, interview: &str) -> String {
    [
        ["company", "list", "--json"].as_slice(),
        &["program", "list", "--json"],
        &["client", "list", "--json"],
        &["client", "show", client, "--json"],
        &["interview", "list", "--client", client, "--json"],
        &["interview", "show", interview, "--json"],
        &["interview", "history", interview, "--json"],
    ]
    .iter()
    .map(|args| cli.ok(args))
    .collect::<Vec<_>>()
    .join("\n")
}

/// A cheaper [`snapshot`] for after each case (every command unlocks the vault, a second of
/// scrypt): the counts of companies' programs and clients, the client, and the client's
/// interviews with their `updatedAt` (which notes, sheet and details all touch).
fn fingerprint(cli: &Cli, client: &str) -> String {
    [
        ["company", "list", "--json"].as_slice(),
        &["client", "show", client, "--json"],
        &["interview", "list", "--client", client, "--json"],
    ]
    .iter()
    .map(|args| cli.ok(args))
    .collect::<Vec<_>>()
    .join("\n")
}

#[test]
fn failures_exit_non_zero_with_one_translated_line_and_write_nothing() {
    let cli = Cli::new();
    assert_fails_with(
        &cli.run(&["client", "list"]),
        &message("en", "vault_not_found"),
    );
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let other_company = cli.add_company("他社株式会社");
    let other_program = cli.add_program(&other_company, "他社のプログラム");
    let client = cli.ok(&[
        "client",
        "add",
        "--company",
        &company,
        "--name",
        "山田 太郎",
        "--kana",
        "やまだ たろう",
        "--employee-number",
        "E1",
    ]);
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--kind",
        "initial",
        "--scheduled",
        "2026-11-21",
    ]);
    let before = snapshot(&cli, &client, &interview);

    let notes = cli.write("notes.txt", "メモ".as_bytes());
    let not_utf8 = cli.write("latin1.txt", b"caf\xe9");
    let too_long = cli.write("long.txt", "あ".repeat(200_001).as_bytes());
    let malformed = cli.write("malformed.json", "{\n  \"name\": \"株式会社".as_bytes());
    let not_kana = cli.write_json(
        "not_kana.json",
        &json!({"name": "山田 花子", "nameKana": "Yamada"}),
    );
    let typo = cli.write_json(
        "typo.json",
        &json!({"name": "山田 花子", "nameKanna": "やまだ"}),
    );
    let bad_status = cli.write_json("status.json", &json!({"status": "paused"}));
    let no_company = cli.write_json("program.json", &json!({"name": "2026年度"}));
    let bad_recipient = cli.write_json(
        "recipient.json",
        &json!({
            "name": "2026年度", "startsOn": "2026-04-01", "endsOn": "2027-03-31",
            "contacts": [{"name": "人事 花子", "recipients": ["AGE-SECRET-KEY-1QQQQ"]}]
        }),
    );
    let kind = ["--kind", "initial", "--scheduled", "2026-12-01"];
    let add_interview = |rest: &[&str]| -> Vec<String> {
        ["interview", "add", "--client", &client]
            .iter()
            .chain(kind.iter())
            .chain(rest)
            .map(|arg| (*arg).to_owned())
            .collect()
    };

    let cases: Vec<(Vec<String>, String)> = vec![
        (
            args(&["company", "add", "--name", " "]),
            message_for("en", "required", "name"),
        ),
        (
            args(&[
                "client",
                "add",
                "--company",
                &company,
                "--from-file",
                &not_kana,
            ]),
            message("en", "invalid_kana"),
        ),
        (
            args(&[
                "program",
                "add",
                "--company",
                &company,
                "--name",
                "2026年度",
                "--start",
                "2026-04-01",
                "--end",
                "2026-03-31",
            ]),
            message_for("en", "period_ends_before_start", "endsOn"),
        ),
        (
            args(&[
                "program",
                "add",
                "--company",
                &company,
                "--from-file",
                &bad_recipient,
            ]),
            message("en", "invalid_recipient"),
        ),
        (
            args(&[
                "client",
                "add",
                "--company",
                &company,
                "--name",
                "別人",
                "--kana",
                "べつじん",
                "--employee-number",
                "E1",
            ]),
            message("en", "duplicate_employee_number"),
        ),
        (
            add_interview(&["--program", &other_program]),
            message("en", "other_company"),
        ),
        (
            args(&[
                "interview",
                "add",
                "--client",
                "999",
                "--kind",
                "initial",
                "--scheduled",
                "2026-12-01",
            ]),
            message("en", "not_found"),
        ),
        (args(&["client", "show", "999"]), message("en", "not_found")),
        (
            args(&["company", "edit", "999", "--name", "x"]),
            message("en", "not_found"),
        ),
        (
            args(&["interview", "sheet", "999"]),
            message("en", "not_found"),
        ),
        (
            add_interview(&["--notes-file", "/nonexistent/notes.txt"]),
            "The file could not be read. Check its path and permissions.".to_owned(),
        ),
        (
            add_interview(&["--notes-file", &not_utf8]),
            "The file is not UTF-8 text.".to_owned(),
        ),
        (
            add_interview(&["--notes-file", &too_long]),
            message("en", "text_too_long"),
        ),
        (
            args(&[
                "interview",
                "add",
                "--client",
                &client,
                "--kind",
                "initial",
                "--scheduled",
                "2026-02-30",
            ]),
            message("en", "invalid_date"),
        ),
        (
            args(&[
                "interview",
                "edit",
                &interview,
                "--notes-file",
                &notes,
                "--held",
                "2026-02-30",
            ]),
            message("en", "invalid_date"),
        ),
        (
            args(&[
                "interview",
                "edit",
                &interview,
                "--from-file",
                "-",
                "--notes-file",
                "-",
            ]),
            "Standard input (-) can be given for only one input.".to_owned(),
        ),
        (
            args(&[
                "interview",
                "sheet",
                &interview,
                "--section",
                "99",
                "--text-file",
                &notes,
            ]),
            "There is no section 99".to_owned(),
        ),
        (
            args(&["company", "add", "--from-file", &malformed]),
            "The file is not valid JSON (line 2, column 15).".to_owned(),
        ),
        (
            args(&["client", "add", "--company", &company, "--from-file", &typo]),
            "The JSON has a key that is not used here. The keys are: companyId, name, nameKana, \
             employeeNumber, department, role, ageBand, yearsAtCompany, jobContent, \
             desiredCareer, tags, status, programIds."
                .to_owned(),
        ),
        (
            args(&["client", "edit", &client, "--from-file", &bad_status]),
            "A value in the JSON has the wrong type (text for a number, or an unknown choice). \
             See --help for the form."
                .to_owned(),
        ),
        (
            args(&["program", "add", "--from-file", &no_company]),
            "The JSON has no \"companyId\", which is required.".to_owned(),
        ),
    ];
    let unchanged = fingerprint(&cli, &client);
    for (args, expected) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_fails_with(&cli.run(&args), expected);
        let what = args.join(" ");
        assert_eq!(
            fingerprint(&cli, &client),
            unchanged,
            "`{what}` wrote something"
        );
    }
    assert_eq!(snapshot(&cli, &client, &interview), before);
}

#[test]
fn failures_speak_japanese() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let other_company = cli.add_company("他社株式会社");
    let other_program = cli.add_program(&other_company, "他社のプログラム");
    let client = cli.add_client(&company, "山田 太郎", "やまだ たろう");
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--kind",
        "follow_up",
        "--scheduled",
        "2026-11-21",
    ]);
    let malformed = cli.write("malformed.json", b"[1, 2");
    let before = snapshot(&cli, &client, &interview);

    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec![
                "client",
                "add",
                "--company",
                &company,
                "--name",
                "山田",
                "--kana",
                " ",
            ],
            message_for("ja", "required", "nameKana"),
        ),
        (
            vec![
                "client",
                "add",
                "--company",
                &company,
                "--name",
                "山田",
                "--kana",
                "yamada",
            ],
            message("ja", "invalid_kana"),
        ),
        (
            vec![
                "interview",
                "add",
                "--client",
                &client,
                "--program",
                &other_program,
                "--kind",
                "initial",
                "--held",
                "2026-11-22",
            ],
            message("ja", "other_company"),
        ),
        (
            vec!["program", "edit", "999", "--from-file", &malformed],
            "ファイルが正しい JSON ではありません（1行目、5文字目）。".to_owned(),
        ),
        (
            vec![
                "interview",
                "sheet",
                &interview,
                "--section",
                "8",
                "--append-file",
                &malformed,
            ],
            "8番の項目はありません".to_owned(),
        ),
    ];
    let unchanged = fingerprint(&cli, &client);
    for (args, expected) in &cases {
        assert_fails_with(&cli.run_in("ja_JP.UTF-8", args), expected);
        let what = args.join(" ");
        assert_eq!(
            fingerprint(&cli, &client),
            unchanged,
            "`{what}` wrote something"
        );
    }
    assert_eq!(snapshot(&cli, &client, &interview), before);
}

fn args(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

#[test]
fn search_finds_short_and_long_words_and_erasure_removes_them() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let client = cli.add_client(&company, "阿部 真理", "あべ まり");
    let notes = cli.write(
        "notes.txt",
        "上司との関係に悩み、異動を希望している。".as_bytes(),
    );
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--kind",
        "initial",
        "--held",
        "2026-11-20",
        "--notes-file",
        &notes,
    ]);
    assert_eq!(
        cli.ok(&["search", "上司"]),
        format!(
            "client:{client}\t阿部 真理\n\t2026-11-20\tinterview\tinterview:{interview}\t\
             【上司】との関係に悩み、異動を希望している。"
        )
    );
    let found = cli.run_with_stdin(&["search", "-", "--json"], "異動を希望");
    assert_success(&found);
    let found: Value = serde_json::from_str(&stdout(&found)).unwrap_or_default();
    assert_eq!(
        found["groups"][0]["hits"][0]["interviewId"].to_string(),
        interview
    );
    assert_eq!(cli.ok(&["search", "転職"]), "");
    assert_fails_with(
        &cli.run_in("ja", &["search", "「」。"]),
        &message("ja", "query_has_no_words"),
    );

    // Erasure needs the name typed again; a wrong one erases nothing.
    let wrong = cli.write("wrong.txt", "阿部".as_bytes());
    assert_fails_with(
        &cli.run(&["client", "erase", &client, "--confirm-file", &wrong]),
        &message("en", "erasure_not_confirmed"),
    );
    assert_eq!(
        cli.json(&["search", "上司", "--json"])["groups"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let erased = cli.run_with_stdin(
        &["client", "erase", &client, "--confirm-file", "-"],
        "阿部 真理\n",
    );
    assert_success(&erased);
    assert_eq!(cli.ok(&["search", "上司"]), "");
    assert_eq!(cli.ok(&["client", "list"]), "");
}

#[test]
fn an_individual_report_is_drafted_edited_restored_and_printed_as_text() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let program = cli.add_program(&company, "2026年度 セルフ・キャリアドック");
    let client = cli.add_client(&company, "阿部 真理", "あべ まり");
    let interview = cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--program",
        &program,
        "--kind",
        "initial",
        "--held",
        "2026-05-01T10:00",
    ]);
    let issue = cli.write("issue.txt", "管理職になるか迷っている".as_bytes());
    cli.ok(&[
        "interview",
        "sheet",
        &interview,
        "--section",
        "5",
        "--text-file",
        &issue,
    ]);
    let report = cli.ok(&[
        "report",
        "create",
        "--client",
        &client,
        "--program",
        &program,
    ]);

    let out = cli.run_with_stdin(
        &[
            "report",
            "edit",
            &report,
            "--part",
            "workplace",
            "--text-file",
            "-",
        ],
        "職場は落ち着いている\n",
    );
    assert_success(&out);
    // Printed in the consultant's language: Japanese here.
    let out = cli.run_in("ja_JP.UTF-8", &["report", "show", &report]);
    assert_success(&out);
    let shown = stdout(&out);
    assert!(
        shown.starts_with(
            "個別報告書\n2026年度 セルフ・キャリアドック\n\n相談者: 阿部 真理（あべ まり）\n"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("面談: 2026-05-01 10:00 初回面談\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n1. キャリア意識上の課題\n【2026-05-01】\n管理職になるか迷っている\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n2. 職場環境\n職場は落ち着いている\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n3. 組織的な課題\n（記載なし）\n"),
        "{shown}"
    );

    let history = cli.ok(&["report", "history", &report]);
    let versions: Vec<Vec<&str>> = history
        .lines()
        .map(|line| line.split('\t').collect())
        .collect();
    assert_eq!(
        versions.iter().map(|v| v[1]).collect::<Vec<_>>(),
        ["edited", "drafted"]
    );
    cli.ok(&["report", "restore", &report, "--version", versions[1][0]]);
    let restored = cli.json(&["report", "show", &report, "--json"]);
    assert_eq!(restored["report"]["parts"]["workplace"], "");
    assert_eq!(restored["interviews"][0]["kind"], "initial");

    // Bad input: a second report for the program, a program of another company, a part that
    // does not exist. Each says why; none writes anything.
    assert_fails_with(
        &cli.run(&[
            "report",
            "create",
            "--client",
            &client,
            "--program",
            &program,
        ]),
        &message("en", "report_exists"),
    );
    let other_company = cli.add_company("他社");
    let other_program = cli.add_program(&other_company, "他社のプログラム");
    assert_fails_with(
        &cli.run(&[
            "report",
            "create",
            "--client",
            &client,
            "--program",
            &other_program,
        ]),
        &message("en", "other_company"),
    );
    let wrong_part = cli.run(&[
        "report",
        "edit",
        &report,
        "--part",
        "summary",
        "--text-file",
        &issue,
    ]);
    assert!(!wrong_part.status.success());
    assert_eq!(
        cli.ok(&["report", "list", "--client", &client])
            .lines()
            .count(),
        1
    );
    assert_eq!(cli.ok(&["report", "history", &report]).lines().count(), 3);
}

#[test]
fn a_consented_summary_is_exported_for_the_reference_age_and_everything_else_is_refused() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let program = cli.add_program(&company, "2026年度 セルフ・キャリアドック");
    let client = cli.add_client(&company, "阿部 真理", "あべ まり");
    let purpose = cli.write("purpose.txt", "配置の検討のため".as_bytes());
    let terms = [
        "--client",
        &client,
        "--recipient-kind",
        "hr",
        "--recipient",
        "人事部 山本様",
        "--program",
        &program,
        "--part",
        "summary",
        "--part",
        "action_plan",
        "--purpose-file",
        &purpose,
        "--granted-on",
        "2026-11-20",
    ];
    // The sheet comes first, and records nothing.
    let out = cli.run_in("ja_JP.UTF-8", &[&["consent", "sheet"], &terms[..]].concat());
    assert_success(&out);
    let sheet = stdout(&out);
    assert!(
        sheet.starts_with("情報提供についての説明・同意書\n"),
        "{sheet}"
    );
    assert!(
        sheet.contains("\n■ 提供先\n・人事担当者：人事部 山本様\n"),
        "{sheet}"
    );
    assert_eq!(cli.ok(&["consent", "list", "--client", &client]), "");
    let consent = cli.ok(&[
        &["consent", "grant"],
        &terms[..],
        &["--obtained", "written"],
    ]
    .concat());
    let listed = cli.json(&["consent", "list", "--client", &client, "--json"]);
    assert_eq!(listed[0]["parts"], json!(["summary", "action_plan"]));

    // A part outside the consent is named, in the user's language, and nothing is written.
    let identity = cli.data_dir().join("hr.key");
    let public = age_identity(&identity);
    let package = cli.data_dir().join("summary.age");
    let package_arg = package.to_string_lossy().into_owned();
    let summary = cli.write("summary.txt", "要約マーカー甲".as_bytes());
    let wider = [
        "export",
        "summary",
        "--client",
        &client,
        "--part",
        "summary",
        "--part",
        "strengths",
        "--summary-file",
        &summary,
        "--to",
        &public,
        "-o",
        &package_arg,
    ];
    let out = cli.run_in("ja_JP.UTF-8", &wider);
    assert_fails_with(
        &out,
        &format!(
            "{} (同意の範囲外: 強み・実績)",
            message("ja", "not_consented")
        ),
    );
    let out = cli.run(&wider);
    assert_fails_with(
        &out,
        &format!(
            "{} (not covered by the consent: Strengths and achievements)",
            message("en", "not_consented")
        ),
    );
    assert!(!package.exists());
    // Not a key: refused before anything is read.
    let out = cli.run(&[
        "export",
        "summary",
        "--client",
        &client,
        "--to",
        "age1notakey",
        "-o",
        &package_arg,
    ]);
    assert_fails_with(&out, &message("en", "invalid_recipient"));

    // What the consent covers goes out, and the reference age opens it.
    // The refused exports saved nothing: the summary is given again.
    let sha = cli.ok(&[
        "export",
        "summary",
        "--client",
        &client,
        "--summary-file",
        &summary,
        "--to",
        &public,
        "--armor",
        "-o",
        &package_arg,
    ]);
    assert_eq!(sha.len(), 64);
    let zip = cli.data_dir().join("summary.zip");
    let decrypted = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&identity)
        .arg("-o")
        .arg(&zip)
        .arg(&package)
        .output()
        .unwrap_or_else(|e| panic!("age is needed: {e}"));
    assert!(decrypted.status.success(), "{}", stderr(&decrypted));
    let html = Command::new("unzip")
        .arg("-p")
        .arg(&zip)
        .arg("summary.html")
        .output()
        .unwrap_or_else(|e| panic!("unzip is needed: {e}"));
    let html = String::from_utf8_lossy(&html.stdout).into_owned();
    assert!(
        html.contains("要約マーカー甲") && html.contains("人事向けサマリー"),
        "{html}"
    );
    // The same name again is never overwritten.
    let out = cli.run(&[
        "export",
        "summary",
        "--client",
        &client,
        "--to",
        &public,
        "-o",
        &package_arg,
    ]);
    assert_fails_with(&out, &message("en", "file_exists"));

    let provided = cli.json(&["provision", "list", "--json"]);
    assert_eq!(provided.as_array().map(Vec::len), Some(1));
    assert_eq!(provided[0]["items"], json!(["summary", "action_plan"]));
    assert_eq!(provided[0]["packageSha256"], json!(sha));

    // Revoked: refused, saying so.
    cli.ok(&["consent", "revoke", &consent, "--on", "2026-11-21"]);
    let again = cli.data_dir().join("again.age");
    let out = cli.run(&[
        "export",
        "summary",
        "--client",
        &client,
        "--consent",
        &consent,
        "--part",
        "summary",
        "--to",
        &public,
        "-o",
        &again.to_string_lossy(),
    ]);
    assert_fails_with(
        &out,
        &format!(
            "{} (the consent is revoked: Summary for the recipient)",
            message("en", "not_consented")
        ),
    );
    assert!(!again.exists());

    let log = cli.json(&["audit", "list", "--json"]);
    let actions: Vec<&str> = log
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .filter_map(|e| e["action"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(actions, ["consent_revoked", "export", "consent_granted"]);
    let verified = cli.ok(&["audit", "verify"]);
    assert!(verified.starts_with("ok\t3\t"), "{verified}");
}

/// A new identity made by the reference `age-keygen` in `identity`; its public key.
fn age_identity(identity: &Path) -> String {
    let keygen = Command::new("age-keygen")
        .arg("-o")
        .arg(identity)
        .output()
        .unwrap_or_else(|e| panic!("age-keygen is needed (scripts/test.sh installs it): {e}"));
    assert!(keygen.status.success());
    age_public(identity)
}

fn age_public(identity: &Path) -> String {
    let out = Command::new("age-keygen")
        .arg("-y")
        .arg(identity)
        .output()
        .unwrap_or_else(|e| panic!("age-keygen: {e}"));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn a_backup_restores_into_a_new_data_directory_and_never_over_a_vault() {
    let cli = Cli::new();
    let recovery_key = cli.init();
    let company = cli.add_company("株式会社サンプル");
    cli.add_client(&company, "阿部 真理", "あべ まり");
    let before = cli.json(&["client", "list", "--json"]);
    let file = cli.data_dir().join("backup.age");
    let file_arg = file.to_string_lossy().into_owned();
    let sha = cli.ok(&["backup", "-o", &file_arg]);
    assert_eq!(sha.len(), 64);
    // Never over an existing file.
    let out = cli.run(&["backup", "-o", &file_arg]);
    assert_fails_with(&out, &message("en", "file_exists"));

    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let target = elsewhere.path().join("restored");
    let target_arg = target.to_string_lossy().into_owned();
    let restore = |lang: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kizuki"));
        command
            .args(["--data-dir", &target_arg, "restore", &file_arg])
            .env("KIZUKI_PASSPHRASE", PASSPHRASE)
            .env_remove("KIZUKI_DATA_DIR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .stdin(Stdio::null());
        output(command)
    };
    let out = restore("en_US.UTF-8");
    assert_success(&out);
    assert_eq!(stdout(&out).trim(), target_arg);
    let mut listed = Command::new(env!("CARGO_BIN_EXE_kizuki"));
    listed
        .args(["--data-dir", &target_arg, "client", "list", "--json"])
        .env("KIZUKI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null());
    let listed = output(listed);
    assert_success(&listed);
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&listed)).unwrap_or_default(),
        before
    );
    // A second restore into the same directory: refused, in the user's language.
    let out = restore("ja_JP.UTF-8");
    assert_fails_with(&out, &message("ja", "target_not_empty"));
    let log = cli.json(&["audit", "list", "--json"]);
    assert_eq!(log[0]["action"], "backup");

    // A backup to the recovery key restores with it alone, under a new passphrase.
    let to_recovery = cli.data_dir().join("recovery-backup.age");
    let to_recovery_arg = to_recovery.to_string_lossy().into_owned();
    cli.ok(&["backup", "--to-recovery-key", "-o", &to_recovery_arg]);
    let key_file = cli.write("recovery.txt", recovery_key.as_bytes());
    let recovered = elsewhere.path().join("recovered");
    let recovered_arg = recovered.to_string_lossy().into_owned();
    let mut restore_with_key = Command::new(env!("CARGO_BIN_EXE_kizuki"));
    restore_with_key
        .args(["--data-dir", &recovered_arg, "restore", &to_recovery_arg])
        .args(["--recovery-key-file", &key_file])
        .env("KIZUKI_PASSPHRASE", "あたらしいあいことば")
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null());
    assert_success(&output(restore_with_key));
    let mut listed = Command::new(env!("CARGO_BIN_EXE_kizuki"));
    listed
        .args(["--data-dir", &recovered_arg, "client", "list", "--json"])
        .env("KIZUKI_PASSPHRASE", "あたらしいあいことば")
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::null());
    let listed = output(listed);
    assert_success(&listed);
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&listed)).unwrap_or_default(),
        before
    );
}

/// `age -d` with an identity file, then one file of the package's ZIP.
fn decrypted_member(identity: &Path, package: &Path, dir: &Path, member: &str) -> String {
    let zip = dir.join(format!("{member}.zip"));
    let decrypted = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(identity)
        .arg("-o")
        .arg(&zip)
        .arg(package)
        .output()
        .unwrap_or_else(|e| panic!("age is needed (scripts/test.sh installs it): {e}"));
    assert!(decrypted.status.success(), "{}", stderr(&decrypted));
    let unzipped = Command::new("unzip")
        .arg("-p")
        .arg(&zip)
        .arg(member)
        .output()
        .unwrap_or_else(|e| panic!("unzip is needed (scripts/test.sh installs it): {e}"));
    assert!(unzipped.status.success(), "{}", stderr(&unzipped));
    String::from_utf8_lossy(&unzipped.stdout).into_owned()
}

#[test]
fn an_overall_report_shows_no_small_group_and_no_name_and_opens_with_the_reference_age() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let program = cli.ok(&[
        "program",
        "add",
        "--company",
        &company,
        "--name",
        "2026年度 セルフ・キャリアドック",
        "--start",
        "2026-04-01",
        "--end",
        "2027-03-31",
        "--k",
        "2",
    ]);
    // 営業部 and 開発部 of two, and one person alone in 総務部.
    for (name, kana, department, theme) in [
        ("阿部 真理", "あべ まり", "営業部", "career_direction"),
        ("井上 健", "いのうえ けん", "営業部", "career_direction"),
        ("江口 学", "えぐち まなぶ", "開発部", "skills"),
        ("大西 光", "おおにし ひかる", "開発部", "skills"),
        ("宇野 誠", "うの まこと", "総務部", "health"),
    ] {
        let client = cli.ok(&[
            "client",
            "add",
            "--company",
            &company,
            "--name",
            name,
            "--kana",
            kana,
            "--department",
            department,
            "--age-band",
            "30s",
            "--program",
            &program,
        ]);
        let interview = cli.ok(&[
            "interview",
            "add",
            "--client",
            &client,
            "--program",
            &program,
            "--kind",
            "initial",
            "--held",
            "2026-06-10T10:00",
        ]);
        let topics = cli.ok(&[
            "interview",
            "topics",
            &interview,
            "--theme",
            theme,
            "--issue",
            "workload",
        ]);
        assert_eq!(topics, format!("theme\t{theme}\nissue\tworkload"));
    }
    let identity = cli.data_dir().join("hr.key");
    let public = age_identity(&identity);
    let package = cli.data_dir().join("overall.age");
    let package_arg = package.to_string_lossy().into_owned();
    let export = |findings: &str| {
        let findings = cli.write("findings.txt", findings.as_bytes());
        [
            "export",
            "overall",
            "--program",
            &program,
            "--findings-file",
            &findings,
            "--to",
            &public,
            "-o",
            &package_arg,
        ]
        .map(str::to_owned)
    };

    // Findings that name a client: refused in the user's language, nothing written.
    let named = export("井上さんは異動を希望している。");
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    let out = cli.run_in("ja_JP.UTF-8", &named);
    assert_fails_with(&out, &message("ja", "identifies_client"));
    assert!(!package.exists());

    let fine = export("営業部を中心に、今後のキャリアの方向性への関心が高い。所見マーカー");
    let fine: Vec<&str> = fine.iter().map(String::as_str).collect();
    let sha256 = cli.ok(&fine);
    assert_eq!(sha256.len(), 64);
    let html = decrypted_member(&identity, &package, cli.data_dir(), "overall-report.html");
    assert!(
        html.contains("所見マーカー") && html.contains("<svg"),
        "{html}"
    );
    assert!(html.contains("営業部"), "{html}");
    for absent in ["総務部", "開発部", "阿部", "井上", "江口", "大西", "宇野"] {
        assert!(!html.contains(absent), "{absent} in the report:\n{html}");
    }
    let json: Value = serde_json::from_str(&decrypted_member(
        &identity,
        &package,
        cli.data_dir(),
        "overall-report.json",
    ))
    .unwrap_or_else(|e| panic!("the report's JSON: {e}"));
    assert_eq!(json["format"], "kizuki-overall-report");
    // 総務部's one is fewer than k: 開発部 (the smallest, the last of equals) joins it in
    // 「その他」, so no group is hidden for its size and neither name shows.
    let people = &json["byDepartment"]["tables"][0];
    assert_eq!(people["totals"][0], json!(5));
    assert_eq!(people["rows"][0]["group"]["label"], "営業部");
    assert_eq!(people["rows"][0]["cells"][0], json!(2));
    assert_eq!(people["rows"][1]["group"]["label"], "その他");
    assert_eq!(people["rows"][1]["cells"][0], json!(3));
    // The one health theme is fewer than k: hidden, and its total beside it.
    let themes = &json["byDepartment"]["tables"][1];
    assert_eq!(themes["columns"][8]["code"], "health");
    assert_eq!(themes["totals"][8], Value::Null);
    let log = cli.ok(&["audit", "list"]);
    assert!(log.contains(&format!("KZG-{program}")), "{log}");
    // An existing file is never overwritten.
    let out = cli.run(&fine);
    assert_fails_with(&out, &message("en", "file_exists"));
}

#[test]
fn supervision_goes_pseudonymised_and_the_supervisors_comments_come_back_into_the_inbox() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let program = cli.add_program(&company, "2026年度 セルフ・キャリアドック");
    let client = cli.ok(&[
        "client",
        "add",
        "--company",
        &company,
        "--name",
        "阿部 真理",
        "--kana",
        "あべ まり",
        "--department",
        "経理部",
        "--program",
        &program,
    ]);
    cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--program",
        &program,
        "--kind",
        "initial",
        "--held",
        "2026-06-10T10:00",
    ]);
    let report = cli.ok(&[
        "report",
        "create",
        "--client",
        &client,
        "--program",
        &program,
    ]);
    let part = cli.write("part.txt", "阿部さんは経理部で異動を迷う。".as_bytes());
    cli.ok(&[
        "report",
        "edit",
        &report,
        "--part",
        "career_awareness",
        "--text-file",
        &part,
    ]);
    let identity = cli.data_dir().join("sv.key");
    let supervisor = age_identity(&identity);
    let package = cli.data_dir().join("sv.age");
    let package_arg = package.to_string_lossy().into_owned();
    let sha256 = cli.ok(&[
        "export",
        "supervision",
        "--report",
        &report,
        "--to",
        &supervisor,
        "-o",
        &package_arg,
    ]);
    assert_eq!(sha256.len(), 64);
    let json: Value = serde_json::from_str(&decrypted_member(
        &identity,
        &package,
        cli.data_dir(),
        "supervision-report.json",
    ))
    .unwrap_or_else(|e| panic!("the report's JSON: {e}"));
    assert_eq!(json["pseudonymised"], json!(true));
    // A fresh pseudonym, never Kizuki's reference, which HR sees beside the name in summaries.
    let label = json["client"]["label"].as_str().unwrap_or_default();
    assert!(label.starts_with("相談者（P-"), "{label}");
    assert!(!label.contains(&format!("KZ-{client}")), "{label}");
    assert_eq!(
        json["parts"]["careerAwareness"],
        "〇〇さんは〇〇で異動を迷う。"
    );
    let regarding = json["regarding"].as_str().unwrap_or_default().to_owned();
    assert!(regarding.starts_with("KZS-"), "{regarding}");

    // The supervisor answers to the consultant's inbox key; the consultant imports it once.
    let inbox_key = cli.ok(&["inbox", "recipient"]);
    assert!(inbox_key.starts_with("age1"), "{inbox_key}");
    let comments = cli.write(
        "comments.txt",
        "目標の具体化を支援してください。".as_bytes(),
    );
    let answer = cli.data_dir().join("answer.age");
    let answer_arg = answer.to_string_lossy().into_owned();
    cli.ok(&[
        "export",
        "comments",
        "--regarding",
        &regarding,
        "--supervisor",
        "SV 田中",
        "--comments-file",
        &comments,
        "--to",
        &inbox_key,
        "-o",
        &answer_arg,
    ]);
    assert_eq!(cli.ok(&["import", &answer_arg]), "KZI-1");
    let listed = cli.json(&["inbox", "list", "--json"]);
    assert_eq!(listed[0]["comments"], "目標の具体化を支援してください。");
    assert_eq!(
        listed[0]["clientId"],
        json!(client.parse::<i64>().unwrap_or_default())
    );
    let out = cli.run_in("ja_JP.UTF-8", &["import", &answer_arg]);
    assert_fails_with(&out, &message("ja", "already_imported"));
    // A package for someone else, and a file that is not one: refused, nothing imported.
    let other = cli.data_dir().join("other.age");
    let other_arg = other.to_string_lossy().into_owned();
    cli.ok(&[
        "export",
        "comments",
        "--regarding",
        "KZ-1",
        "--supervisor",
        "SV",
        "--comments-file",
        &comments,
        "--to",
        &supervisor,
        "-o",
        &other_arg,
    ]);
    let out = cli.run(&["import", &other_arg]);
    assert_fails_with(&out, &message("en", "package_not_for_you"));
    let out = cli.run(&["import", &comments]);
    assert_fails_with(&out, &message("en", "not_a_package"));
    assert_eq!(
        cli.json(&["inbox", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[test]
fn a_consent_to_a_supervisor_sends_only_the_report_parts_it_names() {
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let program = cli.add_program(&company, "2026年度 セルフ・キャリアドック");
    let client = cli.add_client(&company, "阿部 真理", "あべ まり");
    cli.ok(&[
        "interview",
        "add",
        "--client",
        &client,
        "--program",
        &program,
        "--kind",
        "initial",
        "--held",
        "2026-06-10T10:00",
    ]);
    let report = cli.ok(&[
        "report",
        "create",
        "--client",
        &client,
        "--program",
        &program,
    ]);
    for (part, text) in [
        ("career_awareness", "キャリア意識マーカー甲"),
        ("workplace", "職場マーカー乙"),
    ] {
        let file = cli.write("part.txt", text.as_bytes());
        cli.ok(&[
            "report",
            "edit",
            &report,
            "--part",
            part,
            "--text-file",
            &file,
        ]);
    }
    let purpose = cli.write("purpose.txt", "スーパービジョンのため".as_bytes());
    let terms = |part: &str| {
        [
            "consent",
            "grant",
            "--client",
            &client,
            "--recipient-kind",
            "supervisor",
            "--recipient",
            "SV 田中様",
            "--part",
            part,
            "--purpose-file",
            &purpose,
            "--granted-on",
            "2026-11-20",
            "--obtained",
            "written",
        ]
        .map(str::to_owned)
    };
    // A part no supervision report carries: refused in the user's language, nothing recorded.
    let themes = terms("themes");
    let themes: Vec<&str> = themes.iter().map(String::as_str).collect();
    let out = cli.run_in("ja_JP.UTF-8", &themes);
    assert_fails_with(&out, &message("ja", "part_not_for_recipient"));
    assert_eq!(cli.ok(&["consent", "list", "--client", &client]), "");
    let workplace = terms("workplace");
    let workplace: Vec<&str> = workplace.iter().map(String::as_str).collect();
    cli.ok(&workplace);
    // The preview shows what goes and what is left out, as the package will.
    let identity = cli.data_dir().join("sv.key");
    let supervisor = age_identity(&identity);
    let package = cli.data_dir().join("sv.age");
    let package_arg = package.to_string_lossy().into_owned();
    let preview = cli.json(&[
        "export",
        "supervision",
        "--report",
        &report,
        "--to",
        &supervisor,
        "-o",
        &package_arg,
        "--preview",
    ]);
    assert!(!package.exists(), "a preview writes nothing");
    assert_eq!(preview["pseudonymised"], json!(false));
    assert_eq!(preview["parts"]["workplace"], "職場マーカー乙");
    assert_eq!(preview["parts"]["careerAwareness"], "");
    assert_eq!(
        preview["leftOut"],
        json!(["career_awareness", "organisational", "proposed_support"])
    );
    cli.ok(&[
        "export",
        "supervision",
        "--report",
        &report,
        "--to",
        &supervisor,
        "-o",
        &package_arg,
    ]);
    let html = decrypted_member(
        &identity,
        &package,
        cli.data_dir(),
        "supervision-report.html",
    );
    assert!(
        html.contains("職場マーカー乙") && html.contains("阿部 真理"),
        "{html}"
    );
    assert!(!html.contains("キャリア意識マーカー甲"), "{html}");
}

#[test]
fn a_rekey_leaves_every_old_key_file_opening_nothing() {
    let cli = Cli::new();
    let old_recovery_key = cli.init();
    cli.add_company("株式会社鍵替え");
    let old_passphrase_file = std::fs::read(cli.data_dir().join("key.passphrase.age"))
        .unwrap_or_else(|e| panic!("the passphrase file: {e}"));
    let old_recovery_file = std::fs::read(cli.data_dir().join("key.recovery.age"))
        .unwrap_or_else(|e| panic!("the recovery file: {e}"));

    // A wrong passphrase: refused in the user's language, nothing changed.
    let mut wrong = cli.command("ja_JP.UTF-8", &["rekey"]);
    wrong.env("KIZUKI_PASSPHRASE", "まちがったあいことば");
    assert_fails_with(&output(wrong), &message("ja", "wrong_passphrase"));
    assert_eq!(
        std::fs::read(cli.data_dir().join("key.passphrase.age")).unwrap_or_default(),
        old_passphrase_file
    );

    let new_recovery_key = cli.ok(&["rekey"]);
    assert!(
        new_recovery_key.starts_with("AGE-SECRET-KEY-1"),
        "{new_recovery_key}"
    );
    assert_ne!(new_recovery_key, old_recovery_key);
    // The passphrase still opens the vault, and everything is there.
    assert!(cli.ok(&["company", "list"]).contains("株式会社鍵替え"));

    // The reference age tool opens the new recovery file with the new key only.
    let key_file = cli.write("new-recovery.key", new_recovery_key.as_bytes());
    let opened = Command::new("age")
        .args(["-d", "-i", &key_file])
        .arg(cli.data_dir().join("key.recovery.age"))
        .output()
        .unwrap_or_else(|e| panic!("age: {e}"));
    assert!(opened.status.success() && opened.stdout.len() == 32);

    // An attacker with a backup's key files and the old secrets opens nothing of today's data.
    std::fs::write(
        cli.data_dir().join("key.passphrase.age"),
        &old_passphrase_file,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_fails_with(
        &cli.run(&["company", "list"]),
        &message("en", "vault_damaged"),
    );
    std::fs::write(cli.data_dir().join("key.recovery.age"), &old_recovery_file)
        .unwrap_or_else(|e| panic!("{e}"));
    let old_key_file = cli.write("old-recovery.key", old_recovery_key.as_bytes());
    let recovered = run_with_env(
        &cli,
        &["recover", "--recovery-key-file", &old_key_file],
        &[("KIZUKI_PASSPHRASE", "あたらしいあいことば")],
    );
    assert!(!recovered.status.success());
}

/// A consent's last day ends on Japan's calendar, whatever the machine's clock is set to, and
/// on the machine's when the preferences say so.
#[test]
fn a_consent_s_last_day_is_japan_s_unless_the_preferences_say_the_machine_s() {
    use chrono::{TimeDelta, Utc};
    let now = Utc::now();
    let tokyo = (now + TimeDelta::hours(9)).date_naive();
    // 26 hours lie between UTC-12 and UTC+14: at any moment one of them is on another day
    // than Japan. (POSIX zone strings: no time zone database needed.)
    let Some((zone, machine)) = [
        ("XXX+12", now - TimeDelta::hours(12)),
        ("XXX-14", now + TimeDelta::hours(14)),
    ]
    .into_iter()
    .map(|(zone, instant)| (zone, instant.date_naive()))
    .find(|(_, day)| *day != tokyo) else {
        panic!("no zone on another day than Japan's");
    };
    let cli = Cli::new();
    cli.init();
    let company = cli.add_company("株式会社サンプル");
    let client = cli.add_client(&company, "阿部 真理", "あべ まり");
    let purpose = cli.write("purpose.txt", "スーパービジョンのため".as_bytes());
    // The earlier of the two days is the consent's last: on the later one it has expired.
    let last_day = tokyo.min(machine);
    let granted_on = (last_day - chrono::Days::new(10)).to_string();
    let last_day_text = last_day.to_string();
    cli.ok(&[
        "consent",
        "grant",
        "--client",
        &client,
        "--recipient-kind",
        "supervisor",
        "--recipient",
        "SV 田中様",
        "--part",
        "workplace",
        "--purpose-file",
        &purpose,
        "--granted-on",
        &granted_on,
        "--expires-on",
        &last_day_text,
        "--obtained",
        "written",
    ]);
    let state_in_zone = || {
        let mut command = cli.command("en_US.UTF-8", &["consent", "list", "--client", &client]);
        command.env("TZ", zone).env("KIZUKI_PASSPHRASE", PASSPHRASE);
        let out = output(command);
        assert_success(&out);
        stdout(&out)
            .split('\t')
            .nth(1)
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let expected = |today: chrono::NaiveDate| {
        if today == last_day {
            "active"
        } else {
            "expired"
        }
    };
    assert_eq!(cli.ok(&["preferences", "calendar"]), "asia_tokyo");
    assert_eq!(
        state_in_zone(),
        expected(tokyo),
        "in {zone}, on Japan's calendar"
    );
    assert_eq!(cli.ok(&["preferences", "calendar", "system"]), "system");
    assert_eq!(
        state_in_zone(),
        expected(machine),
        "in {zone}, on the machine's calendar"
    );
    let shown = cli.json(&["preferences", "show"]);
    assert_eq!(shown["calendar"], "system");
    // An unknown calendar is refused, and the one chosen stays.
    assert!(!cli
        .run(&["preferences", "calendar", "Europe/Paris"])
        .status
        .success());
    assert_eq!(cli.ok(&["preferences", "calendar"]), "system");
}
