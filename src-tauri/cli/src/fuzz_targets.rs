//! The CLI's own parsers of files it is given: JSON records (`--from-file`) and age identity
//! files (`restore --identity`), fuzzed like the core's (`kizuki_core::fuzzing`).

use kizuki_core::client::ClientInput;
use kizuki_core::fuzzing;

use crate::commands::backup::identities_from;
use crate::commands::client::CLIENT;
use crate::input::{into_input, parse_object};

#[test]
fn a_json_record_file_survives_any_bytes() {
    let seeds = vec![
        r#"{"name": "山田 太郎", "nameKana": "やまだ たろう", "companyId": 1, "department": "営業部",
            "tags": ["初回"], "programIds": [2], "yearsAtCompany": 12}"#
            .as_bytes()
            .to_vec(),
        br#"{"name": "A", "nameKana": "\u3042", "status": "active", "ageBand": "30s"}"#.to_vec(),
    ];
    fuzzing::run("cli_json_record", &seeds, |bytes| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        if let Ok(object) = parse_object(text) {
            if let Ok(completed) = CLIENT.complete(object) {
                let _ = into_input::<ClientInput>(completed);
            }
        }
    });
}

#[test]
fn an_identity_file_survives_any_bytes() {
    let identity = age::x25519::Identity::generate();
    let seeds = vec![
        format!(
            "# created: 2026-11-24T00:00:00Z\n# public key: {}\n{}\n",
            identity.to_public(),
            age::secrecy::ExposeSecret::expose_secret(&identity.to_string())
        )
        .into_bytes(),
        b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n".to_vec(),
    ];
    fuzzing::run("cli_identity_file", &seeds, |bytes| {
        let _ = identities_from(bytes);
    });
}
