//! The pre-interview questionnaire 「3年後に目指す自分」 (the self one aims to be in three
//! years): skills and knowledge, qualifications, income and role, private life. One per
//! client and program, filled in before or during the interview and shown beside it.

pub(crate) mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ClientId, ProgramId, QuestionnaireId};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;
use crate::{client, program};

/// The longest answer accepted.
const MAX_ANSWER_CHARS: usize = 10_000;

/// The answers as entered. Every answer may be blank: a questionnaire is often filled in
/// piece by piece.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireInput {
    /// Whose answers.
    pub client_id: ClientId,
    /// For which program (absent outside any program).
    pub program_id: Option<ProgramId>,
    /// Skills and knowledge (スキル・知識).
    pub skills: String,
    /// Qualifications (資格).
    pub qualifications: String,
    /// Income and role (収入・役割).
    pub income_and_role: String,
    /// Private life (プライベート).
    pub private_life: String,
}

/// A questionnaire as stored.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    /// Its id.
    pub id: QuestionnaireId,
    /// Whose answers.
    pub client_id: ClientId,
    /// For which program.
    pub program_id: Option<ProgramId>,
    /// Skills and knowledge.
    pub skills: String,
    /// Qualifications.
    pub qualifications: String,
    /// Income and role.
    pub income_and_role: String,
    /// Private life.
    pub private_life: String,
    /// When first saved.
    pub created_at: DateTime<Utc>,
    /// When last saved.
    pub updated_at: DateTime<Utc>,
}

text::debug_without_content!(QuestionnaireInput, client_id, program_id);
text::debug_without_content!(Questionnaire, id, client_id, program_id);

impl QuestionnaireInput {
    fn validate(&self) -> Result<()> {
        for (answer, field) in [
            (&self.skills, Field::Skills),
            (&self.qualifications, Field::Qualifications),
            (&self.income_and_role, Field::IncomeAndRole),
            (&self.private_life, Field::PrivateLife),
        ] {
            check::free_text(answer, MAX_ANSWER_CHARS, field)?;
        }
        Ok(())
    }
}

/// Saves the client's questionnaire for the program, creating it the first time.
pub async fn save(vault: &Vault, input: &QuestionnaireInput) -> Result<Questionnaire> {
    input.validate()?;
    let mut tx = vault.write().await?;
    let company = client::store::company_of(&mut tx, input.client_id).await?;
    if let Some(program_id) = input.program_id {
        if Some(program::store::get(&mut tx, program_id).await?.company_id) != company {
            return Err(Error::OtherCompany);
        }
    }
    let id = store::upsert(&mut tx, input, Utc::now()).await?;
    let saved = store::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// The client's questionnaire for the program, if one was saved.
pub async fn find(
    vault: &Vault,
    client_id: ClientId,
    program_id: Option<ProgramId>,
) -> Result<Option<Questionnaire>> {
    let mut tx = vault.read().await?;
    client::store::company_of(&mut tx, client_id).await?;
    store::find(&mut tx, client_id, program_id).await
}

#[cfg(test)]
mod tests;
