//! `ykien kiosk …`: the rating kiosks at the desks (docs/kiosk.md). An administrator registers
//! a kiosk and gets the address and one-time code that pair its tablet; lists, re-pairs and
//! disables kiosks. A clerk may arm their desk's kiosk from here too (as their window does),
//! and leadership and the QMR read the ratings by desk and by staff member.

use crate::desk::{read, Desk};
use crate::{print_json, Sorted};
use clap::Subcommand;
use serde_json::{json, Value};
use ykien::{Error, Kiosk, KioskFigures, KioskPairing, Result};

#[derive(Subcommand)]
pub enum KioskCommand {
    /// Register a kiosk for a desk; prints the address to open on its tablet and the one-time
    /// pairing code (valid 24 hours).
    Add {
        /// The desk's name as the citizen sees it, e.g. "Quầy 1".
        #[arg(long)]
        name: String,
        /// The desk's unit (its id, code or name).
        #[arg(long)]
        unit: Option<String>,
        /// The template it asks: ks-tai-quay (one question, three faces; the default) or
        /// ks-tai-quay-td (the four attitude criteria of BM.QT.SCT.05-02, then the overall question).
        #[arg(long, value_name = "KEY")]
        template: Option<String>,
        /// The server's address as the tablets reach it (default: this PC's, or --server's).
        #[arg(long, value_name = "URL")]
        address: Option<String>,
    },
    /// List the kiosks.
    List,
    /// A new pairing code for a kiosk whose tablet was replaced or reset (the old one stops working).
    Pair {
        /// The kiosk's id or name.
        kiosk: String,
        #[arg(long, value_name = "URL")]
        address: Option<String>,
    },
    /// Stop a kiosk for good (its ratings stay counted).
    Disable {
        /// The kiosk's id or name.
        kiosk: String,
    },
    /// Invite the citizen just served to rate on the kiosk (as the clerk's window does).
    Arm {
        /// The kiosk's id or name.
        kiosk: String,
        /// The case served, by its receipt number (2026/000123) or id.
        #[arg(long, value_name = "RECEIPT")]
        case: Option<String>,
    },
    /// The ratings of a period by desk and by staff member (leadership and the QMR).
    Figures(crate::report::FiguresArgs),
}

/// Where the tablets reach the server: `--address`, else the server this desk works on, else
/// this PC on the office server's default port.
fn base_address(given: Option<String>, server: Option<&str>) -> String {
    let base = given.or_else(|| server.map(str::to_owned)).unwrap_or_else(|| {
        let host = ykien::server::lan_address().map(|ip| ip.to_string()).unwrap_or_else(ykien::server::host_name);
        format!("https://{host}:{}", ykien::pairing::DEFAULT_PORT)
    });
    base.trim_end_matches('/').to_owned()
}

fn find(desk: &mut Desk, wanted: &str) -> Result<Kiosk> {
    let all: Vec<Kiosk> = desk.call_as("kiosks_list", json!({}))?;
    let folded = ykien::domain::text::fold(wanted);
    all.into_iter()
        .filter(|k| k.id == wanted || ykien::domain::text::fold(&k.name) == folded)
        .max_by_key(|k| !k.disabled)
        .ok_or_else(|| Error::validation("kiosk", format!("Không có máy đánh giá «{wanted}» (xem: ykien kiosk list).")))
}

fn print_pairing(p: KioskPairing, base: &str, json: bool) {
    let address = format!("{base}/kiosk#ma={}", p.code);
    if json {
        let mut v = serde_json::to_value(&p).expect("serialisable");
        v["address"] = Value::from(address);
        print_json(&v);
    } else {
        println!("Đã đăng ký máy đánh giá «{}» (mẫu {}).", p.kiosk.name, p.kiosk.template_code);
        println!("Mở địa chỉ này trên máy tính bảng của quầy: {address}");
        println!("hoặc mở {base}/kiosk và nhập mã ghép nối: {} (dùng một lần, đến {}).", p.code, p.valid_until);
    }
}

