import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { useSubmission } from "../../shared/useSubmission";
import { RecoveryKeyShown } from "../vault/RecoveryKeyShown";
import { PassphraseField } from "./PassphraseField";
import { securityKeys } from "./queries";

/** What one panel says and asks of the shell. */
export interface KeyIssueWords {
  title: string;
  hints: string[];
  passphraseLabel: string;
  submit: string;
  working: string;
  done: string;
}

/** The test ids of one panel's parts. */
export interface KeyIssueTestIds {
  panel: string;
  passphrase: string;
  error: string;
  submit: string;
  done: string;
}

/**
 * A step that takes the passphrase and gives a new recovery key, shown once here and kept in
 * this panel's state only until the consultant has put it away: a new recovery key, or a new
 * database key (which comes with one).
 */
export function KeyIssuePanel({
  words,
  testIds,
  issue,
}: {
  words: KeyIssueWords;
  testIds: KeyIssueTestIds;
  issue: (passphrase: string) => Promise<string>;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const [issued, setIssued] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { pending, error, run } = useSubmission({ sendsAgain: true });

  const submit = async () => {
    if (passphrase === "") {
      return;
    }
    setDone(false);
    await run(async () => {
      try {
        setIssued(await issue(passphrase));
        void queryClient.invalidateQueries({ queryKey: securityKeys.health() });
      } finally {
        setPassphrase("");
      }
    });
  };

  return (
    <section className="security-panel" data-testid={testIds.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{words.title}</h2>
      {words.hints.map((hint) => (
        <p key={hint} className="quiet">
          {hint}
        </p>
      ))}
      {issued === null ? (
        <ImeSafeForm className="vault-form" onSubmit={submit}>
          <PassphraseField
            label={words.passphraseLabel}
            value={passphrase}
            onChange={setPassphrase}
            disabled={pending}
            testId={testIds.passphrase}
          />
          <FormError error={error} testId={testIds.error} />
          <div className="vault-form__actions">
            <button
              type="submit"
              className="button button--primary"
              data-testid={testIds.submit}
              disabled={pending || passphrase === ""}
            >
              {words.submit}
            </button>
            {pending && (
              <span className="pending-text" role="status">
                {words.working}
              </span>
            )}
          </div>
        </ImeSafeForm>
      ) : (
        <RecoveryKeyShown
          recoveryKey={issued}
          onContinue={() => {
            setIssued(null);
            setDone(true);
          }}
        />
      )}
      {done && (
        <p className="security-panel__done" role="status" data-testid={testIds.done}>
          {words.done}
        </p>
      )}
    </section>
  );
}
