//! Measuring satisfaction (R4): the figures of any period, counted from what the store reads,
//! the same period a year before, and the quarters of a year side by side; the reports laid
//! out from them. Reads only: nothing here writes, and the SQL is the store's.

pub mod annual;
pub mod behind;
pub mod collect;
pub mod complaints;
pub mod docx;
pub mod figures;
pub mod opinions;
pub mod period;
pub mod review;
pub mod surveys;

use crate::error::Result;
use crate::store;
use chrono::{Datelike, NaiveDate};
use figures::{one_decimal, Change, ComplaintFigures, Figures, FiguresReport, QuarterSurveys, Satisfaction};
use period::Period;
use rusqlite::Connection;

/// Where the figures' counts are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The counts kept per day as the records change (store::counts): a few thousand rows
    /// for a year. What every report reads.
    Kept,
    /// The records themselves, every case and answer of the periods: what the kept counts are
    /// held equal to (the tests, a check by hand).
    Recounted,
}

/// The book's figures of a period, counted from what was read once for all the periods.
type FeedbackOf = dyn Fn(&[(String, String)], &Period) -> figures::FeedbackFigures;

/// The figures of several periods from one reading of the store, judged on `today`; the
/// survey figures counted for the first `with_surveys` periods only (the quarters side by side
/// show the book and the complaints).
pub fn figures_of(conn: &Connection, periods: &[Period], with_surveys: usize, today: NaiveDate) -> Result<Vec<Figures>> {
    figures_read(conn, periods, with_surveys, today, Reading::Kept)
}

fn figures_read(conn: &Connection, periods: &[Period], with_surveys: usize, today: NaiveDate, reading: Reading) -> Result<Vec<Figures>> {
    let (Some(from), Some(to)) = (periods.iter().map(Period::start).min(), periods.iter().map(Period::end).max()) else {
        return Ok(Vec::new());
    };
    let feedback: Box<FeedbackOf> = match reading {
        Reading::Kept => {
            let counts = store::report::day_counts(conn, from, to)?;
            Box::new(move |units, p| collect::feedback_counted(&counts, units, p))
        }
        Reading::Recounted => {
            let entries = store::report::entries(conn, from, to)?;
            Box::new(move |units, p| collect::feedback(&entries, units, p))
        }
    };
    let units = store::report::units(conn)?;
    let complaints = store::report::complaint_rows(conn, from, to)?;
    let formal = store::report::formal_rows(conn, from, to)?;
    periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            Ok(Figures {
                period: p.clone(),
                feedback: feedback(&units, p),
                complaints: ComplaintFigures { formal: collect::formal(&formal, p, today), ..collect::complaints(&complaints, p, today) },
                surveys: if i < with_surveys {
                    let mut s = surveys::figures_read(conn, p, reading)?;
                    s.opinion_groups = opinions::group_counts(conn, p)?;
                    s
                } else {
                    surveys::SurveyFigures::default()
                },
            })
        })
        .collect()
}

/// The period against the same period of the year before (the same days of it while the
/// period is still running); a whole year also with its four quarters; and the objectives of
/// its year judged on its figures.
pub fn figures_report(conn: &Connection, p: &Period, today: NaiveDate) -> Result<FiguresReport> {
    figures_report_read(conn, p, today, Reading::Kept)
}

/// [`figures_report`] read as `reading` says: [`Reading::Recounted`] gives the same report
/// counted from the records themselves.
pub fn figures_report_read(conn: &Connection, p: &Period, today: NaiveDate, reading: Reading) -> Result<FiguresReport> {
    let year = p.from.get(..4).unwrap_or_default();
    let whole_year = p.from == format!("{year}-01-01") && p.to == format!("{year}-12-31");
    let mut periods = vec![p.clone(), p.same_span_a_year_before(today)];
    if whole_year {
        periods.extend(Period::quarters_of(p.start().year())?);
    }
    let mut all = figures_read(conn, &periods, 2, today, reading)?.into_iter();
    let figures = all.next().expect("the period itself");
    let year_before = all.next().expect("the year before");
    let quarters: Vec<Figures> = all.collect();
    let quarter_surveys = quarters
        .iter()
        .map(|q| quarter_surveys_read(conn, &q.period, today, reading))
        .collect::<Result<_>>()?;
    let objectives = review::judge(&store::review::objectives(conn, p.start().year())?, &figures);
    Ok(FiguresReport { changes: changes(&figures, &year_before), figures, year_before, quarters, objectives, quarter_surveys })
}

