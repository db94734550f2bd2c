import type { ReactNode } from "react";
import { LanguageSelect } from "./LanguageSelect";

interface AppHeaderProps {
  /** The workspace's navigation, after the name (none before the unlock). */
  nav?: ReactNode;
  /** The search box, between the navigation and the controls (none before the unlock). */
  search?: ReactNode;
  /** Extra controls at the end of the bar (the lock button once unlocked). */
  children?: ReactNode;
}

export function AppHeader({ nav, search, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__name" lang="en">
          Kizuki
        </span>
        <span className="app-header__name-ja" lang="ja">
          気づき
        </span>
      </div>
      {nav}
      {search}
      <div className="app-header__controls">
        <LanguageSelect />
        {children}
      </div>
    </header>
  );
}
