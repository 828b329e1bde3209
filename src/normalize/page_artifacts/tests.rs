use super::*;
use crate::normalize::lines::split;

fn texts(lines: &[Line]) -> Vec<&str> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.trimmed())
        .collect()
}

fn repaired(text: &str) -> (Vec<Line>, RepairLog) {
    let mut lines = split(text);
    let mut log = RepairLog::default();
    run(&mut lines, &mut log);
    (lines, log)
}

fn labels(lines: &[Line]) -> Vec<(String, bool)> {
    lines
        .iter()
        .flat_map(|l| l.page_starts.iter().map(|s| (s.label.clone(), s.printed)))
        .collect()
}

/// Body lines of page `p` of a made-up document: prose, `n` lines.
fn body(p: usize, n: usize) -> Vec<String> {
    (0..n)
        .map(|k| format!("line {k} of page {p} runs on as text of the page does"))
        .collect()
}

/// Pages of `n` body lines with a header and a footer made by the given
/// functions of the 1-based page number, joined by form feeds or not.
fn paginate(
    pages: usize,
    n: usize,
    header: impl Fn(usize) -> Option<String>,
    footer: impl Fn(usize) -> Option<String>,
    form_feeds: bool,
) -> String {
    let mut out = Vec::new();
    for p in 1..=pages {
        let mut page = Vec::new();
        page.extend(header(p));
        page.extend(body(p, n));
        page.extend(footer(p));
        out.push(page.join("\n"));
    }
    out.join(if form_feeds { "\n\u{c}" } else { "\n" })
}

fn all_body(pages: usize, n: usize) -> Vec<String> {
    (1..=pages).flat_map(|p| body(p, n)).collect()
}

/// Three pages of 14 body lines, joined by form feeds, each under the head
/// `head` makes of its page number.
fn under_heads(head: impl Fn(usize) -> String) -> String {
    paginate(3, 14, |p| Some(head(p)), |_| None, true)
}

/// Three pages of 14 body lines, joined by form feeds, each over the foot
/// `foot` makes of its page number.
fn over_feet(foot: impl Fn(usize) -> String) -> String {
    paginate(3, 14, |_| None, |p| Some(foot(p)), true)
}

/// The non-blank lines that stay when `text` is repaired.
fn kept(text: &str) -> Vec<String> {
    let (lines, _) = repaired(text);
    texts(&lines).into_iter().map(String::from).collect()
}

/// Whether the repair keeps line `line` of `text`.
fn keeps(text: &str, line: &str) -> bool {
    kept(text).iter().any(|t| t == line)
}

/// The pages' labels, printed or counted.
fn label_texts(lines: &[Line]) -> Vec<String> {
    labels(lines).into_iter().map(|l| l.0).collect()
}

/// The rules the pass applied (or declined), each with the line it was
/// for: "page-number: 9".
fn rules(log: &RepairLog, declined: bool) -> Vec<String> {
    log.changes
        .iter()
        .filter(|c| c.pass == NAME && c.declined == declined)
        .map(|c| format!("{}: {}", c.rule, c.before))
        .collect()
}

/// Whether the pass declined a rule on a line: `what` is the rule, or the
/// rule and how the line starts ("page-number: 9").
fn declined(log: &RepairLog, what: &str) -> bool {
    rules(log, true).iter().any(|r| r.starts_with(what))
}

#[test]
fn numbers_and_headers_at_page_edges_go() {
    let text = "My Title\nText one\ngoes on\n1\n\u{c}My Title\n\ncontinues here\n2\n\u{c}My Title\nend.\n3";
    let (lines, log) = repaired(text);
    assert_eq!(
        texts(&lines),
        vec!["My Title", "Text one", "goes on", "continues here", "end."]
    );
    let next = lines
        .iter()
        .find(|l| l.trimmed() == "continues here")
        .unwrap();
    assert!(next.page_break, "the page break moves to the next line");
    assert_eq!(log.applied(), 5);
    assert_eq!(
        labels(&lines),
        vec![("1".into(), true), ("2".into(), true), ("3".into(), true)]
    );
}

#[test]
fn varying_footers_and_rfc_headers_go() {
    let text = paginate(
        4,
        12,
        |p| (p > 1).then(|| "RFC 5321                    SMTP                 October 2008".into()),
        |p| {
            Some(format!(
                "Klensin               Standards Track               [Page {p}]"
            ))
        },
        true,
    );
    let (lines, log) = repaired(&text);
    assert_eq!(texts(&lines), all_body(4, 12));
    assert_eq!(log.summary()["page-artifacts/page-number"], 4);
    assert_eq!(log.summary()["page-artifacts/running-header"], 3);
    let got: Vec<String> = label_texts(&lines);
    assert_eq!(got, vec!["1", "2", "3", "4"]);
}

#[test]
fn browser_headers_and_footers_go_and_the_title_stays() {
    let text = paginate(
        3,
        12,
        |p| {
            let title = if p == 1 { "\nA Page Title" } else { "" };
            Some(format!("3/2/26, 10:15 AM\nA Page Title{title}"))
        },
        |p| Some(format!("http://docs.example.org/page.html\n{p}/3")),
        true,
    );
    let (lines, _) = repaired(&text);
    let mut want = vec!["A Page Title".to_string()];
    want.extend(all_body(3, 12));
    assert_eq!(texts(&lines), want);
}

#[test]
fn the_first_pages_title_stays_and_later_headers_go() {
    let text = paginate(
        3,
        12,
        |_| Some("Build cache".into()),
        |p| Some(format!("— {p} —")),
        true,
    );
    let (lines, log) = repaired(&text);
    let mut want = vec!["Build cache".to_string()];
    want.extend(all_body(3, 12));
    assert_eq!(texts(&lines), want);
    assert!(declined(&log, "title-page"));
}

/// Four pages of `n` body lines as LaTeX's `headings` style prints them:
/// the first page's number at its foot, the others' in the running heads
/// `heads` of pages 2 to 4.
fn latex_pages(heads: [&str; 3], n: usize, form_feeds: bool) -> String {
    paginate(
        4,
        n,
        |p| (p > 1).then(|| heads[p - 2].to_string()),
        |p| (p == 1).then(|| "1".to_string()),
        form_feeds,
    )
}

#[test]
fn latex_running_heads_with_changing_titles_go() {
    // pdftotext writes the parts of "1 JSON MESSAGES 2" on lines of their
    // own, and a section number of the text can stand among them.
    let text = latex_pages(
        [
            "1\nJSON MESSAGES\n1.2\n2",
            "1\nJSON MESSAGES\n3",
            // A head on one page only repeats the section's heading.
            "2\n4\nDEFAULT PROFILES\nDefault profiles",
        ],
        12,
        true,
    );
    let (lines, _) = repaired(&text);
    let got = texts(&lines);
    assert!(got.contains(&"1.2"), "a section number is content: {got:?}");
    assert!(
        !got.iter()
            .any(|l| l.contains("MESSAGES") || l.contains("PROFILES")),
        "{got:?}"
    );
    assert!(!got.iter().any(|l| l.len() == 1), "{got:?}");
    assert_eq!(got.len(), 4 * 12 + 2);
}

#[test]
fn a_line_in_capitals_that_opens_one_page_only_is_content() {
    // A screenplay: each page opens with what is said or done next, in
    // capitals, and no two pages alike; the text has no heading that such
    // a line repeats.
    let text = paginate(
        4,
        8,
        |p| Some(["FADE IN:", "JOHN", "FRED (CONT'D)", "FADE OUT:"][p - 1].to_string()),
        |p| Some(p.to_string()),
        true,
    );
    let (lines, log) = repaired(&text);
    let got = texts(&lines);
    for line in ["JOHN", "FRED (CONT'D)", "FADE OUT:"] {
        assert!(got.contains(&line), "{line}: {got:?}");
    }
    assert!(!got.contains(&"3"), "the page numbers still go: {got:?}");
    assert!(declined(&log, "caps-line"));
}

