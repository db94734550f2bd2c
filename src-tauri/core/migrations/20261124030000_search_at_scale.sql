-- Search at the scale of a decade of practice (see BENCHMARKS.md).
--
-- 1. Dates apart from text. Results are ordered by date, newest first; reading each match's
--    date from `search_text` read its whole row, long text and all, so a common word cost a
--    read of most of the database. `search_dates` holds each indexed record's date, client
--    and interview, in small rows with an index by date: a search takes its matches' row ids
--    from the full-text index alone and reads dates here, newest first, stopping at the limit.
--    `search_text.at` is no longer written.
-- 2. Short words (one or two characters: 上司, 鬱) through the index instead of LIKE over every
--    text. The trigram tokenizer indexes each run of three characters, so a short word is the
--    start of the trigrams it begins; `search_terms` (the index's vocabulary) lists them, and
--    the search matches any of them. A word at the very end of a text begins no trigram, so
--    every indexed text now ends with two line breaks (the snippets leave them out).
--
-- 3. Texts saved as they are typed (interview notes, sheet sections, questionnaires, and
--    reports, in their own migration) are re-indexed when searched, not on every save: a save
--    marks the record in `search_stale`, and a search first empties that table, whose delete
--    triggers index each marked record afresh. Re-indexing a long note with FTS5's
--    `secure-delete` took tens of milliseconds, on every autosave.
--
-- Every trigger that writes the index is replaced.

CREATE TABLE search_dates (
    rowid        INTEGER PRIMARY KEY, -- the search_text rowid: kind << 40 | the record's id
    client_id    INTEGER NOT NULL,
    interview_id INTEGER,
    at           TEXT
) STRICT;
CREATE INDEX search_dates_by_date ON search_dates (at, rowid);

CREATE VIRTUAL TABLE search_terms USING fts5vocab (search_text, row);

-- Records whose text changed since it was last indexed (search_text rowids).
CREATE TABLE search_stale (rowid INTEGER PRIMARY KEY) STRICT;

DROP TRIGGER search_client_insert;
DROP TRIGGER search_client_update;
DROP TRIGGER search_client_delete;
DROP TRIGGER search_interview_insert;
DROP TRIGGER search_interview_update;
DROP TRIGGER search_interview_delete;
DROP TRIGGER search_section_insert;
DROP TRIGGER search_section_update;
DROP TRIGGER search_section_delete;
DROP TRIGGER search_questionnaire_insert;
DROP TRIGGER search_questionnaire_update;
DROP TRIGGER search_questionnaire_delete;
DROP TRIGGER search_action_insert;
DROP TRIGGER search_action_update;
DROP TRIGGER search_action_delete;
DROP TRIGGER search_progress_insert;
DROP TRIGGER search_progress_delete;

-- Clients: name, reading, employee number, department, role, job and desired career.
CREATE TRIGGER search_client_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_text (rowid, body, client_id) VALUES ((1 << 40) | NEW.id,
        concat_ws(char(10), NEW.name, NEW.name_kana, NEW.employee_number, NEW.department,
                  NEW.role, NEW.job_content, NEW.desired_career) || char(10, 10),
        NEW.id);
    INSERT INTO search_dates (rowid, client_id, at) VALUES ((1 << 40) | NEW.id, NEW.id,
        NEW.created_at);
END;
CREATE TRIGGER search_client_update
AFTER UPDATE OF name, name_kana, employee_number, department, role, job_content, desired_career
ON clients BEGIN
    DELETE FROM search_text WHERE rowid = (1 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id) VALUES ((1 << 40) | NEW.id,
        concat_ws(char(10), NEW.name, NEW.name_kana, NEW.employee_number, NEW.department,
                  NEW.role, NEW.job_content, NEW.desired_career) || char(10, 10),
        NEW.id);
END;
CREATE TRIGGER search_client_delete AFTER DELETE ON clients BEGIN
    DELETE FROM search_text WHERE rowid = (1 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (1 << 40) | OLD.id;
END;

-- Interviews: purpose, theme and notes, dated when held (else scheduled). A new date also
-- re-dates the interview's sheet sections.
CREATE TRIGGER search_interview_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id) VALUES ((2 << 40) | NEW.id,
        concat_ws(char(10), NEW.purpose, NEW.theme, NEW.notes) || char(10, 10),
        NEW.client_id, NEW.id);
    INSERT INTO search_dates (rowid, client_id, interview_id, at) VALUES ((2 << 40) | NEW.id,
        NEW.client_id, NEW.id, coalesce(NEW.held_at, NEW.scheduled_at));
END;
CREATE TRIGGER search_interview_text_update AFTER UPDATE OF purpose, theme, notes ON interviews
BEGIN
    INSERT OR IGNORE INTO search_stale (rowid) VALUES ((2 << 40) | NEW.id);
END;
CREATE TRIGGER search_interview_date_update AFTER UPDATE OF held_at, scheduled_at ON interviews
WHEN coalesce(NEW.held_at, NEW.scheduled_at) IS NOT coalesce(OLD.held_at, OLD.scheduled_at)
BEGIN
    UPDATE search_dates SET at = coalesce(NEW.held_at, NEW.scheduled_at)
    WHERE rowid = (2 << 40) | NEW.id
       OR rowid IN (SELECT (3 << 40) | id FROM sheet_sections WHERE interview_id = NEW.id);
END;
CREATE TRIGGER search_interview_delete AFTER DELETE ON interviews BEGIN
    DELETE FROM search_text WHERE rowid = (2 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (2 << 40) | OLD.id;
END;

-- Sheet sections: their text, when there is any (most sections of a new sheet are empty).
CREATE TRIGGER search_section_insert AFTER INSERT ON sheet_sections BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id)
        SELECT (3 << 40) | NEW.id, NEW.text || char(10, 10), i.client_id, i.id
        FROM interviews i WHERE i.id = NEW.interview_id AND NEW.text <> '';
    INSERT INTO search_dates (rowid, client_id, interview_id, at)
        SELECT (3 << 40) | NEW.id, i.client_id, i.id, coalesce(i.held_at, i.scheduled_at)
        FROM interviews i WHERE i.id = NEW.interview_id;
END;
CREATE TRIGGER search_section_update AFTER UPDATE OF text ON sheet_sections BEGIN
    INSERT OR IGNORE INTO search_stale (rowid) VALUES ((3 << 40) | NEW.id);
END;
CREATE TRIGGER search_section_delete AFTER DELETE ON sheet_sections BEGIN
    DELETE FROM search_text WHERE rowid = (3 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (3 << 40) | OLD.id;
END;

-- Questionnaires: the four answers, dated when last saved.
CREATE TRIGGER search_questionnaire_insert AFTER INSERT ON questionnaires BEGIN
    INSERT INTO search_text (rowid, body, client_id) VALUES ((4 << 40) | NEW.id,
        concat_ws(char(10), NEW.skills, NEW.qualifications, NEW.income_and_role, NEW.private_life)
            || char(10, 10),
        NEW.client_id);
    INSERT INTO search_dates (rowid, client_id, at) VALUES ((4 << 40) | NEW.id, NEW.client_id,
        NEW.updated_at);
END;
CREATE TRIGGER search_questionnaire_update AFTER UPDATE ON questionnaires BEGIN
    INSERT OR IGNORE INTO search_stale (rowid) VALUES ((4 << 40) | NEW.id);
    UPDATE search_dates SET at = NEW.updated_at WHERE rowid = (4 << 40) | NEW.id;
END;
CREATE TRIGGER search_questionnaire_delete AFTER DELETE ON questionnaires BEGIN
    DELETE FROM search_text WHERE rowid = (4 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (4 << 40) | OLD.id;
END;

-- Action items: what and how, dated by their due date (else when they were recorded).
CREATE TRIGGER search_action_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id) VALUES ((5 << 40) | NEW.id,
        concat_ws(char(10), NEW.what, NEW.how) || char(10, 10), NEW.client_id, NEW.interview_id);
    INSERT INTO search_dates (rowid, client_id, interview_id, at) VALUES ((5 << 40) | NEW.id,
        NEW.client_id, NEW.interview_id, coalesce(NEW.due_on, NEW.created_at));
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF what, how, due_on, interview_id ON action_items
BEGIN
    DELETE FROM search_text WHERE rowid = (5 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, interview_id) VALUES ((5 << 40) | NEW.id,
        concat_ws(char(10), NEW.what, NEW.how) || char(10, 10), NEW.client_id, NEW.interview_id);
    UPDATE search_dates SET interview_id = NEW.interview_id,
                            at = coalesce(NEW.due_on, NEW.created_at)
    WHERE rowid = (5 << 40) | NEW.id;
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON action_items BEGIN
    DELETE FROM search_text WHERE rowid = (5 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (5 << 40) | OLD.id;
END;

-- Progress notes: written once, never edited.
CREATE TRIGGER search_progress_insert AFTER INSERT ON action_progress BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id)
        SELECT (6 << 40) | NEW.id, NEW.note || char(10, 10), a.client_id, NEW.interview_id
        FROM action_items a WHERE a.id = NEW.action_item_id;
    INSERT INTO search_dates (rowid, client_id, interview_id, at)
        SELECT (6 << 40) | NEW.id, a.client_id, NEW.interview_id, NEW.noted_on
        FROM action_items a WHERE a.id = NEW.action_item_id;
END;
-- A progress note loses its interview when that interview is deleted (SET NULL).
CREATE TRIGGER search_progress_interview_update AFTER UPDATE OF interview_id ON action_progress
BEGIN
    UPDATE search_dates SET interview_id = NEW.interview_id WHERE rowid = (6 << 40) | NEW.id;
END;
CREATE TRIGGER search_progress_delete AFTER DELETE ON action_progress BEGIN
    DELETE FROM search_text WHERE rowid = (6 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (6 << 40) | OLD.id;
END;

-- Indexing a marked record afresh, kind by kind: whatever it had in the index goes, and its
-- text as it is now comes in (nothing, if the record is gone or its text is empty).
CREATE TRIGGER search_stale_interview AFTER DELETE ON search_stale
WHEN OLD.rowid >> 40 = 2 BEGIN
    DELETE FROM search_text WHERE rowid = OLD.rowid;
    INSERT INTO search_text (rowid, body, client_id, interview_id)
        SELECT OLD.rowid, concat_ws(char(10), purpose, theme, notes) || char(10, 10), client_id, id
        FROM interviews WHERE id = OLD.rowid & 1099511627775;
END;
CREATE TRIGGER search_stale_section AFTER DELETE ON search_stale
WHEN OLD.rowid >> 40 = 3 BEGIN
    DELETE FROM search_text WHERE rowid = OLD.rowid;
    INSERT INTO search_text (rowid, body, client_id, interview_id)
        SELECT OLD.rowid, s.text || char(10, 10), i.client_id, i.id
        FROM sheet_sections s JOIN interviews i ON i.id = s.interview_id
        WHERE s.id = OLD.rowid & 1099511627775 AND s.text <> '';
END;
CREATE TRIGGER search_stale_questionnaire AFTER DELETE ON search_stale
WHEN OLD.rowid >> 40 = 4 BEGIN
    DELETE FROM search_text WHERE rowid = OLD.rowid;
    INSERT INTO search_text (rowid, body, client_id)
        SELECT OLD.rowid,
               concat_ws(char(10), skills, qualifications, income_and_role, private_life)
                   || char(10, 10),
               client_id
        FROM questionnaires WHERE id = OLD.rowid & 1099511627775;
END;

-- What is indexed already: its dates move, its texts gain their closing line breaks.
INSERT INTO search_dates (rowid, client_id, interview_id, at)
    SELECT rowid, client_id, interview_id, at FROM search_text;
-- Sections without text have no index row, but a date all the same, for when they get text.
INSERT INTO search_dates (rowid, client_id, interview_id, at)
    SELECT (3 << 40) | s.id, i.client_id, i.id, coalesce(i.held_at, i.scheduled_at)
    FROM sheet_sections s JOIN interviews i ON i.id = s.interview_id WHERE s.text = '';
UPDATE search_text SET body = body || char(10, 10), at = NULL;

-- Action items and progress notes written before the search migration were never indexed.
INSERT INTO search_text (rowid, body, client_id, interview_id)
    SELECT (5 << 40) | id, concat_ws(char(10), what, how) || char(10, 10), client_id, interview_id
    FROM action_items WHERE (5 << 40) | id NOT IN (SELECT rowid FROM search_dates);
INSERT INTO search_dates (rowid, client_id, interview_id, at)
    SELECT (5 << 40) | id, client_id, interview_id, coalesce(due_on, created_at)
    FROM action_items WHERE (5 << 40) | id NOT IN (SELECT rowid FROM search_dates);
INSERT INTO search_text (rowid, body, client_id, interview_id)
    SELECT (6 << 40) | p.id, p.note || char(10, 10), a.client_id, p.interview_id
    FROM action_progress p JOIN action_items a ON a.id = p.action_item_id
    WHERE (6 << 40) | p.id NOT IN (SELECT rowid FROM search_dates);
INSERT INTO search_dates (rowid, client_id, interview_id, at)
    SELECT (6 << 40) | p.id, a.client_id, p.interview_id, p.noted_on
    FROM action_progress p JOIN action_items a ON a.id = p.action_item_id
    WHERE (6 << 40) | p.id NOT IN (SELECT rowid FROM search_dates);
