//! Measuring satisfaction (R4): the figures of any period over the store, the same period a
//! year before, and the quarters of a year side by side. Reads only; nothing here writes.

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
use crate::{FeedbackFilter, Kind, Ledger};
use figures::{one_decimal, Change, Figures, FiguresReport};
use period::Period;

impl Ledger {
    /// The figures of one period.
    pub fn figures(&self, p: &Period) -> Result<Figures> {
        Ok(self.figures_of(std::slice::from_ref(p))?.remove(0))
    }

    /// The figures of several periods, from one reading of the store.
    pub fn figures_of(&self, periods: &[Period]) -> Result<Vec<Figures>> {
        self.figures_with_surveys(periods, periods.len())
    }

    /// As [`Ledger::figures_of`], the survey figures counted for the first `with_surveys`
    /// periods only: reading every answer of a period is the costly part, and the quarters
    /// side by side show the book and the complaints.
    fn figures_with_surveys(&self, periods: &[Period], with_surveys: usize) -> Result<Vec<Figures>> {
        let (Some(from), Some(to)) = (periods.iter().map(Period::start).min(), periods.iter().map(Period::end).max()) else {
            return Ok(Vec::new());
        };
        let entries = collect::entries(&self.conn, from, to)?;
        let units = collect::units(&self.conn)?;
        let complaints = collect::complaint_rows(&self.conn, from, to)?;
        let today = self.today();
        periods
            .iter()
            .enumerate()
            .map(|(i, p)| {
                Ok(Figures {
                    period: p.clone(),
                    feedback: collect::feedback(&entries, &units, p),
                    complaints: collect::complaints(&complaints, p, today),
                    surveys: if i < with_surveys {
                        let mut s = surveys::figures(&self.conn, p)?;
                        s.opinion_groups = opinions::groups(&opinions::list(&self.conn, p)?);
                        s
                    } else {
                        surveys::SurveyFigures::default()
                    },
                })
            })
            .collect()
    }

    /// The survey forms behind a number of the period's survey figures.
    pub fn survey_forms_behind(&self, p: &Period, q: &behind::FormsQuery) -> Result<behind::FormsBehind> {
        self.guard_read()?;
        behind::forms(&self.conn, p, q)
    }

    /// The opinions written on survey forms filled in the period, with their groups.
    pub fn opinions(&self, p: &Period) -> Result<Vec<opinions::Opinion>> {
        self.guard_read()?;
        opinions::list(&self.conn, p)
    }

    /// Puts an opinion in a group (an empty name takes it out).
    pub fn classify_opinion(&mut self, response_id: &str, code: &str, group: &str) -> Result<()> {
        self.guard(crate::Action::ClassifyOpinions)?;
        self.write(|tx| opinions::classify(tx, response_id, code, group))
    }

    pub fn objectives(&self, year: i32) -> Result<Vec<review::Objective>> {
        review::objectives(&self.conn, year)
    }

    /// Sets the objective of a year on a figure, or removes it with `None`.
    pub fn set_objective(&mut self, year: i32, metric: review::Metric, target: Option<f64>) -> Result<()> {
        self.guard(crate::Action::SetObjectives)?;
        self.write(|tx| review::set_objective(tx, year, metric, target))
    }

    /// What staff wrote into the annual report of `year` (empty until saved).
    pub fn annual_texts(&self, year: i32) -> Result<annual::AnnualTexts> {
        review::annual_texts(&self.conn, year)
    }

    pub fn save_annual_texts(&mut self, year: i32, texts: &annual::AnnualTexts) -> Result<()> {
        self.guard(crate::Action::WriteAnnualReport)?;
        let clean = annual::AnnualTexts {
            number: crate::domain::text::clean_text(&texts.number),
            conclusions: crate::domain::text::clean_text(&texts.conclusions),
            proposals: crate::domain::text::clean_text(&texts.proposals),
            prepared_by: crate::domain::text::clean_text(&texts.prepared_by),
            qmr: crate::domain::text::clean_text(&texts.qmr),
            head_name: crate::domain::text::clean_text(&texts.head_name),
            head_title: crate::domain::text::clean_text(&texts.head_title),
            date: texts.date,
        };
        self.write(|tx| review::save_annual_texts(tx, year, &clean))
    }

    /// The annual report of `year` with the texts saved for it, archived as printed.
    pub fn generate_annual_report(&mut self, year: i32) -> Result<(Vec<u8>, review::ArchivedReport)> {
        self.guard(crate::Action::WriteAnnualReport)?;
        let pdf = self.annual_report(year, &self.annual_texts(year)?)?.pdf()?;
        let archived = self.archive_annual_report(year, &pdf)?;
        Ok((pdf, archived))
    }

    /// Keeps a printed annual report of `year` in the archive, byte for byte.
    pub fn archive_annual_report(&mut self, year: i32, pdf: &[u8]) -> Result<review::ArchivedReport> {
        self.guard(crate::Action::WriteAnnualReport)?;
        let p = Period::year(year)?;
        self.write(|tx| review::archive(tx, "annual", &p.from, &p.to, pdf))
    }

