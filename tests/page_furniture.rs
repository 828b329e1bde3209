//! Page furniture: adding running headers, footers and page numbers to a
//! clean document and repairing gives the clean document back, whatever the
//! furniture's shape and whether the extractor wrote form feeds.

use proptest::prelude::*;
use recto::normalize::{Options, normalize_text};
use recto::write::txt::render_repaired;

const TITLE: &str = "A Study of Printed Pages";

fn only_page_artifacts() -> Options {
    Options {
        only: Some(vec!["page-artifacts".to_string()]),
        skip: Vec::new(),
        ..Options::default()
    }
}

/// The furniture printers put on a page, as functions of the 1-based page
/// number and the page count.
#[derive(Debug, Clone, Copy)]
enum Furniture {
    /// typst: the title as a header on later pages, the number at the foot.
    TitleAndNumber,
    PageOf,
    Dashes,
    /// An RFC's header and footer.
    Rfc,
    /// A browser's printed header (date, title) and footer (URL, counter).
    Browser,
    /// LaTeX's `headings`: section number, title in capitals and page number
    /// in one head; a plain page number on the first page.
    LatexHead,
    /// LaTeX's heads as pdftotext writes them: the parts on lines of their own.
    LatexHeadSplit,
    /// Front matter numbered in roman numerals.
    Roman,
}

impl Furniture {
    fn all() -> Vec<Furniture> {
        use Furniture::*;
        vec![
            TitleAndNumber,
            PageOf,
            Dashes,
            Rfc,
            Browser,
            LatexHead,
            LatexHeadSplit,
            Roman,
        ]
    }

    fn header(self, p: usize) -> Vec<String> {
        use Furniture::*;
        match self {
            TitleAndNumber if p > 1 => vec![TITLE.into()],
            Rfc if p > 1 => {
                vec!["RFC 5321                    SMTP                October 2008".into()]
            }
            Browser => vec!["3/2/26, 10:15 AM".into(), TITLE.into()],
            LatexHead if p > 1 => vec![format!("{} THE SECTION IN CAPITALS {p}", p / 3 + 1)],
            LatexHeadSplit if p > 1 => vec![
                format!("{}", p / 3 + 1),
                "THE SECTION IN CAPITALS".into(),
                p.to_string(),
            ],
            _ => Vec::new(),
        }
    }

    fn footer(self, p: usize, pages: usize) -> Vec<String> {
        use Furniture::*;
        match self {
            TitleAndNumber => vec![p.to_string()],
            PageOf => vec![format!("Page {p} of {pages}")],
            Dashes => vec![format!("— {p} —")],
            Rfc => vec![format!(
                "Klensin              Standards Track              [Page {p}]"
            )],
            Browser => vec![
                "http://docs.example.org/printed-pages.html".into(),
                format!("{p}/{pages}"),
            ],
            LatexHead | LatexHeadSplit if p == 1 => vec!["1".into()],
            Roman => vec![roman(p)],
            _ => Vec::new(),
        }
    }

    /// Whether the pages can be told without form feeds (front matter
    /// numbered in roman numerals alone, with no header, cannot: lone
    /// numbers that count are content unless something else recurs).
    fn found_without_form_feeds(self) -> bool {
        !matches!(self, Furniture::Roman | Furniture::LatexHeadSplit)
    }
}

fn roman(n: usize) -> String {
    [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ][n - 1]
        .to_string()
}

/// One line of a clean document: prose, or content that looks like
/// furniture out of place (numbers, a section number, an equation number).
fn line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the", "page", "of", "text", "number", "runs", "on", "and", "2.1", "(3)", "x", "1998",
        "Value", "cell", "list", "item", "code", "{", "}", "fn", "printed", "SMTP", "RFC",
    ]);
    prop_oneof![
        6 => prop::collection::vec(word, 3..10).prop_map(|w| w.join(" ")),
        // A lone number that is content: an item number, a table cell. (A
        // lone number at a page edge equal to that page's number cannot be
        // told from the page number; these stay clear of page numbers.)
        1 => (100u32..999).prop_map(|n| n.to_string()),
        1 => Just("(3)".to_string()),
        1 => (1u32..9, 1u32..9).prop_map(|(a, b)| format!("{a}.{b} Introduction")),
        1 => Just("}".to_string()),
    ]
}

/// A clean document: the title, then paragraphs of lines.
fn clean_document() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(line(), 1..7).prop_map(|mut para| {
            para.push(String::new());
            para
        }),
        8..20,
    )
    .prop_map(|paras| {
        let mut lines = vec![TITLE.to_string(), String::new()];
        // Lines of text are each different, as in a real document (the
        // same line at the top of most pages is a running header).
        let prose = |(k, line): (usize, String)| {
            if line.split(' ').count() >= 3 {
                format!("{line} w{k}")
            } else {
                line
            }
        };
        lines.extend(paras.into_iter().flatten().enumerate().map(prose));
        lines
    })
}

/// The document cut into pages of `per_page` lines, each with its
/// furniture, joined with form feeds or not. Also the clean document cut at
/// the same places with bare form feeds, to compare with.
fn paginate(
    doc: &[String],
    per_page: usize,
    furniture: Furniture,
    form_feeds: bool,
) -> (String, String) {
    let pages: Vec<&[String]> = doc.chunks(per_page).collect();
    let n = pages.len();
    let (mut furnished, mut bare) = (Vec::new(), Vec::new());
    for (i, page) in pages.iter().enumerate() {
        let p = i + 1;
        let mut lines = furniture.header(p);
        lines.extend(page.iter().cloned());
        lines.extend(furniture.footer(p, n));
        furnished.push(lines.join("\n"));
        bare.push(page.join("\n"));
    }
    let sep = if form_feeds { "\n\u{c}" } else { "\n" };
    (furnished.join(sep), bare.join("\n\u{c}"))
}

fn repaired(text: &str) -> String {
    render_repaired(&normalize_text(text, &only_page_artifacts()).0, false)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn furniture_added_to_a_clean_document_is_removed(
        doc in clean_document(),
        per_page in 14usize..30,
        which in 0usize..8,
        form_feeds in any::<bool>(),
    ) {
        let furniture = Furniture::all()[which];
        let form_feeds = form_feeds || !furniture.found_without_form_feeds();
        let (furnished, bare) = paginate(&doc, per_page, furniture, form_feeds);
        prop_assume!(bare.matches('\u{c}').count() >= 2, "three pages at least");
        let once = repaired(&furnished);
        prop_assert_eq!(&once, &repaired(&bare), "furniture {:?}", furniture);
        // And a second run finds nothing more.
        prop_assert_eq!(repaired(&once), once);
    }
}

#[test]
fn every_furniture_shape_is_removed_with_form_feeds_and_without() {
    let doc: Vec<String> = std::iter::once(TITLE.to_string())
        .chain((0..80).map(|k| format!("line {k} of the clean text, which runs on")))
        .collect();
    for furniture in Furniture::all() {
        for form_feeds in [true, false] {
            if !form_feeds && !furniture.found_without_form_feeds() {
                continue;
            }
            let (furnished, bare) = paginate(&doc, 20, furniture, form_feeds);
            assert_eq!(
                repaired(&furnished),
                repaired(&bare),
                "{furniture:?}, form feeds: {form_feeds}"
            );
        }
    }
}
