//! Storing documents: one transaction per document, every row of its plans normalised.

use rusqlite::{params, Transaction, TransactionBehavior};
use std::collections::HashSet;

use super::{date, sqlite, Error, Store};
use crate::paper::document::Paper;
use crate::paper::model::{Action, Plan};

/// What [`Store::import`] did with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// Stored now.
    New {
        /// Its row id in `documents`.
        document_id: i64,
    },
    /// A document with the same bytes was already stored; nothing changed.
    AlreadyPresent {
        /// Its row id in `documents`.
        document_id: i64,
        /// The file name it was stored under.
        file: String,
    },
}

/// Counts inserted rows for the crash-test hook; aborts the process when the budget runs out.
struct Rows<'a> {
    written: &'a mut u64,
    abort_after: Option<u64>,
}

impl Rows<'_> {
    fn tick(&mut self) {
        *self.written += 1;
        if self.abort_after.is_some_and(|n| *self.written >= n) {
            // Simulates a crash (no unwinding, no rollback): SQLite's journal must cope.
            eprintln!(
                "boardpaper: test hook: aborting after {} rows",
                self.written
            );
            std::process::abort();
        }
    }
}

/// Converts a count or position to SQLite's integer.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store {
    /// The hashes of every stored document.
    pub fn hashes(&self) -> Result<HashSet<String>, Error> {
        let doing = "cannot list stored documents";
        let mut stmt = self
            .conn
            .prepare("SELECT hash FROM documents")
            .map_err(sqlite(&self.name, doing))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(sqlite(&self.name, doing))?;
        rows.collect::<Result<_, _>>()
            .map_err(sqlite(&self.name, doing))
    }

    /// Store a document: `hash` is [`super::content_hash`] of its bytes, `path` where it was
    /// read, `json` exactly what `extract` writes for `paper`. One transaction: either every
    /// row is stored or none. A document already stored (same hash) is left as it is.
    pub fn import(
        &mut self,
        hash: &str,
        path: &str,
        paper: &Paper,
        json: &str,
    ) -> Result<Imported, Error> {
        let doing = format!("cannot store {path}");
        let db = self.name.clone();
        // IMMEDIATE takes the write lock before the hash lookup, so two imports of the same
        // file at once cannot both find it missing.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite(&db, &doing))?;
        let existing = tx
            .query_row(
                "SELECT id, file FROM documents WHERE hash = ?1",
                [hash],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(sqlite(&db, &doing))?;
        if let Some((document_id, file)) = existing {
            return Ok(Imported::AlreadyPresent { document_id, file });
        }
        let mut rows = Rows {
            written: &mut self.rows_written,
            abort_after: self.abort_after_rows,
        };
        let document_id =
            insert_paper(&tx, hash, path, paper, json, &mut rows).map_err(sqlite(&db, &doing))?;
        tx.commit().map_err(sqlite(&db, &doing))?;
        Ok(Imported::New { document_id })
    }

    /// Record a file that could not be imported (its own transaction).
    pub fn record_failure(
        &mut self,
        file: &str,
        hash: Option<&str>,
        reason: &str,
    ) -> Result<(), Error> {
        self.conn
            .execute(
                "INSERT INTO failures (file, hash, reason) VALUES (?1, ?2, ?3)",
                params![file, hash, reason],
            )
            .map_err(sqlite(
                &self.name,
                &format!("cannot record the failure of {file}"),
            ))?;
        Ok(())
    }
}

fn insert_paper(
    tx: &Transaction,
    hash: &str,
    path: &str,
    paper: &Paper,
    json: &str,
    rows: &mut Rows,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO documents (hash, file, path, pages, producer, meeting_body, meeting_date,
                                report_title, extract_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            hash,
            paper.file,
            path,
            paper.pages,
            paper.producer,
            paper.meeting.as_ref().map(|m| &m.body),
            paper.meeting.as_ref().and_then(|m| m.date.as_ref()),
            paper.report.as_ref().and_then(|r| r.title.as_ref()),
            json,
        ],
    )?;
    rows.tick();
    let document_id = tx.last_insert_rowid();
    for (seq, plan) in paper.plans.iter().enumerate() {
        insert_plan(tx, document_id, seq, plan, rows)?;
    }
    insert_report(tx, document_id, paper, rows)?;
    let mut warning = tx.prepare_cached(
        "INSERT INTO warnings (document_id, seq, page, kind, message) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (seq, w) in paper.warnings.iter().enumerate() {
        warning.execute(params![
            document_id,
            int(seq),
            w.page,
            w.code(),
            w.message()
        ])?;
        rows.tick();
    }
    Ok(document_id)
}

