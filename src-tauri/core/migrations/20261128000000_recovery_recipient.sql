-- The recovery key's public half (an age X25519 recipient, not a secret), so that a backup can
-- be encrypted to it and restored by a consultant who has forgotten the passphrase. Set when
-- the vault is created, and when it is recovered; absent in vaults made before.
ALTER TABLE vault_settings ADD COLUMN recovery_recipient TEXT;
