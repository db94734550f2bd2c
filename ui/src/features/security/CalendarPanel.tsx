import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CalendarZone } from "../../ipc/api";
import { useSpecMutation } from "../../shared/mutation";
import { ChoicePanel } from "./ChoicePanel";
import { preferenceMutations, preferenceQueries } from "./queries";

const ZONES: readonly CalendarZone[] = ["asia_tokyo", "system"];

/**
 * Whose calendar says what day it is: the day a consent's last day ends, what is overdue.
 * Japan's by default, whatever the laptop's clock is set to.
 */
export function CalendarPanel() {
  const { t } = useTranslation();
  const current = useQuery(preferenceQueries.preferences()).data?.calendar;
  const save = useSpecMutation(preferenceMutations.calendar);

  return (
    <ChoicePanel
      testId="calendar"
      title={t("security.calendarTitle")}
      hint={t("security.calendarHint")}
      label={t("security.calendarZone")}
      savedText={t("security.calendarSaved")}
      current={current}
      choices={ZONES}
      describe={(zone) => t(`security.calendarZones.${zone}`)}
      parse={(text) => (text === "system" ? "system" : "asia_tokyo")}
      save={save}
    />
  );
}
