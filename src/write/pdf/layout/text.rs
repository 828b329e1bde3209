//! Setting one run of inline content into lines: inlines become words of
//! styled fragments, words become boxes, glue and penalties for the line
//! breaker, and the chosen lines become positioned text runs, underline
//! rules and link areas.

use std::collections::BTreeSet;

use crate::model::Inline;

use super::super::page::{FontFace, Item, Measure, StructRef, TextRun};
use super::hyphenate::Hyphenator;
use super::linebreak::{
    self, EMERGENCY_PENALTY, EXPLICIT_HYPHEN_PENALTY, HYPHEN_PENALTY, INFINITY, Node, Params,
};

/// Cost of breaking a URL or path after a slash: cheaper than an
/// emergency break, dearer than a hyphen, so long addresses wrap at their
/// natural joints.
const SLASH_PENALTY: f32 = 200.0;

/// Justified spaces may grow by half and shrink by a third of their
/// natural width (the proportions of TeX's text fonts).
const SPACE_STRETCH: f32 = 0.5;
const SPACE_SHRINK: f32 = 1.0 / 3.0;

/// A piece of a word in one face and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    pub text: String,
    pub face: FontFace,
    pub size: f32,
    /// Underline group: adjacent runs of one group share one rule.
    pub underline: Option<u32>,
    /// Link group and target.
    pub link: Option<(u32, String)>,
}

/// What a paragraph is made of: words (fragments with no space between
/// them), spaces between words, forced line breaks, and the source's page
/// markers, which take no room: the line that holds the next word shows
/// the label in the margin.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Word(Vec<Frag>),
    Space,
    Break,
    /// A source page starts at the next word (or inside the word being
    /// read, when the marker falls inside one).
    Mark(String),
}

/// The face and decorations in force while walking inlines.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    underline: Option<u32>,
    link: Option<u32>,
}

fn face(bold: bool, italic: bool) -> FontFace {
    match (bold, italic) {
        (false, false) => FontFace::Regular,
        (false, true) => FontFace::Italic,
        (true, false) => FontFace::Bold,
        (true, true) => FontFace::BoldItalic,
    }
}