#[test]
fn a_number_before_a_capitals_head_on_one_page_only_stays() {
    // LaTeX prints the section number before the head's title; where one
    // page alone shows a number there, it is that page's text.
    let text = latex_pages(
        [
            "1\nJSON MESSAGES\n2",
            "JSON MESSAGES\n3",
            "DEFAULT PROFILES\n4",
        ],
        12,
        true,
    );
    let (lines, log) = repaired(&text);
    let got = texts(&lines);
    assert_eq!(got.iter().filter(|l| **l == "1").count(), 1, "{got:?}");
    assert!(!got.iter().any(|l| l.contains("MESSAGES")), "{got:?}");
    assert!(declined(&log, "page-number: 1"), "{:?}", rules(&log, true));
}

#[test]
fn latex_heads_on_one_line_without_form_feeds() {
    // pypdf: the pages' texts joined, no form feed; the page number of the
    // first page at its foot, the others in the running head.
    let text = latex_pages(
        [
            "1 JSON MESSAGES 2",
            "1 JSON MESSAGES 3",
            "2 EXAMPLE COMMUNICATION TO REQUEST A TOKEN FOR READING:4",
        ],
        20,
        false,
    );
    let (lines, _) = repaired(&text);
    assert_eq!(texts(&lines), all_body(4, 20));
    let got: Vec<String> = label_texts(&lines);
    assert_eq!(got, vec!["1", "2", "3", "4"]);
    let breaks: Vec<&str> = lines
        .iter()
        .filter(|l| l.page_break)
        .map(|l| l.trimmed())
        .collect();
    assert_eq!(
        breaks,
        vec![body(2, 1)[0].as_str(), &body(3, 1)[0], &body(4, 1)[0]]
    );
}

#[test]
fn page_numbers_without_form_feeds_are_found_by_their_header() {
    // pypdf of a typst page: the number at the foot, the title at the head.
    let text = paginate(
        4,
        20,
        |_| Some("Build cache".into()),
        |p| Some(p.to_string()),
        false,
    );
    let (lines, _) = repaired(&text);
    let mut want = vec!["Build cache".to_string()];
    want.extend(all_body(4, 20));
    assert_eq!(texts(&lines), want);
    assert_eq!(lines.iter().filter(|l| l.page_break).count(), 3);
}

#[test]
fn page_of_labels_without_form_feeds() {
    let text = paginate(3, 15, |_| None, |p| Some(format!("Page {p} of 3")), false);
    let (lines, _) = repaired(&text);
    assert_eq!(texts(&lines), all_body(3, 15));
}

#[test]
fn numbers_that_count_inside_pages_are_content() {
    // Numbered steps a page's length apart, without form feeds and with no
    // furniture around them: content.
    let mut text = String::new();
    for step in 1..=4 {
        text.push_str(&format!("{step}\n"));
        text.push_str(&body(step, 14).join("\n"));
        text.push('\n');
    }
    let (lines, log) = repaired(&text);
    assert_eq!(lines.len(), split(&text).len());
    assert_eq!(log.applied(), 0);
}

#[test]
fn content_numbers_inside_and_at_edges_are_kept() {
    // An item number, a section number, an equation number, table cells and
    // code inside the page; a table cell at a page edge that is not the
    // page's number.
    let page = |p: usize| {
        format!(
            "Header Of The Doc\nsome text\n1\nstart n jobs\n2\nsplit each line\n1 Introduction\n\
             E = mc^2   (3)\n(3)\nRAM 256\n12\n}}\nfn main() {{\n    0\n}}\nmore text\n7\n{p}"
        )
    };
    let text: Vec<String> = (1..=3).map(page).collect();
    let (lines, log) = repaired(&text.join("\n\u{c}"));
    let got = texts(&lines);
    for keep in ["1", "2", "1 Introduction", "(3)", "12", "}", "    0", "7"] {
        assert!(got.contains(&keep.trim()), "{keep:?} lost: {got:?}");
    }
    assert_eq!(got.iter().filter(|l| **l == "7").count(), 3);
    assert!(declined(&log, "page-number: 7"));
}

#[test]
fn a_repeated_line_inside_a_page_stays() {
    let mut pages = Vec::new();
    for p in 1..=3 {
        let mut page = vec!["Running Title Here".to_string()];
        page.extend(body(p, 6));
        page.push("Running Title Here".into());
        page.extend(body(p, 6));
        page.push(format!("{p}"));
        pages.push(page.join("\n"));
    }
    let (lines, log) = repaired(&pages.join("\n\u{c}"));
    let got = texts(&lines);
    assert_eq!(
        got.iter().filter(|l| **l == "Running Title Here").count(),
        4
    );
    assert!(declined(&log, "mid-page"));
}

/// A reference that names a file beside each of its entries: the name
/// recurs every few lines, and so at page edges too, where it closes a
/// page's last entry. It is the text's wherever it stands.
#[test]
fn a_line_the_text_repeats_every_few_lines_stays_at_the_edges_too() {
    let mut pages = Vec::new();
    for p in 1..=3 {
        let mut page = Vec::new();
        for e in 1..=4 {
            page.push(format!("bar@entry{p}x{e}"));
            page.push(format!("Default: 0.{e}{p} cm plus 0.2 cm"));
            page.push("gregoriotex-gsp-default.tex".to_string());
        }
        page.push(format!("{}", 40 + p));
        pages.push(page.join("\n"));
    }
    let (lines, log) = repaired(&pages.join("\n\u{c}"));
    let got = texts(&lines);
    assert_eq!(
        got.iter()
            .filter(|l| **l == "gregoriotex-gsp-default.tex")
            .count(),
        12,
        "{got:?}"
    );
    assert!(!got.contains(&"41"), "{got:?}");
    assert!(declined(&log, "mid-page"));
}

#[test]
fn labels_as_printed_and_counted() {
    // Roman front matter, then arabic; page "3" prints no number.
    let feet = ["i", "ii", "1", "2", "", "4"];
    let text = paginate(6, 12, |_| None, |p| Some(feet[p - 1].to_string()), true);
    let (lines, _) = repaired(&text);
    assert_eq!(texts(&lines), all_body(6, 12));
    assert_eq!(
        labels(&lines),
        vec![
            ("i".into(), true),
            ("ii".into(), true),
            ("1".into(), true),
            ("2".into(), true),
            ("3".into(), false),
            ("4".into(), true)
        ]
    );
}

#[test]
fn form_feeds_without_numbers_count_the_pages() {
    let text = paginate(3, 12, |_| None, |_| None, true);
    let (lines, log) = repaired(&text);
    assert_eq!(log.applied(), 0);
    assert_eq!(
        labels(&lines),
        vec![
            ("1".into(), false),
            ("2".into(), false),
            ("3".into(), false)
        ]
    );
}

#[test]
fn text_without_pages_gets_no_labels() {
    let (lines, log) = repaired(&all_body(1, 30).join("\n"));
    assert!(labels(&lines).is_empty());
    assert_eq!(log.applied(), 0);
}

#[test]
fn page_of_the_only_page_goes() {
    let mut text = all_body(1, 10).join("\n");
    text.push_str("\nPage 1 of 1");
    let (lines, _) = repaired(&text);
    assert_eq!(texts(&lines), all_body(1, 10));
    assert_eq!(labels(&lines), vec![("1".into(), true)]);
}

#[test]
fn a_second_run_changes_nothing() {
    let text = paginate(
        4,
        20,
        |_| Some("Build cache".into()),
        |p| Some(p.to_string()),
        false,
    );
    let (lines, _) = repaired(&text);
    let once: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let (again, log) = repaired(&once.join("\n"));
    assert_eq!(log.applied(), 0);
    assert_eq!(again.len(), lines.len());
}

#[test]
fn stray_dot_goes() {
    let (lines, log) = repaired("Para one.\n\n.\n\nPara two.");
    assert_eq!(texts(&lines), vec!["Para one.", "Para two."]);
    assert_eq!(log.changes[0].rule, "stray-punctuation");
}

/// Python's doctests end a statement with "..." alone: the prompt is the
/// listing's, beside its ">>> " and "... " lines.
#[test]
fn an_interpreters_continuation_prompt_stays() {
    let text = "A short usage example:\n\
                >>> with open('names.csv', newline='') as csvfile:\n\
                ...     for row in reader:\n\
                ...         print(row)\n\
                ...\n\
                Eric Idle\n\
                John Cleese\n";
    let (lines, log) = repaired(text);
    assert!(texts(&lines).contains(&"..."), "{:?}", rules(&log, false));
}

