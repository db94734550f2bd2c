-- Retention: how long a client's records are kept after their last interview, and the
-- consultant's decisions to keep a client past it. Nothing is ever deleted by the period
-- alone: clients past it are listed for review, and the consultant erases or keeps them.
CREATE TABLE vault_settings (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    retention_years INTEGER NOT NULL DEFAULT 5 CHECK (retention_years BETWEEN 1 AND 50)
) STRICT;
INSERT INTO vault_settings (id) VALUES (1);

-- "Keep, because …": the client leaves the review list for a year from the decision.
CREATE TABLE retention_decisions (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL, -- YYYY-MM-DD
    reason     TEXT NOT NULL CHECK (reason <> ''),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX retention_decisions_by_client ON retention_decisions (client_id, decided_on);
