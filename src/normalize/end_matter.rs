//! End matter and front matter that live in the metadata, not the body:
//!
//! * the abstract: a "Summary" or "Abstract" section that opens the body goes
//!   to `meta.abstract_`, its heading kept as the abstract's title;
//! * the author biography: a closing paragraph that introduces an author
//!   ("Dr Ivan Lidarev is a Visiting Research Fellow at ...") goes to that
//!   author's `bio`, and the e-mail address and institutions it names go to
//!   the author's `email` and `affiliations`;
//! * closing sections titled "Acknowledgements", "Disclaimer", "Notes" or
//!   "References" go to `doc.back`.

use crate::model::{Abstract, Author, BackKind, BackMatter, Block, Document, Span, plain_text};

use super::{Pass, RepairLog, Stage};

pub const PASS: Pass = Pass {
    name: NAME,
    about: "move the abstract, author bios and closing notes out of the body",
    stage: Stage::Tree(run),
};

const NAME: &str = "end-matter";

/// Longest abstract, in blocks: a longer "Summary" section is a chapter.
const MAX_ABSTRACT_BLOCKS: usize = 6;

/// A biography is one of the last few blocks of the body.
const BIO_WINDOW: usize = 3;

/// Titles before a name in a biography.
const HONORIFICS: &[&str] = &[
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
];

/// Words that make a run of capitalised words the name of an institution.
const INSTITUTION_WORDS: &[&str] = &[
    "Institute",
    "University",
    "College",
    "School",
    "Centre",
    "Center",
    "Department",
    "Laboratory",
    "Laboratories",
    "Foundation",
    "Academy",
    "Council",
    "Agency",
    "Ministry",
    "Organisation",
    "Organization",
    "Corporation",
    "Society",
    "Hospital",
    "Museum",
    "Library",
    "Office",
];

/// Lower-case words allowed inside an institution's name.
const NAME_JOINERS: &[&str] = &["of", "for", "and", "the", "de", "on", "in"];

pub fn run(doc: &mut Document, log: &mut RepairLog) {
    abstract_section(doc, log);
    back_sections(doc, log);
    biography(doc, log);
}

fn heading_text(b: &Block) -> Option<String> {
    match b {
        Block::Heading { content, .. } => Some(plain_text(content)),
        _ => None,
    }
}

fn abstract_section(doc: &mut Document, log: &mut RepairLog) {
    if doc.meta.abstract_.is_some() {
        return;
    }
    let Some(first) = doc.blocks.first().and_then(heading_text) else {
        return;
    };
    let name = first.trim_end_matches(':').to_lowercase();
    if !matches!(name.as_str(), "summary" | "abstract" | "executive summary") {
        return;
    }
    // The section runs to the next heading. Without one, nothing marks where
    // the summary ends and the body begins, so it is the first block only.
    let next_heading = doc.blocks[1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { .. }))
        .map(|p| p + 1);
    let end = match next_heading {
        Some(end) if end <= MAX_ABSTRACT_BLOCKS + 1 => end,
        _ => 2,
    };
    if end < 2 || end > doc.blocks.len() || !matches!(doc.blocks[1], Block::Paragraph { .. }) {
        return;
    }
    let span = doc.blocks[..end]
        .iter()
        .fold(Span::UNKNOWN, |s: Span, b| s.join(b.span()));
    if !log.approve(NAME, "abstract", span, first.clone(), "meta.abstract") {
        return;
    }
    let mut taken: Vec<Block> = doc.blocks.drain(..end).collect();
    let heading = taken.remove(0);
    let Block::Heading { content, .. } = heading else {
        unreachable!("checked above")
    };
    doc.meta.abstract_ = Some(Abstract {
        title: Some(content),
        blocks: taken,
    });
}

fn back_kind(title: &str) -> Option<BackKind> {
    let t = title.trim_end_matches(':').to_lowercase();
    Some(match t.as_str() {
        "acknowledgements" | "acknowledgments" | "acknowledgement" | "acknowledgment" => {
            BackKind::Acknowledgements
        }
        "disclaimer" | "disclaimers" => BackKind::Disclaimer,
        "notes" | "endnotes" | "footnotes" => BackKind::Notes,
        "references" | "bibliography" | "further reading" | "works cited" => BackKind::References,
        _ => return None,
    })
}

