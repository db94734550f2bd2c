-- The consultant's own age identity for receiving packages (a supervisor's comments): its
-- public half is what they give out; the secret stays inside the encrypted database.
ALTER TABLE vault_settings ADD COLUMN inbox_identity TEXT;

-- Packages received, read-only: what the supervisor wrote, as it arrived. An item about a
-- client (regarding 「KZ-<id>」) goes with that client's erasure; nothing else removes one.
CREATE TABLE inbox_items (
    id             INTEGER PRIMARY KEY,
    received_at    TEXT NOT NULL,
    package_sha256 TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL, -- as the package's manifest says
    supervisor     TEXT NOT NULL,
    regarding      TEXT NOT NULL,
    client_id      INTEGER REFERENCES clients (id) ON DELETE CASCADE,
    written_on     TEXT NOT NULL,
    comments       TEXT NOT NULL
) STRICT;
CREATE INDEX inbox_items_by_client ON inbox_items (client_id);
CREATE TRIGGER inbox_items_are_read_only BEFORE UPDATE ON inbox_items BEGIN
    SELECT RAISE(ABORT, 'inbox items are read-only');
END;
