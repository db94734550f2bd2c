//! Writes that either happen completely or not at all, so a crash or a full disk never leaves a
//! half-written key file behind the one that worked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `contents` through a temporary file in the same directory and a rename.
pub(crate) fn write_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    let staged = stage(path, contents)?;
    let placed = place(&staged, path);
    if placed.is_err() {
        let _ = fs::remove_file(&staged);
    }
    placed
}

/// Writes `contents`, synced, to a temporary file beside `path` and returns its name, for a
/// caller that must do something else (commit a transaction) before [`place`] puts it there.
/// If it never does, the temporary is swept later ([`sweep_stale_temporaries`]).
pub(crate) fn stage(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let (_, temp_path) = temporary_beside(path)?;
    let written = (|| {
        let mut file = create_private(&temp_path)?;
        file.write_all(contents)?;
        file.sync_all()
    })();
    match written {
        Ok(()) => Ok(temp_path),
        Err(error) => {
            let _ = fs::remove_file(&temp_path);
            Err(error)
        }
    }
}

/// Renames a [`stage`]d file over `path`, durably.
pub(crate) fn place(staged: &Path, path: &Path) -> io::Result<()> {
    fs::rename(staged, path)?;
    sync_parent(path)
}

/// Creates `path` holding `contents`, failing if anything has that name already: written to a
/// temporary file beside it first and linked into place only when complete, so the name never
/// shows a partial file and an existing file is never replaced. Where links are not supported
/// (FAT and exFAT drives, some network shares) the file is created under its name directly,
/// exclusively. Whatever fails, nothing is left under either name.
pub(crate) fn write_new_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "file exists"));
    }
    let (dir, temp_path) = temporary_beside(path)?;
    let written = (|| {
        let mut file = create_private(&temp_path)?;
        file.write_all(contents)?;
        file.sync_all()
    })();
    let linked = match written {
        Ok(()) => fs::hard_link(&temp_path, path),
        Err(error) => {
            let _ = fs::remove_file(&temp_path);
            return Err(error);
        }
    };
    let _ = fs::remove_file(&temp_path);
    match linked {
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Err(error),
        Err(_) => {
            // No links here: the exclusive create still never replaces anything, and only a
            // file this call created is ever removed.
            let mut file = create_private(path)?;
            let direct = file.write_all(contents).and_then(|()| file.sync_all());
            if let Err(error) = direct {
                let _ = fs::remove_file(path);
                return Err(error);
            }
        }
        Ok(()) => {}
    }
    if let Err(error) = sync_dir(&dir) {
        // Some network and FUSE file systems cannot sync a directory at all: the file itself
        // is synced, and that is as durable as they get.
        if !matches!(
            error.kind(),
            io::ErrorKind::Unsupported | io::ErrorKind::InvalidInput
        ) {
            let _ = fs::remove_file(path);
            return Err(error);
        }
    }
    Ok(())
}

/// The directory of `path` and a fresh, hidden temporary name beside it.
fn temporary_beside(path: &Path) -> io::Result<(std::path::PathBuf, std::path::PathBuf)> {
    let dir = match path.parent() {
        Some(dir) if dir.as_os_str().is_empty() => Path::new("."),
        Some(dir) => dir,
        None => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "path has no parent",
            ))
        }
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".{:016x}.tmp", rand::random::<u64>()));
    Ok((dir.to_owned(), dir.join(temp_name)))
}

/// How many names [`numbered_names`] offers before giving up.
const MAX_NUMBERED_NAMES: u32 = 100;

/// The names tried, in order, for a new file in `dir` that never replaces an earlier one:
/// `stem.extension`, then `stem (2).extension`, and so on.
pub(crate) fn numbered_names<'a>(
    dir: &'a Path,
    stem: &'a str,
    extension: &'a str,
) -> impl Iterator<Item = std::path::PathBuf> + 'a {
    (1..=MAX_NUMBERED_NAMES).map(move |number| {
        dir.join(match number {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem} ({n}).{extension}"),
        })
    })
}

/// Creates a directory (and its parents) readable only by the current user. A directory that
/// already exists is the user's choice and keeps its permissions.
pub(crate) fn create_private_dir(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "not a directory",
            ))
        }
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        Err(_) => {}
    }
    // Made private as it is made, not changed after: between a create and a chmod, another
    // user could open the directory and keep the handle.
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)
    }
    #[cfg(not(unix))]
    fs::create_dir_all(path)
}

/// How old a temporary file of [`write_file`] must be before [`sweep_stale_temporaries`]
/// takes it for one a crash left: a write under way takes milliseconds.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the temporary files that writes stopped by a crash or a power cut left in `dir`
/// (`.name.<16 hex>.tmp`, as [`write_file`] names them), once they are old enough that no
/// write can still be using them. Returns how many went. Anything else is left alone.
pub(crate) fn sweep_stale_temporaries(dir: &Path) -> usize {
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let is_ours = name.starts_with('.')
            && name
                .strip_suffix(".tmp")
                .and_then(|stem| stem.rsplit_once('.'))
                .is_some_and(|(_, random)| {
                    random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit())
                });
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|metadata| metadata.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if is_ours && stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether other users of this computer can enter `dir` (and so open the files in it by name)
/// or list it. Unknown counts as open: the consultant is better told once too often.
pub(crate) fn open_to_others(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(dir).map_or(true, |metadata| metadata.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        // NTFS permissions are ACLs, not mode bits; the profile folder the vault lives in is
        // private by default, and is not checked here (docs/release.md).
        let _ = dir;
        false
    }
}

