//! `ykien serve`: the office server, the only process that opens the database, serving every
//! desk of the office over HTTPS (docs/server.md). `--fingerprint` prints the pairing code.

use crate::{encryption, print_json};
use clap::Args;
use std::net::SocketAddr;
use std::path::Path;
use ykien::server::{self, Identity, Server};
use ykien::{Database, Opened, Result};

#[derive(Args)]
pub struct ServeArgs {
    /// The address and port to listen on (default 0.0.0.0:7443: every network of this PC).
    #[arg(long, value_name = "ADDR:PORT")]
    listen: Option<SocketAddr>,
    /// Print the pairing code (the SHA-256 fingerprint of the server's certificate) and exit.
    #[arg(long)]
    fingerprint: bool,
}

/// The line a script or a test reads to learn where the server listens and its pairing code.
pub const READY: &str = "ykien-serve: ready";

pub fn run(path: &Path, args: ServeArgs, json: bool) -> Result<()> {
    if args.fingerprint {
        let identity = Identity::load_or_create(path, &server::certificate_names())?;
        let code = identity.fingerprint();
        if json {
            print_json(&serde_json::json!({
                "fingerprint": code.display(),
                "pin": code.compact(),
                "spki_sha256": identity.spki_sha256(),
                "certificate": Identity::certificate_path(path),
            }));
        } else {
            println!("{}", code.display());
        }
        return Ok(());
    }
    let server = start(path, args.listen.unwrap_or_else(server::default_listen), "Ctrl+C")?;
    server.run()
}

/// Opens the database for serving (refusing a damaged one, naming its newest good backup), makes
/// or loads the server's certificate, binds `listen` and tells where it listens, with the
/// pairing code and, last, the [`READY`] line; `how_to_stop` says how it is stopped. What
/// `ykien serve` runs, and the Windows service in its own process (`service.rs`).
pub fn start(path: &Path, listen: SocketAddr, how_to_stop: &str) -> Result<Server> {
    let key = encryption::key_for(&[path])?;
    let db = Database::new(path).with_passphrase(key.as_deref());
    let mut ledger = match db.open_checked() {
        Opened::Ready(ledger) => ledger,
        Opened::Damaged { error, newest_good_backup } => {
            eprintln!("Tệp dữ liệu {} bị hỏng nên máy chủ không chạy (không máy trạm nào làm việc trên tệp hỏng).", path.display());
            match newest_good_backup {
                Some(b) => eprintln!(
                    "Bản sao lưu tốt mới nhất: {} ({}). Để phục hồi từ bản đó:\n  ykien restore --db \"{}\" \"{}\" --as TÊN_QUẢN_TRỊ\nrồi chạy lại ykien serve.",
                    b.path,
                    b.made_at,
                    path.display(),
                    b.path
                ),
                None => eprintln!("Không tìm thấy bản sao lưu nào dùng được; hãy phục hồi bằng: ykien restore --db \"{}\" TỆP_SAO_LƯU", path.display()),
            }
            return Err(error);
        }
        Opened::NeedsPassphrase(e) | Opened::Refused(e) => return Err(e),
    };
    // The certificate is made (at the first start) only once the database is known to be usable.
    let identity = Identity::load_or_create(path, &server::certificate_names())?;
    let code = identity.fingerprint();
    ledger.set_actor(format!("{} (máy chủ, {})", ykien::SYSTEM_ACTOR, server::host_name()));
    let server = Server::bind(ledger, &identity, listen)?;
    let bound = server.local_addr();
    let port = bound.port();
    println!("Máy chủ Ý Kiến đang chạy trên dữ liệu {}.", path.display());
    if bound.ip().is_unspecified() {
        let mut addresses: Vec<String> = server::lan_address().map(|ip| format!("https://{ip}:{port}")).into_iter().collect();
        addresses.push(format!("https://{}:{port}", server::host_name()));
        println!("Địa chỉ cho các máy trạm: {}", addresses.join("  hoặc  "));
        println!("Trên chính máy này: https://127.0.0.1:{port}");
    } else {
        println!("Địa chỉ: https://{bound}");
    }
    println!("Mã ghép nối (nhập ở máy trạm, hoặc so với mã trình duyệt hiển thị): {}", code.display());
    println!("Chứng chỉ của máy chủ: {}", Identity::certificate_path(path).display());
    println!("Dừng máy chủ: {how_to_stop}.");
    let reach = if bound.ip().is_unspecified() { SocketAddr::from(([127, 0, 0, 1], port)) } else { bound };
    println!("{READY} https://{reach} pin={} spki={}", code.compact(), identity.spki_sha256());
    Ok(server)
}
