//! Consent (同意): what a client agreed may be shared, with whom, and why. A consent names its
//! recipient (an HR contact of a program, the client's boss, a supervisor), the parts it covers
//! (flags one by one), its purpose, the day and the way it was obtained, and an optional
//! expiry. It is never edited or deleted while the client is kept: a change is a revocation,
//! kept with its day, and a new consent, so that every export can show what it relied on.
//!
//! Granting and revoking are written to the audit log in the same transaction.

mod sheet;
pub(crate) mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::ids::{ClientId, ConsentId, FlagId, ProgramId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{audit, client, flag, program};

pub use sheet::{sheet, ConsentSheet, SheetLanguage};

/// Who a consent lets content go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum RecipientKind {
    /// An HR contact of the client's company, in a program (人事担当者).
    Hr,
    /// The client's boss (上司), as in a boss consultation.
    Boss,
    /// A supervising consultant (スーパーバイザー).
    Supervisor,
}

/// A part of what is known about a client that a consent may cover. Flags are not a part:
/// each flag is consented to on its own.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, sqlx::Type,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum SharePart {
    /// The summary the consultant writes for that recipient.
    Summary,
    /// The themes of the interviews.
    Themes,
    /// The action plan: what, how, by when, status.
    ActionPlan,
    /// Strengths and achievements (the sheet's 強み).
    Strengths,
    /// The workplace environment (職場環境).
    Workplace,
    /// Organisational issues (組織的な課題).
    OrganisationalIssues,
    /// The career-awareness issues of the individual report (キャリア意識上の課題): for a
    /// supervisor only.
    CareerAwareness,
    /// The support the consultant proposes in the individual report (支援の提案): for a
    /// supervisor only.
    ProposedSupport,
}

impl SharePart {
    /// Every part, in the order documents show them.
    pub const ALL: [Self; 8] = [
        Self::Summary,
        Self::Themes,
        Self::ActionPlan,
        Self::Strengths,
        Self::Workplace,
        Self::OrganisationalIssues,
        Self::CareerAwareness,
        Self::ProposedSupport,
    ];

    /// The parts a consent to `kind` can cover: what a package to them can carry, one by one.
    /// A supervisor receives the individual report, so its four parts; HR (and the boss, whom
    /// nothing is sent to but a consultation held with consent) the summary's.
    pub fn offered_to(kind: RecipientKind) -> &'static [Self] {
        match kind {
            RecipientKind::Supervisor => &[
                Self::CareerAwareness,
                Self::Workplace,
                Self::OrganisationalIssues,
                Self::ProposedSupport,
            ],
            // The summary's parts: every part before the individual report's two.
            RecipientKind::Hr | RecipientKind::Boss => &Self::ALL[..6],
        }
    }

    /// The part's name in the database, the package format and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Summary => "summary",
            Self::Themes => "themes",
            Self::ActionPlan => "action_plan",
            Self::Strengths => "strengths",
            Self::Workplace => "workplace",
            Self::OrganisationalIssues => "organisational_issues",
            Self::CareerAwareness => "career_awareness",
            Self::ProposedSupport => "proposed_support",
        }
    }

    /// The part named `name` (as [`SharePart::as_str`] writes it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|part| part.as_str() == name)
    }
}

/// How the consent was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ObtainedBy {
    /// A signed sheet (書面).
    Written,
    /// Said aloud, noted by the consultant (口頭).
    Verbal,
    /// An e-mail, a form, an electronic signature (電磁的方法).
    Electronic,
}

/// A consent as the consultant records it.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConsentInput {
    /// Whose consent.
    pub client_id: ClientId,
    /// Who may receive.
    pub recipient_kind: RecipientKind,
    /// The recipient as the sheet names them (「人事部 山本様」).
    pub recipient_name: String,
    /// The program an HR recipient belongs to; optional for a boss or a supervisor.
    pub program_id: Option<ProgramId>,
    /// The parts covered.
    pub parts: Vec<SharePart>,
    /// The flags covered, each chosen on its own.
    pub flag_ids: Vec<FlagId>,
    /// What the sharing is for.
    pub purpose: String,
    /// The day it was given, `YYYY-MM-DD`.
    pub granted_on: String,
    /// How it was obtained.
    pub obtained_by: ObtainedBy,
    /// A note on how (who witnessed, where the signed sheet is kept).
    pub obtained_note: Option<String>,
    /// The last day it holds, `YYYY-MM-DD`; absent: until revoked.
    pub expires_on: Option<String>,
}

