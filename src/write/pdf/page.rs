//! What layout hands to emission: pages of positioned text runs, rules and
//! link areas, plus the outline. Units are PDF points (1/72 in); y grows
//! upwards from the bottom edge of the page, as in PDF.

/// A face of the embedded font set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontFace {
    Regular,
    Italic,
    Bold,
    BoldItalic,
    Mono,
    /// A face with wide Unicode coverage for characters the text face lacks.
    Fallback,
}

/// The structure element a piece of content belongs to, for tagged PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StructRole {
    Title,
    /// Headings, level 1 to 6.
    Heading(u8),
    Paragraph,
    /// A list item's label ("•", "1.") and body.
    ListLabel,
    ListBody,
    Quote,
    Code,
    /// A table's caption, inside the table element `table`.
    Caption {
        table: u32,
    },
    /// A table cell: a header cell (`TH`, scope column) or a data cell
    /// (`TD`) of row element `row` of table element `table`. Row and table
    /// numbers come from the same counter as ids.
    Cell {
        header: bool,
        row: u32,
        table: u32,
    },
    /// A footnote (set as an endnote): all of its paragraphs.
    Note,
    /// An image, or the alt text standing in for it; its `/Alt` is in
    /// [`Layout::alts`] under the element's id.
    Figure,
    /// Page furniture: running header, page number. Marked as an artifact.
    Artifact,
}

/// Where a piece of content sits in the structure tree: its role and the
/// number of the structure element it belongs to (runs with the same `id`
/// form one element, such as one paragraph split across lines and pages).
/// `list` groups list items into one list element.
///
/// Ids count up from 1 in reading order, one per element: the title, each
/// paragraph, heading, code block, each list item's label and body (a
/// nested list's items get ids of their own; a block quote's paragraphs
/// share the quote's id). Page furniture ([`StructRole::Artifact`]) carries
/// id 0, as it belongs to no element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StructRef {
    pub role: StructRole,
    pub id: u32,
    pub list: Option<u32>,
}

/// A run of text set in one face and size, starting at (x, y) on the
/// baseline. `text` is what is drawn; `actual_text`, when set, is what a
/// text extractor should read instead (a hyphenated word's two halves read
/// as the whole word).
///
/// The convention for a word broken over two (or more) lines: the run that
/// ends the first line draws its half plus the hyphen (`text = "inter-"`)
/// and carries the whole rest of the word (`actual_text =
/// Some("international")`); every continuation run on the following lines
/// carries `actual_text = Some("")`. Words broken after an explicit hyphen
/// or a slash, or (as a last resort) inside a word wider than the measure,
/// follow the same rule, without a drawn hyphen. Emission writes
/// `actual_text` as a marked-content `/ActualText` span.
///
/// Layout draws one run per word (or per part of a word in one face).
/// A run that a word space follows, on its line or at the end of a line
/// that breaks between words, ends with one U+0020: emission draws it as
/// the font's space glyph, and places the next run where layout put it, so
/// justified lines need no word spacing operator and the text still holds
/// real spaces (ISO 32000-1, 14.8.2.5). Runs carry no leading blanks, and
/// no trailing blank besides that one space.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub y: f32,
    pub text: Box<str>,
    pub face: FontFace,
    pub size: f32,
    pub actual_text: Option<Box<str>>,
    pub structure: StructRef,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A straight line: underlines, thematic breaks, the rule under the header.
    /// Emission marks every rule as an artifact (decoration, not content),
    /// whatever `artifact` says: an underline's meaning is in its text's
    /// structure, and a thematic break has no text to tag.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        artifact: bool,
    },
    /// A clickable area linking to a URL.
    /// Emission tags it as a `Link` element inside the structure element of
    /// the text under the area (found by position), and writes the target
    /// as a URI action, non-ASCII bytes percent-encoded.
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        target: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A bookmark: a heading's title and where it is. The outline holds the
/// title, the abstract's heading under it, every section heading and the
/// end matter's headings.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// Depth in the outline, 1 at the top: the title, the body's highest
    /// headings and the end matter are at 1.
    pub level: u8,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading on its page.
    pub y: f32,
}

/// The whole laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// Characters no face could show, reported as writer warnings.
    pub missing_glyphs: Vec<char>,
    /// The alternative text of each `Figure` element, by its id.
    pub alts: std::collections::BTreeMap<u32, String>,
}

/// How wide a string is when set in a face and size, and whether the faces
/// can show a character. Layout measures through this trait so it never
/// touches font files; emission implements it with the embedded fonts.
pub trait Measure {
    /// Advance width of `text` in points, after shaping (kerning, ligatures).
    fn width(&self, text: &str, face: FontFace, size: f32) -> f32;
    /// Whether `face` has a glyph for `c`.
    fn has_glyph(&self, face: FontFace, c: char) -> bool;
    /// The width of every prefix of `text`: entry `i` is the width of
    /// `text[..i]` at each character boundary `i` (other entries repeat the
    /// boundary before them), so the list has `text.len() + 1` entries and
    /// the last is the width of the whole. Measured from one shaping of the
    /// whole text, so the cost is linear in its length (shaping every prefix
    /// apart would cost its square, which a word of many thousand letters
    /// makes felt). Kerning across a boundary counts on its left.
    ///
    /// The default adds up the widths of the characters one by one, which is
    /// exact for a measure without kerning or ligatures.
    fn prefix_widths(&self, text: &str, face: FontFace, size: f32) -> Vec<f32> {
        prefix_widths_by_character(self, text, face, size)
    }
}

/// [`Measure::prefix_widths`] by adding up the widths of the characters
/// measured one by one.
pub fn prefix_widths_by_character<M: Measure + ?Sized>(
    m: &M,
    text: &str,
    face: FontFace,
    size: f32,
) -> Vec<f32> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut w = 0.0;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        out.push(w);
        out.extend(std::iter::repeat_n(w, c.len_utf8() - 1));
        w += m.width(c.encode_utf8(&mut buf), face, size);
    }
    out.push(w);
    out
}
