import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { SEARCH_MAX_HITS } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { searchQueries } from "./queries";
import { SearchGroup } from "./SearchGroup";
import "./search.css";

/**
 * What a search in the header found: clients with their hits, newest first, each hit one
 * click from where its words were written. The query stays in the header's box.
 */
export function SearchScreen({ query }: { query: string }) {
  const { t } = useTranslation();
  const search = useQuery(searchQueries.results(query));
  const data = search.data;
  const hitCount = data?.groups.reduce((sum, group) => sum + group.hits.length, 0) ?? 0;

  return (
    <main className="page" data-testid="search-screen">
      <div className="page__bar">
        <h1>{t("search.title", { query })}</h1>
      </div>
      <FormError error={search.error} testId="search-error" />
      {/* The answer takes milliseconds: nothing until it comes, no spinner. */}
      {data !== undefined &&
        (data.groups.length === 0 ? (
          <p className="quiet" data-testid="search-none">
            {t("search.none", { query })}
          </p>
        ) : (
          <>
            <p className="quiet" data-testid="search-summary">
              {t("search.summary", { clients: data.groups.length, hits: hitCount })}
            </p>
            {data.truncated && (
              <p className="search-truncated" data-testid="search-truncated">
                {t("search.truncated", { n: SEARCH_MAX_HITS })}
              </p>
            )}
            <div className="search-results">
              {data.groups.map((group) => (
                <SearchGroup key={group.clientId} group={group} />
              ))}
            </div>
          </>
        ))}
    </main>
  );
}
