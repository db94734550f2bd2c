import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/FormError";
import { FlagItem } from "./FlagItem";
import { RaiseFlagForm } from "./RaiseFlagForm";
import { flagQueries } from "./queries";
import "./flags.css";

interface ClientFlagsProps {
  clientId: number;
  /** On an interview's page: a flag raised here is linked to that interview. */
  interviewId?: number | undefined;
}

/**
 * A client's flags needing care: open ones first and prominent, handled ones kept below in
 * quiet type (a flag is never deleted), a form to raise one, and a way to mark one handled.
 */
export function ClientFlags({ clientId, interviewId }: ClientFlagsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const flags = useQuery(flagQueries.ofClient(clientId));
  const [raising, setRaising] = useState(false);

  return (
    <section className="client-flags" data-testid="client-flags" aria-labelledby={headingId}>
      <div className="client-flags__bar">
        <h2 id={headingId}>{t("flags.title")}</h2>
        {!raising && (
          <button
            type="button"
            className="button"
            data-testid="add-flag"
            onClick={() => {
              setRaising(true);
            }}
          >
            ⚑ {t("flags.add")}
          </button>
        )}
      </div>
      {raising && (
        <RaiseFlagForm
          clientId={clientId}
          interviewId={interviewId}
          onDone={() => {
            setRaising(false);
          }}
        />
      )}
      <FormError error={flags.error} testId="flags-load-error" />
      {flags.data?.length === 0 && <p className="quiet">{t("flags.none")}</p>}
      {flags.data !== undefined && flags.data.length > 0 && (
        // The core lists open flags first, then newest first: the order is kept.
        <ul className="flag-list">
          {flags.data.map((flag) => (
            <FlagItem key={flag.id} flag={flag} interviewId={interviewId} />
          ))}
        </ul>
      )}
    </section>
  );
}
