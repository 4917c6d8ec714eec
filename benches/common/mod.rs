//! What the benchmarks share: the table line of timings, realistic survey answers, and an
//! old ledger in Excel to import.
#![allow(dead_code)] // each benchmark uses part of it

use std::time::Duration;
use ykien::domain::survey_entry::{applies, Answer, EntrySlot};

/// The moment every run is judged at: the data's last year is 2026.
pub fn bench_now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap().and_hms_opt(9, 0, 0).unwrap()
}

/// The database of `scale`, generated when missing; the time it took when it was made now.
pub fn generate(path: &std::path::Path, scale: ykien::demo::scale::Scale, seed: u64) -> Option<Duration> {
    let noted = path.with_extension("generated-in");
    if path.exists() {
        println!("using {} ({})", path.display(), std::fs::read_to_string(&noted).unwrap_or_default().trim());
        return None;
    }
    let tmp = path.with_extension("tmp");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
    }
    println!("generating {} …", path.display());
    let t = std::time::Instant::now();
    {
        let mut l = ykien::Ledger::open(&tmp).unwrap();
        l.set_clock(Some(bench_now()));
        let progress = |what: &str, done: usize, total: usize| {
            if done == total || done.is_multiple_of(50_000) {
                println!("  {what}: {done}/{total}");
            }
        };
        ykien::demo::scale::fill(&mut l, scale, seed, &progress).unwrap();
    }
    let took = t.elapsed();
    std::fs::rename(&tmp, path).unwrap();
    let rate = scale.cases() as f64 / took.as_secs_f64();
    std::fs::write(&noted, format!("generated in {:.0} s, {rate:.0} cases/s with their forms\n", took.as_secs_f64())).unwrap();
    println!("  done in {:.0} s", took.as_secs_f64());
    Some(took)
}

/// "p50 … ms   p95 … ms   max … ms" of the samples.
pub fn stats(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let q = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    format!("p50 {:>8.2} ms   p95 {:>8.2} ms   max {:>8.2} ms", ms(q(0.5)), ms(q(0.95)), ms(q(1.0)))
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A realistic form: mostly "Tốt", some "Đạt yêu cầu", a few blanks and spoiled rows, "Có"
/// on the harassment question now and then (which asks its follow-up). Reproducible from `i`.
pub fn answers(slots: &[EntrySlot], i: usize) -> Vec<Answer> {
    let mut out: Vec<Answer> = Vec::new();
    for (k, s) in slots.iter().enumerate() {
        if s.options.is_empty() || !applies(s, &out) {
            continue;
        }
        let h = (i.wrapping_mul(2_654_435_761) >> (k % 13)) % 100;
        let a = match (s.options.len(), h) {
            (1, h) if h < 55 => Answer::chosen(&s.code, 1),
            (1, _) => Answer::blank(&s.code),
            (2, h) if h < 4 => Answer::chosen(&s.code, 1),
            (2, _) => Answer::chosen(&s.code, 2),
            (_, h) if h < 60 => Answer::chosen(&s.code, 1),
            (_, h) if h < 92 => Answer::chosen(&s.code, 2),
            (_, h) if h < 97 => Answer::chosen(&s.code, 3),
            (_, h) if h < 99 => Answer::blank(&s.code),
            _ => Answer::spoiled(&s.code),
        };
        out.push(a);
    }
    out
}

/// The nearest-rank `p`-quantile (0..=1) of sorted samples.
pub fn quantile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// What a goal is judged on.
#[derive(Clone, Copy)]
pub enum Goal {
    /// The median under so many milliseconds.
    Median(f64),
    /// The 95th percentile under so many milliseconds.
    P95(f64),
    /// The median under so many milliseconds and at most `ratio` times the bare baseline.
    MedianAndRatio(f64, f64),
}

impl Goal {
    pub fn text(self) -> String {
        let t = |ms: f64| if ms >= 1000.0 { format!("{} s", ms / 1000.0) } else { format!("{ms} ms") };
        match self {
            Goal::Median(ms) => format!("median < {}", t(ms)),
            Goal::P95(ms) => format!("p95 < {}", t(ms)),
            Goal::MedianAndRatio(ms, r) => format!("median < {}, ≤ {r}× bare", t(ms)),
        }
    }
}

/// One line of the table: an operation's samples, and beside them, where there is one, the
/// samples of its floor (a bare rusqlite write of the same rows, a plain copy of the file…)
/// taken in the same run, interleaved with it so that the machine's noise falls on both.
pub struct Figure {
    pub name: String,
    pub samples: Vec<Duration>,
    pub floor: Option<(String, Vec<Duration>)>,
    pub goal: Option<Goal>,
    pub note: String,
}

/// Median, p5, p95, min, max in milliseconds.
pub struct Spread {
    pub n: usize,
    pub median: f64,
    pub p5: f64,
    pub p95: f64,
    pub p99: f64,
    pub min: f64,
    pub max: f64,
}

pub fn spread(samples: &[Duration]) -> Spread {
    let mut s = samples.to_vec();
    s.sort();
    Spread {
        n: s.len(),
        median: ms(quantile(&s, 0.5)),
        p5: ms(quantile(&s, 0.05)),
        p95: ms(quantile(&s, 0.95)),
        p99: ms(quantile(&s, 0.99)),
        min: ms(s[0]),
        max: ms(s[s.len() - 1]),
    }
}

/// "12.3 ms", "1.23 s", "0.412 ms": three significant figures.
pub fn show(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else if ms >= 1.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.3} ms")
    }
}

