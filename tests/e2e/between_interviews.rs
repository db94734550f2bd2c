//! What happens between interviews, in one app start: an interview sets the next one's date
//! and decides an action item; the dashboard names the follow-up and an item past its date;
//! the follow-up interview reviews the plan; the individual report is drafted from the
//! interviews, written, and saved as a PDF whose text and fonts are checked; a two-character
//! Japanese search finds the notes; and erasing the client leaves nothing for the search or
//! the lists to find.

use kizuki_e2e::app::{keep_screenshot, Harness};
use kizuki_e2e::webdriver::Session;
use kizuki_e2e::Result;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::steps::{
    choose, click, row_containing, set_date, set_up_the_vault, type_into, wait_for_saved,
    wait_for_text, wait_for_value_containing, ENTER,
};

const PASSPHRASE: &str = "あさのこうえん 2026";
const COMPANY: &str = "株式会社テスト商事";
const PROGRAM: &str = "2026年度 セルフ・キャリアドック";
const CLIENT_NAME: &str = "佐藤 花子";
const WORRY: &str = "上司との関係に悩んでいる";
const DECIDED: &str = "上司と異動について話す";
const LATE: &str = "資格の勉強を始める";
const REVIEW: &str = "勉強会に二回参加した";
const CAREER_ISSUE: &str = "将来の役割が見えず、異動を迷っている";
const SUPPORT: &str = "半年後に追加面談を行い、異動希望の整理を支援する。";
const HR_SUMMARY: &str = "異動について上司と話し合いを始めており、前向きに取り組んでいる。";

/// Japan's date, `days` from today, as `YYYY-MM-DD`: the app's "today" (its calendar is
/// Japan's whatever the machine's zone), read from the webview's clock.
fn local_date(session: &Session, days: i64) -> Result<String> {
    let value = session.execute(&format!(
        "const d = new Date(Date.now() + 9 * 3600 * 1000);
         d.setUTCDate(d.getUTCDate() + ({days}));
         return d.toISOString().slice(0, 10);"
    ))?;
    match value {
        Value::String(date) => Ok(date),
        other => Err(format!("no date from the page: {other}").into()),
    }
}

fn add_the_client(session: &Session) -> Result<()> {
    click(session, "nav-companies")?;
    click(session, "add-company")?;
    type_into(session, "company-name", COMPANY)?;
    click(session, "company-save")?;
    let company = row_containing(session, "company-row", COMPANY)?;
    session.click(&company)?;
    session.wait_for_test_id("company-screen")?;
    click(session, "add-program")?;
    type_into(session, "program-name", PROGRAM)?;
    set_date(session, "program-starts-on", "2026-04-01")?;
    set_date(session, "program-ends-on", "2027-03-31")?;
    click(session, "program-save")?;
    session.wait_for_test_id("program-screen")?;
    click(session, "nav-clients")?;
    click(session, "add-client")?;
    type_into(session, "client-name", CLIENT_NAME)?;
    type_into(session, "client-kana", "さとう はなこ")?;
    choose(session, "client-company", COMPANY)?;
    let program = session.wait_for("[data-testid^=\"client-program-\"]")?;
    session.click(&program)?;
    click(session, "client-save")?;
    session.wait_for_test_id("client-name-heading")?;
    Ok(())
}

/// The first interview: held, its notes, the next one due today, an item decided in it.
fn hold_the_first_interview(session: &Session, today: &str) -> Result<()> {
    click(session, "add-interview")?;
    click(session, "interview-create")?;
    session.wait_for_test_id("interview-screen")?;
    let notes = session.wait_for_test_id("note-editor")?;
    session.type_text(&notes, &format!("{WORRY}{ENTER}異動も視野に入れている"))?;
    wait_for_saved(session, "save-status")?;
    // Section 5 of the seeds' sheet, キャリア意識上の課題: the report is drafted from it.
    type_into(session, "sheet-section-5", CAREER_ISSUE)?;
    wait_for_saved(session, "sheet-status-5")?;
    click(session, "mark-held")?;
    session.wait_for_test_id("interview-held-badge")?;
    click(session, "edit-details")?;
    set_date(session, "details-follow-up-due-on", today)?;
    click(session, "details-save")?;
    row_containing(session, "interview-facts", "次回目安")?;

    click(session, "add-action")?;
    type_into(session, "action-what", DECIDED)?;
    set_date(session, "action-due-on", today)?;
    click(session, "action-smart-specific")?;
    click(session, "action-save")?;
    row_containing(session, "action-row", DECIDED)?;
    Ok(())
}

