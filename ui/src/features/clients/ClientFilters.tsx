import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ClientFilter, ClientStatus } from "../../ipc/api";
import { companyQueries } from "../companies/queries";
import { programQueries } from "../programs/queries";
import { STATUSES } from "./clientDraft";
import { NO_FILTER, clientQueries, isFiltered } from "./queries";

interface ClientFiltersProps {
  filter: ClientFilter;
  onChange: (filter: ClientFilter) => void;
}

function sortedUnique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))].sort((a, b) =>
    a.localeCompare(b, "ja"),
  );
}

/**
 * Which clients the list shows. Departments and tags are matched exactly by the core, so
 * they are chosen from those recorded rather than typed.
 */
export function ClientFilters({ filter, onChange }: ClientFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const companies = useQuery(companyQueries.list());
  const programs = useQuery({ ...programQueries.list(filter.companyId ?? 0), enabled: filter.companyId !== null });
  // Every client, for the departments and tags there are to choose from.
  const everyone = useQuery(clientQueries.list());
  const ofCompany = (everyone.data ?? []).filter(
    (client) => filter.companyId === null || client.companyId === filter.companyId,
  );
  const departments = sortedUnique(ofCompany.map((client) => client.department));
  const tags = sortedUnique(ofCompany.flatMap((client) => client.tags));
  const filtered = isFiltered(filter);

  const select = (key: keyof ClientFilter, caption: string, options: { value: string; label: string }[], disabled = false) => (
    <div className="client-filters__field">
      <label htmlFor={`${id}-${key}`}>{caption}</label>
      <select
        id={`${id}-${key}`}
        data-testid={`client-filter-${key === "companyId" ? "company" : key === "programId" ? "program" : key}`}
        value={filter[key] ?? ""}
        disabled={disabled}
        onChange={(event) => {
          const raw = event.target.value;
          const value = raw === "" ? null : key === "companyId" || key === "programId" ? Number(raw) : raw;
          // A program belongs to one company: choosing another company drops it.
          onChange({ ...filter, [key]: value, ...(key === "companyId" ? { programId: null } : {}) });
        }}
      >
        <option value="">{t("clients.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="client-filters" role="group" aria-label={t("clients.filters")}>
      {select(
        "companyId",
        t("clients.company"),
        (companies.data ?? []).map(({ company }) => ({ value: String(company.id), label: company.name })),
      )}
      {select(
        "programId",
        t("clients.programs"),
        (programs.data ?? []).map((program) => ({ value: String(program.id), label: program.name })),
        filter.companyId === null,
      )}
      {select(
        "department",
        t("clients.department"),
        departments.map((department) => ({ value: department, label: department })),
      )}
      {select(
        "status",
        t("clients.status"),
        STATUSES.map((status: ClientStatus) => ({ value: status, label: t(`clients.statuses.${status}`) })),
      )}
      {select(
        "tag",
        t("clients.tags"),
        tags.map((tag) => ({ value: tag, label: tag })),
      )}
      {filtered && (
        <button
          type="button"
          className="link-button client-filters__clear"
          data-testid="client-filter-clear"
          onClick={() => {
            onChange(NO_FILTER);
          }}
        >
          {t("clients.clearFilters")}
        </button>
      )}
    </div>
  );
}