/// An ellipsis among the rows of a table of figures elides rows.
#[test]
fn an_ellipsis_among_rows_of_figures_stays() {
    let text = "R prefers the header line to have no entry for the row names:\n\
                \x20                dist      climb     time\n\
                Greenmantle        2.5       650       16.083\n\
                \x20   ...\n\
                Some other systems require an entry for the row names.";
    let (lines, log) = repaired(text);
    assert!(texts(&lines).contains(&"..."), "{:?}", rules(&log, false));
    assert!(
        declined(&log, "stray-punctuation"),
        "{:?}",
        rules(&log, true)
    );
}

#[test]
fn a_table_header_repeated_on_each_page_stays() {
    // A table that goes on over the pages repeats its header row below the
    // running head; the same row stands inside the pages too.
    let text = paginate(
        3,
        12,
        |_| Some("Manual 5.4\nFunction".into()),
        |p| Some(p.to_string()),
        true,
    )
    .replace("line 6 of page 2", "Function\nline 6 of page 2");
    let (lines, log) = repaired(&text);
    let got = texts(&lines);
    assert_eq!(
        got.iter().filter(|l| **l == "Function").count(),
        4,
        "{got:?}"
    );
    // The running head goes from later pages; the first page's is its title.
    assert_eq!(
        got.iter().filter(|l| **l == "Manual 5.4").count(),
        1,
        "{got:?}"
    );
    assert!(declined(&log, "mid-page"));
}

#[test]
fn an_excerpt_has_no_title_page() {
    // Pages 19 to 21 of a manual: the first page's running head is the
    // running head, not the document's title.
    let text = paginate(
        3,
        12,
        |_| Some("Chapter 1. Beginner's guide".into()),
        |p| Some((p + 18).to_string()),
        true,
    );
    let (lines, _) = repaired(&text);
    assert_eq!(texts(&lines), all_body(3, 12));
    let got: Vec<String> = label_texts(&lines);
    assert_eq!(got, vec!["19", "20", "21"]);
}

#[test]
fn the_title_cut_short_at_the_top_of_a_later_page_is_a_running_head() {
    let text = "One Year After the Kazan Summit: An\nAssessment of China-India Relations\nIvan Lidarev\n\nBody text of the first page ends here.\n\u{c}One Year After the Kazan Summit: An Assessment of\u{2026}\n\nBody text of the second page.\n";
    let (lines, log) = repaired(text);
    assert!(
        !texts(&lines).iter().any(|t| t.ends_with('\u{2026}')),
        "{:?}",
        texts(&lines)
    );
    assert!(log.changes.iter().any(|c| c.rule == "title-header"));
    // The same words inside a page are text.
    let text = "One Year After the Kazan Summit: An\nAssessment\n\nBody.\nOne Year After the Kazan Summit: An Assessment of\u{2026}\n";
    let (_, log) = repaired(text);
    assert!(log.changes.iter().all(|c| c.rule != "title-header"));
}

#[test]
fn a_line_of_code_that_opens_every_page_stays() {
    // A listing that goes on over four pages, each page opening with the
    // same line of it and printing its number at the foot.
    let text = paginate(
        4,
        12,
        |_| Some("[dependencies]".into()),
        |p| Some(p.to_string()),
        true,
    );
    let (lines, log) = repaired(&text);
    let kept = texts(&lines);
    assert_eq!(kept.iter().filter(|t| **t == "[dependencies]").count(), 4);
    assert!(!kept.contains(&"3"), "the page numbers still go: {kept:?}");
    assert!(declined(&log, "code-line"));
}

#[test]
fn a_code_line_whose_number_fits_the_page_stays() {
    // "opt-level = 2" at the foot of page 2 and "opt-level = 3" at the foot
    // of page 3 count along with the pages, by chance.
    let text = paginate(
        4,
        12,
        |p| Some(format!("Profiles {p}")),
        |p| (p == 2 || p == 3).then(|| format!("opt-level = {p}")),
        true,
    );
    let (lines, _) = repaired(&text);
    let kept = texts(&lines);
    assert!(kept.contains(&"opt-level = 2") && kept.contains(&"opt-level = 3"));
    assert!(!kept.contains(&"Profiles 2"), "{kept:?}");
}

#[test]
fn an_elision_in_a_listing_stays() {
    let text = "Some text before the listing.\n$ cargo add clap\nUpdating index\n...\n$ git push\nMore text follows.\nAnd more of it.\nThe end of it\n.\n";
    let (lines, _) = repaired(text);
    let kept = texts(&lines);
    assert!(kept.contains(&"..."), "{kept:?}");
    assert!(!kept.contains(&"."), "a lone dot after prose still goes");
}

#[test]
fn a_section_number_under_the_running_head_is_content() {
    // LaTeX's running heads as pdftotext reads them: the section's number,
    // its title in capitals, the page number. Section 2 starts on page 2:
    // its own number stands under the head that repeats it.
    let mut pages = vec![[body(1, 6), vec!["1".to_string()]].concat().join("\n")];
    for p in 2..=5 {
        let mut page = vec!["2".to_string(), "SECOND SECTION".into(), p.to_string()];
        if p == 2 {
            page.extend(["2".into(), "".into(), "Second section".into()]);
        }
        page.extend(body(p, 6));
        pages.push(page.join("\n\n"));
    }
    let text = pages.join("\n\u{c}");
    let (lines, log) = repaired(&text);
    let kept = texts(&lines);
    assert!(kept.contains(&"Second section"), "{kept:?}");
    let numbers: Vec<&&str> = kept.iter().filter(|t| t.parse::<u32>().is_ok()).collect();
    assert_eq!(numbers, [&"2"], "{kept:?}");
    assert!(declined(&log, "second-number"));
}

#[test]
fn heads_that_alternate_on_facing_pages_go() {
    // The odd pages print the chapter, the even page its section: that
    // head stands once, with the number that fits the page.
    let heads = ["Chapter 1. Beginner’s guide", "1.2. Brief tutorial"];
    for form_feeds in [true, false] {
        let text = paginate(
            3,
            14,
            |p| Some(format!("{}   {}", heads[(p + 1) % 2], p + 18)),
            |_| None,
            form_feeds,
        );
        let (lines, log) = repaired(&text);
        assert_eq!(texts(&lines), all_body(3, 14), "form feeds: {form_feeds}");
        assert_eq!(label_texts(&lines), vec!["19", "20", "21"]);
        assert_eq!(log.summary()["page-artifacts/running-header"], 3);
    }
}

#[test]
fn a_head_whose_number_swaps_sides_goes() {
    // The number on the outer side: left on even pages, right on odd ones.
    let gnuplot = |n: usize| {
        if n % 2 == 0 {
            format!("{n} gnuplot 5.4")
        } else {
            format!("gnuplot 5.4 {n}")
        }
    };
    let sendmail = |n: usize| {
        if n % 2 == 0 {
            format!("SMM:08-{n}   Sendmail Installation and Operation Guide")
        } else {
            format!("Sendmail Installation and Operation Guide   SMM:08-{n}")
        }
    };
    let heads: [&dyn Fn(usize) -> String; 2] = [&gnuplot, &sendmail];
    for head in heads {
        let text = paginate(4, 14, |p| Some(head(p + 37)), |_| None, false);
        let (lines, log) = repaired(&text);
        assert_eq!(texts(&lines), all_body(4, 14), "{:?}", rules(&log, true));
    }
}

#[test]
fn a_lone_number_at_the_extracts_edge_goes_when_it_counts_with_the_pages() {
    // txtwrite: no form feeds; the numbers head their pages, the first one
    // is the extract's first line.
    let text = paginate(3, 20, |p| Some(format!("{}", p + 14)), |_| None, false);
    assert_eq!(kept(&text), all_body(3, 20));
    // At the foot, the last one is the extract's last line.
    let text = paginate(3, 20, |_| None, |p| Some(format!("{}", p + 49)), false);
    assert_eq!(kept(&text), all_body(3, 20));
}

