import { useEffect, useMemo, useRef, useState } from "react";
import type { ChangeEvent, CompositionEvent, KeyboardEvent } from "react";
import { isImeComposing } from "../../../shared/ime";
import { usePendingSaves } from "../../../shared/pendingSaves";
import { NoteAutosave } from "./noteAutosave";
import type { AutosaveSnapshot, Stored } from "./noteAutosave";

/** Long enough not to save between two words, short enough that little is ever at risk. */
export const AUTOSAVE_DELAY_MS = 700;

export interface UseAutosaveOptions<T> {
  /** The value as stored when the editor opened; later renders never reset it. */
  initial: T;
  initialSavedAt: string;
  save: (value: T) => Promise<{ updatedAt: string }>;
  equals?: (a: T, b: T) => boolean;
}

export interface Autosave<T> {
  snapshot: AutosaveSnapshot<T>;
  /** Everything typed so far, read from the autosave rather than a possibly older render. */
  current: () => T;
  edit: (value: T, inputIsComposing?: boolean) => void;
  compositionStart: () => void;
  compositionEnd: (value: T) => void;
  blur: () => void;
  flush: () => Promise<boolean>;
  isComposing: () => boolean;
  addFromOutside: (store: () => Promise<Stored<T>>, add: (value: T) => T) => Promise<void>;
}

/**
 * A NoteAutosave for the lifetime of an editor. It registers with the pending saves, so
 * navigation, lock and window close store it first, and it stores what is there when the
 * editor goes away.
 */
export function useAutosave<T>({ initial, initialSavedAt, save, equals }: UseAutosaveOptions<T>): Autosave<T> {
  const { register } = usePendingSaves();
  const [opened] = useState(() => ({ initial, initialSavedAt, equals }));
  const [snapshot, setSnapshot] = useState<AutosaveSnapshot<T>>({
    state: "saved",
    savedAt: initialSavedAt,
    value: initial,
  });
  // Read through a ref: the autosave lives as long as the editor, the mutation may not.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const autosaveRef = useRef<NoteAutosave<T> | null>(null);
  useEffect(() => {
    const autosave = new NoteAutosave<T>({
      initial: opened.initial,
      initialSavedAt: opened.initialSavedAt,
      delayMs: AUTOSAVE_DELAY_MS,
      save: (value) => saveRef.current(value),
      onChange: setSnapshot,
      ...(opened.equals ? { equals: opened.equals } : {}),
    });
    autosaveRef.current = autosave;
    const unregister = register(() => autosave.flush());
    return () => {
      unregister();
      autosaveRef.current = null;
      // Leaving the editor (another page, lock): store what is there.
      void autosave.flush();
      autosave.dispose();
    };
  }, [opened, register]);

  // Stable functions: effects may depend on them (a section registers its capture once).
  // Events reach them only after the effect above has made the autosave.
  const [controls] = useState<Omit<Autosave<T>, "snapshot">>(() => ({
    current: () => autosaveRef.current?.current ?? opened.initial,
    edit: (value, inputIsComposing) => {
      autosaveRef.current?.edit(value, inputIsComposing);
    },
    compositionStart: () => {
      autosaveRef.current?.compositionStart();
    },
    compositionEnd: (value) => {
      autosaveRef.current?.compositionEnd(value);
    },
    blur: () => {
      autosaveRef.current?.blur();
    },
    flush: () => autosaveRef.current?.flush() ?? Promise.resolve(true),
    isComposing: () => autosaveRef.current?.isComposing ?? false,
    addFromOutside: (store, add) =>
      autosaveRef.current?.addFromOutside(store, add) ?? Promise.reject(new Error("the editor is closed")),
  }));

  return useMemo(() => ({ ...controls, snapshot }), [controls, snapshot]);
}

/** How one textarea reads and writes its part of the value (all of it, for plain text). */
export interface Lens<T> {
  get: (value: T) => string;
  set: (value: T, text: string) => T;
}

const WHOLE: Lens<string> = { get: (value) => value, set: (_value, text) => text };

/**
 * The textarea props that wire a field to an autosave: typing, IME composition, blur, and
 * Ctrl/Cmd+S to save at once (for people whose hands do it anyway).
 */
export function textareaBindings<T>(autosave: Autosave<T>, lens: Lens<T>) {
  return {
    value: lens.get(autosave.snapshot.value),
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
      const native = event.nativeEvent;
      const inputIsComposing = native instanceof InputEvent && native.isComposing;
      autosave.edit(lens.set(autosave.current(), event.target.value), inputIsComposing);
    },
    onCompositionStart: () => {
      autosave.compositionStart();
    },
    onCompositionEnd: (event: CompositionEvent<HTMLTextAreaElement>) => {
      // Some webviews send the last input event after compositionend, others before: take
      // the confirmed text from the field itself.
      autosave.compositionEnd(lens.set(autosave.current(), event.currentTarget.value));
    },
    onBlur: () => {
      autosave.blur();
    },
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
      saveShortcut(autosave, event);
    },
  };
}

export function textBindings(autosave: Autosave<string>) {
  return textareaBindings(autosave, WHOLE);
}

/** Ctrl/Cmd+S saves at once, but never the key that belongs to an IME conversion. */
export function saveShortcut<T>(autosave: Autosave<T>, event: KeyboardEvent<HTMLElement>): void {
  const isSaveShortcut = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s";
  if (!isSaveShortcut || event.defaultPrevented || autosave.isComposing() || isImeComposing(event)) {
    return;
  }
  event.preventDefault();
  void autosave.flush();
}
