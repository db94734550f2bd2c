-- The SHA-256 of key.recovery.age as last written or proven by the recovery key: unlocking
-- compares the file with it, so a recovery file that was lost or damaged is found while the
-- passphrase still works and a new one can be issued, not on the day it is needed.
ALTER TABLE vault_settings ADD COLUMN recovery_file_sha256 TEXT;
