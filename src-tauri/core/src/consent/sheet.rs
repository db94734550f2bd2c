//! The explanation and consent sheet (説明・同意書) the client reads and signs before a consent
//! is recorded: the purpose, the recipient, exactly which parts would be shared and which would
//! not, and the consultant's duty of confidentiality, in plain Japanese or English. The careers
//! consultants' code of ethics asks that purpose, scope and confidentiality be explained first.
//!
//! The sheet is made here, once, as headed sections of plain lines, and both front-ends lay
//! those out (the UI as a printable page, the CLI as text), so its wording cannot drift apart.

use serde::{Deserialize, Serialize};

use super::{ConsentInput, RecipientKind, SharePart, ValidConsent};
use crate::flag::FlagKind;
use crate::record::Result;
use crate::text;
use crate::vault::Vault;
use crate::{client, company, flag, program};

/// The language a sheet is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SheetLanguage {
    /// 日本語.
    Ja,
    /// English.
    En,
}

/// A headed section of the sheet.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConsentSheetSection {
    /// The heading.
    pub heading: String,
    /// Its lines, each a paragraph or a list item.
    pub lines: Vec<String>,
}

/// A whole sheet, ready to lay out.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConsentSheet {
    /// The language it is written in.
    pub language: SheetLanguage,
    /// The title.
    pub title: String,
    /// The sections, in reading order.
    pub sections: Vec<ConsentSheetSection>,
    /// The lines left for the client's signature and the day.
    pub signature: Vec<String>,
}

text::debug_without_content!(ConsentSheetSection);
text::debug_without_content!(ConsentSheet, language);

/// The sheet for a consent about to be recorded. It is checked as the consent itself would
/// be, so that a sheet is never printed for a consent that could not be recorded.
pub async fn sheet(
    vault: &Vault,
    input: &ConsentInput,
    language: SheetLanguage,
) -> Result<ConsentSheet> {
    let consent = input.validate()?;
    let mut tx = vault.read().await?;
    super::check_links(&mut tx, &consent).await?;
    let client = client::store::get(&mut tx, consent.client_id).await?;
    let company = match client.company_id {
        Some(id) => Some(company::store::get(&mut tx, id).await?.name),
        None => None,
    };
    let program = match consent.program_id {
        Some(id) => Some(program::store::get(&mut tx, id).await?.name),
        None => None,
    };
    let mut flags = Vec::new();
    for id in &consent.flag_ids {
        flags.push(flag::store::get(&mut tx, *id).await?);
    }
    let words = Words::of(language);
    let facts = Facts {
        client_name: client.name,
        department: client.department,
        company,
        program,
        flags,
    };
    Ok(compose(&consent, &facts, words, language))
}

struct Facts {
    client_name: String,
    department: Option<String>,
    company: Option<String>,
    program: Option<String>,
    flags: Vec<flag::Flag>,
}

fn compose(
    consent: &ValidConsent,
    facts: &Facts,
    words: &Words,
    language: SheetLanguage,
) -> ConsentSheet {
    let recipient = format!(
        "{}：{}",
        words.recipient_kind(consent.recipient_kind),
        consent.recipient_name
    );
    let mut who = vec![format!("{}{}", words.client, facts.client_name)];
    // The package names the client by name and department: the sheet says so.
    if let Some(department) = &facts.department {
        who.push(format!("{}{department}", words.department));
    }
    if let Some(company) = &facts.company {
        who.push(format!("{}{company}", words.company));
    }
    if let Some(program) = &facts.program {
        who.push(format!("{}{program}", words.program));
    }
    let mut shared: Vec<String> = consent
        .parts
        .iter()
        .map(|part| words.part(*part).to_owned())
        .collect();
    // A flag is shown as it would be sent: what the client agrees to is what they read.
    shared.extend(facts.flags.iter().map(|flag| words.flag(flag)));
    // What this recipient could be sent and is not: the client reads each part one by one.
    let mut not_shared: Vec<String> = SharePart::offered_to(consent.recipient_kind)
        .iter()
        .copied()
        .filter(|part| !consent.parts.contains(part))
        .map(|part| words.part(part).to_owned())
        .collect();
    not_shared.extend(words.never_shared.iter().map(|line| (*line).to_owned()));
    let period = match consent.expires_on {
        Some(last) => words.until(consent.granted_on, last),
        None => words.until_revoked(consent.granted_on),
    };
    ConsentSheet {
        language,
        title: words.title.to_owned(),
        sections: vec![
            section(words.about, who),
            section(words.recipient, vec![recipient]),
            section(words.purpose, vec![consent.purpose.clone()]),
            section(words.shared, shared),
            section(words.not_shared, not_shared),
            section(words.how, vec![words.how_line().to_owned()]),
            section(words.period, vec![period]),
            section(
                words.confidentiality,
                words
                    .promises
                    .iter()
                    .map(|line| (*line).to_owned())
                    .collect(),
            ),
        ],
        signature: words
            .signature
            .iter()
            .map(|line| (*line).to_owned())
            .collect(),
    }
}

