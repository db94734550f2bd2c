import { useEffect, useState } from "react";
import { DamagedScreen } from "../features/vault/DamagedScreen";
import { InterruptedSetupScreen } from "../features/vault/InterruptedSetupScreen";
import { RecoveryKeyScreen } from "../features/vault/RecoveryKeyScreen";
import { RecoveryScreen } from "../features/vault/RecoveryScreen";
import { RestoreScreen } from "../features/vault/RestoreScreen";
import { SetupScreen } from "../features/vault/SetupScreen";
import { UnlockScreen } from "../features/vault/UnlockScreen";
import { applyLanguage } from "../i18n";
import { api } from "../ipc/api";
import { followCalendar } from "../shared/format";
import type { VaultStatus } from "../ipc/api";
import { toAppError } from "../ipc/appError";
import type { AppError } from "../ipc/appError";
import { AppHeader } from "./AppHeader";
import { StartupErrorScreen } from "./StartupErrorScreen";
import { LOCKED_EVENT } from "./useAutoLock";
import { Workspace } from "./Workspace";
import "./app.css";

/** Which screen shows is decided by the vault's state, not by a URL. */
export type Screen =
  | { kind: "starting" }
  | { kind: "startFailed"; error: AppError }
  | { kind: "setup" }
  | { kind: "recoveryKey"; recoveryKey: string }
  | { kind: "unlock" }
  | { kind: "recovery" }
  | { kind: "restore" }
  | { kind: "damaged" }
  | { kind: "interrupted" }
  | { kind: "workspace" };

export function screenForStatus(status: VaultStatus): Screen {
  switch (status) {
    case "uninitialized":
      return { kind: "setup" };
    case "locked":
      return { kind: "unlock" };
    case "unlocked":
      return { kind: "workspace" };
    case "damaged":
      return { kind: "damaged" };
    case "setup_interrupted":
      return { kind: "interrupted" };
  }
}

/**
 * What to show at start: the vault's state decides. The language is applied first, so the
 * first screen already speaks it; if it cannot be read, Japanese (the default) stays.
 */
async function startingScreen(): Promise<Screen> {
  const [status, preferences] = await Promise.allSettled([api.vaultStatus(), api.preferencesGet()]);
  if (preferences.status === "fulfilled") {
    followCalendar(preferences.value.calendar ?? "asia_tokyo");
    await applyLanguage(preferences.value.language);
  }
  if (status.status === "fulfilled") {
    return screenForStatus(status.value);
  }
  const error = toAppError(status.reason);
  return error.code === "vault_damaged" ? { kind: "damaged" } : { kind: "startFailed", error };
}

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "starting" });

  useEffect(() => {
    // The shell locked without the page (it did not answer in time): whatever is on screen
    // goes, and the unlock screen shows.
    const onShellLocked = () => {
      setScreen((now) => (now.kind === "workspace" || now.kind === "recoveryKey" ? { kind: "unlock" } : now));
    };
    window.addEventListener(LOCKED_EVENT, onShellLocked);
    return () => {
      window.removeEventListener(LOCKED_EVENT, onShellLocked);
    };
  }, []);

  useEffect(() => {
    let current = true;
    void startingScreen().then((first) => {
      if (current) setScreen(first);
    });
    return () => {
      current = false;
    };
  }, []);

  const retryStart = async () => {
    setScreen({ kind: "starting" });
    setScreen(await startingScreen());
  };

  const show = (next: Screen) => () => {
    setScreen(next);
  };

  switch (screen.kind) {
    case "starting":
      // The answer takes milliseconds: a blank page, not a spinner.
      return null;
    case "workspace":
      return <Workspace onLocked={show({ kind: "unlock" })} />;
    default:
      return (
        <>
          <AppHeader />
          {screen.kind === "startFailed" && (
            <StartupErrorScreen
              error={screen.error}
              onRetry={() => {
                void retryStart();
              }}
            />
          )}
          {screen.kind === "setup" && (
            <SetupScreen
              onCreated={(recoveryKey) => {
                setScreen({ kind: "recoveryKey", recoveryKey });
              }}
              onRestore={show({ kind: "restore" })}
            />
          )}
          {screen.kind === "recoveryKey" && (
            <RecoveryKeyScreen recoveryKey={screen.recoveryKey} onContinue={show({ kind: "workspace" })} />
          )}
          {screen.kind === "unlock" && (
            <UnlockScreen onUnlocked={show({ kind: "workspace" })} onUseRecoveryKey={show({ kind: "recovery" })} />
          )}
          {screen.kind === "recovery" && (
            <RecoveryScreen
              onRecovered={show({ kind: "workspace" })}
              onBack={() => {
                // Back to whatever the directory holds: the unlock screen, or the damaged one
                // when the passphrase file is what is missing.
                void retryStart();
              }}
            />
          )}
          {screen.kind === "restore" && (
            <RestoreScreen onRestored={show({ kind: "unlock" })} onBack={show({ kind: "setup" })} />
          )}
          {screen.kind === "damaged" && <DamagedScreen onUseRecoveryKey={show({ kind: "recovery" })} />}
          {screen.kind === "interrupted" && <InterruptedSetupScreen onDiscarded={show({ kind: "setup" })} />}
        </>
      );
  }
}
