import { useRef } from "react";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Interview } from "../../../ipc/api";
import { SaveStatus } from "../autosave/SaveStatus";
import { saveShortcut, textBindings, useAutosave } from "../autosave/useAutosave";
import type { CaptureSection } from "../capture/passage";
import { useCapture } from "../capture/useCapture";
import { useSaveNotes } from "../queries";

interface NoteEditorProps {
  /** Render with `key={interview.id}`: the editor takes the notes once, when it opens. */
  interview: Pick<Interview, "id" | "notes" | "updatedAt">;
  /** The sheet's sections, numbered as the consultant files into them. */
  sections: readonly CaptureSection[];
  /** Files a passage under a section; rejects to report a failure. */
  onCapture: (sectionId: number, passage: string) => Promise<void>;
}

/**
 * The free notes taken while listening. There is no save button: see NoteAutosave for the
 * rules. A keystroke files the caret's line under a section of the sheet (useCapture).
 */
export function NoteEditor({ interview, sections, onCapture }: NoteEditorProps) {
  const { t } = useTranslation();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const { mutateAsync: saveNotes } = useSaveNotes();
  const autosave = useAutosave({
    initial: interview.notes,
    initialSavedAt: interview.updatedAt,
    save: (notes) => saveNotes({ interviewId: interview.id, notes }),
  });
  const capture = useCapture({ textareaRef, sections, onCapture, isComposing: autosave.isComposing });
  const bindings = textBindings(autosave);

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Capture first: it claims its own keys (preventDefault), and the save shortcut skips those.
    capture.onKeyDown(event);
    saveShortcut(autosave, event);
  };

  return (
    <section className="note-editor" aria-label={t("notes.label")}>
      <textarea
        ref={textareaRef}
        data-testid="note-editor"
        className="note-editor__text"
        aria-label={t("notes.label")}
        aria-describedby={`note-hint-${interview.id}`}
        spellCheck={false}
        autoFocus
        {...bindings}
        onKeyDown={handleKeyDown}
      />
      {capture.picker}
      <div className="note-editor__foot">
        <SaveStatus snapshot={autosave.snapshot} testId="save-status" />
        <p className="note-editor__hint" id={`note-hint-${interview.id}`} data-testid="capture-hint">
          {t("interview.notesHint")}
        </p>
      </div>
    </section>
  );
}
