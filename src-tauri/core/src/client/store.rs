//! The `clients`, `client_tags` and `client_programs` tables: the only SQL that touches them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{AgeBand, Client, ClientFilter, ClientStatus, ValidClient};
use crate::db::{self, Statement};
use crate::ids::{ClientId, CompanyId, ProgramId};
use crate::record::{unique_violation, Entity, Error, Field, Result};

const UNIQUE_EMPLOYEE_NUMBER: &str = "clients.company_id, clients.employee_number";
/// Tags are joined with a character no typed line contains.
const TAG_SEPARATOR: char = '\u{1f}';

/// The columns a client's input writes, in the order [`bind_columns`] binds them.
const COLUMNS: &[&str] = &[
    "company_id",
    "name",
    "name_kana",
    "kana_sort_key",
    "employee_number",
    "department",
    "role",
    "age_band",
    "years_at_company",
    "job_content",
    "desired_career",
    "status",
];

fn bind_columns<'q>(statement: Statement<'q>, client: &'q ValidClient) -> Statement<'q> {
    statement
        .bind(client.company_id)
        .bind(&client.name)
        .bind(&client.name_kana)
        .bind(&client.kana_sort_key)
        .bind(&client.employee_number)
        .bind(&client.department)
        .bind(&client.role)
        .bind(client.age_band)
        .bind(client.years_at_company)
        .bind(&client.job_content)
        .bind(&client.desired_career)
        .bind(client.status)
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> Result<ClientId> {
    let sql = db::insert_sql("clients", COLUMNS);
    let inserted = bind_columns(sqlx::query(&sql), client)
        .bind(now)
        .bind(now)
        .execute(conn)
        .await
        .map_err(unique_violation(
            UNIQUE_EMPLOYEE_NUMBER,
            Field::EmployeeNumber,
        ))?;
    Ok(ClientId(inserted.last_insert_rowid()))
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = db::update_sql("clients", COLUMNS);
    let updated = bind_columns(sqlx::query(&sql), client)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await
        .map_err(unique_violation(
            UNIQUE_EMPLOYEE_NUMBER,
            Field::EmployeeNumber,
        ))?;
    if updated.rows_affected() == 0 {
        return Err(Error::NotFound(Entity::Client, id.0));
    }
    Ok(())
}

/// Tags and programs are edited with the client: the stored sets are replaced.
pub(crate) async fn replace_tags_and_programs(
    conn: &mut SqliteConnection,
    id: ClientId,
    client: &ValidClient,
) -> Result<()> {
    sqlx::query("DELETE FROM client_tags WHERE client_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for tag in &client.tags {
        sqlx::query("INSERT INTO client_tags (client_id, tag) VALUES (?, ?)")
            .bind(id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM client_programs WHERE client_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for program_id in &client.program_ids {
        sqlx::query("INSERT INTO client_programs (client_id, program_id) VALUES (?, ?)")
            .bind(id)
            .bind(program_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ClientRow {
    id: ClientId,
    company_id: Option<CompanyId>,
    name: String,
    name_kana: String,
    employee_number: Option<String>,
    department: Option<String>,
    role: Option<String>,
    age_band: Option<AgeBand>,
    years_at_company: Option<u32>,
    job_content: Option<String>,
    desired_career: Option<String>,
    status: ClientStatus,
    tags: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

fn split_tags(tags: Option<String>) -> Vec<String> {
    let mut tags: Vec<String> = tags
        .unwrap_or_default()
        .split(TAG_SEPARATOR)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect();
    tags.sort();
    tags
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: ClientId) -> Result<Client> {
    let row: ClientRow = sqlx::query_as(
        "SELECT id, company_id, name, name_kana, employee_number, department, role, age_band,
                years_at_company, job_content, desired_career, status, created_at, updated_at,
                (SELECT group_concat(tag, char(31)) FROM client_tags t WHERE t.client_id = c.id)
                    AS tags
         FROM clients c WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound(Entity::Client, id.0))?;
    let program_ids: Vec<ProgramId> = sqlx::query_scalar(
        "SELECT program_id FROM client_programs WHERE client_id = ? ORDER BY program_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Client {
        id: row.id,
        company_id: row.company_id,
        name: row.name,
        name_kana: row.name_kana,
        employee_number: row.employee_number,
        department: row.department,
        role: row.role,
        age_band: row.age_band,
        years_at_company: row.years_at_company,
        job_content: row.job_content,
        desired_career: row.desired_career,
        tags: split_tags(row.tags),
        status: row.status,
        program_ids,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// A client-list row before other entities' facts (company name, flags, interviews) join it.
pub(crate) struct ListRow {
    pub(crate) id: ClientId,
    pub(crate) name: String,
    pub(crate) name_kana: String,
    pub(crate) company_id: Option<CompanyId>,
    pub(crate) department: Option<String>,
    pub(crate) status: ClientStatus,
    pub(crate) tags: Vec<String>,
}

/// A listed client as the list's statement writes it: id, name, reading, company,
/// department, status, tags (joined).
type ListRowColumns = (
    ClientId,
    String,
    String,
    Option<CompanyId>,
    Option<String>,
    ClientStatus,
    Option<String>,
);

pub(crate) async fn list(
    conn: &mut SqliteConnection,
    filter: &ClientFilter,
) -> Result<Vec<ListRow>> {
    let json: String = sqlx::query_scalar(
        "SELECT json_group_array(json_array(c.id, c.name, c.name_kana, c.company_id,
                                            c.department, c.status,
                                            (SELECT group_concat(tag, char(31)) FROM client_tags t
                                             WHERE t.client_id = c.id))
                                 ORDER BY c.kana_sort_key, c.id)
         FROM clients c
         WHERE (?1 IS NULL OR c.company_id = ?1)
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM client_programs p
                                      WHERE p.client_id = c.id AND p.program_id = ?2))
           AND (?3 IS NULL OR c.department = ?3)
           AND (?4 IS NULL OR c.status = ?4)
           AND (?5 IS NULL OR EXISTS (SELECT 1 FROM client_tags t
                                      WHERE t.client_id = c.id AND t.tag = ?5))",
    )
    .bind(filter.company_id)
    .bind(filter.program_id)
    .bind(filter.department.as_deref().map(str::trim))
    .bind(filter.status)
    .bind(filter.tag.as_deref().map(str::trim))
    .fetch_one(conn)
    .await?;
    let rows: Vec<ListRowColumns> = db::rows_from_json(&json)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, name_kana, company_id, department, status, tags)| ListRow {
                id,
                name,
                name_kana,
                company_id,
                department,
                status,
                tags: split_tags(tags),
            },
        )
        .collect())
}

/// Which company a client works for (the check behind "an interview for a client of another
/// company's program").
pub(crate) async fn company_of(
    conn: &mut SqliteConnection,
    id: ClientId,
) -> Result<Option<CompanyId>> {
    let company: Option<Option<CompanyId>> =
        sqlx::query_scalar("SELECT company_id FROM clients WHERE id = ?")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    company.ok_or(Error::NotFound(Entity::Client, id.0))
}

pub(crate) async fn count_by_company(
    conn: &mut SqliteConnection,
) -> Result<HashMap<CompanyId, u32>> {
    let rows: Vec<(CompanyId, u32)> = sqlx::query_as(
        "SELECT company_id, count(*) FROM clients WHERE company_id IS NOT NULL GROUP BY company_id",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().collect())
}

pub(crate) async fn count_by_program(
    conn: &mut SqliteConnection,
) -> Result<HashMap<ProgramId, u32>> {
    let rows: Vec<(ProgramId, u32)> =
        sqlx::query_as("SELECT program_id, count(*) FROM client_programs GROUP BY program_id")
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}

/// The name and status of every client, for screens that name clients of many companies.
pub(crate) async fn names(
    conn: &mut SqliteConnection,
) -> Result<HashMap<ClientId, (String, ClientStatus)>> {
    let json: String =
        sqlx::query_scalar("SELECT json_group_array(json_array(id, name, status)) FROM clients")
            .fetch_one(conn)
            .await?;
    let rows: Vec<(ClientId, String, ClientStatus)> = db::rows_from_json(&json)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, status)| (id, (name, status)))
        .collect())
}

