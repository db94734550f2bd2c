import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IssueCategory, Theme, Topics } from "../../../ipc/api";
import { toAppError } from "../../../ipc/appError";
import type { AppError } from "../../../ipc/appError";
import { FormError } from "../../../shared/FormError";
import { toggled } from "../../../shared/toggle";
import { interviewQueries, useSetTopics } from "../queries";
import { ISSUES, THEMES } from "./lists";

/**
 * What the interview was about, ticked from fixed lists: the overall report counts these
 * ticks, never the notes. Each tick is saved at once; ticks are sent one after another, each
 * with the whole classification, so the last one made is the one kept.
 */
export function TopicsPanel({ interviewId }: { interviewId: number }) {
  const { t } = useTranslation();
  const stored = useQuery(interviewQueries.topics(interviewId));
  const { mutateAsync: setTopics } = useSetTopics();
  const [edited, setEdited] = useState<Topics | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const queue = useRef(Promise.resolve());
  // Bumped when a save fails: the ticks queued after it carried the failed one, so they go too.
  const generation = useRef(0);
  const topics = edited ?? stored.data;

  const change = (next: Topics) => {
    setEdited(next);
    setError(null);
    const mine = generation.current;
    queue.current = queue.current.then(async () => {
      if (mine !== generation.current) {
        return;
      }
      try {
        await setTopics({ interviewId, topics: next });
      } catch (thrown) {
        setError(toAppError(thrown));
        generation.current += 1;
        // Back to what is stored: a tick that was not kept must not look kept.
        setEdited(null);
        await stored.refetch();
      }
    });
  };

  return (
    <details className="topics-panel" data-testid="topics-panel">
      <summary className="topics-panel__title" data-testid="topics-toggle">
        {t("topics.title")}
        {topics && (
          <>
            {" "}
            <span className="quiet" data-testid="topics-count">
              {t("topics.count", { n: topics.themes.length + topics.issues.length })}
            </span>
          </>
        )}
      </summary>
      <p className="quiet">{t("topics.hint")}</p>
      <FormError error={stored.error ?? error} testId="topics-error" />
      {topics && (
        <>
          <TopicChecks
            legend={t("topics.themesTitle")}
            members={THEMES}
            chosen={topics.themes}
            label={(theme: Theme) => t(`topics.themes.${theme}`)}
            testId={(theme) => `topic-theme-${theme}`}
            onChange={(themes) => {
              change({ ...topics, themes });
            }}
          />
          <TopicChecks
            legend={t("topics.issuesTitle")}
            members={ISSUES}
            chosen={topics.issues}
            label={(issue: IssueCategory) => t(`topics.issues.${issue}`)}
            testId={(issue) => `topic-issue-${issue}`}
            onChange={(issues) => {
              change({ ...topics, issues });
            }}
          />
        </>
      )}
    </details>
  );
}

interface TopicChecksProps<T extends string> {
  legend: string;
  members: readonly T[];
  chosen: readonly T[];
  label: (member: T) => string;
  testId: (member: T) => string;
  onChange: (chosen: T[]) => void;
}

function TopicChecks<T extends string>({ legend, members, chosen, label, testId, onChange }: TopicChecksProps<T>) {
  return (
    <fieldset className="topics-panel__list">
      <legend>{legend}</legend>
      {members.map((member) => (
        <label key={member} className="check-field">
          <input
            type="checkbox"
            data-testid={testId(member)}
            checked={chosen.includes(member)}
            onChange={() => {
              // In list order, as the core keeps them.
              const next = toggled(chosen, member);
              onChange(members.filter((candidate) => next.includes(candidate)));
            }}
          />
          {label(member)}
        </label>
      ))}
    </fieldset>
  );
}
