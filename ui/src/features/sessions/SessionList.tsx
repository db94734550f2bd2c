import { useTranslation } from "react-i18next";
import type { SessionSummary } from "../../ipc/api";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import "./sessions.css";

interface SessionListProps {
  /** Newest first, as the shell returns them. */
  sessions: readonly SessionSummary[];
  openSessionId: number | null;
  onOpen: (sessionId: number) => void;
}

export function SessionList({ sessions, openSessionId, onOpen }: SessionListProps) {
  const { t } = useTranslation();
  const language = useLanguage();

  if (sessions.length === 0) {
    return <p className="quiet">{t("client.noSessions")}</p>;
  }
  return (
    <ul className="session-list">
      {sessions.map((session) => (
        <li key={session.id}>
          <button
            type="button"
            className="session-row"
            data-testid="session-row"
            aria-current={session.id === openSessionId ? "true" : undefined}
            onClick={() => {
              onOpen(session.id);
            }}
          >
            <span className="session-row__date">{formatHeldOn(session.heldOn, language)}</span>
            <span className="session-row__preview">{session.notesPreview || t("client.noNotes")}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