fn print_kiosk(k: &Kiosk) {
    let state = if k.disabled {
        "đã ngừng dùng"
    } else if k.paired {
        "đã ghép nối"
    } else {
        "chưa ghép nối"
    };
    println!(
        "{}  {:<16} {:<16} {:<16} {state}, {} đánh giá{}",
        k.id,
        k.name,
        k.template_key,
        k.unit_name.as_deref().unwrap_or("—"),
        k.ratings,
        k.last_seen_at.as_deref().map(|t| format!(", hỏi máy chủ lần cuối {t}")).unwrap_or_default()
    );
}

pub fn run(desk: &mut Desk, cmd: KioskCommand, server: Option<&str>, json: bool) -> Result<()> {
    match cmd {
        KioskCommand::Add { name, unit, template, address } => {
            let unit_id = match unit {
                Some(u) => {
                    let units: Vec<ykien::Unit> = desk.call_as("units_list", json!({}))?;
                    let folded = ykien::domain::text::fold(&u);
                    let found = units.iter().find(|x| x.id == u || (!x.code.is_empty() && x.code.eq_ignore_ascii_case(&u)) || ykien::domain::text::fold(&x.name) == folded);
                    Some(found.map(|x| x.id.clone()).ok_or_else(|| Error::validation("unit", format!("Không có đơn vị «{u}» (xem: ykien units).")))?)
                }
                None => None,
            };
            let input = ykien::KioskInput { name, unit_id, template };
            let p: KioskPairing = desk.call_as("kiosk_add", json!({ "input": input }))?;
            print_pairing(p, &base_address(address, server), json);
        }
        KioskCommand::List => {
            let all: Vec<Kiosk> = desk.call_as("kiosks_list", json!({}))?;
            if json {
                print_json(&all);
            } else if all.is_empty() {
                println!("Chưa có máy đánh giá nào (ykien kiosk add --name \"Quầy 1\").");
            } else {
                all.iter().for_each(print_kiosk);
            }
        }
        KioskCommand::Pair { kiosk, address } => {
            let k = find(desk, &kiosk)?;
            let p: KioskPairing = desk.call_as("kiosk_pair", json!({ "id": k.id }))?;
            print_pairing(p, &base_address(address, server), json);
        }
        KioskCommand::Disable { kiosk } => {
            let k = find(desk, &kiosk)?;
            let k: Kiosk = desk.call_as("kiosk_disable", json!({ "id": k.id }))?;
            if json {
                print_json(&k);
            } else {
                println!("Đã ngừng dùng máy đánh giá «{}»; {} đánh giá đã nhận vẫn được tính.", k.name, k.ratings);
            }
        }
        KioskCommand::Arm { kiosk, case } => {
            let k = find(desk, &kiosk)?;
            let case_id = match case {
                Some(c) if c.contains('/') => {
                    let found = desk.call("feedback_list", json!({ "filter": { "search": c, "limit": 5 } }))?;
                    let rows = found["rows"].as_array().cloned().unwrap_or_default();
                    let row = rows.iter().find(|r| r["receipt_no"] == c.as_str()).ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: c.clone() })?;
                    Some(row["id"].as_str().unwrap_or_default().to_owned())
                }
                other => other,
            };
            let k: Kiosk = desk.call_as("kiosk_arm", json!({ "id": k.id, "caseId": case_id }))?;
            if json {
                print_json(&Sorted(&json!({ "kiosk": k.name, "id": k.id, "armed": true })));
            } else {
                println!("Máy đánh giá «{}» đang mời khách hàng đánh giá.", k.name);
            }
        }
        KioskCommand::Figures(a) => {
            let period = a.query();
            let value = desk.call("kiosk_figures", json!({ "period": period }))?;
            if json {
                print_json(&value);
            } else {
                let f: KioskFigures = read("kiosk_figures", value)?;
                println!("Đánh giá tại quầy từ {} đến {}: {} lượt.", f.from, f.to, f.ratings);
                let line = |c: &ykien::RatingCount| {
                    let pct = c.percent.map(|p| format!("{p:.1}%")).unwrap_or_else(|| "—".into());
                    println!("  {:<32} {:>5} lượt  hài lòng {pct} ({}/{})", if c.label.is_empty() { "(không rõ cán bộ)" } else { &c.label }, c.ratings, c.satisfied, c.answers);
                };
                println!("Theo quầy:");
                f.by_kiosk.iter().for_each(line);
                println!("Theo cán bộ:");
                f.by_staff.iter().for_each(line);
            }
        }
    }
    Ok(())
}
