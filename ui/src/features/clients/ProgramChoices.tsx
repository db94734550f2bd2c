import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatPeriod } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { programQueries } from "../programs/queries";

interface ProgramChoicesProps {
  companyId: number | null;
  value: number[];
  onChange: (programIds: number[]) => void;
  invalid: boolean;
  disabled: boolean;
}

/** The programs of the client's company that the client takes part in. */
export function ProgramChoices({ companyId, value, onChange, invalid, disabled }: ProgramChoicesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const programs = useQuery({ ...programQueries.list(companyId ?? 0), enabled: companyId !== null });

  const toggle = (programId: number, checked: boolean) => {
    onChange(checked ? [...value, programId] : value.filter((each) => each !== programId));
  };

  return (
    <fieldset className="program-choices" data-testid="client-programs" aria-invalid={invalid || undefined}>
      <legend>{t("clients.programs")}</legend>
      {companyId === null && <p className="field__hint">{t("clients.chooseCompanyFirst")}</p>}
      {companyId !== null && programs.data?.length === 0 && (
        <p className="field__hint">{t("clients.noProgramsOfCompany")}</p>
      )}
      {companyId !== null &&
        programs.data?.map((program) => (
          <label key={program.id} className="check-field">
            <input
              type="checkbox"
              data-testid={`client-program-${program.id}`}
              checked={value.includes(program.id)}
              onChange={(event) => {
                toggle(program.id, event.target.checked);
              }}
              disabled={disabled}
            />
            {program.name}
            <span className="quiet">{formatPeriod(program.startsOn, program.endsOn, language)}</span>
          </label>
        ))}
    </fieldset>
  );
}
