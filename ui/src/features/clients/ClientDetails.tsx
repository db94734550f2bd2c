import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CLIENT_REFERENCE_PREFIX } from "../../ipc/api";
import type { Client } from "../../ipc/api";
import { programQueries } from "../programs/queries";

/** What is recorded about the client beyond the header; unrecorded items are left out. */
export function ClientDetails({ client }: { client: Client }) {
  const { t } = useTranslation();
  const programs = useQuery({ ...programQueries.list(client.companyId ?? 0), enabled: client.companyId !== null });
  const enrolled = (programs.data ?? []).filter((program) => client.programIds.includes(program.id));

  const items: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode | null) => {
    if (value !== null && value !== "") items.push([label, value]);
  };
  add(t("clients.employeeNumber"), client.employeeNumber);
  add(t("clients.role"), client.role);
  add(t("clients.ageBand"), client.ageBand && t(`clients.ageBands.${client.ageBand}`));
  add(t("clients.years"), client.yearsAtCompany === null ? null : String(client.yearsAtCompany));
  add(t("clients.jobContent"), client.jobContent);
  add(t("clients.desiredCareer"), client.desiredCareer);
  add(
    t("clients.tags"),
    client.tags.length === 0
      ? null
      : client.tags.map((tag) => (
          <span key={tag} className="tag-chip tag-chip--small">
            {tag}
          </span>
        )),
  );
  add(t("client.programs"), enrolled.length === 0 ? null : enrolled.map((program) => program.name).join("、"));
  // The calendar export names clients by this reference only; searching for it finds them.
  add(t("client.reference"), <span data-testid="client-reference">{`${CLIENT_REFERENCE_PREFIX}${client.id}`}</span>);

  return (
    <section className="client-details" aria-label={t("client.details")} data-testid="client-details">
      <h2>{t("client.details")}</h2>
      {items.length > 0 && (
        <dl className="client-details__list">
          {items.map(([label, value]) => (
            <div key={label} className="client-details__item">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
