//! Returned survey forms read from scans, on the [`Ledger`]: a stack of scanned files read,
//! the forms read without doubt saved through keyboard entry's checks, the rest waiting in the
//! review queue for a person, who confirms them with the keyboard. Every save is one
//! transaction: the files, their pages and the forms, or nothing.

use crate::domain::progress::Progress;
use crate::domain::survey_entry::{check_answers, Answer, AnswerState, EntrySlot};
use crate::domain::survey_round::{serial_text, SerialCheck, SurveyLayout, SurveyResponse, SurveyRound};
use crate::domain::survey_scan::{InboxPass, PageStatus, ReadAnswer, ReviewPage, ScanConfirmInput, ScanInbox, ScanReport, ScannedPage, SkippedFile};
use crate::error::{Error, Result};
use crate::scan::grey::Grey;
use crate::scan::read::{BoxSeen, Ink, ReadBox};
use crate::scan::{answers_by_form, decode, form_ink, read_page, INBOX_READ, INBOX_SKIPPED};
use crate::store::scan as db;
use crate::store::survey as surveys;
use crate::Ledger;
use std::path::PathBuf;

/// A page as read, before anything is stored.
struct Page {
    number: u32,
    serial: Option<i32>,
    form_page: Option<u32>,
    status: PageStatus,
    answers: Vec<ReadAnswer>,
    problem: Option<String>,
    image: Vec<u8>,
    /// Each box measured and judged; what it was read as is kept (`BoxSeen`) for the review's
    /// crop.
    boxes: Vec<ReadBox>,
    /// On a black-and-white page, what its ticks say of the pen.
    ink: Option<Ink>,
}

impl Page {
    /// A page waits for a person when any of its answers does.
    fn status_of(answers: &[ReadAnswer]) -> PageStatus {
        if answers.iter().any(|a| a.review) {
            PageStatus::NeedsReview
        } else {
            PageStatus::Read
        }
    }
}

struct File {
    name: String,
    sha256: String,
    pages: Vec<Page>,
}

/// Pages kept for review at most this fine: a 300 dpi scan is kept at 150 dpi, plenty to read
/// a tick and a word, at a quarter of the size.
const KEEP_PX_PER_MM: f32 = 8.5;

/// The page upright, halved while finer than [`KEEP_PX_PER_MM`], as PNG.
fn kept_image(page: &Grey, upside_down: bool) -> Vec<u8> {
    let mut g = if upside_down { page.rotated_180() } else { page.clone() };
    while g.width as f32 / crate::scan::locate::PAGE.0 > KEEP_PX_PER_MM {
        let (w, h) = (g.width / 2, g.height / 2);
        let mut half = Grey::new(w, h, 255);
        for y in 0..h {
            for x in 0..w {
                let s = u32::from(g.get(2 * x, 2 * y)) + u32::from(g.get(2 * x + 1, 2 * y)) + u32::from(g.get(2 * x, 2 * y + 1)) + u32::from(g.get(2 * x + 1, 2 * y + 1));
                half.px[y * w + x] = (s / 4) as u8;
            }
        }
        g = half;
    }
    g.png()
}

