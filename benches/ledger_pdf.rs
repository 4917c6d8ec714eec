//! Benchmark of the printing engine: the feedback book BM.QT.SCT.05-01 filled with 500 rows
//! (layout, font subsetting, PDF/A post-process, serialisation), the largest book a unit
//! prints at once.
//!
//! `cargo bench --bench ledger_pdf` (YKIEN_BENCH_ROWS=N for another size, YKIEN_BENCH_OUT=FILE
//! to keep the PDF for a look). Prints the median and 95th percentile of repeated runs; the
//! figure of record is in BENCHMARKS.md.

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use ykien::pdf::forms::{ledger_filled, LedgerRow};

const CUSTOMERS: &[&str] = &[
    "Nguyễn Văn Bình",
    "Công ty TNHH Cà phê Buôn Đôn",
    "Trần Thị Mỹ Duyên",
    "H'Hen Niê",
    "Hợp tác xã Nông nghiệp Ea Kar",
    "Lê Quốc Khánh",
];
const CONTENT: &[&str] = &[
    "Đề nghị rút ngắn thời gian cấp Giấy chứng nhận đủ điều kiện kinh doanh xăng dầu.",
    "Phản ánh cán bộ một cửa hướng dẫn hồ sơ chưa rõ, phải bổ sung giấy tờ hai lần; đề nghị niêm yết \
     danh mục hồ sơ đầy đủ tại quầy và trên cổng thông tin điện tử của Sở.",
    "Khen ngợi thái độ tận tình của chuyên viên Phòng Quản lý thương mại.",
    "Khiếu nại việc trả kết quả chậm 5 ngày so với giấy hẹn.",
];
const STAFF: &[&str] = &["Nguyễn Thị Thanh Hương", "Lê Hoàng Phúc", "Hoàng Thị Mai"];

fn rows(n: usize) -> Vec<LedgerRow> {
    (0..n)
        .map(|i| {
            let date = NaiveDate::from_ymd_opt(2026, 1 + (i * 12 / n.max(1)) as u32, 1 + (i % 28) as u32).expect("date");
            LedgerRow {
                date,
                customer: CUSTOMERS[i % CUSTOMERS.len()].into(),
                content: CONTENT[i % CONTENT.len()].into(),
                receiver: STAFF[i % STAFF.len()].into(),
                confirmation: format!("Trịnh Văn Lộc\n{}", date.format("%d/%m/%Y")),
            }
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let n: usize = std::env::var("YKIEN_BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    let office = ykien::demo::demo_office();
    let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"), NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"));
    let rows = rows(n);
    // The first run also parses the bundled fonts once per process.
    let first = Instant::now();
    let bytes = ledger_filled(&office, from, to, &rows).expect("prints");
    let first = first.elapsed();
    if let Some(path) = std::env::var_os("YKIEN_BENCH_OUT") {
        std::fs::write(path, &bytes).expect("writes the PDF");
    }
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let out = ledger_filled(&office, from, to, &rows).expect("prints");
        times.push(t.elapsed());
        assert!(out.len() > 1000);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("ledger_filled, {n} rows, {} KB, 20 runs after a first of {:.1} ms", bytes.len() / 1024, ms(first));
    println!("  median {:.1} ms   p95 {:.1} ms   min {:.1} ms", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.95)), ms(times[0]));
}
