import { useTranslation } from "react-i18next";
import type { InterviewKind } from "../../ipc/api";
import type { AppError } from "../../ipc/appError";
import { invalidProps } from "../../shared/fieldError";
import { INTERVIEW_KINDS } from "./moments";
import type { ProgramChoice } from "./queries";

interface ChoiceProps<T> {
  id: string;
  testId: string;
  value: T;
  onChange: (value: T) => void;
  disabled: boolean;
}

/** The interview's kind, as both the new-interview form and the details editor offer it. */
export function KindSelect({ id, testId, value, onChange, disabled }: ChoiceProps<InterviewKind>) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      data-testid={testId}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        onChange(event.target.value as InterviewKind);
      }}
    >
      {INTERVIEW_KINDS.map((option) => (
        <option key={option} value={option}>
          {t(`interview.kinds.${option}`)}
        </option>
      ))}
    </select>
  );
}

interface ProgramSelectProps extends ChoiceProps<number | null> {
  programs: ProgramChoice[];
  /** The form's error, to mark the select when it names the program. */
  error: AppError | null | undefined;
}

/** One of the client's programs, or none. */
export function ProgramSelect({ id, testId, value, onChange, disabled, programs, error }: ProgramSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      data-testid={testId}
      value={value ?? ""}
      disabled={disabled}
      onChange={(event) => {
        onChange(event.target.value === "" ? null : Number(event.target.value));
      }}
      {...invalidProps(error, "program")}
    >
      <option value="">{t("interviews.noProgram")}</option>
      {programs.map((program) => (
        <option key={program.id} value={program.id}>
          {program.name ?? `#${program.id}`}
        </option>
      ))}
    </select>
  );
}
