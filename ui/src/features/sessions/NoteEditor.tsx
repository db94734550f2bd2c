import { useEffect, useRef, useState } from "react";
import type { ChangeEvent, CompositionEvent, KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ipc/api";
import type { Session } from "../../ipc/api";
import { formatSavedAt } from "../../shared/format";
import { isImeComposing } from "../../shared/ime";
import { usePendingSaves } from "../../shared/pendingSaves";
import { useLanguage } from "../../shared/useLanguage";
import { NoteAutosave } from "./noteAutosave";
import type { AutosaveSnapshot } from "./noteAutosave";
import "./sessions.css";

/** Long enough not to save between two words, short enough that little is ever at risk. */
export const AUTOSAVE_DELAY_MS = 700;

interface NoteEditorProps {
  /** Render with `key={session.id}`: one editor instance per session. */
  session: Session;
  /** After every successful save, e.g. to refresh the list's preview. */
  onSaved?: (session: Session) => void;
}

/**
 * The free notes taken while listening. There is no save button: see NoteAutosave for the
 * rules. Ctrl/Cmd+S still saves at once, for people whose hands do it anyway.
 */
export function NoteEditor({ session, onSaved }: NoteEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { register } = usePendingSaves();
  const [text, setText] = useState(session.notes);
  const [snapshot, setSnapshot] = useState<AutosaveSnapshot>({ state: "saved", savedAt: session.updatedAt });

  // The latest callback, read when a save completes rather than captured at mount.
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  // What was stored when the note opened; later renders must not reset the autosave.
  const [opened] = useState(() => ({ id: session.id, notes: session.notes, updatedAt: session.updatedAt }));
  const autosaveRef = useRef<NoteAutosave | null>(null);

  useEffect(() => {
    const autosave = new NoteAutosave({
      initialText: opened.notes,
      initialSavedAt: opened.updatedAt,
      delayMs: AUTOSAVE_DELAY_MS,
      save: async (notes) => {
        const saved = await api.sessionSaveNotes(opened.id, notes);
        onSavedRef.current?.(saved);
        return saved;
      },
      onChange: setSnapshot,
    });
    autosaveRef.current = autosave;
    const unregister = register(() => autosave.flush());
    return () => {
      unregister();
      autosaveRef.current = null;
      // Leaving the note (another session, another client, lock): store what is there.
      void autosave.flush();
      autosave.dispose();
    };
  }, [opened, register]);

  const handleChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const native = event.nativeEvent;
    const inputIsComposing = native instanceof InputEvent && native.isComposing;
    setText(event.target.value);
    autosaveRef.current?.edit(event.target.value, inputIsComposing);
  };

  const handleCompositionEnd = (event: CompositionEvent<HTMLTextAreaElement>) => {
    // Some webviews send the last input event after compositionend, others before: take
    // the confirmed text from the field itself.
    const confirmed = event.currentTarget.value;
    setText(confirmed);
    autosaveRef.current?.compositionEnd(confirmed);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const isSaveShortcut = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s";
    const autosave = autosaveRef.current;
    if (!isSaveShortcut || !autosave || autosave.isComposing || isImeComposing(event)) {
      return;
    }
    event.preventDefault();
    void autosave.flush();
  };

  return (
    <section className="note-editor" aria-label={t("notes.label")}>
      <textarea
        data-testid="note-editor"
        className="note-editor__text"
        aria-label={t("notes.label")}
        value={text}
        onChange={handleChange}
        onCompositionStart={() => {
          autosaveRef.current?.compositionStart();
        }}
        onCompositionEnd={handleCompositionEnd}
        onBlur={() => {
          autosaveRef.current?.blur();
        }}
        onKeyDown={handleKeyDown}
        spellCheck={false}
        autoFocus
      />
      <p className="save-status" data-testid="save-status" data-state={snapshot.state} role="status">
        {snapshot.state === "saved" && t("notes.saved", { time: formatSavedAt(snapshot.savedAt, language) })}
        {snapshot.state === "dirty" && t("notes.dirty")}
        {snapshot.state === "saving" && t("notes.saving")}
        {snapshot.state === "error" && t("notes.error")}
      </p>
    </section>
  );
}
