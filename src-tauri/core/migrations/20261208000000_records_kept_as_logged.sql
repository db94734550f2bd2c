-- What the audit log anchors must not change under it. A consent is never edited (a revocation
-- is the one change, made once); its parts and flags never change once its grant is logged; it
-- leaves only after its client's erasure is logged. A provision record keeps every field but
-- the person's name, which becomes `KZ-<id>` when the client is erased (the erasure logged
-- first), and its package hash, written once in the transaction that made it; it leaves only
-- after its keeping period. The key's holder can drop these triggers: the digests in the log
-- (audit::verify) are what shows a change made around them.

-- A random salt in each digest that covers a person's name or a consent's terms, so that the
-- log, which outlives the records, cannot confirm a guess about an erased client: the salt goes
-- with the consent, and with the provision record's name when the client is erased. Rows made
-- before this have none (NULL) and their entries no digest.
ALTER TABLE consents ADD COLUMN salt TEXT;
ALTER TABLE provision_records ADD COLUMN salt TEXT;

DROP TRIGGER provision_records_pseudonymise;
CREATE TRIGGER provision_records_pseudonymise BEFORE DELETE ON clients BEGIN
    UPDATE provision_records SET person = 'KZ-' || OLD.id, salt = NULL WHERE client_id = OLD.id;
END;

-- How a package was sealed: `passphrase`, or `keys` followed by each recipient on its own line.
-- Records made before this was kept say nothing ('').
ALTER TABLE provision_records ADD COLUMN sealed_for TEXT NOT NULL DEFAULT '';

CREATE TRIGGER consents_are_never_edited BEFORE UPDATE ON consents
WHEN NOT (
    OLD.revoked_on IS NULL AND NEW.revoked_on IS NOT NULL AND OLD.revocation_note IS NULL
    AND NEW.id IS OLD.id AND NEW.client_id IS OLD.client_id
    AND NEW.recipient_kind IS OLD.recipient_kind AND NEW.recipient_name IS OLD.recipient_name
    AND NEW.program_id IS OLD.program_id AND NEW.purpose IS OLD.purpose
    AND NEW.granted_on IS OLD.granted_on AND NEW.obtained_by IS OLD.obtained_by
    AND NEW.obtained_note IS OLD.obtained_note AND NEW.expires_on IS OLD.expires_on
    AND NEW.created_at IS OLD.created_at AND NEW.salt IS OLD.salt
)
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;

-- Client ids are reused once the newest is erased, so the erasure must come after the grant.
CREATE TRIGGER consents_leave_only_with_their_client BEFORE DELETE ON consents
WHEN NOT EXISTS (
    SELECT 1 FROM audit_log erasure
    WHERE erasure.action = 'erasure' AND erasure.subject = 'KZ-' || OLD.client_id
      AND erasure.id > COALESCE((SELECT MAX(grant_entry.id) FROM audit_log grant_entry
                                 WHERE grant_entry.action = 'consent_granted'
                                   AND grant_entry.subject LIKE 'KZC-' || OLD.id || ' %'), 0)
)
BEGIN
    SELECT RAISE(ABORT, 'a consent leaves only when its client is erased');
END;

-- Parts and flags are written with the consent, before its grant is logged; a grant logged
-- (and not followed by its client's erasure, ids being reused) closes the list.
CREATE TRIGGER consent_parts_are_fixed_at_grant BEFORE INSERT ON consent_parts
WHEN EXISTS (
    SELECT 1 FROM audit_log grant_entry
    WHERE grant_entry.action = 'consent_granted'
      AND grant_entry.subject LIKE 'KZC-' || NEW.consent_id || ' %'
      AND NOT EXISTS (SELECT 1 FROM audit_log erasure
                      WHERE erasure.action = 'erasure' AND erasure.id > grant_entry.id
                        AND erasure.subject = substr(grant_entry.subject,
                                                     instr(grant_entry.subject, ' ') + 1))
)
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;
CREATE TRIGGER consent_flags_are_fixed_at_grant BEFORE INSERT ON consent_flags
WHEN EXISTS (
    SELECT 1 FROM audit_log grant_entry
    WHERE grant_entry.action = 'consent_granted'
      AND grant_entry.subject LIKE 'KZC-' || NEW.consent_id || ' %'
      AND NOT EXISTS (SELECT 1 FROM audit_log erasure
                      WHERE erasure.action = 'erasure' AND erasure.id > grant_entry.id
                        AND erasure.subject = substr(grant_entry.subject,
                                                     instr(grant_entry.subject, ' ') + 1))
)
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;

CREATE TRIGGER consent_parts_are_never_edited BEFORE UPDATE ON consent_parts
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;
CREATE TRIGGER consent_parts_leave_only_with_their_consent BEFORE DELETE ON consent_parts
WHEN EXISTS (SELECT 1 FROM consents WHERE id = OLD.consent_id)
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;

CREATE TRIGGER consent_flags_are_never_edited BEFORE UPDATE ON consent_flags
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;
-- An erasure removes the client's flags and consents in either order: a flag may go first.
CREATE TRIGGER consent_flags_leave_only_with_their_consent BEFORE DELETE ON consent_flags
WHEN EXISTS (
    SELECT 1 FROM consents consent
    WHERE consent.id = OLD.consent_id
      AND NOT EXISTS (SELECT 1 FROM audit_log erasure
                      WHERE erasure.action = 'erasure'
                        AND erasure.subject = 'KZ-' || consent.client_id
                        AND erasure.id > COALESCE(
                            (SELECT MAX(grant_entry.id) FROM audit_log grant_entry
                             WHERE grant_entry.action = 'consent_granted'
                               AND grant_entry.subject LIKE 'KZC-' || consent.id || ' %'), 0))
)
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited: revoke it and record a new one');
END;

CREATE TRIGGER provision_records_are_kept_as_made BEFORE UPDATE ON provision_records
WHEN NOT (
    NEW.id IS OLD.id AND NEW.provided_at IS OLD.provided_at
    AND NEW.recipient_kind IS OLD.recipient_kind AND NEW.recipient_name IS OLD.recipient_name
    AND NEW.items IS OLD.items AND NEW.consent_id IS OLD.consent_id
    AND NEW.consent_granted_on IS OLD.consent_granted_on AND NEW.keep_until IS OLD.keep_until
    AND NEW.sealed_for IS OLD.sealed_for
    AND (NEW.package_sha256 IS OLD.package_sha256 OR OLD.package_sha256 = '')
    AND ((NEW.person IS OLD.person AND NEW.salt IS OLD.salt)
         OR (NEW.person = 'KZ-' || OLD.client_id AND NEW.salt IS NULL AND EXISTS (
                SELECT 1 FROM audit_log erasure
                WHERE erasure.action = 'erasure' AND erasure.subject = 'KZ-' || OLD.client_id
                  AND erasure.id > COALESCE((SELECT MAX(export.id) FROM audit_log export
                                             WHERE export.action = 'export'
                                               AND export.subject LIKE 'KZP-' || OLD.id || ' %'),
                                            0))))
    AND (NEW.client_id IS OLD.client_id
         OR (NEW.client_id IS NULL AND NOT EXISTS (SELECT 1 FROM clients
                                                   WHERE id = OLD.client_id)))
)
BEGIN
    SELECT RAISE(ABORT, 'a provision record is kept as it was made');
END;

CREATE TRIGGER provision_records_are_kept_their_time BEFORE DELETE ON provision_records
WHEN OLD.keep_until >= date('now')
BEGIN
    SELECT RAISE(ABORT, 'a provision record is kept until its keeping period ends');
END;