/// An item recorded on the client's page, already past its date.
fn add_a_late_item(session: &Session, yesterday: &str) -> Result<()> {
    click(session, "back-to-client")?;
    session.wait_for_test_id("client-screen")?;
    click(session, "add-action")?;
    type_into(session, "action-what", LATE)?;
    set_date(session, "action-due-on", yesterday)?;
    click(session, "action-save")?;
    let row = row_containing(session, "action-row", LATE)?;
    assert!(session.text(&row)?.contains("期限切れ"));
    Ok(())
}

fn the_dashboard_names_both(session: &Session) -> Result<()> {
    click(session, "nav-home")?;
    session.wait_for_test_id("dashboard-screen")?;
    row_containing(session, "dashboard-overdue-action", LATE)?;
    row_containing(session, "dashboard-interview", CLIENT_NAME)?;
    wait_for_text(session, "dashboard-interviews-count", "1件")?;
    let follow_up = row_containing(session, "dashboard-follow-up", CLIENT_NAME)?;
    keep_screenshot(session, "dashboard")?;
    session.click(&follow_up)?;
    session.wait_for_test_id("client-screen")?;
    Ok(())
}

/// The follow-up opens with the open items beside the sheet; reviewing one records progress.
fn review_the_plan_in_the_follow_up(session: &Session) -> Result<()> {
    click(session, "add-interview")?;
    choose(session, "interview-kind", "フォローアップ")?;
    click(session, "interview-create")?;
    session.wait_for_test_id("interview-screen")?;
    row_containing(session, "action-row", DECIDED)?;
    // Open items come soonest due first: the late one leads.
    let review =
        session.wait_for("[data-testid=\"open-actions\"] [data-testid=\"action-add-progress\"]")?;
    session.click(&review)?;
    type_into(session, "progress-note", REVIEW)?;
    choose(session, "progress-status", "完了")?;
    click(session, "progress-save")?;
    row_containing(session, "progress-row", REVIEW)?;
    let done = row_containing(session, "action-row", REVIEW)?;
    assert_eq!(
        session.attribute(&done, "data-status")?.as_deref(),
        Some("done")
    );
    Ok(())
}

