//! The interview sheet (面談シート): sections filled during and after the interview, from a
//! template the consultant adapts per program.
//!
//! A program's template starts as a copy of the vault's default (the sections the two seed
//! documents name). Each interview copies its program's template when it is created, so that
//! adding, renaming, reordering or retiring sections later never changes what an old interview
//! was written with.

pub(crate) mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{InterviewId, ProgramId, SheetSectionId, TemplateSectionId};
use crate::interview::{self, history};
use crate::record::{check, Error, Field, Result};
use crate::text;
use crate::vault::Vault;

/// The longest text of one sheet section.
pub const MAX_SECTION_CHARS: usize = 50_000;
/// The most sections a template holds (retired ones included).
const MAX_TEMPLATE_SECTIONS: usize = 40;

/// The built-in sections, in the seeds' order; their titles are translated by key.
pub const DEFAULT_SECTION_KEYS: [&str; 7] = [
    "current_work",
    "vision",
    "strengths",
    "values",
    "career_issues",
    "workplace",
    "organisational_issues",
];

/// A section of a template.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TemplateSection {
    /// The section's id.
    pub id: TemplateSectionId,
    /// A built-in section's key (its title is the key's translation unless renamed).
    pub key: Option<String>,
    /// The consultant's own title.
    pub title: Option<String>,
    /// 1-based place in the template.
    pub position: u32,
    /// Retired sections are no longer copied to new interviews.
    pub retired: bool,
}

/// A section of a template as edited: the list's order is the new order.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TemplateSectionInput {
    /// An existing section, or absent for a new one.
    pub id: Option<TemplateSectionId>,
    /// The title; absent keeps a built-in section's translated title (a new section needs one).
    pub title: Option<String>,
    /// Whether the section is retired.
    pub retired: bool,
}

/// A section of one interview's sheet.
#[derive(Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SheetSection {
    /// The section's id.
    pub id: SheetSectionId,
    /// The interview.
    pub interview_id: InterviewId,
    /// A built-in section's key.
    pub key: Option<String>,
    /// The title as it was when the interview was created.
    pub title: Option<String>,
    /// 1-based place in the sheet: the number the consultant types to capture into it.
    pub position: u32,
    /// What is written there.
    pub text: String,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

text::debug_without_content!(TemplateSection, id, key, position, retired);
text::debug_without_content!(TemplateSectionInput, id, retired);
text::debug_without_content!(SheetSection, id, interview_id, key, position);

/// A program's template (`None`: the vault's default, copied to new programs), retired
/// sections included.
pub async fn template(
    vault: &Vault,
    program_id: Option<ProgramId>,
) -> Result<Vec<TemplateSection>> {
    let mut tx = vault.read().await?;
    if let Some(program_id) = program_id {
        crate::program::store::get(&mut tx, program_id).await?;
    }
    store::template(&mut tx, program_id).await
}

/// Saves an edited template: sections are renamed, reordered, retired or added. A section
/// is never deleted, so that interviews written with it keep their link to it.
pub async fn save_template(
    vault: &Vault,
    program_id: Option<ProgramId>,
    sections: &[TemplateSectionInput],
) -> Result<Vec<TemplateSection>> {
    if sections.len() > MAX_TEMPLATE_SECTIONS {
        return Err(Error::OutOfRange(Field::Section));
    }
    refuse_repeats(sections)?;
    let mut tx = vault.write().await?;
    if let Some(program_id) = program_id {
        crate::program::store::get(&mut tx, program_id).await?;
    }
    let stored = store::template(&mut tx, program_id).await?;
    // Every stored section must stay in the list (retired, perhaps): dropping one from the
    // list would silently lose it.
    let listed = |id| sections.iter().any(|section| section.id == Some(id));
    if stored.iter().any(|section| !listed(section.id)) {
        return Err(Error::Required(Field::Section));
    }
    for (index, section) in sections.iter().enumerate() {
        let position = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let title = check::optional_line(section.title.as_deref(), Field::SectionTitle)?;
        match section.id {
            Some(id) => {
                let existing =
                    stored
                        .iter()
                        .find(|stored| stored.id == id)
                        .ok_or(Error::NotFound(
                            crate::record::Entity::TemplateSection,
                            id.0,
                        ))?;
                if existing.key.is_none() && title.is_none() {
                    return Err(Error::Required(Field::SectionTitle));
                }
                store::update_template_section(
                    &mut tx,
                    id,
                    title.as_deref(),
                    position,
                    section.retired,
                )
                .await?;
            }
            None => {
                let title = title.ok_or(Error::Required(Field::SectionTitle))?;
                store::insert_template_section(
                    &mut tx,
                    program_id,
                    &title,
                    position,
                    section.retired,
                )
                .await?;
            }
        }
    }
    let saved = store::template(&mut tx, program_id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Refuses a list that names one section twice, or gives two sections one title: the picker
/// that captures into a section by name could not tell them apart.
fn refuse_repeats(sections: &[TemplateSectionInput]) -> Result<()> {
    let mut ids = std::collections::HashSet::new();
    let mut titles = std::collections::HashSet::new();
    for section in sections {
        if section.id.is_some_and(|id| !ids.insert(id)) {
            return Err(Error::Duplicate(Field::Section));
        }
        let title = section.title.as_deref().map(str::trim).unwrap_or_default();
        if !title.is_empty() && !titles.insert(title) {
            return Err(Error::Duplicate(Field::SectionTitle));
        }
    }
    Ok(())
}

/// An interview's sheet, in order.
pub async fn sections(vault: &Vault, interview_id: InterviewId) -> Result<Vec<SheetSection>> {
    let mut tx = vault.read().await?;
    interview::store::get(&mut tx, interview_id).await?;
    store::sections(&mut tx, interview_id).await
}

/// Replaces a section's text (its editor's autosave); kept as an amendment once the
/// interview is held.
pub async fn save_section(vault: &Vault, id: SheetSectionId, text: &str) -> Result<SheetSection> {
    change_section(vault, id, |_| Ok(text.to_owned())).await
}

/// Files a passage of the notes under a section ("capture while listening"): the passage is
/// appended on a line of its own.
pub async fn capture(vault: &Vault, id: SheetSectionId, passage: &str) -> Result<SheetSection> {
    let passage = passage.trim();
    if passage.is_empty() {
        return Err(Error::Required(Field::SectionText));
    }
    change_section(vault, id, |current| {
        let mut text = current.trim_end_matches(['\n', ' ']).to_owned();
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(passage);
        Ok(text)
    })
    .await
}

async fn change_section(
    vault: &Vault,
    id: SheetSectionId,
    change: impl FnOnce(&str) -> Result<String>,
) -> Result<SheetSection> {
    let mut tx = vault.write().await?;
    let stored = store::section(&mut tx, id).await?;
    let text = change(&stored.text)?;
    check::free_text(&text, MAX_SECTION_CHARS, Field::SectionText)?;
    if text != stored.text {
        let now = Utc::now();
        store::set_section_text(&mut tx, id, &text, now).await?;
        interview::store::touch(&mut tx, stored.interview_id, now).await?;
        if interview::store::is_held(&mut tx, stored.interview_id).await? {
            history::record(&mut tx, stored.interview_id, Some(id), &stored.text, now).await?;
        }
    }
    let saved = store::section(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

#[cfg(test)]
mod tests;
