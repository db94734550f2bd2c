import { useId } from "react";
import type { ReportPart } from "../../ipc/api";
import { SaveStatus } from "../interviews/autosave/SaveStatus";
import { textBindings, useAutosave } from "../interviews/autosave/useAutosave";
import { useSaveReportPart } from "./queries";

interface ReportPartEditorProps {
  reportId: number;
  part: ReportPart;
  number: number;
  title: string;
  /** The text when the editor opened; render with a key that changes when it is replaced. */
  text: string;
  savedAt: string;
  /** While an earlier version is being restored: nothing typed may land after it. */
  readOnly: boolean;
}

/** One part of the report, saved as it is typed (see NoteAutosave), IME-safe. */
export function ReportPartEditor({ reportId, part, number, title, text, savedAt, readOnly }: ReportPartEditorProps) {
  const id = useId();
  const { mutateAsync: savePart } = useSaveReportPart();
  const autosave = useAutosave({
    initial: text,
    initialSavedAt: savedAt,
    save: (value) => savePart({ reportId, part, text: value }),
  });
  return (
    <section className="report-part" aria-labelledby={`${id}-title`}>
      <label className="report-part__title" id={`${id}-title`} htmlFor={`${id}-text`}>
        <span className="report-part__number">{number}</span>
        {title}
      </label>
      <textarea
        id={`${id}-text`}
        className="report-part__text"
        data-testid={`report-part-${part}`}
        rows={8}
        spellCheck={false}
        readOnly={readOnly}
        {...textBindings(autosave)}
      />
      <SaveStatus snapshot={autosave.snapshot} testId={`report-status-${part}`} />
    </section>
  );
}