impl Figure {
    pub fn new(name: &str, samples: Vec<Duration>) -> Figure {
        Figure { name: name.into(), samples, floor: None, goal: None, note: String::new() }
    }
    pub fn floor(mut self, what: &str, samples: Vec<Duration>) -> Figure {
        self.floor = Some((what.into(), samples));
        self
    }
    pub fn goal(mut self, g: Goal) -> Figure {
        self.goal = Some(g);
        self
    }
    pub fn note(mut self, n: impl Into<String>) -> Figure {
        self.note = n.into();
        self
    }

    /// The median of the ratios of paired samples (operation i / floor i): robust to a noisy
    /// neighbour that slows both, which the ratio of medians is not.
    pub fn ratio(&self) -> Option<f64> {
        let (_, floor) = self.floor.as_ref()?;
        let mut r: Vec<f64> =
            self.samples.iter().zip(floor).map(|(a, b)| a.as_secs_f64() / b.as_secs_f64().max(1e-9)).collect();
        r.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
        Some(r[r.len() / 2])
    }

    /// Met, missed, or no goal.
    pub fn verdict(&self) -> Option<bool> {
        let s = spread(&self.samples);
        Some(match self.goal? {
            Goal::Median(limit) => s.median < limit,
            Goal::P95(limit) => s.p95 < limit,
            Goal::MedianAndRatio(limit, r) => s.median < limit && self.ratio().is_some_and(|x| x <= r),
        })
    }

    /// The spread shown: p5–p95 from 20 samples on, min–max below.
    pub fn spread_text(&self) -> String {
        let s = spread(&self.samples);
        if s.n >= 20 {
            format!("p5–p95 {}–{}", show(s.p5), show(s.p95))
        } else if s.n > 1 {
            format!("min–max {}–{}", show(s.min), show(s.max))
        } else {
            "one run".into()
        }
    }
}

/// The table printed at the end of a run, and its Markdown for BENCHMARKS.md.
pub fn markdown(figures: &[Figure]) -> String {
    let mut out = String::from(
        "| operation | n | median | spread | p99 | floor (same run) | floor median | ratio | goal | met |\n\
         | --- | ---: | ---: | --- | ---: | --- | ---: | ---: | --- | --- |\n",
    );
    for f in figures {
        let s = spread(&f.samples);
        let (floor, floor_median) = match &f.floor {
            Some((what, samples)) => (what.clone(), show(spread(samples).median)),
            None => (String::new(), String::new()),
        };
        let ratio = f.ratio().map(|r| format!("{r:.2}×")).unwrap_or_default();
        let p99 = if s.n >= 100 { show(s.p99) } else { String::new() };
        let goal = f.goal.map(Goal::text).unwrap_or_default();
        let met = match f.verdict() {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        let name = if f.note.is_empty() { f.name.clone() } else { format!("{} ({})", f.name, f.note) };
        out.push_str(&format!(
            "| {name} | {} | {} | {} | {p99} | {floor} | {floor_median} | {ratio} | {goal} | {met} |\n",
            s.n,
            show(s.median),
            f.spread_text()
        ));
    }
    out
}

/// An old ledger as offices kept them in Excel: a title, the header of BM.QT.SCT.05-01,
/// then `rows` lines, dates as Excel serials from 01/01/2015, the customer's name and the
/// content of line `i` from `line(i)`, and the receiver.
pub fn write_old_ledger(path: &std::path::Path, rows: u32, line: impl Fn(u32) -> (String, String)) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG").unwrap();
    for (c, h) in ["Ngày tháng", "Tên khách hàng", "Nội dung ý kiến phản ánh của khách hàng", "Người tiếp nhận"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = i + 3;
        let (name, content) = line(i);
        ws.write_number(r, 0, (42005 + i % 3000) as f64).unwrap();
        ws.write_string(r, 1, name).unwrap();
        ws.write_string(r, 2, content).unwrap();
        ws.write_string(r, 3, "Hoàng Thị Mai").unwrap();
    }
    book.save(path).unwrap();
}
