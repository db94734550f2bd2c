-- Between interviews: what the client decided to do (action plans, with dated progress notes)
-- and when the next interview is due (follow-up).

-- An action item (アクションプラン): what, how, by when; the consultant's SMART check is five
-- ticks, so an item missing any can be marked as such.
CREATE TABLE action_items (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    interview_id INTEGER REFERENCES interviews (id) ON DELETE SET NULL, -- where it was decided
    what         TEXT NOT NULL CHECK (what <> ''),
    how          TEXT,
    due_on       TEXT, -- YYYY-MM-DD
    specific     INTEGER NOT NULL DEFAULT 0 CHECK (specific IN (0, 1)),
    measurable   INTEGER NOT NULL DEFAULT 0 CHECK (measurable IN (0, 1)),
    achievable   INTEGER NOT NULL DEFAULT 0 CHECK (achievable IN (0, 1)),
    related      INTEGER NOT NULL DEFAULT 0 CHECK (related IN (0, 1)),
    time_bound   INTEGER NOT NULL DEFAULT 0 CHECK (time_bound IN (0, 1)),
    status       TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN
                     ('not_started', 'in_progress', 'done', 'dropped')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX action_items_by_client ON action_items (client_id, id);
-- The dashboard's "past their date" reads open items by date.
CREATE INDEX action_items_open_by_due ON action_items (due_on)
    WHERE status IN ('not_started', 'in_progress') AND due_on IS NOT NULL;

-- A dated progress note on an item, perhaps written while reviewing it in a follow-up
-- interview, perhaps moving it to another status.
CREATE TABLE action_progress (
    id             INTEGER PRIMARY KEY,
    action_item_id INTEGER NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
    interview_id   INTEGER REFERENCES interviews (id) ON DELETE SET NULL,
    noted_on       TEXT NOT NULL, -- YYYY-MM-DD
    note           TEXT NOT NULL,
    status         TEXT CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX action_progress_by_item ON action_progress (action_item_id, noted_on, id);
CREATE INDEX action_progress_by_interview ON action_progress (interview_id);

-- Follow-up: each interview may say by when the next one is due; a program may give a rule
-- (so many days after an interview is held) that sets it when the consultant does not.
ALTER TABLE interviews ADD COLUMN follow_up_due_on TEXT; -- YYYY-MM-DD
ALTER TABLE programs ADD COLUMN follow_up_after_days INTEGER
    CHECK (follow_up_after_days BETWEEN 1 AND 3660);
-- The dashboard reads follow-ups by date, and "today and this week" by an interview's moment.
CREATE INDEX interviews_by_follow_up ON interviews (follow_up_due_on)
    WHERE follow_up_due_on IS NOT NULL;
CREATE INDEX interviews_by_moment ON interviews (coalesce(held_at, scheduled_at));
