//! The server's identity: a self-signed certificate made at its first start and kept beside
//! the database (`ykien-server.crt`, `ykien-server.key`), reused at every start after. Desks
//! pin its SHA-256 fingerprint (the pairing code), so it is never replaced silently: a new
//! certificate means pairing every desk again.

use crate::error::{Error, Result};
use crate::pairing::Fingerprint;
use base64::Engine;
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, PublicKeyData};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const CERTIFICATE_FILE: &str = "ykien-server.crt";
pub const KEY_FILE: &str = "ykien-server.key";

/// The certificate and its key, read or made.
pub struct Identity {
    certificate: CertificateDer<'static>,
    key_pem: String,
    fingerprint: Fingerprint,
    spki_sha256: String,
}

/// The folder the database lives in, where the certificate is kept.
fn folder_of(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

fn unreadable(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::Io(std::io::Error::other(format!(
        "không đọc được chứng chỉ của máy chủ {} ({why}). Nếu tệp đã hỏng, hãy chuyển hai tệp {CERTIFICATE_FILE} và \
         {KEY_FILE} đi chỗ khác để máy chủ tạo chứng chỉ mới, rồi ghép nối lại mọi máy trạm với mã mới.",
        path.display()
    )))
}

impl Identity {
    pub fn certificate_path(db: &Path) -> PathBuf {
        folder_of(db).join(CERTIFICATE_FILE)
    }

    pub fn key_path(db: &Path) -> PathBuf {
        folder_of(db).join(KEY_FILE)
    }

    /// The certificate beside the database at `db`, made now when there is none yet. `names`
    /// are the host names and addresses it is made for (browsers show them; desks pin the
    /// fingerprint and ignore them).
    pub fn load_or_create(db: &Path, names: &[String]) -> Result<Identity> {
        let (cert_path, key_path) = (Identity::certificate_path(db), Identity::key_path(db));
        if cert_path.exists() || key_path.exists() {
            return Identity::load(&cert_path, &key_path);
        }
        let identity = Identity::create(names)?;
        std::fs::create_dir_all(folder_of(db))?;
        write_private(&key_path, identity.key_pem.as_bytes())?;
        let pem = pem_of(&identity.certificate);
        crate::documents::write_whole(&cert_path, pem.as_bytes())?;
        // The certificate is public (browsers and desks are shown it); only its key is kept private.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&cert_path, std::fs::Permissions::from_mode(0o644))?;
        }
        Ok(identity)
    }

    fn load(cert_path: &Path, key_path: &Path) -> Result<Identity> {
        let cert_pem = std::fs::read(cert_path).map_err(|e| unreadable(cert_path, e))?;
        let key_pem = std::fs::read_to_string(key_path).map_err(|e| unreadable(key_path, e))?;
        let certificate = CertificateDer::from_pem_slice(&cert_pem).map_err(|e| unreadable(cert_path, e))?;
        let key = KeyPair::from_pem(&key_pem).map_err(|e| unreadable(key_path, e))?;
        Ok(Identity::of(certificate, &key))
    }

    fn create(names: &[String]) -> Result<Identity> {
        let failed = |e: rcgen::Error| Error::Io(std::io::Error::other(format!("không tạo được chứng chỉ của máy chủ: {e}")));
        let key = KeyPair::generate().map_err(failed)?;
        let mut params = CertificateParams::new(names.to_vec()).map_err(failed)?;
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, "Ý Kiến — máy chủ trong cơ quan");
        dn.push(DnType::OrganizationName, "Ý Kiến");
        params.distinguished_name = dn;
        // Long-lived on purpose: a renewed certificate would mean pairing every desk again.
        let year = chrono::Datelike::year(&chrono::Utc::now());
        params.not_before = rcgen::date_time_ymd(year - 1, 1, 1);
        params.not_after = rcgen::date_time_ymd(year + 30, 1, 1);
        let cert = params.self_signed(&key).map_err(failed)?;
        Ok(Identity::of(cert.der().clone(), &key))
    }

    fn of(certificate: CertificateDer<'static>, key: &KeyPair) -> Identity {
        let fingerprint = Fingerprint::of_certificate(&certificate);
        let spki = Sha256::digest(key.subject_public_key_info());
        Identity {
            certificate,
            key_pem: key.serialize_pem(),
            fingerprint,
            spki_sha256: base64::engine::general_purpose::STANDARD.encode(spki),
        }
    }

    /// The pairing code.
    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// The SHA-256 of the certificate's public key, in base64: what Chromium's
    /// `--ignore-certificate-errors-spki-list` takes (the end-to-end tests' browser desks).
    pub fn spki_sha256(&self) -> &str {
        &self.spki_sha256
    }

    /// The TLS configuration of the server, with ring as the only cryptography (aws-lc-rs
    /// does not build for the Windows target).
    pub fn server_config(&self) -> Result<Arc<rustls::ServerConfig>> {
        let failed = |e: rustls::Error| Error::Io(std::io::Error::other(format!("cấu hình TLS không hợp lệ: {e}")));
        let key = PrivateKeyDer::from_pem_slice(self.key_pem.as_bytes())
            .map_err(|e| Error::Io(std::io::Error::other(format!("khoá của chứng chỉ không đọc được: {e}"))))?;
        let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(failed)?
            .with_no_client_auth()
            .with_single_cert(vec![self.certificate.clone()], key)
            .map_err(failed)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}

fn pem_of(cert: &CertificateDer<'_>) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(cert.as_ref());
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

/// Writes the private key readable by its owner only (on Unix; on Windows the folder under
/// %ProgramData% carries the permissions).
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_certificate_is_made_once_and_read_back_with_the_same_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ykien.db");
        let made = Identity::load_or_create(&db, &["localhost".into(), "127.0.0.1".into()]).unwrap();
        let again = Identity::load_or_create(&db, &["other".into()]).unwrap();
        assert_eq!(made.fingerprint(), again.fingerprint());
        assert_eq!(made.spki_sha256(), again.spki_sha256());
        assert!(again.server_config().is_ok());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(Identity::key_path(&db)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
