//! Rating kiosks on the [`Ledger`]: an administrator registers them and pairs their tablets;
//! a clerk arms their desk's kiosk for one service; the tablet, holding only its device token,
//! submits one rating per arm; leadership and the QMR read the ratings by desk and by staff
//! member. The tablet's own calls (`pair_kiosk`, `kiosk_state`, `rate_at_kiosk`) are made by
//! the office server for the device, which has no account: they are written as the kiosk.

use crate::access::password::random_bytes;
use crate::domain::kiosk::{
    self as rules, normalised_code, pairing_code, Kiosk, KioskFigures, KioskInput, KioskPairing, KioskState, RatingInput,
};
use crate::error::{Error, Result};
use crate::report::period::Period;
use crate::store::kiosk::{self as db, KioskRow};
use crate::{Action, Ledger};

/// Every device token begins so: the office server tells it from a desk's session token
/// without reading the file, and refuses it every command of the table.
pub const TOKEN_PREFIX: &str = "kiosk.";

/// What the file keeps of a token or a pairing code.
pub fn secret_hash(secret: &str) -> String {
    crate::domain::digest::sha256_hex(secret.as_bytes())
}

fn utc(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// What a tap became: the rating, and whether it had arrived before (a repeated send).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rated {
    pub rating_id: String,
    pub again: bool,
}

impl Ledger {
    /// Every registered kiosk: for the administrator, and for a clerk choosing their desk's.
    pub fn kiosks(&self) -> Result<Vec<Kiosk>> {
        self.guard_read()?;
        db::list(&self.conn)
    }

    /// Registers a kiosk; answers it with the one-time code that pairs its tablet.
    pub fn add_kiosk(&mut self, input: &KioskInput) -> Result<KioskPairing> {
        self.guard(Action::ManageKiosks)?;
        let (name, template) = input.validated()?;
        let unit_id = input.unit_id.as_deref().map(str::trim).filter(|u| !u.is_empty());
        if let Some(unit) = unit_id {
            if !self.units()?.iter().any(|u| u.id == unit) {
                return Err(Error::validation("unit_id", "Không có đơn vị này: hãy chọn đơn vị trong danh sách."));
            }
        }
        if db::list(&self.conn)?.iter().any(|k| !k.disabled && k.name == name) {
            return Err(Error::validation("name", format!("Đã có máy đánh giá tên «{name}»: hãy đặt một tên khác.")));
        }
        let (code, until) = (pairing_code(random_bytes()), self.pairing_until());
        let id = self.write(|tx| {
            let template_id = crate::store::survey::save_template(tx, &template, true)?;
            db::insert(tx, &name, unit_id, &template_id, &secret_hash(&code), &until)
        })?;
        Ok(KioskPairing { kiosk: db::get(&self.conn, &id)?, code, valid_until: until })
    }

    fn pairing_until(&self) -> String {
        utc(chrono::Utc::now() + chrono::Duration::hours(rules::PAIRING_HOURS))
    }

    /// A new pairing code for a kiosk whose tablet is replaced or was reset: the tablet that
    /// held the old token is refused from now on.
    pub fn pair_kiosk_again(&mut self, id: &str) -> Result<KioskPairing> {
        self.guard(Action::ManageKiosks)?;
        let kiosk = db::get(&self.conn, id)?;
        if kiosk.disabled {
            return Err(Error::Conflict(format!("Máy đánh giá «{}» đã ngừng dùng: hãy đăng ký một máy mới.", kiosk.name)));
        }
        let (code, until) = (pairing_code(random_bytes()), self.pairing_until());
        self.write(|tx| db::new_pairing(tx, id, &secret_hash(&code), &until))?;
        Ok(KioskPairing { kiosk: db::get(&self.conn, id)?, code, valid_until: until })
    }

    /// Stops a kiosk for good: its tablet's token is forgotten; its ratings stay counted.
    pub fn disable_kiosk(&mut self, id: &str) -> Result<Kiosk> {
        self.guard(Action::ManageKiosks)?;
        let kiosk = db::get(&self.conn, id)?;
        if !kiosk.disabled {
            self.write(|tx| db::disable(tx, id))?;
        }
        db::get(&self.conn, id)
    }

    /// Arms the kiosk for one service by the signed-in staff member, for the case `case_id`
    /// when the service is one: the kiosk shows its faces until a rating comes or
    /// [`rules::ARM_SHOWN_MINUTES`] pass.
    pub fn arm_kiosk(&mut self, id: &str, case_id: Option<&str>) -> Result<Kiosk> {
        self.guard(Action::ArmKiosk)?;
        let kiosk = db::get(&self.conn, id)?;
        if kiosk.disabled {
            return Err(Error::Conflict(format!("Máy đánh giá «{}» đã ngừng dùng.", kiosk.name)));
        }
        let case_id = case_id.map(str::trim).filter(|c| !c.is_empty());
        if let Some(case) = case_id {
            // Read as the clerk would: a case they may not see is not theirs to link.
            self.case(case)?;
        }
        let me = self.session_account()?;
        let (account, staff) = (me.as_ref().map(|m| m.account_id.clone()), me.as_ref().map(|m| m.staff_id.clone()));
        self.write(|tx| db::arm(tx, id, account.as_deref(), staff.as_deref(), case_id))?;
        db::get(&self.conn, id)
    }

