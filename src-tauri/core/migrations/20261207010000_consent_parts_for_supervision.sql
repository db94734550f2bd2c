-- A consent to a supervisor covers the individual report's parts one by one, as the report
-- carries them: the career-awareness issues and the support proposed join the parts a consent
-- may name (workplace and organisational issues were already there). SQLite cannot change a
-- CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE consent_parts_new (
    consent_id INTEGER NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    part       TEXT NOT NULL CHECK (part IN ('summary', 'themes', 'action_plan', 'strengths',
                                             'workplace', 'organisational_issues',
                                             'career_awareness', 'proposed_support')),
    PRIMARY KEY (consent_id, part)
) STRICT, WITHOUT ROWID;
INSERT INTO consent_parts_new (consent_id, part) SELECT consent_id, part FROM consent_parts;
DROP TABLE consent_parts;
ALTER TABLE consent_parts_new RENAME TO consent_parts;