#[test]
fn numbers_that_count_inside_the_text_stay() {
    // Numbers alone that count up a page apart, but neither at the text's
    // first nor at its last line: a list's, not pages'.
    let mut text: Vec<String> = body(1, 3);
    for n in 1..=3 {
        text.push(n.to_string());
        text.extend(body(n + 1, 15));
    }
    assert_eq!(kept(&text.join("\n")).len(), 3 + 3 * 16);
    // A lone number at the end of a one-page text is content.
    let text = format!("{}\n3", body(1, 12).join("\n"));
    let (lines, log) = repaired(&text);
    assert_eq!(texts(&lines).last(), Some(&"3"));
    assert!(declined(&log, "page-number: 3"));
}

#[test]
fn a_number_that_does_not_fit_the_sequence_stays() {
    // 15, 16, 17 count the pages; a "9" at the text's end does not.
    let text = paginate(3, 20, |p| Some(format!("{}", p + 14)), |_| None, false);
    let text = format!("{text}\n9");
    let (lines, log) = repaired(&text);
    assert_eq!(texts(&lines).last(), Some(&"9"));
    assert!(declined(&log, "page-number: 9"));
}

#[test]
fn a_numbered_item_inside_a_page_stays() {
    let text = under_heads(|p| format!("Chapter 1. Guide {}", p + 1))
        .replace(&body(2, 14)[6], "2 split each line");
    let got = kept(&text);
    assert!(got.iter().any(|l| l == "2 split each line"), "{got:?}");
    assert!(!got.iter().any(|l| l.starts_with("Chapter")), "{got:?}");
}

#[test]
fn a_head_once_at_an_edge_the_other_pages_do_not_number_stays() {
    // The pages print their numbers at the foot, page 2 none: a line that
    // opens page 2 with the number of the page is the page's text.
    let text = paginate(
        4,
        14,
        |p| (p == 2).then(|| "2 split each line".into()),
        |p| (p != 2).then(|| p.to_string()),
        true,
    );
    let (lines, log) = repaired(&text);
    assert!(texts(&lines).contains(&"2 split each line"));
    assert!(
        declined(&log, "facing-head: 2 split"),
        "{:?}",
        rules(&log, true)
    );
}

#[test]
fn a_head_on_its_own_line_beside_the_number_goes() {
    // pdftotext writes the head and the number apart; the even page's head
    // stands once.
    let heads = ["Chapter 1. Beginner’s guide", "1.2. Brief tutorial"];
    let text = under_heads(|p| format!("{}\n\n{}", heads[(p + 1) % 2], p + 18));
    let (lines, log) = repaired(&text);
    assert_eq!(texts(&lines), all_body(3, 14), "{:?}", rules(&log, true));
    // Where the pages beside print no head, the line beside the number is
    // the page's own.
    let text = under_heads(|p| {
        let head = if p == 2 { "1.2. Brief tutorial\n" } else { "" };
        format!("{head}{}", p + 18)
    });
    assert!(keeps(&text, "1.2. Brief tutorial"));
}

/// Where the pages beside print a head beside their numbers, the line
/// beside this page's number is its head only if it reads as one: a
/// sentence is the page's text (a chapter's first page prints no head).
#[test]
fn a_sentence_beside_the_number_is_no_head() {
    let sentence = "Then prepare a stable upload (see the section on uploads to stable).";
    let text = under_heads(|p| {
        let head = if p == 2 {
            sentence
        } else {
            "1.2. Brief tutorial"
        };
        format!("{head}\n\n{}", p + 18)
    });
    assert!(keeps(&text, sentence), "{:?}", kept(&text));
}

#[test]
fn numbers_of_facing_pages_beside_their_head_go() {
    // The middle page printed its number deep in its text; the two others
    // at the top, beside the running head.
    let text = under_heads(|p| match p {
        2 => "gnuplot 5.4".into(),
        _ => format!("{}\ngnuplot 5.4", p + 37),
    });
    assert_eq!(kept(&text), all_body(3, 14));
}

#[test]
fn the_front_matters_roman_number_goes() {
    // "ii" at the foot of the contents, then the page numbered 1.
    let feet = |first: usize| {
        over_feet(move |p| match p {
            1 => "ii".into(),
            _ => (p + first - 2).to_string(),
        })
    };
    let (lines, _) = repaired(&feet(1));
    assert_eq!(texts(&lines), all_body(3, 14));
    assert_eq!(label_texts(&lines), vec!["ii", "1", "2"]);
    // Without a page 1 after it, a roman numeral at a page's foot stays.
    assert!(keeps(&feet(6), "ii"));
}

#[test]
fn a_chapter_title_repeated_in_capitals_at_a_page_top_goes() {
    let text = paginate(
        3,
        14,
        |p| match p {
            2 => Some("Appendix A\n\nA Complete Example".into()),
            3 => Some("APPENDIX A. A COMPLETE EXAMPLE".into()),
            _ => None,
        },
        |p| Some((p + 33).to_string()),
        true,
    );
    let got = kept(&text);
    assert!(
        !got.iter().any(|l| l == "APPENDIX A. A COMPLETE EXAMPLE"),
        "{got:?}"
    );
    assert!(
        ["Appendix A", "A Complete Example"]
            .iter()
            .all(|t| got.iter().any(|l| l == t))
    );
    // Another title in capitals stays.
    let text = text.replace(
        "APPENDIX A. A COMPLETE EXAMPLE",
        "APPENDIX B. ANOTHER EXAMPLE",
    );
    assert!(keeps(&text, "APPENDIX B. ANOTHER EXAMPLE"));
}

#[test]
fn a_table_read_column_by_column_keeps_its_cells() {
    // A table extracted column by column, without form feeds: numbers that
    // happen to count up about a page's length apart (10 ... 14), and row
    // labels in capitals that recur beside them, a different one each time
    // and now above, now below. No line stands beside the numbers as a
    // running head or footer would: nothing is page furniture.
    let labels = ["GARY", "PITT", "CLEV"];
    let mut cells = Vec::new();
    for b in 0..5 {
        for k in 0..12 {
            cells.push(match k {
                5 => (10 + b).to_string(),
                3 if b % 2 == 0 => labels[b % 3].to_string(),
                7 if b % 2 == 1 => labels[b % 3].to_string(),
                // Costs: no counter among them.
                _ => format!("{}.{}", (b * 12 + k) % 9, (b + k) % 7),
            });
        }
    }
    let text = format!(
        "The shipping costs per plant and market:\n\n{}\n",
        cells.join("\n\n")
    );
    let (_, log) = repaired(&text);
    assert_eq!(log.applied(), 0, "{:?}", rules(&log, false));
}

#[test]
fn a_table_header_that_heads_every_table_is_no_running_head() {
    // Tables one after another, each headed "Name" / "Type" /
    // "Description", without form feeds; page numbers (6, 7, 8) a page
    // apart, and on each page the table after the number starts right
    // below it. "Description" stands beside every number, but it heads
    // every table, many more than there are pages: content, not a head.
    let mut text = String::from("The fields of each kind of item:\n\n");
    for page in 0..3 {
        for table in 0..3 {
            if table == 1 {
                text.push_str(&format!("{}\n\n", 6 + page));
            }
            text.push_str("Description\n\nName\n\nType\n\n");
            text.push_str(&format!(
                "field_{page}_{table} String The value of field {table} on page {page}.\n\n"
            ));
        }
    }
    let (lines, log) = repaired(&text);
    let kept = lines
        .iter()
        .filter(|l| l.trimmed() == "Description")
        .count();
    assert_eq!(kept, 9, "{:?}", rules(&log, false));
}

#[test]
fn a_number_at_the_other_edge_of_a_numbered_page_is_content() {
    // Every page prints its number at its top; page 3 ends with a figure
    // whose last labels are "3" and "30": the page's own number is its head.
    let text = paginate(
        4,
        12,
        |p| Some(p.to_string()),
        |p| (p == 3).then(|| "Right\n3\n30".to_string()),
        true,
    );
    let (lines, log) = repaired(&text);
    let kept = texts(&lines);
    let numbers: Vec<&&str> = kept.iter().filter(|t| t.parse::<u32>().is_ok()).collect();
    assert_eq!(numbers, [&"3", &"30"], "{kept:?}");
    assert!(declined(&log, "second-number"));
}

