//! The `programs` and `program_contacts` tables: the only SQL that touches them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{Contact, Program, ProgramSummary, ValidContact, ValidProgram};
use crate::db::{self, Statement};
use crate::ids::{CompanyId, ContactId, ProgramId};
use crate::record::{unique_violation, Entity, Error, Field, Result};

const UNIQUE_NAME: &str = "programs.company_id, programs.name";

/// The columns a program's input writes, in the order [`bind_columns`] binds them. The
/// company is set at insert only: a program never moves to another company.
const COLUMNS: &[&str] = &[
    "name",
    "starts_on",
    "ends_on",
    "purpose",
    "theme",
    "anonymity_k",
    "follow_up_after_days",
];

fn bind_columns<'q>(statement: Statement<'q>, program: &'q ValidProgram) -> Statement<'q> {
    statement
        .bind(&program.name)
        .bind(program.starts_on)
        .bind(program.ends_on)
        .bind(&program.purpose)
        .bind(&program.theme)
        .bind(program.anonymity_k)
        .bind(program.follow_up_after_days)
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    program: &ValidProgram,
    now: DateTime<Utc>,
) -> Result<ProgramId> {
    let columns = [&["company_id"], COLUMNS].concat();
    let sql = db::insert_sql("programs", &columns);
    let inserted = bind_columns(sqlx::query(&sql).bind(program.company_id), program)
        .bind(now)
        .bind(now)
        .execute(conn)
        .await
        .map_err(unique_violation(UNIQUE_NAME, Field::Name))?;
    Ok(ProgramId(inserted.last_insert_rowid()))
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: ProgramId,
    program: &ValidProgram,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = db::update_sql("programs", COLUMNS);
    let updated = bind_columns(sqlx::query(&sql), program)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await
        .map_err(unique_violation(UNIQUE_NAME, Field::Name))?;
    if updated.rows_affected() == 0 {
        return Err(Error::NotFound(Entity::Program, id.0));
    }
    Ok(())
}

/// Contacts are edited as one list: the stored list is replaced by the edited one.
pub(crate) async fn replace_contacts(
    conn: &mut SqliteConnection,
    id: ProgramId,
    contacts: &[ValidContact],
) -> Result<()> {
    sqlx::query("DELETE FROM program_contacts WHERE program_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (position, contact) in contacts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO program_contacts (program_id, position, name, role, recipients)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(&contact.name)
        .bind(&contact.role)
        .bind(contact.recipients.join("\n"))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ProgramRow {
    id: ProgramId,
    company_id: CompanyId,
    name: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    purpose: Option<String>,
    theme: Option<String>,
    anonymity_k: u32,
    follow_up_after_days: Option<u32>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: ProgramId) -> Result<Program> {
    let row: ProgramRow = sqlx::query_as(
        "SELECT id, company_id, name, starts_on, ends_on, purpose, theme, anonymity_k,
                follow_up_after_days, created_at, updated_at
         FROM programs WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound(Entity::Program, id.0))?;
    let id = row.id;
    let contacts: Vec<(ContactId, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, name, role, recipients FROM program_contacts
         WHERE program_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Program {
        id,
        company_id: row.company_id,
        name: row.name,
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        purpose: row.purpose,
        theme: row.theme,
        anonymity_k: row.anonymity_k,
        follow_up_after_days: row.follow_up_after_days,
        contacts: contacts
            .into_iter()
            .map(|(id, name, role, recipients)| Contact {
                id,
                name,
                role,
                recipients: recipients.lines().map(str::to_owned).collect(),
            })
            .collect(),
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

pub(crate) async fn list(
    conn: &mut SqliteConnection,
    company_id: Option<CompanyId>,
) -> Result<Vec<ProgramSummary>> {
    Ok(sqlx::query_as(
        "SELECT id, company_id, name, starts_on, ends_on FROM programs
         WHERE ?1 IS NULL OR company_id = ?1
         ORDER BY starts_on DESC, id DESC",
    )
    .bind(company_id)
    .fetch_all(conn)
    .await?)
}

pub(crate) async fn count_by_company(
    conn: &mut SqliteConnection,
) -> Result<HashMap<CompanyId, u32>> {
    let rows: Vec<(CompanyId, u32)> =
        sqlx::query_as("SELECT company_id, count(*) FROM programs GROUP BY company_id")
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}
