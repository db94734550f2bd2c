-- The figures each overall report export published (hidden ones as null), so that the next
-- export of the program hides what moved by fewer than k people since: two reports of one
-- program can be subtracted. Counts, and the ids of who was in each group (an erased client's
-- id is replaced by a placeholder); they go with the program.
CREATE TABLE overall_exports (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    exported_on TEXT NOT NULL,
    figures TEXT NOT NULL
);

CREATE INDEX overall_exports_by_program ON overall_exports (program_id);
