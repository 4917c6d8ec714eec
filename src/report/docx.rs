//! The Word copy of a report (.docx), for staff who edit the wording before it is signed:
//! the same header, sections, tables and signatures as the PDF, in Times New Roman 13 pt on
//! A4 with the margins of Decree 30. Charts become small tables of their values, which Word
//! users can chart themselves.

use crate::error::{Error, Result};
use crate::pdf::blocks::{date_line, upper, FormControl, QUOC_HIEU, TIEU_NGU};
use crate::pdf::forms::{Block, ReportPrint};
use crate::pdf::text::Align;
use crate::OfficeProfile;
use docx_rs::{
    AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableCell, TableRow, WidthType,
};

/// Twips (1/1440 inch) in a millimetre.
fn mm(v: f32) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

/// Half-points, as Word sizes type.
fn pt(size: f32) -> usize {
    (size * 2.0) as usize
}

fn run(text: &str, size: f32) -> Run {
    Run::new().add_text(text).size(pt(size))
}

fn centred(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(Paragraph::new(), |p, r| p.add_run(r)).align(AlignmentType::Center)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs.into_iter().fold(TableCell::new(), |c, p| c.add_paragraph(p)).width(width, WidthType::Dxa)
}

/// The text width of an A4 page within Decree 30's margins (30 mm left, 15 mm right).
const TEXT_WIDTH: usize = 9638;

