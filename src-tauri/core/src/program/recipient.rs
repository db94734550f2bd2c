//! Age recipients of HR contacts: the public keys a package for them is encrypted to.

use std::str::FromStr;

use crate::record::{Error, Result};

/// The longest recipient line accepted; an RSA-4096 SSH key is about 750 characters.
const MAX_RECIPIENT_CHARS: usize = 2_000;

/// Checks one recipient (an X25519 `age1…` key or an `ssh-ed25519`/`ssh-rsa` public key) and
/// returns it trimmed. Checked on entry, so that a typo is found while the consultant still has
/// the contact's message open, not on the day of the export.
pub(crate) fn parse(text: &str) -> Result<String> {
    let text = text.trim();
    // Recipients are stored one per line: a line break inside one would smuggle in a second,
    // unchecked recipient.
    if text.chars().count() > MAX_RECIPIENT_CHARS || text.chars().any(char::is_control) {
        return Err(Error::InvalidRecipient);
    }
    let is_x25519 = age::x25519::Recipient::from_str(text).is_ok();
    let is_ssh = !is_x25519 && age::ssh::Recipient::from_str(text).is_ok();
    if is_x25519 || is_ssh {
        Ok(text.to_owned())
    } else {
        Err(Error::InvalidRecipient)
    }
}

/// Checks every non-blank line of a list of recipients.
pub(crate) fn parse_all(lines: &[String]) -> Result<Vec<String>> {
    lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| parse(line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    const SSH_ED25519: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDQlRCElANmcaLmk6blvhnjDI8FF5Wz4cOn1+hOv9nP3 jinji@example";

    #[test]
    fn takes_x25519_and_ssh_keys() -> Result<()> {
        let identity = age::x25519::Identity::generate();
        let x25519 = identity.to_public().to_string();
        assert_eq!(parse(&format!("  {x25519} "))?, x25519);
        assert_eq!(parse(SSH_ED25519)?, SSH_ED25519);
        // A secret key pasted by mistake is refused, never stored.
        let secret = identity.to_string();
        assert!(matches!(
            parse(secret.expose_secret()),
            Err(Error::InvalidRecipient)
        ));
        Ok(())
    }

    #[test]
    fn refuses_anything_else() {
        for bad in [
            "",
            "age1",
            "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
            "ssh-ed25519 AAAA",
            "jinji@example.co.jp",
            "人事部",
            "age1k6qwsj68nlcl46cgvxg2069xdd8d6utk0c2q93mg72q223ccmexqltkrwa\nage1bogus",
        ] {
            assert!(matches!(parse(bad), Err(Error::InvalidRecipient)), "{bad}");
        }
    }

    #[test]
    fn lists_skip_blank_lines_and_fail_on_one_bad_line() {
        let good = age::x25519::Identity::generate().to_public().to_string();
        let lines = vec![good.clone(), "  ".to_owned()];
        assert_eq!(parse_all(&lines).ok(), Some(vec![good.clone()]));
        let lines = vec![good, "not a key".to_owned()];
        assert!(parse_all(&lines).is_err());
    }
}