#[test]
fn a_tex_listing_that_opens_two_pages_is_content() {
    // A package manual's listing goes on over the page break: its lines
    // open page 2 and page 3 alike, as a running head would.
    let text = paginate(
        3,
        12,
        |p| (p > 1).then(|| "\\program{Computer Science}\n\\advisor{Alan Turing}".to_string()),
        |p| Some(p.to_string()),
        true,
    );
    let (lines, log) = repaired(&text);
    let kept = texts(&lines);
    let listing = kept.iter().filter(|t| t.starts_with('\\')).count();
    assert_eq!(listing, 4, "{kept:?}");
    assert!(declined(&log, "code-line"));
}

#[test]
fn a_tables_last_row_that_ends_every_page_is_content() {
    // A chart per page, as `pdftotext -layout` sets it, each ending in the
    // same row right above the page's number: the row is the chart's.
    let row = "Mono-Embolex 3000 I.E. Prophylaxe        0       0        1       0";
    let pages: Vec<String> = (1..=4)
        .map(|p| {
            [
                body(p, 6).join("\n"),
                format!("Medication Chart (issued: 0{p}.02.2015)"),
                "Pharmaceutical                      Morning   Noon   Evening   Night".into(),
                format!("Insulin                                  {p}       1        1       0"),
                row.into(),
                String::new(),
                format!("                                          {p}"),
            ]
            .join("\n")
        })
        .collect();
    let (lines, log) = repaired(&pages.join("\n\u{c}"));
    let kept = texts(&lines);
    assert_eq!(kept.iter().filter(|t| **t == row).count(), 4, "{kept:?}");
    assert!(!kept.contains(&"3"), "the page numbers still go: {kept:?}");
    assert!(declined(&log, "table-row"));
}

#[test]
fn centred_numbers_that_count_the_pages_from_one_go() {
    // txtwrite: no form feeds, each page's number centred below its text,
    // the first page's too.
    let centred = |p: usize| Some(format!("{}{p}", " ".repeat(40)));
    let text = paginate(4, 20, |_| None, centred, false);
    let (lines, log) = repaired(&text);
    assert_eq!(texts(&lines), all_body(4, 20), "{:?}", rules(&log, true));
    // The title page prints no number: the others count from 2.
    let from_two = |p: usize| (p > 1).then(|| format!("{}{p}", " ".repeat(40)));
    let text = paginate(4, 20, |_| None, from_two, false);
    assert_eq!(kept(&text), all_body(4, 20));
    // At the margin, numbers that count from 1 a page apart may be a
    // footnote's or a step's: they stay.
    let text = paginate(4, 20, |_| None, |p| Some(p.to_string()), false);
    assert_eq!(kept(&text).len(), 4 * 21);
}

#[test]
fn numbers_that_count_something_else_leave_the_page_numbers_found() {
    // txtwrite of a paper: its pages count from 2, centred below their
    // text. An equation's subscripts, centred too, a "1" just above page
    // 2's number and a "2" a dozen lines into page 3, make the longer
    // chain 1, 2, 3, 4, whose pages are uneven; the true one still counts.
    let centred = |s: &str| format!("{}{s}", " ".repeat(40));
    let mut text = Vec::new();
    for p in 1..=4 {
        let mut page = body(p, 30);
        if p == 3 {
            page.insert(12, centred("2"));
        }
        text.extend(page);
        if p == 2 {
            text.push(centred("1"));
        }
        if p > 1 {
            text.push(centred(&p.to_string()));
        }
    }
    let (lines, log) = repaired(&text.join("\n"));
    let kept = texts(&lines);
    let numbers: Vec<&str> = kept.iter().copied().filter(|t| t.len() == 1).collect();
    assert_eq!(numbers, ["1", "2"], "{:?}", rules(&log, true));
    assert_eq!(kept.len(), 4 * 30 + 2);
}

#[test]
fn slides_that_build_up_a_list_keep_their_repeated_text() {
    // Each slide of a group prints the heading and the opening paragraph
    // again, and one more item of the list: the repetition goes on past
    // the edge lines, so it is no furniture. The deck's header, above
    // every group, recurs on more pages than that, and is.
    let header = "Header left    Presentations with macros    Header right";
    let group = |topic: &str| {
        let opening = vec![
            format!("Slides on {topic}"),
            format!("These slides on {topic} are a subset of the macros for"),
            format!("presentation mode in a reader. On {topic}, most"),
            format!("of them behave as the documents on {topic} do."),
        ];
        let slides: Vec<String> = (1..=3)
            .map(|n| {
                let mut slide = vec![header.to_string()];
                slide.extend(opening.iter().cloned());
                slide.extend((1..=n).map(|i| format!("- item {i} of the list on {topic}")));
                slide.join("\n")
            })
            .collect();
        (opening, slides)
    };
    let (first, pauses) = group("pauses");
    let (second, handouts) = group("handouts");
    let mut slides = vec!["Presentations with macros\nby A. Speaker".to_string()];
    slides.extend(pauses.into_iter().chain(handouts));
    let (lines, log) = repaired(&slides.join("\n\u{c}"));
    let kept = texts(&lines);
    for line in first.iter().chain(&second) {
        assert_eq!(kept.iter().filter(|t| *t == line).count(), 3, "{line}");
    }
    assert!(!kept.contains(&header), "{kept:?}");
    assert!(declined(&log, "repeated-text"));
}

#[test]
fn a_slide_footline_with_its_frame_and_count_goes() {
    // Beamer prints the frame and the frame count at the foot of every
    // page; overlays repeat a frame, so the frame does not count the pages.
    let frames = [3, 4, 4, 5, 6];
    let pages: Vec<String> = frames
        .iter()
        .enumerate()
        .map(|(p, frame)| {
            let mut page = body(p + 1, 6);
            page.push(format!(
                "Ivan Speaker (University)   A theme for slides   2015/12/23   {frame} 17"
            ));
            page.join("\n")
        })
        .collect();
    let (lines, log) = repaired(&pages.join("\n\u{c}"));
    let kept = texts(&lines);
    assert_eq!(kept.len(), 5 * 6, "{:?}", rules(&log, true));
    assert!(kept.iter().all(|t| !t.contains("Speaker")));
}

#[test]
fn numbers_beside_a_recurring_line_of_code_stay() {
    // Each equation's number beside its "\end{equation}": the author's
    // pattern, however regularly it recurs.
    let text = paginate(
        4,
        12,
        |_| None,
        |n| Some(format!("\\end{{equation}}\n{n}")),
        false,
    );
    assert_eq!(kept(&text).len(), 4 * 14);
}

#[test]
fn numbers_in_brackets_without_form_feeds_stay() {
    // "(1)" ... "(4)" a page apart with a line beside each that recurs: an
    // example's number and its header, not a page's.
    let text = paginate(
        4,
        12,
        |_| None,
        |n| Some(format!("({n})\nThis code prints")),
        false,
    );
    assert_eq!(kept(&text).len(), 4 * 14);
}

#[test]
fn names_that_count_in_a_table_are_no_facing_heads() {
    // A table of book names read column by column, twice, a page apart,
    // and "2 Timothy" between: "1 John" and "3 John" look like the heads
    // of pages 1 and 3 with page 2's between, but "1 John", "2 John" and
    // "3 John" also count up on lines next to each other.
    let books = ["1 John", "2 John", "3 John"].map(String::from);
    let mut text: Vec<String> = body(1, 12);
    text.extend(books.clone());
    text.extend(body(2, 15));
    text.push("2 Timothy".into());
    text.extend(body(3, 15));
    text.extend(books);
    text.extend(body(4, 12));
    let text = text.join("\n");
    let (lines, log) = repaired(&text);
    assert_eq!(
        texts(&lines).len(),
        12 + 3 + 15 + 1 + 15 + 3 + 12,
        "{:?}",
        rules(&log, false)
    );
}

