import { useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { isImeComposing } from "../../shared/ime";
import type { DraftSection } from "./templateDraft";

/** Which control of a row had focus, to give it back after the row moved. */
export type RowControl = "template-up" | "template-down" | "template-rename" | null;

interface TemplateRowProps {
  section: DraftSection;
  title: string;
  /** On a new interview's sheet; null for a retired section. */
  number: number | null;
  first: boolean;
  last: boolean;
  renaming: boolean;
  disabled: boolean;
  /** Receives the row's element, to give it the focus back after a move. */
  onRowElement: (element: HTMLLIElement | null) => void;
  onMove: (delta: -1 | 1, control: RowControl) => void;
  onStartRename: () => void;
  onRename: (typed: string | null) => void;
  onToggleRetired: () => void;
}

export function TemplateRow({
  section,
  title,
  number,
  first,
  last,
  renaming,
  disabled,
  onRowElement,
  onMove,
  onStartRename,
  onRename,
  onToggleRetired,
}: TemplateRowProps) {
  const { t } = useTranslation();

  const keyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || isImeComposing(event) || event.target instanceof HTMLInputElement) {
      return;
    }
    const delta = event.key === "ArrowUp" ? -1 : event.key === "ArrowDown" ? 1 : null;
    if (delta === null) {
      return;
    }
    event.preventDefault();
    const control = event.target === event.currentTarget ? null : ((event.target as HTMLElement).dataset.testid ?? null);
    onMove(delta, control as RowControl);
  };

  return (
    <li
      ref={onRowElement}
      className={section.retired ? "template-row template-row--retired" : "template-row"}
      data-testid="template-section"
      data-retired={section.retired}
      tabIndex={0}
      aria-label={title}
      onKeyDown={keyDown}
    >
      <span className="template-row__number" data-testid="template-section-number">
        {number ?? "—"}
      </span>
      {renaming ? (
        <RenameInput title={title} onDone={onRename} />
      ) : (
        <span className="template-row__title" data-testid="template-section-title">
          {title}
        </span>
      )}
      {section.retired && <span className="template-row__retired">{t("template.retired")}</span>}
      <span className="template-row__actions">
        <button
          type="button"
          className="button button--small"
          data-testid="template-up"
          aria-label={t("template.moveUpLabel", { title })}
          title={t("template.moveUp")}
          onClick={() => {
            onMove(-1, "template-up");
          }}
          disabled={disabled || first}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="template-down"
          aria-label={t("template.moveDownLabel", { title })}
          title={t("template.moveDown")}
          onClick={() => {
            onMove(1, "template-down");
          }}
          disabled={disabled || last}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="template-rename"
          onClick={onStartRename}
          disabled={disabled || renaming}
        >
          {t("template.rename")}
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="template-retire"
          onClick={onToggleRetired}
          disabled={disabled}
        >
          {section.retired ? t("template.restore") : t("template.retire")}
        </button>
      </span>
    </li>
  );
}

/**
 * The title, edited in place: Enter or leaving the field keeps it, Escape drops it. The
 * Enter that confirms an IME conversion only confirms the conversion.
 */
function RenameInput({ title, onDone }: { title: string; onDone: (typed: string | null) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const composing = useRef(false);
  // Enter and Escape end the edit; the blur that follows the input's removal must not again.
  const done = useRef(false);

  const finish = (typed: string | null) => {
    if (!done.current) {
      done.current = true;
      onDone(typed);
    }
  };

  return (
    <input
      type="text"
      className="template-row__input"
      data-testid="template-title-input"
      aria-label={t("template.renameLabel", { title })}
      value={value}
      autoFocus
      autoComplete="off"
      onChange={(event) => {
        setValue(event.target.value);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
      }}
      onKeyDown={(event) => {
        if (composing.current || isImeComposing(event)) {
          return;
        }
        if (event.key === "Enter") {
          event.preventDefault();
          finish(value);
        } else if (event.key === "Escape") {
          event.preventDefault();
          finish(null);
        }
      }}
      onBlur={() => {
        finish(value);
      }}
    />
  );
}
