//! The page style: paper, margins, sizes and spacing, read from
//! `templates/pdf/style.toml` (the built-in copy or the user's).

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::write::{Paper, WriteOptions};

/// The built-in page style.
pub const BUILTIN_STYLE: &str = include_str!("../../../../templates/pdf/style.toml");

/// The page style resolved for one paper size.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Page width and height in points.
    pub width: f32,
    pub height: f32,
    pub margins: Margins,
    pub body: Body,
    pub headings: Headings,
    pub title: Title,
    pub small: Small,
    pub quote: Quote,
    pub code: Code,
    pub list: List,
    pub table: TableStyle,
    pub blocks: Blocks,
    pub furniture: Furniture,
    pub source_pages: SourcePages,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperSize {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Papers {
    pub a4: PaperSize,
    pub letter: PaperSize,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub size: f32,
    pub leading: f32,
    pub paragraph_spacing: f32,
    pub indent: f32,
    pub hyphenate: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub sizes: Vec<f32>,
    pub space_before: f32,
    pub space_after: f32,
}

impl Headings {
    /// The size of a heading of `level` (1-based); deeper levels than the
    /// table has take its last entry.
    pub fn size(&self, level: u8) -> f32 {
        let i = usize::from(level.max(1)) - 1;
        self.sizes
            .get(i)
            .or(self.sizes.last())
            .copied()
            .unwrap_or(12.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub size: f32,
    pub subtitle_size: f32,
    pub author_size: f32,
    pub affiliation_size: f32,
    pub date_size: f32,
    pub space_after: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Small {
    pub size: f32,
    pub leading: f32,
    pub abstract_indent: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub size: f32,
    pub leading: f32,
    pub indent: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub size: f32,
    pub leading: f32,
    pub indent: f32,
    /// Smallest size a block whose lines are wider than the text block is
    /// set at to fit them (a page kept in columns, a long command); its
    /// lines break only below it. Style files written before it: `size`.
    #[serde(default)]
    pub min_size: Option<f32>,
}

impl Code {
    /// The size a block whose widest line measures `width` at `size` is
    /// set at to fit in `room`.
    pub fn fitted_size(&self, size: f32, width: f32, room: f32) -> f32 {
        let floor = self.min_size.unwrap_or(size).min(size);
        if width <= room {
            size
        } else {
            // A tenth of a point below the exact fit: the sum of the
            // characters' widths must not pass the edge by a rounding.
            ((size * room / width * 10.0).floor() / 10.0).max(floor)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub indent: f32,
    pub label_gap: f32,
}

/// Tables. The section may be left out of a style file written before
/// tables were set; the built-in values are used then.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableStyle {
    pub size: f32,
    pub leading: f32,
    /// Space each side of a cell's text, and above and below it.
    pub padding: f32,
    /// Width of the rules above the table, under its header and below it.
    pub rule: f32,
}

impl Default for TableStyle {
    fn default() -> Self {
        TableStyle {
            size: 9.0,
            leading: 11.5,
            padding: 4.0,
            rule: 0.5,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blocks {
    pub space: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Furniture {
    pub size: f32,
    pub header_offset: f32,
    pub footer_offset: f32,
    pub header_rule: bool,
    pub short_title_chars: usize,
}

/// The source's page numbers in the margin, beside the line where each
/// printed page of the source begins. The section may be left out of a
/// style file written before they were shown; the built-in values are used
/// then.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePages {
    pub show: bool,
    pub size: f32,
    /// Between the right edge of the text block and the label.
    pub gap: f32,
}

impl Default for SourcePages {
    fn default() -> Self {
        SourcePages {
            show: true,
            size: 7.0,
            gap: 10.0,
        }
    }
}

/// The file as written: all papers, before one is chosen.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleFile {
    paper: Papers,
    margins: Margins,
    body: Body,
    headings: Headings,
    title: Title,
    small: Small,
    quote: Quote,
    code: Code,
    list: List,
    #[serde(default)]
    table: TableStyle,
    blocks: Blocks,
    furniture: Furniture,
    #[serde(default)]
    source_pages: SourcePages,
}

/// The user's style file merged over the built-in one, remembered for the
/// last file text merged: setup checks the style for both paper sizes and
/// each document loads it again, and a merge (two TOML parses and a
/// print) costs as much as setting a page of text.
fn merged_style(user: &str, path: &std::path::Path) -> Result<String> {
    static LAST: std::sync::Mutex<Option<(String, String)>> = std::sync::Mutex::new(None);
    let remembered = |last: &Option<(String, String)>| {
        last.as_ref()
            .filter(|(text, _)| text == user)
            .map(|(_, merged)| merged.clone())
    };
    if let Some(merged) = LAST.lock().ok().and_then(|last| remembered(&last)) {
        return Ok(merged);
    }
    let merged = crate::write::templates::merge_toml(BUILTIN_STYLE, user, path)?;
    if let Ok(mut last) = LAST.lock() {
        *last = Some((user.to_string(), merged.clone()));
    }
    Ok(merged)
}

impl Style {
    /// The style for `options`: the user's `pdf/style.toml` when the
    /// template directory has one, else the built-in copy.
    /// The user's file is merged over the built-in one key by key, so it
    /// needs to set only what it changes.
    pub fn load(options: &WriteOptions) -> Result<Style> {
        let Some((path, text)) = options.templates.user_file("pdf/style.toml")? else {
            return Ok(Style::builtin(options.paper));
        };
        let merged = merged_style(&text, &path)?;
        Style::parse(&merged, options.paper).map_err(|e| match e {
            Error::Write { message, .. } => {
                let message = message.strip_prefix("pdf/style.toml: ").unwrap_or(&message);
                Error::Usage(format!("{}: {message}", path.display()))
            }
            other => other,
        })
    }

    /// The built-in style for `paper`.
    pub fn builtin(paper: Paper) -> Style {
        Style::parse(BUILTIN_STYLE, paper).expect("the built-in style is valid")
    }

    /// Parses a style file and picks the paper size.
    pub fn parse(text: &str, paper: Paper) -> Result<Style> {
        let file: StyleFile = toml::from_str(text)
            .map_err(|e| Error::write("pdf", format!("pdf/style.toml: {e}")))?;
        let size = match paper {
            Paper::A4 => file.paper.a4,
            Paper::Letter => file.paper.letter,
        };
        let style = Style {
            width: size.width,
            height: size.height,
            margins: file.margins,
            body: file.body,
            headings: file.headings,
            title: file.title,
            small: file.small,
            quote: file.quote,
            code: file.code,
            list: file.list,
            table: file.table,
            blocks: file.blocks,
            furniture: file.furniture,
            source_pages: file.source_pages,
        };
        style.check()?;
        Ok(style)
    }

    /// Width of the text block.
    pub fn measure(&self) -> f32 {
        self.width - self.margins.left - self.margins.right
    }

    /// Rejects styles that cannot lay out text: a text block narrower than
    /// a few characters, non-positive sizes, or values that are not numbers.
    fn check(&self) -> Result<()> {
        let bad = |what: &str| Err(Error::write("pdf", format!("pdf/style.toml: {what}")));
        let sizes = [
            self.body.size,
            self.body.leading,
            self.small.size,
            self.small.leading,
            self.quote.size,
            self.quote.leading,
            self.code.size,
            self.code.leading,
            self.code.min_size.unwrap_or(self.code.size),
            self.table.size,
            self.table.leading,
            self.title.size,
            self.title.subtitle_size,
            self.title.author_size,
            self.title.affiliation_size,
            self.title.date_size,
            self.furniture.size,
            self.source_pages.size,
        ];
        let lengths = [
            self.width,
            self.height,
            self.margins.top,
            self.margins.bottom,
            self.margins.left,
            self.margins.right,
            self.body.paragraph_spacing,
            self.body.indent,
            self.headings.space_before,
            self.headings.space_after,
            self.title.space_after,
            self.small.abstract_indent,
            self.quote.indent,
            self.code.indent,
            self.list.indent,
            self.list.label_gap,
            self.table.padding,
            self.table.rule,
            self.blocks.space,
            self.furniture.header_offset,
            self.furniture.footer_offset,
            self.source_pages.gap,
        ];
        let all = sizes.iter().chain(&self.headings.sizes).chain(&lengths);
        for v in all {
            if !v.is_finite() || *v < 0.0 {
                return bad("every length must be a finite number, zero or more");
            }
        }
        if sizes.iter().chain(&self.headings.sizes).any(|s| *s < 1.0) {
            return bad("font sizes and leadings must be at least 1pt");
        }
        if self.headings.sizes.is_empty() {
            return bad("headings.sizes needs at least one size");
        }
        // Room for the deepest indents we use plus a few words.
        let min_measure = 6.0 * self.body.size
            + 2.0 * self.small.abstract_indent.max(self.quote.indent)
            + self.code.indent;
        if self.measure() < min_measure {
            return bad("the margins leave too narrow a text block");
        }
        let text_height = self.height - self.margins.top - self.margins.bottom;
        if text_height < 4.0 * self.headings.size(1).max(self.title.size) {
            return bad("the margins leave too short a text block");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_papers() {
        let a4 = Style::builtin(Paper::A4);
        assert!((a4.width - 595.28).abs() < 0.01);
        let letter = Style::builtin(Paper::Letter);
        assert_eq!(letter.width, 612.0);
        assert_eq!(letter.height, 792.0);
    }

    #[test]
    fn bad_styles_are_errors() {
        assert!(Style::parse("not = [toml", Paper::A4).is_err());
        let narrow = BUILTIN_STYLE.replace("left = 84.0", "left = 500.0");
        assert!(Style::parse(&narrow, Paper::A4).is_err());
        let nan = BUILTIN_STYLE.replace("size = 10.8", "size = nan");
        assert!(Style::parse(&nan, Paper::A4).is_err());
    }

    #[test]
    fn a_style_without_a_table_section_still_loads() {
        let start = BUILTIN_STYLE.find("[table]").unwrap();
        let end = BUILTIN_STYLE.find("# Block spacing").unwrap();
        let old = format!("{}{}", &BUILTIN_STYLE[..start], &BUILTIN_STYLE[end..]);
        let style = Style::parse(&old, Paper::A4).unwrap();
        assert_eq!(style.table, TableStyle::default());
        assert_eq!(Style::builtin(Paper::A4).table, TableStyle::default());
    }

    #[test]
    fn a_style_without_a_source_pages_section_still_loads() {
        let start = BUILTIN_STYLE.find("# The source's page numbers").unwrap();
        let old = &BUILTIN_STYLE[..start];
        let style = Style::parse(old, Paper::A4).unwrap();
        assert_eq!(style.source_pages, SourcePages::default());
        assert_eq!(
            Style::builtin(Paper::A4).source_pages,
            SourcePages::default()
        );
    }
}
