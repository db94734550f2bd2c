import { useTranslation } from "react-i18next";
import { formatSavedAt } from "../../../shared/format";
import { useLanguage } from "../../../shared/useLanguage";
import type { AutosaveSnapshot } from "./noteAutosave";
import "./autosave.css";

interface SaveStatusProps {
  snapshot: AutosaveSnapshot<unknown>;
  testId: string;
}

/** One quiet line under an editor: saved (when), unsaved, saving, or failed. */
export function SaveStatus({ snapshot, testId }: SaveStatusProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  let message = "";
  if (snapshot.state === "saved") {
    // A questionnaire never saved yet has no time to show, and nothing to report.
    message = snapshot.savedAt === "" ? "" : t("notes.saved", { time: formatSavedAt(snapshot.savedAt, language) });
  } else if (snapshot.state === "dirty") {
    message = t("notes.dirty");
  } else if (snapshot.state === "saving") {
    message = t("notes.saving");
  } else {
    message = t("notes.error");
  }
  return (
    <p className="save-status" data-testid={testId} data-state={snapshot.state} role="status">
      {message}
    </p>
  );
}
