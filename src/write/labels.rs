//! The words the editions add to a document ("Abstract", "About the
//! author", "Contents"), in the document's language. A language without a
//! table here gets English, the language of the rest of Recto's messages.
//! Every edition takes its labels from here, so that the PDF, the EPUB and
//! the text edition never disagree on them.

use crate::model::{BackKind, Date};

/// The labels of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// The heading of an abstract that has none of its own.
    pub abstract_: &'static str,
    pub about_author: &'static str,
    pub about_authors: &'static str,
    /// The heading of the table of contents.
    pub contents: &'static str,
    pub keywords: &'static str,
    pub license: &'static str,
    pub title_page: &'static str,
    /// The landmark of the body.
    pub start_of_content: &'static str,
    /// The table-of-contents entry of a body without headings.
    pub text: &'static str,
    acknowledgements: &'static str,
    disclaimer: &'static str,
    notes: &'static str,
    references: &'static str,
    months: [&'static str; 12],
    /// A full date with `{d}`, `{m}` and `{y}` for day, month and year.
    day_month_year: &'static str,
    /// A month and year.
    month_year: &'static str,
}

const EN: Labels = Labels {
    abstract_: "Abstract",
    about_author: "About the author",
    about_authors: "About the authors",
    contents: "Contents",
    keywords: "Keywords",
    license: "License",
    title_page: "Title page",
    start_of_content: "Start of content",
    text: "Text",
    acknowledgements: "Acknowledgements",
    disclaimer: "Disclaimer",
    notes: "Notes",
    references: "References",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    day_month_year: "{d} {m} {y}",
    month_year: "{m} {y}",
};

