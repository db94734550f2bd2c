//! The `companies` table: the only SQL that touches it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::Company;
use crate::ids::CompanyId;
use crate::record::{unique_violation, Entity, Error, Field, Result};

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    name: &str,
    now: DateTime<Utc>,
) -> Result<CompanyId> {
    sqlx::query_scalar(
        "INSERT INTO companies (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(now)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(unique_violation("companies.name", Field::Name))
}

pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: CompanyId,
    name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let updated = sqlx::query("UPDATE companies SET name = ?, updated_at = ? WHERE id = ?")
        .bind(name)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await
        .map_err(unique_violation("companies.name", Field::Name))?;
    if updated.rows_affected() == 0 {
        return Err(Error::NotFound(Entity::Company, id.0));
    }
    Ok(())
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: CompanyId) -> Result<Company> {
    sqlx::query_as("SELECT id, name, created_at, updated_at FROM companies WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound(Entity::Company, id.0))
}

pub(crate) async fn list(conn: &mut SqliteConnection) -> Result<Vec<Company>> {
    Ok(
        sqlx::query_as("SELECT id, name, created_at, updated_at FROM companies ORDER BY name, id")
            .fetch_all(conn)
            .await?,
    )
}
