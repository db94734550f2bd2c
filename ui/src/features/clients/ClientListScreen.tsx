import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import type { ClientSummary } from "../../ipc/api";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import { FormError } from "../../shared/FormError";
import { ClientForm } from "./ClientForm";
import { affiliation } from "./affiliation";
import "./clients.css";

interface ClientListScreenProps {
  onOpenClient: (clientId: number) => void;
}

export function ClientListScreen({ onOpenClient }: ClientListScreenProps) {
  const { t } = useTranslation();
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    let current = true;
    api.clientList().then(
      (list) => {
        if (current) setClients(list);
      },
      (thrown: unknown) => {
        if (current) setLoadError(toAppError(thrown));
      },
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <main className="client-list" data-testid="client-list-screen">
      <div className="client-list__bar">
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
          onCreated={(client) => {
            onOpenClient(client.id);
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}

      <FormError error={loadError} testId="load-error" />

      {/* The shell returns clients sorted by reading; the order is kept as is. */}
      {clients?.length === 0 && !adding && <p className="quiet">{t("clients.empty")}</p>}
      {clients !== null && clients.length > 0 && (
        <ul className="client-list__rows">
          {clients.map((client) => (
            <li key={client.id}>
              <button
                type="button"
                className="client-row"
                data-testid="client-row"
                onClick={() => {
                  onOpenClient(client.id);
                }}
              >
                <span className="client-row__kana">{client.nameKana}</span>
                <span className="client-row__name">{client.name}</span>
                <span className="client-row__affiliation">{affiliation(client)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