fn section(heading: &str, lines: Vec<String>) -> ConsentSheetSection {
    ConsentSheetSection {
        heading: heading.to_owned(),
        lines,
    }
}

/// The sheet's wording in one language.
struct Words {
    title: &'static str,
    about: &'static str,
    client: &'static str,
    department: &'static str,
    company: &'static str,
    program: &'static str,
    recipient: &'static str,
    purpose: &'static str,
    shared: &'static str,
    not_shared: &'static str,
    never_shared: &'static [&'static str],
    how: &'static str,
    period: &'static str,
    confidentiality: &'static str,
    promises: &'static [&'static str],
    signature: &'static [&'static str],
}

const JA: Words = Words {
    title: "情報提供についての説明・同意書",
    about: "提供する文書に記載する相談者",
    client: "相談者：",
    department: "所属部署：",
    company: "所属企業：",
    program: "実施プログラム：",
    recipient: "提供先",
    purpose: "提供の目的",
    shared: "提供する内容（これ以外は提供しません）",
    not_shared: "提供しない内容",
    never_shared: &[
        "面談中のメモ、および上に挙げていない面談シートの記載",
        "上に挙げていない要配慮事項（心身の健康などに関すること）",
    ],
    how: "提供の方法",
    period: "同意の期間",
    confidentiality: "守秘義務とあなたの権利",
    promises: &[
        "キャリアコンサルタントには法律上の守秘義務があり、面談で話された内容は、あなたの同意なく第三者に伝えることはありません。",
        "同意するかどうかは自由です。同意しなくても、面談や支援で不利益を受けることはありません。",
        "同意はいつでも撤回できます。撤回した後は、撤回の日以降の提供は行いません。",
        "提供した日・提供先・提供した内容は記録し、法令に従って保管します。",
    ],
    signature: &[
        "上記の説明を受け、内容を理解したうえで、記載の範囲での情報提供に同意します。",
        "同意日：　　　　年　　月　　日",
        "相談者署名：",
        "説明したキャリアコンサルタント：",
    ],
};

const EN: Words = Words {
    title: "Explanation and consent to share information",
    about: "Whom the shared document names",
    client: "Client: ",
    department: "Department: ",
    company: "Company: ",
    program: "Program: ",
    recipient: "Recipient",
    purpose: "Purpose",
    shared: "What would be shared (nothing else is)",
    not_shared: "What would not be shared",
    never_shared: &[
        "The notes taken during interviews, and anything in the interview sheets not listed above",
        "Any sensitive matter (such as health) not listed above",
    ],
    how: "How it is shared",
    period: "How long the consent holds",
    confidentiality: "Confidentiality and your rights",
    promises: &[
        "Career consultants have a legal duty of confidentiality: what you said in interviews is not passed to anyone without your consent.",
        "Consenting is your choice. Declining will not affect your interviews or support in any way.",
        "You may withdraw your consent at any time; nothing is shared from the day you withdraw it.",
        "The date, the recipient and what was shared are recorded and kept as the law requires.",
    ],
    signature: &[
        "I have received the explanation above, understand it, and consent to sharing within the scope stated.",
        "Date:",
        "Client's signature:",
        "Consultant who explained:",
    ],
};

