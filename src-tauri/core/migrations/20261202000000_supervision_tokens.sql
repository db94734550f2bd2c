-- A supervision package's reference also carries a random token (KZS-<id>-<token>): ids are
-- guessable, and a restore of an older backup gives them out again, so comments link to a
-- client only when both match.
ALTER TABLE supervision_exports ADD COLUMN token TEXT;
