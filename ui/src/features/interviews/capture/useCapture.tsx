import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode, RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { ErrorCode } from "../../../ipc/api";
import { toAppError } from "../../../ipc/appError";
import { isImeComposing } from "../../../shared/ime";
import { CapturePicker } from "./CapturePicker";
import { captureKey } from "./keys";
import { passageAt } from "./passage";
import type { CaptureSection } from "./passage";
import "./capture.css";

/** How long a quiet confirmation stays; failures stay until the next capture. */
export const CAPTURE_STATUS_MS = 4000;

export interface UseCaptureOptions {
  /** The notes field the shortcuts read from and give focus back to. */
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The interview sheet's sections, in any order. */
  sections: readonly CaptureSection[];
  /** Stores the passage under the section (appends it); reject to report a failure. */
  onCapture: (sectionId: number, passage: string) => Promise<void>;
  /**
   * An extra composition signal the editor already has (e.g. NoteAutosave.isComposing).
   * The hook tracks the textarea's own composition events too; either one blocks shortcuts.
   */
  isComposing?: () => boolean;
}

export interface CaptureControls {
  /** Call from the textarea's onKeyDown (before the editor's own shortcuts; it calls
   * preventDefault on the keys it uses, so the editor can skip `event.defaultPrevented`). */
  onKeyDown: (event: ReactKeyboardEvent<HTMLTextAreaElement>) => void;
  /** Render right after the textarea: the picker when open, and the quiet status line. */
  picker: ReactNode;
}

interface Selection {
  start: number;
  end: number;
  direction: "forward" | "backward" | "none";
}

interface OpenPicker {
  /** Remounts the picker on each opening, so an old query never comes back. */
  id: number;
  passage: string;
  selection: Selection;
  busy: boolean;
}

type Status =
  | { kind: "added"; section: string }
  | { kind: "empty" }
  | { kind: "missing"; number: number }
  | { kind: "failed"; section: string; code: ErrorCode };

/**
 * "Capture while listening": one keystroke files the passage under the caret (or the
 * selection) into a section of the interview sheet, without leaving the keyboard.
 * See keys.ts for the shortcuts. Nothing fires while an IME composition is open: typing
 * Japanese must never file a half-converted word.
 */
export function useCapture({ textareaRef, sections, onCapture, isComposing }: UseCaptureOptions): CaptureControls {
  const { t } = useTranslation();
  const [picker, setPicker] = useState<OpenPicker | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const composing = useRef(false);
  const openPickerId = useRef<number | null>(null);
  const nextPickerId = useRef(1);

  // Listened to on the document, filtered by target, so the editor only has to pass its
  // keydown through, and a re-rendered textarea is still followed.
  useEffect(() => {
    const onStart = (event: Event) => {
      if (event.target === textareaRef.current) {
        composing.current = true;
      }
    };
    const onEnd = (event: Event) => {
      if (event.target === textareaRef.current) {
        composing.current = false;
      }
    };
    document.addEventListener("compositionstart", onStart, true);
    document.addEventListener("compositionend", onEnd, true);
    return () => {
      document.removeEventListener("compositionstart", onStart, true);
      document.removeEventListener("compositionend", onEnd, true);
    };
  }, [textareaRef]);

  useEffect(() => {
    if (status === null || status.kind === "failed") {
      return;
    }
    const timer = setTimeout(() => {
      setStatus(null);
    }, CAPTURE_STATUS_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [status]);

  const restoreFocus = (selection: Selection) => {
    const textarea = textareaRef.current;
    if (!textarea) {
      return;
    }
    textarea.focus();
    textarea.setSelectionRange(selection.start, selection.end, selection.direction);
  };

  const closePicker = () => {
    openPickerId.current = null;
    setPicker(null);
  };

  /** Resolves true once stored; on failure reports it and resolves false. */
  const file = async (section: CaptureSection, passage: string): Promise<boolean> => {
    try {
      await onCapture(section.id, passage);
    } catch (thrown) {
      setStatus({ kind: "failed", section: section.title, code: toAppError(thrown).code });
      return false;
    }
    setStatus({ kind: "added", section: section.title });
    return true;
  };

  const chooseInPicker = async (open: OpenPicker, section: CaptureSection) => {
    setPicker({ ...open, busy: true });
    const stored = await file(section, open.passage);
    // The consultant may have clicked back into the notes meanwhile: then the picker is
    // gone and focus is theirs, not ours to move.
    if (openPickerId.current !== open.id) {
      return;
    }
    if (stored) {
      closePicker();
      restoreFocus(open.selection);
    } else {
      setPicker({ ...open, busy: false });
    }
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    const key = captureKey(event);
    if (!key || composing.current || isImeComposing(event) || isComposing?.() === true) {
      return;
    }
    event.preventDefault();
    const textarea = event.currentTarget;
    const passage = passageAt(textarea.value, textarea.selectionStart, textarea.selectionEnd);
    if (passage === "") {
      setStatus({ kind: "empty" });
      return;
    }
    if (key.kind === "direct") {
      const section = sections.find((candidate) => candidate.number === key.number);
      if (!section) {
        setStatus({ kind: "missing", number: key.number });
        return;
      }
      void file(section, passage);
      return;
    }
    const id = nextPickerId.current++;
    openPickerId.current = id;
    setStatus(null);
    setPicker({
      id,
      passage,
      selection: {
        start: textarea.selectionStart,
        end: textarea.selectionEnd,
        direction: textarea.selectionDirection,
      },
      busy: false,
    });
  };

  let message = "";
  if (status?.kind === "added") {
    message = t("capture.added", { section: status.section });
  } else if (status?.kind === "empty") {
    message = t("capture.empty");
  } else if (status?.kind === "missing") {
    message = t("capture.missing", { number: status.number });
  } else if (status?.kind === "failed") {
    message = t("capture.failed", { section: status.section, reason: t(`errors.${status.code}`) });
  }

  const node = (
    <div className="capture">
      {picker && (
        <CapturePicker
          key={picker.id}
          sections={sections}
          passage={picker.passage}
          busy={picker.busy}
          onChoose={(section) => {
            void chooseInPicker(picker, section);
          }}
          onCancel={() => {
            closePicker();
            restoreFocus(picker.selection);
          }}
          onDismiss={closePicker}
        />
      )}
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      <p className="capture-status" role="status" data-testid="capture-status" data-state={status?.kind}>
        {message}
      </p>
    </div>
  );

  return { onKeyDown, picker: node };
}