#[test]
fn a_sections_title_printed_as_running_head_goes() {
    // Under the document's header, each page opens with the section's
    // number and title; where the section starts on the page, its own
    // heading follows right below.
    let heads = [
        "1 Introduction",
        "2 About",
        "5 New commands",
        "5 New commands",
    ];
    let mut pages: Vec<String> = Vec::new();
    for (p, head) in heads.iter().enumerate() {
        let mut page: Vec<String> = Vec::new();
        if p > 0 {
            page.push("chemexec v1.0".into());
            page.push(head.to_string());
        }
        if p == 1 {
            page.push("2 About".into());
        }
        if p == 2 {
            page.extend(body(p, 3));
            page.push("5 New commands".into());
        }
        page.extend(body(p, 12));
        pages.push(page.join("\n"));
    }
    let text = pages.join("\n\u{c}");
    let got = kept(&text);
    // One "2 About" and one "5 New commands" stay: the sections' headings.
    assert_eq!(got.iter().filter(|l| *l == "2 About").count(), 1, "{got:?}");
    assert_eq!(
        got.iter().filter(|l| *l == "5 New commands").count(),
        1,
        "{got:?}"
    );
    assert!(!got.iter().any(|l| l == "chemexec v1.0"), "{got:?}");
}

#[test]
fn a_section_that_opens_a_page_keeps_its_heading() {
    // Without a running header, the section's heading at the top of its
    // page is printed again at the top of the next: the first stays.
    let page = |p: usize| {
        let head = match p {
            2 | 3 => "3 Numbering Compounds\n",
            _ => "",
        };
        format!("{head}{}", body(p, 14).join("\n"))
    };
    let text = (1..=6).map(page).collect::<Vec<_>>().join("\n\u{c}");
    let got = kept(&text);
    assert_eq!(
        got.iter().filter(|l| *l == "3 Numbering Compounds").count(),
        1,
        "{got:?}"
    );
    assert_eq!(got[14], "3 Numbering Compounds", "{got:?}");
    // A heading that opens one page only stays, whatever the page.
    let page = |p: usize| {
        let head = if p == 2 {
            "3 Numbering Compounds\n"
        } else {
            ""
        };
        format!("{head}{}", body(p, 14).join("\n"))
    };
    let text = (1..=6).map(page).collect::<Vec<_>>().join("\n\u{c}");
    assert_eq!(kept(&text).len(), 6 * 14 + 1);
}

/// A texinfo manual as ghostscript's txtwrite gives it: no form feeds; the
/// head "Chapter N: Title" with the page number far right on every page but
/// a chapter's first, which prints its number alone, centred, and txtwrite
/// writes that foot first. Pages of 14 body lines from page 22; page 25
/// opens chapter 6.
fn texinfo_pages(titles: [&str; 2]) -> String {
    let mut out = Vec::new();
    for p in 22..=28 {
        let chapter = if p < 25 { 0 } else { 1 };
        if p == 25 {
            out.push(format!("{:>50}", p));
            out.push(format!("          6 {}", titles[1]));
        } else {
            out.push(format!(
                "     Chapter {}: {}{:>60}",
                5 + chapter,
                titles[chapter],
                p
            ));
        }
        out.extend(body(p, 14).into_iter().map(|l| format!("     {l}")));
    }
    out.join("\n")
}

#[test]
fn texinfo_heads_of_every_chapter_go_with_a_chapters_first_number() {
    for titles in [
        ["Objects", "Functions"],
        ["R Add-On Packages", "R and Emacs"],
    ] {
        let text = texinfo_pages(titles);
        let (lines, log) = repaired(&text);
        let mut want: Vec<String> = Vec::new();
        for p in 22..=28 {
            if p == 25 {
                want.push(format!("6 {}", titles[1]));
            }
            want.extend(body(p, 14));
        }
        assert_eq!(texts(&lines), want, "{:?}", rules(&log, true));
        assert_eq!(log.summary()["page-artifacts/running-header"], 6);
    }
}

#[test]
fn a_sentence_that_names_a_chapter_is_no_head() {
    // Lines a page's length apart that open with a chapter and its number
    // and end in a number, but with no colon after the chapter's number:
    // prose, whose chapter numbers keep their lines apart.
    let text = paginate(
        4,
        14,
        |p| Some(format!("Chapter {p} covers {}", p + 20)),
        |_| None,
        false,
    );
    assert!(keeps(&text, "Chapter 2 covers 22"));
}

#[test]
fn a_labelled_head_on_odd_pages_takes_the_even_pages_head_along() {
    // Octave: "Chapter 17: Arithmetic 563" on odd pages, "564 GNU Octave
    // (version 7.3.0)" on even ones; neither alone is the whole chain.
    let text = paginate(
        4,
        14,
        |p| {
            let n = p + 562;
            Some(if n % 2 == 1 {
                format!("Chapter 17: Arithmetic   {n}")
            } else {
                format!("{n}   GNU Octave (version 7.3.0)")
            })
        },
        |_| None,
        false,
    );
    let (lines, log) = repaired(&text);
    assert_eq!(texts(&lines), all_body(4, 14), "{:?}", rules(&log, true));
}

#[test]
fn a_browsers_address_read_before_a_tables_last_cells_goes() {
    // pdftotext reads the foot's address, then the cells of a table's
    // last row, then the foot's counter.
    let text = paginate(
        3,
        12,
        |_| Some("3/2/26, 10:15 AM\nA Page Title".into()),
        |p| {
            Some(if p == 1 {
                format!("http://docs.example.org/page.html\nExample\ntarget/debug/\n{p}/3")
            } else {
                format!("http://docs.example.org/page.html\n{p}/3")
            })
        },
        true,
    );
    let kept = kept(&text);
    assert!(!kept.iter().any(|l| l.starts_with("http")), "{kept:#?}");
    assert!(kept.iter().any(|l| l == "target/debug/"), "{kept:#?}");
}

#[test]
fn two_chapter_heads_after_a_chapters_first_page_go() {
    // Three pages: the chapter opens on page 115 with its number alone,
    // pages 116 and 117 print the head.
    let mut out = vec![format!("{:>50}", 115), "          4 Debugging".to_string()];
    out.extend(body(1, 14).into_iter().map(|l| format!("     {l}")));
    for p in [116, 117] {
        out.push(format!("     Chapter 4: Debugging{:>60}", p));
        out.extend(body(p - 114, 14).into_iter().map(|l| format!("     {l}")));
    }
    let (lines, log) = repaired(&out.join("\n"));
    let mut want = vec!["4 Debugging".to_string()];
    want.extend(all_body(3, 14));
    assert_eq!(texts(&lines), want, "{:?}", rules(&log, true));
}

/// A slide revealed step by step prints its first lines again on each
/// step, at the top of the page under the running head: those lines are
/// sentences of the text, not furniture, and stay on every page.
#[test]
fn a_slides_repeated_sentences_are_no_running_head() {
    let slide = |n: usize, extra: &str| {
        format!(
            "Deck title                      Header right\n\
             Slides begin with the macro that sets the deck, where you choose the\n\
             aspect ratio and the transitions, and set up the headers and footers.\n\
             {extra}{n}\n"
        )
    };
    let text = [
        slide(1, ""),
        slide(2, "You may give the deck a title at the top of its file.\n"),
        slide(3, "You may give the deck a title at the top of its file.\nThe title goes into the file's metadata.\n"),
    ]
    .join("\u{c}");
    let (lines, log) = repaired(&text);
    let kept = texts(&lines);
    assert_eq!(
        kept.iter()
            .filter(|l| l.starts_with("Slides begin"))
            .count(),
        3,
        "{kept:?}"
    );
    assert_eq!(
        kept.iter()
            .filter(|l| l.starts_with("aspect ratio"))
            .count(),
        3,
        "{kept:?}"
    );
    // The head goes from every page but the first, where it is the title.
    assert_eq!(
        kept.iter().filter(|l| l.starts_with("Deck title")).count(),
        1,
        "{kept:?}"
    );
    assert!(declined(&log, "prose-line"), "{:?}", rules(&log, true));
}

#[test]
fn prose_and_labels_at_page_edges() {
    use super::reads_as_prose;
    assert!(reads_as_prose(
        "aspect ratio and transition effects, and set up headers and footers."
    ));
    assert!(reads_as_prose(
        "Mom slides begin with the macro DOCTYPE SLIDES, where you choose the"
    ));
    assert!(!reads_as_prose("Introduction to the ejpecp Class"));
    assert!(!reads_as_prose("ECP 0 (2020), paper 0."));
    assert!(!reads_as_prose(
        "A Simple Example of the llncsconf Package for LATEX   3"
    ));
    assert!(!reads_as_prose(
        "$1,a$            1, a            1, a         1, a"
    ));
    assert!(!reads_as_prose(
        "RFC 5321          SMTP          October 2008"
    ));
}