/// Turns inlines into tokens.
pub struct Tokenizer<'a> {
    pub base: FontFace,
    pub size: f32,
    /// Shared counter for underline and link groups.
    pub groups: &'a mut u32,
    tokens: Vec<Token>,
    word: Vec<Frag>,
    targets: Vec<String>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(base: FontFace, size: f32, groups: &'a mut u32) -> Self {
        Tokenizer {
            base,
            size,
            groups,
            tokens: Vec::new(),
            word: Vec::new(),
            targets: Vec::new(),
        }
    }

    pub fn tokens(mut self, inlines: &[Inline]) -> Vec<Token> {
        let style = Style {
            bold: matches!(self.base, FontFace::Bold | FontFace::BoldItalic),
            italic: matches!(self.base, FontFace::Italic | FontFace::BoldItalic),
            ..Style::default()
        };
        self.walk(inlines, style);
        self.end_word();
        self.trim_end(true);
        self.tokens
    }

    /// Drops the spaces (and breaks, if asked) at the end; a marker there
    /// stays (after the last word it is shown on the last line).
    fn trim_end(&mut self, breaks: bool) {
        let mut marks = Vec::new();
        while let Some(t) = self.tokens.pop() {
            match t {
                Token::Mark(_) => marks.push(t),
                Token::Space => {}
                Token::Break if breaks => {}
                Token::Word(_) | Token::Break => {
                    self.tokens.push(t);
                    break;
                }
            }
        }
        self.tokens.extend(marks.into_iter().rev());
    }

    /// The last token that is not a page marker.
    fn last_spaced(&self) -> Option<&Token> {
        self.tokens
            .iter()
            .rev()
            .find(|t| !matches!(t, Token::Mark(_)))
    }

    fn group(&mut self) -> u32 {
        *self.groups += 1;
        *self.groups
    }

    fn end_word(&mut self) {
        if !self.word.is_empty() {
            self.tokens
                .push(Token::Word(std::mem::take(&mut self.word)));
        }
    }

    fn space(&mut self) {
        self.end_word();
        if matches!(self.last_spaced(), Some(Token::Word(_))) {
            self.tokens.push(Token::Space);
        }
    }

    fn push_text(&mut self, text: &str, face: FontFace, style: Style) {
        if text.is_empty() {
            return;
        }
        let link = style
            .link
            .map(|g| (g, self.targets.get(g as usize).cloned().unwrap_or_default()));
        if let Some(last) = self.word.last_mut()
            && last.face == face
            && last.underline == style.underline
            && last.link == link
        {
            last.text.push_str(text);
            return;
        }
        self.word.push(Frag {
            text: text.to_string(),
            face,
            size: self.size,
            underline: style.underline,
            link,
        });
    }

    fn marked(&mut self, inner: &[Inline], mark: &str, style: Style) {
        let f = face(style.bold, style.italic);
        self.push_text(mark, f, style);
        self.walk(inner, style);
        self.push_text(mark, f, style);
    }

    fn walk(&mut self, inlines: &[Inline], style: Style) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => {
                    // Text holds no whitespace by the model's contract; be
                    // safe with documents built by hand.
                    for (i, part) in t.split(char::is_whitespace).enumerate() {
                        if i > 0 {
                            self.space();
                        }
                        self.push_text(part, face(style.bold, style.italic), style);
                    }
                }
                Inline::Space | Inline::SoftBreak => self.space(),
                Inline::LineBreak => {
                    self.end_word();
                    if self.last_spaced().is_some() {
                        self.trim_end(false);
                        self.tokens.push(Token::Break);
                    }
                }
                Inline::Emphasis(c) => self.walk(
                    c,
                    Style {
                        italic: !style.italic,
                        ..style
                    },
                ),
                Inline::Strong(c) => self.walk(
                    c,
                    Style {
                        bold: true,
                        ..style
                    },
                ),
                Inline::Underline(c) => {
                    let g = style.underline.unwrap_or_else(|| self.group());
                    self.walk(
                        c,
                        Style {
                            underline: Some(g),
                            ..style
                        },
                    )
                }
                Inline::Code(code) => {
                    for (i, part) in code.split(char::is_whitespace).enumerate() {
                        if i > 0 {
                            self.space();
                        }
                        self.push_text(part, FontFace::Mono, style);
                    }
                }
                Inline::Link { target, content } => match target {
                    // A link without a target is shown underlined.
                    None => {
                        let g = style.underline.unwrap_or_else(|| self.group());
                        self.walk(
                            content,
                            Style {
                                underline: Some(g),
                                ..style
                            },
                        )
                    }
                    Some(url) => {
                        let g = self.group();
                        if self.targets.len() <= g as usize {
                            self.targets.resize(g as usize + 1, String::new());
                        }
                        self.targets[g as usize] = url.clone();
                        let linked = Style {
                            link: Some(g),
                            ..style
                        };
                        self.walk(content, linked);
                        // Print cannot be clicked: show the address after
                        // the link text unless the text is the address.
                        let shown = crate::model::plain_text(content);
                        if shown.trim() != url.trim() && !url.trim().is_empty() {
                            self.space();
                            let addr = format!("({})", url.trim());
                            for (i, part) in addr.split(char::is_whitespace).enumerate() {
                                if i > 0 {
                                    self.space();
                                }
                                self.push_text(part, face(style.bold, style.italic), linked);
                            }
                        }
                    }
                },
                // The marker belongs to the word being read when it falls
                // inside one; it is kept apart so the word stays whole.
                Inline::PageMarker(label) => self.tokens.push(Token::Mark(label.clone())),
                // Struck, raised and lowered text keep their marks, as in
                // the text edition: the meaning is in the mark ("~~$40~~").
                Inline::Strikeout(c) => self.marked(c, "~~", style),
                Inline::Superscript(c) => self.marked(c, "^", style),
                Inline::Subscript(c) => self.marked(c, "~", style),
                Inline::Math { display, tex } => {
                    let fence = if *display { "$$" } else { "$" };
                    let text = format!("{fence}{tex}{fence}");
                    for (i, part) in text.split(char::is_whitespace).enumerate() {
                        if i > 0 {
                            self.space();
                        }
                        self.push_text(part, FontFace::Mono, style);
                    }
                }
                // Footnote references are numbered before layout; a bare
                // label is shown as it is.
                Inline::NoteRef(label) => {
                    self.push_text(&format!("[{label}]"), face(style.bold, style.italic), style)
                }
                Inline::Image(image) => {
                    let alt = image.alt.split_whitespace().collect::<Vec<_>>().join(" ");
                    let text = if alt.is_empty() {
                        "[Image]".to_string()
                    } else {
                        format!("[Image: {alt}]")
                    };
                    for (i, part) in text.split(' ').enumerate() {
                        if i > 0 {
                            self.space();
                        }
                        self.push_text(part, face(style.bold, !style.italic), style);
                    }
                }
                Inline::Checkbox(done) => {
                    self.push_text(if *done { "[x]" } else { "[ ]" }, FontFace::Mono, style);
                    self.space();
                }
            }
        }
    }
}

