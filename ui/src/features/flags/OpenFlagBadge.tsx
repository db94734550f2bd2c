import { useTranslation } from "react-i18next";
import "./flags.css";

interface OpenFlagBadgeProps {
  count: number;
  testId?: string;
}

/**
 * ⚑ and the number of open flags, for lists: it must catch the eye wherever the client
 * appears. Nothing at all when none is open, so lists stay quiet otherwise.
 */
export function OpenFlagBadge({ count, testId = "open-flag-badge" }: OpenFlagBadgeProps) {
  const { t } = useTranslation();
  if (count <= 0) {
    return null;
  }
  const label = t("flags.badge", { n: count });
  return (
    <span className="flag-badge" role="img" aria-label={label} title={label} data-testid={testId}>
      ⚑ {count}
    </span>
  );
}
