//! The language tag of the book. EPUB requires a well-formed BCP 47 tag in
//! `dc:language` and in every `lang` attribute; a locale name such as `C` or
//! `en_US.UTF-8` would make the book invalid.

/// The tag to write for `language`, and a warning when it had to change:
/// a locale-style `en_US` is written `en-US`; anything else that is not a
/// well-formed tag becomes `und` (undetermined), never a guess.
pub fn tag(language: &str) -> (String, Option<String>) {
    let trimmed = language.trim();
    if well_formed(trimmed) {
        return (trimmed.to_string(), None);
    }
    let hyphenated = trimmed.split('.').next().unwrap_or("").replace('_', "-");
    if well_formed(&hyphenated) {
        return (
            hyphenated.clone(),
            Some(format!(
                "language `{trimmed}` written as the BCP 47 tag `{hyphenated}`"
            )),
        );
    }
    (
        "und".to_string(),
        Some(format!(
            "language `{trimmed}` is not a BCP 47 tag; the book says `und` (undetermined)"
        )),
    )
}

/// Whether `tag` follows the BCP 47 `langtag` or `privateuse` syntax:
/// language[-script][-region](-variant)*(-extension)*[-x-private].
pub fn well_formed(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let private = |rest: &[&str]| !rest.is_empty() && rest.iter().all(|s| alnum(s, 1, 8));
    let mut i = 0;
    match parts.first() {
        Some(&x) if x.eq_ignore_ascii_case("x") => return private(&parts[1..]),
        Some(&l) if alpha(l, 2, 3) || alpha(l, 5, 8) => i += 1,
        _ => return false,
    }
    // Extended language subtags (up to three of three letters) after a 2-3 letter language.
    let mut ext = 0;
    while ext < 3 && parts.get(i).is_some_and(|s| alpha(s, 3, 3)) && parts[0].len() <= 3 {
        i += 1;
        ext += 1;
    }
    if parts.get(i).is_some_and(|s| alpha(s, 4, 4)) {
        i += 1; // script
    }
    if parts
        .get(i)
        .is_some_and(|s| alpha(s, 2, 2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())))
    {
        i += 1; // region
    }
    while parts.get(i).is_some_and(|s| {
        alnum(s, 5, 8) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit() && alnum(s, 4, 4))
    }) {
        i += 1; // variants
    }
    while let Some(s) = parts.get(i) {
        if s.len() != 1 || !s.as_bytes()[0].is_ascii_alphanumeric() {
            return false;
        }
        if s.eq_ignore_ascii_case("x") {
            return private(&parts[i + 1..]);
        }
        // An extension singleton needs at least one subtag of 2-8 characters.
        let start = i + 1;
        i = start;
        while parts.get(i).is_some_and(|s| alnum(s, 2, 8)) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked() {
        for ok in [
            "en",
            "en-GB",
            "zh-Hant-TW",
            "sr-Latn",
            "de-CH-1996",
            "es-419",
            "x-klingon",
            "en-u-ca-gregory",
        ] {
            assert!(well_formed(ok), "{ok}");
        }
        for bad in [
            "",
            "C",
            "e",
            "en_US",
            "en-",
            "english-language-tag-x",
            "en-u",
            "1en",
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn locales_are_repaired_or_undetermined() {
        assert_eq!(tag("en_US.UTF-8").0, "en-US");
        assert_eq!(tag("C"), ("und".to_string(), tag("C").1));
        assert!(tag("C").1.is_some());
        assert_eq!(tag("fr"), ("fr".to_string(), None));
    }
}
