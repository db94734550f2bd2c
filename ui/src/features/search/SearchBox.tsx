import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { SEARCH_MAX_QUERY_CHARS } from "../../ipc/api";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { isImeComposing } from "../../shared/ime";
import "./search.css";

/** The core refuses longer queries (`text_too_long`): the box stops there instead. */
const MAX_QUERY_CHARS = SEARCH_MAX_QUERY_CHARS;

/** Whether a key lands in something the person types into ("/" is then just a slash). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The workspace's one search box, in the header. Enter (never the one confirming an IME
 * conversion) opens the results page through `navigate`, so an open note is saved first.
 * Ctrl+K (⌘K) from anywhere, or "/" outside a field, brings the cursor here.
 * What was typed stays in the box across pages, until the vault locks.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isImeComposing(event)) return;
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
      const slash =
        event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  const submit = () => {
    const query = text.trim();
    // An empty box asks for nothing; punctuation alone is the core's to refuse, in words.
    if (query === "") return;
    void navigate({ name: "search", query });
  };

  return (
    <ImeSafeForm className="search-box" role="search" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        ref={input}
        id={inputId}
        type="search"
        className="search-box__input"
        data-testid="search-input"
        value={text}
        maxLength={MAX_QUERY_CHARS}
        placeholder={t("search.placeholder")}
        title={t("search.shortcut")}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <button type="submit" className="button search-box__submit" data-testid="search-submit">
        {t("search.submit")}
      </button>
    </ImeSafeForm>
  );
}
