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
-- found by search), dated when last changed; like every indexed text, ending with two line
-- breaks, and like every text saved as it is typed, re-indexed when next searched (see the
-- search_at_scale migration).
CREATE TRIGGER search_report_insert AFTER INSERT ON reports BEGIN
    INSERT INTO search_text (rowid, body, client_id) VALUES ((7 << 40) | NEW.id,
        concat_ws(char(10), NEW.career_awareness, NEW.workplace, NEW.organisational,
                  NEW.proposed_support) || char(10, 10),
        NEW.client_id);
    INSERT INTO search_dates (rowid, client_id, at) VALUES ((7 << 40) | NEW.id, NEW.client_id,
        NEW.updated_at);
END;
CREATE TRIGGER search_report_update AFTER UPDATE ON reports BEGIN
    INSERT OR IGNORE INTO search_stale (rowid) VALUES ((7 << 40) | NEW.id);
    UPDATE search_dates SET at = NEW.updated_at WHERE rowid = (7 << 40) | NEW.id;
END;
CREATE TRIGGER search_report_delete AFTER DELETE ON reports BEGIN
    DELETE FROM search_text WHERE rowid = (7 << 40) | OLD.id;
    DELETE FROM search_dates WHERE rowid = (7 << 40) | OLD.id;
END;
CREATE TRIGGER search_stale_report AFTER DELETE ON search_stale
WHEN OLD.rowid >> 40 = 7 BEGIN
    DELETE FROM search_text WHERE rowid = OLD.rowid;
    INSERT INTO search_text (rowid, body, client_id)
        SELECT OLD.rowid,
               concat_ws(char(10), career_awareness, workplace, organisational, proposed_support)
                   || char(10, 10),
               client_id
        FROM reports WHERE id = OLD.rowid & 1099511627775;
END;