/// A quarter's satisfaction and that of the same quarter a year before, from the survey
/// forms filled in each, counted as the year's are ([`surveys::figures`]).
pub fn quarter_surveys(conn: &Connection, q: &Period, today: NaiveDate) -> Result<QuarterSurveys> {
    quarter_surveys_read(conn, q, today, Reading::Kept)
}

fn quarter_surveys_read(conn: &Connection, q: &Period, today: NaiveDate, reading: Reading) -> Result<QuarterSurveys> {
    let before = q.same_span_a_year_before(today);
    let now = Satisfaction::of(q, &surveys::figures_read(conn, q, reading)?);
    let then = Satisfaction::of(&before, &surveys::figures_read(conn, &before, reading)?);
    Ok(QuarterSurveys::new(now, then))
}

/// An annual report laid out once, to be written as PDF/A, Word or Excel.
pub struct AnnualReport {
    office: crate::OfficeProfile,
    figures: FiguresReport,
    print: crate::pdf::forms::ReportPrint,
    /// The report's document control (R5.2); its code alone when `None`.
    control: Option<crate::pdf::blocks::FormControl>,
}

impl AnnualReport {
    /// The annual report of `figures` with what staff wrote, laid out.
    pub fn new(office: crate::OfficeProfile, figures: FiguresReport, texts: &annual::AnnualTexts) -> AnnualReport {
        let print = annual::annual_report(&figures, texts);
        AnnualReport { office, figures, print, control: None }
    }

    /// The report under the office's document control of the form: the whole box on the PDF
    /// and at the top of the Word copy.
    pub fn controlled(mut self, control: crate::pdf::blocks::FormControl) -> AnnualReport {
        self.print.form_code = control.code.clone();
        self.control = Some(control);
        self
    }

    pub fn pdf(&self) -> Result<Vec<u8>> {
        match &self.control {
            Some(c) => crate::pdf::forms::report_controlled(&self.office, &self.print, Some(c)),
            None => crate::pdf::forms::report(&self.office, &self.print),
        }
    }

    pub fn docx(&self) -> Result<Vec<u8>> {
        docx::report_docx(&self.office, &self.print, self.control.as_ref())
    }

    /// Its figures, for the Excel workbook (`export::figures`).
    pub fn figures(&self) -> &FiguresReport {
        &self.figures
    }
}

/// The figures compared year on year, in the order a report lists them.
pub fn changes(now: &Figures, before: &Figures) -> Vec<Change> {
    let (a, b) = (&now.complaints, &before.complaints);
    let count = |x: u32| Some(f64::from(x));
    // (key, label, unit, this period, the year before)
    type Row<'a> = (&'a str, &'a str, &'a str, Option<f64>, Option<f64>);
    let rows: [Row; 10] = [
        ("feedback_total", "Tổng số ý kiến tiếp nhận", "count", count(now.feedback.total), count(before.feedback.total)),
        ("complaints_received", "Khiếu nại, phàn nàn, kháng nghị tiếp nhận", "count", count(a.received), count(b.received)),
        ("replied_on_time", "Tỷ lệ trả lời đúng hạn", "percent", a.replied_on_time.percent, b.replied_on_time.percent),
        ("settled_front_desk", "Tỷ lệ giải quyết ngay tại bộ phận tiếp nhận", "percent", a.settled_front_desk.percent, b.settled_front_desk.percent),
        ("median_days_to_close", "Số ngày giải quyết (trung vị)", "days", a.median_days_to_close, b.median_days_to_close),
        ("p90_days_to_close", "Số ngày giải quyết (90% hồ sơ không quá)", "days", a.p90_days_to_close.map(f64::from), b.p90_days_to_close.map(f64::from)),
        ("open_at_end", "Còn đang giải quyết cuối kỳ", "count", count(a.open_at_end), count(b.open_at_end)),
        ("overdue_at_end", "Quá hạn cuối kỳ", "count", count(a.overdue_at_end), count(b.overdue_at_end)),
        ("survey_forms", "Phiếu khảo sát thu về", "count", count(now.surveys.forms), count(before.surveys.forms)),
        ("satisfaction_index", "Chỉ số hài lòng (phiếu khảo sát)", "percent", now.surveys.index.percent, before.surveys.index.percent),
    ];
    rows.into_iter()
        .map(|(key, label, unit, current, previous)| Change {
            key: key.into(),
            label: label.into(),
            unit: unit.into(),
            current,
            previous,
            change: current.zip(previous).map(|(c, p)| one_decimal(c - p)),
        })
        .collect()
}
