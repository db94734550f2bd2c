import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { securityQueries } from "./queries";

/**
 * Says so at once when the recovery file is missing or not the one written: found while the
 * passphrase still works, a new recovery key mends it; found the day it is needed, nothing
 * does.
 */
export function RecoveryFileBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useQuery(securityQueries.recoveryFile()).data;
  if (state !== "missing" && state !== "damaged") {
    return null;
  }
  return (
    <div className="recovery-file-banner" role="alert" data-testid="recovery-file-banner" data-state={state}>
      <p>{t(`security.recoveryFile.${state}`)}</p>
      <button
        type="button"
        className="button"
        data-testid="recovery-file-banner-action"
        onClick={() => {
          void navigate({ name: "security" });
        }}
      >
        {t("security.recoveryFile.action")}
      </button>
    </div>
  );
}