/// What identifies each client of a company (name, reading, employee number): the words a text
/// sent outside must not hold.
pub(crate) async fn identities_at(
    conn: &mut SqliteConnection,
    company_id: crate::ids::CompanyId,
) -> Result<Vec<(String, String, Option<String>)>> {
    Ok(
        sqlx::query_as("SELECT name, name_kana, employee_number FROM clients WHERE company_id = ?")
            .bind(company_id)
            .fetch_all(conn)
            .await?,
    )
}

/// The active clients among `names` (as [`names`] returns them).
pub(crate) fn active(names: &HashMap<ClientId, (String, ClientStatus)>) -> Vec<ClientId> {
    names
        .iter()
        .filter(|(_, (_, status))| *status == ClientStatus::Active)
        .map(|(id, _)| *id)
        .collect()
}

/// Deletes a client; the database's cascades delete everything that is theirs.
pub(crate) async fn delete(conn: &mut SqliteConnection, id: ClientId) -> Result<()> {
    let deleted = sqlx::query("DELETE FROM clients WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    if deleted.rows_affected() == 0 {
        return Err(Error::NotFound(Entity::Client, id.0));
    }
    Ok(())
}

/// The day each client was added (in UTC), for retention of clients never interviewed.
pub(crate) async fn created(
    conn: &mut SqliteConnection,
) -> Result<HashMap<ClientId, chrono::NaiveDate>> {
    let json: String =
        sqlx::query_scalar("SELECT json_group_array(json_array(id, created_at)) FROM clients")
            .fetch_one(conn)
            .await?;
    let rows: Vec<(ClientId, DateTime<Utc>)> = db::rows_from_json(&json)?;
    Ok(rows
        .into_iter()
        // The day on the consultant's calendar, as every other day in retention.
        .map(|(id, created_at)| {
            let zone = crate::calendar::zone();
            (id, crate::calendar::local_at(zone, created_at).date())
        })
        .collect())
}
