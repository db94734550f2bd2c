-- The latest amendment of a text keeps no `after` of its own: every change of a held
-- interview's text is recorded, so that amendment's `after` is always the text as it stands in
-- `interviews.notes` or `sheet_sections.text`. Autosave then extends an amendment by writing its
-- time alone, instead of a second copy of the whole text on every save (BENCHMARKS.md, saving
-- the note of a held interview). The `after` is written once, when the next amendment begins.
CREATE TABLE amendments_kept (
    id               INTEGER PRIMARY KEY,
    interview_id     INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    sheet_section_id INTEGER REFERENCES sheet_sections (id) ON DELETE CASCADE, -- NULL: the notes
    before           TEXT NOT NULL,
    after            TEXT, -- NULL: the text as it stands (the latest amendment of that text)
    started_at       TEXT NOT NULL,
    changed_at       TEXT NOT NULL
) STRICT;
INSERT INTO amendments_kept (id, interview_id, sheet_section_id, before, after, started_at,
                             changed_at)
    SELECT id, interview_id, sheet_section_id, before, after, started_at, changed_at
    FROM amendments;
DROP TABLE amendments;
ALTER TABLE amendments_kept RENAME TO amendments;
CREATE INDEX amendments_by_interview ON amendments (interview_id, id);
-- The latest amendment of each text that already ends with the text as it stands.
UPDATE amendments SET after = NULL
WHERE id IN (SELECT max(id) FROM amendments GROUP BY interview_id, sheet_section_id)
  AND after IS (CASE
                    WHEN sheet_section_id IS NULL
                        THEN (SELECT notes FROM interviews WHERE id = amendments.interview_id)
                    ELSE (SELECT text FROM sheet_sections WHERE id = amendments.sheet_section_id)
                END);
