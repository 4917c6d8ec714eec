//! The desk's TLS: rustls with the ring provider, and a verifier that accepts exactly the
//! certificate whose SHA-256 (of its DER) is the pairing code. An office server's certificate
//! is self-signed, made at its first start, so no certificate authority vouches for it and no
//! host name is checked: the pin is the server's identity. The handshake's signatures are still
//! verified, so only the holder of that certificate's key can answer.

use crate::pairing::Fingerprint;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{ring, verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use std::sync::{Arc, Mutex};

/// Accepts the pinned certificate and no other. It remembers the fingerprint of the last
/// certificate it refused, so that a failed request can say "another certificate answered"
/// rather than "unreachable".
#[derive(Debug)]
pub(super) struct PinnedVerifier {
    pin: Fingerprint,
    provider: Arc<CryptoProvider>,
    refused: Mutex<Option<Fingerprint>>,
}

impl PinnedVerifier {
    pub(super) fn new(pin: Fingerprint) -> Arc<PinnedVerifier> {
        Arc::new(PinnedVerifier { pin, provider: Arc::new(ring::default_provider()), refused: Mutex::new(None) })
    }

    /// The certificate refused since the last call, if any.
    pub(super) fn take_refused(&self) -> Option<Fingerprint> {
        self.refused.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// A client configuration that trusts only this verifier.
    pub(super) fn client_config(self: &Arc<Self>) -> ClientConfig {
        ClientConfig::builder_with_provider(self.provider.clone())
            .with_safe_default_protocol_versions()
            .expect("the ring provider supports TLS 1.2 and 1.3")
            .dangerous()
            .with_custom_certificate_verifier(self.clone())
            .with_no_client_auth()
    }
}

impl ServerCertVerifier for PinnedVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let seen = Fingerprint::of_certificate(end_entity.as_ref());
        if seen == self.pin {
            Ok(ServerCertVerified::assertion())
        } else {
            *self.refused.lock().unwrap_or_else(|e| e.into_inner()) = Some(seen);
            Err(rustls::Error::InvalidCertificate(CertificateError::ApplicationVerificationFailure))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}
