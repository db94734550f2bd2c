-- Consent (同意): what a client agreed may go to whom, for what purpose. A consent is never
-- edited: a change is a revocation (kept, with its date) and a new consent, so that what an
-- export relied on stays as it was when it was relied on. Erasing the client removes their
-- consents with everything else of theirs; the provision record below outlives them.
CREATE TABLE consents (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('hr', 'boss', 'supervisor')),
    -- As the explanation sheet names them, e.g. 「人事部 山本様」.
    recipient_name  TEXT NOT NULL,
    -- The program an HR recipient belongs to (its company's HR); optional for the others.
    program_id      INTEGER REFERENCES programs (id),
    purpose         TEXT NOT NULL,
    granted_on      TEXT NOT NULL,
    obtained_by     TEXT NOT NULL CHECK (obtained_by IN ('written', 'verbal', 'electronic')),
    obtained_note   TEXT,
    expires_on      TEXT CHECK (expires_on IS NULL OR expires_on >= granted_on),
    revoked_on      TEXT CHECK (revoked_on IS NULL OR revoked_on >= granted_on),
    revocation_note TEXT,
    created_at      TEXT NOT NULL,
    CHECK (recipient_kind <> 'hr' OR program_id IS NOT NULL)
) STRICT;
CREATE INDEX consents_by_client ON consents (client_id, granted_on);

-- The parts a consent covers; flags are covered one by one, never as a kind, each as the sheet
-- described it: a flag changed since no longer matches what the client agreed to.
CREATE TABLE consent_parts (
    consent_id INTEGER NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    part       TEXT NOT NULL CHECK (part IN ('summary', 'themes', 'action_plan', 'strengths',
                                             'workplace', 'organisational_issues')),
    PRIMARY KEY (consent_id, part)
) STRICT, WITHOUT ROWID;
CREATE TABLE consent_flags (
    consent_id INTEGER NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    flag_id    INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    raised_on  TEXT NOT NULL,
    note       TEXT NOT NULL,
    referred_to TEXT,
    PRIMARY KEY (consent_id, flag_id)
) STRICT, WITHOUT ROWID;

-- The summary (人事向けサマリー) the consultant writes for the recipient of a consent.
CREATE TABLE summaries (
    consent_id INTEGER PRIMARY KEY REFERENCES consents (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- The provision record (第三者提供の記録) the personal-information law asks for: to whom,
-- whose data, which items, on which consent, when. It outlives an erased client for its
-- keeping period, naming them then only by Kizuki's reference (the trigger below).
CREATE TABLE provision_records (
    id                 INTEGER PRIMARY KEY,
    provided_at        TEXT NOT NULL,
    recipient_kind     TEXT NOT NULL,
    recipient_name     TEXT NOT NULL,
    client_id          INTEGER REFERENCES clients (id) ON DELETE SET NULL,
    person             TEXT NOT NULL,
    items              TEXT NOT NULL, -- the parts provided, one per line
    consent_id         INTEGER NOT NULL, -- a reference only: the consent may be erased
    consent_granted_on TEXT NOT NULL,
    package_sha256     TEXT NOT NULL,
    keep_until         TEXT NOT NULL
) STRICT;
CREATE INDEX provision_records_by_client ON provision_records (client_id);

CREATE TRIGGER provision_records_pseudonymise BEFORE DELETE ON clients BEGIN
    UPDATE provision_records SET person = 'KZ-' || OLD.id WHERE client_id = OLD.id;
END;

-- The audit log: every export, consent change and erasure, append-only and chained, each
-- entry's hash covering the one before it, so that an edit or a removal shows (see audit::verify
-- for what shows the removal of the newest entries).
-- It names records only by Kizuki's references, never by their content.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    detail        TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
