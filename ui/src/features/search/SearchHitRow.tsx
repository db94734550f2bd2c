import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { ClientId, SearchHit } from "../../ipc/api";
import { useLanguage } from "../../shared/useLanguage";
import { formatHitDate, hitRoute } from "./hits";
import { Snippet } from "./Snippet";

interface SearchHitRowProps {
  clientId: ClientId;
  hit: SearchHit;
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
        title={route.name === "interview" ? t("search.openInterview") : t("search.openClient")}
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
