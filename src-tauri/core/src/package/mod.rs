//! Packages: the only form in which anything leaves the vault. A package is an age file
//! (binary, or ASCII-armored on request) encrypted to the recipient's age or SSH public keys,
//! or to a passphrase passed on separately. Inside is a ZIP of stored files: `manifest.json`
//! first, then a self-contained HTML document for people and a JSON document for systems.
//! `docs/package-format.md` documents the format, version by version.

mod html;
mod open;
pub(crate) mod zip;

use std::io::Write;
use std::str::FromStr;

use age::secrecy::SecretString;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub(crate) use html::{escape, Page};
#[cfg(test)]
pub(crate) use open::decrypt;
pub use open::{open, open_sized, unpack, OpenError, Package};

/// The manifest's `format`.
pub const FORMAT: &str = "kizuki-package";
/// The version of the format this build writes (and the highest it reads).
pub const FORMAT_VERSION: u32 = 1;
/// The largest package accepted; a package holds text, well under this.
pub const MAX_PACKAGE_BYTES: usize = 64 * 1024 * 1024;
/// The shortest passphrase a package for someone else may be encrypted to: it travels apart
/// from the file, by telephone or on paper, and guards content the recipient will keep. (A
/// backup, which the consultant keeps, may use the vault's own passphrase and its minimum.)
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// What a package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PackageKind {
    /// One client's summary for HR or a boss (人事向けサマリー).
    HrSummary,
    /// A program's overall report (全体報告書), in figures no one can be identified from.
    OverallReport,
    /// An individual report for a supervising consultant, pseudonymised unless a consent
    /// names the supervisor.
    SupervisionReport,
    /// A supervisor's comments, sent back to the consultant's inbox.
    SupervisionComments,
    /// The whole vault, for the consultant alone.
    Backup,
}

/// The consent a package relies on, as the manifest names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentReference {
    /// Kizuki's reference (`KZC-<id>`).
    pub reference: String,
    /// `hr`, `boss` or `supervisor`.
    pub recipient_kind: String,
    /// The day it was given.
    pub granted_on: String,
    /// Its last day, if it has one.
    pub expires_on: Option<String>,
}

/// One file of a package, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    /// Its name in the archive.
    pub name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its content, hex.
    pub sha256: String,
}

/// `manifest.json`: what a recipient reads first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format's version.
    pub version: u32,
    /// What the package holds.
    pub kind: PackageKind,
    /// When it was made (UTC, RFC 3339).
    pub created_at: String,
    /// The program that made it.
    pub producer: String,
    /// The consent relied on, for packages that need one.
    pub consent: Option<ConsentReference>,
    /// The hash of the package's own entry in the consultant's audit log (for a backup, the
    /// log's head as the backup holds it): a recipient who keeps it can later show that the
    /// log up to that entry was not rewritten since.
    pub audit_head: String,
    /// The other files, in the archive's order.
    pub files: Vec<FileEntry>,
}

/// A document to put in a package.
pub(crate) struct Document {
    pub(crate) name: String,
    pub(crate) media_type: &'static str,
    pub(crate) content: Vec<u8>,
}

impl Document {
    /// The two documents of a package for someone: `<stem>.html` for people and `<stem>.json`
    /// for systems.
    pub(crate) fn page_and_json(stem: &str, html: String, json: Vec<u8>) -> [Self; 2] {
        [
            Self {
                name: format!("{stem}.html"),
                media_type: "text/html; charset=utf-8",
                content: html.into_bytes(),
            },
            Self {
                name: format!("{stem}.json"),
                media_type: "application/json",
                content: json,
            },
        ]
    }
}

/// The digest of a package's documents as its manifest lists them (each file's name, size and
/// SHA-256): what the audit entry of an export carries, since the entry's own hash goes into
/// the manifest. A recipient recomputes it from `files`.
pub(crate) fn content_digest(documents: &[Document]) -> String {
    let sizes: Vec<(String, String)> = documents
        .iter()
        .map(|document| {
            (
                document.content.len().to_string(),
                sha256(&document.content),
            )
        })
        .collect();
    let mut fields = Vec::with_capacity(documents.len() * 3);
    for (document, (bytes, sha)) in documents.iter().zip(&sizes) {
        fields.extend([Some(document.name.as_str()), Some(bytes), Some(sha)]);
    }
    crate::audit::store::digest(&fields)
}

/// Builds the archive: the manifest, then the documents.
pub(crate) fn assemble(
    kind: PackageKind,
    consent: Option<ConsentReference>,
    audit_head: String,
    documents: &[Document],
    now: DateTime<Utc>,
) -> Vec<u8> {
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: FORMAT_VERSION,
        kind,
        created_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        producer: format!("Kizuki {}", env!("CARGO_PKG_VERSION")),
        consent,
        audit_head,
        files: documents
            .iter()
            .map(|document| FileEntry {
                name: document.name.clone(),
                media_type: document.media_type.to_owned(),
                bytes: document.content.len() as u64,
                sha256: sha256(&document.content),
            })
            .collect(),
    };
    let manifest = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    let mut files: Vec<(&str, &[u8])> = vec![("manifest.json", &manifest)];
    files.extend(
        documents
            .iter()
            .map(|document| (document.name.as_str(), document.content.as_slice())),
    );
    zip::write(&files, now.naive_utc())
}

/// SHA-256, hex.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    crate::text::hex(&Sha256::digest(bytes))
}

