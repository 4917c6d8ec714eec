//! Benchmark of the feedback book at province scale: saving one case and accent-free search
//! with 200,000 cases stored, beside a bare rusqlite insert of the same row as the floor, and
//! the figures of a year for the management review.
//!
//! `cargo bench --bench cases` (YKIEN_BENCH_CASES=N for another size). Prints a table; the
//! figures of record are in BENCHMARKS.md.

mod common;
use common::stats;
use std::time::{Duration, Instant};
use ykien::{Book, Channel, CustomerGroup, FeedbackFilter, FeedbackInput, Kind, Ledger, Subject};

const SURNAMES: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLES: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh", "Mai", "Nam", "Sơn", "Trang", "Tuấn", "Yến"];
const CONTENT: &[&str] = &[
    "Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn chưa có kết quả",
    "Đề nghị công khai thành phần hồ sơ cấp Giấy chứng nhận an toàn thực phẩm",
    "Cán bộ một cửa hướng dẫn chưa rõ ràng, phải đi lại nhiều lần",
    "Khen công chức tiếp nhận tận tình, chu đáo",
    "Không đồng ý với kết luận kiểm tra cửa hàng xăng dầu",
    "Đề nghị bố trí thêm chỗ ngồi chờ tại bộ phận tiếp nhận",
];

fn input(i: usize) -> FeedbackInput {
    let h = i.wrapping_mul(2_654_435_761);
    FeedbackInput {
        received_at: format!("20{:02}-{:02}-{:02}T{:02}:{:02}", 17 + (i * 10 / 200_001).min(9), 1 + h % 12, 1 + h % 28, 8 + h % 9, h % 60),
        channel: Channel::ALL[h % Channel::ALL.len()],
        kind: Kind::ALL[(h >> 3) % Kind::ALL.len()],
        subject: Subject::Other,
        book: Book::Feedback,
        customer_name: format!("{} {} {}", SURNAMES[h % SURNAMES.len()], MIDDLES[(h >> 5) % MIDDLES.len()], GIVEN[(h >> 9) % GIVEN.len()]),
        customer_org: String::new(),
        customer_address: "xã Ea Tu, tỉnh Đắk Lắk".into(),
        customer_phone: format!("09{:08}", h % 100_000_000),
        customer_email: String::new(),
        customer_group: CustomerGroup::Unknown,
        content: format!("{} (lần {i})", CONTENT[(h >> 7) % CONTENT.len()]),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

fn main() {
    let n: usize = std::env::var("YKIEN_BENCH_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let dir = tempfile::tempdir().unwrap();
    // YKIEN_BENCH_DB keeps the generated database (and reuses it) for profiling by hand.
    let path = std::env::var_os("YKIEN_BENCH_DB").map(std::path::PathBuf::from).unwrap_or_else(|| dir.path().join("bench.db"));
    let mut l = Ledger::open(&path).unwrap();
    l.set_clock(Some(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap().and_hms_opt(8, 0, 0).unwrap()));
    let stored = l.feedback(&FeedbackFilter { limit: Some(0), ..Default::default() }).unwrap().total as usize;

    let t = Instant::now();
    for chunk in (stored..n).collect::<Vec<_>>().chunks(10_000) {
        l.batch(|l| {
            for &i in chunk {
                l.add_feedback(&input(i))?;
            }
            Ok(())
        })
        .unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    println!("stored {n} cases in {:.1} s ({:.0} MB)", t.elapsed().as_secs_f64(), size as f64 / 1e6);

    // Saving one case: its own transaction, synchronous=FULL, as at the front desk.
    let saves: Vec<Duration> = (0..200)
        .map(|i| {
            let t = Instant::now();
            l.add_feedback(&input(n + i)).unwrap();
            t.elapsed()
        })
        .collect();
    println!("save one case          {}", stats(saves));

    // The floor: a bare insert of the same row into the same kind of file, same settings.
    let bare = rusqlite::Connection::open(dir.path().join("bare.db")).unwrap();
    bare.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE f (id TEXT PRIMARY KEY, received_at TEXT, customer TEXT, content TEXT, search_key TEXT);").unwrap();
    let bare_saves: Vec<Duration> = (0..200)
        .map(|i| {
            let f = input(i);
            let t = Instant::now();
            bare.execute(
                "INSERT INTO f VALUES (?1, ?2, ?3, ?4, ?5)",
                (uuid::Uuid::now_v7().to_string(), &f.received_at, &f.customer_name, &f.content, ykien::domain::text::fold(&f.content)),
            )
            .unwrap();
            t.elapsed()
        })
        .collect();
    println!("bare rusqlite insert   {}", stats(bare_saves));

    for (what, q) in [("search a name", "nguyen van an"), ("search a word", "giay phep"), ("search a receipt", "2026/012345"), ("first page, no filter", "")] {
        let filter = FeedbackFilter { search: (!q.is_empty()).then(|| q.to_owned()), limit: Some(100), ..Default::default() };
        let runs: Vec<Duration> = (0..30)
            .map(|_| {
                let t = Instant::now();
                let page = l.feedback(&filter).unwrap();
                std::hint::black_box(page);
                t.elapsed()
            })
            .collect();
        println!("{what:<22} {}", stats(runs));
    }

    // The management review: a year's figures, the year before and the four quarters. No
    // case here is ever closed, so every complaint of ten years is still open: the worst case
    // for the "open at the end" count.
    let year = ykien::report::period::Period::year(2026).unwrap();
    let runs: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(l.figures_report(&year).unwrap());
            t.elapsed()
        })
        .collect();
    println!("{:<22} {}", "figures of a year", stats(runs));
}
