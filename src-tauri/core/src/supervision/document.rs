//! The supervision report as it is sent: its JSON document and its HTML page.

use serde::Serialize;

use crate::client::AgeBand;
use crate::interview::InterviewKind;
use crate::package::Page;
use crate::report::{ReportPart, ReportParts};

/// The `format` of a supervision report's JSON document.
pub const SUPERVISION_FORMAT: &str = "kizuki-supervision-report";

/// An individual report as a supervisor receives it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupervisionDocument {
    /// [`SUPERVISION_FORMAT`].
    pub format: String,
    /// The document's version (the package format's).
    pub version: u32,
    /// Whether the client is named only by Kizuki's reference, with identifying words masked.
    pub pseudonymised: bool,
    /// Whom it is about, as far as the supervisor may know.
    pub client: SupervisionClient,
    /// The program.
    pub program: String,
    /// The interviews reported on: kinds and days.
    pub interviews: Vec<SupervisionInterview>,
    /// The report's four parts; a part left out is empty.
    pub parts: ReportParts,
    /// The parts a named report leaves out because its consent does not cover them (never
    /// any when pseudonymised).
    pub left_out: Vec<ReportPart>,
    /// What the consultant asks the supervisor.
    pub question: Option<String>,
    /// The consent that lets the report name the client (`KZC-<id>`), if any.
    pub consent: Option<String>,
    /// The supervisor that consent names.
    pub recipient: Option<String>,
    /// The reference the supervisor's comments come back with (`KZS-<n>`), given at export:
    /// absent in the preview.
    pub regarding: Option<String>,
}

crate::text::debug_without_content!(SupervisionDocument, pseudonymised);
crate::text::debug_without_content!(SupervisionClient, reference, age_band);

/// The client as the supervisor sees them.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupervisionClient {
    /// The name, or 「相談者（P-7KQ2MX）」 when pseudonymised.
    pub label: String,
    /// Kizuki's reference (`KZ-<id>`) when named; pseudonymised, a pseudonym drawn afresh for
    /// each package (the preview shows `P-••••••`), so no two packages, and nothing HR holds,
    /// can be joined. The supervisor's comments come back by the package's `regarding`.
    pub reference: String,
    /// Only when named.
    pub department: Option<String>,
    /// Only when named.
    pub role: Option<String>,
    /// Only when named.
    pub company: Option<String>,
    /// The age band.
    pub age_band: Option<AgeBand>,
}

/// An interview reported on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupervisionInterview {
    /// Its kind.
    pub kind: InterviewKind,
    /// The day it was held.
    pub held_on: String,
}

fn kind_label(kind: InterviewKind) -> &'static str {
    match kind {
        InterviewKind::Initial => "初回面談",
        InterviewKind::FollowUp => "フォローアップ面談",
        InterviewKind::Additional => "追加面談",
        InterviewKind::BossConsultation => "上司へのコンサルテーション",
        InterviewKind::Supervision => "スーパービジョン",
    }
}

/// The report as the package's HTML page, in Japanese.
pub(crate) fn html(document: &SupervisionDocument) -> String {
    let mut page = Page::new(&format!(
        "スーパービジョン用報告書 {}",
        document.client.reference
    ));
    page.notice(if document.pseudonymised {
        "取扱注意・仮名化済み"
    } else {
        "取扱注意・本人同意に基づく提供"
    });
    page.heading(1, "スーパービジョン用報告書");
    let client = &document.client;
    let mut facts = vec![("相談者", client.label.clone())];
    for (term, value) in [
        ("所属", &client.department),
        ("役職", &client.role),
        ("企業", &client.company),
    ] {
        if let Some(value) = value {
            facts.push((term, value.clone()));
        }
    }
    if let Some(band) = client.age_band {
        facts.push(("年代", band.document_label().to_owned()));
    }
    facts.push(("実施プログラム", document.program.clone()));
    let held: Vec<String> = document
        .interviews
        .iter()
        .map(|interview| format!("{} {}", interview.held_on, kind_label(interview.kind)))
        .collect();
    facts.push(("面談", held.join("、")));
    if let Some(consent) = &document.consent {
        facts.push(("同意", consent.clone()));
    }
    if let Some(recipient) = &document.recipient {
        facts.push(("提供先", recipient.clone()));
    }
    if let Some(regarding) = &document.regarding {
        facts.push(("参照番号（コメントに記入）", regarding.clone()));
    }
    page.facts(&facts);
    if let Some(question) = &document.question {
        page.heading(2, "スーパーバイザーへの相談事項");
        page.text(question);
    }
    for (title, part) in [
        ("キャリア意識上の課題", ReportPart::CareerAwareness),
        ("職場環境", ReportPart::Workplace),
        ("組織的な課題", ReportPart::Organisational),
        ("支援の提案", ReportPart::ProposedSupport),
    ] {
        page.heading(2, title);
        let part_text = document.parts.part(part);
        if document.left_out.contains(&part) {
            page.muted("（本人の同意の範囲外のため含めていません）");
        } else if part_text.trim().is_empty() {
            page.muted("（記載なし）");
        } else {
            page.text(part_text);
        }
    }
    page.muted(if document.pseudonymised {
        "氏名・所属など相談者を特定できる情報は除き、本文中の該当語は「〇〇」に置き換えています。スーパービジョンの目的にのみ使用してください。"
    } else {
        "この文書は本人の同意の範囲で提供されたものです。スーパービジョンの目的にのみ使用してください。"
    });
    page.finish()
}
