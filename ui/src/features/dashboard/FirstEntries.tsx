import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * How many entries a section of Home lists before "show all": after years of practice a
 * section can hold hundreds (every client past the retention period), and listing them all
 * would bury the rest of the page and slow every unlock, which opens Home.
 */
export const FIRST_ENTRIES = 20;

interface FirstEntriesProps<Entry> {
  /** The section's test id; the button's is `<testId>-show-all`. */
  testId: string;
  entries: readonly Entry[];
  /** One entry, as a keyed `<li>`. */
  render: (entry: Entry) => ReactNode;
}

/** The first entries of a section's list, and a button that lists the rest. */
export function FirstEntries<Entry>({ testId, entries, render }: FirstEntriesProps<Entry>) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const shown = all ? entries : entries.slice(0, FIRST_ENTRIES);

  useEffect(() => {
    // The button goes once pressed; a keyboard user carries on at the first entry it showed
    // rather than back at the top of the page.
    if (all) list.current?.children.item(FIRST_ENTRIES)?.querySelector<HTMLElement>("button, a")?.focus();
  }, [all]);

  return (
    <>
      <ul className="dashboard-list" ref={list}>
        {shown.map(render)}
      </ul>
      {shown.length < entries.length && (
        <button
          type="button"
          className="link-button dashboard-section__more"
          data-testid={`${testId}-show-all`}
          onClick={() => {
            setAll(true);
          }}
        >
          {t("dashboard.showAll", { n: entries.length - shown.length })}
        </button>
      )}
    </>
  );
}