    /// The annual report of `year` with `texts`: its figures read once, for every format it
    /// is written in (PDF, Word, Excel).
    pub fn annual_report(&self, year: i32, texts: &annual::AnnualTexts) -> Result<AnnualReport> {
        let office = self.office_for_print()?;
        let figures = self.figures_report(&Period::year(year)?)?;
        let print = annual::annual_report(&figures, texts);
        Ok(AnnualReport { office, figures, print })
    }

    /// The yearly compilation of complaints, archived as printed.
    pub fn generate_complaints_report(&mut self, year: i32) -> Result<(Vec<u8>, review::ArchivedReport)> {
        self.guard(crate::Action::WriteAnnualReport)?;
        let pdf = self.complaints_report_pdf(year)?;
        let p = Period::year(year)?;
        let archived = self.write(|tx| review::archive(tx, "complaints", &p.from, &p.to, &pdf))?;
        Ok((pdf, archived))
    }

    /// Reports archived when they were generated, newest first.
    pub fn archived_reports(&self) -> Result<Vec<review::ArchivedReport>> {
        review::archived(&self.conn)
    }

    pub fn archived_report_pdf(&self, id: &str) -> Result<Vec<u8>> {
        review::archived_pdf(&self.conn, id)
    }

    /// The figures of the period (as `figures_report`) written to an .xlsx workbook.
    pub fn export_figures(&self, p: &Period, out: &std::path::Path) -> Result<()> {
        crate::export::figures(out, &self.figures_report(p)?)
    }

    /// The Word copy of the annual report of `year`, with the texts saved for it.
    pub fn annual_report_docx(&self, year: i32) -> Result<Vec<u8>> {
        self.annual_report(year, &self.annual_texts(year)?)?.docx()
    }

    /// The annual satisfaction report of `year` as a PDF/A file, with what staff wrote.
    pub fn annual_report_pdf(&self, year: i32, texts: &annual::AnnualTexts) -> Result<Vec<u8>> {
        self.annual_report(year, texts)?.pdf()
    }

    /// The yearly compilation of complaints and their actions (R2.7) as a PDF/A file.
    pub fn complaints_report_pdf(&self, year: i32) -> Result<Vec<u8>> {
        let office = self.office_for_print()?;
        let period = Period::year(year)?;
        let figures = self.figures(&period)?;
        let mut cases = Vec::new();
        for kind in Kind::ALL.iter().filter(|k| k.is_complaint()) {
            let mut offset = 0;
            loop {
                let filter = FeedbackFilter {
                    kind: Some(*kind),
                    from: Some(period.from.clone()),
                    to: Some(period.to.clone()),
                    limit: Some(500),
                    offset: Some(offset),
                    ..FeedbackFilter::default()
                };
                let page = self.feedback(&filter)?;
                if page.rows.is_empty() {
                    break;
                }
                offset += page.rows.len() as u32;
                for row in page.rows {
                    cases.push(self.case(&row.id)?);
                }
            }
        }
        cases.sort_by(|a, b| (&a.received_at, &a.receipt_no).cmp(&(&b.received_at, &b.receipt_no)));
        let receipts: std::collections::HashSet<&str> = cases.iter().map(|c| c.receipt_no.as_str()).collect();
        let actions: Vec<_> = self.actions()?.into_iter().filter(|a| a.cases.iter().any(|r| receipts.contains(r.as_str()))).collect();
        crate::pdf::forms::report(&office, &complaints::compilation(year, &figures.complaints, &cases, &actions))
    }

    /// The period against the same period of the year before (the same days of it while
    /// the period is still running); a whole year also with its four quarters.
    pub fn figures_report(&self, p: &Period) -> Result<FiguresReport> {
        let year = p.from.get(..4).unwrap_or_default();
        let whole_year = p.from == format!("{year}-01-01") && p.to == format!("{year}-12-31");
        let mut periods = vec![p.clone(), p.same_span_a_year_before(self.today())];
        if whole_year {
            periods.extend(Period::quarters_of(chrono::Datelike::year(&p.start()))?);
        }
        let mut all = self.figures_with_surveys(&periods, 2)?.into_iter();
        let figures = all.next().expect("the period itself");
        let year_before = all.next().expect("the year before");
        let quarters: Vec<Figures> = all.collect();
        let objectives = review::judge(&review::objectives(&self.conn, chrono::Datelike::year(&p.start()))?, &figures);
        Ok(FiguresReport { changes: changes(&figures, &year_before), figures, year_before, quarters, objectives })
    }
}

/// "05/01/2026" from "2026-01-05" (or a stamp "2026-01-05T09:30"), as reports write dates.
pub(crate) fn day(stamp: &str) -> String {
    match (stamp.get(0..4), stamp.get(5..7), stamp.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => stamp.to_owned(),
    }
}

/// An annual report laid out once, to be written as PDF/A, Word or Excel.
pub struct AnnualReport {
    office: crate::OfficeProfile,
    figures: FiguresReport,
    print: crate::pdf::forms::ReportPrint,
}

impl AnnualReport {
    pub fn pdf(&self) -> Result<Vec<u8>> {
        crate::pdf::forms::report(&self.office, &self.print)
    }

    pub fn docx(&self) -> Result<Vec<u8>> {
        docx::report_docx(&self.office, &self.print)
    }

    /// Its figures as an Excel workbook.
    pub fn write_xlsx(&self, out: &std::path::Path) -> Result<()> {
        crate::export::figures(out, &self.figures)
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