impl Ledger {
    /// Reads scanned files of returned forms of `round` from disk (see [`Ledger::scan_survey_stack`]).
    pub fn scan_survey_files(&mut self, round: &str, files: &[PathBuf], save: bool, progress: Progress) -> Result<ScanReport> {
        let mut stack = Vec::new();
        for f in files {
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| f.display().to_string());
            stack.push((name, std::fs::read(f)?));
        }
        self.scan_survey_stack(round, &stack, save, progress)
    }

    /// Reads a stack of scanned files (name, content) of returned forms of `round`: every page
    /// located, its QR code and boxes read. With `save`, the forms read without doubt are saved
    /// through keyboard entry's checks (serial printed for the round and not entered yet, every
    /// answer present), and the other pages wait in the review queue. A file that is not a scan
    /// (or a PDF with a password, or read before) is named and skipped whole.
    pub fn scan_survey_stack(&mut self, round: &str, files: &[(String, Vec<u8>)], save: bool, progress: Progress) -> Result<ScanReport> {
        self.guard(crate::Action::EnterSurveyResponses)?;
        self.read_stack(round, files, save, progress, None)
    }

    /// As [`Ledger::scan_survey_stack`], unguarded when `system` names the machine's own task
    /// (the inbox) that writes in its name.
    fn read_stack(&mut self, round: &str, files: &[(String, Vec<u8>)], save: bool, progress: Progress, system: Option<&str>) -> Result<ScanReport> {
        let sheet = self.survey_entry_sheet(round)?;
        let round = sheet.round.clone();
        let layout = self.survey_layout(&round.id)?.ok_or_else(|| {
            Error::validation("round", format!("Đợt {} chưa in phiếu nào từ Ý Kiến nên chưa biết vị trí các ô để đọc.", round.code))
        })?;
        let boxes: Vec<EntrySlot> = sheet.slots.iter().filter(|s| !s.is_text()).cloned().collect();
        let mut read: Vec<File> = Vec::new();
        let mut skipped = Vec::new();
        // Progress in pages: those of the files opened so far, and as many again per file not
        // opened yet as the opened ones held on average (a stack is one PDF or a page a file).
        let mut pages_done = 0u64;
        let mut pages_known = 0u64;
        let estimate = |opened: usize, known: u64| {
            let rest = (files.len() - opened) as u64;
            known + if opened == 0 { rest } else { rest * known.div_ceil(opened as u64).max(1) }
        };
        for (i, (name, bytes)) in files.iter().enumerate() {
            if !progress(pages_done, estimate(i, pages_known).max(1)) {
                return Err(Error::Cancelled);
            }
            let sha256 = crate::domain::digest::sha256_hex(bytes);
            if let Some(before) = db::file_seen(&self.conn, &round.id, &sha256)? {
                skipped.push(SkippedFile { file: name.clone(), message: format!("Tệp «{name}» đã được đọc cho đợt này (tệp «{before}», cùng nội dung); tệp này được bỏ qua.") });
                continue;
            }
            let pages = match decode::pages(name, bytes) {
                Ok(p) => p,
                Err(e) => {
                    skipped.push(SkippedFile { file: name.clone(), message: e.to_string() });
                    continue;
                }
            };
            let mut file = File { name: name.clone(), sha256, pages: Vec::new() };
            pages_known += pages.len() as u64;
            // One page decoded at a time, read, and dropped before the next is decoded: only
            // what is kept of it (its reading and its image at 150 dpi, compressed) stays.
            for (n, page) in pages.enumerate() {
                if !progress(pages_done, estimate(i + 1, pages_known)) {
                    return Err(Error::Cancelled);
                }
                pages_done += 1;
                file.pages.push(match page {
                    Ok(g) => read_one(&g, n as u32 + 1, &round, &layout, &boxes),
                    Err(why) => Page { number: n as u32 + 1, serial: None, form_page: None, status: PageStatus::Unreadable, answers: Vec::new(), problem: Some(format!("Trang {}: {why}.", n + 1)), image: Vec::new(), boxes: Vec::new(), ink: None },
                });
            }
            read.push(file);
        }
        progress(pages_done, pages_done.max(1));
        let forms = self.judge_forms(&round, &layout, &sheet.slots, &mut read);
        let pages: Vec<ScannedPage> = read
            .iter()
            .flat_map(|f| f.pages.iter().map(|p| ScannedPage { file: f.name.clone(), page: p.number, serial: p.serial, status: p.status, answers: p.answers.clone() }))
            .collect();
        let mut report = ScanReport { pages, skipped, saved: 0, waiting: 0 };
        if !save {
            return Ok(report);
        }
        let today = self.today();
        let store = |tx: &crate::store::Tx| {
            let mut ids: Vec<Vec<String>> = Vec::new();
            for f in &read {
                let file_id = db::add_file(tx, &round.id, &f.name, &f.sha256, f.pages.len() as u32)?;
                let mut page_ids = Vec::new();
                for p in &f.pages {
                    let boxes: Vec<BoxSeen> = p.boxes.iter().map(BoxSeen::from).collect();
                    let boxes = serde_json::to_string(&boxes).expect("boxes serialise");
                    page_ids.push(db::add_page(tx, &file_id, p.number, p.serial, p.form_page, p.status, &p.answers, p.problem.as_deref(), &p.image, &boxes)?);
                }
                ids.push(page_ids);
            }
            let mut saved = 0;
            let mut done = 0;
            for form in &forms {
                let id = surveys::insert_response(tx, &round.id, form.serial, today, "scan", None, &form.answers)?;
                db::record_answers(tx, &id, &form.read, &form.answers, None)?;
                let page_ids: Vec<String> = form.pages.iter().map(|&(f, p)| ids[f][p].clone()).collect();
                done += page_ids.len();
                db::pages_saved(tx, &page_ids, &id)?;
                saved += 1;
            }
            Ok((saved, ids.iter().map(Vec::len).sum::<usize>() - done))
        };
        let (saved, waiting) = match system {
            Some(actor) => crate::store::with_tx(&mut self.conn, actor, store)?,
            None => self.write(store)?,
        };
        report.saved = saved;
        report.waiting = waiting as i32;
        Ok(report)
    }

    /// The forms whose every page was read without doubt and that pass keyboard entry's
    /// checks; the pages of the others get the reason they wait.
    fn judge_forms(&self, round: &SurveyRound, layout: &SurveyLayout, slots: &[EntrySlot], files: &mut [File]) -> Vec<ReadForm> {
        let mut serials: Vec<i32> = files.iter().flat_map(|f| f.pages.iter().filter_map(|p| p.serial)).collect();
        serials.sort_unstable();
        serials.dedup();
        let mut out = Vec::new();
        for serial in serials {
            let at: Vec<(usize, usize)> = files
                .iter()
                .enumerate()
                .flat_map(|(fi, f)| f.pages.iter().enumerate().filter(|(_, p)| p.serial == Some(serial)).map(move |(pi, _)| (fi, pi)))
                .collect();
            let mut form_pages: Vec<u32> = at.iter().filter_map(|&(f, p)| files[f].pages[p].form_page).collect();
            form_pages.sort_unstable();
            let complete = form_pages == (1..=layout.pages).collect::<Vec<_>>();
            if complete {
                // Black-and-white pages read one by one: the form's ticks together vouch for
                // its blanks, or not, whatever one page's said.
                let ink = form_ink(at.iter().map(|&(f, p)| files[f].pages[p].ink));
                for &(f, p) in &at {
                    let page = &mut files[f].pages[p];
                    if let Some(answers) = answers_by_form(page.ink, ink, slots, &page.boxes) {
                        page.status = Page::status_of(&answers);
                        page.problem = waits_because(&answers, ink);
                        page.answers = answers;
                    }
                }
            }
            let problem = if !complete {
                Some(if form_pages.windows(2).any(|w| w[0] == w[1]) {
                    format!("Phiếu số {} có trang bị quét hai lần.", serial_text(serial))
                } else {
                    format!("Phiếu số {} thiếu trang (có trang {:?} trên {} trang).", serial_text(serial), form_pages, layout.pages)
                })
            } else {
                match self.judge_serial(round, &serial.to_string()) {
                    SerialCheck::Free { .. } => {
                        let read: Vec<ReadAnswer> = at.iter().flat_map(|&(f, p)| files[f].pages[p].answers.clone()).collect();
                        let answers: Vec<Answer> = read.iter().map(as_answer).collect();
                        match check_answers(slots, &answers) {
                            Ok(answers) if at.iter().all(|&(f, p)| files[f].pages[p].status == PageStatus::Read) => {
                                out.push(ReadForm { serial, answers, read, pages: at.clone() });
                                None
                            }
                            Ok(_) => None,
                            Err(e) => Some(e.to_string()),
                        }
                    }
                    SerialCheck::Duplicate { message, .. } | SerialCheck::OutOfRound { message } | SerialCheck::Invalid { message } => Some(message),
                }
            };
            if let Some(problem) = problem {
                for &(f, p) in &at {
                    let page = &mut files[f].pages[p];
                    page.status = PageStatus::NeedsReview;
                    page.problem.get_or_insert(problem.clone());
                }
            }
        }
        out
    }

    /// The round's scanned pages waiting for a person, the least sure first.
    pub fn survey_scan_review(&self, round: &str) -> Result<Vec<ReviewPage>> {
        self.guard_read()?;
        let round = self.survey_round(round)?;
        db::waiting(&self.conn, &round.id)
    }

    /// Saves a form from the review queue as a person confirmed it: the same checks as
    /// keyboard entry; each answer keeps whether it was read and accepted or checked by whom,
    /// and the audit log has what was read beside what was saved.
    pub fn confirm_scanned_form(&mut self, input: &ScanConfirmInput) -> Result<SurveyResponse> {
        self.guard(crate::Action::EnterSurveyResponses)?;
        let round = surveys::round_uncounted(&self.conn, &input.round_id)?;
        if input.page_ids.is_empty() {
            return Err(Error::validation("page_ids", "Chưa chọn trang quét nào của phiếu."));
        }
        let mut read = Vec::new();
        for id in &input.page_ids {
            let Some((round_id, page)) = db::page(&self.conn, id)? else {
                return Err(Error::NotFound { entity: "trang quét", id: id.clone() });
            };
            if round_id != round.id {
                return Err(Error::validation("page_ids", format!("Trang {} của tệp «{}» thuộc đợt khảo sát khác.", page.page, page.file)));
            }
            read.extend(page.answers);
        }
        if db::waiting(&self.conn, &round.id)?.iter().filter(|p| input.page_ids.contains(&p.id)).count() != input.page_ids.len() {
            return Err(Error::Conflict("Phiếu này đã được lưu rồi (trang quét không còn chờ xem lại).".into()));
        }
        let serial = match self.judge_serial(&round, &input.serial) {
            SerialCheck::Free { serial } => serial,
            SerialCheck::Duplicate { message, .. } => return Err(Error::Conflict(message)),
            SerialCheck::OutOfRound { message } | SerialCheck::Invalid { message } => return Err(Error::validation("serial", message)),
        };
        let filled_on = self.filled_on(&input.filled_on)?;
        let template = self.survey_template(&round.template_id)?;
        let answers = check_answers(&crate::domain::survey_entry::slots(&template), &input.answers)?;
        let who = self.writer()?;
        let id = self.write(|tx| {
            let id = surveys::insert_response(tx, &round.id, serial, filled_on, "scan", None, &answers)?;
            db::record_answers(tx, &id, &read, &answers, Some(&who))?;
            db::pages_saved(tx, &input.page_ids, &id)?;
            // What the reading proposed beside what the person saved.
            let proposed: Vec<Answer> = read.iter().map(as_answer).collect();
            tx.audit("scan_answer", &id, Some(&proposed), Some(&answers))?;
            Ok(id)
        })?;
        surveys::response(&self.conn, &id)
    }

    /// A scanned page's image (PNG), or the crop of one question's row when `code` is given:
    /// made here, so the window is sent a few kilobytes, not a whole page.
    pub fn scan_page_image(&self, page_id: &str, code: Option<&str>) -> Result<Vec<u8>> {
        self.guard_read()?;
        let Some((round_id, page)) = db::page(&self.conn, page_id)? else {
            return Err(Error::NotFound { entity: "trang quét", id: page_id.into() });
        };
        let png = db::image(&self.conn, page_id)?.filter(|p| !p.is_empty()).ok_or_else(|| {
            Error::validation("page", "Ảnh quét của trang này không còn (đã tiêu huỷ hoặc xoá theo yêu cầu).")
        })?;
        let Some(code) = code else { return Ok(png) };
        let layout = self.survey_layout(&round_id)?.ok_or_else(|| Error::validation("round", "Đợt chưa in phiếu."))?;
        let img = image::load_from_memory(&png).map_err(|_| Error::Corrupt("ảnh quét đã lưu bị hỏng".into()))?.to_luma8();
        let grey = Grey { width: img.width() as usize, height: img.height() as usize, px: img.into_raw() };
        let form_page = page.form_page.unwrap_or(1);
        let mine: Vec<_> = layout.boxes.iter().filter(|b| b.code == code && b.page == form_page).collect();
        if mine.is_empty() {
            return Err(Error::validation("code", format!("Trang này không có ô của câu «{code}».")));
        }
        let found = crate::scan::locate::locate(&grey, &layout).map_err(|_| Error::validation("page", "Không tìm thấy dấu góc trên ảnh đã lưu."))?;
        let top = mine.iter().map(|b| b.y).fold(f32::MAX, f32::min) - 4.0;
        let bottom = mine.iter().map(|b| b.y + b.size).fold(f32::MIN, f32::max) + 4.0;
        let corners = [(20.0, top), (195.0, top), (20.0, bottom), (195.0, bottom)].map(|(x, y)| found.mapping.map(x, y));
        let x0 = corners.iter().map(|c| c.0).fold(f32::MAX, f32::min).max(0.0) as usize;
        let y0 = corners.iter().map(|c| c.1).fold(f32::MAX, f32::min).max(0.0) as usize;
        let x1 = corners.iter().map(|c| c.0).fold(f32::MIN, f32::max).max(0.0) as usize;
        let y1 = corners.iter().map(|c| c.1).fold(f32::MIN, f32::max).max(0.0) as usize;
        // Each box outlined by what it was read as when the page was read; a page read before
        // that was kept is read again from its kept image.
        let seen: Vec<BoxSeen> = match db::boxes(&self.conn, page_id)?.and_then(|j| serde_json::from_str::<Vec<BoxSeen>>(&j).ok()).filter(|b| !b.is_empty()) {
            Some(seen) => seen,
            None => {
                let slots: Vec<EntrySlot> = self.survey_entry_sheet(&round_id)?.slots.into_iter().filter(|s| !s.is_text()).collect();
                read_page(&grey, &layout, &slots).boxes.iter().map(BoxSeen::from).collect()
            }
        };
        let outlined: Vec<crate::scan::crop::Outlined> = mine
            .iter()
            .filter_map(|b| {
                let s = seen.iter().find(|s| s.code == b.code && s.value == b.value)?;
                Some(crate::scan::crop::Outlined { at: s.at, size: b.size, mark: s.mark })
            })
            .collect();
        Ok(crate::scan::crop::outlined_crop(&grey, &found.mapping, (x0, y0, x1, y1), &outlined))
    }
}

