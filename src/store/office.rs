use super::Tx;
use crate::domain::office::OfficeProfile;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};

const COLUMNS: &str =
    "name, parent_agency, place_name, address, phone, email, ledger_form_code, survey_form_code";

pub fn get(conn: &Connection) -> Result<Option<OfficeProfile>> {
    Ok(conn
        .query_row(&format!("SELECT {COLUMNS} FROM office"), [], |r| {
            Ok(OfficeProfile {
                name: r.get(0)?,
                parent_agency: r.get(1)?,
                place_name: r.get(2)?,
                address: r.get(3)?,
                phone: r.get(4)?,
                email: r.get(5)?,
                ledger_form_code: r.get(6)?,
                survey_form_code: r.get(7)?,
            })
        })
        .optional()?)
}

/// Creates the profile on first save, updates it afterwards. `p` is already validated.
pub fn save(tx: &Tx, p: &OfficeProfile) -> Result<()> {
    let before = get(tx)?;
    let id: String = match &before {
        Some(_) => tx.query_row("SELECT id FROM office", [], |r| r.get(0))?,
        None => super::new_id(),
    };
    if before.as_ref() == Some(p) {
        return Ok(());
    }
    tx.execute(
        &format!(
            "INSERT INTO office (id, {COLUMNS}, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
             ON CONFLICT (id) DO UPDATE SET
               name = ?2, parent_agency = ?3, place_name = ?4, address = ?5, phone = ?6,
               email = ?7, ledger_form_code = ?8, survey_form_code = ?9, updated_at = ?10"
        ),
        rusqlite::params![
            id, p.name, p.parent_agency, p.place_name, p.address, p.phone, p.email,
            p.ledger_form_code, p.survey_form_code, tx.now()
        ],
    )?;
    tx.audit("office", &id, before.as_ref(), Some(p))
}
