//! Packages against the reference age tool (Go, Debian's `age` package) and OpenSSH keys.

use std::path::Path;
use std::process::Command;

use age::secrecy::SecretString;

use super::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn archive() -> Vec<u8> {
    assemble(
        PackageKind::HrSummary,
        None,
        "0".repeat(64),
        &[Document {
            name: "summary.html".into(),
            media_type: "text/html; charset=utf-8",
            content: "<p>要約・まとめ</p>".as_bytes().to_vec(),
        }],
        Utc::now(),
    )
}

/// Runs a tool the test suite installs (`scripts/common.sh`), failing clearly without it.
fn run(program: &str, args: &[&str]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let output = Command::new(program)
        .args(args)
        .output()
        .map_err(|error| format!("{program} is needed (scripts/test.sh installs it): {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(output.stdout)
}

fn age_decrypt(
    identity: &Path,
    sealed: &[u8],
    dir: &Path,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let file = dir.join("package.age");
    std::fs::write(&file, sealed)?;
    let path = |path: &Path| path.to_string_lossy().into_owned();
    run("age", &["-d", "-i", &path(identity), &path(&file)])
}

#[test]
fn the_reference_age_opens_a_package_sealed_to_an_age_key_binary_or_armored() -> TestResult {
    let dir = tempfile::tempdir()?;
    let identity = dir.path().join("hr.key");
    run("age-keygen", &["-o", &identity.to_string_lossy()])?;
    let public = run("age-keygen", &["-y", &identity.to_string_lossy()])?;
    let public = String::from_utf8(public)?.trim().to_owned();
    let archive = archive();
    for armored in [false, true] {
        let sealed = seal(
            &archive,
            &Encryption::Recipients(vec![public.clone()]),
            armored,
        )?;
        assert_eq!(
            sealed.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"),
            armored
        );
        assert_eq!(age_decrypt(&identity, &sealed, dir.path())?, archive);
    }
    Ok(())
}

#[test]
fn the_reference_age_opens_a_package_sealed_to_an_ssh_key() -> TestResult {
    let dir = tempfile::tempdir()?;
    let key = dir.path().join("id_ed25519");
    let key_text = key.to_string_lossy().into_owned();
    run(
        "ssh-keygen",
        &["-q", "-t", "ed25519", "-N", "", "-C", "hr", "-f", &key_text],
    )?;
    let public = std::fs::read_to_string(dir.path().join("id_ed25519.pub"))?;
    let archive = archive();
    // An X25519 key beside the SSH one: either opens it.
    let other = age::x25519::Identity::generate();
    let recipients = vec![public.trim().to_owned(), other.to_public().to_string()];
    let sealed = seal(&archive, &Encryption::Recipients(recipients), false)?;
    assert_eq!(age_decrypt(&key, &sealed, dir.path())?, archive);
    assert_eq!(age::decrypt(&other, &sealed)?, archive);
    Ok(())
}

#[test]
fn a_passphrase_package_opens_with_that_passphrase_only() -> TestResult {
    let archive = archive();
    let passphrase = SecretString::from("はるのうみひねもすのたり".to_owned());
    let sealed = seal(&archive, &Encryption::Passphrase(passphrase.clone()), false)?;
    let identity = age::scrypt::Identity::new(passphrase);
    assert_eq!(age::decrypt(&identity, &sealed)?, archive);
    let wrong =
        age::scrypt::Identity::new(SecretString::from("なつのうみひねもすのたり".to_owned()));
    assert!(age::decrypt(&wrong, &sealed).is_err());
    Ok(())
}

#[test]
fn what_is_not_a_key_is_refused_before_anything_is_sealed() {
    let archive = archive();
    let refused = |keys: &[&str]| {
        let keys = keys.iter().map(|key| (*key).to_owned()).collect();
        seal(&archive, &Encryption::Recipients(keys), false).err()
    };
    assert!(matches!(refused(&[]), Some(SealError::NoRecipients)));
    for bad in [
        "",
        "age1",
        "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
        "山本さんの鍵",
    ] {
        assert!(
            matches!(refused(&[bad]), Some(SealError::InvalidRecipient)),
            "{bad:?}"
        );
    }
    let short = Encryption::Passphrase(SecretString::from("十一文字のあいことば".to_owned()));
    assert!(matches!(
        check(&short, MIN_PASSPHRASE_CHARS),
        Err(SealError::PassphraseTooShort)
    ));
    assert!(check(&short, 8).is_ok());
}

#[test]
fn the_manifest_lists_each_file_with_its_hash() -> TestResult {
    let files = zip::read(&archive())?;
    assert_eq!(files[0].0, "manifest.json");
    let manifest: Manifest = serde_json::from_slice(&files[0].1)?;
    assert_eq!((manifest.format.as_str(), manifest.version), (FORMAT, 1));
    assert_eq!(manifest.files.len(), 1);
    assert_eq!(manifest.files[0].name, files[1].0);
    assert_eq!(manifest.files[0].sha256, sha256(&files[1].1));
    assert_eq!(manifest.files[0].bytes, files[1].1.len() as u64);
    Ok(())
}

#[test]
fn a_package_opens_with_its_key_and_every_bad_file_is_named() -> TestResult {
    let hr = age::x25519::Identity::generate();
    let other = age::x25519::Identity::generate();
    let archive = archive();
    let sealed = seal(
        &archive,
        &Encryption::Recipients(vec![hr.to_public().to_string()]),
        false,
    )?;
    let opened = open(&sealed, &[&hr])?;
    assert_eq!(opened.files[0].0, "summary.html");
    let armored = seal(
        &archive,
        &Encryption::Recipients(vec![hr.to_public().to_string()]),
        true,
    )?;
    assert_eq!(open(&armored, &[&hr])?, opened);

    let fails = |bytes: &[u8]| open(bytes, &[&hr]).err();
    assert!(matches!(open(&sealed, &[&other]), Err(OpenError::WrongKey)));
    assert!(matches!(
        fails(b"PK\x03\x04 not age"),
        Some(OpenError::NotAge)
    ));
    assert!(matches!(fails(&[]), Some(OpenError::NotAge)));
    assert!(matches!(
        fails(&sealed[..sealed.len() - 10]),
        Some(OpenError::Damaged)
    ));
    let mut tampered = sealed.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 0x80;
    assert!(matches!(fails(&tampered), Some(OpenError::Damaged)));
    assert!(matches!(
        fails(&vec![0; MAX_PACKAGE_BYTES + 1]),
        Some(OpenError::TooLarge)
    ));
    // age that is not a package, and a package of a version to come.
    let not_a_package = seal(
        b"hello",
        &Encryption::Recipients(vec![hr.to_public().to_string()]),
        false,
    )?;
    assert!(matches!(
        fails(&not_a_package),
        Some(OpenError::NotAPackage)
    ));
    let future = zip::write(
        &[(
            "manifest.json",
            br#"{"format":"kizuki-package","version":2}"#.as_slice(),
        )],
        Utc::now().naive_utc(),
    );
    assert!(matches!(unpack(&future), Err(OpenError::UnknownVersion(2))));
    // A file changed inside a well-formed container no longer matches its manifest.
    let files = zip::read(&archive)?;
    let swapped = zip::write(
        &[
            ("manifest.json", files[0].1.as_slice()),
            ("summary.html", b"<p>changed</p>".as_slice()),
        ],
        Utc::now().naive_utc(),
    );
    assert!(matches!(unpack(&swapped), Err(OpenError::NotAPackage)));
    Ok(())
}

#[test]
fn the_documented_manifest_is_the_manifest_written() -> TestResult {
    let doc = include_str!("../../../../docs/package-format.md");
    let example = doc
        .split("```json")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .ok_or("docs/package-format.md has no JSON example")?;
    let documented: serde_json::Value = serde_json::from_str(example)?;
    let manifest: Manifest = serde_json::from_value(documented.clone())?;
    // Every documented key is one the manifest has, and none is left undocumented.
    assert_eq!(serde_json::to_value(&manifest)?, documented);
    Ok(())
}
