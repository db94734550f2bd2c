import { useTranslation } from "react-i18next";
import type { ClientSummary } from "../../ipc/api";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { OpenFlagBadge } from "../flags/OpenFlagBadge";
import { affiliation } from "./affiliation";

/** One client of the list; the whole row opens the client. */
export function ClientRow({ client, onOpen }: { client: ClientSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`: the list shows the day.
  const last = client.lastInterviewAt?.slice(0, 10);
  return (
    <li>
      <button
        type="button"
        className={client.status === "closed" ? "client-row client-row--closed" : "client-row"}
        data-testid="client-row"
        onClick={onOpen}
      >
        <span className="client-row__who">
          <span className="client-row__kana">{client.nameKana}</span>
          <span className="client-row__name">{client.name}</span>
        </span>
        <span className="client-row__affiliation">{affiliation(client.companyName, client.department)}</span>
        <span className="client-row__tags">
          {client.tags.map((tag) => (
            <span key={tag} className="tag-chip tag-chip--small">
              {tag}
            </span>
          ))}
        </span>
        <span className="client-row__last">
          {last ? t("clients.lastInterview", { date: formatHeldOn(last, language) }) : t("clients.noInterview")}
        </span>
        <span className="client-row__status" data-status={client.status}>
          {t(`clients.statuses.${client.status}`)}
        </span>
        <span className="client-row__flags">
          <OpenFlagBadge count={client.openFlagCount} testId="client-flag-badge" />
        </span>
      </button>
    </li>
  );
}
