-- Clients (相談者) and their sessions (面談). Migrations are never edited once landed.

CREATE TABLE clients (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    -- The reading as entered (NFKC-normalised kana) and the key names are sorted by.
    name_kana     TEXT NOT NULL,
    kana_sort_key TEXT NOT NULL,
    company       TEXT,
    department    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX clients_by_reading ON clients (kana_sort_key, id);

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    held_on    TEXT NOT NULL, -- YYYY-MM-DD, the day of the interview
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_by_client ON sessions (client_id, held_on DESC, id DESC);
