import { useEffect, useId, useRef, useState } from "react";
import type { ChangeEvent, FocusEvent, KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { isImeComposing } from "../../../shared/ime";
import { matchSections } from "./passage";
import type { CaptureSection } from "./passage";
import "./capture.css";

export interface CapturePickerProps {
  sections: readonly CaptureSection[];
  /** What will be filed, shown so the consultant sees it before pressing Enter. */
  passage: string;
  /** A capture is being stored: further choices are ignored so nothing is filed twice. */
  busy: boolean;
  onChoose: (section: CaptureSection) => void;
  /** Escape: the caller puts focus and caret back in the notes. */
  onCancel: () => void;
  /** Focus went to another element of the page: close without taking it back. */
  onDismiss: () => void;
}

/**
 * The inline section picker opened by Ctrl/Cmd+Enter: a combobox and its listbox, right
 * under the notes rather than in a dialog, so the consultant's eyes stay on the page.
 * It stays mounted while a capture is stored, so a failure keeps the query and highlight.
 */
export function CapturePicker({ sections, passage, busy, onChoose, onCancel, onDismiss }: CapturePickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const matches = matchSections(sections, query);
  const activeIndex = Math.min(active, matches.length - 1);
  const highlighted = activeIndex >= 0 ? matches[activeIndex] : undefined;
  const optionId = (section: CaptureSection) => `${listId}-${section.number}`;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    setQuery(event.target.value);
    // The best match is always first; a highlight kept from the old list would point elsewhere.
    setActive(0);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // During a conversion, Enter confirms it, arrows move among candidates and Escape
    // cancels it: all of them belong to the IME.
    if (composing.current || isImeComposing(event)) {
      return;
    }
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (matches.length > 0) {
          const step = event.key === "ArrowDown" ? 1 : -1;
          setActive((Math.max(activeIndex, 0) + step + matches.length) % matches.length);
        }
        break;
      }
      case "Enter": {
        event.preventDefault();
        if (highlighted && !busy) {
          onChoose(highlighted);
        }
        break;
      }
      case "Escape": {
        event.preventDefault();
        // The notes may sit inside something that also closes on Escape.
        event.stopPropagation();
        onCancel();
        break;
      }
    }
  };

  const handleBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    // A null target is the window losing focus (another app, a notification): the picker
    // should still be there on return.
    if (next instanceof Node && !event.currentTarget.contains(next)) {
      onDismiss();
    }
  };

  return (
    <div className="capture-picker" data-testid="capture-picker" aria-busy={busy} onBlur={handleBlur}>
      <p className="capture-picker__passage" title={passage}>
        {t("capture.passage", { passage })}
      </p>
      <input
        ref={inputRef}
        className="capture-picker__query"
        data-testid="capture-query"
        role="combobox"
        aria-label={t("capture.queryLabel")}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlighted ? optionId(highlighted) : undefined}
        placeholder={t("capture.queryPlaceholder")}
        value={query}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <ul className="capture-picker__list" id={listId} role="listbox" aria-label={t("capture.listLabel")}>
        {matches.map((section, index) => (
          <li
            key={section.id}
            id={optionId(section)}
            className="capture-picker__option"
            role="option"
            aria-selected={index === activeIndex}
            data-testid={`capture-option-${section.number}`}
            // Keeps focus (and the IME state) in the query field while clicking.
            onMouseDown={(event) => {
              event.preventDefault();
            }}
            onClick={() => {
              if (!busy) {
                onChoose(section);
              }
            }}
          >
            <span className="capture-picker__number">{section.number}</span>
            <span className="capture-picker__title">{section.title}</span>
          </li>
        ))}
      </ul>
      {matches.length === 0 && <p className="capture-picker__empty">{t("capture.noMatch")}</p>}
      <p className="capture-picker__hint">{t("capture.hint")}</p>
    </div>
  );
}
