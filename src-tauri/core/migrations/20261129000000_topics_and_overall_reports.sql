-- What each interview was about, as the consultant classifies it from fixed lists: the
-- overall report counts these, never free text. Codes are checked here as well as in the core,
-- so that a count can never meet a code it has no label for.
CREATE TABLE interview_themes (
    interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    theme        TEXT NOT NULL CHECK (theme IN ('career_direction', 'skills', 'job_content',
                     'relationships', 'boss', 'placement', 'evaluation', 'work_life', 'health',
                     'later_career')),
    PRIMARY KEY (interview_id, theme)
) STRICT, WITHOUT ROWID;

CREATE TABLE interview_issues (
    interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    issue        TEXT NOT NULL CHECK (issue IN ('management', 'communication', 'workload',
                     'evaluation_system', 'development', 'career_path', 'flexible_work',
                     'direction')),
    PRIMARY KEY (interview_id, issue)
) STRICT, WITHOUT ROWID;

-- The consultant's own text of a program's overall report (全体報告書): written for it, about
-- the organisation, and the only free text the report carries.
CREATE TABLE overall_reports (
    program_id INTEGER PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
    findings   TEXT NOT NULL DEFAULT '',
    proposals  TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;
