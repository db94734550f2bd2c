import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchBox } from "../features/search/SearchBox";
import { VaultHealthBanner } from "../features/security/VaultHealthBanner";
import { api } from "../ipc/api";
import { PendingSavesProvider, usePendingSaves } from "../shared/pendingSaves";
import { preferenceQueries } from "../features/security/queries";
import { AppHeader } from "./AppHeader";
import { LockButton } from "./LockButton";
import { NavigateContext, useRouter } from "./navigation";
import { createQueryClient } from "./queryClient";
import { HOME, RouteView } from "./routes";
import { useAutoLock } from "./useAutoLock";
import { useSaveBeforeClose } from "./useSaveBeforeClose";
import { WorkspaceNav } from "./WorkspaceNav";

/** How long the automatic lock waits for the open note's save. */
const SAVE_BEFORE_LOCK_MS = 5_000;

/** Until the preferences are read; the shell's default too. */
const DEFAULT_AUTO_LOCK_MINUTES = 10;

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
  const { flushAll } = usePendingSaves();
  const autoLockMinutes = useQuery(preferenceQueries.preferences()).data?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
  // Unlike the lock button, no second chance: nobody is there to press it. What cannot be
  // saved (a full disk, a save that never returns) is lost rather than left on an
  // unattended screen.
  const autoLock = useCallback(async () => {
    try {
      await Promise.race([flushAll(), new Promise((resolve) => setTimeout(resolve, SAVE_BEFORE_LOCK_MS))]);
      await api.vaultLock();
    } catch {
      // Locked by the shell anyway, or it will be: the page lets go of everything below.
    } finally {
      onLocked();
    }
  }, [flushAll, onLocked]);
  useAutoLock(autoLockMinutes, autoLock);
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
      <VaultHealthBanner />
      <RouteView route={route} />
    </NavigateContext>
  );
}
