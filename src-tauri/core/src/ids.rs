//! One id type per entity, so that the compiler refuses a client id where an interview id is
//! wanted. Each is a SQLite rowid: serde and sqlx see a bare integer, TypeScript a number.

/// Declares an id newtype; every id is made here, by this one macro.
macro_rules! id_types {
    ($($(#[doc = $doc:literal])* $name:ident),* $(,)?) => {$(
        $(#[doc = $doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, sqlx::Type,
        )]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map(Self)
            }
        }
    )*};
}

id_types!(
    /// A client company (顧客企業).
    CompanyId,
    /// A program (実施プログラム) of a company.
    ProgramId,
    /// An HR contact of a program.
    ContactId,
    /// A client (相談者).
    ClientId,
    /// An interview (面談).
    InterviewId,
    /// A section of a program's interview-sheet template.
    TemplateSectionId,
    /// A section of one interview's sheet, as it was when the interview was created.
    SheetSectionId,
    /// A pre-interview questionnaire (「3年後に目指す自分」).
    QuestionnaireId,
    /// A flag that needs care.
    FlagId,
    /// One kept amendment of a held interview.
    AmendmentId,
    /// An item of a client's action plan (アクションプラン).
    ActionItemId,
    /// A dated progress note on an action item.
    ProgressNoteId,
    /// An individual report (個別報告書) of a client in a program.
    ReportId,
    /// One kept version of an individual report.
    ReportVersionId,
    /// A package received into the inbox (a supervisor's comments).
    InboxItemId,
    /// A client's consent (同意) to share with one recipient.
    ConsentId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_a_bare_number_on_the_wire() -> Result<(), serde_json::Error> {
        assert_eq!(serde_json::to_string(&ClientId(7))?, "7");
        assert_eq!(serde_json::from_str::<InterviewId>("12")?, InterviewId(12));
        Ok(())
    }
}
