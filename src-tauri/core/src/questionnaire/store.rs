//! The `questionnaires` table: the only SQL that touches it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Questionnaire, QuestionnaireInput};
use crate::ids::{ClientId, ProgramId, QuestionnaireId};
use crate::record::{Entity, Error, Result};

const COLUMNS: &str = "id, client_id, program_id, skills, qualifications, income_and_role, \
                       private_life, created_at, updated_at";

pub(crate) async fn upsert(
    conn: &mut SqliteConnection,
    input: &QuestionnaireInput,
    now: DateTime<Utc>,
) -> Result<QuestionnaireId> {
    let existing = find(&mut *conn, input.client_id, input.program_id).await?;
    let id = match existing {
        Some(existing) => {
            sqlx::query(
                "UPDATE questionnaires SET skills = ?, qualifications = ?, income_and_role = ?,
                        private_life = ?, updated_at = ?
                 WHERE id = ?",
            )
            .bind(&input.skills)
            .bind(&input.qualifications)
            .bind(&input.income_and_role)
            .bind(&input.private_life)
            .bind(now)
            .bind(existing.id)
            .execute(&mut *conn)
            .await?;
            existing.id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO questionnaires (client_id, program_id, skills, qualifications,
                                             income_and_role, private_life, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(input.client_id)
            .bind(input.program_id)
            .bind(&input.skills)
            .bind(&input.qualifications)
            .bind(&input.income_and_role)
            .bind(&input.private_life)
            .bind(now)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?
        }
    };
    Ok(id)
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: QuestionnaireId) -> Result<Questionnaire> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM questionnaires WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound(Entity::Questionnaire, id.0))
}

pub(crate) async fn find(
    conn: &mut SqliteConnection,
    client_id: ClientId,
    program_id: Option<ProgramId>,
) -> Result<Option<Questionnaire>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM questionnaires WHERE client_id = ? AND program_id IS ?"
    ))
    .bind(client_id)
    .bind(program_id)
    .fetch_optional(conn)
    .await?)
}

/// Whether any of a client's questionnaires belongs to a program.
pub(crate) async fn any_in_a_program(
    conn: &mut SqliteConnection,
    client_id: ClientId,
) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM questionnaires WHERE client_id = ? AND program_id IS NOT NULL)",
    )
    .bind(client_id)
    .fetch_one(conn)
    .await?)
}
