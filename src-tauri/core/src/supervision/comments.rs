//! A supervisor's comments (スーパーバイザーからのコメント): the package a supervisor sends back,
//! encrypted to the consultant's inbox recipient. Kizuki writes it too, for a supervisor who
//! uses Kizuki; anyone can, from `docs/package-format.md`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::export;
use crate::package::{self, Document, Encryption, PackageKind, Page};
use crate::record::{self, check, Field};

/// The `format` of a supervisor's comments' JSON document.
pub const COMMENTS_FORMAT: &str = "kizuki-supervision-comments";
/// The longest comments.
pub const MAX_COMMENTS_CHARS: usize = 50_000;

/// What a supervisor sends back.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupervisionComments {
    /// [`COMMENTS_FORMAT`].
    pub format: String,
    /// The document's version (the package format's).
    pub version: u32,
    /// Who wrote them.
    pub supervisor: String,
    /// What they are about: the report's client reference (`KZ-12`) as the report named it.
    pub regarding: String,
    /// The day they were written, `YYYY-MM-DD`.
    pub written_on: String,
    /// The comments.
    pub comments: String,
}

crate::text::debug_without_content!(SupervisionComments, regarding, written_on);

impl SupervisionComments {
    /// Checks what a supervisor wrote, as Kizuki checks anything typed.
    pub(crate) fn check(&self) -> record::Result<()> {
        check::required_line(&self.supervisor, Field::Supervisor)?;
        check::required_line(&self.regarding, Field::Regarding)?;
        crate::calendar::parse_date(&self.written_on, Field::WrittenOn)?;
        if self.comments.trim().is_empty() {
            return Err(record::Error::Required(Field::Comments));
        }
        // Written by someone outside: nothing in it may display as something else.
        if self.comments.chars().any(crate::text::reorders) {
            return Err(record::Error::ControlCharacter(Field::Comments));
        }
        check::free_text(&self.comments, MAX_COMMENTS_CHARS, Field::Comments)
    }
}

fn html(comments: &SupervisionComments) -> String {
    let mut page = Page::new("スーパーバイザーからのコメント");
    page.notice("取扱注意");
    page.heading(1, "スーパーバイザーからのコメント");
    page.facts(&[
        ("スーパーバイザー", comments.supervisor.clone()),
        ("対象", comments.regarding.clone()),
        ("記入日", comments.written_on.clone()),
    ]);
    page.text(&comments.comments);
    page.finish()
}

/// A comments package, sealed for the consultant's inbox recipient.
pub fn comments_package(
    comments: &SupervisionComments,
    encryption: &Encryption,
    armored: bool,
    now: DateTime<Utc>,
) -> export::Result<Vec<u8>> {
    comments.check()?;
    package::check(encryption, package::MIN_PASSPHRASE_CHARS)?;
    let archive = package::assemble(
        PackageKind::SupervisionComments,
        None,
        String::new(),
        &Document::page_and_json(
            "comments",
            html(comments),
            serde_json::to_vec_pretty(comments).unwrap_or_default(),
        ),
        now,
    );
    Ok(package::seal(&archive, encryption, armored)?)
}

/// Writes a comments package to `target`'s file (never over another) and returns its SHA-256.
pub fn write_comments(
    comments: &SupervisionComments,
    target: &export::Target,
) -> export::Result<String> {
    let sealed = comments_package(comments, &target.encryption, target.armored, Utc::now())?;
    export::write_package(&target.path, &sealed)?;
    Ok(package::sha256(&sealed))
}
