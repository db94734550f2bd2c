import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import type { Client, Session, SessionSummary } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { usePendingSaves } from "../../shared/pendingSaves";
import { NewSessionForm } from "../sessions/NewSessionForm";
import { NoteEditor } from "../sessions/NoteEditor";
import { SessionList } from "../sessions/SessionList";
import { affiliation } from "./affiliation";
import "./clients.css";

interface ClientScreenProps {
  clientId: number;
  onBack: () => void;
}

/** One client: who they are, their interviews, and the notes of the one that is open. */
export function ClientScreen({ clientId, onBack }: ClientScreenProps) {
  const { t } = useTranslation();
  const { flushAll } = usePendingSaves();
  const [client, setClient] = useState<Client | null>(null);
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [openSession, setOpenSession] = useState<Session | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // Saves refresh the list often; only the newest answer may win.
  const listRequest = useRef(0);

  const refreshSessions = useCallback(async () => {
    const request = ++listRequest.current;
    try {
      const list = await api.sessionList(clientId);
      if (request === listRequest.current) {
        setSessions(list);
      }
    } catch (thrown) {
      setError(toAppError(thrown));
    }
  }, [clientId]);

  useEffect(() => {
    let current = true;
    const request = ++listRequest.current;
    Promise.all([api.clientGet(clientId), api.sessionList(clientId)]).then(
      ([loadedClient, list]) => {
        if (!current) return;
        setClient(loadedClient);
        if (request === listRequest.current) setSessions(list);
      },
      (thrown: unknown) => {
        if (current) setError(toAppError(thrown));
      },
    );
    return () => {
      current = false;
    };
  }, [clientId]);

  const openById = async (sessionId: number) => {
    if (openSession?.id === sessionId || !(await flushAll())) {
      return;
    }
    try {
      setOpenSession(await api.sessionGet(sessionId));
      setError(null);
    } catch (thrown) {
      setError(toAppError(thrown));
    }
  };

  const handleCreated = (session: Session) => {
    setOpenSession(session);
    void refreshSessions();
  };

  const handleSaved = useCallback(() => {
    // The preview in the list comes from the shell.
    void refreshSessions();
  }, [refreshSessions]);

  return (
    <main className="client-screen" data-testid="client-screen">
      <div className="client-screen__head">
        <button type="button" className="link-button" data-testid="back-to-clients" onClick={onBack}>
          ← {t("client.back")}
        </button>
        {client && (
          <>
            <h1 className="client-heading" data-testid="client-name-heading">
              <ruby>
                {client.name}
                <rt>{client.nameKana}</rt>
              </ruby>
            </h1>
            <p className="client-heading__affiliation">{affiliation(client)}</p>
          </>
        )}
      </div>
      <FormError error={error} testId="load-error" />
      <div className="client-screen__body">
        <aside className="client-screen__sessions" aria-label={t("client.sessions")}>
          <h2>{t("client.sessions")}</h2>
          <NewSessionForm clientId={clientId} onCreated={handleCreated} />
          <SessionList
            sessions={sessions}
            openSessionId={openSession?.id ?? null}
            onOpen={(sessionId) => {
              void openById(sessionId);
            }}
          />
        </aside>
        <div className="client-screen__notes">
          {openSession ? (
            <NoteEditor key={openSession.id} session={openSession} onSaved={handleSaved} />
          ) : (
            <p className="quiet">{t("client.chooseSession")}</p>
          )}
        </div>
      </div>
    </main>
  );
}
