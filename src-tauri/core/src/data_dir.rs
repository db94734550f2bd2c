//! Where a vault lives: the platform's app-data directory unless a flag or the environment says
//! otherwise (tests, several vaults, portable setups).

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that overrides the data directory.
pub const ENV_VAR: &str = "KIZUKI_DATA_DIR";
/// The directory name under the platform's app-data directory.
const APP_DIR_NAME: &str = "kizuki";

/// What can go wrong finding the data directory.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The platform reports no app-data directory (no home directory) and none was given.
    #[error("no data directory: set {ENV_VAR} or pass --data-dir")]
    Unknown,
}

impl Error {
    /// The code front-ends translate for the user.
    pub fn code(&self) -> crate::ErrorCode {
        crate::ErrorCode::Storage
    }
}

/// Where the desktop app saves what the consultant exports (the calendar, a printed report):
/// the user's Downloads folder, else their home folder. The UI never chooses paths itself.
pub fn downloads() -> std::io::Result<PathBuf> {
    dirs::download_dir()
        .or_else(dirs::home_dir)
        .ok_or_else(|| std::io::ErrorKind::NotFound.into())
}

/// Resolves the data directory: the explicit `flag` first, then `KIZUKI_DATA_DIR`, then the
/// platform's local app-data directory (`~/.local/share/kizuki` on Linux, `~/Library/Application
/// Support/kizuki` on macOS, `%LOCALAPPDATA%\kizuki` on Windows). Local, not roaming: a roaming
/// Windows profile would copy the vault to the domain's server at every sign-out.
pub fn resolve(flag: Option<PathBuf>) -> Result<PathBuf, Error> {
    resolve_from(flag, std::env::var_os(ENV_VAR), dirs::data_local_dir())
}

fn resolve_from(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    platform: Option<PathBuf>,
) -> Result<PathBuf, Error> {
    flag.or_else(|| env.filter(|value| !value.is_empty()).map(PathBuf::from))
        .or_else(|| platform.map(|dir| dir.join(APP_DIR_NAME)))
        .ok_or(Error::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_the_environment_which_beats_the_platform() {
        let platform = Some(PathBuf::from("/home/c/.local/share"));
        let env = Some(OsString::from("/env"));
        let flag = Some(PathBuf::from("/flag"));
        assert_eq!(
            resolve_from(flag, env.clone(), platform.clone()).ok(),
            Some("/flag".into())
        );
        assert_eq!(
            resolve_from(None, env, platform.clone()).ok(),
            Some("/env".into())
        );
        assert_eq!(
            resolve_from(None, Some(OsString::new()), platform).ok(),
            Some("/home/c/.local/share/kizuki".into())
        );
        assert!(resolve_from(None, None, None).is_err());
    }
}
