//! Reports on the [`Ledger`]: the figures of any period, the opinions and the forms behind
//! the survey figures, the year's objectives, the annual report and the compilation of
//! complaints, and the archive of reports generated to be signed (R4).

use crate::domain::report::{self as rules, AnnualTexts, ArchivedReport, FormsBehind, FormsQuery, Metric, Objective, Opinion};
use crate::error::{Error, Result};
use crate::report::figures::{Figures, FiguresReport};
use crate::report::period::Period;
use crate::report::{self, behind, complaints, opinions, AnnualReport};
use crate::{store, Action, FeedbackFilter, Ledger, OfficeProfile};

impl Ledger {
    /// The figures of one period.
    pub fn figures(&self, p: &Period) -> Result<Figures> {
        Ok(self.figures_of(std::slice::from_ref(p))?.remove(0))
    }

    /// The figures of several periods, from one reading of the store.
    pub fn figures_of(&self, periods: &[Period]) -> Result<Vec<Figures>> {
        report::figures_of(&self.conn, periods, periods.len(), self.today())
    }

    /// The survey forms behind a number of the period's survey figures.
    pub fn survey_forms_behind(&self, p: &Period, q: &FormsQuery) -> Result<FormsBehind> {
        self.guard_read()?;
        behind::forms(&self.conn, p, q)
    }

    /// The opinions written on survey forms filled in the period, with their groups.
    pub fn opinions(&self, p: &Period) -> Result<Vec<Opinion>> {
        self.guard_read()?;
        opinions::list(&self.conn, p)
    }

    /// Puts an opinion in a group (an empty name takes it out). A name already used for
    /// another opinion is reused as written there, so "thời gian chờ" joins "Thời gian chờ".
    pub fn classify_opinion(&mut self, response_id: &str, code: &str, group: &str) -> Result<()> {
        self.guard(Action::ClassifyOpinions)?;
        self.write(|tx| {
            if !store::opinion::text_answered(tx, response_id, code)? {
                return Err(Error::NotFound { entity: "ý kiến", id: format!("{response_id}/{code}") });
            }
            let group = rules::group_name(group)?;
            let name = if group.is_empty() { None } else { Some(rules::known_group(group, store::opinion::group_names(tx)?)) };
            store::opinion::set_group(tx, response_id, code, name.as_deref())
        })
    }

    pub fn objectives(&self, year: i32) -> Result<Vec<Objective>> {
        store::review::objectives(&self.conn, year)
    }

    /// Sets the objective of a year on a figure, or removes it with `None`.
    pub fn set_objective(&mut self, year: i32, metric: Metric, target: Option<f64>) -> Result<()> {
        self.guard(Action::SetObjectives)?;
        rules::check_target(target)?;
        self.write(|tx| store::review::set_objective(tx, year, metric, target))
    }

    /// What staff wrote into the annual report of `year` (empty until saved).
    pub fn annual_texts(&self, year: i32) -> Result<AnnualTexts> {
        store::review::annual_texts(&self.conn, year)
    }

    pub fn save_annual_texts(&mut self, year: i32, texts: &AnnualTexts) -> Result<()> {
        self.guard(Action::WriteAnnualReport)?;
        let clean = texts.cleaned();
        self.write(|tx| store::review::save_annual_texts(tx, year, &clean))
    }

    /// The annual report of `year` with the texts saved for it, archived as printed.
    pub fn generate_annual_report(&mut self, year: i32) -> Result<(Vec<u8>, ArchivedReport)> {
        self.guard(Action::WriteAnnualReport)?;
        let pdf = self.annual_report(year, &self.annual_texts(year)?)?.pdf()?;
        let archived = self.archive_annual_report(year, &pdf)?;
        Ok((pdf, archived))
    }

    /// Keeps a printed annual report of `year` in the archive, byte for byte.
    pub fn archive_annual_report(&mut self, year: i32, pdf: &[u8]) -> Result<ArchivedReport> {
        self.guard(Action::WriteAnnualReport)?;
        let p = Period::year(year)?;
        self.write(|tx| store::review::archive(tx, "annual", &p.from, &p.to, pdf))
    }

