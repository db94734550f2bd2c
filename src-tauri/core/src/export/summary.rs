//! The HR summary (人事向けサマリー): what one client consented to share with one recipient,
//! gathered from the records, as the JSON document of a package and as its HTML page. The
//! preview shows this very value, so the consultant sees exactly what will be sent.

use serde::Serialize;
use sqlx::SqliteConnection;

use crate::action_plan::ActionStatus;
use crate::consent::{Consent, RecipientKind, SharePart};
use crate::flag::FlagKind;
use crate::ids::FlagId;
use crate::package::Page;
use crate::record::Result;
use crate::text;
use crate::{action_plan, client, flag, interview, program, sheet};

/// The `format` of a summary's JSON document.
pub const SUMMARY_FORMAT: &str = "kizuki-hr-summary";

/// A dated passage: a theme or a sheet section of one interview.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Dated {
    /// The day of the interview, `YYYY-MM-DD`.
    pub on: String,
    /// The text.
    pub text: String,
}

/// An action-plan item as shared.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SharedItem {
    /// What.
    pub what: String,
    /// How.
    pub how: Option<String>,
    /// By when, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// Where it stands.
    pub status: ActionStatus,
}

/// A flag as shared, one the consent names.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SharedFlag {
    /// Its kind.
    pub kind: FlagKind,
    /// The day it was raised.
    pub raised_on: String,
    /// The consultant's note.
    pub note: String,
    /// Who it was referred to.
    pub referred_to: Option<String>,
    /// The day it was handled.
    pub handled_on: Option<String>,
}

/// Whom the summary is about.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SummaryClient {
    /// Kizuki's reference, `KZ-<id>`.
    pub reference: String,
    /// The client's name.
    pub name: String,
    /// Their department.
    pub department: Option<String>,
}

/// The consent, as the document states it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SummaryConsent {
    /// `KZC-<id>`.
    pub reference: String,
    /// Who may receive.
    pub recipient_kind: RecipientKind,
    /// The recipient as named.
    pub recipient_name: String,
    /// What for.
    pub purpose: String,
    /// The day given.
    pub granted_on: String,
    /// Its last day.
    pub expires_on: Option<String>,
}

/// The whole summary: the JSON document of the package, and what the preview shows. A part
/// not included is absent, never empty.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SummaryDocument {
    /// [`SUMMARY_FORMAT`].
    pub format: String,
    /// The document's version (the package format's).
    pub version: u32,
    /// Whom it is about.
    pub client: SummaryClient,
    /// The program of the recipient, if any.
    pub program: Option<String>,
    /// The consent relied on.
    pub consent: SummaryConsent,
    /// The parts included, in order.
    pub parts: Vec<SharePart>,
    /// The summary written for the recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The interviews' themes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub themes: Option<Vec<Dated>>,
    /// The action plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_plan: Option<Vec<SharedItem>>,
    /// Strengths and achievements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strengths: Option<Vec<Dated>>,
    /// The workplace environment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workplace: Option<Vec<Dated>>,
    /// Organisational issues.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisational_issues: Option<Vec<Dated>>,
    /// The flags included, each one the consent names.
    pub flags: Vec<SharedFlag>,
}

text::debug_without_content!(SummaryDocument, parts);
text::debug_without_content!(Dated, on);
text::debug_without_content!(SharedItem, due_on, status);
text::debug_without_content!(SharedFlag, kind, raised_on);
text::debug_without_content!(SummaryClient, reference);
text::debug_without_content!(SummaryConsent, reference, recipient_kind, granted_on);

/// The sheet section a part is drawn from.
fn section_key(part: SharePart) -> Option<&'static str> {
    match part {
        SharePart::Strengths => Some("strengths"),
        SharePart::Workplace => Some("workplace"),
        SharePart::OrganisationalIssues => Some("organisational_issues"),
        _ => None,
    }
}

