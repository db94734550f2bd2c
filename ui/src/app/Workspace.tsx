import { useState } from "react";
import { ClientListScreen } from "../features/clients/ClientListScreen";
import { ClientScreen } from "../features/clients/ClientScreen";
import { PendingSavesProvider, usePendingSaves } from "../shared/pendingSaves";
import { AppHeader } from "./AppHeader";
import { LockButton } from "./LockButton";

type View = { kind: "clients" } | { kind: "client"; clientId: number };

interface WorkspaceProps {
  onLocked: () => void;
}

/** Everything behind the unlock: the open note is saved before any move away from it. */
export function Workspace({ onLocked }: WorkspaceProps) {
  return (
    <PendingSavesProvider>
      <WorkspaceViews onLocked={onLocked} />
    </PendingSavesProvider>
  );
}

function WorkspaceViews({ onLocked }: WorkspaceProps) {
  const { flushAll } = usePendingSaves();
  const [view, setView] = useState<View>({ kind: "clients" });

  const navigate = async (next: View) => {
    // A note that could not be saved keeps its page (and its "not saved" state) open.
    if (await flushAll()) {
      setView(next);
    }
  };

  return (
    <>
      <AppHeader>
        <LockButton onLocked={onLocked} />
      </AppHeader>
      {view.kind === "clients" ? (
        <ClientListScreen
          onOpenClient={(clientId) => {
            void navigate({ kind: "client", clientId });
          }}
        />
      ) : (
        <ClientScreen
          key={view.clientId}
          clientId={view.clientId}
          onBack={() => {
            void navigate({ kind: "clients" });
          }}
        />
      )}
    </>
  );
}