    /// The annual report of `year` with `texts`: its figures read once, for every format it
    /// is written in (PDF, Word, Excel).
    pub fn annual_report(&self, year: i32, texts: &AnnualTexts) -> Result<AnnualReport> {
        let office = self.office_for_print()?;
        let figures = self.figures_report(&Period::year(year)?)?;
        let control = self.form_control(crate::domain::document_control::ControlledForm::AnnualReport)?;
        Ok(AnnualReport::new(office, figures, texts).controlled(control))
    }

    /// The yearly compilation of complaints, archived as printed.
    pub fn generate_complaints_report(&mut self, year: i32) -> Result<(Vec<u8>, ArchivedReport)> {
        self.guard(Action::WriteAnnualReport)?;
        let pdf = self.complaints_report_pdf(year)?;
        let p = Period::year(year)?;
        let archived = self.write(|tx| store::review::archive(tx, "complaints", &p.from, &p.to, &pdf))?;
        Ok((pdf, archived))
    }

    /// Reports archived when they were generated, newest first.
    pub fn archived_reports(&self) -> Result<Vec<ArchivedReport>> {
        store::review::archived(&self.conn)
    }

    pub fn archived_report_pdf(&self, id: &str) -> Result<Vec<u8>> {
        store::review::archived_pdf(&self.conn, id)
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
    pub fn annual_report_pdf(&self, year: i32, texts: &AnnualTexts) -> Result<Vec<u8>> {
        self.annual_report(year, texts)?.pdf()
    }

    /// The yearly compilation of complaints and their actions (R2.7) as a PDF/A file.
    pub fn complaints_report_pdf(&self, year: i32) -> Result<Vec<u8>> {
        let (office, print) = self.complaints_report(year)?;
        let control = self.form_control(crate::domain::document_control::ControlledForm::ComplaintsReport)?;
        crate::pdf::forms::report_controlled(&office, &print, Some(&control))
    }

    /// The same compilation as a Word file, for staff who edit its wording before it is signed.
    pub fn complaints_report_docx(&self, year: i32) -> Result<Vec<u8>> {
        let (office, print) = self.complaints_report(year)?;
        let control = self.form_control(crate::domain::document_control::ControlledForm::ComplaintsReport)?;
        crate::report::docx::report_docx(&office, &print, Some(&control))
    }

    /// The compilation of `year`: the office that prints it and what it says.
    fn complaints_report(&self, year: i32) -> Result<(OfficeProfile, crate::pdf::forms::ReportPrint)> {
        let office = self.office_for_print()?;
        let period = Period::year(year)?;
        let figures = self.figures(&period)?;
        let mut cases = Vec::new();
        let mut offset = 0;
        loop {
            let filter = FeedbackFilter {
                complaints: Some(true),
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
            // An entry withdrawn as made by mistake is in no figure, nor in the compilation.
            for row in page.rows.into_iter().filter(|r| r.withdrawn_at.is_none()) {
                cases.push(self.case(&row.id)?);
            }
        }
        // Receipt numbers are unique: the order is the same however the pages were read.
        cases.sort_by(|a, b| (&a.received_at, &a.receipt_no).cmp(&(&b.received_at, &b.receipt_no)));
        let receipts: std::collections::HashSet<&str> = cases.iter().map(|c| c.receipt_no.as_str()).collect();
        let actions: Vec<_> = self.actions()?.into_iter().filter(|a| a.cases.iter().any(|r| receipts.contains(r.as_str()))).collect();
        let print = complaints::compilation(year, &figures.complaints, &cases, &actions);
        Ok((office, print))
    }

    /// The period against the same period of the year before (the same days of it while
    /// the period is still running); a whole year also with its four quarters.
    pub fn figures_report(&self, p: &Period) -> Result<FiguresReport> {
        report::figures_report(&self.conn, p, self.today())
    }

    /// [`Ledger::figures_report`] counted from the records themselves instead of the counts
    /// kept per day: what those counts are held equal to.
    pub fn figures_report_recounted(&self, p: &Period) -> Result<FiguresReport> {
        report::figures_report_read(&self.conn, p, self.today(), report::Reading::Recounted)
    }
}
