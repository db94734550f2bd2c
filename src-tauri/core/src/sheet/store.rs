//! The `template_sections` and `sheet_sections` tables: the only SQL that touches them.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{SheetSection, TemplateSection};
use crate::ids::{InterviewId, ProgramId, SheetSectionId, TemplateSectionId};
use crate::record::{Entity, Error, Result};

pub(crate) async fn template(
    conn: &mut SqliteConnection,
    program_id: Option<ProgramId>,
) -> Result<Vec<TemplateSection>> {
    Ok(sqlx::query_as(
        "SELECT id, key, title, position, retired FROM template_sections
         WHERE program_id IS ? ORDER BY position, id",
    )
    .bind(program_id)
    .fetch_all(conn)
    .await?)
}

/// A new program starts with the vault's default template.
pub(crate) async fn copy_default_template(
    conn: &mut SqliteConnection,
    program_id: ProgramId,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO template_sections (program_id, key, title, position, retired)
         SELECT ?, key, title, position, retired FROM template_sections
         WHERE program_id IS NULL ORDER BY position",
    )
    .bind(program_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn update_template_section(
    conn: &mut SqliteConnection,
    id: TemplateSectionId,
    title: Option<&str>,
    position: u32,
    retired: bool,
) -> Result<()> {
    sqlx::query("UPDATE template_sections SET title = ?, position = ?, retired = ? WHERE id = ?")
        .bind(title)
        .bind(position)
        .bind(retired)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn insert_template_section(
    conn: &mut SqliteConnection,
    program_id: Option<ProgramId>,
    title: &str,
    position: u32,
    retired: bool,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO template_sections (program_id, title, position, retired) VALUES (?, ?, ?, ?)",
    )
    .bind(program_id)
    .bind(title)
    .bind(position)
    .bind(retired)
    .execute(conn)
    .await?;
    Ok(())
}

/// A new interview's sheet: the active sections of its program's template (or the
/// default's), numbered from 1.
pub(crate) async fn copy_template_to_interview(
    conn: &mut SqliteConnection,
    interview_id: InterviewId,
    program_id: Option<ProgramId>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sheet_sections (interview_id, template_section_id, key, title, position,
                                     updated_at)
         SELECT ?1, id, key, title, row_number() OVER (ORDER BY position, id), ?3
         FROM template_sections WHERE program_id IS ?2 AND retired = 0",
    )
    .bind(interview_id)
    .bind(program_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

const SECTION_COLUMNS: &str = "id, interview_id, key, title, position, text, updated_at";

pub(crate) async fn sections(
    conn: &mut SqliteConnection,
    interview_id: InterviewId,
) -> Result<Vec<SheetSection>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {SECTION_COLUMNS} FROM sheet_sections WHERE interview_id = ? ORDER BY position"
    ))
    .bind(interview_id)
    .fetch_all(conn)
    .await?)
}

pub(crate) async fn section(
    conn: &mut SqliteConnection,
    id: SheetSectionId,
) -> Result<SheetSection> {
    sqlx::query_as(&format!(
        "SELECT {SECTION_COLUMNS} FROM sheet_sections WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound(Entity::SheetSection, id.0))
}

pub(crate) async fn set_section_text(
    conn: &mut SqliteConnection,
    id: SheetSectionId,
    text: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE sheet_sections SET text = ?, updated_at = ? WHERE id = ?")
        .bind(text)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
