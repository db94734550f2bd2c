import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../ipc/appError";
import type { AppError } from "../../ipc/appError";
import type { TemplateSection } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { NewSectionInput } from "./NewSectionInput";
import { TemplateRow } from "./TemplateRow";
import type { RowControl } from "./TemplateRow";
import { programQueries, useSaveTemplate } from "./queries";
import { sectionTitle } from "./sectionTitle";
import { addSection, draftOf, isChanged, move, rename, sheetNumbers, templateInput, toggleRetired } from "./templateDraft";
import "./programs.css";

/** A program's interview-sheet template: its sections, edited as a draft and saved at once. */
export function TemplateEditor({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const template = useQuery(programQueries.template(programId));
  return (
    <section className="template-editor" data-testid="template-editor" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("template.title")}</h2>
      <p className="field__hint">{t("template.intro")}</p>
      <FormError error={template.error} testId="template-load-error" />
      {template.data && <TemplateDraftEditor programId={programId} sections={template.data} />}
    </section>
  );
}

interface FocusTarget {
  uid: string;
  control: RowControl;
}

function TemplateDraftEditor({ programId, sections }: { programId: number; sections: TemplateSection[] }) {
  const { t } = useTranslation();
  // Set from what the shell returned when saving, not from a refetch: new sections get
  // their ids only there, and a draft in progress is never replaced under the person.
  const [saved, setSaved] = useState(() => draftOf(sections));
  const [draft, setDraft] = useState(saved);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const save = useSaveTemplate();
  const numbers = sheetNumbers(draft);
  const changed = isChanged(draft, saved);
  const pending = save.isPending;

  useEffect(() => {
    if (!focusTarget) {
      return;
    }
    // A moved row is re-inserted in the DOM, which drops its focus: give it back.
    const row = rows.current.get(focusTarget.uid);
    const control = focusTarget.control
      ? row?.querySelector<HTMLButtonElement>(`[data-testid="${focusTarget.control}"]`)
      : null;
    (control && !control.disabled ? control : row)?.focus();
  }, [focusTarget, draft]);

  const edit = (next: typeof draft) => {
    setDraft(next);
    setJustSaved(false);
  };

  const submit = async () => {
    setError(null);
    try {
      const result = await save.mutateAsync({ programId, sections: templateInput(draft) });
      const next = draftOf(result);
      setSaved(next);
      setDraft(next);
      setJustSaved(true);
    } catch (thrown) {
      setError(toAppError(thrown));
    }
  };

  return (
    <div className="template-editor__body">
      <p className="field__hint">{t("template.keyboardHint")}</p>
      <ol className="template-list" aria-label={t("template.list")}>
        {draft.map((section, index) => {
          const title = sectionTitle(t, section);
          return (
            <TemplateRow
              key={section.uid}
              section={section}
              title={title}
              number={numbers[index] ?? null}
              first={index === 0}
              last={index === draft.length - 1}
              renaming={renaming === section.uid}
              disabled={pending}
              onRowElement={(element) => {
                if (element) rows.current.set(section.uid, element);
                else rows.current.delete(section.uid);
              }}
              onMove={(delta, control) => {
                edit(move(draft, index, delta));
                setFocusTarget({ uid: section.uid, control });
              }}
              onStartRename={() => {
                setRenaming(section.uid);
              }}
              onRename={(typed) => {
                setRenaming(null);
                if (typed !== null) {
                  edit(rename(draft, section.uid, typed, sectionTitle(t, { key: section.key, title: null })));
                }
                setFocusTarget({ uid: section.uid, control: "template-rename" });
              }}
              onToggleRetired={() => {
                edit(toggleRetired(draft, section.uid));
              }}
            />
          );
        })}
      </ol>
      <NewSectionInput
        disabled={pending}
        onAdd={(title) => {
          edit(addSection(draft, title));
        }}
      />
      <FormError error={error} />
      <div className="form-actions template-editor__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="template-save"
          onClick={() => {
            void submit();
          }}
          disabled={pending || !changed}
        >
          {pending ? t("template.saving") : t("template.save")}
        </button>
        <button
          type="button"
          className="button"
          data-testid="template-discard"
          onClick={() => {
            edit(saved);
            setError(null);
          }}
          disabled={pending || !changed}
        >
          {t("template.discard")}
        </button>
        <span className="quiet" role="status" data-testid="template-state">
          {changed ? t("template.unsaved") : justSaved ? t("template.saved") : ""}
        </span>
      </div>
    </div>
  );
}
