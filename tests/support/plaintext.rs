//! Finds files that contain a given text, in the encodings a webview or a database might use.

use std::path::{Path, PathBuf};

/// Every file under `root` whose bytes contain `needle` as UTF-8 or UTF-16 (either byte order).
pub fn files_containing(root: &Path, needle: &str) -> Vec<PathBuf> {
    let utf8 = needle.as_bytes().to_vec();
    let utf16le: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = needle.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let patterns = [utf8, utf16le, utf16be];
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                let bytes = std::fs::read(&path).unwrap_or_default();
                let hit = patterns.iter().any(|pattern| {
                    bytes
                        .windows(pattern.len())
                        .any(|window| window == pattern.as_slice())
                });
                if hit {
                    found.push(path);
                }
            }
        }
    }
    found
}

/// Every file under `root`, for reporting what a run left behind.
pub fn all_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(entry.path()),
                Ok(_) => files.push(entry.path()),
                Err(_) => {}
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_needle_in_utf8_and_utf16_and_nowhere_else() -> crate::Result<()> {
        let dir = tempfile::tempdir()?;
        let needle = "MARKER 面談";
        std::fs::create_dir(dir.path().join("nested"))?;
        std::fs::write(dir.path().join("utf8.txt"), format!("..{needle}.."))?;
        let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
        std::fs::write(dir.path().join("nested/utf16.bin"), utf16)?;
        std::fs::write(dir.path().join("clean.txt"), "nothing here")?;
        let mut found = files_containing(dir.path(), needle);
        found.sort();
        assert_eq!(
            found,
            [
                dir.path().join("nested/utf16.bin"),
                dir.path().join("utf8.txt")
            ]
        );
        Ok(())
    }
}