/// The last line of a page's Chinese text, ending its sentence with "。"
/// beside the page's number, is text, though the pages beside print their
/// head there.
#[test]
fn a_chinese_sentence_beside_the_number_is_no_head() {
    use super::reads_as_sentence;
    assert!(reads_as_sentence(
        "Make.bat 在正常情况下应该是 CRLF（\\r\\n）换行的。"
    ));
    assert!(!reads_as_sentence("北京大学本科生毕业论文"));
    assert!(!reads_as_sentence("第4节     信息录入"));
}

/// A journal's article, extracted without form feeds: the heads of facing
/// pages print the article's number and the page ("111:4  Trovato et al.",
/// "The Name of the Title  111:5"), and the numbered section headings in
/// capitals stand a page's length apart here and there, the first and
/// the third at the top of pages 1 and 3. The heads go; every heading
/// stays, though its number fits a page: its shape counts up a few lines
/// apart ("4 TYPEFACES" just above "5 TITLE INFORMATION").
#[test]
fn numbered_headings_in_capitals_are_no_page_counter() {
    let head = |p: usize| {
        if p % 2 == 0 {
            format!("111:{p}                                  Trovato et al.")
        } else {
            format!("The Name of the Title                    111:{p}")
        }
    };
    let foot = "J. ACM, Vol. 37, No. 4, Article 111. Publication date: August 2018.";
    // Page by page: the sections that open after the given body line.
    let sections: [&[(usize, &str)]; 6] = [
        &[(0, "1 INTRODUCTION"), (14, "2 TEMPLATE OVERVIEW")],
        &[],
        &[
            (0, "3 AUTHORS AND AFFILIATIONS"),
            (6, "4 TYPEFACES"),
            (9, "5 TITLE INFORMATION"),
            (20, "6 RIGHTS INFORMATION"),
        ],
        &[(12, "7 SECTIONING COMMANDS")],
        &[(5, "8 TABLES")],
        &[(6, "9 MATH EQUATIONS")],
    ];
    let mut out = Vec::new();
    for (i, opening) in sections.iter().enumerate() {
        let p = i + 1;
        if p > 1 {
            out.push(head(p));
        }
        for (k, line) in body(p, 24).into_iter().enumerate() {
            out.extend(
                opening
                    .iter()
                    .filter(|(at, _)| *at == k)
                    .map(|(_, s)| s.to_string()),
            );
            out.push(line);
        }
        out.push(foot.to_string());
    }
    let (lines, _) = repaired(&out.join("\n"));
    let kept = texts(&lines);
    for title in sections.iter().flat_map(|s| s.iter().map(|(_, t)| *t)) {
        assert!(kept.contains(&title), "{title} went: {kept:?}");
    }
    assert!(
        !kept
            .iter()
            .any(|t| t.contains("111:") || t.starts_with("J. ACM")),
        "{kept:?}"
    );
}

/// A short last page puts its footer a few lines after the one before:
/// "Seite 2" closing page 2 and "Seite 3" closing page 3 six lines later
/// count the pages, not sections within one.
#[test]
fn a_short_last_pages_footer_still_counts() {
    let page = |p: usize, n: usize| {
        let mut lines = body(p, n);
        lines.push(format!("Seite {p}"));
        lines.join("\n")
    };
    let text = [page(1, 14), page(2, 14), page(3, 5)].join("\n\u{c}");
    let (lines, _) = repaired(&text);
    let kept = texts(&lines);
    assert!(!kept.iter().any(|t| t.starts_with("Seite")), "{kept:?}");
}

#[test]
fn running_heads_outvote_a_figures_labels_that_fit_as_many_pages() {
    // Pages 16 to 21 of a manual whose heads alternate ("16 BENJAMIN M c
    // KAY", "THE LIE HASSE PACKAGE 17"); a diagram's node labels "1", "2"
    // and "4" stand at the top of pages 1, 2 and 4 of the excerpt, so that
    // they too fit three pages, two of them neighbours, counted from the
    // first.
    let text = paginate(
        6,
        14,
        |p| {
            let printed = p + 15;
            let head = if printed % 2 == 0 {
                format!("{printed}          BENJAMIN M c KAY")
            } else {
                format!("THE LIE HASSE PACKAGE          {printed}")
            };
            let label = [1, 2, 4].contains(&p).then(|| format!("\n{p}"));
            Some(head + &label.unwrap_or_default())
        },
        |_| None,
        true,
    );
    let (lines, _) = repaired(&text);
    let kept = texts(&lines);
    for label in ["1", "2", "4"] {
        assert!(kept.contains(&label), "label {label} lost: {kept:?}");
    }
    assert!(
        !kept
            .iter()
            .any(|t| t.contains("BENJAMIN") || t.contains("HASSE")),
        "{kept:?}"
    );
    assert_eq!(label_texts(&lines)[..2], ["16", "17"]);
}

#[test]
fn a_column_of_fractions_is_no_page_label() {
    // Two tables of fractions a page's length apart in a text without form
    // feeds: "1/3" and "2/3" count up from one table to the next as a
    // browser's page labels would, but each table holds both.
    let mut lines = body(1, 12);
    for table in 0..2 {
        lines.extend(["Sn: 2c", "1/3", "2/3", "0.2831"].map(String::from));
        lines.extend(body(table + 2, 14));
    }
    let text = lines.join("\n");
    let kept = kept(&text);
    assert_eq!(
        kept.iter().filter(|t| t.ends_with("/3")).count(),
        4,
        "{kept:?}"
    );
}

#[test]
fn numbers_alone_to_the_last_line_count_pages_of_any_length() {
    // Ghostscript's text of pages 11 to 16 without form feeds: each page's
    // number centred at its foot, the last on the text's last line, and one
    // page of a figure holding a few lines only.
    let lengths = [20, 11, 32, 28, 60, 59];
    let text = |numbered: &dyn Fn(usize) -> String| {
        let mut lines = Vec::new();
        for (p, &n) in lengths.iter().enumerate() {
            lines.extend(body(p + 1, n));
            lines.push(numbered(p + 11));
        }
        lines.join("\n")
    };
    let numbers = |text: &str| {
        kept(text)
            .into_iter()
            .filter(|t| t.parse::<u32>().is_ok())
            .count()
    };
    assert_eq!(numbers(&text(&|n| format!("{n:>40}"))), 0);
    // At the margin, as a list's or a step's number stands, they stay.
    assert_eq!(numbers(&text(&|n| n.to_string())), 6);
}

#[test]
fn a_chapters_number_under_its_label_is_no_page_number() {
    // A thesis's chapter opens page 1: "Chapter" / "1" / "Introduction"
    // atop it, the page's own "1" at its foot; the pages after it print
    // their numbers under a running head.
    let mut pages = vec![
        ["Chapter", "1", "Introduction"]
            .into_iter()
            .map(String::from)
            .chain(body(1, 14))
            .chain(["1".to_string()])
            .collect::<Vec<_>>(),
    ];
    for p in 2..=3 {
        let mut page = vec!["Chapter 1. Introduction".to_string(), p.to_string()];
        page.extend(body(p, 14));
        pages.push(page);
    }
    let text = pages
        .iter()
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\u{c}");
    let (lines, log) = repaired(&text);
    let kept = texts(&lines);
    assert_eq!(kept[..3], ["Chapter", "1", "Introduction"], "{kept:?}");
    assert_eq!(kept.iter().filter(|t| **t == "1").count(), 1, "{kept:?}");
    assert!(declined(&log, "part-number"));
}

