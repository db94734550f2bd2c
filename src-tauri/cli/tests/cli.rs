//! The `kizuki` binary, end to end: real vaults in temporary directories, real SQLCipher, real
//! age (cross-checked with the reference `age` tool).

use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASSPHRASE: &str = "やまのうえのいけ";

/// A vault directory and the commands run against it.
struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}")),
        }
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

    fn add_client(&self, name: &str, kana: &str) -> String {
        let out = self.run(&[
            "client",
            "add",
            "--name",
            name,
            "--kana",
            kana,
            "--company",
            "株式会社サンプル",
        ]);
        assert_success(&out);
        stdout(&out).trim().to_owned()
    }

    fn write(&self, name: &str, contents: &[u8]) -> String {
        let path = self.data_dir().join(name);
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("writing {name}: {e}"));
        path.to_string_lossy().into_owned()
    }
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

/// The translated message for `code`, from the same locale files the UI uses.
fn message(language: &str, code: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../ui/src/locales/{language}.json"));
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("reading the {language} locale: {e}"));
    let locale: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing: {e}"));
    locale["errors"][code]
        .as_str()
        .unwrap_or_else(|| panic!("no {language} message for {code}"))
        .to_owned()
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

#[test]
fn clients_and_sessions_round_trip() {
    let cli = Cli::new();
    cli.init();
    let watanabe = cli.add_client("渡辺 一郎", "わたなべ いちろう");
    let abe = cli.add_client("阿部 真理", "アベ マリ");
    assert_ne!(watanabe, abe);

    let listed = cli.run(&["client", "list"]);
    assert_success(&listed);
    let names: Vec<String> = stdout(&listed)
        .lines()
        .map(|line| line.split('\t').nth(1).unwrap_or_default().to_owned())
        .collect();
    assert_eq!(names, ["阿部 真理", "渡辺 一郎"], "sorted by reading");

    let listed_json = cli.run(&["client", "list", "--json"]);
    assert_success(&listed_json);
    let clients: serde_json::Value =
        serde_json::from_str(&stdout(&listed_json)).unwrap_or_default();
    assert_eq!(clients[0]["nameKana"], "アベ マリ");
    assert_eq!(clients[1]["company"], "株式会社サンプル");

    let notes = "現在の業務：営業企画\n3年後に目指す自分：マネージャー\n";
    let notes_file = cli.write("notes.txt", notes.as_bytes());
    let added = cli.run(&[
        "session",
        "add",
        "--client",
        &abe,
        "--date",
        "2026-11-21",
        "--notes-file",
        &notes_file,
    ]);
    assert_success(&added);
    let session_id = stdout(&added).trim().to_owned();

    let shown = cli.run(&["session", "show", &session_id]);
    assert_success(&shown);
    assert!(stdout(&shown).contains("date\t2026-11-21"));
    assert!(stdout(&shown).ends_with(&format!("{notes}\n")));

    let shown_json = cli.run(&["session", "show", &session_id, "--json"]);
    assert_success(&shown_json);
    let session: serde_json::Value = serde_json::from_str(&stdout(&shown_json)).unwrap_or_default();
    assert_eq!(session["notes"], notes);
    assert_eq!(session["heldOn"], "2026-11-21");
    assert_eq!(session["clientId"].to_string(), abe);
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
fn failures_exit_non_zero_with_one_translated_line() {
    let cli = Cli::new();
    assert_fails_with(
        &cli.run(&["client", "list"]),
        &message("en", "vault_not_found"),
    );
    cli.init();
    let client = cli.add_client("山田 太郎", "やまだ たろう");
    let notes = cli.write("notes.txt", "メモ".as_bytes());
    let not_utf8 = cli.write("latin1.txt", b"caf\xe9");

    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["client", "add", "--name", " ", "--kana", "やまだ"],
            message("en", "empty_name"),
        ),
        (
            vec!["client", "add", "--name", "山田", "--kana", "山田"],
            message("en", "invalid_kana"),
        ),
        (
            vec![
                "session",
                "add",
                "--client",
                &client,
                "--date",
                "2026-02-30",
                "--notes-file",
                &notes,
            ],
            message("en", "invalid_date"),
        ),
        (
            vec![
                "session",
                "add",
                "--client",
                "999",
                "--date",
                "2026-11-21",
                "--notes-file",
                &notes,
            ],
            message("en", "client_not_found"),
        ),
        (
            vec!["session", "show", "999"],
            message("en", "session_not_found"),
        ),
        (
            vec![
                "session",
                "add",
                "--client",
                &client,
                "--date",
                "2026-11-21",
                "--notes-file",
                "/nonexistent/notes.txt",
            ],
            "The file could not be read. Check its path and permissions.".to_owned(),
        ),
        (
            vec![
                "session",
                "add",
                "--client",
                &client,
                "--date",
                "2026-11-21",
                "--notes-file",
                &not_utf8,
            ],
            "The notes file is not UTF-8 text.".to_owned(),
        ),
    ];
    for (args, expected) in cases {
        assert_fails_with(&cli.run(&args), &expected);
    }
    let listed = cli.run(&["client", "list"]);
    assert_eq!(
        stdout(&listed).lines().count(),
        1,
        "nothing was added by the failures"
    );

    let japanese = cli.run_in(
        "ja_JP.UTF-8",
        &["client", "add", "--name", "山田", "--kana", "yamada"],
    );
    assert_fails_with(&japanese, &message("ja", "invalid_kana"));
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
