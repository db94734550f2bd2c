//! The fuzz targets: every parser of input from outside the vault, started from real inputs
//! (see [`crate::fuzzing`]). A target passes when no mutation panics or hangs its parser.

use age::secrecy::SecretString;
use chrono::Utc;

use crate::fuzzing;
use crate::package::{self, Encryption};
use crate::supervision::{comments_package, SupervisionComments, COMMENTS_FORMAT};
use crate::vault::key::DatabaseKey;
use crate::vault::RecoveryKey;

fn comments(text: &str) -> SupervisionComments {
    SupervisionComments {
        format: COMMENTS_FORMAT.to_owned(),
        version: 1,
        supervisor: "指導 花子".to_owned(),
        regarding: "KZS-12-abcdefghij".to_owned(),
        written_on: "2026-11-20".to_owned(),
        comments: text.to_owned(),
    }
}

/// Comments packages as a supervisor sends them, to `recipient`, binary and armored.
fn comment_packages(recipient: &str) -> Vec<Vec<u8>> {
    let encryption = Encryption::Recipients(vec![recipient.to_owned()]);
    [false, true]
        .into_iter()
        .map(|armored| {
            comments_package(
                &comments("傾聴の姿勢がよい。次回は目標設定を。"),
                &encryption,
                armored,
                Utc::now(),
            )
            .unwrap_or_else(|error| panic!("a seed package: {error}"))
        })
        .collect()
}

/// The inner archive of each package, decrypted as an import does: the layer where most of
/// the parsing is.
fn archives(packages: &[Vec<u8>], identity: &age::x25519::Identity) -> Vec<Vec<u8>> {
    packages
        .iter()
        .map(|sealed| {
            package::decrypt(sealed, &[identity], package::MAX_PACKAGE_BYTES)
                .unwrap_or_else(|error| panic!("a seed package: {error}"))
        })
        .collect()
}

#[test]
fn opening_a_package_survives_any_bytes() {
    let identity = age::x25519::Identity::generate();
    let seeds = comment_packages(&identity.to_public().to_string());
    fuzzing::run("package_open", &seeds, |bytes| {
        let _ = package::open(bytes, &[&identity]);
    });
}

#[test]
fn unpacking_a_decrypted_archive_survives_any_bytes() {
    let identity = age::x25519::Identity::generate();
    let seeds = archives(
        &comment_packages(&identity.to_public().to_string()),
        &identity,
    );
    fuzzing::run("package_unpack", &seeds, |bytes| {
        if let Ok(opened) = package::unpack(bytes) {
            // What an import reads next: the comments document.
            for (_, content) in &opened.files {
                if let Ok(comments) = serde_json::from_slice::<SupervisionComments>(content) {
                    let _ = comments.check();
                }
            }
        }
    });
}

#[test]
fn a_backup_passphrase_package_survives_any_bytes() {
    // A passphrase package's header asks for scrypt work; a mutation may ask for more, and the
    // bound on it is what keeps an input from hanging the opener.
    let seeds = vec![package::seal(
        b"not a real archive, the layer below has its own target",
        &Encryption::Passphrase(SecretString::from("バックアップのあいことば".to_owned())),
        false,
    )
    .unwrap_or_else(|e| panic!("{e}"))];
    let mut identity =
        age::scrypt::Identity::new(SecretString::from("バックアップのあいことば".to_owned()));
    identity.set_max_work_factor(16);
    fuzzing::run("backup_passphrase_header", &seeds, |bytes| {
        let _ = package::open(bytes, &[&identity]);
    });
}

#[test]
fn recipients_and_recovery_keys_survive_any_text() {
    let recipient_seeds: Vec<Vec<u8>> = [
        age::x25519::Identity::generate().to_public().to_string(),
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHmaFHuDcP0kr6eZy/tw5Hwh5I0Rg2KzO97nBXqGMd6d user@host"
            .to_owned(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    fuzzing::run("recipient", &recipient_seeds, |bytes| {
        let _ = package::parse_recipient(&String::from_utf8_lossy(bytes));
    });
    let key = RecoveryKey::generate();
    let key_seeds = vec![
        age::secrecy::ExposeSecret::expose_secret(&key.expose_text())
            .as_bytes()
            .to_vec(),
    ];
    fuzzing::run("recovery_key", &key_seeds, |bytes| {
        let _ = RecoveryKey::parse(&SecretString::from(
            String::from_utf8_lossy(bytes).into_owned(),
        ));
    });
}

#[test]
fn a_recovery_file_survives_any_bytes() {
    let recovery = RecoveryKey::generate();
    let seeds = vec![DatabaseKey::generate()
        .wrap_to_recovery_key(&recovery)
        .unwrap_or_else(|e| panic!("{e}"))];
    fuzzing::run("recovery_file", &seeds, |bytes| {
        let _ = DatabaseKey::unwrap_with_recovery_key(bytes, &recovery);
    });
}

#[test]
fn preferences_survive_any_bytes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seeds = vec![br#"{"language":"en","autoLockMinutes":5}"#.to_vec()];
    let file = dir.path().join(crate::preferences::PREFERENCES_FILE);
    fuzzing::run("preferences", &seeds, |bytes| {
        if std::fs::write(&file, bytes).is_ok() {
            let _ = crate::preferences::load(dir.path());
        }
    });
}
