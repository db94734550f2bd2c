import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import { api } from "../../ipc/api";
import type { Client } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { useSubmission } from "../../shared/useSubmission";
import "./erasure.css";

/**
 * Erasing a client: never one click. The consultant opens the panel, reads what goes, and
 * types the client's name; the core compares it and erases nothing when it differs.
 */
export function EraseClientPanel({ client }: { client: Client }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const { pending, error, run } = useSubmission();

  const submit = () =>
    run(async () => {
      await api.clientErase({ clientId: client.id, confirmation });
      await navigate({ name: "clients" });
      // Lists, search results and the dashboard may all hold what was just erased: none of it
      // may stay, even in memory. Queries on screen are fetched again.
      await queryClient.resetQueries();
    });

  if (!open) {
    return (
      <section className="erasure" aria-label={t("erasure.title")}>
        <button
          type="button"
          className="button button--danger-quiet"
          data-testid="erase-start"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t("erasure.start")}
        </button>
      </section>
    );
  }

  return (
    <section className="erasure erasure--open" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("erasure.title")}</h2>
      <p>{t("erasure.explain")}</p>
      <ImeSafeForm className="erasure__form" data-testid="erase-form" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t("erasure.prompt", { name: client.name })}</label>
        <input
          id={`${id}-name`}
          type="text"
          data-testid="erase-confirmation"
          value={confirmation}
          autoComplete="off"
          onChange={(event) => {
            setConfirmation(event.target.value);
          }}
          readOnly={pending}
          {...invalidProps(error, "confirmation")}
        />
        <FormError error={error} testId="erase-error" />
        <div className="form-actions">
          <button type="submit" className="button button--danger" data-testid="erase-confirm" disabled={pending}>
            {pending ? t("erasure.erasing") : t("erasure.confirm")}
          </button>
          <button
            type="button"
            className="button"
            data-testid="erase-cancel"
            disabled={pending}
            onClick={() => {
              setOpen(false);
              setConfirmation("");
            }}
          >
            {t("erasure.cancel")}
          </button>
        </div>
      </ImeSafeForm>
    </section>
  );
}
