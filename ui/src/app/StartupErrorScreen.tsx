import { useTranslation } from "react-i18next";
import type { AppError } from "../ipc/appError";
import { FormError } from "../shared/FormError";

interface StartupErrorScreenProps {
  error: AppError;
  onRetry: () => void;
}

/** The shell could not even say what state the vault is in. */
export function StartupErrorScreen({ error, onRetry }: StartupErrorScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="vault-screen" data-testid="startup-error-screen">
      <h1>{t("startup.title")}</h1>
      <FormError error={error} />
      <div className="vault-form__actions">
        <button type="button" className="button" onClick={onRetry}>
          {t("startup.retry")}
        </button>
      </div>
    </main>
  );
}