/// The report is drafted from the interviews, completed by the consultant, and saved as a PDF
/// in the folder the consultant chose after the warning that it is not encrypted: its text is
/// the report's and its fonts are embedded Japanese ones.
fn write_and_print_the_report(session: &Session) -> Result<()> {
    click(session, "back-to-client")?;
    session.wait_for_test_id("client-screen")?;
    click(session, "draft-report")?;
    session.wait_for_test_id("report-screen")?;
    wait_for_value_containing(session, "report-part-career_awareness", CAREER_ISSUE)?;
    wait_for_value_containing(session, "report-part-proposed_support", DECIDED)?;
    let support = session.wait_for_test_id("report-part-proposed_support")?;
    session.type_text(&support, &format!("{ENTER}{SUPPORT}"))?;
    wait_for_saved(session, "report-status-proposed_support")?;
    row_containing(session, "report-version", "下書き")?;

    click(session, "print-report")?;
    session.wait_for_test_id("report-document")?;
    row_containing(session, "report-document", SUPPORT)?;
    // The buttons wake once the report shown is known to be the stored one.
    session.wait_for("[data-testid=\"open-pdf-panel\"]:not([disabled])")?;
    keep_screenshot(session, "report")?;
    // A PDF is not encrypted: it goes only where the consultant chooses, after the warning.
    click(session, "open-pdf-panel")?;
    session.wait_for_test_id("pdf-warning")?;
    click(session, "pdf-choose-folder")?;
    row_containing(session, "pdf-folder", "報告書")?;
    click(session, "pdf-understood")?;
    session.wait_for("[data-testid=\"save-pdf\"]:not([disabled])")?;
    keep_screenshot(session, "report-pdf-panel")?;
    click(session, "save-pdf")?;
    let saved = session.wait_for_test_id("pdf-saved")?;
    let message = session.text(&saved)?;
    let path = message
        .split_once('：')
        .map(|(_, path)| path.trim().to_owned())
        .ok_or_else(|| format!("no path in {message:?}"))?;
    assert!(
        path.ends_with(".pdf") && !path.contains(CLIENT_NAME),
        "{path}"
    );
    assert!(
        path.contains("/home/報告書/"),
        "only the folder chosen: {path}"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the PDF holds client content: {mode:o}");
    }
    let text = command_output("pdftotext", &["-layout", &path, "-"])?;
    // pdftotext lays lines out as printed: compare without the spaces and breaks it adds.
    // Cairo maps each glyph back to the first code point the font gives it, and Noto CJK
    // shares glyphs between kanji and their Kangxi radicals (支 and ⽀), and between ・ and ‧:
    // NFKC folds the radicals back, the dot is folded by hand.
    let flat: String = text
        .nfkc()
        .map(|c| if c == '\u{2027}' { '・' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect();
    for expected in [
        "個別報告書",
        "取扱注意",
        PROGRAM,
        "佐藤花子",
        CAREER_ISSUE,
        DECIDED,
        SUPPORT,
    ] {
        let expected: String = expected.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            flat.contains(&expected),
            "the PDF lacks {expected}:\n{text}"
        );
    }
    let fonts = command_output("pdffonts", &[&path])?;
    assert!(
        fonts.contains("IPAexMincho") && fonts.contains("IPAexGothic"),
        "the PDF embeds no Japanese Mincho and Gothic fonts:\n{fonts}"
    );
    click(session, "back-to-report")?;
    session.wait_for_test_id("report-screen")?;
    Ok(())
}

/// Sharing needs consent: with none there is nothing to share; the consent is recorded from
/// its explanation sheet; the summary is written and previewed; a part outside the consent
/// keeps the export closed; the package goes to the Downloads folder, and the reference `age`
/// opens it into a ZIP whose HTML holds the summary and not the notes.
fn share_with_consent(session: &Session) -> Result<()> {
    click(session, "back-to-client")?;
    // Without consent there is nothing to share: the list has loaded, and offers no sharing.
    session.wait_for_test_id("consents-none")?;
    assert!(session
        .find_all("[data-testid=\"share-consent\"]")?
        .is_empty());
    click(session, "new-consent")?;
    session.wait_for_test_id("consent-screen")?;
    type_into(session, "consent-recipient-name", "人事部 山本様")?;
    click(session, "consent-part-action_plan")?;
    type_into(session, "consent-purpose", "異動の検討のため")?;
    click(session, "make-consent-sheet")?;
    row_containing(session, "consent-sheet", "人事担当者：人事部 山本様")?;
    session
        .execute("document.querySelector('[data-testid=\"consent-sheet\"]').scrollIntoView();")?;
    keep_screenshot(session, "consent-sheet")?;
    click(session, "grant-consent")?;
    session.wait_for_test_id("client-screen")?;
    wait_for_text(session, "consent-state", "有効")?;
    click(session, "share-consent")?;
    session.wait_for_test_id("share-screen")?;
    type_into(session, "share-summary", HR_SUMMARY)?;
    wait_for_saved(session, "share-summary-status")?;
    row_containing(session, "preview-summary", HR_SUMMARY)?;
    row_containing(session, "preview-action_plan", DECIDED)?;
    // A part the client did not consent to: named, and the export stays closed.
    click(session, "share-part-strengths")?;
    row_containing(session, "share-uncovered", "強み・実績")?;
    session.wait_for("[data-testid=\"share-export-button\"][disabled]")?;
    click(session, "share-part-strengths")?;
    session.wait_until("the refusal to clear", || {
        Ok(session
            .find_all("[data-testid=\"share-uncovered\"]")?
            .is_empty()
            .then_some(()))
    })?;
    let keys = tempfile::tempdir()?;
    let identity = keys.path().join("hr.key");
    command_output("age-keygen", &["-o", &identity.to_string_lossy()])?;
    let public = command_output("age-keygen", &["-y", &identity.to_string_lossy()])?;
    type_into(session, "share-keys", public.trim())?;
    session
        .execute("document.querySelector('[data-testid=\"summary-preview\"]').scrollIntoView();")?;
    keep_screenshot(session, "export-preview")?;
    session.wait_for("[data-testid=\"share-export-button\"]:not([disabled])")?;
    click(session, "share-export-button")?;
    let exported = session.wait_for_test_id("share-exported")?;
    let path = session
        .attribute(&exported, "data-path")?
        .ok_or("no path on the export message")?;
    assert!(
        path.ends_with(".age") && !path.contains(CLIENT_NAME),
        "{path}"
    );
    let html = opened_member(&identity, &path, "summary.html")?;
    assert!(
        html.contains(HR_SUMMARY) && html.contains(DECIDED),
        "{html}"
    );
    assert!(
        !html.contains(WORRY),
        "the notes left in the package:\n{html}"
    );
    click(session, "nav-records")?;
    row_containing(session, "provision-records", "人事部 山本様")?;
    let verdict = session.wait_for_test_id("audit-verdict")?;
    assert_eq!(
        session.attribute(&verdict, "data-state")?.as_deref(),
        Some("intact")
    );
    // The whole vault, backed up into Downloads to the recovery key (the default: it restores
    // even with the passphrase forgotten): an age file, for this user only.
    click(session, "backup-start")?;
    let written = session.wait_for_test_id("backup-written")?;
    let backup = session
        .attribute(&written, "data-path")?
        .ok_or("no path on the backup message")?;
    let bytes = std::fs::read(&backup)?;
    assert!(
        bytes.starts_with(b"age-encryption.org/v1\n-> X25519 "),
        "{backup}"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup)?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{backup}: {mode:o}");
    }
    row_containing(session, "audit-entries", "バックアップ")?;
    keep_screenshot(session, "records")?;
    Ok(())
}

