//! Opening a package that came from outside: decrypted with the consultant's identity, its
//! container and manifest checked before anything in it is believed. Every way a file can be
//! wrong is its own error, and none of them leaves anything behind.

use std::io::Read;

use super::{zip, Manifest, FORMAT, FORMAT_VERSION, MAX_PACKAGE_BYTES};

/// A package's content, once every check passed.
#[derive(Clone, PartialEq, Eq)]
pub struct Package {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its other files (name, content), in the manifest's order.
    pub files: Vec<(String, Vec<u8>)>,
}

impl std::fmt::Debug for Package {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("kind", &self.manifest.kind)
            .field("files", &self.files.len())
            .finish_non_exhaustive()
    }
}

/// Why a package was not opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OpenError {
    /// The file is larger than any package.
    #[error("the file is too large to be a package")]
    TooLarge,
    /// The file is not an age file at all.
    #[error("not an age file")]
    NotAge,
    /// The file is age, but not for any identity given (another recipient, or a passphrase).
    #[error("the package is not for this key")]
    WrongKey,
    /// The file was cut short or changed after it was encrypted.
    #[error("the package is damaged")]
    Damaged,
    /// It decrypts, but what is inside is not a Kizuki package.
    #[error("not a Kizuki package")]
    NotAPackage,
    /// A Kizuki package of a format version this build does not know.
    #[error("package format version {0} is not supported")]
    UnknownVersion(u32),
}

/// Decrypts and checks a package with any of `identities`.
pub fn open(sealed: &[u8], identities: &[&dyn age::Identity]) -> Result<Package, OpenError> {
    open_sized(sealed, identities, MAX_PACKAGE_BYTES)
}

/// [`open`], for a kind of package allowed to be as large as `max_bytes` (a backup).
pub fn open_sized(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
    max_bytes: usize,
) -> Result<Package, OpenError> {
    unpack(&decrypt(sealed, identities, max_bytes)?)
}

/// The archive inside a package, decrypted with any of `identities`, at most `max_bytes` of
/// it: the layer below [`unpack`].
pub(crate) fn decrypt(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
    max_bytes: usize,
) -> Result<Vec<u8>, OpenError> {
    if sealed.len() > max_bytes {
        return Err(OpenError::TooLarge);
    }
    let armor = age::armor::ArmoredReader::new(sealed);
    // Whatever stops the header from parsing (another format, text, a header cut short)
    // means the file is not an age file as far as anyone can tell.
    let decryptor = age::Decryptor::new_buffered(armor).map_err(|_| OpenError::NotAge)?;
    let mut reader =
        decryptor
            .decrypt(identities.iter().copied())
            .map_err(|error| match error {
                // A passphrase that is not the one shows as its stanza failing to decrypt.
                age::DecryptError::NoMatchingKeys | age::DecryptError::DecryptionFailed => {
                    OpenError::WrongKey
                }
                _ => OpenError::Damaged,
            })?;
    let mut archive = Vec::new();
    reader
        .by_ref()
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut archive)
        .map_err(|_| OpenError::Damaged)?;
    if archive.len() > max_bytes {
        return Err(OpenError::TooLarge);
    }
    Ok(archive)
}

/// Checks a decrypted archive: a container Kizuki writes, a manifest first, of a known
/// version, listing exactly the other files with their sizes and hashes.
pub fn unpack(archive: &[u8]) -> Result<Package, OpenError> {
    let mut files = zip::read(archive).map_err(|_| OpenError::NotAPackage)?;
    if files.first().map(|(name, _)| name.as_str()) != Some("manifest.json") {
        return Err(OpenError::NotAPackage);
    }
    let (_, manifest) = files.remove(0);
    // The version is read on its own first, so that a newer package is named as such
    // rather than as malformed.
    let header: serde_json::Value =
        serde_json::from_slice(&manifest).map_err(|_| OpenError::NotAPackage)?;
    if header.get("format").and_then(|format| format.as_str()) != Some(FORMAT) {
        return Err(OpenError::NotAPackage);
    }
    let version = header
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(OpenError::NotAPackage)?;
    if version != u64::from(FORMAT_VERSION) {
        return Err(OpenError::UnknownVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let manifest: Manifest = serde_json::from_value(header).map_err(|_| OpenError::NotAPackage)?;
    let listed = manifest.files.len() == files.len()
        && manifest
            .files
            .iter()
            .zip(&files)
            .all(|(entry, (name, content))| {
                entry.name == *name
                    && entry.bytes == content.len() as u64
                    && entry.sha256 == super::sha256(content)
            });
    if !listed {
        return Err(OpenError::NotAPackage);
    }
    Ok(Package { manifest, files })
}
