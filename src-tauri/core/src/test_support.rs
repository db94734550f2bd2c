//! Shared set-up for the core's tests: real vaults in temporary directories.

use std::path::Path;

use age::secrecy::SecretString;

use crate::vault::key::KdfCost;
use crate::vault::{RecoveryKey, Vault};

/// The passphrase every test vault is created with.
pub(crate) const PASSPHRASE: &str = "やまのうえのいけ";

pub(crate) fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

/// This test binary run again for the one test `name`, its output shown: how a test puts part
/// of itself in another process, to be killed or to run inside a namespace. `wrapper` (such as
/// `unshare --mount`) runs it, when given.
#[cfg(unix)]
pub(crate) fn this_test_again(
    name: &str,
    wrapper: &[&str],
) -> std::io::Result<std::process::Command> {
    let test_binary = std::env::current_exe()?;
    let mut command = match wrapper.split_first() {
        Some((program, arguments)) => {
            let mut command = std::process::Command::new(program);
            command.args(arguments).arg(&test_binary);
            command
        }
        None => std::process::Command::new(&test_binary),
    };
    command.args(["--exact", name, "--nocapture", "--test-threads=1"]);
    Ok(command)
}

/// A new, unlocked vault in `dir`, with a low scrypt cost (never used by the product).
pub(crate) async fn new_vault(dir: &Path) -> (Vault, RecoveryKey) {
    match Vault::create_with_cost(dir, &secret(PASSPHRASE), KdfCost::Fixed(10)).await {
        Ok(created) => created,
        Err(error) => panic!("creating a test vault failed: {error}"),
    }
}

/// Fixtures: the smallest valid records, built through the public functions.
pub(crate) mod fixtures {
    use crate::client::{self, ClientInput, ClientStatus};
    use crate::company::{self, CompanyInput};
    use crate::ids::{ClientId, CompanyId, InterviewId, ProgramId};
    use crate::interview::{self, InterviewDetails, InterviewKind, NewInterview};
    use crate::program::{self, ProgramInput};
    use crate::vault::Vault;

    pub(crate) type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

    pub(crate) async fn company(vault: &Vault, name: &str) -> TestResult<CompanyId> {
        let input = CompanyInput {
            name: name.to_owned(),
        };
        Ok(company::create(vault, &input).await?.id)
    }

    pub(crate) fn program_input(company_id: CompanyId, name: &str) -> ProgramInput {
        ProgramInput {
            company_id,
            name: name.to_owned(),
            starts_on: "2026-04-01".to_owned(),
            ends_on: "2027-03-31".to_owned(),
            purpose: Some("社員一人ひとりのキャリア自律を支援する".to_owned()),
            theme: Some("3年後に目指す自分".to_owned()),
            anonymity_k: None,
            follow_up_after_days: None,
            contacts: Vec::new(),
        }
    }

    pub(crate) async fn program(vault: &Vault, company_id: CompanyId) -> TestResult<ProgramId> {
        let input = program_input(company_id, "2026年度 セルフ・キャリアドック");
        Ok(program::create(vault, &input).await?.id)
    }

    pub(crate) fn client_input(company_id: CompanyId, name: &str, kana: &str) -> ClientInput {
        ClientInput {
            company_id: Some(company_id),
            name: name.to_owned(),
            name_kana: kana.to_owned(),
            employee_number: None,
            department: None,
            role: None,
            age_band: None,
            years_at_company: None,
            job_content: None,
            desired_career: None,
            tags: Vec::new(),
            status: ClientStatus::Active,
            program_ids: Vec::new(),
        }
    }

    pub(crate) async fn client(vault: &Vault, company_id: CompanyId) -> TestResult<ClientId> {
        named_client(vault, company_id, "高橋 美咲", "たかはし みさき").await
    }

    pub(crate) async fn named_client(
        vault: &Vault,
        company_id: CompanyId,
        name: &str,
        kana: &str,
    ) -> TestResult<ClientId> {
        Ok(client::create(vault, &client_input(company_id, name, kana))
            .await?
            .id)
    }

    pub(crate) fn details(program_id: Option<ProgramId>, scheduled_at: &str) -> InterviewDetails {
        InterviewDetails {
            program_id,
            kind: InterviewKind::Initial,
            scheduled_at: Some(scheduled_at.to_owned()),
            held_at: None,
            duration_minutes: Some(50),
            place: None,
            purpose: None,
            theme: None,
            follow_up_due_on: None,
        }
    }

    pub(crate) async fn interview(
        vault: &Vault,
        client_id: ClientId,
        program_id: Option<ProgramId>,
    ) -> TestResult<InterviewId> {
        let new_interview = NewInterview {
            client_id,
            details: details(program_id, "2026-11-21T10:00"),
            notes: None,
        };
        Ok(interview::create(vault, &new_interview).await?.id)
    }

    /// A new interview (outside any program, not yet held) with `notes`, as the core returns it.
    #[cfg(unix)]
    pub(crate) async fn interview_with_notes(
        vault: &Vault,
        client_id: ClientId,
        notes: &str,
    ) -> crate::record::Result<crate::interview::Interview> {
        interview::create(
            vault,
            &NewInterview {
                client_id,
                details: details(None, "2026-11-21T10:00"),
                notes: Some(notes.to_owned()),
            },
        )
        .await
    }

    /// An interview held at `at` (outside any program), with `notes` if given.
    pub(crate) async fn held_interview(
        vault: &Vault,
        client_id: ClientId,
        at: &str,
        notes: Option<&str>,
    ) -> TestResult<InterviewId> {
        let new_interview = NewInterview {
            client_id,
            details: InterviewDetails {
                held_at: Some(at.to_owned()),
                ..details(None, at)
            },
            notes: notes.map(str::to_owned),
        };
        Ok(interview::create(vault, &new_interview).await?.id)
    }
}