/// Gathers the parts and flags asked for. Parts are drawn from the client's held interviews
/// with them (in the consent's program, when it names one); nothing else is read.
pub(crate) async fn gather(
    conn: &mut SqliteConnection,
    consent: &Consent,
    parts: &[SharePart],
    flag_ids: &[FlagId],
    summary: &str,
) -> Result<SummaryDocument> {
    let client = client::store::get(&mut *conn, consent.client_id).await?;
    let program = match consent.program_id {
        Some(id) => Some(program::store::get(&mut *conn, id).await?.name),
        None => None,
    };
    let held =
        interview::store::held_with_client(&mut *conn, consent.client_id, consent.program_id)
            .await?;
    let has = |part| parts.contains(&part);
    let mut document = SummaryDocument {
        format: SUMMARY_FORMAT.to_owned(),
        version: crate::package::FORMAT_VERSION,
        client: SummaryClient {
            reference: format!("KZ-{}", client.id),
            name: client.name,
            department: client.department,
        },
        program,
        consent: SummaryConsent {
            reference: consent.reference(),
            recipient_kind: consent.recipient_kind,
            recipient_name: consent.recipient_name.clone(),
            purpose: consent.purpose.clone(),
            granted_on: consent.granted_on.to_string(),
            expires_on: consent.expires_on.map(|day| day.to_string()),
        },
        parts: SharePart::ALL
            .into_iter()
            .filter(|part| has(*part))
            .collect(),
        summary: has(SharePart::Summary).then(|| summary.to_owned()),
        themes: has(SharePart::Themes).then(|| {
            held.iter()
                .filter_map(|interview| {
                    let theme = interview.theme.as_deref()?.trim();
                    (!theme.is_empty()).then(|| Dated {
                        on: day(&interview.held_at),
                        text: theme.to_owned(),
                    })
                })
                .collect()
        }),
        action_plan: None,
        strengths: None,
        workplace: None,
        organisational_issues: None,
        flags: Vec::new(),
    };
    for part in [
        SharePart::Strengths,
        SharePart::Workplace,
        SharePart::OrganisationalIssues,
    ] {
        if !has(part) {
            continue;
        }
        let mut passages = Vec::new();
        for interview in &held {
            for section in sheet::store::sections(&mut *conn, interview.id).await? {
                let text = section.text.trim();
                if section.key.as_deref() == section_key(part) && !text.is_empty() {
                    passages.push(Dated {
                        on: day(&interview.held_at),
                        text: text.to_owned(),
                    });
                }
            }
        }
        *match part {
            SharePart::Strengths => &mut document.strengths,
            SharePart::Workplace => &mut document.workplace,
            _ => &mut document.organisational_issues,
        } = Some(passages);
    }
    if has(SharePart::ActionPlan) {
        let in_scope: Vec<_> = held.iter().map(|interview| interview.id).collect();
        let mut items: Vec<_> = action_plan::store::list(&mut *conn, consent.client_id)
            .await?
            .into_iter()
            // The items decided in the interviews the other parts draw on, and no others.
            .filter(|item| item.interview_id.is_some_and(|id| in_scope.contains(&id)))
            .collect();
        items.sort_by_key(|item| item.id);
        document.action_plan = Some(
            items
                .into_iter()
                .map(|item| SharedItem {
                    what: item.what,
                    how: item.how,
                    due_on: item.due_on.map(|day| day.to_string()),
                    status: item.status,
                })
                .collect(),
        );
    }
    for flag_id in flag_ids {
        let flag = flag::store::get(&mut *conn, *flag_id).await?;
        document.flags.push(SharedFlag {
            kind: flag.kind,
            raised_on: flag.raised_on.to_string(),
            note: flag.note,
            referred_to: flag.referred_to,
            handled_on: flag.handled_on.map(|day| day.to_string()),
        });
    }
    Ok(document)
}

fn day(moment: &str) -> String {
    moment.get(..10).unwrap_or(moment).to_owned()
}

fn recipient_label(kind: RecipientKind) -> &'static str {
    match kind {
        RecipientKind::Hr => "人事担当者",
        RecipientKind::Boss => "上司",
        RecipientKind::Supervisor => "スーパーバイザー",
    }
}

fn dated(page: &mut Page, passages: &[Dated]) {
    if passages.is_empty() {
        page.muted("（記載なし）");
    }
    for passage in passages {
        page.heading(3, &format!("【{}】", passage.on));
        page.text(&passage.text);
    }
}

/// The summary as the package's HTML page, in Japanese.
pub(crate) fn html(document: &SummaryDocument) -> String {
    let mut page = Page::new(&format!("人事向けサマリー {}", document.client.name));
    page.notice("取扱注意・本人同意に基づく提供");
    page.heading(1, "人事向けサマリー");
    let consent = &document.consent;
    let mut facts = vec![
        ("相談者", document.client.name.clone()),
        ("参照番号", document.client.reference.clone()),
    ];
    if let Some(department) = &document.client.department {
        facts.push(("所属", department.clone()));
    }
    if let Some(program) = &document.program {
        facts.push(("実施プログラム", program.clone()));
    }
    facts.push((
        "提供先",
        format!(
            "{}：{}",
            recipient_label(consent.recipient_kind),
            consent.recipient_name
        ),
    ));
    facts.push(("提供の目的", consent.purpose.clone()));
    let period = match &consent.expires_on {
        Some(last) => format!("{} 同意（{} まで有効）", consent.granted_on, last),
        None => format!("{} 同意", consent.granted_on),
    };
    facts.push(("同意", format!("{}（{}）", period, consent.reference)));
    page.facts(&facts);
    if let Some(summary) = &document.summary {
        page.heading(2, "要約");
        page.text(summary);
    }
    if let Some(themes) = &document.themes {
        page.heading(2, "面談のテーマ");
        dated(&mut page, themes);
    }
    if let Some(items) = &document.action_plan {
        page.heading(2, "アクションプラン");
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|item| {
                vec![
                    item.what.clone(),
                    item.how.clone().unwrap_or_default(),
                    item.due_on.clone().unwrap_or_default(),
                    item.status.document_label().to_owned(),
                ]
            })
            .collect();
        page.table(&["何を", "どのように", "いつまでに", "状況"], &rows);
    }
    for (title, passages) in [
        ("強み・実績", &document.strengths),
        ("職場環境", &document.workplace),
        ("組織的な課題", &document.organisational_issues),
    ] {
        if let Some(passages) = passages {
            page.heading(2, title);
            dated(&mut page, passages);
        }
    }
    if !document.flags.is_empty() {
        page.heading(2, "本人が提供に同意した要配慮事項");
        for flag in &document.flags {
            page.heading(
                3,
                &format!("{}（{}）", flag.kind.document_label(), flag.raised_on),
            );
            page.text(&flag.note);
            if let Some(referred_to) = &flag.referred_to {
                page.muted(&format!("紹介先：{referred_to}"));
            }
        }
    }
    page.muted("この文書は本人の同意の範囲で提供されたものです。目的外の利用や第三者への再提供はしないでください。");
    page.finish()
}