#[test]
fn a_sections_number_atop_a_page_numbered_at_its_foot_stays() {
    // pypdf's text of a journal sample: pages 2 and 3 open with a section
    // ("2" / "Section headings") and print their numbers at the foot.
    let page = |p: usize, first: &[&str], foot: bool| {
        let mut lines: Vec<String> = first.iter().map(|s| s.to_string()).collect();
        lines.extend(body(p, 14));
        lines.extend(foot.then(|| p.to_string()));
        lines.join("\n")
    };
    let text = [
        page(1, &["Introduction"], true),
        page(2, &["2", "Section headings"], true),
        page(3, &["3", "Lists"], true),
    ]
    .join("\n\u{c}");
    let (lines, log) = repaired(&text);
    let first = texts(&lines);
    for (number, title) in [("2", "Section headings"), ("3", "Lists")] {
        let at = first.iter().position(|t| *t == title).unwrap();
        assert_eq!(first[at - 1], number, "{first:?}");
    }
    assert_eq!(
        first.iter().filter(|t| t.len() == 1).count(),
        2,
        "{first:?}"
    );
    assert!(declined(&log, "section-number"));
    // A document that prints its numbers at both edges shows it on a page
    // whose top number stands above plain text: all its numbers go.
    let text = [
        page(1, &["1", "goes on from the page before"], true),
        page(2, &["2", "Section headings"], true),
        page(3, &["3", "Lists"], true),
    ]
    .join("\n\u{c}");
    let kept = kept(&text);
    assert!(!kept.iter().any(|t| t.len() == 1), "{kept:?}");
}

/// A song's source numbers its lines ("8   Mary had a little lamb \\");
/// the typeset song prints its title atop a later page. A listing's line
/// is no numbered heading, so the title is no running head.
#[test]
fn a_numbered_line_of_a_listing_is_no_heading_a_page_head_repeats() {
    let page = |p: usize| {
        let mut page: Vec<String> = Vec::new();
        if p == 3 {
            page.push("Mary Had A Little Lamb".into());
        }
        page.extend(body(p, 6));
        if p == 2 {
            page.push("8   Mary had a little lamb \\\\".into());
        }
        page.extend(body(p, 8));
        page.join("\n")
    };
    let text = (1..=3).map(page).collect::<Vec<_>>().join("\n\u{c}");
    let (lines, _) = repaired(&text);
    assert!(texts(&lines).contains(&"Mary Had A Little Lamb"));
}

#[test]
fn a_sections_title_without_its_number_atop_a_page_goes() {
    // DocBook prints the section's title without its number atop each
    // page; `-layout` wraps a long one and hyphenates it. The numbered
    // heading, wrapped too, stands further down a page.
    let page = |p: usize| {
        let mut page: Vec<String> = Vec::new();
        match p {
            2 => page.push("Why Copies Are Made in a Variant Directory Tree".into()),
            3 => page.extend([
                "Why Copies Are Made in a Variant Directo-".into(),
                "ry Tree".into(),
            ]),
            _ => {}
        }
        page.extend(body(p, 6));
        if p == 2 {
            page.extend([
                "15.2. Why Copies Are Made in a".into(),
                "Variant Directory Tree".into(),
            ]);
        }
        page.extend(body(p, 8));
        page.join("\n")
    };
    let text = (1..=3).map(page).collect::<Vec<_>>().join("\n\u{c}");
    let (lines, log) = repaired(&text);
    let got = texts(&lines);
    assert!(!got.iter().any(|l| l.starts_with("Why Copies")), "{got:?}");
    assert!(!got.contains(&"ry Tree"), "{got:?}");
    assert!(got.contains(&"15.2. Why Copies Are Made in a"), "{got:?}");
    assert_eq!(
        rules(&log, false)
            .iter()
            .filter(|r| r.starts_with("section-header"))
            .count(),
        3
    );
    // A line of text that repeats a numbered line of verse (a parallel
    // edition) is no head: it holds a sentence.
    let page = |p: usize| {
        let mut page: Vec<String> = Vec::new();
        if p == 2 {
            page.push("Lorem ipsum dolor sit amet, consectetur adipiscing".into());
        }
        page.extend(body(p, 6));
        if p == 3 {
            page.push("5 Lorem ipsum dolor sit amet, consectetur adipiscing".into());
        }
        page.extend(body(p, 8));
        page.join("\n")
    };
    let text = (1..=3).map(page).collect::<Vec<_>>().join("\n\u{c}");
    assert!(keeps(
        &text,
        "Lorem ipsum dolor sit amet, consectetur adipiscing"
    ));
}

#[test]
fn a_head_in_capitals_behind_the_pages_first_line_goes() {
    // pdftotext puts one page's first line of text before its head; the
    // other pages print the same head as their outermost text.
    let page = |p: usize| {
        let mut page: Vec<String> = vec![format!("{}", 76 + p)];
        if p == 4 {
            page.push("Stream is neither a variable nor a stream".into());
        }
        if p % 2 == 0 {
            page.push("PROLOG BUILT-IN PREDICATES".into());
        }
        page.extend(body(p, 12));
        page.join("\n")
    };
    let text = (1..=6).map(page).collect::<Vec<_>>().join("\n\u{c}");
    let got = kept(&text);
    assert!(
        !got.iter().any(|l| l == "PROLOG BUILT-IN PREDICATES"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|l| l == "Stream is neither a variable nor a stream")
    );
    // A line in capitals behind the first line of a page, which no other
    // page prints at its edge, is the page's own: a thesis's title pages.
    let text = "ABSTRACT\nTHE SYNTAX OF PHONOLOGY\nBy\nJoe Linguist\n\u{c}Copyright by\nJOE LINGUIST\n2021\n\u{c}ACKNOWLEDGEMENTS\n\nYour acknowledgements here.\n\u{c}TABLE OF CONTENTS\n\nLIST OF TABLES\n";
    assert!(keeps(text, "JOE LINGUIST"), "{:?}", kept(text));
}

#[test]
fn a_browsers_title_behind_its_date_goes_though_one_page_reads_it_late() {
    // pdftotext sets a printed web page's date and title apart, and on one
    // page reads the cells of a table at its top before the title.
    let text = paginate(
        4,
        12,
        |p| {
            Some(if p == 3 {
                "12/6/26, 7:29 PM\nline_ending\nspace\nnewline\n::=\n::=\nVim documentation: pattern"
                    .into()
            } else {
                "12/6/26, 7:29 PM\nVim documentation: pattern".into()
            })
        },
        |p| {
            Some(format!(
                "file:///usr/share/doc/vim/html/pattern.html\n{p}/4"
            ))
        },
        true,
    );
    // The first page's stays as the document's title; the late one stays
    // as the text of its page (no edge holds it); pages 2 and 4's go.
    let kept = kept(&text);
    let titles = kept
        .iter()
        .filter(|l| *l == "Vim documentation: pattern")
        .count();
    assert_eq!(titles, 2, "{kept:#?}");
    assert_eq!(kept[0], "Vim documentation: pattern");
    assert!(kept.iter().any(|l| l == "line_ending"), "{kept:#?}");
}

/// A manual page as pdftotext sets it: its head's three parts on lines of
/// their own ("HYPERFINE(1)" / "User Commands" / "HYPERFINE(1)"), its foot
/// a release, a date and the page number. The name and section read as a
/// call to the code rules, and the release as a date: all of it goes but
/// the first page's head below its first line, which reads as the
/// document's title.
#[test]
fn a_manual_pages_head_and_foot_go() {
    let text = paginate(
        3,
        12,
        |_| Some("HYPERFINE(1)\n\nUser Commands\n\nHYPERFINE(1)\n".into()),
        |p| Some(format!("\n10.00.0\n\nJanuary 2023\n\n{p}")),
        true,
    );
    let (lines, log) = repaired(&text);
    // The first page's head stays but for its first line, as a first
    // page's title does.
    let mut expected = vec!["User Commands".to_string(), "HYPERFINE(1)".into()];
    expected.extend(all_body(3, 12));
    assert_eq!(texts(&lines), expected, "{:#?}", rules(&log, true));
    assert!(is_manual_page_name("GS(1)") && is_manual_page_name("printf(3p)"));
    assert!(!is_manual_page_name("f(x)") && !is_manual_page_name("g(1)"));
    assert!(is_release_number("10.00.0") && !is_release_number("2.1"));
}

/// A section's number that looks like a date ("2.9.2") stays a number: a
/// page opening on three such sections in a row keeps them.
#[test]
fn a_section_number_is_no_date() {
    assert_eq!(
        shape::shape("2.9.2").map(|s| s.literal),
        Some("2.9.2".into())
    );
    assert_eq!(
        shape::shape("10.00.0").map(|s| s.literal),
        Some("10.00.0".into())
    );
    assert_eq!(
        shape::shape("12/7/26").map(|s| s.literal),
        Some("<date>".into())
    );
}