/// Creates an empty file readable only by this user, failing if anything already has the name:
/// an exclusive claim on the name that no other process can also win.
pub(crate) fn claim_new_file(path: &Path) -> io::Result<()> {
    create_private(path)?.sync_all()
}

/// Removes `path` for good: the removal is synced with its directory, so a power cut after
/// this returns cannot bring the name back (a setup's marker, say).
pub(crate) fn remove_file(path: &Path) -> io::Result<()> {
    fs::remove_file(path)?;
    sync_parent(path)
}

/// Syncs the directory `path` is in, so a rename or removal there survives a power cut.
fn sync_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => sync_dir(Path::new(".")),
    }
}

fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    // Directories cannot be opened for syncing on Windows; the rename is durable enough there.
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The file's bytes, read no further than `max + 1`: enough to tell that a file is too large
/// without reading all of it.
pub(crate) fn read_at_most(path: &Path, max: usize) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    File::open(path)?
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The `.age` files in `dir`, newest first, by name: what the app offers to import or restore
/// from its Downloads folder.
pub(crate) fn age_files_in(dir: &Path) -> io::Result<Vec<String>> {
    let mut found: Vec<(std::time::SystemTime, String)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        // Not followed: a link is not offered (and `file_in` would refuse it).
        let metadata = fs::symlink_metadata(entry.path())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if metadata.is_file() && name.ends_with(".age") {
            found.push((metadata.modified()?, name));
        }
    }
    found.sort_by(|a, b| b.cmp(a));
    Ok(found.into_iter().map(|(_, name)| name).collect())
}

/// `dir/name` when `name` is a plain file name (no folder, no `..`) of a regular file there (not
/// a link, not a pipe): a name the UI sends back from a list [`age_files_in`] made.
pub(crate) fn file_in(dir: &Path, name: &str) -> io::Result<std::path::PathBuf> {
    let plain = Path::new(name).file_name().is_some_and(|file| file == name);
    let path = dir.join(name);
    if plain && fs::symlink_metadata(&path)?.is_file() {
        Ok(path)
    } else {
        Err(io::ErrorKind::NotFound.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("key.age");
        write_file(&path, b"first")?;
        write_file(&path, b"second")?;
        assert_eq!(fs::read(&path)?, b"second");
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_claimed_name_cannot_be_claimed_again() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("kizuki.db");
        claim_new_file(&path)?;
        assert_eq!(
            claim_new_file(&path).map_err(|e| e.kind()),
            Err(io::ErrorKind::AlreadyExists)
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_directory_keeps_its_permissions() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))?;
        create_private_dir(dir.path())?;
        assert_eq!(
            fs::metadata(dir.path())?.permissions().mode() & 0o777,
            0o755
        );
        let fresh = dir.path().join("vault");
        create_private_dir(&fresh)?;
        assert_eq!(fs::metadata(&fresh)?.permissions().mode() & 0o777, 0o700);
        // Every directory it makes on the way is private from the start too.
        let deep = dir.path().join("a/b/vault");
        create_private_dir(&deep)?;
        for made in ["a", "a/b", "a/b/vault"] {
            let mode = fs::metadata(dir.path().join(made))?.permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{made}");
        }
        assert!(!open_to_others(&deep));
        assert!(open_to_others(dir.path()), "0755 lets others in");
        Ok(())
    }

    #[test]
    fn a_staged_file_replaces_the_old_one_only_when_placed() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("key.recovery.age");
        fs::write(&path, b"old")?;
        let staged = stage(&path, b"new")?;
        assert_eq!(fs::read(&path)?, b"old", "staged, not yet placed");
        assert_eq!(fs::read(&staged)?, b"new");
        place(&staged, &path)?;
        assert_eq!(fs::read(&path)?, b"new");
        assert!(!staged.exists());
        // One never placed (a crash between) is named as the sweep removes it, once stale.
        let orphan = stage(&path, b"unplaced")?;
        File::options()
            .write(true)
            .open(&orphan)?
            .set_modified(std::time::SystemTime::now() - STALE_AFTER * 2)?;
        assert_eq!(sweep_stale_temporaries(dir.path()), 1);
        assert!(!orphan.exists());
        Ok(())
    }

    #[test]
    fn only_stale_temporaries_of_ours_are_swept() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let old = std::time::SystemTime::now() - STALE_AFTER - std::time::Duration::from_secs(60);
        let write = |name: &str, stale: bool| -> io::Result<()> {
            let path = dir.path().join(name);
            fs::write(&path, b"x")?;
            if stale {
                File::options().write(true).open(&path)?.set_modified(old)?;
            }
            Ok(())
        };
        write(".key.passphrase.age.0123456789abcdef.tmp", true)?;
        write(".preferences.json.fedcba9876543210.tmp", false)?;
        write(".notes.0123456789abcdeg.tmp", true)?;
        write("draft.0123456789abcdef.tmp", true)?;
        write("kizuki.db", true)?;
        assert_eq!(sweep_stale_temporaries(dir.path()), 1);
        let mut left: Vec<String> = fs::read_dir(dir.path())?
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".notes.0123456789abcdeg.tmp",
                ".preferences.json.fedcba9876543210.tmp",
                "draft.0123456789abcdef.tmp",
                "kizuki.db"
            ],
            "a fresh temporary, a name not quite ours, and other files stay"
        );
        Ok(())
    }
}
