-- Search: one full-text index over everything a consultant writes, inside the encrypted
-- database. The trigram tokenizer matches Japanese (which has no spaces) by any three
-- consecutive characters; shorter queries are answered with LIKE on the same table.
--
-- Each indexed record is one row whose rowid says what it is: kind << 40 | the record's id,
-- with kinds 1 client, 2 interview (purpose, theme, notes), 3 sheet section, 4 questionnaire,
-- 5 action item, 6 progress note. Triggers keep the index in step with every write, in the
-- same transaction, so no code path can forget it, and deleting a record (or erasing a client,
-- whose records go by cascade) deletes its rows. `secure-delete` makes FTS5 remove a deleted
-- row's terms from the index at once rather than leaving them until a merge.
-- The short columns come first: ranking reads them for every match, and a row's long body
-- (spilling onto overflow pages) is then read only for the hits shown.
CREATE VIRTUAL TABLE search_text USING fts5 (
    client_id UNINDEXED,
    interview_id UNINDEXED,
    at UNINDEXED, -- the date results are ordered by, newest first
    body,
    tokenize = 'trigram'
);
INSERT INTO search_text (search_text, rank) VALUES ('secure-delete', 1);

-- Clients: name, reading, employee number, department, role, job and desired career.
CREATE TRIGGER search_client_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_text (rowid, body, client_id, at) VALUES ((1 << 40) | NEW.id,
        concat_ws(char(10), NEW.name, NEW.name_kana, NEW.employee_number, NEW.department,
                  NEW.role, NEW.job_content, NEW.desired_career),
        NEW.id, NEW.created_at);
END;
CREATE TRIGGER search_client_update AFTER UPDATE ON clients BEGIN
    DELETE FROM search_text WHERE rowid = (1 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, at) VALUES ((1 << 40) | NEW.id,
        concat_ws(char(10), NEW.name, NEW.name_kana, NEW.employee_number, NEW.department,
                  NEW.role, NEW.job_content, NEW.desired_career),
        NEW.id, NEW.created_at);
END;
CREATE TRIGGER search_client_delete AFTER DELETE ON clients BEGIN
    DELETE FROM search_text WHERE rowid = (1 << 40) | OLD.id;
END;

-- Interviews: purpose, theme and notes, dated when held (else scheduled). A new date also
-- re-dates the interview's sheet sections.
CREATE TRIGGER search_interview_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id, at) VALUES ((2 << 40) | NEW.id,
        concat_ws(char(10), NEW.purpose, NEW.theme, NEW.notes),
        NEW.client_id, NEW.id, coalesce(NEW.held_at, NEW.scheduled_at));
END;
CREATE TRIGGER search_interview_update
AFTER UPDATE OF purpose, theme, notes, held_at, scheduled_at ON interviews BEGIN
    DELETE FROM search_text WHERE rowid = (2 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, interview_id, at) VALUES ((2 << 40) | NEW.id,
        concat_ws(char(10), NEW.purpose, NEW.theme, NEW.notes),
        NEW.client_id, NEW.id, coalesce(NEW.held_at, NEW.scheduled_at));
    UPDATE search_text SET at = coalesce(NEW.held_at, NEW.scheduled_at)
    WHERE coalesce(NEW.held_at, NEW.scheduled_at) IS NOT coalesce(OLD.held_at, OLD.scheduled_at)
      AND rowid IN (SELECT (3 << 40) | id FROM sheet_sections WHERE interview_id = NEW.id);
END;
CREATE TRIGGER search_interview_delete AFTER DELETE ON interviews BEGIN
    DELETE FROM search_text WHERE rowid = (2 << 40) | OLD.id;
END;

-- Sheet sections: their text, when there is any (most sections of a new sheet are empty).
CREATE TRIGGER search_section_insert AFTER INSERT ON sheet_sections WHEN NEW.text <> '' BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id, at)
        SELECT (3 << 40) | NEW.id, NEW.text, i.client_id, i.id, coalesce(i.held_at, i.scheduled_at)
        FROM interviews i WHERE i.id = NEW.interview_id;
