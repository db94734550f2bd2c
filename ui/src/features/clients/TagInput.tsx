import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { isImeComposing } from "../../shared/ime";
import { TAG_SEPARATORS, withTags } from "./clientDraft";

interface TagInputProps {
  id: string;
  tags: string[];
  text: string;
  onChange: (tags: string[], text: string) => void;
  disabled: boolean;
  invalid: boolean;
}

/**
 * Tags as chips: a comma (、 too) or Enter makes the text typed so far a chip. While an IME
 * is composing nothing splits: its Enter only confirms the conversion, and a 、 typed in
 * the middle of a conversion is part of it until confirmed.
 */
export function TagInput({ id, tags, text, onChange, disabled, invalid }: TagInputProps) {
  const { t } = useTranslation();
  const composing = useRef(false);

  const typed = (value: string) => {
    if (composing.current || !TAG_SEPARATORS.test(value)) {
      onChange(tags, value);
      return;
    }
    const parts = value.split(TAG_SEPARATORS);
    const rest = parts.pop() ?? "";
    onChange(withTags(tags, parts.join(",")), rest);
  };

  return (
    <div className="tag-input" aria-invalid={invalid || undefined}>
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="client-tag">
          {tag}
          <button
            type="button"
            className="tag-chip__remove"
            data-testid="client-tag-remove"
            aria-label={t("clients.removeTag", { tag })}
            onClick={() => {
              onChange(
                tags.filter((each) => each !== tag),
                text,
              );
            }}
            disabled={disabled}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        className="tag-input__text"
        data-testid="client-tags"
        value={text}
        onChange={(event) => {
          typed(event.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          typed(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          // A composing Enter is left alone: the form drops the submit it would cause.
          if (event.key !== "Enter" || composing.current || isImeComposing(event) || text.trim() === "") {
            return;
          }
          event.preventDefault();
          onChange(withTags(tags, text), "");
        }}
        autoComplete="off"
        readOnly={disabled}
      />
    </div>
  );
}