/// Colleagues of the client in the same program: 営業部 of two, 開発部 of two; with the client,
/// who has no department, alone in 「その他」.
const COLLEAGUES: [(&str, &str, &str); 4] = [
    ("伊藤 一郎", "いとう いちろう", "営業部"),
    ("上田 二郎", "うえだ じろう", "営業部"),
    ("江藤 三郎", "えとう さぶろう", "開発部"),
    ("小野 四郎", "おの しろう", "開発部"),
];
const FINDINGS: &str = "中堅層を中心に、今後のキャリアの方向性への関心が高い。";

fn add_a_colleague(session: &Session, (name, kana, department): (&str, &str, &str)) -> Result<()> {
    click(session, "nav-clients")?;
    click(session, "add-client")?;
    type_into(session, "client-name", name)?;
    type_into(session, "client-kana", kana)?;
    choose(session, "client-company", COMPANY)?;
    let program = session.wait_for("[data-testid^=\"client-program-\"]")?;
    session.click(&program)?;
    type_into(session, "client-department", department)?;
    choose(session, "client-age-band", "30代")?;
    click(session, "client-save")?;
    session.wait_for_test_id("client-name-heading")?;
    click(session, "add-interview")?;
    click(session, "interview-create")?;
    session.wait_for_test_id("interview-screen")?;
    click(session, "mark-held")?;
    session.wait_for_test_id("interview-held-badge")?;
    click(session, "topics-toggle")?;
    click(session, "topic-theme-career_direction")?;
    click(session, "topic-issue-workload")?;
    wait_for_text(session, "topics-count", "（2件）")?;
    Ok(())
}

/// The program's overall report: colleagues interviewed and classified, k set to 2, findings
/// that name the client refused, the report previewed with its small groups hidden, exported
/// and opened with the reference `age`.
fn report_on_the_program(session: &Session) -> Result<()> {
    for colleague in COLLEAGUES {
        add_a_colleague(session, colleague)?;
    }
    click(session, "nav-companies")?;
    let company = row_containing(session, "company-row", COMPANY)?;
    session.click(&company)?;
    let program = row_containing(session, "program-row", PROGRAM)?;
    session.click(&program)?;
    click(session, "edit-program")?;
    type_into(session, "program-k", "2")?;
    click(session, "program-save")?;
    session.wait_for_test_id("edit-program")?;
    click(session, "open-overall-report")?;
    session.wait_for_test_id("overall-screen")?;
    type_into(session, "overall-findings", "佐藤さんは異動を迷っている。")?;
    row_containing(session, "overall-identifiers", "佐藤")?;
    session.wait_for("[data-testid=\"overall-export-button\"][disabled]")?;
    type_into(session, "overall-findings", FINDINGS)?;
    wait_for_saved(session, "overall-findings-status")?;
    session.wait_until("the identifiers to clear", || {
        Ok(session
            .find_all("[data-testid=\"overall-identifiers\"]")?
            .is_empty()
            .then_some(()))
    })?;
    // 営業部 and 開発部 are two each; the client, without a department, is fewer than k alone:
    // 開発部 joins them in 「その他」, and its name shows nowhere.
    let people = row_containing(session, "overall-table-department-participation", "営業部")?;
    let text = session.text(&people)?;
    assert!(
        text.contains("その他") && !text.contains("開発部"),
        "{text}"
    );
    assert!(!text.contains(CLIENT_NAME), "{text}");
    session
        .execute("document.querySelector('[data-testid=\"overall-preview\"]').scrollIntoView();")?;
    keep_screenshot(session, "overall-report")?;
    let keys = tempfile::tempdir()?;
    let identity = keys.path().join("management.key");
    command_output("age-keygen", &["-o", &identity.to_string_lossy()])?;
    let public = command_output("age-keygen", &["-y", &identity.to_string_lossy()])?;
    type_into(session, "overall-keys", public.trim())?;
    click(session, "overall-export-button")?;
    let exported = session.wait_for_test_id("overall-exported")?;
    let path = session
        .attribute(&exported, "data-path")?
        .ok_or("no path on the export message")?;
    let html = opened_member(&identity, &path, "overall-report.html")?;
    assert!(html.contains(FINDINGS) && html.contains("<svg"), "{html}");
    assert!(
        !html.contains("開発部"),
        "a merged department named in the report"
    );
    for (name, _, _) in COLLEAGUES.iter().chain([&(CLIENT_NAME, "", "")]) {
        assert!(!html.contains(name), "{name} in the overall report");
    }
    Ok(())
}

