import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "../../app/navigation";
import type { RetentionReview } from "../../ipc/api";
import { FormError } from "../../shared/FormError";
import { ImeSafeForm } from "../../shared/ImeSafeForm";
import { invalidProps } from "../../shared/fieldError";
import { formatHeldOn, todayIsoDate } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";
import { useSubmission } from "../../shared/useSubmission";
import { DashboardSection } from "./DashboardSection";
import { FirstEntries } from "./FirstEntries";
import { RetentionPeriod } from "./RetentionPeriod";
import { useKeepClient } from "./queries";

/**
 * Clients whose records have passed the retention period. Nothing is deleted by the period:
 * the consultant opens the client (to erase them there) or keeps them, with a reason.
 */
export function RetentionReviews({ reviews }: { reviews: RetentionReview[] }) {
  const { t } = useTranslation();
  return (
    <DashboardSection
      testId="dashboard-retention"
      title={t("dashboard.retention.title")}
      count={reviews.length}
      none={t("dashboard.retention.none")}
      footer={<RetentionPeriod />}
    >
      <FirstEntries
        testId="dashboard-retention"
        entries={reviews}
        render={(review) => <RetentionEntry key={review.clientId} review={review} />}
      />
    </DashboardSection>
  );
}

function RetentionEntry({ review }: { review: RetentionReview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [keeping, setKeeping] = useState(false);
  return (
    <li className="retention-entry" data-testid="dashboard-retention-entry">
      <div className="retention-entry__row">
        <button
          type="button"
          className="dashboard-entry"
          data-testid="dashboard-retention-open"
          title={t("dashboard.openClient")}
          onClick={() => {
            void navigate({ name: "client", clientId: review.clientId });
          }}
        >
          <span className="dashboard-entry__who">{review.clientName}</span>
          <span className="dashboard-entry__what">
            {review.lastInterviewOn === null
              ? t("dashboard.retention.neverInterviewed")
              : t("dashboard.retention.lastInterview", { date: formatHeldOn(review.lastInterviewOn, language) })}
          </span>
          <span className="dashboard-entry__date">
            {t("dashboard.retention.pastSince", { date: formatHeldOn(review.pastSince, language) })}
          </span>
        </button>
        {!keeping && (
          <button
            type="button"
            className="button"
            data-testid="dashboard-retention-keep"
            onClick={() => {
              setKeeping(true);
            }}
          >
            {t("dashboard.retention.keep")}
          </button>
        )}
      </div>
      {keeping && (
        <KeepForm
          review={review}
          onDone={() => {
            setKeeping(false);
          }}
        />
      )}
    </li>
  );
}

function KeepForm({ review, onDone }: { review: RetentionReview; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState("");
  const { pending, error, run } = useSubmission();
  const keep = useKeepClient();

  const submit = () =>
    run(async () => {
      await keep.mutateAsync({ clientId: review.clientId, reason, decidedOn: todayIsoDate() });
      onDone();
    });

  return (
    <ImeSafeForm className="retention-entry__form" data-testid="retention-keep-form" onSubmit={submit}>
      <label htmlFor={`${id}-reason`}>{t("dashboard.retention.reason", { name: review.clientName })}</label>
      <textarea
        id={`${id}-reason`}
        data-testid="retention-reason"
        rows={2}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
        }}
        readOnly={pending}
        {...invalidProps(error, "reason")}
      />
      <FormError error={error} testId="retention-error" />
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="retention-save" disabled={pending}>
          {t("dashboard.retention.save")}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={pending}>
          {t("dashboard.retention.cancel")}
        </button>
      </div>
    </ImeSafeForm>
  );
}