/// The report as a Word file, with its document control (R5.2) at the top right as the PDF
/// has it: code, issue date, issue and revision (only the code when `control` is `None`).
pub fn report_docx(office: &OfficeProfile, r: &ReportPrint, control: Option<&FormControl>) -> Result<Vec<u8>> {
    let half = TEXT_WIDTH / 2;
    let number = if r.number.is_empty() { "Số:        /BC-".to_owned() } else { format!("Số: {}", r.number) };
    let dated = match r.date {
        Some(d) => date_line(&office.place_name, d),
        None => format!("{}, ngày ...... tháng ...... năm ..........", office.place_name),
    };
    // The national header: agency on the left, Quốc hiệu and Tiêu ngữ on the right, no borders.
    let header = Table::new(vec![TableRow::new(vec![
        cell(
            vec![
                centred(vec![run(&upper(&office.parent_agency), 12.0)]),
                centred(vec![run(&upper(&office.name), 12.0).bold()]),
                centred(vec![run(&number, 13.0)]),
            ],
            half,
        )
        .clear_all_border(),
        cell(
            vec![
                centred(vec![run(QUOC_HIEU, 12.0).bold()]),
                centred(vec![run(TIEU_NGU, 13.0).bold()]),
                centred(vec![run(&dated, 13.0).italic()]),
            ],
            TEXT_WIDTH - half,
        )
        .clear_all_border(),
    ])]);

    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(mm(20.0)).bottom(mm(20.0)).left(mm(30.0)).right(mm(15.0)))
        .default_fonts(RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman"))
        .default_size(pt(13.0));
    let control = control.cloned().or_else(|| (!r.form_code.is_empty()).then(|| FormControl::code(&r.form_code)));
    for line in control.iter().flat_map(FormControl::lines) {
        doc = doc.add_paragraph(Paragraph::new().add_run(run(&line, 11.0)).align(AlignmentType::Right));
    }
    doc = doc
        .add_table(header)
        .add_paragraph(Paragraph::new())
        .add_paragraph(centred(vec![run(&upper(&r.kind), 14.0).bold()]))
        .add_paragraph(centred(vec![run(&r.title, 14.0).bold()]));

    for section in &r.sections {
        doc = doc.add_paragraph(Paragraph::new().add_run(run(&upper(&section.heading), 13.0).bold()));
        for block in &section.blocks {
            doc = match block {
                Block::Paragraph(text) => text.split('\n').map(str::trim).filter(|p| !p.is_empty()).fold(doc, |d, p| {
                    d.add_paragraph(
                        Paragraph::new()
                            .add_run(run(p, 13.0))
                            .align(AlignmentType::Both)
                            .indent(None, Some(SpecialIndentType::FirstLine(mm(10.0))), None, None),
                    )
                }),
                Block::Heading(text) => doc.add_paragraph(Paragraph::new().add_run(run(text, 13.0).bold().italic())),
                Block::Table { columns, rows } => {
                    let total: f32 = columns.iter().map(|c| c.share).sum();
                    let widths: Vec<usize> = columns.iter().map(|c| (TEXT_WIDTH as f32 * c.share / total) as usize).collect();
                    let head = TableRow::new(
                        columns.iter().zip(&widths).map(|(c, w)| cell(vec![centred(vec![run(&c.title, 12.0).bold()])], *w)).collect(),
                    );
                    let body = rows.iter().map(|row| {
                        TableRow::new(
                            columns
                                .iter()
                                .zip(&widths)
                                .enumerate()
                                .map(|(i, (c, w))| {
                                    let text = row.get(i).map(String::as_str).unwrap_or("");
                                    let align = match c.align {
                                        Align::Right => AlignmentType::Right,
                                        Align::Center => AlignmentType::Center,
                                        _ => AlignmentType::Left,
                                    };
                                    let paragraphs =
                                        text.split('\n').map(|l| Paragraph::new().add_run(run(l, 12.0)).align(align)).collect();
                                    cell(paragraphs, *w)
                                })
                                .collect(),
                        )
                    });
                    doc.add_table(Table::new(std::iter::once(head).chain(body).collect()).set_grid(widths)).add_paragraph(Paragraph::new())
                }
                Block::Chart(chart) => {
                    let title = chart.title.clone().unwrap_or_default();
                    let rows = chart
                        .bars
                        .iter()
                        .map(|b| {
                            TableRow::new(vec![
                                cell(vec![Paragraph::new().add_run(run(&b.label, 12.0))], TEXT_WIDTH * 2 / 3),
                                cell(
                                    vec![Paragraph::new().add_run(run(&chart.value_label(b.value), 12.0)).align(AlignmentType::Right)],
                                    TEXT_WIDTH / 3,
                                ),
                            ])
                        })
                        .collect();
                    doc.add_paragraph(centred(vec![run(&format!("Biểu đồ: {title}"), 12.0).bold()]))
                        .add_table(Table::new(rows))
                        .add_paragraph(Paragraph::new())
                }
                Block::Lines(n) => (0..*n).fold(doc, |d, _| d.add_paragraph(Paragraph::new().add_run(run(&".".repeat(110), 13.0)))),
            };
        }
    }

    if !r.signatures.is_empty() {
        let w = TEXT_WIDTH / r.signatures.len();
        let cells = r
            .signatures
            .iter()
            .map(|s| {
                let mut ps: Vec<Paragraph> = s.authority.iter().map(|a| centred(vec![run(&upper(a), 13.0).bold()])).collect();
                ps.push(centred(vec![run(&upper(&s.title), 13.0).bold()]));
                ps.extend((0..4).map(|_| Paragraph::new()));
                if let Some(name) = &s.name {
                    ps.push(centred(vec![run(name, 13.0).bold()]));
                }
                cell(ps, w).clear_all_border()
            })
            .collect();
        doc = doc.add_paragraph(Paragraph::new()).add_table(Table::new(vec![TableRow::new(cells)]));
    }
    if !r.recipients.is_empty() {
        doc = doc.add_paragraph(Paragraph::new()).add_paragraph(Paragraph::new().add_run(run("Nơi nhận:", 12.0).bold().italic()));
        let n = r.recipients.len();
        for (i, rec) in r.recipients.iter().enumerate() {
            let end = if i + 1 == n { "." } else { ";" };
            doc = doc.add_paragraph(Paragraph::new().add_run(run(&format!("- {}{end}", rec.trim_end_matches([';', '.'])), 11.0)));
        }
    }

    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(out.into_inner())
}