/// The files of a copier's scan that the reader takes, by their ending.
const SCAN_ENDINGS: [&str; 6] = ["pdf", "jpg", "jpeg", "png", "tif", "tiff"];


impl Ledger {
    /// The scan-to-folder inbox's setting.
    pub fn scan_inbox(&self) -> Result<ScanInbox> {
        self.guard_read()?;
        db::inbox(&self.conn)
    }

    /// Whether the scan-to-folder inbox has files to read (a folder set, and a scan in it the
    /// copier finished writing `quiet` ago): what the watchers ask at every look, as the system,
    /// on the open database, before they open a connection of their own (keyed again when the
    /// file is encrypted) to read them. An error when the folder cannot be listed, or when
    /// scans wait but no round can take them (none set and none open today): found here, so
    /// that a failure lasting until someone mends it costs no connection at every look.
    pub fn scan_inbox_waiting(&self, quiet: std::time::Duration) -> Result<bool> {
        let inbox = db::inbox(&self.conn)?;
        let Some(folder) = inbox.folder else { return Ok(false) };
        if settled_scans(std::path::Path::new(&folder), quiet)?.is_empty() {
            return Ok(false);
        }
        self.inbox_round(inbox.round_id.as_deref())?;
        Ok(true)
    }

    /// Sets (or, with no folder, stops) the scan-to-folder inbox: the folder must exist; the
    /// round, when one is named, must be one whose forms the app printed.
    pub fn set_scan_inbox(&mut self, inbox: &ScanInbox) -> Result<ScanInbox> {
        self.guard(crate::Action::EditSettings)?;
        let folder = inbox.folder.as_deref().map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned);
        if let Some(f) = &folder {
            if !std::path::Path::new(f).is_dir() {
                return Err(Error::validation("folder", format!("Không thấy thư mục «{f}» trên máy này.")));
            }
        }
        let round_id = match inbox.round_id.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => {
                let round = self.survey_round(r)?;
                if round.typed_elsewhere || self.survey_layout(&round.id)?.is_none() {
                    return Err(Error::validation("round_id", format!("Đợt {} chưa in phiếu nào từ Ý Kiến nên không đọc được phiếu quét của đợt.", round.code)));
                }
                Some(round.id)
            }
            None => None,
        };
        let inbox = ScanInbox { folder, round_id };
        self.write(|tx| db::save_inbox(tx, &inbox))?;
        Ok(inbox)
    }

    /// The round the inbox reads into: the one set, or the round open today whose forms the
    /// app printed (the one that began last when several are: the rounds come newest first).
    fn inbox_round(&self, set: Option<&str>) -> Result<SurveyRound> {
        if let Some(id) = set {
            return self.survey_round(id);
        }
        let today = self.today().to_string();
        self.survey_rounds()?
            .into_iter()
            .find(|r| !r.typed_elsewhere && r.printed > 0 && r.period_from <= today && today <= r.period_to)
            .ok_or_else(|| Error::validation("round_id", "Không có đợt khảo sát nào đang mở có phiếu in từ Ý Kiến: hãy chọn đợt cho thư mục phiếu quét."))
    }

    /// One look at the scan-to-folder inbox, as the machine that owns the database does
    /// every little while: every scanned file there that the copier has finished writing
    /// (untouched for `quiet`) is read into the inbox's round as one stack (a copier that
    /// writes a file a page still makes whole forms), the forms read without doubt saved, the
    /// rest left in the review queue; each file then moved to «Đã đọc», or to «Bỏ qua» when it
    /// was skipped. A file read before is known by its content's hash and never read twice.
    /// `None` when no inbox is set or nothing new is there. Written in the name of `actor`
    /// (the system, no account signed in: this is the machine's own task).
    pub fn read_scan_inbox(&mut self, quiet: std::time::Duration, actor: &str) -> Result<Option<InboxPass>> {
        let inbox = db::inbox(&self.conn)?;
        let Some(folder) = inbox.folder.as_deref().map(std::path::PathBuf::from) else { return Ok(None) };
        let ready = settled_scans(&folder, quiet)?;
        if ready.is_empty() {
            return Ok(None);
        }
        let round = self.inbox_round(inbox.round_id.as_deref())?;
        let mut stack = Vec::new();
        let mut names = Vec::new();
        for f in &ready {
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            stack.push((name.clone(), std::fs::read(f)?));
            names.push(name);
        }
        let report = self.read_stack(&round.id, &stack, true, &|_, _| true, Some(actor))?;
        for (path, name) in ready.iter().zip(&names) {
            let to = folder.join(if report.skipped.iter().any(|s| &s.file == name) { INBOX_SKIPPED } else { INBOX_READ });
            std::fs::create_dir_all(&to)?;
            std::fs::rename(path, free_name(&to, name))?;
        }
        Ok(Some(InboxPass { round_code: round.code, files: names, report }))
    }
}

