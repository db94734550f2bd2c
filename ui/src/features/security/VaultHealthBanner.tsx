import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { securityQueries } from "./queries";

/**
 * Says so at once when the recovery file is missing or not the one written (found while the
 * passphrase still works, a new recovery key mends it; found the day it is needed, nothing
 * does), and when other users of the computer can open the vault's folder.
 */
export function VaultHealthBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const health = useQuery(securityQueries.health()).data;
  if (health === undefined) {
    return null;
  }
  const recoveryFile = health.recoveryFile;
  return (
    <>
      {(recoveryFile === "missing" || recoveryFile === "damaged") && (
        <div className="health-banner" role="alert" data-testid="recovery-file-banner" data-state={recoveryFile}>
          <p>{t(`security.recoveryFile.${recoveryFile}`)}</p>
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
      )}
      {health.directoryOpenToOthers && (
        <div className="health-banner" role="alert" data-testid="open-directory-banner">
          <p>{t("security.openDirectory")}</p>
        </div>
      )}
    </>
  );
}