/// A consent as stored.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// Its id; documents name it `KZC-<id>`.
    pub id: ConsentId,
    /// Whose consent.
    pub client_id: ClientId,
    /// Who may receive.
    pub recipient_kind: RecipientKind,
    /// The recipient as named.
    pub recipient_name: String,
    /// The recipient's program.
    pub program_id: Option<ProgramId>,
    /// The parts covered, in [`SharePart::ALL`] order.
    pub parts: Vec<SharePart>,
    /// The flags covered.
    pub flag_ids: Vec<FlagId>,
    /// What for.
    pub purpose: String,
    /// The day given.
    pub granted_on: NaiveDate,
    /// How obtained.
    pub obtained_by: ObtainedBy,
    /// A note on how.
    pub obtained_note: Option<String>,
    /// The last day it holds.
    pub expires_on: Option<NaiveDate>,
    /// The day it was revoked.
    pub revoked_on: Option<NaiveDate>,
    /// Why, or how the client said so.
    pub revocation_note: Option<String>,
    /// When it was recorded.
    pub created_at: DateTime<Utc>,
    /// Its state on the day it was read (the consultant's local date).
    pub state: ConsentState,
}

/// Whether a consent can be relied on, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    /// Given, not expired, not revoked.
    Active,
    /// Given for a later day.
    NotYetValid,
    /// Past its last day.
    Expired,
    /// Revoked.
    Revoked,
}

impl Consent {
    /// The consent's state on `day`.
    pub fn state_on(&self, day: NaiveDate) -> ConsentState {
        if self.revoked_on.is_some_and(|revoked| revoked <= day) {
            ConsentState::Revoked
        } else if self.expires_on.is_some_and(|last| last < day) {
            ConsentState::Expired
        } else if self.granted_on > day {
            ConsentState::NotYetValid
        } else {
            ConsentState::Active
        }
    }

    /// Kizuki's reference to the consent, as packages and records name it.
    pub fn reference(&self) -> String {
        format!("KZC-{}", self.id)
    }

    /// The consent as a package's manifest names it.
    pub(crate) fn package_reference(&self) -> crate::package::ConsentReference {
        crate::package::ConsentReference {
            reference: self.reference(),
            recipient_kind: crate::text::wire_name(&self.recipient_kind),
            granted_on: self.granted_on.to_string(),
            expires_on: self.expires_on.map(|day| day.to_string()),
        }
    }
}

/// A revocation as the consultant records it.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RevocationInput {
    /// The day the client revoked it, `YYYY-MM-DD`.
    pub revoked_on: String,
    /// How the client said so, or why.
    pub note: Option<String>,
}

text::debug_without_content!(ConsentInput, client_id, recipient_kind, program_id, parts);
text::debug_without_content!(
    Consent,
    id,
    client_id,
    recipient_kind,
    parts,
    granted_on,
    revoked_on
);
text::debug_without_content!(RevocationInput);

/// A [`ConsentInput`] that passed every check.
pub(crate) struct ValidConsent {
    pub(crate) client_id: ClientId,
    pub(crate) recipient_kind: RecipientKind,
    pub(crate) recipient_name: String,
    pub(crate) program_id: Option<ProgramId>,
    pub(crate) parts: Vec<SharePart>,
    pub(crate) flag_ids: Vec<FlagId>,
    pub(crate) purpose: String,
    pub(crate) granted_on: NaiveDate,
    pub(crate) obtained_by: ObtainedBy,
    pub(crate) obtained_note: Option<String>,
    pub(crate) expires_on: Option<NaiveDate>,
}

impl ConsentInput {
    pub(crate) fn validate(&self) -> Result<ValidConsent> {
        let recipient_name = check::required_line(&self.recipient_name, Field::RecipientName)?;
        if self.recipient_kind == RecipientKind::Hr && self.program_id.is_none() {
            return Err(Error::Required(Field::Program));
        }
        let mut parts = self.parts.clone();
        parts.sort();
        parts.dedup();
        let mut flag_ids = self.flag_ids.clone();
        flag_ids.sort();
        flag_ids.dedup();
        if parts.is_empty() && flag_ids.is_empty() {
            return Err(Error::Required(Field::Parts));
        }
        let offered = SharePart::offered_to(self.recipient_kind);
        // A supervision package carries no flag: a consent to a supervisor covering one would
        // promise nothing.
        let flags_offered = self.recipient_kind != RecipientKind::Supervisor;
        if parts.iter().any(|part| !offered.contains(part))
            || (!flag_ids.is_empty() && !flags_offered)
        {
            return Err(Error::PartNotForRecipient);
        }
        let purpose = check::optional_paragraph(Some(&self.purpose), Field::Purpose)?
            .ok_or(Error::Required(Field::Purpose))?;
        let granted_on = calendar::parse_date(&self.granted_on, Field::GrantedOn)?;
        let expires_on =
            calendar::parse_optional_date(self.expires_on.as_deref(), Field::ExpiresOn)?;
        if expires_on.is_some_and(|last| last < granted_on) {
            return Err(Error::EndsBeforeStart(Field::ExpiresOn));
        }
        Ok(ValidConsent {
            client_id: self.client_id,
            recipient_kind: self.recipient_kind,
            recipient_name,
            program_id: self.program_id,
            parts,
            flag_ids,
            purpose,
            granted_on,
            obtained_by: self.obtained_by,
            obtained_note: check::optional_paragraph(
                self.obtained_note.as_deref(),
                Field::ObtainedNote,
            )?,
            expires_on,
        })
    }
}

