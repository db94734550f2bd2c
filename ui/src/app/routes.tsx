import type { ComponentProps, ReactNode } from "react";
import { AboutScreen } from "../features/about/AboutScreen";
import { RecordsScreen } from "../features/audit/RecordsScreen";
import { ClientListScreen } from "../features/clients/ClientListScreen";
import { ClientScreen } from "../features/clients/ClientScreen";
import { CompanyListScreen } from "../features/companies/CompanyListScreen";
import { CompanyScreen } from "../features/companies/CompanyScreen";
import { ConsentScreen } from "../features/consents/ConsentScreen";
import { ShareScreen } from "../features/consents/ShareScreen";
import { DashboardScreen } from "../features/dashboard/DashboardScreen";
import { ProgramScreen } from "../features/programs/ProgramScreen";
import { InterviewScreen } from "../features/interviews/InterviewScreen";
import { OverallReportScreen } from "../features/overallReports/OverallReportScreen";
import { ReportPrintScreen } from "../features/reports/ReportPrintScreen";
import { ReportScreen } from "../features/reports/ReportScreen";
import { SearchScreen } from "../features/search/SearchScreen";
import { SecurityScreen } from "../features/security/SecurityScreen";
import { InboxScreen } from "../features/supervision/InboxScreen";

/**
 * Every page of the workspace, by name. A screen's props are its route's params, so adding
 * a page is one line here, e.g. `interview: InterviewScreen` for a screen taking
 * `{ interviewId: number }`; `Route` and `navigate` follow from it.
 */
const screens = {
  home: DashboardScreen,
  clients: ClientListScreen,
  client: ClientScreen,
  companies: CompanyListScreen,
  company: CompanyScreen,
  program: ProgramScreen,
  overallReport: OverallReportScreen,
  interview: InterviewScreen,
  report: ReportScreen,
  reportPrint: ReportPrintScreen,
  search: SearchScreen,
  consentNew: ConsentScreen,
  share: ShareScreen,
  records: RecordsScreen,
  inbox: InboxScreen,
  security: SecurityScreen,
  about: AboutScreen,
} satisfies Record<string, (params: never) => ReactNode>;

type Screens = typeof screens;

export type RouteName = keyof Screens;

/** `{ name: "client"; clientId: number }` and so on, one member per screen. */
export type Route = {
  [Name in RouteName]: Flat<{ name: Name } & ComponentProps<Screens[Name]>>;
}[RouteName];

/** One object type rather than an intersection: easier to read in errors and hovers. */
type Flat<T> = { [Key in keyof T]: T[Key] };

/** The page the workspace opens on after unlocking: what needs the consultant today. */
export const HOME: Route = { name: "home" };

/** Same page, same params: the same screen instance; anything else starts a fresh one. */
function routeKey({ name, ...params }: Route): string {
  const sorted = Object.entries(params).sort(([a], [b]) => a.localeCompare(b));
  return `${name}:${JSON.stringify(sorted)}`;
}

export function RouteView({ route }: { route: Route }) {
  const { name, ...params } = route;
  // `screens[name]` is a union TypeScript cannot pair with `params`; `Route` is built from
  // `screens`, so the params always belong to the screen their name picks.
  const Screen = screens[name] as (params: Record<string, unknown>) => ReactNode;
  return <Screen key={routeKey(route)} {...params} />;
}
