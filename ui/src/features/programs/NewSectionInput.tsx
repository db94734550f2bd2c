import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isImeComposing } from "../../shared/ime";

/** A title for a new section; Enter adds it, unless it only confirms an IME conversion. */
export function NewSectionInput({ disabled, onAdd }: { disabled: boolean; onAdd: (title: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState("");
  const composing = useRef(false);
  const blank = title.trim() === "";

  const add = () => {
    if (!blank) {
      onAdd(title);
      setTitle("");
    }
  };

  return (
    <div className="template-new">
      <label htmlFor={id} className="visually-hidden">
        {t("template.newTitle")}
      </label>
      <input
        id={id}
        type="text"
        data-testid="template-new-title"
        placeholder={t("template.newTitle")}
        value={title}
        autoComplete="off"
        readOnly={disabled}
        onChange={(event) => {
          setTitle(event.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !composing.current && !isImeComposing(event)) {
            event.preventDefault();
            add();
          }
        }}
      />
      <button type="button" className="button" data-testid="template-add" onClick={add} disabled={disabled || blank}>
        {t("template.add")}
      </button>
    </div>
  );
}
