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
/// without regard to case.
const COUNTRIES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Congo",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hong Kong",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Russian Federation",
    "Rwanda",
    "Samoa",
    "San Marino",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Timor-Leste",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey",
    "Türkiye",
    "Turkmenistan",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "UAE",
    "United Kingdom",
    "UK",
    "United States",
    "United States of America",
    "USA",
    "U.S.A.",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican City",
    "Venezuela",
    "Vietnam",
    "Viet Nam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
];

fn is_country(part: &str) -> bool {
    let part = part.trim().trim_end_matches('.');
    COUNTRIES
        .iter()
        .any(|c| c.trim_end_matches('.').eq_ignore_ascii_case(part))
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
    fn odd_strings_do_not_panic() {
        assert!(split("").is_empty());
        assert!(split(",,,").is_empty());
        assert_eq!(
            split("Singapore"),
            vec![(Part::Institution("Singapore"), "")]
        );
    }
}