/// Whom a package is encrypted to.
pub enum Encryption {
    /// Public keys: X25519 (`age1…`) or SSH (`ssh-ed25519 …`, `ssh-rsa …`), one or more.
    Recipients(Vec<String>),
    /// A passphrase the consultant passes on separately.
    Passphrase(SecretString),
}

impl Encryption {
    /// How a provision record keeps it: `passphrase`, or `keys` and each key on its own line.
    pub(crate) fn sealed_for(&self) -> String {
        match self {
            Self::Recipients(keys) => std::iter::once("keys")
                .chain(keys.iter().map(|key| key.trim()))
                .collect::<Vec<_>>()
                .join("\n"),
            Self::Passphrase(_) => "passphrase".to_owned(),
        }
    }

    /// How the audit log says it: `passphrase`, or `keys:` and each key's fingerprint (the
    /// first 16 hex digits of its SHA-256), so that the log names keys without holding them.
    pub(crate) fn in_log(&self) -> String {
        match self {
            Self::Recipients(keys) => format!(
                "keys:{}",
                keys.iter()
                    .map(|key| sha256(key.trim().as_bytes())[..16].to_owned())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Self::Passphrase(_) => "passphrase".to_owned(),
        }
    }
}

impl std::fmt::Debug for Encryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Recipients(keys) => write!(f, "Recipients({})", keys.len()),
            Self::Passphrase(_) => f.write_str("Passphrase(..)"),
        }
    }
}

/// Why a package could not be sealed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SealError {
    /// No recipient was given.
    #[error("no recipient")]
    NoRecipients,
    /// A recipient is neither an age X25519 key nor a supported SSH public key.
    #[error("a recipient is not an age or SSH public key")]
    InvalidRecipient,
    /// The passphrase is shorter than the minimum its caller asked for.
    #[error("the passphrase is too short")]
    PassphraseTooShort,
    /// age failed.
    #[error("encryption failed")]
    Encrypt(#[from] age::EncryptError),
    /// Writing the encrypted stream failed.
    #[error("writing the encrypted stream failed")]
    Write(#[from] std::io::Error),
}

/// Parses one recipient: an X25519 `age1…` key, or an SSH public key.
pub(crate) fn parse_recipient(text: &str) -> Result<Box<dyn age::Recipient + Send>, SealError> {
    let text = text.trim();
    if let Ok(recipient) = age::x25519::Recipient::from_str(text) {
        return Ok(Box::new(recipient));
    }
    age::ssh::Recipient::from_str(text)
        .map(|recipient| Box::new(recipient) as Box<dyn age::Recipient + Send>)
        .map_err(|_| SealError::InvalidRecipient)
}

/// Checks an encryption before anything is gathered or written: every key parses, and a
/// passphrase has at least `min_passphrase_chars` characters.
pub(crate) fn check(encryption: &Encryption, min_passphrase_chars: usize) -> Result<(), SealError> {
    match encryption {
        Encryption::Recipients(keys) if keys.is_empty() => Err(SealError::NoRecipients),
        Encryption::Recipients(keys) => keys
            .iter()
            .try_for_each(|key| parse_recipient(key).map(|_| ())),
        Encryption::Passphrase(passphrase) => {
            use age::secrecy::ExposeSecret;
            if passphrase.expose_secret().chars().count() < min_passphrase_chars {
                Err(SealError::PassphraseTooShort)
            } else {
                Ok(())
            }
        }
    }
}

/// Encrypts an archive as an age file, armored if asked. The stream writers are always
/// finished: an unfinished age stream is silently truncated.
pub(crate) fn seal(
    archive: &[u8],
    encryption: &Encryption,
    armored: bool,
) -> Result<Vec<u8>, SealError> {
    seal_reporting(archive, encryption, armored, &mut |_| {})
}

/// The bytes encrypted between two progress reports.
const SEAL_CHUNK: usize = 1024 * 1024;

/// [`seal`], telling `sealed` how many bytes of the archive are encrypted so far as it goes
/// (a backup of a decade takes seconds, and its progress is shown).
pub(crate) fn seal_reporting(
    archive: &[u8],
    encryption: &Encryption,
    armored: bool,
    sealed_so_far: &mut dyn FnMut(usize),
) -> Result<Vec<u8>, SealError> {
    // The passphrase's length is the caller's rule, checked before anything was gathered.
    check(encryption, 0)?;
    let encryptor = match encryption {
        Encryption::Recipients(keys) => {
            let recipients = keys
                .iter()
                .map(|key| parse_recipient(key))
                .collect::<Result<Vec<_>, _>>()?;
            age::Encryptor::with_recipients(
                recipients
                    .iter()
                    .map(|recipient| recipient.as_ref() as &dyn age::Recipient),
            )?
        }
        Encryption::Passphrase(passphrase) => {
            let recipient = crate::vault::key::passphrase_recipient(passphrase);
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))?
        }
    };
    let format = if armored {
        age::armor::Format::AsciiArmor
    } else {
        age::armor::Format::Binary
    };
    let mut sealed = Vec::new();
    let armor = age::armor::ArmoredWriter::wrap_output(&mut sealed, format)?;
    let mut writer = encryptor.wrap_output(armor)?;
    let mut done = 0;
    for chunk in archive.chunks(SEAL_CHUNK) {
        writer.write_all(chunk)?;
        done += chunk.len();
        sealed_so_far(done);
    }
    writer.finish()?.finish()?;
    Ok(sealed)
}

#[cfg(test)]
mod tests;