/// Replaces characters the fragment's face lacks by the fallback face
/// where that has them, and records characters no face has.
pub fn apply_fallback(tokens: &mut [Token], measure: &dyn Measure, missing: &mut BTreeSet<char>) {
    for token in tokens {
        let Token::Word(frags) = token else { continue };
        if frags
            .iter()
            .all(|f| f.text.chars().all(|c| shows(measure, f.face, c)))
        {
            continue;
        }
        let mut out: Vec<Frag> = Vec::new();
        for f in frags.drain(..) {
            for c in f.text.chars() {
                let face = if shows(measure, f.face, c) {
                    f.face
                } else if measure.has_glyph(FontFace::Fallback, c) {
                    FontFace::Fallback
                } else {
                    missing.insert(c);
                    f.face
                };
                match out.last_mut() {
                    Some(last)
                        if last.face == face
                            && last.underline == f.underline
                            && last.link == f.link
                            && last.size == f.size =>
                    {
                        last.text.push(c)
                    }
                    _ => out.push(Frag {
                        text: c.to_string(),
                        face,
                        ..f.clone()
                    }),
                }
            }
        }
        *frags = out;
    }
}

/// Whether `face` shows `c`. Characters drawn as nothing (controls, soft
/// hyphens, zero-width spaces and joiners) need no glyph.
pub fn shows(measure: &dyn Measure, face: FontFace, c: char) -> bool {
    let invisible = c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        );
    invisible || measure.has_glyph(face, c)
}

/// What a box of the paragraph draws: bytes `start..end` of fragment
/// `frag` of word `word`. Kept as `u32` (a paragraph's words and a
/// fragment's bytes number far fewer than 2^32: the input limit is 64
/// MiB), since a paragraph keeps one per node: half the memory of a
/// paragraph of a million lines.
#[derive(Debug, Clone, Copy)]
struct Piece {
    word: u32,
    frag: u32,
    start: u32,
    end: u32,
}

impl Piece {
    fn new(word: usize, frag: usize, start: usize, end: usize) -> Piece {
        Piece {
            word: linebreak::paragraph_index(word),
            frag: linebreak::paragraph_index(frag),
            start: linebreak::paragraph_index(start),
            end: linebreak::paragraph_index(end),
        }
    }
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Left edge and width of the lines.
    pub left: f32,
    pub width: f32,
    /// Extra indent of the first line.
    pub indent: f32,
    pub justify: bool,
    pub hyphenate: bool,
    pub structure: StructRef,
}

/// One set line: its items with y = 0 on the baseline, its size (the
/// largest font size on it), and the labels of the source pages that start
/// on it (at a word that begins on it), in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub items: Vec<Item>,
    pub size: f32,
    pub marks: Vec<String>,
}

