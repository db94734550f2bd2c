//! Questionnaires against a real vault.

use super::*;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn answers(client_id: ClientId, program_id: Option<ProgramId>, skills: &str) -> QuestionnaireInput {
    QuestionnaireInput {
        client_id,
        program_id,
        skills: skills.to_owned(),
        qualifications: "キャリアコンサルタント".to_owned(),
        income_and_role: "課長".to_owned(),
        private_life: String::new(),
    }
}

#[tokio::test]
async fn one_questionnaire_per_client_and_program() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    assert_eq!(find(&vault, client_id, Some(program_id)).await?, None);
    let first = save(&vault, &answers(client_id, Some(program_id), "データ分析")).await?;
    let second = save(
        &vault,
        &answers(client_id, Some(program_id), "データ分析と英語"),
    )
    .await?;
    assert_eq!(first.id, second.id);
    assert_eq!(
        find(&vault, client_id, Some(program_id)).await?,
        Some(second)
    );
    let outside = save(&vault, &answers(client_id, None, "営業")).await?;
    assert_ne!(outside.id, first.id);

    let other = fixtures::company(&vault, "有限会社ほか").await?;
    let others_program = fixtures::program(&vault, other).await?;
    let refused = save(&vault, &answers(client_id, Some(others_program), "x"))
        .await
        .err();
    assert_eq!(refused.map(|e| e.code()), Some(ErrorCode::OtherCompany));
    vault.lock().await;
    Ok(())
}
