import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { ClientFilter } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ClientFilters } from "./ClientFilters";
import { ClientForm } from "./ClientForm";
import { ClientRow } from "./ClientRow";
import { NO_FILTER, clientQueries, isFiltered } from "./queries";
import "./clients.css";

export function ClientListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ClientFilter>(NO_FILTER);
  const clients = useQuery(clientQueries.list(filter));
  const [adding, setAdding] = useState(false);
  const filtered = isFiltered(filter);

  const openClient = (clientId: number) => {
    void navigate({ name: "client", clientId });
  };

  return (
    <main className="page" data-testid="client-list-screen">
      <div className="page__bar">
        <h1>{t("clients.title")}</h1>
        <button
          type="button"
          className="button"
          data-testid="add-client"
          onClick={() => {
            setAdding(true);
          }}
          disabled={adding}
        >
          {t("clients.add")}
        </button>
      </div>

      {adding && (
        <ClientForm
          companyId={filter.companyId}
          onSaved={(client) => {
            openClient(client.id);
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}

      <ClientFilters filter={filter} onChange={setFilter} />
      <FormError error={clients.error} testId="load-error" />

      {clients.data?.length === 0 && !adding && (
        <p className="quiet">{filtered ? t("clients.noMatch") : t("clients.empty")}</p>
      )}
      {/* The shell returns clients sorted by reading; the order is kept as is. */}
      {clients.data !== undefined && clients.data.length > 0 && (
        <ul className="row-list client-list">
          {clients.data.map((client) => (
            <ClientRow
              key={client.id}
              client={client}
              onOpen={() => {
                openClient(client.id);
              }}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
