-- An index for the home screen, the client list and retention at the scale of a decade of
-- practice (see BENCHMARKS.md). An interview's row holds its notes, and `follow_up_due_on` was
-- added after them, so reading a date or the follow-up from the table reads past the notes.
-- This index holds all that those lists read of each client's interviews, so they never read
-- an interview's row.
CREATE INDEX interviews_timeline
    ON interviews (client_id, kind, held_at, scheduled_at, follow_up_due_on);
