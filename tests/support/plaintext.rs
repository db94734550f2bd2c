//! Finds files that contain a given text, in the encodings a webview, a database or a log might
//! use: UTF-8, UTF-16 in either byte order, and base64 of the UTF-8 (at each of its three
//! alignments). A file that cannot be read fails the scan instead of passing it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Every text typed into the app through the journeys' steps, so that the final scan looks for
/// all of it rather than a chosen few.
static TYPED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers a text typed into a field.
pub fn remember_typed(text: &str) {
    if let Ok(mut typed) = TYPED.lock() {
        typed.push(text.to_owned());
    }
}

/// The texts typed since the last call, long enough to be told from chance (six characters or
/// more once WebDriver's key codes are taken out).
pub fn take_typed() -> Vec<String> {
    let typed = TYPED
        .lock()
        .map(|mut typed| std::mem::take(&mut *typed))
        .unwrap_or_default();
    let mut texts: Vec<String> = typed
        .into_iter()
        .flat_map(|text| {
            text.split(|c: char| ('\u{E000}'..='\u{F8FF}').contains(&c) || c == '\n')
                .map(str::trim)
                .filter(|part| part.chars().count() >= 6)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    texts.sort();
    texts.dedup();
    texts
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Files holding the needle in one of the encodings.
    pub found: Vec<PathBuf>,
    /// Regular files that could not be read: the scan cannot vouch for them.
    pub unreadable: Vec<PathBuf>,
}

/// The byte patterns `needle` may take on disk.
fn patterns(needle: &str) -> Vec<Vec<u8>> {
    let mut patterns = vec![
        needle.as_bytes().to_vec(),
        needle.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        needle.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    ];
    patterns.extend(base64_forms(needle.as_bytes()));
    patterns
}

/// The base64 of `bytes` wherever they start in the encoded stream: encoded after 0, 1 and 2
/// other bytes, keeping only the characters that depend on `bytes` alone.
fn base64_forms(bytes: &[u8]) -> Vec<Vec<u8>> {
    (0..3)
        .filter_map(|offset| {
            let mut shifted = vec![0u8; offset];
            shifted.extend_from_slice(bytes);
            let encoded = base64(&shifted);
            let start = (offset * 4).div_ceil(3);
            let end = shifted.len() / 3 * 4;
            (end >= start + 8).then(|| encoded[start..end].to_vec())
        })
        .collect()
}

fn base64(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let bits = u32::from(group[0]) << 16 | u32::from(group[1]) << 8 | u32::from(group[2]);
        for index in 0..=chunk.len() {
            out.push(ALPHABET[(bits >> (18 - 6 * index) & 63) as usize]);
        }
        out.extend(std::iter::repeat_n(b'=', 3 - chunk.len()));
    }
    out
}

/// Every regular file under `root` holding any of `needles`, in any of the encodings; links
/// are not followed.
pub fn scan(root: &Path, needles: &[String]) -> Scan {
    let patterns: Vec<Vec<u8>> = needles.iter().flat_map(|needle| patterns(needle)).collect();
    let mut scan = Scan::default();
    for path in all_files(root) {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let hit = patterns.iter().any(|pattern| {
                    bytes
                        .windows(pattern.len())
                        .any(|window| window == pattern.as_slice())
                });
                if hit {
                    scan.found.push(path);
                }
            }
            Err(_) => scan.unreadable.push(path),
        }
    }
    scan
}

/// Every regular file under `root`, for reporting what a run left behind.
pub fn all_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(entry.path()),
                Ok(kind) if kind.is_file() => files.push(entry.path()),
                _ => {}
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_needle_in_utf8_utf16_and_base64_and_nowhere_else() -> crate::Result<()> {
        let dir = tempfile::tempdir()?;
        let needle = "MARKER 面談メモ";
        std::fs::create_dir(dir.path().join("nested"))?;
        std::fs::write(dir.path().join("utf8.txt"), format!("..{needle}.."))?;
        let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
        std::fs::write(dir.path().join("nested/utf16.bin"), utf16)?;
        for prefix in ["", "a", "ab"] {
            let encoded = base64(format!("{prefix}{needle}!").as_bytes());
            std::fs::write(
                dir.path().join(format!("b64-{}.txt", prefix.len())),
                encoded,
            )?;
        }
        std::fs::write(dir.path().join("clean.txt"), "nothing here")?;
        let mut found = scan(dir.path(), &[needle.to_owned()]).found;
        found.sort();
        assert_eq!(
            found,
            [
                dir.path().join("b64-0.txt"),
                dir.path().join("b64-1.txt"),
                dir.path().join("b64-2.txt"),
                dir.path().join("nested/utf16.bin"),
                dir.path().join("utf8.txt"),
            ]
        );
        Ok(())
    }

    #[test]
    fn base64_is_the_standard_alphabet() {
        assert_eq!(base64(b"Kizuki"), b"S2l6dWtp");
        assert_eq!(base64(b"ab"), b"YWI=");
        assert_eq!(base64(b"a"), b"YQ==");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_cannot_be_read_fails_the_scan() -> crate::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let locked = dir.path().join("locked.bin");
        std::fs::write(&locked, b"anything")?;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))?;
        let readable_anyway = std::fs::read(&locked).is_ok(); // root reads it regardless
        let scan = scan(dir.path(), &["MARKER".to_owned()]);
        if readable_anyway {
            assert!(scan.unreadable.is_empty());
        } else {
            assert_eq!(scan.unreadable, [locked]);
        }
        Ok(())
    }

    #[test]
    fn typed_texts_are_kept_without_key_codes_or_short_pieces() {
        remember_typed("\u{E007}（後日追記）異動の希望あり。");
        remember_typed("山田");
        let typed = take_typed();
        assert!(
            typed.contains(&"（後日追記）異動の希望あり。".to_owned()),
            "{typed:?}"
        );
        assert!(!typed.iter().any(|text| text == "山田"));
        assert!(take_typed().is_empty());
    }
}