/// Breaks tokens into lines and positions them.
pub fn set(
    tokens: &[Token],
    setting: &Setting,
    measure: &dyn Measure,
    hyphenator: &Hyphenator,
) -> Vec<SetLine> {
    let words: Vec<&Vec<Frag>> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w),
            _ => None,
        })
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut pieces: Vec<Option<Piece>> = Vec::new();
    // The hyphen penalties, measured only if the line breaker asks.
    let mut hyphens: Vec<Hyphen> = Vec::new();
    if setting.indent > 0.0 {
        push(
            &mut nodes,
            &mut pieces,
            Node::Box {
                width: setting.indent,
            },
            None,
        );
    }
    let mut w = 0;
    let mut last_frag: Option<&Frag> = None;
    // (word the source page starts at, label)
    let mut marks: Vec<(usize, &str)> = Vec::new();
    for token in tokens {
        match token {
            Token::Mark(label) => marks.push((w, label)),
            Token::Word(frags) => {
                word_nodes(
                    w,
                    frags,
                    setting,
                    measure,
                    hyphenator,
                    &mut nodes,
                    &mut pieces,
                    &mut hyphens,
                );
                last_frag = frags.last();
                w += 1;
            }
            Token::Space => {
                // Text extractors join a line ending in a hyphen to the next
                // line's first word ("pre- and" would read "preand"), so a
                // word that ends with a hyphen never ends a line.
                if last_frag.is_some_and(|f| f.text.ends_with(['-', '\u{2010}', '\u{00AD}'])) {
                    push(
                        &mut nodes,
                        &mut pieces,
                        Node::Penalty {
                            width: 0.0,
                            cost: INFINITY,
                            flagged: false,
                        },
                        None,
                    );
                }
                let (f, s) = last_frag.map_or((FontFace::Regular, 10.0), |f| (f.face, f.size));
                let f = if f == FontFace::Fallback {
                    FontFace::Regular
                } else {
                    f
                };
                let width = measure.width(" ", f, s).max(0.2 * s);
                push(
                    &mut nodes,
                    &mut pieces,
                    Node::Glue {
                        width,
                        stretch: width * SPACE_STRETCH,
                        shrink: width * SPACE_SHRINK,
                        fil: false,
                    },
                    None,
                );
            }
            Token::Break => {
                push(&mut nodes, &mut pieces, fil(), None);
                push(&mut nodes, &mut pieces, forced(), None);
            }
        }
    }
    push(&mut nodes, &mut pieces, fil(), None);
    push(&mut nodes, &mut pieces, forced(), None);

    let params = Params {
        width: setting.width,
        justify: setting.justify,
        // Ragged lines may end anywhere in the last third of the measure
        // before they count as badly short.
        ragged_stretch: setting.width / 3.0,
    };
    let lines = linebreak::break_lines_with(&mut nodes, &params, |nodes| {
        // The hyphens of one fragment are listed together: its prefix
        // widths are made once for all of them (for a long fragment, one
        // shaping of the whole and a width per byte).
        let mut prefixes: Option<((usize, usize), Prefixes)> = None;
        for h in &hyphens {
            let f = &words[h.word][h.frag];
            let of_frag = match prefixes.take() {
                Some((at, p)) if at == (h.word, h.frag) => p,
                _ => Prefixes::new(f, measure),
            };
            if let Node::Penalty { width, .. } = &mut nodes[h.node] {
                *width = of_frag.hyphen(h.at);
            }
            prefixes = Some(((h.word, h.frag), of_frag));
        }
    });
    let mut out: Vec<SetLine> = Vec::with_capacity(lines.len());
    // The set line each word begins on.
    let mut begins = vec![0usize; words.len()];
    let mut continues = false;
    for line in &lines {
        // (A line may be empty, its start past its end.)
        for p in (line.start..line.end).filter_map(|i| pieces.get(i).copied().flatten()) {
            if p.frag == 0 && p.start == 0 {
                begins[p.word as usize] = out.len();
            }
        }
        // The line before this one ended between words: its last run takes
        // the word space, so that text read in content order (the structure
        // tree, a screen reader) does not run the two lines' words together.
        if !continues && let Some(prev) = out.last_mut() {
            end_with_space(&mut prev.items);
        }
        let (set, broke_inside) = place_line(line, &nodes, &pieces, &words, setting, continues);
        continues = broke_inside;
        if !set.items.is_empty() {
            out.push(set);
        }
    }
    if !out.is_empty() {
        let last = out.len() - 1;
        for (w, label) in marks {
            let line = begins.get(w).map_or(last, |&l| l.min(last));
            out[line].marks.push(label.to_string());
        }
    }
    out
}

/// Appends a word space to the last text run of a line (and to what it
/// reads as, when that differs from what it draws).
fn end_with_space(items: &mut [Item]) {
    let last = items.iter_mut().rev().find_map(|item| match item {
        Item::Text(run) => Some(run),
        _ => None,
    });
    if let Some(run) = last {
        // Runs hold their text in a box of its exact size (a long
        // document holds every run until its page is written).
        let with_space = |t: &str| format!("{t} ").into_boxed_str();
        run.text = with_space(&run.text);
        if let Some(actual) = &mut run.actual_text {
            *actual = with_space(actual);
        }
    }
}

