import { useTranslation } from "react-i18next";
import type { Flag } from "../../ipc/api";
import { formatHeldOn } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { MarkHandledForm } from "./MarkHandledForm";

interface FlagItemProps {
  flag: Flag;
  /** The interview on screen, if any: a flag raised in it says so. */
  interviewId?: number | undefined;
}

export function FlagItem({ flag, interviewId }: FlagItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = flag.handledOn === null;
  return (
    <li className={open ? "flag flag--open" : "flag flag--handled"} data-testid="flag-row" data-open={open}>
      <div className="flag__head">
        <span className="flag__kind">
          {open && <span aria-hidden="true">⚑ </span>}
          {t(`flags.kinds.${flag.kind}`)}
        </span>
        <span className="flag__status" data-testid="flag-status">
          {flag.handledOn === null
            ? t("flags.open")
            : t("flags.handledStatus", { date: formatHeldOn(flag.handledOn, language) })}
        </span>
        <span className="flag__raised">{t("flags.raised", { date: formatHeldOn(flag.raisedOn, language) })}</span>
        {interviewId !== undefined && flag.interviewId === interviewId && (
          <span className="flag__here">{t("flags.fromThisInterview")}</span>
        )}
      </div>
      {flag.note !== "" && <p className="flag__note">{flag.note}</p>}
      {flag.referredTo !== null && <p className="flag__referred">{t("flags.referred", { to: flag.referredTo })}</p>}
      {open && <MarkHandledForm flag={flag} />}
    </li>
  );
}
