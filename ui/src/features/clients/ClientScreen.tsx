import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { Client } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { companyQueries } from "../companies/queries";
import { ActionPlanPanel } from "../actionPlans/ActionPlanPanel";
import { ClientConsents } from "../consents/ClientConsents";
import { EraseClientPanel } from "../erasure/EraseClientPanel";
import { ClientFlags } from "../flags/ClientFlags";
import { flagQueries } from "../flags/queries";
import { ClientInterviews } from "../interviews/ClientInterviews";
import { ClientReports } from "../reports/ClientReports";
import { ClientDetails } from "./ClientDetails";
import { ClientForm } from "./ClientForm";
import { affiliation } from "./affiliation";
import { clientQueries } from "./queries";
import "./clients.css";

interface ClientScreenProps {
  clientId: number;
}

/** One client: who they are, any flag still open (first and prominent), and their interviews. */
export function ClientScreen({ clientId }: ClientScreenProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQuery(clientQueries.detail(clientId));
  const flags = useQuery(flagQueries.ofClient(clientId));
  const [editing, setEditing] = useState(false);
  const openFlags = (flags.data ?? []).filter((flag) => flag.handledOn === null).length;

  return (
    <main className="page" data-testid="client-screen">
      <button
        type="button"
        className="link-button page__back"
        data-testid="back-to-clients"
        onClick={() => {
          void navigate({ name: "clients" });
        }}
      >
        ← {t("client.back")}
      </button>
      {client.data &&
        (editing ? (
          <ClientForm
            client={client.data}
            onSaved={() => {
              setEditing(false);
            }}
            onCancel={() => {
              setEditing(false);
            }}
          />
        ) : (
          <ClientHeader
            client={client.data}
            onEdit={() => {
              setEditing(true);
            }}
          />
        ))}
      {openFlags > 0 && (
        <p className="open-flags-banner" data-testid="client-open-flags">
          <span aria-hidden="true">⚑ </span>
          {t("flags.banner", { n: openFlags })}
        </p>
      )}
      <FormError error={client.error} testId="load-error" />
      <div className="client-screen__body">
        <div className="client-screen__main">
          <ClientInterviews clientId={clientId} />
          <ActionPlanPanel clientId={clientId} />
          {client.data && <ClientReports client={client.data} />}
        </div>
        <aside className="client-screen__side">
          <ClientFlags clientId={clientId} />
          <ClientConsents clientId={clientId} />
          {client.data && <ClientDetails client={client.data} />}
          {client.data && <EraseClientPanel client={client.data} />}
        </aside>
      </div>
    </main>
  );
}

function ClientHeader({ client, onEdit }: { client: Client; onEdit: () => void }) {
  const { t } = useTranslation();
  const company = useQuery({ ...companyQueries.detail(client.companyId ?? 0), enabled: client.companyId !== null });
  return (
    <div className="client-screen__head">
      <div className="page__bar">
        <h1 className="client-heading" data-testid="client-name-heading">
          <ruby>
            {client.name}
            <rt>{client.nameKana}</rt>
          </ruby>
        </h1>
        <button type="button" className="button" data-testid="edit-client" onClick={onEdit}>
          {t("client.edit")}
        </button>
      </div>
      <p className="client-heading__affiliation">
        <span data-testid="client-affiliation">{affiliation(company.data?.name, client.department)}</span>
        <span className="client-status" data-status={client.status} data-testid="client-status-label">
          {t(`clients.statuses.${client.status}`)}
        </span>
      </p>
    </div>
  );
}
