//! Pages from the set lines, as they come: each line goes on the current
//! page unless it does not fit, in which case the page ends at the last
//! place a break is allowed (not between a heading and what follows it, not
//! after the first line or before the last line of a paragraph). Then the
//! page furniture: running header and page number from page 2 on.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::rc::Rc;

use super::super::page::{FontFace, Item, OutlineEntry, Page, StructRef, StructRole, TextRun};
use super::style::Style;

/// The structure reference of page furniture. Artifacts are not structure
/// elements, so they all carry id 0 (elements count from 1).
pub const ARTIFACT: StructRef = StructRef {
    role: StructRole::Artifact,
    id: 0,
    list: None,
};

/// Share of the font size above the baseline: where the first line of a
/// page sits below the top of the text block.
const ASCENT: f32 = 0.8;

/// One line of the document, ready to be put on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct VLine {
    /// Items with y measured from this line's baseline.
    pub items: Vec<Item>,
    /// Distance from the previous baseline (the leading).
    pub advance: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// Extra space above the line, dropped at the top of a page.
    pub space_before: f32,
    /// A page may not end just before this line (keeps headings with the
    /// next lines and avoids widows and orphans).
    pub keep_with_prev: bool,
    /// A page must end just before this line.
    pub page_break_before: bool,
    /// Bookmark for a heading line.
    pub outline: Option<(String, u8)>,
    /// Lines set again at the top of the page when a page starts at this
    /// line: the header rows of the table this line is a body row of. The
    /// copies are page artifacts; the header is in the structure once.
    pub repeat: Option<Rc<[VLine]>>,
}

/// Where finished pages go, in order, with the alternative text of the
/// figure elements laid out so far (by id); `Break` stops the layout (a
/// page limit reached).
pub type PageSink<'s> = dyn FnMut(Page, &BTreeMap<u32, String>) -> ControlFlow<()> + 's;

/// Puts lines on pages as they come, and hands each page to a sink as soon
/// as it is complete, with its running header and page number: a long
/// document holds the lines of about one page, not the runs of all of them.
/// A page is complete when the lines after it say where it ends (the first
/// line that does not fit, or a forced break); only the lines since the
/// last page are looked at again, so the work is linear.
pub struct Paginator<'a, 's> {
    style: &'a Style,
    /// The running header.
    short_title: Option<String>,
    width: &'a dyn Fn(&str, FontFace, f32) -> f32,
    sink: &'a mut PageSink<'s>,
    /// Lines not on a page yet.
    lines: Vec<VLine>,
    /// The number of waiting lines at which to look for a page end again:
    /// twice as many as at the last look that found none, so that a page
    /// of many lines is looked over a few times, not once per line.
    next_look: usize,
    pages: usize,
    stopped: bool,
    /// Bookmarks of the headings put on pages so far.
    pub outline: Vec<OutlineEntry>,
}

impl<'a, 's> Paginator<'a, 's> {
    pub fn new(
        style: &'a Style,
        short_title: Option<String>,
        width: &'a dyn Fn(&str, FontFace, f32) -> f32,
        sink: &'a mut PageSink<'s>,
    ) -> Self {
        Paginator {
            style,
            short_title,
            width,
            sink,
            lines: Vec::new(),
            next_look: 1,
            pages: 0,
            stopped: false,
            outline: Vec::new(),
        }
    }

    /// Whether the sink asked to stop; later lines are dropped.
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// Pages handed to the sink so far.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Adds the next line; hands over the pages it completes.
    pub fn push(&mut self, line: VLine, alts: &BTreeMap<u32, String>) {
        if self.stopped {
            return;
        }
        self.lines.push(line);
        if self.lines.len() >= self.next_look {
            self.pages_from_lines(false, alts);
            self.next_look = (2 * self.lines.len()).max(1);
        }
    }

    /// Puts the lines left on pages. Never leaves the document without a
    /// page.
    pub fn finish(&mut self, alts: &BTreeMap<u32, String>) {
        self.pages_from_lines(true, alts);
        if self.pages == 0 && !self.stopped {
            self.hand_over(Page::default(), alts);
        }
    }

