import { useTranslation } from "react-i18next";
import type { SheetSection } from "../../../ipc/api";
import type { CaptureTargets } from "./captureTargets";
import { SheetSectionEditor } from "./SheetSectionEditor";
import { sectionTitle } from "./sectionTitle";

interface SheetPanelProps {
  sections: readonly SheetSection[];
  targets: CaptureTargets;
}

/** The interview sheet: its sections in order, numbered as Alt+number files into them. */
export function SheetPanel({ sections, targets }: SheetPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="sheet-panel" aria-label={t("sheet.title")} data-testid="sheet-panel">
      <h2 className="panel-title">{t("sheet.title")}</h2>
      {sections.length === 0 && <p className="quiet">{t("sheet.empty")}</p>}
      {sections.map((section) => (
        <SheetSectionEditor key={section.id} section={section} title={sectionTitle(t, section)} targets={targets} />
      ))}
    </section>
  );
}