    /// The ratings of `p` by desk and by staff member (leadership and the QMR only).
    pub fn kiosk_figures(&self, p: &Period) -> Result<KioskFigures> {
        self.guard(Action::ViewKioskRatings)?;
        // Every kiosk template rates on the three levels of BM.QT.SCT.05-02: two are satisfied.
        let satisfied = rules::templates()
            .first()
            .map(|t| crate::report::surveys::satisfied_levels(t, 3) as u32)
            .unwrap_or(2);
        let share = |mut list: Vec<rules::RatingCount>| {
            for c in &mut list {
                c.percent = crate::report::figures::percent(c.satisfied, c.answers);
            }
            list
        };
        let by_kiosk = share(db::counts(&self.conn, &p.from, &p.to, satisfied, false)?);
        let by_staff = share(db::counts(&self.conn, &p.from, &p.to, satisfied, true)?);
        Ok(KioskFigures { from: p.from.clone(), to: p.to.clone(), ratings: by_kiosk.iter().map(|c| c.ratings).sum(), by_kiosk, by_staff })
    }

    // ---- The tablet's own calls, made by the office server for the device ----

    /// Pairs a tablet with the kiosk whose code `typed` is: answers the device token (given
    /// once, never stored) and the kiosk. A wrong, used or expired code is refused.
    pub fn pair_kiosk(&mut self, typed: &str) -> Result<(String, KioskRow)> {
        let code = normalised_code(typed);
        let token = format!("{TOKEN_PREFIX}{}", crate::domain::digest::hex(&random_bytes::<32>()));
        let paired = crate::store::with_tx(&mut self.conn, "máy đánh giá (ghép nối)", |tx| db::pair(tx, &secret_hash(&code), &secret_hash(&token)))?;
        let refused = || {
            Error::Forbidden(
                "Mã ghép nối không đúng, đã dùng hoặc đã hết hạn: hãy xin cán bộ quản trị một mã mới (ykien kiosk pair).".into(),
            )
        };
        let id = paired.ok_or_else(refused)?;
        let row = db::by_token(&self.conn, &secret_hash(&token))?.filter(|k| k.id == id).ok_or_else(refused)?;
        Ok((token, row))
    }

    /// The kiosk whose device token is `token`, while it is in use.
    pub fn kiosk_of_token(&self, token: &str) -> Result<Option<KioskRow>> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        Ok(db::by_token(&self.conn, &secret_hash(token))?.filter(|k| !k.disabled))
    }

    /// What the kiosk shows: its questions, and the arm to rate while one is open.
    pub fn kiosk_state(&self, k: &KioskRow) -> Result<KioskState> {
        let now = chrono::Utc::now();
        // Written at most once a minute: a tablet asks every few seconds all day.
        let seen = k.last_seen_at.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
        if seen.is_none_or(|t| now - t.with_timezone(&chrono::Utc) > chrono::Duration::seconds(60)) {
            db::seen(&self.conn, &k.id, &utc(now))?;
        }
        let since = utc(now - chrono::Duration::minutes(rules::ARM_SHOWN_MINUTES));
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        let template = crate::store::survey::template(&self.conn, &k.template_id)?;
        Ok(KioskState {
            name: k.name.clone(),
            questions: rules::questions(&template, &office),
            office,
            arm_id: db::open_arm(&self.conn, &k.id, &since)?,
        })
    }

    /// Stores a tap of the kiosk `k` as a rating of the arm it answers. The same tap sent
    /// again (a retry after a lost answer, a tap kept while the server was down) is the rating
    /// already stored; another tap for an arm already rated, or for no arm of this kiosk, is
    /// refused. A tap arriving late is still counted: it was made while the kiosk was armed.
    pub fn rate_at_kiosk(&mut self, k: &KioskRow, input: &RatingInput) -> Result<Rated> {
        if let Some((rating_id, kiosk_id)) = db::rating_by_tap(&self.conn, &input.tap_id)? {
            if kiosk_id != k.id {
                return Err(Error::Conflict("Lượt đánh giá này đã được một máy đánh giá khác gửi.".into()));
            }
            return Ok(Rated { rating_id, again: true });
        }
        let template = crate::store::survey::template(&self.conn, &k.template_id)?;
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        let answers = input.checked(&rules::questions(&template, &office))?;
        let arm = db::arm_row(&self.conn, &input.arm_id)?.filter(|a| a.kiosk_id == k.id).ok_or_else(|| {
            Error::Conflict("Máy đánh giá chưa được mời đánh giá cho lượt phục vụ nào: đánh giá không được ghi nhận.".into())
        })?;
        if arm.rating_id.is_some() {
            return Err(Error::Conflict("Lượt phục vụ này đã được đánh giá: mỗi lượt chỉ ghi nhận một đánh giá.".into()));
        }
        let day = self.today().to_string();
        let actor = self.at_desk(format!("máy đánh giá «{}»", k.name));
        let rating_id = crate::store::with_tx(&mut self.conn, &actor, |tx| db::insert_rating(tx, k, &arm, &input.tap_id, &day, &answers))?;
        Ok(Rated { rating_id, again: false })
    }
}
