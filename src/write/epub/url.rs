//! Which link targets can become `<a href>` in an EPUB.
//!
//! A content document may only link to resources inside the book or to
//! well-formed remote URLs; anything else is a validation error. The model's
//! targets come from damaged text, so only absolute `http`, `https`, `ftp`
//! and `mailto` URLs are linked, percent-encoded where needed.

/// The `href` for a link target, or `None` when it cannot be linked to.
pub fn href(target: &str) -> Option<String> {
    let target = target.trim();
    let (scheme, rest) = target.split_once(':')?;
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" | "ftp" => {
            let after = rest.strip_prefix("//")?;
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            let (host, path) = after.split_at(end);
            if !is_host(host) {
                return None;
            }
            Some(format!(
                "{}://{}{}",
                scheme.to_ascii_lowercase(),
                host.to_ascii_lowercase(),
                encode(path)
            ))
        }
        "mailto" => {
            let (user, domain) = rest.split_once('@')?;
            if user.is_empty() || !is_host(domain) {
                return None;
            }
            Some(format!(
                "mailto:{}@{}",
                encode(user),
                domain.to_ascii_lowercase()
            ))
        }
        _ => None,
    }
}

/// A DNS host name with an optional port: letters, digits, dots and hyphens.
fn is_host(host: &str) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    };
    let labels_ok = !name.is_empty()
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    labels_ok && port_ok
}

/// Percent-encodes every byte that may not appear literally in a URL path,
/// query or fragment; existing `%XX` escapes are kept.
fn encode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut fragment = false;
    for (i, &b) in bytes.iter().enumerate() {
        let escape_ok = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        // A second '#' is not allowed: only the first starts the fragment.
        let keep = escape_ok
            || b.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=:@/?".contains(&b)
            || (b == b'#' && !fragment);
        if b == b'#' {
            fragment = true;
        }
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_urls_are_kept() {
        assert_eq!(
            href("https://Example.org/a b?q=1#x").as_deref(),
            Some("https://example.org/a%20b?q=1#x")
        );
        assert_eq!(
            href("http://localhost:8080").as_deref(),
            Some("http://localhost:8080")
        );
        assert_eq!(
            href("mailto:ann@example.org").as_deref(),
            Some("mailto:ann@example.org")
        );
        assert_eq!(
            href("https://x.org/%41#a#b").as_deref(),
            Some("https://x.org/%41#a%23b")
        );
    }

    #[test]
    fn unusable_targets_are_refused() {
        for t in [
            "",
            "www.example.org",
            "chapter2.html",
            "#top",
            "https://",
            "https://bad host/",
            "javascript:alert(1)",
            "mailto:@x.org",
            "http://a..b/",
            "https://é.org/",
        ] {
            assert_eq!(href(t), None, "{t}");
        }
    }
}