    /// Hands over every page the waiting lines complete (`all`: every page
    /// they fill, the last one too).
    fn pages_from_lines(&mut self, all: bool, alts: &BTreeMap<u32, String>) {
        let top = self.style.height - self.style.margins.top;
        let bottom = self.style.margins.bottom;
        let mut start = 0;
        while start < self.lines.len() && !self.stopped {
            let head = match &self.lines[start].repeat {
                Some(head) if self.pages > 0 => Some(Rc::clone(head)),
                _ => None,
            };
            let prefix: &[VLine] = head.as_deref().unwrap_or_default();
            let end = page_end(&self.lines, prefix, start, top, bottom);
            if end == self.lines.len() && !all {
                break;
            }
            let mut page = Page::default();
            let mut baseline = top;
            let mut k = 0;
            for line in prefix {
                baseline = next_baseline(k, baseline, line, top);
                k += 1;
                // A repeated header's link areas would point twice at one link.
                let items = line
                    .items
                    .iter()
                    .filter(|item| !matches!(item, Item::Link { .. }));
                page.items.extend(items.map(|item| {
                    let mut item = lift(item.clone(), baseline);
                    if let Item::Text(run) = &mut item {
                        run.structure = ARTIFACT;
                    }
                    item
                }));
            }
            for line in &mut self.lines[start..end] {
                baseline = next_baseline(k, baseline, line, top);
                k += 1;
                if let Some((title, level)) = line.outline.take() {
                    self.outline.push(OutlineEntry {
                        title,
                        level,
                        page: self.pages,
                        y: baseline + ASCENT * line.size,
                    });
                }
                let items = std::mem::take(&mut line.items);
                page.items
                    .extend(items.into_iter().map(|item| lift(item, baseline)));
            }
            add_furniture(
                &mut page,
                self.pages,
                self.short_title.as_deref(),
                self.style,
                self.width,
            );
            self.hand_over(page, alts);
            start = end;
        }
        if self.stopped {
            self.lines.clear();
        } else {
            self.lines.drain(..start);
        }
    }

    fn hand_over(&mut self, page: Page, alts: &BTreeMap<u32, String>) {
        self.pages += 1;
        if (self.sink)(page, alts).is_break() {
            self.stopped = true;
        }
    }
}

/// The baseline of the `k`th line of a page (0 for the first), after the
/// line before it at `baseline`.
fn next_baseline(k: usize, baseline: f32, line: &VLine, top: f32) -> f32 {
    if k == 0 {
        top - ASCENT * line.size
    } else {
        baseline - line.space_before - line.advance
    }
}

/// Index one past the last line of the page starting at `start`, below
/// the `prefix` lines repeated at its top.
fn page_end(lines: &[VLine], prefix: &[VLine], start: usize, top: f32, bottom: f32) -> usize {
    let mut baseline = top;
    for (k, line) in prefix.iter().enumerate() {
        baseline = if k == 0 {
            top - ASCENT * line.size
        } else {
            baseline - line.space_before - line.advance
        };
    }
    for (k, line) in lines.iter().enumerate().skip(start) {
        if k > start && line.page_break_before {
            return k;
        }
        baseline = if k == start && prefix.is_empty() {
            top - ASCENT * line.size
        } else {
            baseline - line.space_before - line.advance
        };
        if baseline < bottom && k > start {
            // Back up to the last line a page may end before.
            return (start + 1..=k)
                .rev()
                .find(|&j| !lines[j].keep_with_prev)
                .unwrap_or(k);
        }
    }
    lines.len()
}

/// An item moved from line coordinates to page coordinates.
fn lift(mut item: Item, baseline: f32) -> Item {
    match &mut item {
        Item::Text(run) => run.y += baseline,
        Item::Rule { y1, y2, .. } => {
            *y1 += baseline;
            *y2 += baseline;
        }
        Item::Link { y, .. } => *y += baseline,
    }
    item
}

/// Adds the running header (the short title, with a rule under it) and the
/// page number to page `index` (0-based) from the second page on.
fn add_furniture(
    page: &mut Page,
    index: usize,
    short_title: Option<&str>,
    style: &Style,
    width: &dyn Fn(&str, FontFace, f32) -> f32,
) {
    if index == 0 {
        return;
    }
    let f = &style.furniture;
    let left = style.margins.left;
    let right = style.width - style.margins.right;
    let header_y = style.height - f.header_offset;
    if let Some(title) = short_title.filter(|t| !t.is_empty()) {
        page.items.push(Item::Text(TextRun {
            x: left,
            y: header_y,
            text: title.into(),
            face: FontFace::Italic,
            size: f.size,
            actual_text: None,
            structure: ARTIFACT,
        }));
        if f.header_rule {
            let y = header_y - 0.45 * f.size;
            page.items.push(Item::Rule {
                x1: left,
                y1: y,
                x2: right,
                y2: y,
                width: 0.4,
                artifact: true,
            });
        }
    }
    let number = (index + 1).to_string();
    let w = width(&number, FontFace::Regular, f.size);
    page.items.push(Item::Text(TextRun {
        x: (left + right - w) / 2.0,
        y: f.footer_offset,
        text: number.into(),
        face: FontFace::Regular,
        size: f.size,
        actual_text: None,
        structure: ARTIFACT,
    }));
}

/// The title shortened to `max` characters at a word boundary, for the
/// running header.
pub fn short_title(title: &str, max: usize) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() <= max {
        return title;
    }
    let mut out = String::new();
    for word in title.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = title.chars().take(max.saturating_sub(1)).collect();
    }
    out.push('\u{2026}');
    out
}
