export type SaveState = "saved" | "dirty" | "saving" | "error";

export interface AutosaveSnapshot<T = string> {
  state: SaveState;
  /** RFC 3339 time of the last successful save (or of the record as opened); "" if never. */
  savedAt: string;
  /** What the field shows: everything typed, saved or not. */
  value: T;
}

/** What a store call answers: the value now stored and the record's new `updatedAt`. */
export interface Stored<T> {
  value: T;
  updatedAt: string;
}

export interface NoteAutosaveOptions<T> {
  /** The value as it is stored now. */
  initial: T;
  initialSavedAt: string;
  /** Persists the value; resolves with the stored record's new `updatedAt`. */
  save: (value: T) => Promise<{ updatedAt: string }>;
  /** Quiet time after the last keystroke before saving. */
  delayMs: number;
  onChange: (snapshot: AutosaveSnapshot<T>) => void;
  /** For values that are not strings (the questionnaire's four answers). */
  equals?: (a: T, b: T) => boolean;
}

/**
 * The saving rules of every editor that has no save button (notes, sheet sections, the
 * questionnaire), kept free of React so each rule is easy to follow:
 *
 * - a change saves after `delayMs` of quiet; blur, Ctrl/Cmd+S and leaving save at once;
 * - nothing saves while an IME composition is open (the text is half-converted); a blur
 *   during composition is remembered and honoured at `compositionend`;
 * - one save at a time; text typed while a save is in flight is saved right after it;
 * - a failed save keeps the text, reports "error", and is retried on the next change or
 *   blur (never in a loop on its own).
 */
export class NoteAutosave<T = string> {
  private latest: T;
  private stored: T;
  private savedAt: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<boolean> | undefined;
  private composing = false;
  private blurredWhileComposing = false;
  private lastSaveFailed = false;
  /** An addition from elsewhere that arrived mid-composition, applied once it ends. */
  private deferredAddition: ((value: T) => T) | undefined;
  private readonly options: NoteAutosaveOptions<T>;
  private readonly equals: (a: T, b: T) => boolean;

  constructor(options: NoteAutosaveOptions<T>) {
    this.options = options;
    this.equals = options.equals ?? Object.is;
    this.latest = options.initial;
    this.stored = options.initial;
    this.savedAt = options.initialSavedAt;
  }

  get isComposing(): boolean {
    return this.composing;
  }

  /** Everything typed so far. */
  get current(): T {
    return this.latest;
  }

  snapshot(): AutosaveSnapshot<T> {
    return { state: this.state(), savedAt: this.savedAt, value: this.latest };
  }

  /**
   * The field's value changed (typing, paste, or an IME update). `inputIsComposing` is
   * the input event's own `isComposing`, a second signal in case a webview's
   * compositionstart went missing.
   */
  edit(value: T, inputIsComposing = false): void {
    this.latest = value;
    if (this.composing || inputIsComposing) {
      this.cancelTimer();
    } else {
      this.schedule();
    }
    this.emit();
  }

  compositionStart(): void {
    this.composing = true;
    // A pending debounce would otherwise fire mid-conversion.
    this.cancelTimer();
  }

  /** `value` is the field's value once the conversion is confirmed. */
  compositionEnd(value: T): void {
    this.composing = false;
    this.latest = value;
    if (this.deferredAddition) {
      this.latest = this.deferredAddition(this.latest);
      this.deferredAddition = undefined;
    }
    if (this.blurredWhileComposing) {
      this.blurredWhileComposing = false;
      void this.flush();
    } else if (!this.equals(this.latest, this.stored)) {
      this.schedule();
    }
    this.emit();
  }

  blur(): void {
    if (this.composing) {
      this.blurredWhileComposing = true;
      return;
    }
    void this.flush();
  }

  /**
   * Saves now and resolves once everything typed so far is stored (true) or a save failed
   * (false). Used by blur, the shortcut, and by whoever is about to leave the page
   * (navigation, lock, window close, unmount): those also call it mid-composition, since
   * the field is going away and its text would be lost otherwise.
   */
  flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.inFlight) {
      // Wait for the running save, then store whatever arrived meanwhile.
      return this.inFlight.then(() => this.flush());
    }
    if (this.equals(this.latest, this.stored)) {
      return Promise.resolve(true);
    }
    const value = this.latest;
    return this.run(
      this.options.save(value).then((stored) => ({ value, updatedAt: stored.updatedAt })),
      () => undefined,
    );
  }

  /**
   * Adds to the value from outside the field (a passage captured from the notes) without
   * ever losing what was typed here. When nothing is pending, `store` makes the change
   * in the store and its answer is shown as it is; should typing start meanwhile, the
   * typed text is kept and `add` is applied to it, to be saved in turn. When something is
   * pending (typed but unsaved, a save running or failed, a conversion open), `add` is
   * applied to the text here and saved with it, so the store never sees the older text.
   * Rejects only when `store` fails, and then nothing has changed.
   */
  async addFromOutside(store: () => Promise<Stored<T>>, add: (value: T) => T): Promise<void> {
    if (this.inFlight || this.composing || this.lastSaveFailed || !this.equals(this.latest, this.stored)) {
      if (this.composing) {
        // Changing the field under an open conversion would break it.
        const earlier = this.deferredAddition;
        this.deferredAddition = (value) => add(earlier ? earlier(value) : value);
        return;
      }
      this.edit(add(this.latest));
      await this.flush();
      return;
    }
    const before = this.latest;
    let failure: unknown;
    const stored = await this.run(store(), (reason) => {
      failure = reason;
    });
    if (!stored) {
      // Nothing was changed: report it to the caller rather than as a failed save here.
      this.lastSaveFailed = false;
      this.emit();
      throw failure;
    }
    if (!this.equals(this.latest, before)) {
      // Typed meanwhile: the store has `before` plus the addition, the field has more.
      // Through the getter: a conversion may have started during the await.
      if (this.isComposing) {
        this.deferredAddition = add;
      } else {
        this.edit(add(this.latest));
      }
    } else {
      this.latest = this.stored;
      this.emit();
    }
  }

  /** Stops the timer without saving; call after a final `flush()`. */
  dispose(): void {
    this.cancelTimer();
  }

  /** One store call at a time; what it stored becomes the stored value. */
  private run(call: Promise<Stored<T>>, onFailure: (reason: unknown) => void): Promise<boolean> {
    this.inFlight = call
      .then(
        (stored) => {
          this.stored = stored.value;
          this.savedAt = stored.updatedAt;
          this.lastSaveFailed = false;
          return true;
        },
        (reason: unknown) => {
          this.lastSaveFailed = true;
          onFailure(reason);
          return false;
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        this.emit();
      });
    this.emit();
    return this.inFlight;
  }

  private state(): SaveState {
    if (this.inFlight) {
      return "saving";
    }
    if (this.equals(this.latest, this.stored)) {
      return "saved";
    }
    return this.lastSaveFailed ? "error" : "dirty";
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private emit(): void {
    this.options.onChange(this.snapshot());
  }
}