fn push(nodes: &mut Vec<Node>, pieces: &mut Vec<Option<Piece>>, n: Node, p: Option<Piece>) {
    nodes.push(n);
    pieces.push(p);
}

fn fil() -> Node {
    Node::Glue {
        width: 0.0,
        stretch: 0.0,
        shrink: 0.0,
        fil: true,
    }
}

fn forced() -> Node {
    Node::Penalty {
        width: 0.0,
        cost: -INFINITY,
        flagged: false,
    }
}

/// Fragments up to this many bytes are measured prefix by prefix, each
/// prefix shaped on its own: exactly what the emitter draws for the first
/// half of a word broken at a hyphen, kerning and ligatures included. A
/// longer fragment (a URL, a long number, a "word" of thousands of letters)
/// is measured from one shaping of the whole ([`Measure::prefix_widths`]):
/// shaping every prefix would cost the square of its length. A line
/// broken inside such a fragment may then be off by the kerning of the
/// pair at the break, a fraction of a point.
const EXACT_PREFIX_MAX_BYTES: usize = 64;

/// The widths of the prefixes `text[..i]` of one fragment, so that the
/// pieces of a word add up to exactly the width of the whole.
enum Prefixes<'a> {
    Exact {
        f: &'a Frag,
        measure: &'a dyn Measure,
    },
    Measured {
        f: &'a Frag,
        measure: &'a dyn Measure,
        widths: Vec<f32>,
    },
}

impl<'a> Prefixes<'a> {
    fn new(f: &'a Frag, measure: &'a dyn Measure) -> Self {
        if f.text.len() <= EXACT_PREFIX_MAX_BYTES {
            Prefixes::Exact { f, measure }
        } else {
            Prefixes::Measured {
                f,
                measure,
                widths: measure.prefix_widths(&f.text, f.face, f.size),
            }
        }
    }

    /// Width of `text[..i]`; `i` is a character boundary.
    fn width(&self, i: usize) -> f32 {
        match self {
            Prefixes::Exact { f, measure } if i > 0 => measure.width(&f.text[..i], f.face, f.size),
            Prefixes::Exact { .. } => 0.0,
            Prefixes::Measured { widths, .. } => widths[i],
        }
    }

    /// What a hyphen drawn after `text[..i]` adds to its width.
    fn hyphen(&self, i: usize) -> f32 {
        let (f, measure, before) = match self {
            Prefixes::Exact { f, measure } => (f, measure, &f.text[..i]),
            // The hyphen kerns with the last character only.
            Prefixes::Measured { f, measure, .. } => {
                let last = f.text[..i].char_indices().next_back().map_or(i, |(k, _)| k);
                (f, measure, &f.text[last..i])
            }
        };
        let with = measure.width(&format!("{before}-"), f.face, f.size);
        let without = measure.width(before, f.face, f.size);
        (with - without).max(0.0)
    }
}

/// A hyphenation penalty whose width is not measured yet: node `node`
/// breaks fragment `frag` of word `word` at byte `at`.
struct Hyphen {
    node: usize,
    word: usize,
    frag: usize,
    at: usize,
}

