-- Companies and their programs, clients within companies, interviews with their sheets,
-- questionnaires and flags. Sessions become interviews (面談). Never edited once landed.

CREATE TABLE companies (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE programs (
    id          INTEGER PRIMARY KEY,
    company_id  INTEGER NOT NULL REFERENCES companies (id),
    name        TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL CHECK (ends_on >= starts_on),
    purpose     TEXT,
    theme       TEXT,
    anonymity_k INTEGER NOT NULL DEFAULT 5 CHECK (anonymity_k >= 2),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (company_id, name)
) STRICT;

-- HR contacts of a program; their age recipients are one per line, each validated on entry.
CREATE TABLE program_contacts (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT,
    recipients TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX program_contacts_by_program ON program_contacts (program_id, position);

-- Existing clients keep their company as a company record.
INSERT INTO companies (name, created_at, updated_at)
    SELECT DISTINCT company, min(created_at), max(updated_at) FROM clients
    WHERE company IS NOT NULL GROUP BY company;

ALTER TABLE clients ADD COLUMN company_id INTEGER REFERENCES companies (id);
UPDATE clients SET company_id = (SELECT id FROM companies WHERE name = clients.company);
ALTER TABLE clients DROP COLUMN company;
ALTER TABLE clients ADD COLUMN employee_number TEXT;
ALTER TABLE clients ADD COLUMN role TEXT;
ALTER TABLE clients ADD COLUMN age_band TEXT;
ALTER TABLE clients ADD COLUMN years_at_company INTEGER;
ALTER TABLE clients ADD COLUMN job_content TEXT;
ALTER TABLE clients ADD COLUMN desired_career TEXT;
ALTER TABLE clients ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'closed'));
CREATE UNIQUE INDEX clients_employee_number ON clients (company_id, employee_number)
    WHERE employee_number IS NOT NULL;
CREATE INDEX clients_by_company ON clients (company_id, kana_sort_key);

CREATE TABLE client_tags (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (client_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_tags_by_tag ON client_tags (tag);

CREATE TABLE client_programs (
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    PRIMARY KEY (client_id, program_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_programs_by_program ON client_programs (program_id);

-- A program's interview-sheet template. Built-in sections carry a key (their title is the
-- translation of the key until the consultant renames them); retired sections stay for the
-- interviews written with them.
CREATE TABLE template_sections (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER REFERENCES programs (id) ON DELETE CASCADE, -- NULL: the vault's default
    key        TEXT,
    title      TEXT,
    position   INTEGER NOT NULL,
    retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    CHECK (key IS NOT NULL OR title IS NOT NULL)
) STRICT;
CREATE INDEX template_sections_by_program ON template_sections (program_id, position);

INSERT INTO template_sections (program_id, key, position) VALUES
    (NULL, 'current_work', 1),
    (NULL, 'vision', 2),
    (NULL, 'strengths', 3),
    (NULL, 'values', 4),
    (NULL, 'career_issues', 5),
    (NULL, 'workplace', 6),
    (NULL, 'organisational_issues', 7);

CREATE TABLE interviews (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    program_id       INTEGER REFERENCES programs (id),
    kind             TEXT NOT NULL CHECK (kind IN
                         ('initial', 'follow_up', 'additional', 'boss_consultation', 'supervision')),
    scheduled_at     TEXT, -- YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time
    held_at          TEXT, -- set when the interview is marked held
    duration_minutes INTEGER CHECK (duration_minutes BETWEEN 1 AND 1440),
    place            TEXT CHECK (place IN ('online', 'in_person')),
    purpose          TEXT,
    theme            TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (scheduled_at IS NOT NULL OR held_at IS NOT NULL)
) STRICT;

INSERT INTO interviews (id, client_id, kind, held_at, notes, created_at, updated_at)
    SELECT id, client_id, 'initial', held_on, notes, created_at, updated_at FROM sessions;
DROP TABLE sessions;

CREATE INDEX interviews_by_client ON interviews (client_id, coalesce(held_at, scheduled_at) DESC, id DESC);
CREATE INDEX interviews_by_program ON interviews (program_id);

-- One interview's sheet: the template's sections copied when the interview is created, so
-- that later changes to the template never alter what was written.
CREATE TABLE sheet_sections (
    id                  INTEGER PRIMARY KEY,
    interview_id        INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    template_section_id INTEGER REFERENCES template_sections (id) ON DELETE SET NULL,
    key                 TEXT,
    title               TEXT,
    position            INTEGER NOT NULL,
    text                TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL,
    CHECK (key IS NOT NULL OR title IS NOT NULL)
) STRICT;
CREATE INDEX sheet_sections_by_interview ON sheet_sections (interview_id, position);

-- Interviews from before sheets existed get the default sheet.
INSERT INTO sheet_sections (interview_id, template_section_id, key, title, position, updated_at)
    SELECT i.id, t.id, t.key, t.title, t.position, i.updated_at
    FROM interviews i CROSS JOIN template_sections t WHERE t.program_id IS NULL;

-- Every change to a held interview's notes or sheet: what it was, what it became, when.
CREATE TABLE amendments (
    id               INTEGER PRIMARY KEY,
    interview_id     INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    sheet_section_id INTEGER REFERENCES sheet_sections (id) ON DELETE CASCADE, -- NULL: the notes
    before           TEXT NOT NULL,
    after            TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    changed_at       TEXT NOT NULL
) STRICT;
CREATE INDEX amendments_by_interview ON amendments (interview_id, id);

-- 「3年後に目指す自分」: one per client and program (program NULL outside any program).
CREATE TABLE questionnaires (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    program_id      INTEGER REFERENCES programs (id),
    skills          TEXT NOT NULL DEFAULT '',
    qualifications  TEXT NOT NULL DEFAULT '',
    income_and_role TEXT NOT NULL DEFAULT '',
    private_life    TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX questionnaires_per_program ON questionnaires (client_id, coalesce(program_id, 0));

CREATE TABLE flags (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    interview_id INTEGER REFERENCES interviews (id) ON DELETE SET NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('mental_health', 'life_safety', 'organisational')),
    note         TEXT NOT NULL DEFAULT '',
    referred_to  TEXT,
    raised_on    TEXT NOT NULL,
    handled_on   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX flags_by_client ON flags (client_id, handled_on);
