//! Affiliation strings ("Institute of South Asian Studies, National
//! University of Singapore, Singapore") split into the parts JATS can tag.

/// One comma-separated part of an affiliation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    Institution(&'a str),
    Country(&'a str),
    /// A part that is neither (a street, a city): kept as plain text.
    Other(&'a str),
}

/// Words that mark a part as the name of an organisation.
const INSTITUTION_WORDS: &[&str] = &[
    "academy",
    "agency",
    "association",
    "bureau",
    "center",
    "centre",
    "clinic",
    "college",
    "company",
    "corporation",
    "council",
    "department",
    "division",
    "faculty",
    "foundation",
    "group",
    "hospital",
    "inc",
    "inc.",
    "institut",
    "institute",
    "instituto",
    "laboratories",
    "laboratory",
    "library",
    "limited",
    "ltd",
    "ltd.",
    "ministry",
    "museum",
    "observatory",
    "office",
    "organisation",
    "organization",
    "programme",
    "program",
    "school",
    "society",
    "universidad",
    "university",
    "universität",
    "université",
    "università",
    "unit",
];

/// Country names (English short names and common variants), compared
/// without regard to case, with their ISO 3166-1 alpha-2 code. A name that
/// does not say which country it is ("Congo": CG or CD? "Georgia" ends
/// affiliations in the US state too) or has no ISO code (Kosovo) has none,
/// and is tagged without one.
const COUNTRIES: &[(&str, Option<&str>)] = &[
    ("Afghanistan", Some("AF")),
    ("Albania", Some("AL")),
    ("Algeria", Some("DZ")),
    ("Andorra", Some("AD")),
    ("Angola", Some("AO")),
    ("Argentina", Some("AR")),
    ("Armenia", Some("AM")),
    ("Australia", Some("AU")),
    ("Austria", Some("AT")),
    ("Azerbaijan", Some("AZ")),
    ("Bahamas", Some("BS")),
    ("Bahrain", Some("BH")),
    ("Bangladesh", Some("BD")),
    ("Barbados", Some("BB")),
    ("Belarus", Some("BY")),
    ("Belgium", Some("BE")),
    ("Belize", Some("BZ")),
    ("Benin", Some("BJ")),
    ("Bhutan", Some("BT")),
    ("Bolivia", Some("BO")),
    ("Bosnia and Herzegovina", Some("BA")),
    ("Botswana", Some("BW")),
    ("Brazil", Some("BR")),
    ("Brunei", Some("BN")),
    ("Bulgaria", Some("BG")),
    ("Burkina Faso", Some("BF")),
    ("Burundi", Some("BI")),
    ("Cambodia", Some("KH")),
    ("Cameroon", Some("CM")),
    ("Canada", Some("CA")),
    ("Cape Verde", Some("CV")),
    ("Chad", Some("TD")),
    ("Chile", Some("CL")),
    ("China", Some("CN")),
    ("Colombia", Some("CO")),
    ("Comoros", Some("KM")),
    ("Congo", None),
    ("Costa Rica", Some("CR")),
    ("Croatia", Some("HR")),
    ("Cuba", Some("CU")),
    ("Cyprus", Some("CY")),
    ("Czech Republic", Some("CZ")),
    ("Czechia", Some("CZ")),
    ("Denmark", Some("DK")),
    ("Djibouti", Some("DJ")),
    ("Dominica", Some("DM")),
    ("Dominican Republic", Some("DO")),
    ("Ecuador", Some("EC")),
    ("Egypt", Some("EG")),
    ("El Salvador", Some("SV")),
    ("Eritrea", Some("ER")),
    ("Estonia", Some("EE")),
    ("Eswatini", Some("SZ")),
    ("Ethiopia", Some("ET")),
    ("Fiji", Some("FJ")),
    ("Finland", Some("FI")),
    ("France", Some("FR")),
    ("Gabon", Some("GA")),
    ("Gambia", Some("GM")),
    ("Georgia", None),
    ("Germany", Some("DE")),
    ("Ghana", Some("GH")),
    ("Greece", Some("GR")),
    ("Grenada", Some("GD")),
    ("Guatemala", Some("GT")),
    ("Guinea", Some("GN")),
    ("Guyana", Some("GY")),
    ("Haiti", Some("HT")),
    ("Honduras", Some("HN")),
    ("Hong Kong", Some("HK")),
    ("Hungary", Some("HU")),
    ("Iceland", Some("IS")),
    ("India", Some("IN")),
    ("Indonesia", Some("ID")),
    ("Iran", Some("IR")),
    ("Iraq", Some("IQ")),
    ("Ireland", Some("IE")),
    ("Israel", Some("IL")),
    ("Italy", Some("IT")),
    ("Ivory Coast", Some("CI")),
    ("Jamaica", Some("JM")),
    ("Japan", Some("JP")),
    ("Jordan", Some("JO")),
    ("Kazakhstan", Some("KZ")),
    ("Kenya", Some("KE")),
    ("Kiribati", Some("KI")),
    ("Kosovo", None),
    ("Kuwait", Some("KW")),
    ("Kyrgyzstan", Some("KG")),
    ("Laos", Some("LA")),
    ("Latvia", Some("LV")),
    ("Lebanon", Some("LB")),
    ("Lesotho", Some("LS")),
    ("Liberia", Some("LR")),
    ("Libya", Some("LY")),
    ("Liechtenstein", Some("LI")),
    ("Lithuania", Some("LT")),
    ("Luxembourg", Some("LU")),
    ("Madagascar", Some("MG")),
    ("Malawi", Some("MW")),
    ("Malaysia", Some("MY")),
    ("Maldives", Some("MV")),
    ("Mali", Some("ML")),
    ("Malta", Some("MT")),
    ("Mauritania", Some("MR")),
    ("Mauritius", Some("MU")),
    ("Mexico", Some("MX")),
    ("Moldova", Some("MD")),
    ("Monaco", Some("MC")),
    ("Mongolia", Some("MN")),
    ("Montenegro", Some("ME")),
    ("Morocco", Some("MA")),
    ("Mozambique", Some("MZ")),
    ("Myanmar", Some("MM")),
    ("Namibia", Some("NA")),
    ("Nepal", Some("NP")),
    ("Netherlands", Some("NL")),
    ("New Zealand", Some("NZ")),
    ("Nicaragua", Some("NI")),
    ("Niger", Some("NE")),
    ("Nigeria", Some("NG")),
    ("North Korea", Some("KP")),
    ("North Macedonia", Some("MK")),
    ("Norway", Some("NO")),
    ("Oman", Some("OM")),
    ("Pakistan", Some("PK")),
    ("Palestine", Some("PS")),
    ("Panama", Some("PA")),
    ("Papua New Guinea", Some("PG")),
    ("Paraguay", Some("PY")),
    ("Peru", Some("PE")),
    ("Philippines", Some("PH")),
    ("Poland", Some("PL")),
    ("Portugal", Some("PT")),
    ("Qatar", Some("QA")),
    ("Romania", Some("RO")),
    ("Russia", Some("RU")),
    ("Russian Federation", Some("RU")),
    ("Rwanda", Some("RW")),
    ("Samoa", Some("WS")),
    ("San Marino", Some("SM")),
    ("Saudi Arabia", Some("SA")),
    ("Senegal", Some("SN")),
    ("Serbia", Some("RS")),
    ("Seychelles", Some("SC")),
    ("Sierra Leone", Some("SL")),
    ("Singapore", Some("SG")),
    ("Slovakia", Some("SK")),
    ("Slovenia", Some("SI")),
    ("Somalia", Some("SO")),
    ("South Africa", Some("ZA")),
    ("South Korea", Some("KR")),
    ("South Sudan", Some("SS")),
    ("Spain", Some("ES")),
    ("Sri Lanka", Some("LK")),
    ("Sudan", Some("SD")),
    ("Suriname", Some("SR")),
    ("Sweden", Some("SE")),
    ("Switzerland", Some("CH")),
    ("Syria", Some("SY")),
    ("Taiwan", Some("TW")),
    ("Tajikistan", Some("TJ")),
    ("Tanzania", Some("TZ")),
    ("Thailand", Some("TH")),
    ("Timor-Leste", Some("TL")),
    ("Togo", Some("TG")),
    ("Tonga", Some("TO")),
    ("Trinidad and Tobago", Some("TT")),
    ("Tunisia", Some("TN")),
    ("Turkey", Some("TR")),
    ("Türkiye", Some("TR")),
    ("Turkmenistan", Some("TM")),
    ("Uganda", Some("UG")),
    ("Ukraine", Some("UA")),
    ("United Arab Emirates", Some("AE")),
    ("UAE", Some("AE")),
    ("United Kingdom", Some("GB")),
    ("UK", Some("GB")),
    ("United States", Some("US")),
    ("United States of America", Some("US")),
    ("USA", Some("US")),
    ("U.S.A.", Some("US")),
    ("Uruguay", Some("UY")),
    ("Uzbekistan", Some("UZ")),
    ("Vanuatu", Some("VU")),
    ("Vatican City", Some("VA")),
    ("Venezuela", Some("VE")),
    ("Vietnam", Some("VN")),
    ("Viet Nam", Some("VN")),
    ("Yemen", Some("YE")),
    ("Zambia", Some("ZM")),
    ("Zimbabwe", Some("ZW")),
];

fn find_country(part: &str) -> Option<&'static (&'static str, Option<&'static str>)> {
    let part = part.trim().trim_end_matches('.');
    COUNTRIES
        .iter()
        .find(|(name, _)| name.trim_end_matches('.').eq_ignore_ascii_case(part))
}

