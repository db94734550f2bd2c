import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchBox } from "../features/search/SearchBox";
import { RecoveryFileBanner } from "../features/security/RecoveryFileBanner";
import { PendingSavesProvider } from "../shared/pendingSaves";
import { AppHeader } from "./AppHeader";
import { LockButton } from "./LockButton";
import { NavigateContext, useRouter } from "./navigation";
import { createQueryClient } from "./queryClient";
import { HOME, RouteView } from "./routes";
import { useSaveBeforeClose } from "./useSaveBeforeClose";
import { WorkspaceNav } from "./WorkspaceNav";

interface WorkspaceProps {
  onLocked: () => void;
}

/**
 * Everything behind the unlock: the pages, the cache of what the shell returned (one per
 * unlock, emptied when the vault locks), and the open note, saved before any move away.
 */
export function Workspace({ onLocked }: WorkspaceProps) {
  const [queryClient] = useState(createQueryClient);

  const locked = () => {
    // Client data must not outlive the unlock, not even in memory.
    queryClient.clear();
    onLocked();
  };

  return (
    <QueryClientProvider client={queryClient}>
      <PendingSavesProvider>
        <WorkspacePages onLocked={locked} />
      </PendingSavesProvider>
    </QueryClientProvider>
  );
}

function WorkspacePages({ onLocked }: WorkspaceProps) {
  const { t } = useTranslation();
  const { route, navigate } = useRouter(HOME);
  const closeSaveFailed = useSaveBeforeClose();
  return (
    <NavigateContext value={navigate}>
      <AppHeader nav={<WorkspaceNav route={route} />} search={<SearchBox />}>
        <LockButton onLocked={onLocked} />
      </AppHeader>
      {closeSaveFailed && (
        <p className="close-warning" role="alert" data-testid="close-warning">
          {t("header.closeUnsaved")}
        </p>
      )}
      <RecoveryFileBanner />
      <RouteView route={route} />
    </NavigateContext>
  );
}
