import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { AppError } from "../../ipc/appError";
import { toAppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { supervisionQueries, useImportPackage } from "./queries";
import "./supervision.css";

/**
 * The inbox: the key to give a supervisor, the packages in Downloads that could be their
 * comments, and what was received, read-only. The shell reads the file; the page only names it.
 */
export function InboxScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const recipient = useQuery(supervisionQueries.recipient());
  const candidates = useQuery(supervisionQueries.candidates());
  const items = useQuery(supervisionQueries.inbox());
  const importPackage = useImportPackage();
  const [importing, setImporting] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [imported, setImported] = useState<string | null>(null);

  const take = async (name: string) => {
    setImporting(name);
    setError(null);
    setImported(null);
    try {
      await importPackage.mutateAsync(name);
      setImported(name);
    } catch (thrown) {
      setError(toAppError(thrown));
    } finally {
      setImporting(null);
    }
  };

  return (
    <main className="page inbox-screen" data-testid="inbox-screen">
      <h1>{t("inbox.title")}</h1>
      <section>
        <h2>{t("inbox.recipientTitle")}</h2>
        <p className="quiet">{t("inbox.recipientHint")}</p>
        <input
          className="inbox-screen__key"
          readOnly
          data-testid="inbox-recipient"
          value={recipient.data ?? ""}
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <FormError error={recipient.error} testId="inbox-recipient-error" />
      </section>
      <section>
        <div className="page__bar">
          <h2>{t("inbox.candidatesTitle")}</h2>
          <button
            type="button"
            className="button"
            data-testid="inbox-refresh"
            onClick={() => {
              void candidates.refetch();
            }}
          >
            {t("inbox.refresh")}
          </button>
        </div>
        <FormError error={candidates.error ?? error} testId="inbox-import-error" />
        {imported && (
          <p role="status" data-testid="inbox-imported">
            {t("inbox.imported", { name: imported })}
          </p>
        )}
        {candidates.data?.length === 0 && <p className="quiet">{t("inbox.noCandidates")}</p>}
        <ul className="inbox-screen__candidates">
          {candidates.data?.map((name) => (
            <li key={name} data-testid="inbox-candidate">
              <span>{name}</span>{" "}
              <button
                type="button"
                className="button"
                data-testid="inbox-import"
                disabled={importing !== null}
                onClick={() => {
                  void take(name);
                }}
              >
                {importing === name ? t("inbox.importing") : t("inbox.import")}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t("inbox.itemsTitle")}</h2>
        <FormError error={items.error} testId="inbox-load-error" />
        {items.data?.length === 0 && <p className="quiet">{t("inbox.none")}</p>}
        {items.data?.map((item) => (
          <article key={item.id} className="inbox-item" data-testid="inbox-item">
            <p className="inbox-item__facts">
              {t("inbox.from", { supervisor: item.supervisor, date: item.writtenOn })}{" "}
              <span className="inbox-item__unverified" title={t("inbox.unverifiedHint")} data-testid="inbox-unverified">
                {t("inbox.unverified")}
              </span>{" "}
              {item.clientId === null ? (
                <span>{item.regarding}</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  data-testid="inbox-client"
                  onClick={() => {
                    void navigate({ name: "client", clientId: item.clientId ?? 0 });
                  }}
                >
                  {item.regarding}
                </button>
              )}
            </p>
            <p className="inbox-item__comments">{item.comments}</p>
          </article>
        ))}
      </section>
    </main>
  );
}