/// Boxes and penalties for one word: one box per piece between possible
/// breaks inside the word. The widths of hyphen penalties are left at 0
/// and listed in `hyphens`, to be measured when needed.
#[allow(clippy::too_many_arguments)]
fn word_nodes(
    w: usize,
    frags: &[Frag],
    setting: &Setting,
    measure: &dyn Measure,
    hyphenator: &Hyphenator,
    nodes: &mut Vec<Node>,
    pieces: &mut Vec<Option<Piece>>,
    hyphens: &mut Vec<Hyphen>,
) {
    let total: f32 = frags
        .iter()
        .map(|f| measure.width(&f.text, f.face, f.size))
        .sum();
    let too_wide = total > setting.width;
    for (fi, f) in frags.iter().enumerate() {
        // (offset, penalty, hyphen drawn)
        let mut breaks: Vec<(usize, f32, bool)> = Vec::new();
        // A word ending in a hyphen is not split either: its first half
        // would read as a word ending a line with a hyphen, which text
        // extractors join to the next line's first word.
        let ends_in_hyphen = f.text.ends_with(['-', '\u{2010}', '\u{00AD}']);
        if setting.hyphenate && frags.len() == 1 && f.face != FontFace::Mono && !ends_in_hyphen {
            breaks.extend(
                hyphenator
                    .points(&f.text)
                    .into_iter()
                    .map(|b| (b, HYPHEN_PENALTY, true)),
            );
        }
        // After explicit hyphens and dashes, and after slashes in paths.
        let chars: Vec<(usize, char)> = f.text.char_indices().collect();
        for k in 1..chars.len().saturating_sub(1) {
            let (i, c) = chars[k];
            let next = i + c.len_utf8();
            match c {
                '-' | '\u{2010}' | '\u{2013}' | '\u{2014}'
                    if chars[k - 1].1.is_alphanumeric() && !ends_in_hyphen =>
                {
                    breaks.push((next, EXPLICIT_HYPHEN_PENALTY, false))
                }
                '/' if !ends_in_hyphen => breaks.push((next, SLASH_PENALTY, false)),
                _ => {}
            }
        }
        let prefixes = Prefixes::new(f, measure);
        if too_wide {
            // The first line also carries the paragraph indent.
            emergency_breaks(
                f,
                &prefixes,
                setting.width - setting.indent,
                measure,
                &mut breaks,
            );
        }
        breaks.sort_by_key(|b| b.0);
        breaks.dedup_by_key(|b| b.0);
        let mut start = 0;
        let mut start_w = 0.0;
        for (at, cost, hyphen) in breaks {
            if at == 0 || at >= f.text.len() {
                continue;
            }
            let at_w = prefixes.width(at);
            nodes.push(Node::Box {
                width: at_w - start_w,
            });
            pieces.push(Some(Piece::new(w, fi, start, at)));
            if hyphen {
                hyphens.push(Hyphen {
                    node: nodes.len(),
                    word: w,
                    frag: fi,
                    at,
                });
            }
            nodes.push(Node::Penalty {
                width: 0.0,
                cost,
                flagged: hyphen || cost < EMERGENCY_PENALTY,
            });
            pieces.push(Some(Piece::new(w, fi, at, at)));
            start = at;
            start_w = at_w;
        }
        let end_w = prefixes.width(f.text.len());
        nodes.push(Node::Box {
            width: end_w - start_w,
        });
        pieces.push(Some(Piece::new(w, fi, start, f.text.len())));
    }
}

/// Break points inside a fragment too wide for a line: after as many
/// characters as fit, so that no piece is wider than the measure.
fn emergency_breaks(
    f: &Frag,
    prefixes: &Prefixes,
    width: f32,
    measure: &dyn Measure,
    breaks: &mut Vec<(usize, f32, bool)>,
) {
    // Leave room for a hyphen drawn at an ordinary break in the same piece.
    let room = width - measure.width("-", f.face, f.size).max(0.0);
    let mut piece_start = 0;
    let mut piece_start_w = 0.0;
    for (i, c) in f.text.char_indices() {
        if i > piece_start && prefixes.width(i + c.len_utf8()) - piece_start_w > room {
            breaks.push((i, EMERGENCY_PENALTY, false));
            piece_start = i;
            piece_start_w = prefixes.width(i);
        }
    }
}

/// A run being built on a line.
struct OpenRun {
    word: usize,
    frag: usize,
    start: usize,
    end: usize,
    x: f32,
    width: f32,
}

