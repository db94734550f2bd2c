//! Sheets and templates against a real vault.

use super::*;
use crate::test_support::fixtures::{self, TestResult};
use crate::test_support::new_vault;
use crate::ErrorCode;

fn keep(section: &TemplateSection) -> TemplateSectionInput {
    TemplateSectionInput {
        id: Some(section.id),
        title: section.title.clone(),
        retired: section.retired,
    }
}

#[tokio::test]
async fn template_changes_reach_new_interviews_but_never_old_ones() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let old = fixtures::interview(&vault, client_id, Some(program_id)).await?;
    let old_sheet = sections(&vault, old).await?;

    // Rename the first, retire the second, move the last to the front, add one.
    let template = template(&vault, Some(program_id)).await?;
    let mut edited: Vec<TemplateSectionInput> = template.iter().map(keep).collect();
    edited[0].title = Some("今の仕事と悩み".into());
    edited[1].retired = true;
    let last = edited.remove(edited.len() - 1);
    edited.insert(0, last);
    edited.push(TemplateSectionInput {
        id: None,
        title: Some("家族のこと".into()),
        retired: false,
    });
    let saved = save_template(&vault, Some(program_id), &edited).await?;
    assert_eq!(saved.len(), 8);
    assert_eq!(saved[0].key.as_deref(), Some("organisational_issues"));
    // The vault's default template is untouched.
    assert_eq!(super::template(&vault, None).await?.len(), 7);

    let new = fixtures::interview(&vault, client_id, Some(program_id)).await?;
    let new_sheet = sections(&vault, new).await?;
    assert_eq!(new_sheet.len(), 7, "the retired section is not copied");
    assert_eq!(new_sheet[0].key.as_deref(), Some("organisational_issues"));
    assert_eq!(new_sheet[1].title.as_deref(), Some("今の仕事と悩み"));
    assert_eq!(new_sheet[6].title.as_deref(), Some("家族のこと"));
    assert_eq!(
        new_sheet.iter().map(|s| s.position).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7]
    );
    assert_eq!(sections(&vault, old).await?, old_sheet);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn a_template_edit_cannot_drop_repeat_or_leave_untitled_a_section() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let program_id = fixtures::program(&vault, company_id).await?;
    let template = template(&vault, Some(program_id)).await?;
    let mut dropped: Vec<_> = template.iter().map(keep).collect();
    dropped.pop();
    let error = save_template(&vault, Some(program_id), &dropped)
        .await
        .err();
    assert_eq!(error.map(|e| e.code()), Some(ErrorCode::Required));
    let mut untitled: Vec<_> = template.iter().map(keep).collect();
    untitled.push(TemplateSectionInput {
        id: None,
        title: Some(" ".into()),
        retired: false,
    });
    let error = save_template(&vault, Some(program_id), &untitled)
        .await
        .err();
    assert_eq!(error.and_then(|e| e.field()), Some(Field::SectionTitle));
    let mut repeated: Vec<_> = template.iter().map(keep).collect();
    repeated.push(keep(&template[0]));
    let error = save_template(&vault, Some(program_id), &repeated)
        .await
        .err();
    assert_eq!(error.and_then(|e| e.field()), Some(Field::Section));
    let mut same_title: Vec<_> = template.iter().map(keep).collect();
    same_title[0].title = Some("家族のこと".into());
    same_title.push(TemplateSectionInput {
        id: None,
        title: Some(" 家族のこと".into()),
        retired: false,
    });
    let error = save_template(&vault, Some(program_id), &same_title)
        .await
        .err();
    assert_eq!(error.map(|e| e.code()), Some(ErrorCode::Duplicate));
    assert_eq!(super::template(&vault, Some(program_id)).await?, template);
    vault.lock().await;
    Ok(())
}

#[tokio::test]
async fn capture_appends_a_passage_on_its_own_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (vault, _) = new_vault(dir.path()).await;
    let company_id = fixtures::company(&vault, "株式会社サンプル").await?;
    let client_id = fixtures::client(&vault, company_id).await?;
    let interview_id = fixtures::interview(&vault, client_id, None).await?;
    let strengths = sections(&vault, interview_id).await?[2].id;
    capture(&vault, strengths, "  顧客との信頼関係づくり ").await?;
    let captured = capture(&vault, strengths, "後輩の指導").await?;
    assert_eq!(captured.text, "顧客との信頼関係づくり\n後輩の指導");
    let blank = capture(&vault, strengths, " \n ").await.err();
    assert_eq!(blank.map(|e| e.code()), Some(ErrorCode::Required));
    let edited = save_section(&vault, strengths, "書き直し").await?;
    assert_eq!(edited.text, "書き直し");
    let missing = capture(&vault, SheetSectionId(9999), "x").await.err();
    assert_eq!(missing.map(|e| e.code()), Some(ErrorCode::NotFound));
    vault.lock().await;
    Ok(())
}
