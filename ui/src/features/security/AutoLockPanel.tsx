import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSpecMutation } from "../../shared/mutation";
import { ChoicePanel } from "./ChoicePanel";
import { preferenceMutations, preferenceQueries } from "./queries";

/** The idle times offered; the shell accepts 1 to 120 minutes. */
const CHOICES = [1, 5, 10, 15, 30, 60] as const;

/** How long Kizuki waits, with nobody at the keyboard, before it locks itself. */
export function AutoLockPanel() {
  const { t } = useTranslation();
  const current = useQuery(preferenceQueries.preferences()).data?.autoLockMinutes;
  const save = useSpecMutation(preferenceMutations.autoLock);
  const choices: readonly number[] =
    current === undefined || CHOICES.some((choice) => choice === current) ? CHOICES : [...CHOICES, current].sort((a, b) => a - b);

  return (
    <ChoicePanel
      testId="auto-lock"
      title={t("security.autoLockTitle")}
      hint={t("security.autoLockHint")}
      label={t("security.autoLockAfter")}
      savedText={t("security.autoLockSaved")}
      current={current}
      choices={choices}
      describe={(minutes) => t("security.minutes", { count: minutes })}
      parse={Number}
      save={save}
    />
  );
}