/// Closing sections with an end-matter title, from the end of the body up.
fn back_sections(doc: &mut Document, log: &mut RepairLog) {
    let mut found = Vec::new();
    // A closing section follows some body: a document that opens with
    // "Notes" is not all end matter.
    while let Some(h) = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
        .filter(|&h| h > 0)
    {
        let Some(kind) = heading_text(&doc.blocks[h]).as_deref().and_then(back_kind) else {
            break;
        };
        let heading = &doc.blocks[h];
        if !log.approve(
            NAME,
            "back-matter",
            heading.span(),
            heading.plain_text(),
            kind.label(),
        ) {
            // Rejected: this section stays in the body, and so does
            // everything above it.
            break;
        }
        let mut taken: Vec<Block> = doc.blocks.drain(h..).collect();
        let heading = taken.remove(0);
        let Block::Heading { content, .. } = heading else {
            unreachable!("checked above")
        };
        found.push(BackMatter {
            kind,
            title: Some(content),
            blocks: taken,
        });
    }
    // A closing paragraph that says what it is ("Disclaimer: ...").
    if let Some(Block::Paragraph { content, span }) = doc.blocks.last() {
        let text = plain_text(content);
        if let Some((label, _)) = text.split_once(':')
            && let Some(kind) = back_kind(label)
            && log.approve(NAME, "back-matter", *span, label.to_string(), kind.label())
        {
            let block = doc.blocks.pop().expect("checked above");
            found.push(BackMatter {
                kind,
                title: None,
                blocks: vec![block],
            });
        }
    }
    found.reverse();
    doc.back.splice(0..0, found);
}

fn biography(doc: &mut Document, log: &mut RepairLog) {
    let n = doc.blocks.len();
    for i in (n.saturating_sub(BIO_WINDOW)..n).rev() {
        let Block::Paragraph { content, span } = &doc.blocks[i] else {
            continue;
        };
        let text = plain_text(content);
        let Some(name) = bio_subject(&text) else {
            continue;
        };
        let span = *span;
        let author = match find_author(&doc.meta.authors, &name) {
            Some(a) => a,
            None if doc.meta.authors.is_empty() => {
                // The name now stands twice: as the author and in the bio.
                if !log.approve(NAME, "author-from-bio", span, "", name.clone()) {
                    continue;
                }
                doc.meta.authors.push(Author::from_name(&name));
                0
            }
            None => continue,
        };
        let a = &mut doc.meta.authors[author];
        if !log.approve(
            NAME,
            "author-bio",
            span,
            name.clone(),
            format!("bio of {}", a.name),
        ) {
            return;
        }
        let block = doc.blocks.remove(i);
        if a.email.is_none()
            && let Some(email) = find_email(&text)
            && log.approve(
                NAME,
                "author-email",
                span,
                email.clone(),
                format!("email of {}", a.name),
            )
        {
            a.email = Some(email);
        }
        let institutions = find_institutions(&text);
        if a.affiliations.is_empty() && !institutions.is_empty() {
            let affiliation = institutions.join(", ");
            if log.approve(
                NAME,
                "author-affiliation",
                span,
                affiliation.clone(),
                format!("affiliation of {}", a.name),
            ) {
                a.affiliations.push(affiliation);
            }
        }
        a.bio.push(block);
        let name = a.name.clone();
        bio_heading(doc, i, &name, log);
        return;
    }
}

/// The heading over a biography ("About the author", as Recto's EPUB and
/// many briefs print it) goes with the bio: left behind it would head an
/// empty section. Only when the bio was the heading's whole section. A
/// line with just the author's name over the bio goes too (the EPUB heads
/// each bio with the name): it is the bio's label, not a section.
fn bio_heading(doc: &mut Document, mut bio_at: usize, name: &str, log: &mut RepairLog) {
    let Some(mut h) = bio_at.checked_sub(1) else {
        return;
    };
    let is_name = |b: &Block| {
        matches!(b, Block::Heading { .. } | Block::Paragraph { .. })
            && b.plain_text().trim().eq_ignore_ascii_case(name)
    };
    let alone = doc
        .blocks
        .get(bio_at)
        .is_none_or(|b| matches!(b, Block::Heading { .. }));
    if alone
        && is_name(&doc.blocks[h])
        && log.approve(
            NAME,
            "author-bio-name",
            doc.blocks[h].span(),
            doc.blocks[h].plain_text(),
            "",
        )
    {
        doc.blocks.remove(h);
        bio_at = h;
        let Some(above) = h.checked_sub(1) else {
            return;
        };
        h = above;
    }
    let alone = doc
        .blocks
        .get(bio_at)
        .is_none_or(|b| matches!(b, Block::Heading { .. }));
    let is_bio_title = heading_text(&doc.blocks[h]).is_some_and(|t| {
        matches!(
            t.trim_end_matches(':').to_lowercase().as_str(),
            "about the author" | "about the authors" | "the author" | "the authors" | "biography"
        )
    });
    if alone
        && is_bio_title
        && log.approve(
            NAME,
            "author-bio-heading",
            doc.blocks[h].span(),
            doc.blocks[h].plain_text(),
            "",
        )
    {
        doc.blocks.remove(h);
    }
}

