import { useTranslation } from "react-i18next";
import type { AppError } from "../ipc/appError";
import { fieldLabel } from "./fieldError";

interface FormErrorProps {
  error: AppError | null;
  testId?: string;
}

/**
 * An inline, translated error next to the form that caused it, naming the field at fault
 * when the core says which. Only the code is shown to the person: the shell's English
 * `message` is for developers and never displayed.
 */
export function FormError({ error, testId = "form-error" }: FormErrorProps) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  return (
    <p className="form-error" role="alert" data-testid={testId} data-code={error.code} data-field={error.field}>
      {t(`errors.${error.code}`, { field: fieldLabel(t, error.field) })}
    </p>
  );
}