/// Positions the boxes of one line. Returns the set line and whether it
/// broke inside a word.
fn place_line(
    line: &linebreak::Line,
    nodes: &[Node],
    pieces: &[Option<Piece>],
    words: &[&Vec<Frag>],
    setting: &Setting,
    continues: bool,
) -> (SetLine, bool) {
    let mut x = setting.left;
    let mut runs: Vec<OpenRun> = Vec::new();
    for i in line.start..line.end {
        match nodes[i] {
            Node::Box { width } => {
                if let Some(p) = pieces[i] {
                    match runs.last_mut() {
                        Some(r)
                            if r.word == p.word as usize
                                && r.frag == p.frag as usize
                                && r.end == p.start as usize =>
                        {
                            r.end = p.end as usize;
                            r.width += width;
                        }
                        _ => runs.push(OpenRun {
                            word: p.word as usize,
                            frag: p.frag as usize,
                            start: p.start as usize,
                            end: p.end as usize,
                            x,
                            width,
                        }),
                    }
                }
                x += width;
            }
            Node::Glue {
                width,
                stretch,
                shrink,
                ..
            } => {
                let adj = if line.ratio >= 0.0 {
                    line.ratio * stretch
                } else {
                    line.ratio * shrink
                };
                x += width + adj;
            }
            Node::Penalty { .. } => {}
        }
    }
    // The width of the hyphen drawn at the end, when there is one.
    let (hyphen_width, broke_inside) = match nodes[line.end] {
        Node::Penalty { width, cost, .. } if cost > -INFINITY => {
            (width, pieces[line.end].is_some())
        }
        _ => (0.0, false),
    };
    let hyphen = hyphen_width > 0.0;
    let mut items = Vec::with_capacity(runs.len() + 2);
    let mut size: f32 = 0.0;
    let n = runs.len();
    for (k, r) in runs.iter().enumerate() {
        let f = &words[r.word][r.frag];
        size = size.max(f.size);
        let mut text = f.text[r.start..r.end].to_string();
        let mut actual_text = None;
        // A word split over two lines: the first half carries the whole
        // (rest of the) fragment, the continuation reads as nothing.
        if k == 0 && continues && r.start > 0 {
            actual_text = Some(String::new());
        } else if k + 1 == n && broke_inside {
            actual_text = Some(f.text[r.start..].to_string());
        }
        if k + 1 == n && hyphen {
            text.push('-');
        }
        // A run followed by another word on the line ends with the space
        // between them: a real U+0020 in the text, whose width is part of
        // the gap that justification sets.
        if runs.get(k + 1).is_some_and(|next| next.word != r.word) {
            text.push(' ');
            if let Some(actual) = &mut actual_text {
                actual.push(' ');
            }
        }
        items.push(Item::Text(TextRun {
            x: r.x,
            y: 0.0,
            text: text.into(),
            face: f.face,
            size: f.size,
            actual_text: actual_text.map(String::into_boxed_str),
            structure: setting.structure,
        }));
    }
    // Rules under underlined text and areas over linked text, one per
    // group per line, spanning the spaces between the group's words.
    let mut spans: Vec<Decoration> = Vec::new();
    for (k, r) in runs.iter().enumerate() {
        let f = &words[r.word][r.frag];
        let mut end = r.x + r.width;
        if k + 1 == n {
            end += hyphen_width;
        }
        if let Some(g) = f.underline {
            Decoration::extend(&mut spans, g, None, r.x, end, f.size);
        }
        if let Some((g, target)) = &f.link {
            Decoration::extend(&mut spans, *g, Some(target), r.x, end, f.size);
        }
    }
    for d in spans {
        match d.target {
            None => items.push(Item::Rule {
                x1: d.x1,
                y1: -0.12 * d.size,
                x2: d.x2,
                y2: -0.12 * d.size,
                width: 0.05 * d.size,
                artifact: true,
            }),
            Some(target) => items.push(Item::Link {
                x: d.x1,
                y: -0.25 * d.size,
                width: d.x2 - d.x1,
                height: 1.1 * d.size,
                target,
            }),
        }
    }
    (
        SetLine {
            items,
            size: if size > 0.0 { size } else { 10.0 },
            marks: Vec::new(),
        },
        broke_inside,
    )
}

/// An underline (no target) or a link area (with its target) over part
/// of a line.
struct Decoration {
    group: u32,
    target: Option<String>,
    x1: f32,
    x2: f32,
    size: f32,
}

impl Decoration {
    fn extend(
        all: &mut Vec<Decoration>,
        group: u32,
        target: Option<&String>,
        x1: f32,
        x2: f32,
        size: f32,
    ) {
        let is_link = target.is_some();
        if let Some(d) = all
            .iter_mut()
            .rev()
            .find(|d| d.group == group && d.target.is_some() == is_link)
        {
            d.x2 = d.x2.max(x2);
            d.size = d.size.max(size);
            return;
        }
        all.push(Decoration {
            group,
            target: target.cloned(),
            x1,
            x2,
            size,
        });
    }
}