/// One file of a package, as its recipient opens it: `age -d` with their identity, then unzip.
fn opened_member(identity: &std::path::Path, package: &str, member: &str) -> Result<String> {
    let dir = tempfile::tempdir()?;
    let zip = dir.path().join("package.zip");
    command_output(
        "age",
        &[
            "-d",
            "-i",
            &identity.to_string_lossy(),
            "-o",
            &zip.to_string_lossy(),
            package,
        ],
    )?;
    command_output("unzip", &["-p", &zip.to_string_lossy(), member])
}

/// What a command printed, or why it failed.
fn command_output(program: &str, args: &[&str]) -> Result<String> {
    let output = std::process::Command::new(program).args(args).output()?;
    if !output.status.success() {
        return Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

fn search_two_characters(session: &Session) -> Result<()> {
    type_into(session, "search-input", "上司")?;
    click(session, "search-submit")?;
    session.wait_for_test_id("search-screen")?;
    let hit = row_containing(session, "search-hit", "関係に悩んでいる")?;
    assert!(!session
        .find_all("[data-testid=\"search-mark\"]")?
        .is_empty());
    keep_screenshot(session, "search")?;
    session.click(&hit)?;
    session.wait_for_test_id("interview-screen")?;
    Ok(())
}

fn erase_the_client(session: &Session) -> Result<()> {
    click(session, "back-to-client")?;
    session.wait_for_test_id("client-screen")?;
    click(session, "erase-start")?;
    type_into(session, "erase-confirmation", "佐藤")?;
    click(session, "erase-confirm")?;
    session.wait_for_test_id("erase-error")?;
    type_into(session, "erase-confirmation", CLIENT_NAME)?;
    click(session, "erase-confirm")?;
    session.wait_for_test_id("client-list-screen")?;
    // The colleagues of the overall report stay; the client is gone.
    session.wait_until("the client to leave the list", || {
        let rows = session.find_all("[data-testid=\"client-row\"]")?;
        let mut names = Vec::new();
        for row in &rows {
            names.push(session.text(row)?);
        }
        Ok((names.len() == COLLEAGUES.len()
            && !names.iter().any(|name| name.contains(CLIENT_NAME)))
        .then_some(()))
    })?;
    type_into(session, "search-input", "上司")?;
    click(session, "search-submit")?;
    session.wait_for_test_id("search-none")?;
    assert!(session.find_all("[data-testid=\"search-hit\"]")?.is_empty());
    // The client's two interviews held today were on the dashboard: they are gone with the
    // client, and the colleagues' four stay.
    click(session, "nav-home")?;
    wait_for_text(session, "dashboard-interviews-count", "4件")?;
    for interview in session.find_all("[data-testid=\"dashboard-interview\"]")? {
        assert!(!session.text(&interview)?.contains(CLIENT_NAME));
    }
    Ok(())
}

fn journey(harness: &Harness) -> Result<()> {
    let session = harness.launch()?;
    set_up_the_vault(&session, PASSPHRASE, |_, _| Ok(()))?;
    crate::processes::no_process_of_the_app_dumps_its_memory(harness)?;
    let today = local_date(&session, 0)?;
    let yesterday = local_date(&session, -1)?;
    add_the_client(&session)?;
    hold_the_first_interview(&session, &today)?;
    add_a_late_item(&session, &yesterday)?;
    the_dashboard_names_both(&session)?;
    review_the_plan_in_the_follow_up(&session)?;
    write_and_print_the_report(&session)?;
    share_with_consent(&session)?;
    report_on_the_program(&session)?;
    search_two_characters(&session)?;
    erase_the_client(&session)?;
    session.end()
}

#[test]
fn a_plan_is_followed_up_found_and_erased() -> Result<()> {
    let harness = Harness::start()?;
    journey(&harness).map_err(|error| {
        format!(
            "{error}\n--- tauri-driver and app output ---\n{}",
            harness.driver_log()
        )
        .into()
    })
}
