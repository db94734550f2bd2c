import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { ClientHits } from "../../ipc/api";
import { SearchHitRow } from "./SearchHitRow";

/** One client's hits, newest first as the core returns them, under the client's name. */
export function SearchGroup({ group }: { group: ClientHits }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  return (
    <section className="search-group" data-testid="search-group" aria-labelledby={headingId}>
      <div className="search-group__bar">
        <h2 id={headingId} className="search-group__name">
          {group.clientName}
        </h2>
        <span className="search-group__count">{t("search.count", { n: group.hits.length })}</span>
        <button
          type="button"
          className="button button--small search-group__open"
          data-testid="search-open-client"
          onClick={() => {
            void navigate({ name: "client", clientId: group.clientId });
          }}
        >
          {t("search.openClient")}
        </button>
      </div>
      <ul className="search-hits">
        {group.hits.map((hit) => (
          // A record id is unique only within its kind.
          <SearchHitRow key={`${hit.kind}:${hit.recordId}`} clientId={group.clientId} hit={hit} />
        ))}
      </ul>
    </section>
  );
}
