-- Each supervision package sent, by the reference its comments come back with (KZS-<id>).
-- AUTOINCREMENT: a reference is never given twice, so comments about an erased client can
-- never attach to a client added since. An export goes with its client.
CREATE TABLE supervision_exports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    report_id   INTEGER NOT NULL,
    exported_at TEXT NOT NULL
) STRICT;
CREATE INDEX supervision_exports_by_client ON supervision_exports (client_id);

-- The same comments arrive once, however they were encrypted or armored.
ALTER TABLE inbox_items ADD COLUMN content_sha256 TEXT;
CREATE UNIQUE INDEX inbox_items_by_content ON inbox_items (content_sha256);
