import { useTranslation } from "react-i18next";
import { useNavigate } from "./navigation";
import type { Route, RouteName } from "./routes";

/** Pages reached from the companies list; every other page belongs to the clients. */
const COMPANY_PAGES: ReadonlySet<RouteName> = new Set<RouteName>(["companies", "company", "program"]);

/** The two places of the workspace, quiet in the header, reachable with Tab and Enter. */
export function WorkspaceNav({ route }: { route: Route }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = COMPANY_PAGES.has(route.name) ? "companies" : "clients";

  const item = (name: "clients" | "companies") => (
    <button
      type="button"
      className="app-nav__item"
      data-testid={`nav-${name}`}
      aria-current={current === name ? "page" : undefined}
      onClick={() => {
        void navigate({ name });
      }}
    >
      {t(`nav.${name}`)}
    </button>
  );

  return (
    <nav className="app-nav" aria-label={t("nav.label")}>
      {item("clients")}
      {item("companies")}
    </nav>
  );
}