fn is_country(part: &str) -> bool {
    find_country(part).is_some()
}

/// The ISO 3166-1 alpha-2 code of a country name (JATS `country/@country`),
/// when the name is known and says which country it is.
pub fn country_code(name: &str) -> Option<&'static str> {
    find_country(name)?.1
}

fn is_institution(part: &str) -> bool {
    part.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .any(|w| INSTITUTION_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w)))
}

/// The parts of an affiliation in order, with the separators between them
/// (so the text reads as given). A country is recognised only at the end.
pub fn split(aff: &str) -> Vec<(Part<'_>, &str)> {
    let pieces: Vec<&str> = aff
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let last = pieces.len().saturating_sub(1);
    pieces
        .iter()
        .enumerate()
        .map(|(i, &text)| {
            let part = if i == last && i > 0 && is_country(text) {
                Part::Country(text)
            } else if i == 0 || is_institution(text) {
                // The first part of an affiliation names the organisation.
                Part::Institution(text)
            } else {
                Part::Other(text)
            };
            (part, if i == last { "" } else { ", " })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_and_country() {
        let parts = split("Institute of South Asian Studies, National University of Singapore");
        assert_eq!(
            parts,
            vec![
                (Part::Institution("Institute of South Asian Studies"), ", "),
                (Part::Institution("National University of Singapore"), ""),
            ]
        );
        let parts = split("Dept of Physics, University of Oslo, Blindern, Norway");
        assert_eq!(parts[0].0, Part::Institution("Dept of Physics"));
        assert_eq!(parts[2].0, Part::Other("Blindern"));
        assert_eq!(parts[3].0, Part::Country("Norway"));
    }

    #[test]
    fn country_codes_only_for_names_that_say_which_country() {
        assert_eq!(country_code("Norway"), Some("NO"));
        assert_eq!(country_code("united kingdom"), Some("GB"));
        assert_eq!(country_code("U.S.A."), Some("US"));
        assert_eq!(country_code("Türkiye"), Some("TR"));
        assert_eq!(country_code("Congo"), None);
        assert_eq!(country_code("Kosovo"), None);
        assert_eq!(country_code("Georgia"), None);
        assert_eq!(country_code("Atlantis"), None);
        // Every code is two capital letters.
        for (name, code) in COUNTRIES {
            if let Some(code) = code {
                assert!(
                    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn odd_strings_do_not_panic() {
        assert!(split("").is_empty());
        assert!(split(",,,").is_empty());
        assert_eq!(
            split("Singapore"),
            vec![(Part::Institution("Singapore"), "")]
        );
    }
}
