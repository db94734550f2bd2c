import { useEffect, useId, useRef } from "react";
import type { SheetSection } from "../../../ipc/api";
import { SaveStatus } from "../autosave/SaveStatus";
import { textBindings, useAutosave } from "../autosave/useAutosave";
import { useCaptureToSection, useSaveSection } from "../queries";
import { appendPassage } from "./appendPassage";
import type { CaptureTargets } from "./captureTargets";

interface SheetSectionEditorProps {
  /** Render with `key={section.id}`: the editor takes the text once, when it opens. */
  section: SheetSection;
  title: string;
  targets: CaptureTargets;
}

/** One numbered section of the sheet, saved as it is typed (see NoteAutosave). */
export function SheetSectionEditor({ section, title, targets }: SheetSectionEditorProps) {
  const id = useId();
  const { mutateAsync: saveSection } = useSaveSection();
  const { mutateAsync: capture } = useCaptureToSection();
  const captureRef = useRef(capture);
  useEffect(() => {
    captureRef.current = capture;
  }, [capture]);

  const autosave = useAutosave({
    initial: section.text,
    initialSavedAt: section.updatedAt,
    save: (text) => saveSection({ sectionId: section.id, text }),
  });
  const { addFromOutside } = autosave;

  useEffect(
    () =>
      targets.register(section.id, (passage) =>
        addFromOutside(
          async () => {
            const stored = await captureRef.current({ sectionId: section.id, passage });
            return { value: stored.text, updatedAt: stored.updatedAt };
          },
          (text) => appendPassage(text, passage),
        ),
      ),
    [targets, section.id, addFromOutside],
  );

  return (
    <section className="sheet-section" aria-labelledby={`${id}-title`}>
      <label className="sheet-section__title" id={`${id}-title`} htmlFor={`${id}-text`}>
        <span className="sheet-section__number">{section.position}</span>
        {title}
      </label>
      <textarea
        id={`${id}-text`}
        className="sheet-section__text"
        data-testid={`sheet-section-${section.position}`}
        rows={3}
        spellCheck={false}
        {...textBindings(autosave)}
      />
      <SaveStatus snapshot={autosave.snapshot} testId={`sheet-status-${section.position}`} />
    </section>
  );
}