/// Checks the client exists, the program is their company's and each flag is theirs.
pub(crate) async fn check_links(
    conn: &mut sqlx::SqliteConnection,
    consent: &ValidConsent,
) -> Result<()> {
    let company_id = client::store::company_of(&mut *conn, consent.client_id).await?;
    if let Some(program_id) = consent.program_id {
        if Some(
            program::store::get(&mut *conn, program_id)
                .await?
                .company_id,
        ) != company_id
        {
            return Err(Error::OtherCompany);
        }
    }
    for flag_id in &consent.flag_ids {
        if flag::store::get(&mut *conn, *flag_id).await?.client_id != consent.client_id {
            return Err(Error::MissingParent);
        }
    }
    Ok(())
}

/// Records a consent, after the client has read its explanation sheet ([`sheet`]).
pub async fn grant(vault: &Vault, input: &ConsentInput) -> Result<Consent> {
    let consent = input.validate()?;
    let mut tx = vault.write().await?;
    check_links(&mut tx, &consent).await?;
    let now = Utc::now();
    let id = store::insert(&mut tx, &consent, now).await?;
    let detail = format!(
        "recipient={:?} parts={} flags={} terms={}",
        consent.recipient_kind,
        consent.parts.len(),
        consent.flag_ids.len(),
        store::terms_digest(&mut tx, id).await?
    );
    audit::store::append(
        &mut tx,
        audit::Action::ConsentGranted,
        &format!("KZC-{id} KZ-{}", consent.client_id),
        &detail,
        now,
    )
    .await?;
    let granted = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(granted)
}

/// Revokes a consent from the day given; the consent is kept, marked revoked. Revoking one
/// already revoked is refused, so that the first revocation's day stands.
pub async fn revoke(vault: &Vault, id: ConsentId, input: &RevocationInput) -> Result<Consent> {
    let revoked_on = calendar::parse_date(&input.revoked_on, Field::RevokedOn)?;
    let note = check::optional_paragraph(input.note.as_deref(), Field::RevocationNote)?;
    let mut tx = vault.write().await?;
    let stored = store::get(&mut tx, id).await?;
    if stored.revoked_on.is_some() {
        return Err(Error::AlreadyRevoked);
    }
    if revoked_on < stored.granted_on {
        return Err(Error::EndsBeforeStart(Field::RevokedOn));
    }
    // A revocation is recorded when the client says so: a day to come is a typing slip that
    // would leave the consent usable until then.
    if revoked_on > calendar::today() {
        return Err(Error::InFuture(Field::RevokedOn));
    }
    store::revoke(&mut tx, id, revoked_on, note.as_deref()).await?;
    let revocation = store::revocation_digest(&mut tx, id)
        .await?
        .unwrap_or_default();
    audit::store::append(
        &mut tx,
        audit::Action::ConsentRevoked,
        &format!("KZC-{id} KZ-{}", stored.client_id),
        &format!("revocation={revocation}"),
        Utc::now(),
    )
    .await?;
    let revoked = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(revoked)
}

/// One consent.
pub async fn get(vault: &Vault, id: ConsentId) -> Result<Consent> {
    store::get(&mut *vault.read().await?, id).await
}

/// A client's consents, newest first, revoked and expired ones included.
pub async fn list(vault: &Vault, client_id: ClientId) -> Result<Vec<Consent>> {
    let mut tx = vault.read().await?;
    client::store::company_of(&mut tx, client_id).await?;
    store::list(&mut tx, client_id).await
}

#[cfg(test)]
pub(crate) mod tests;
