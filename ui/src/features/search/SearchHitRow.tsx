import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { Route } from "../../app/routes";
import type { ClientId, SearchHit } from "../../ipc/api";
import { useLanguage } from "../../shared/useLanguage";
import { formatHitDate, hitRoute } from "./hits";
import { Snippet } from "./Snippet";

interface SearchHitRowProps {
  clientId: ClientId;
  hit: SearchHit;
}

/** What the row's tooltip says a click opens. */
function openTitle(route: Route) {
  if (route.name === "interview") {
    return "search.openInterview";
  }
  return route.name === "report" ? "search.openReport" : "search.openClient";
}

/** One hit: the whole row is one button that opens where the words were written. */
export function SearchHitRow({ clientId, hit }: SearchHitRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const route = hitRoute(clientId, hit);
  return (
    <li>
      <button
        type="button"
        className="search-hit"
        data-testid="search-hit"
        data-kind={hit.kind}
        title={t(openTitle(route))}
        onClick={() => {
          void navigate(route);
        }}
      >
        <span className="search-hit__kind">{t(`search.kinds.${hit.kind}`)}</span>
        <span className="search-hit__date">{hit.at === null ? "" : formatHitDate(hit.at, language)}</span>
        <Snippet parts={hit.snippet} />
      </button>
    </li>
  );
}
