//! Content hashes for identifiers, incremental builds and reports.

use sha2::{Digest, Sha256};

/// Hex SHA-256 of `bytes`.
pub fn hex_digest(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}