/// The person a biography is about: "Dr Ivan Lidarev is ..." -> "Ivan
/// Lidarev". The paragraph must open with an honorific or a capitalised name
/// followed by "is" or "was".
fn bio_subject(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let verb = words
        .iter()
        .take(7)
        .position(|w| matches!(*w, "is" | "was" | "has" | "holds" | "teaches" | "works"))?;
    let mut name = &words[..verb];
    let honorific = name.first().is_some_and(|w| HONORIFICS.contains(w));
    if honorific {
        name = &name[1..];
    }
    let capitalised = name.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
    });
    let mentions_role = text.contains(" at ") || text.contains('@');
    ((2..=4).contains(&name.len()) && capitalised && (honorific || mentions_role))
        .then(|| name.join(" "))
}

fn find_author(authors: &[Author], name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    authors.iter().position(|a| {
        let an = a.name.to_lowercase();
        an == lower
            || a.surname
                .as_deref()
                .is_some_and(|s| lower.split_whitespace().any(|w| w == s.to_lowercase()))
    })
}

/// The first e-mail address in the text, without surrounding punctuation.
pub fn find_email(text: &str) -> Option<String> {
    text.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let (user, host) = w.split_once('@')?;
        (!user.is_empty() && host.contains('.') && !host.contains('@')).then(|| w.to_string())
    })
}

/// Names of institutions in the text, in order: runs of capitalised words
/// (with "of", "the" and such inside) that contain a word such as
/// "Institute" or "University".
pub fn find_institutions(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let starts = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !starts(&clean(words[i])) {
            i += 1;
            continue;
        }
        // Extend the run while words are capitalised or joiners; stop at a
        // word that carries closing punctuation.
        let mut j = i;
        let mut run: Vec<String> = Vec::new();
        while j < words.len() {
            let w = words[j];
            let c = clean(w);
            let ok = starts(&c) || (NAME_JOINERS.contains(&c.as_str()) && !run.is_empty());
            if !ok || c.is_empty() || w.starts_with('(') {
                break;
            }
            run.push(c);
            j += 1;
            if w.ends_with([',', '.', ';', ':', ')']) {
                break;
            }
        }
        while run
            .last()
            .is_some_and(|w| NAME_JOINERS.contains(&w.as_str()))
        {
            run.pop();
        }
        // "the Institute": a leading capitalised article is not the name.
        while run.first().is_some_and(|w| w == "The" || w == "A") && run.len() > 1 {
            run.remove(0);
        }
        if run.iter().any(|w| INSTITUTION_WORDS.contains(&w.as_str())) {
            let name = run.join(" ");
            if !out.contains(&name) {
                out.push(name);
            }
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIO: &str = "Dr Ivan Lidarev is a Visiting Research Fellow at the Institute of South Asian Studies (ISAS), an autonomous research institute at the National University of Singapore (NUS). He can be contacted at ivanlidarev@nus.edu.sg.";

    #[test]
    fn institutions_and_email() {
        assert_eq!(
            find_institutions(BIO).join(", "),
            "Institute of South Asian Studies, National University of Singapore"
        );
        assert_eq!(find_email(BIO).as_deref(), Some("ivanlidarev@nus.edu.sg"));
    }

    #[test]
    fn bio_subject_needs_a_name() {
        assert_eq!(bio_subject(BIO).as_deref(), Some("Ivan Lidarev"));
        assert_eq!(bio_subject("The summit is a success at last."), None);
    }
}
