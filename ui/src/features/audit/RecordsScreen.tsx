import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/FormError";
import { useLanguage } from "../../shared/useLanguage";
import { BackupPanel } from "../backup/BackupPanel";
import { consentQueries } from "../consents/queries";
import { formatInstant } from "../interviews/moments";
import "./records.css";
import type { Sealing } from "../../ipc/api";
import type { TFunction } from "i18next";

function sealing(sealed: Sealing, t: TFunction): string {
  switch (sealed.kind) {
    case "passphrase":
      return t("records.sealedPassphrase");
    case "keys":
      return t("records.sealedKeys", { n: sealed.keys.length });
    case "unrecorded":
      return t("records.sealedUnrecorded");
  }
}

/**
 * What the law and the consultant's own accountability ask to keep: every provision to a
 * third party (to whom, whose, what, on which consent), and the audit log of exports, consents
 * and erasures, with its hash chain checked each time the page opens.
 */
export function RecordsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const records = useQuery(consentQueries.records());
  const verdict = records.data?.verdict;

  return (
    <main className="page records-screen" data-testid="records-screen">
      <h1>{t("records.title")}</h1>
      <FormError error={records.error} testId="records-load-error" />
      {verdict && (
        <p
          className={verdict.state === "intact" ? "records__verdict" : "form-error"}
          role="status"
          data-testid="audit-verdict"
          data-state={verdict.state}
        >
          {verdict.state === "intact" && t("records.intact", { n: verdict.entries })}
          {verdict.state === "broken" && t("records.broken", { entry: verdict.atEntry })}
          {verdict.state === "incomplete" && t("records.incomplete", { missing: verdict.missing.join(t("share.separator")) })}
          {verdict.state === "altered" && t("records.altered", { records: verdict.records.join(t("share.separator")) })}
        </p>
      )}
      {verdict?.state === "intact" && (
        <div className="records__head">
          <p>
            {t("records.head")}: <code data-testid="audit-head">{verdict.head}</code>
          </p>
          <p className="quiet">{t("records.headHint")}</p>
        </div>
      )}
      <BackupPanel />
      <section>
        <h2>{t("records.provisions")}</h2>
        {records.data?.provisions.length === 0 && <p className="quiet">{t("records.noProvisions")}</p>}
        {(records.data?.provisions.length ?? 0) > 0 && (
          <table className="records__table" data-testid="provision-records">
            <thead>
              <tr>
                <th>{t("records.providedAt")}</th>
                <th>{t("fields.recipientName")}</th>
                <th>{t("records.person")}</th>
                <th>{t("records.items")}</th>
                <th>{t("records.consent")}</th>
                <th>{t("records.keepUntil")}</th>
                <th>{t("records.sealedFor")}</th>
              </tr>
            </thead>
            <tbody>
              {(records.data?.provisions ?? []).map((record) => (
                <tr key={record.id}>
                  <td>{formatInstant(record.providedAt, language)}</td>
                  <td>{record.recipientName}</td>
                  <td>{record.person}</td>
                  <td>
                    {record.items
                      .map((item) =>
                        item.startsWith("flag:")
                          ? t("share.flagItem", { id: item.slice(5) })
                          : t(`consent.parts.${item}`, { defaultValue: item }),
                      )
                      .join("・")}
                  </td>
                  <td>
                    KZC-{record.consentId}（{record.consentGrantedOn}）
                  </td>
                  <td>{record.keepUntil}</td>
                  <td data-testid="provision-sealed-for">{sealing(record.sealedFor, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>{t("records.audit")}</h2>
        {records.data?.entries.length === 0 && <p className="quiet">{t("records.noEntries")}</p>}
        <ol className="records__log" data-testid="audit-entries">
          {(records.data?.entries ?? []).map((entry) => (
            <li key={entry.id} data-testid="audit-entry" data-action={entry.action}>
              <span className="quiet">
                {entry.id}. {formatInstant(entry.at, language)}
              </span>{" "}
              <strong>{t(`records.actions.${entry.action}`)}</strong> {entry.subject}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
