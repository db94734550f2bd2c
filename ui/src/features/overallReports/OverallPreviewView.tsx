import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { DisclosureNote, Group, Measure, OverallDocument, Table } from "../../ipc/api";
import { BarChart } from "./BarChart";

/** How a hidden figure reads, as in the package's page. */
const HIDDEN = "—";

function columnLabel(t: TFunction, measure: Measure, code: string): string {
  switch (measure) {
    case "themes":
      return t(`topics.themes.${code}` as "topics.themes.skills");
    case "issues":
      return t(`topics.issues.${code}` as "topics.issues.workload");
    case "action_plan":
      return t(`actions.statuses.${code}` as "actions.statuses.done");
    case "flags":
      return t(`flags.kinds.${code}` as "flags.kinds.organisational");
    default:
      return t(`overall.columns.${code}` as "overall.columns.people");
  }
}

function groupLabel(t: TFunction, group: Group, ageBands: boolean): string {
  if (group.code === "other" || group.code === "unset") {
    return t(`overall.groups.${group.code}`);
  }
  if (ageBands && group.code !== null) {
    return t(`clients.ageBands.${group.code}` as "clients.ageBands.30s");
  }
  return group.label;
}

/** `2026-04` as 「2026年4月」 or 4/2026. */
function monthLabel(t: TFunction, group: Group): string {
  const [year, month] = (group.code ?? "").split("-");
  return year && month ? t("overall.month", { year, month: String(Number(month)) }) : group.label;
}

function Figure({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return value === null ? (
    <td className="figure figure--hidden" title={t("overall.hidden")} data-testid="overall-hidden">
      {HIDDEN}
    </td>
  ) : (
    <td className="figure">{value}</td>
  );
}

/** Categories as rows and groups as columns, then the total: as the package prints it. */
function FigureTable({ table, ageBands, testId }: { table: Table; ageBands: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="overall-table" data-testid={testId}>
      <thead>
        <tr>
          <th />
          {table.rows.map((row, index) => (
            <th key={index} className="figure">
              {groupLabel(t, row.group, ageBands)}
            </th>
          ))}
          <th className="figure">{t("overall.total")}</th>
        </tr>
      </thead>
      <tbody>
        {table.columns.map((column, index) => (
          <tr key={column.code}>
            <th scope="row">
              {columnLabel(t, table.measure, column.code)}
              {column.sensitive && (
                <span className="overall-sensitive" title={t("overall.sensitiveMark")} data-testid="overall-sensitive">
                  ※
                </span>
              )}
            </th>
            {table.rows.map((row, rowIndex) => (
              <Figure key={rowIndex} value={row.cells[index] ?? null} />
            ))}
            <Figure value={table.totals[index] ?? null} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One thing the report hid, merged or withheld, in the consultant's language. */
function disclosureText(t: TFunction, note: DisclosureNote, k: number): string {
  const grouping = note.dimension ?? "department";
  const since = note.since.join(", ");
  switch (note.kind) {
    case "small_groups_merged":
      return t(`overall.disclosure.small_groups_merged_${grouping}`, { k, count: note.count });
    case "sensitive_by_one_grouping":
      return t(`overall.disclosure.sensitive_by_one_grouping_${grouping}`);
    case "figures_hidden":
      return t("overall.disclosure.figures_hidden", { k, count: note.count });
    case "moved_since_earlier_export":
      return t("overall.disclosure.moved_since_earlier_export", { k, count: note.count, since });
  }
}

/**
 * The overall report exactly as it will be sent: each measure charted and tabled by department
 * and by age band, hidden figures shown as hidden.
 */
export function OverallPreviewView({ document }: { document: OverallDocument }) {
  const { t } = useTranslation();
  const byAge = document.byAgeBand.tables;
  const monthly = document.monthly;
  return (
    <div className="overall-preview" data-testid="overall-preview">
      <p className="quiet" data-testid="overall-k">
        {t("overall.kRule", { k: document.program.anonymityK })}
      </p>
      {document.byDepartment.tables.map((table, index) => {
        const title = t(`overall.measures.${table.measure}`);
        const participation = table.measure === "participation";
        const bars = participation
          ? table.rows.map((row) => ({ label: groupLabel(t, row.group, false), value: row.cells[0] ?? null }))
          : table.columns.map((column, columnIndex) => ({
              label: columnLabel(t, table.measure, column.code),
              value: table.totals[columnIndex] ?? null,
            }));
        const ageTable = byAge[index];
        return (
          <section key={table.measure} className="overall-preview__measure" data-testid={`overall-${table.measure}`}>
            <h3>{title}</h3>
            <BarChart title={title} bars={bars} testId={`overall-chart-${table.measure}`} />
            <h4>{t("overall.byDepartment")}</h4>
            <FigureTable table={table} ageBands={false} testId={`overall-table-department-${table.measure}`} />
            {ageTable && (
              <>
                <h4>{t("overall.byAgeBand")}</h4>
                <FigureTable table={ageTable} ageBands testId={`overall-table-age-${table.measure}`} />
              </>
            )}
            {participation && (
              <>
                <h4>{t("overall.measures.monthly")}</h4>
                <BarChart
                  title={t("overall.measures.monthly")}
                  bars={monthly.rows.map((row) => ({ label: monthLabel(t, row.group), value: row.cells[0] ?? null }))}
                  testId="overall-chart-monthly"
                />
              </>
            )}
          </section>
        );
      })}
      <section className="overall-preview__disclosure" data-testid="overall-disclosure">
        <h3>{t("overall.disclosureTitle")}</h3>
        <ul>
          {document.disclosure.map((note, index) => (
            <li key={index} data-testid={`overall-disclosure-${note.kind}`}>
              {disclosureText(t, note, document.program.anonymityK)}
            </li>
          ))}
        </ul>
        <p className="quiet">{t("overall.hiddenExplained")}</p>
      </section>
    </div>
  );
}
