import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";

type ExportState = { step: "idle" } | { step: "saving" } | { step: "saved"; path: string } | { step: "failed"; error: AppError };

/**
 * Saves the follow-up dates as an .ics file for the consultant's calendar, as often as asked.
 * The file names no client: a neutral title and Kizuki's reference (KZ-…) only, as the hint
 * says.
 */
export function CalendarExport() {
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({ step: "idle" });

  const save = async () => {
    setState({ step: "saving" });
    try {
      setState({ step: "saved", path: await api.calendarExport() });
    } catch (thrown) {
      setState({ step: "failed", error: toAppError(thrown) });
    }
  };

  return (
    <div className="calendar-export">
      <button
        type="button"
        className="button"
        data-testid="calendar-export"
        disabled={state.step === "saving"}
        onClick={() => {
          void save();
        }}
      >
        {t("dashboard.calendar.save")}
      </button>
      <p className="field__hint">{t("dashboard.calendar.hint")}</p>
      {state.step === "saved" && (
        <p role="status" data-testid="calendar-saved">
          {t("dashboard.calendar.saved", { path: state.path })}
        </p>
      )}
      <FormError error={state.step === "failed" ? state.error : null} testId="calendar-error" />
    </div>
  );
}
