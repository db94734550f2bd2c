//! What an interview was about, classified from fixed lists: the themes the client brought
//! (相談テーマ) and the organisational issues it showed (組織的課題). The overall report counts
//! these codes, so that it never needs the notes themselves.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::ids::InterviewId;
use crate::record::Result;
use crate::vault::Vault;

/// Declares a fixed list of codes: the enum, its every member in order, and its Japanese
/// label as the overall report prints it.
macro_rules! code_list {
    ($(#[$meta:meta])* $name:ident { $($(#[doc = $doc:literal])* $member:ident => $label:literal,)* }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            sqlx::Type,
        )]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        #[sqlx(rename_all = "snake_case")]
        pub enum $name {
            $($(#[doc = $doc])* $member,)*
        }

        impl $name {
            /// Every member, in the order reports list them.
            pub const ALL: &'static [Self] = &[$(Self::$member,)*];

            /// The label the overall report prints.
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$member => $label,)*
                }
            }
        }
    };
}

code_list!(
    /// A theme the client brought to an interview (相談テーマ).
    Theme {
        /// Where their career goes from here.
        CareerDirection => "今後のキャリアの方向性",
        /// Developing skills, learning, qualifications.
        Skills => "能力開発・学び直し",
        /// The work itself and its meaning.
        JobContent => "仕事内容・やりがい",
        /// Relationships at work.
        Relationships => "職場の人間関係",
        /// The relationship with their boss.
        Boss => "上司との関係",
        /// Transfers and placement.
        Placement => "異動・配置",
        /// Evaluation, pay and grade.
        Evaluation => "評価・処遇",
        /// Work alongside childcare, care or private life.
        WorkLife => "仕事と生活の両立",
        /// Physical and mental health.
        Health => "心身の健康",
        /// Working in later career and after retirement age.
        LaterCareer => "定年後・シニア期の働き方",
    }
);

code_list!(
    /// An organisational issue an interview showed (組織的課題).
    IssueCategory {
        /// How managers lead and support.
        Management => "上司のマネジメント・支援",
        /// Communication in the workplace.
        Communication => "職場のコミュニケーション",
        /// Workload and working hours.
        Workload => "業務量・労働時間",
        /// The evaluation and pay system.
        EvaluationSystem => "評価・処遇制度",
        /// Training and development opportunities.
        Development => "育成・研修の機会",
        /// Placement, transfers and career paths.
        CareerPath => "配置・異動・キャリアパス",
        /// Flexible work and support for balancing work and life.
        FlexibleWork => "働き方・両立支援の制度",
        /// How the company's direction and information are shared.
        Direction => "方針・情報の共有",
    }
);

impl Theme {
    /// Whether saying that someone brought this theme tells something about their health,
    /// their family, or harm done to them at work (harassment is brought as a matter of the
    /// boss or of relationships): the overall report holds such figures to a stricter rule.
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            Self::Health | Self::WorkLife | Self::Boss | Self::Relationships
        )
    }
}

impl IssueCategory {
    /// Whether the issue stands for a sensitive theme of the person who showed it: how their
    /// boss manages them (harassment is brought as a matter of the boss), and the support to
    /// balance work and family.
    pub fn is_sensitive(self) -> bool {
        matches!(self, Self::Management | Self::FlexibleWork)
    }
}

/// An interview's classification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Topics {
    /// The themes the client brought, in list order.
    pub themes: Vec<Theme>,
    /// The organisational issues it showed, in list order.
    pub issues: Vec<IssueCategory>,
}

/// An interview's classification.
pub async fn get(vault: &Vault, id: InterviewId) -> Result<Topics> {
    let mut tx = vault.read().await?;
    super::store::get(&mut tx, id).await?;
    read(&mut tx, id).await
}

/// Replaces an interview's classification (the UI saves each tick as it is made).
pub async fn set(vault: &Vault, id: InterviewId, topics: &Topics) -> Result<Topics> {
    let mut tx = vault.write().await?;
    super::store::get(&mut tx, id).await?;
    sqlx::query("DELETE FROM interview_themes WHERE interview_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM interview_issues WHERE interview_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for theme in &topics.themes {
        sqlx::query("INSERT OR IGNORE INTO interview_themes (interview_id, theme) VALUES (?, ?)")
            .bind(id)
            .bind(theme)
            .execute(&mut *tx)
            .await?;
    }
    for issue in &topics.issues {
        sqlx::query("INSERT OR IGNORE INTO interview_issues (interview_id, issue) VALUES (?, ?)")
            .bind(id)
            .bind(issue)
            .execute(&mut *tx)
            .await?;
    }
    let stored = read(&mut tx, id).await?;
    tx.commit().await?;
    Ok(stored)
}

async fn read(conn: &mut SqliteConnection, id: InterviewId) -> Result<Topics> {
    let mut themes: Vec<Theme> =
        sqlx::query_scalar("SELECT theme FROM interview_themes WHERE interview_id = ?")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let mut issues: Vec<IssueCategory> =
        sqlx::query_scalar("SELECT issue FROM interview_issues WHERE interview_id = ?")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    themes.sort();
    issues.sort();
    Ok(Topics { themes, issues })
}
