import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Questionnaire } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { SaveStatus } from "../interviews/autosave/SaveStatus";
import { textareaBindings, useAutosave } from "../interviews/autosave/useAutosave";
import { questionnaireQueries, useSaveQuestionnaire } from "./queries";
import "./questionnaires.css";

interface QuestionnairePanelProps {
  clientId: number;
  programId: number | null;
  /** Collapsed at first where the page has other work in front (the client page). */
  defaultOpen?: boolean;
}

/**
 * The pre-interview questionnaire 「3年後に目指す自分」, filled in before or during the
 * interview and kept beside the notes. Folding it keeps its text and its saving going.
 */
export function QuestionnairePanel({ clientId, programId, defaultOpen = true }: QuestionnairePanelProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const [open, setOpen] = useState(defaultOpen);
  const questionnaire = useQuery(questionnaireQueries.find(clientId, programId));

  return (
    <section className="questionnaire-panel" aria-label={t("questionnaire.title")} data-testid="questionnaire-panel">
      <div className="questionnaire-panel__bar">
        <h2 className="questionnaire-panel__title">{t("questionnaire.title")}</h2>
        <button
          type="button"
          className="link-button"
          data-testid="questionnaire-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => {
            setOpen(!open);
          }}
        >
          {open ? t("questionnaire.hide") : t("questionnaire.show")}
        </button>
      </div>
      <div id={bodyId} hidden={!open}>
        <FormError error={questionnaire.error} testId="questionnaire-load-error" />
        {questionnaire.isSuccess && (
          // Another program is another questionnaire: a fresh editor, never the old text saved there.
          <QuestionnaireFields
            key={`${clientId}:${programId ?? "none"}`}
            clientId={clientId}
            programId={programId}
            stored={questionnaire.data}
          />
        )}
      </div>
    </section>
  );
}

type Answers = Pick<Questionnaire, "skills" | "qualifications" | "incomeAndRole" | "privateLife">;
type Question = keyof Answers;

const QUESTIONS: readonly { key: Question; testId: string }[] = [
  { key: "skills", testId: "questionnaire-skills" },
  { key: "qualifications", testId: "questionnaire-qualifications" },
  { key: "incomeAndRole", testId: "questionnaire-income-and-role" },
  { key: "privateLife", testId: "questionnaire-private-life" },
];

const EMPTY: Answers = { skills: "", qualifications: "", incomeAndRole: "", privateLife: "" };

function sameAnswers(a: Answers, b: Answers): boolean {
  return QUESTIONS.every(({ key }) => a[key] === b[key]);
}

interface QuestionnaireFieldsProps {
  clientId: number;
  programId: number | null;
  stored: Questionnaire | null;
}

/** The four answers, saved together (the store keeps them as one record) as they are typed. */
function QuestionnaireFields({ clientId, programId, stored }: QuestionnaireFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { mutateAsync: save } = useSaveQuestionnaire();
  const autosave = useAutosave<Answers>({
    initial: stored
      ? {
          skills: stored.skills,
          qualifications: stored.qualifications,
          incomeAndRole: stored.incomeAndRole,
          privateLife: stored.privateLife,
        }
      : EMPTY,
    initialSavedAt: stored?.updatedAt ?? "",
    save: (answers) => save({ clientId, programId, ...answers }),
    equals: sameAnswers,
  });

  return (
    <div className="questionnaire-fields">
      {QUESTIONS.map(({ key, testId }) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>
            {t(`fields.${key}`)}
            <span className="questionnaire-fields__question">{t(`questionnaire.${key}`)}</span>
          </label>
          <textarea
            id={`${id}-${key}`}
            data-testid={testId}
            rows={2}
            spellCheck={false}
            {...textareaBindings(autosave, {
              get: (answers) => answers[key],
              set: (answers, text) => ({ ...answers, [key]: text }),
            })}
          />
        </div>
      ))}
      <SaveStatus snapshot={autosave.snapshot} testId="questionnaire-status" />
    </div>
  );
}