impl Words {
    fn of(language: SheetLanguage) -> &'static Words {
        match language {
            SheetLanguage::Ja => &JA,
            SheetLanguage::En => &EN,
        }
    }

    fn is_ja(&self) -> bool {
        std::ptr::eq(self, &JA)
    }

    fn recipient_kind(&self, kind: RecipientKind) -> &'static str {
        match (self.is_ja(), kind) {
            (true, RecipientKind::Hr) => "人事担当者",
            (true, RecipientKind::Boss) => "上司",
            (true, RecipientKind::Supervisor) => "スーパーバイザー（指導者）",
            (false, RecipientKind::Hr) => "HR contact",
            (false, RecipientKind::Boss) => "Your manager",
            (false, RecipientKind::Supervisor) => "Supervising consultant",
        }
    }

    fn part(&self, part: SharePart) -> &'static str {
        match (self.is_ja(), part) {
            (true, SharePart::Summary) => "キャリアコンサルタントが提供先向けに書く要約",
            (true, SharePart::Themes) => "面談のテーマ",
            (true, SharePart::ActionPlan) => {
                "アクションプラン（何を・どのように・いつまでに、進み具合）"
            }
            (true, SharePart::Strengths) => "強み・実績",
            (true, SharePart::Workplace) => "職場環境について",
            (true, SharePart::OrganisationalIssues) => "組織的な課題について",
            (true, SharePart::CareerAwareness) => "個別報告書の「キャリア意識上の課題」",
            (true, SharePart::ProposedSupport) => {
                "個別報告書の「支援の提案」（キャリアコンサルタントの支援方針）"
            }
            (false, SharePart::Summary) => "A summary the consultant writes for the recipient",
            (false, SharePart::Themes) => "The themes of the interviews",
            (false, SharePart::ActionPlan) => "The action plan (what, how, by when, progress)",
            (false, SharePart::Strengths) => "Strengths and achievements",
            (false, SharePart::Workplace) => "About the workplace environment",
            (false, SharePart::OrganisationalIssues) => "About organisational issues",
            (false, SharePart::CareerAwareness) => {
                "The individual report's career-awareness issues"
            }
            (false, SharePart::ProposedSupport) => {
                "The individual report's proposed support (the consultant's plan)"
            }
        }
    }

    fn flag(&self, flag: &flag::Flag) -> String {
        let kind = match (self.is_ja(), flag.kind) {
            (true, FlagKind::MentalHealth) => "心身の健康に関する事項",
            (true, FlagKind::LifeSafety) => "生命・安全に関する事項",
            (true, FlagKind::Organisational) => "組織としての対応が必要な事項",
            (false, FlagKind::MentalHealth) => "A matter of mental or physical health",
            (false, FlagKind::LifeSafety) => "A matter of life or safety",
            (false, FlagKind::Organisational) => "A matter needing the organisation's response",
        };
        let raised_on = flag.raised_on;
        let mut line = if self.is_ja() {
            format!("{kind}（{raised_on} に記録）：{}", flag.note)
        } else {
            format!("{kind} (recorded on {raised_on}): {}", flag.note)
        };
        if let Some(referred_to) = &flag.referred_to {
            line.push_str(&if self.is_ja() {
                format!("（紹介先：{referred_to}）")
            } else {
                format!(" (referred to {referred_to})")
            });
        }
        line
    }

    fn how_line(&self) -> &'static str {
        if self.is_ja() {
            "暗号化したファイルで、提供先だけが開けるようにして渡します。"
        } else {
            "As an encrypted file that only the recipient can open."
        }
    }

    fn until(&self, from: chrono::NaiveDate, last: chrono::NaiveDate) -> String {
        if self.is_ja() {
            format!("{from} から {last} まで（撤回した場合はその日まで）")
        } else {
            format!("From {from} to {last} (or until you withdraw it)")
        }
    }

    fn until_revoked(&self, from: chrono::NaiveDate) -> String {
        if self.is_ja() {
            format!("{from} から、撤回するまで")
        } else {
            format!("From {from} until you withdraw it")
        }
    }
}
