import { useTranslation } from "react-i18next";
import { useNavigate } from "./navigation";
import type { Route, RouteName } from "./routes";

/** The places of the workspace, in the order of the header. */
type NavPlace = "home" | "clients" | "companies" | "records" | "inbox" | "security" | "about";

/** Pages reached from the companies list; every page but Home, search and these belongs to the clients. */
const COMPANY_PAGES: ReadonlySet<RouteName> = new Set<RouteName>(["companies", "company", "program", "overallReport"]);

/** The place a page belongs to; search results belong to none (they span every client). */
function placeOf(route: Route): NavPlace | null {
  if (route.name === "home") return "home";
  if (route.name === "search") return null;
  if (route.name === "records") return "records";
  if (route.name === "inbox") return "inbox";
  if (route.name === "security") return "security";
  if (route.name === "about") return "about";
  return COMPANY_PAGES.has(route.name) ? "companies" : "clients";
}

/** The places of the workspace, quiet in the header, reachable with Tab and Enter. */
export function WorkspaceNav({ route }: { route: Route }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = placeOf(route);

  const item = (name: NavPlace) => (
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
      {item("home")}
      {item("clients")}
      {item("companies")}
      {item("records")}
      {item("inbox")}
      {item("security")}
      {item("about")}
    </nav>
  );
}
