//! The database layout, as an ordered list of migrations. `PRAGMA user_version` holds how many
//! have been applied; opening a database applies the rest, each in its own transaction. Never
//! edit a migration that has shipped: add a new one.

use rusqlite::Connection;

/// Migration 1: documents and their plans, normalised down to milestones and RAG entries.
const V1: &str = "
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    hash          TEXT NOT NULL UNIQUE,      -- sha256 of the PDF's bytes, lowercase hex
    file          TEXT NOT NULL,             -- file name when first imported
    path          TEXT NOT NULL,             -- path as given to `import`
    pages         INTEGER NOT NULL,
    producer      TEXT,                      -- the PDF's /Producer
    meeting_body  TEXT,
    meeting_date  TEXT,                      -- ISO YYYY-MM-DD when printed in full
    report_title  TEXT,                      -- the covering report's title, if any
    extract_json  TEXT NOT NULL,             -- exactly what `boardpaper extract` writes
    imported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE plans (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,         -- 0-based position in the document
    title          TEXT NOT NULL,
    version        TEXT,                     -- the label as printed (\"4\")
    version_date   TEXT,                     -- as printed (\"June 2015\")
    version_month  TEXT,                     -- version_date as YYYY-MM, for ordering
    columns        TEXT NOT NULL,            -- the column headings, a JSON array
    first_page     INTEGER NOT NULL,
    last_page      INTEGER NOT NULL,
    UNIQUE (document_id, seq)
);
CREATE TABLE priorities (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    number    INTEGER NOT NULL,
    title     TEXT NOT NULL,
    UNIQUE (plan_id, seq)
);
CREATE TABLE areas (
    id           INTEGER PRIMARY KEY,
    priority_id  INTEGER NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    outcome      TEXT NOT NULL,
    UNIQUE (priority_id, seq)
);
CREATE TABLE actions (
    id               INTEGER PRIMARY KEY,
    area_id          INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    number           TEXT NOT NULL,          -- as printed (\"1.1\")
    specific_action  TEXT NOT NULL,
    first_page       INTEGER NOT NULL,
    last_page        INTEGER NOT NULL,
    UNIQUE (area_id, seq)
);
CREATE TABLE action_items (
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    list       TEXT NOT NULL CHECK (list IN ('leads', 'success_indicators', 'impact_evidence')),
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (action_id, list, seq)
);
CREATE TABLE milestones (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    status     TEXT,                         -- Complete, In progress, Ongoing, ...
    date       TEXT,                         -- the timescale as printed
    rag        TEXT,                         -- the RAG text printed level with it
    UNIQUE (action_id, seq)
);
CREATE TABLE rag_entries (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    colour     TEXT,                         -- green, amber, red, #RRGGBB, or NULL if unfilled
    fill       TEXT,                         -- the fill as printed, #RRGGBB
    UNIQUE (action_id, seq)
);
CREATE TABLE warnings (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    page         INTEGER,
    kind         TEXT NOT NULL,
    message      TEXT NOT NULL,
    UNIQUE (document_id, seq)
);
CREATE INDEX plans_document ON plans(document_id);
CREATE INDEX priorities_plan ON priorities(plan_id);
CREATE INDEX areas_priority ON areas(priority_id);
CREATE INDEX actions_area ON actions(area_id);
";

/// Migration 2: files that could not be imported, lookups by version and action number, and a
/// view that puts each action beside its plan version.
const V2: &str = "
CREATE TABLE failures (
    id           INTEGER PRIMARY KEY,
    file         TEXT NOT NULL,              -- path as given to `import`
    hash         TEXT,                       -- sha256 of the bytes, when they could be read
    reason       TEXT NOT NULL,
    failed_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX plans_version ON plans(title, version);
CREATE INDEX actions_number ON actions(number);
CREATE VIEW action_versions AS
SELECT d.id AS document_id, d.file, d.hash,
       pl.id AS plan_id, pl.title AS plan, pl.version, pl.version_date, pl.version_month,
       pr.number AS priority, ar.number AS area, ac.id AS action_id, ac.number AS action,
       ac.specific_action
FROM actions ac
JOIN areas ar ON ar.id = ac.area_id
JOIN priorities pr ON pr.id = ar.priority_id
JOIN plans pl ON pl.id = pr.plan_id
JOIN documents d ON d.id = pl.document_id;
";

/// Migration 3: plans of any template. Groups keep their printed labels, actions a third
/// grouping level, whether their number was counted, and the plan columns with no role
/// (`action_fields`); milestones the status word as printed. Rows stored before it read as
/// plans that printed none of these (which is what their documents held).
const V3: &str = "
ALTER TABLE priorities ADD COLUMN label TEXT;       -- as printed (\"Theme 2\"); NULL when implied
ALTER TABLE areas ADD COLUMN label TEXT;            -- as printed (\"Outcome 1.2\"); NULL when implied
ALTER TABLE actions ADD COLUMN number_implied INTEGER NOT NULL DEFAULT 0;  -- 1: number counted
ALTER TABLE actions ADD COLUMN group_label TEXT;    -- a third grouping level, when printed
ALTER TABLE actions ADD COLUMN group_number TEXT;
ALTER TABLE actions ADD COLUMN group_title TEXT;    -- NULL when the action has no third level
ALTER TABLE milestones ADD COLUMN status_text TEXT; -- the status word as printed (\"Achieved\")
CREATE TABLE action_fields (
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,                 -- column order
    heading    TEXT NOT NULL,                    -- the plan's heading as printed (\"Comments\")
    text       TEXT NOT NULL,
    PRIMARY KEY (action_id, seq)
);
DROP VIEW action_versions;
CREATE VIEW action_versions AS
SELECT d.id AS document_id, d.file, d.hash,
       pl.id AS plan_id, pl.title AS plan, pl.version, pl.version_date, pl.version_month,
       pr.number AS priority, ar.number AS area, ac.id AS action_id, ac.number AS action,
       ac.specific_action, pr.label AS priority_label, ar.label AS area_label,
       ac.group_label, ac.group_number, ac.group_title, ac.number_implied
FROM actions ac
JOIN areas ar ON ar.id = ac.area_id
JOIN priorities pr ON pr.id = ar.priority_id
JOIN plans pl ON pl.id = pr.plan_id
JOIN documents d ON d.id = pl.document_id;
";

/// Migration 4: covering reports. A document's meeting and its report's fields, its
/// recommendations and the other lists of the report, its appendices and its contacts, one
/// row each (sections and paragraphs stay in `extract_json`). Documents stored before it have
/// no rows here: re-import them to fill these tables.
const V4: &str = "
CREATE TABLE meetings (
    document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    body         TEXT NOT NULL,
    date         TEXT,                       -- ISO YYYY-MM-DD when printed in full
    place        TEXT                        -- as printed; NULL when not printed
);
CREATE TABLE reports (
    document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    author          TEXT,
    summary         TEXT,                    -- paragraphs joined with a newline
    agenda_item     TEXT,                    -- the values below as printed, or NULL
    cabinet_member  TEXT,
    wards           TEXT,
    key_decision    TEXT,
    exempt          TEXT
);
CREATE TABLE recommendations (
    document_id  INTEGER NOT NULL REFERENCES reports(document_id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,           -- 0-based, in print order
    text         TEXT NOT NULL,              -- label (\"(a)\", \"1.\") dropped
    PRIMARY KEY (document_id, seq)
);
CREATE TABLE report_items (
    document_id  INTEGER NOT NULL REFERENCES reports(document_id) ON DELETE CASCADE,
    list         TEXT NOT NULL CHECK (list IN ('report_from', 'background_papers')),
    seq          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (document_id, list, seq)
);
CREATE TABLE appendices (
    document_id  INTEGER NOT NULL REFERENCES reports(document_id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    label        TEXT NOT NULL,              -- \"A\", \"1\" as printed
    title        TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);
CREATE TABLE contacts (
    document_id  INTEGER NOT NULL REFERENCES reports(document_id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT,
    email        TEXT,
    phone        TEXT,                       -- as printed
    PRIMARY KEY (document_id, seq)
);
";

/// Migration 5: which pages of the PDF hold each attached appendix (NULL when it is only
/// listed, or for documents stored before it).
const V5: &str = "
ALTER TABLE appendices ADD COLUMN first_page INTEGER;   -- 1-based, when attached
ALTER TABLE appendices ADD COLUMN last_page INTEGER;
";

/// Migration 6: a report's title may be NULL (a report printing none, or whose title block
/// holds no title). SQLite cannot drop a NOT NULL constraint, so the column is remade; an
/// empty title stored before becomes NULL.
const V6: &str = "
ALTER TABLE reports ADD COLUMN title_or_null TEXT;
UPDATE reports SET title_or_null = NULLIF(title, '');
ALTER TABLE reports DROP COLUMN title;
ALTER TABLE reports RENAME COLUMN title_or_null TO title;   -- NULL when none is printed
";

/// Every migration in order; migration `i` (0-based) brings a database from version `i` to
/// version `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

/// The schema version this build writes.
pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

/// The schema version of an open database (`PRAGMA user_version`).
pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Apply the migrations after `from` up to `to`, each with its version bump in one
/// transaction, so a crash leaves the database at a whole version.
pub fn migrate(conn: &mut Connection, from: u32, to: u32) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(from as usize)
        .take(to.saturating_sub(from) as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