END;
CREATE TRIGGER search_section_update AFTER UPDATE OF text ON sheet_sections BEGIN
    DELETE FROM search_text WHERE rowid = (3 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, interview_id, at)
        SELECT (3 << 40) | NEW.id, NEW.text, i.client_id, i.id, coalesce(i.held_at, i.scheduled_at)
        FROM interviews i WHERE i.id = NEW.interview_id AND NEW.text <> '';
END;
CREATE TRIGGER search_section_delete AFTER DELETE ON sheet_sections BEGIN
    DELETE FROM search_text WHERE rowid = (3 << 40) | OLD.id;
END;

-- Questionnaires: the four answers.
CREATE TRIGGER search_questionnaire_insert AFTER INSERT ON questionnaires BEGIN
    INSERT INTO search_text (rowid, body, client_id, at) VALUES ((4 << 40) | NEW.id,
        concat_ws(char(10), NEW.skills, NEW.qualifications, NEW.income_and_role, NEW.private_life),
        NEW.client_id, NEW.updated_at);
END;
CREATE TRIGGER search_questionnaire_update AFTER UPDATE ON questionnaires BEGIN
    DELETE FROM search_text WHERE rowid = (4 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, at) VALUES ((4 << 40) | NEW.id,
        concat_ws(char(10), NEW.skills, NEW.qualifications, NEW.income_and_role, NEW.private_life),
        NEW.client_id, NEW.updated_at);
END;
CREATE TRIGGER search_questionnaire_delete AFTER DELETE ON questionnaires BEGIN
    DELETE FROM search_text WHERE rowid = (4 << 40) | OLD.id;
END;

-- Action items: what and how, dated by their due date (else when they were recorded).
CREATE TRIGGER search_action_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id, at) VALUES ((5 << 40) | NEW.id,
        concat_ws(char(10), NEW.what, NEW.how), NEW.client_id, NEW.interview_id,
        coalesce(NEW.due_on, NEW.created_at));
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF what, how, due_on, interview_id ON action_items
BEGIN
    DELETE FROM search_text WHERE rowid = (5 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, interview_id, at) VALUES ((5 << 40) | NEW.id,
        concat_ws(char(10), NEW.what, NEW.how), NEW.client_id, NEW.interview_id,
        coalesce(NEW.due_on, NEW.created_at));
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON action_items BEGIN
    DELETE FROM search_text WHERE rowid = (5 << 40) | OLD.id;
END;

-- Progress notes: written once, never edited.
CREATE TRIGGER search_progress_insert AFTER INSERT ON action_progress BEGIN
    INSERT INTO search_text (rowid, body, client_id, interview_id, at)
        SELECT (6 << 40) | NEW.id, NEW.note, a.client_id, NEW.interview_id, NEW.noted_on
        FROM action_items a WHERE a.id = NEW.action_item_id;
END;
CREATE TRIGGER search_progress_delete AFTER DELETE ON action_progress BEGIN
    DELETE FROM search_text WHERE rowid = (6 << 40) | OLD.id;
END;

-- What was written before search existed.
INSERT INTO search_text (rowid, body, client_id, at)
    SELECT (1 << 40) | id, concat_ws(char(10), name, name_kana, employee_number, department, role,
                                     job_content, desired_career), id, created_at
    FROM clients;
INSERT INTO search_text (rowid, body, client_id, interview_id, at)
    SELECT (2 << 40) | id, concat_ws(char(10), purpose, theme, notes), client_id, id,
           coalesce(held_at, scheduled_at)
    FROM interviews;
INSERT INTO search_text (rowid, body, client_id, interview_id, at)
    SELECT (3 << 40) | s.id, s.text, i.client_id, i.id, coalesce(i.held_at, i.scheduled_at)
    FROM sheet_sections s JOIN interviews i ON i.id = s.interview_id WHERE s.text <> '';
INSERT INTO search_text (rowid, body, client_id, at)
    SELECT (4 << 40) | id, concat_ws(char(10), skills, qualifications, income_and_role, private_life),
           client_id, updated_at
    FROM questionnaires;
