-- The individual report (個別報告書): one per client and program, drafted from the interviews
-- and then written by the consultant. Its four parts are the seeds' own: career-awareness
-- issues, workplace environment, organisational issues, and the support proposed.
CREATE TABLE reports (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    program_id       INTEGER NOT NULL REFERENCES programs (id),
    career_awareness TEXT NOT NULL DEFAULT '',
    workplace        TEXT NOT NULL DEFAULT '',
    organisational   TEXT NOT NULL DEFAULT '',
    proposed_support TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (client_id, program_id)
) STRICT;
CREATE INDEX reports_by_program ON reports (program_id);

-- A report's history: the whole report as it was drafted, as each burst of editing left it,
-- and as each restoring of an earlier version made it. Only an edit's version follows the
-- rest of its burst; none is deleted but with the report (that is, with the client).
CREATE TABLE report_versions (
    id               INTEGER PRIMARY KEY,
    report_id        INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    career_awareness TEXT NOT NULL,
    workplace        TEXT NOT NULL,
    organisational   TEXT NOT NULL,
    proposed_support TEXT NOT NULL,
    origin           TEXT NOT NULL CHECK (origin IN ('drafted', 'edited', 'restored')),
    started_at       TEXT NOT NULL,
    saved_at         TEXT NOT NULL
) STRICT;
CREATE INDEX report_versions_by_report ON report_versions (report_id, id);

-- Search kind 7: a report's four parts, as they stand now (its versions are history, not
-- found by search).
CREATE TRIGGER search_report_insert AFTER INSERT ON reports BEGIN
    INSERT INTO search_text (rowid, body, client_id, at) VALUES ((7 << 40) | NEW.id,
        concat_ws(char(10), NEW.career_awareness, NEW.workplace, NEW.organisational,
                  NEW.proposed_support),
        NEW.client_id, NEW.updated_at);
END;
CREATE TRIGGER search_report_update AFTER UPDATE ON reports BEGIN
    DELETE FROM search_text WHERE rowid = (7 << 40) | OLD.id;
    INSERT INTO search_text (rowid, body, client_id, at) VALUES ((7 << 40) | NEW.id,
        concat_ws(char(10), NEW.career_awareness, NEW.workplace, NEW.organisational,
                  NEW.proposed_support),
        NEW.client_id, NEW.updated_at);
END;
CREATE TRIGGER search_report_delete AFTER DELETE ON reports BEGIN
    DELETE FROM search_text WHERE rowid = (7 << 40) | OLD.id;
END;
