//! Companies against a real vault.

use super::*;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

#[tokio::test]
async fn companies_are_listed_with_their_counts_and_names_are_unique() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let id = fixtures::company(&vault, " 株式会社サンプル ").await?;
    assert_eq!(get(&vault, id).await?.name, "株式会社サンプル");
    fixtures::program(&vault, id).await?;
    fixtures::client(&vault, id).await?;
    let listed = list(&vault).await?;
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].program_count, listed[0].client_count), (1, 1));

    let again = create(
        &vault,
        &CompanyInput {
            name: "株式会社サンプル".into(),
        },
    )
    .await;
    assert_eq!(again.err().map(|e| e.code()), Some(ErrorCode::Duplicate));
    let blank = create(&vault, &CompanyInput { name: "　".into() }).await;
    assert_eq!(blank.err().map(|e| e.code()), Some(ErrorCode::Required));
    let renamed = update(
        &vault,
        id,
        &CompanyInput {
            name: "サンプル株式会社".into(),
        },
    )
    .await?;
    assert_eq!(renamed.name, "サンプル株式会社");
    assert_eq!(list(&vault).await?.len(), 1);
    vault.lock().await;
    Ok(())
}
