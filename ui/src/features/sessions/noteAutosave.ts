export type SaveState = "saved" | "dirty" | "saving" | "error";

export interface AutosaveSnapshot {
  state: SaveState;
  /** RFC 3339 time of the last successful save (or of the session as opened). */
  savedAt: string;
}

export interface NoteAutosaveOptions {
  /** The text as it is stored now. */
  initialText: string;
  initialSavedAt: string;
  /** Persists the text; resolves with the stored record's new `updatedAt`. */
  save: (text: string) => Promise<{ updatedAt: string }>;
  /** Quiet time after the last keystroke before saving. */
  delayMs: number;
  onChange: (snapshot: AutosaveSnapshot) => void;
}

/**
 * The note editor's saving rules, kept free of React so each rule is easy to follow:
 *
 * - a change saves after `delayMs` of quiet; blur, Ctrl/Cmd+S and leaving save at once;
 * - nothing saves while an IME composition is open (the text is half-converted); a blur
 *   during composition is remembered and honoured at `compositionend`;
 * - one save at a time; text typed while a save is in flight is saved right after it;
 * - a failed save keeps the text, reports "error", and is retried on the next change or
 *   blur (never in a loop on its own).
 */
export class NoteAutosave {
  private latest: string;
  private stored: string;
  private savedAt: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<boolean> | undefined;
  private composing = false;
  private blurredWhileComposing = false;
  private lastSaveFailed = false;
  private readonly options: NoteAutosaveOptions;

  constructor(options: NoteAutosaveOptions) {
    this.options = options;
    this.latest = options.initialText;
    this.stored = options.initialText;
    this.savedAt = options.initialSavedAt;
  }

  get isComposing(): boolean {
    return this.composing;
  }

  snapshot(): AutosaveSnapshot {
    return { state: this.state(), savedAt: this.savedAt };
  }

  /**
   * The textarea's value changed (typing, paste, or an IME update). `inputIsComposing` is
   * the input event's own `isComposing`, a second signal in case a webview's
   * compositionstart went missing.
   */
  edit(text: string, inputIsComposing = false): void {
    this.latest = text;
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

  /** `text` is the field's value once the conversion is confirmed. */
  compositionEnd(text: string): void {
    this.composing = false;
    this.latest = text;
    if (this.blurredWhileComposing) {
      this.blurredWhileComposing = false;
      void this.flush();
    } else if (this.latest !== this.stored) {
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
   * (false). Used by blur, the shortcut, and by whoever is about to leave the note (switch
   * session or client, lock, unmount): those also call it mid-composition, since the
   * field is going away and its text would be lost otherwise.
   */
  flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.inFlight) {
      // Wait for the running save, then store whatever arrived meanwhile.
      return this.inFlight.then(() => this.flush());
    }
    if (this.latest === this.stored) {
      return Promise.resolve(true);
    }
    const text = this.latest;
    this.inFlight = this.options
      .save(text)
      .then(
        (stored) => {
          this.stored = text;
          this.savedAt = stored.updatedAt;
          this.lastSaveFailed = false;
          return true;
        },
        () => {
          this.lastSaveFailed = true;
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

  /** Stops the timer without saving; call after a final `flush()`. */
  dispose(): void {
    this.cancelTimer();
  }

  private state(): SaveState {
    if (this.inFlight) {
      return "saving";
    }
    if (this.latest === this.stored) {
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