/// The scans directly in `folder` that the copier finished writing: by their ending, not
/// hidden, untouched for `quiet`; in the order of their names.
fn settled_scans(folder: &std::path::Path, quiet: std::time::Duration) -> Result<Vec<PathBuf>> {
    let now = std::time::SystemTime::now();
    let mut ready: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        let meta = entry.metadata()?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ending = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        let settled = meta.modified().ok().and_then(|m| now.duration_since(m).ok()).is_none_or(|age| age >= quiet);
        if meta.is_file() && !name.starts_with('.') && SCAN_ENDINGS.contains(&ending.as_str()) && settled {
            ready.push(path);
        }
    }
    ready.sort();
    Ok(ready)
}

/// `name` in `dir`, or "name (2).pdf", "name (3).pdf"… when a file there has it already.
fn free_name(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let p = std::path::Path::new(name);
    let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = p.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    (2..).map(|n| dir.join(format!("{stem} ({n}){ext}"))).find(|c| !c.exists()).expect("a free name")
}

/// A form ready to save from its scan.
struct ReadForm {
    serial: i32,
    answers: Vec<Answer>,
    read: Vec<ReadAnswer>,
    /// (file, page) of its pages.
    pages: Vec<(usize, usize)>,
}

fn as_answer(r: &ReadAnswer) -> Answer {
    match r.state {
        AnswerState::Chosen => Answer::chosen(&r.code, r.value.unwrap_or(0)),
        AnswerState::Spoiled => Answer::spoiled(&r.code),
        _ => Answer::blank(&r.code),
    }
}