/// The languages the language guess tells apart (`meta::detect_language`),
/// by their primary subtag.
const TABLE: &[(&str, Labels)] = &[
    ("en", EN),
    (
        "fr",
        Labels {
            abstract_: "Résumé",
            about_author: "À propos de l\u{2019}auteur",
            about_authors: "À propos des auteurs",
            contents: "Table des matières",
            keywords: "Mots-clés",
            license: "Licence",
            title_page: "Page de titre",
            start_of_content: "Début du contenu",
            text: "Texte",
            acknowledgements: "Remerciements",
            disclaimer: "Avertissement",
            notes: "Notes",
            references: "Références",
            months: [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            day_month_year: "{d} {m} {y}",
            month_year: "{m} {y}",
        },
    ),
    (
        "de",
        Labels {
            abstract_: "Zusammenfassung",
            about_author: "Über den Autor",
            about_authors: "Über die Autoren",
            contents: "Inhalt",
            keywords: "Schlagwörter",
            license: "Lizenz",
            title_page: "Titelseite",
            start_of_content: "Beginn des Inhalts",
            text: "Text",
            acknowledgements: "Danksagung",
            disclaimer: "Haftungsausschluss",
            notes: "Anmerkungen",
            references: "Literatur",
            months: [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember",
            ],
            day_month_year: "{d}. {m} {y}",
            month_year: "{m} {y}",
        },
    ),
    (
        "es",
        Labels {
            abstract_: "Resumen",
            about_author: "Sobre el autor",
            about_authors: "Sobre los autores",
            contents: "Índice",
            keywords: "Palabras clave",
            license: "Licencia",
            title_page: "Portada",
            start_of_content: "Inicio del contenido",
            text: "Texto",
            acknowledgements: "Agradecimientos",
            disclaimer: "Aviso legal",
            notes: "Notas",
            references: "Referencias",
            months: [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            day_month_year: "{d} de {m} de {y}",
            month_year: "{m} de {y}",
        },
    ),
    (
        "it",
        Labels {
            abstract_: "Sommario",
            about_author: "Informazioni sull\u{2019}autore",
            about_authors: "Informazioni sugli autori",
            contents: "Indice",
            keywords: "Parole chiave",
            license: "Licenza",
            title_page: "Frontespizio",
            start_of_content: "Inizio del contenuto",
            text: "Testo",
            acknowledgements: "Ringraziamenti",
            disclaimer: "Avvertenza",
            notes: "Note",
            references: "Bibliografia",
            months: [
                "gennaio",
                "febbraio",
                "marzo",
                "aprile",
                "maggio",
                "giugno",
                "luglio",
                "agosto",
                "settembre",
                "ottobre",
                "novembre",
                "dicembre",
            ],
            day_month_year: "{d} {m} {y}",
            month_year: "{m} {y}",
        },
    ),
    (
        "pt",
        Labels {
            abstract_: "Resumo",
            about_author: "Sobre o autor",
            about_authors: "Sobre os autores",
            contents: "Sumário",
            keywords: "Palavras-chave",
            license: "Licença",
            title_page: "Folha de rosto",
            start_of_content: "Início do conteúdo",
            text: "Texto",
            acknowledgements: "Agradecimentos",
            disclaimer: "Aviso legal",
            notes: "Notas",
            references: "Referências",
            months: [
                "janeiro",
                "fevereiro",
                "março",
                "abril",
                "maio",
                "junho",
                "julho",
                "agosto",
                "setembro",
                "outubro",
                "novembro",
                "dezembro",
            ],
            day_month_year: "{d} de {m} de {y}",
            month_year: "{m} de {y}",
        },
    ),
    (
        "nl",
        Labels {
            abstract_: "Samenvatting",
            about_author: "Over de auteur",
            about_authors: "Over de auteurs",
            contents: "Inhoud",
            keywords: "Trefwoorden",
            license: "Licentie",
            title_page: "Titelpagina",
            start_of_content: "Begin van de inhoud",
            text: "Tekst",
            acknowledgements: "Dankwoord",
            disclaimer: "Disclaimer",
            notes: "Noten",
            references: "Literatuur",
            months: [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
            day_month_year: "{d} {m} {y}",
            month_year: "{m} {y}",
        },
    ),
];

impl Labels {
    /// The labels for a BCP 47 tag (`fr`, `pt-BR`), by its primary subtag;
    /// English for a language without a table.
    pub fn for_language(tag: &str) -> &'static Labels {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        TABLE
            .iter()
            .find(|(code, _)| *code == primary)
            .map_or(&EN, |(_, labels)| labels)
    }

    /// "About the author" for one biography, "About the authors" for more.
    pub fn about_authors(&self, bios: usize) -> &'static str {
        if bios == 1 {
            self.about_author
        } else {
            self.about_authors
        }
    }

    /// A date as a reader of the language writes it: "28 November 2026",
    /// "November 2026" or "2026".
    pub fn long_date(&self, date: Date) -> String {
        let month = date
            .month
            .and_then(|m| self.months.get(usize::from(m).wrapping_sub(1)));
        let fill = |pattern: &str, day: Option<u8>, month: &str| {
            pattern
                .replace("{d}", &day.map(|d| d.to_string()).unwrap_or_default())
                .replace("{m}", month)
                .replace("{y}", &date.year.to_string())
        };
        match (date.day, month) {
            (Some(day), Some(m)) => fill(self.day_month_year, Some(day), m),
            (None, Some(m)) => fill(self.month_year, None, m),
            _ => date.year.to_string(),
        }
    }

    /// The heading of end matter that has no title of its own.
    pub fn back(&self, kind: BackKind) -> &'static str {
        match kind {
            BackKind::Acknowledgements => self.acknowledgements,
            BackKind::Disclaimer => self.disclaimer,
            BackKind::References => self.references,
            BackKind::Notes | BackKind::Other => self.notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_primary_subtag_and_default_to_english() {
        assert_eq!(
            Labels::for_language("fr-CA").about_author,
            "À propos de l\u{2019}auteur"
        );
        assert_eq!(Labels::for_language("pt_BR").abstract_, "Resumo");
        assert_eq!(
            Labels::for_language("en").about_authors(2),
            "About the authors"
        );
        assert_eq!(Labels::for_language("ja").abstract_, "Abstract");
        assert_eq!(Labels::for_language("").contents, "Contents");
        assert_eq!(
            Labels::for_language("de").back(BackKind::References),
            "Literatur"
        );
    }

    #[test]
    fn dates_read_as_the_language_writes_them() {
        let d = |s| Date::parse(s).unwrap();
        let en = Labels::for_language("en");
        assert_eq!(en.long_date(d("2026-11-28")), "28 November 2026");
        assert_eq!(en.long_date(d("2026-11")), "November 2026");
        assert_eq!(en.long_date(d("2026")), "2026");
        assert_eq!(
            Labels::for_language("de").long_date(d("2026-03-01")),
            "1. März 2026"
        );
        assert_eq!(
            Labels::for_language("es").long_date(d("2026-03-01")),
            "1 de marzo de 2026"
        );
    }
}