/// The paper's meeting and covering report, and the report's lists (migration 4).
fn insert_report(
    tx: &Transaction,
    document_id: i64,
    paper: &Paper,
    rows: &mut Rows,
) -> rusqlite::Result<()> {
    if let Some(m) = &paper.meeting {
        tx.execute(
            "INSERT INTO meetings (document_id, body, date, place) VALUES (?1, ?2, ?3, ?4)",
            params![document_id, m.body, m.date, m.place],
        )?;
        rows.tick();
    }
    let Some(r) = &paper.report else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO reports (document_id, title, author, summary, agenda_item, cabinet_member,
                              wards, key_decision, exempt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            document_id,
            r.title,
            r.author,
            r.summary,
            r.agenda_item,
            r.cabinet_member,
            r.wards,
            r.key_decision,
            r.exempt
        ],
    )?;
    rows.tick();
    let mut rec = tx.prepare_cached(
        "INSERT INTO recommendations (document_id, seq, text) VALUES (?1, ?2, ?3)",
    )?;
    for (seq, text) in r.recommendations.iter().enumerate() {
        rec.execute(params![document_id, int(seq), text])?;
        rows.tick();
    }
    let mut item = tx.prepare_cached(
        "INSERT INTO report_items (document_id, list, seq, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (list, texts) in [
        ("report_from", &r.report_from),
        ("background_papers", &r.background_papers),
    ] {
        for (seq, text) in texts.iter().enumerate() {
            item.execute(params![document_id, list, int(seq), text])?;
            rows.tick();
        }
    }
    let mut appendix = tx.prepare_cached(
        "INSERT INTO appendices (document_id, seq, label, title, first_page, last_page)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, a) in r.appendices.iter().enumerate() {
        let (first, last) = (a.pages.map(|p| p[0]), a.pages.map(|p| p[1]));
        appendix.execute(params![
            document_id,
            int(seq),
            a.label,
            a.title,
            first,
            last
        ])?;
        rows.tick();
    }
    let mut contact = tx.prepare_cached(
        "INSERT INTO contacts (document_id, seq, name, role, email, phone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, c) in r.contacts.iter().enumerate() {
        contact.execute(params![
            document_id,
            int(seq),
            c.name,
            c.role,
            c.email,
            c.phone
        ])?;
        rows.tick();
    }
    Ok(())
}

fn insert_plan(
    tx: &Transaction,
    document_id: i64,
    seq: usize,
    plan: &Plan,
    rows: &mut Rows,
) -> rusqlite::Result<()> {
    let columns = serde_json::to_string(&plan.columns)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    tx.prepare_cached(
        "INSERT INTO plans (document_id, seq, title, version, version_date, version_month,
                            columns, first_page, last_page)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        document_id,
        int(seq),
        plan.title,
        plan.version,
        plan.version_date,
        plan.version_date.as_deref().and_then(date::version_month),
        columns,
        plan.pages[0],
        plan.pages[1],
    ])?;
    rows.tick();
    let plan_id = tx.last_insert_rowid();
    for (seq, p) in plan.priorities.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO priorities (plan_id, seq, number, label, title)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![plan_id, int(seq), p.number, p.label, p.title])?;
        rows.tick();
        let priority_id = tx.last_insert_rowid();
        for (seq, a) in p.improvement_areas.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO areas (priority_id, seq, number, label, outcome)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![priority_id, int(seq), a.number, a.label, a.outcome])?;
            rows.tick();
            let area_id = tx.last_insert_rowid();
            for (seq, action) in a.actions.iter().enumerate() {
                insert_action(tx, area_id, seq, action, rows)?;
            }
        }
    }
    Ok(())
}

fn insert_action(
    tx: &Transaction,
    area_id: i64,
    seq: usize,
    action: &Action,
    rows: &mut Rows,
) -> rusqlite::Result<()> {
    let group = action.group.as_ref();
    tx.prepare_cached(
        "INSERT INTO actions (area_id, seq, number, specific_action, first_page, last_page,
                             number_implied, group_label, group_number, group_title)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        area_id,
        int(seq),
        action.number,
        action.specific_action,
        action.pages[0],
        action.pages[1],
        action.number_implied,
        group.and_then(|g| g.label.as_ref()),
        group.and_then(|g| g.number.as_ref()),
        group.map(|g| &g.title),
    ])?;
    rows.tick();
    let action_id = tx.last_insert_rowid();
    let mut item = tx.prepare_cached(
        "INSERT INTO action_items (action_id, list, seq, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (list, texts) in [
        ("leads", &action.leads),
        ("success_indicators", &action.success_indicators),
        ("impact_evidence", &action.impact_evidence),
    ] {
        for (seq, text) in texts.iter().enumerate() {
            item.execute(params![action_id, list, int(seq), text])?;
            rows.tick();
        }
    }
    let mut milestone = tx.prepare_cached(
        "INSERT INTO milestones (action_id, seq, text, status, date, rag, status_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (seq, m) in action.milestones.iter().enumerate() {
        milestone.execute(params![
            action_id,
            int(seq),
            m.text,
            m.status.map(|s| s.as_str()),
            m.date,
            m.rag,
            m.status_text,
        ])?;
        rows.tick();
    }
    let mut field = tx.prepare_cached(
        "INSERT INTO action_fields (action_id, seq, heading, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (seq, f) in action.fields.iter().enumerate() {
        field.execute(params![action_id, int(seq), f.heading, f.text])?;
        rows.tick();
    }
    let mut rag = tx.prepare_cached(
        "INSERT INTO rag_entries (action_id, seq, text, colour, fill) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (seq, r) in action.rag.iter().enumerate() {
        rag.execute(params![
            action_id,
            int(seq),
            r.text,
            r.colour.map(|c| c.to_string()),
            r.fill.map(|f| f.to_string()),
        ])?;
        rows.tick();
    }
    Ok(())
}