/// Why a page read and identified waits for a person, when it does: a black-and-white page
/// whose form's ticks could not vouch for its blanks (`Ink::dark`) says so, for the scan shows
/// an empty box where the copier dropped a light tick, and only the paper tells.
fn waits_because(answers: &[ReadAnswer], ink: Option<Ink>) -> Option<String> {
    if !answers.iter().any(|a| a.review) {
        return None;
    }
    let unseen = ink.is_some_and(|i| !i.dark()) && answers.iter().any(|a| a.review && a.state == AnswerState::Blank);
    Some(
        if unseen {
            "Trang quét đen trắng mà nét đánh dấu mờ hoặc đứt: ô trống có thể là dấu bị mất khi quét, hãy đối chiếu với phiếu giấy."
        } else {
            "Có câu trả lời cần xem lại."
        }
        .to_owned(),
    )
}

/// One page read and identified: its code must name this round and its template.
fn read_one(g: &Grey, number: u32, round: &SurveyRound, layout: &SurveyLayout, slots: &[EntrySlot]) -> Page {
    let got = read_page(g, layout, slots);
    let image = kept_image(g, got.upside_down);
    let unreadable = |problem: String| Page { number, serial: None, form_page: None, status: PageStatus::Unreadable, answers: Vec::new(), problem: Some(problem), image: image.clone(), boxes: Vec::new(), ink: None };
    let Some(qr) = got.qr else {
        return unreadable(got.problem.unwrap_or_default());
    };
    if qr.round_code != round.code || qr.template_key != round.template_key || qr.template_version != round.template_version {
        return unreadable(format!(
            "Trang {number} là phiếu số {} của đợt {} (mẫu {} lần {}), không phải của đợt {}.",
            serial_text(qr.serial),
            qr.round_code,
            qr.template_key,
            qr.template_version,
            round.code
        ));
    }
    let status = Page::status_of(&got.answers);
    let problem = waits_because(&got.answers, got.ink);
    Page { number, serial: Some(qr.serial), form_page: Some(qr.page), status, answers: got.answers, problem, image, boxes: got.boxes, ink: got.ink }
}
