//! Layout -> PDF bytes.
//!
//! printpdf writes the document: pages, the embedded font dictionaries
//! (Type0 / Identity-H, `/W` widths, ToUnicode) and the catalog. It learns
//! which glyphs each font needs from one inventory of them, and the page
//! content streams are written here ([`ContentStream`]), page by page,
//! compressed as they are made: printpdf's operator list would hold every
//! glyph of the document in memory at once, about 200 bytes of operators per
//! glyph. What printpdf cannot express, or draws at random (document ids,
//! dates), is set afterwards on the lopdf object graph it hands back: the
//! Info dictionary, the XMP stream, the outline, link annotations, the
//! structure tree of tagged PDF and the document ID. This file is the only
//! one that touches printpdf.
//!
//! Fonts are shaped here (through [`FontSet`]) and subset before printpdf
//! sees them: printpdf (built without its layout feature) embeds the font
//! program it is given as is, so it is given the subset, and the content
//! stream uses the subset's glyph ids.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{
    Codepoint, FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, Rect, TextItem, TextMatrix,
};

use super::content::{ContentStream, Glyph, resolve, round2};
use super::fonts::{FACES, FontSet, ShapedRun, is_invisible};
use super::info::{Conformance, PdfMeta};
use super::page::{FontFace, Item, Layout, OutlineEntry, Page, StructRef, StructRole, TextRun};
use super::serialize::{self, RawObjects};
use super::tagging::{Kid, StructTree};
use super::xmp;
use crate::error::{Error, Result};
use crate::write::PdfStandard;
use crate::write::deflate::{deflate, inflate, pack};

/// The PDF and what could not be shown.
pub struct Emitted {
    pub bytes: Vec<u8>,
    /// Characters no face has a glyph for, in code point order.
    pub missing: Vec<char>,
    /// The standards the file claims to meet.
    pub conformance: Conformance,
}

/// The sRGB profile of the PDF/A output intent (CC0; see
/// `assets/icc/LICENSE.md`).
const SRGB_PROFILE: &[u8] = include_bytes!("../../../assets/icc/sRGB-v4.icc");

/// What the file can claim: PDF/UA-1 when asked (the file is always
/// tagged), and PDF/A-2 when asked and no character was left without a
/// glyph (PDF/A forbids drawing `.notdef`); level U when every glyph maps
/// to Unicode text, else B.
fn conformance(standard: PdfStandard, missing: bool, all_unicode: bool) -> Conformance {
    match standard {
        PdfStandard::None => Conformance::default(),
        PdfStandard::PdfA2PdfUa1 => Conformance {
            pdfa2: (!missing).then_some(if all_unicode { 'U' } else { 'B' }),
            pdfua1: true,
        },
    }
}

/// A piece of a run set in one face.
struct Segment {
    face: FontFace,
    x: f32,
    shaped: ShapedRun,
}

/// A run split by face: characters the run's face lacks go to the fallback.
fn segments(run: &TextRun, fonts: &FontSet, missing: &mut BTreeSet<char>) -> Vec<Segment> {
    let mut groups: Vec<(FontFace, String)> = Vec::new();
    for c in run.text.chars().filter(|&c| !is_invisible(c)) {
        let face = fonts.face_for(run.face, c).unwrap_or_else(|| {
            missing.insert(c);
            run.face
        });
        match groups.last_mut() {
            Some((f, text)) if *f == face => text.push(c),
            _ => groups.push((face, c.to_string())),
        }
    }
    let mut x = run.x;
    // A fresh list of exactly the segments: collecting in place would keep
    // the (larger) allocation of `groups`, held for every run of the
    // document until its page is written.
    let mut out = Vec::with_capacity(groups.len());
    for (face, text) in groups {
        let shaped = fonts.shape_words(face, &text);
        let segment = Segment { face, x, shaped };
        x += segment.shaped.width(run.size);
        out.push(segment);
    }
    out
}

/// A six-letter subset tag derived from the glyphs kept, so it is the same
/// for the same content.
fn subset_tag(face: FontFace, gids: &[u16]) -> String {
    let mut bytes = format!("{face:?}").into_bytes();
    for g in gids {
        bytes.extend_from_slice(&g.to_be_bytes());
    }
    let digest = crate::hash::hex_digest(&bytes);
    digest
        .bytes()
        .take(6)
        .map(|b| (b'A' + (b % 26)) as char)
        .collect()
}

fn pdf_text(text: &str) -> Object {
    // PDF text strings: plain ASCII as is, anything else as UTF-16BE with a
    // byte-order mark.
    if text.chars().all(|c| (' '..='~').contains(&c)) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        Object::String(utf16_text(text), StringFormat::Hexadecimal)
    }
}

/// `text` as UTF-16BE with a byte-order mark.
fn utf16_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    bytes
}

/// A PDF text string as a hexadecimal literal, for a marked-content
/// property list written straight into a content stream.
fn utf16_hex(text: &str) -> Vec<u8> {
    let mut out = vec![b'<'];
    for byte in utf16_text(text) {
        out.extend_from_slice(format!("{byte:02X}").as_bytes());
    }
    out.push(b'>');
    out
}

/// The glyphs of a segment, each with the `/W` width the viewer advances by
/// and the position shaping gave it (kerning, mark offsets), in thousandths
/// of an em from the segment's start.
fn segment_glyphs(seg: &Segment, fonts: &FontSet, out: &mut Vec<Glyph>) {
    let face = fonts.face(seg.face);
    let scale = 1000.0 / f32::from(face.units_per_em.max(1));
    out.clear();
    let mut origin = 0.0f32;
    for g in seg.shaped.glyphs() {
        out.push(Glyph {
            gid: g.gid,
            width: (f32::from(face.advance(g.gid)) * scale).trunc(),
            at: origin + g.x_offset as f32 * scale,
        });
        origin += g.advance as f32 * scale;
    }
}

/// Makes a page safe to write whatever layout produced: every number
/// finite (a NaN would make the file unreadable) and text sizes positive.
fn sanitize(page: &mut Page) {
    fn finite(v: &mut f32) {
        if !v.is_finite() {
            *v = 0.0;
        }
    }
    for item in &mut page.items {
        match item {
            Item::Text(run) => {
                [&mut run.x, &mut run.y].into_iter().for_each(finite);
                if !(run.size.is_finite() && run.size > 0.0) {
                    run.size = 10.0;
                }
            }
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                ..
            } => [x1, y1, x2, y2, width].into_iter().for_each(finite),
            Item::Link {
                x,
                y,
                width,
                height,
                ..
            } => [x, y, width, height].into_iter().for_each(finite),
        }
    }
}

/// A URI as the 7-bit ASCII PDF requires: other bytes percent-encoded.
fn uri_bytes(target: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(target.len());
    for b in target.bytes() {
        if (0x21..0x7F).contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("%{b:02X}").as_bytes());
        }
    }
    out
}

/// Where a piece of text sits, to find the element a link belongs to.
struct Placed {
    elem: usize,
    x0: f32,
    x1: f32,
    y: f32,
}

struct PageLink {
    rect: [f32; 4],
    target: String,
    /// The structure element of the text under the link, if any.
    parent: usize,
}

/// The number of the font resource (`/F{number}`) that draws `face`.
fn font_number(face: FontFace) -> usize {
    FACES.iter().position(|f| *f == face).unwrap_or(0) + 1
}

/// Writes a layout of all its pages at once (see [`Emitter`]).
pub fn emit(layout: Layout, fonts: &FontSet, meta: &PdfMeta) -> Result<Emitted> {
    let mut emitter = Emitter::new(fonts);
    for page in layout.pages {
        emitter.page(page, &layout.alts);
    }
    emitter.finish(layout.width, layout.height, &layout.outline, meta)
}

/// Emission page by page, as layout finishes each page: a page's runs are
/// dropped once its content stream, its structure and its links are made,
/// so a long document never holds more than a page of runs. What the file
/// needs of every page, to be written at the end, is kept: the content
/// streams (their glyphs as placeholders until the font subsets are made,
/// see [`super::content::resolve`]), the glyphs each face uses, the
/// structure tree and the links.
pub struct Emitter<'f> {
    fonts: &'f FontSet,
    /// Characters no face has a glyph for.
    missing: BTreeSet<char>,
    /// Each embedded face's glyphs and the text each stands for (the first
    /// met).
    used: BTreeMap<FontFace, BTreeMap<u16, String>>,
    tree: StructTree,
    /// Each page's content stream, with glyph placeholders, packed once
    /// they hold more than [`PLAIN_CONTENT_BUDGET`] bytes.
    contents: Vec<Packed>,
    /// Bytes of the content streams held unpacked.
    plain: usize,
    links: Vec<Vec<PageLink>>,
    /// A buffer for one segment's glyphs.
    glyphs: Vec<Glyph>,
}

impl<'f> Emitter<'f> {
    pub fn new(fonts: &'f FontSet) -> Self {
        Emitter {
            fonts,
            missing: BTreeSet::new(),
            used: BTreeMap::new(),
            tree: StructTree::default(),
            contents: Vec::new(),
            plain: 0,
            links: Vec::new(),
            glyphs: Vec::new(),
        }
    }

    /// Pages written so far.
    pub fn pages(&self) -> usize {
        self.contents.len()
    }

    /// Writes the next page; `alts` holds the alternative text of the
    /// figure elements laid out so far, by id.
    pub fn page(&mut self, mut page: Page, alts: &BTreeMap<u32, String>) {
        sanitize(&mut page);
        let fonts = self.fonts;
        let p = self.contents.len();
        let tree = &mut self.tree;
        let mut content = ContentStream::default();
        let mut placed: Vec<Placed> = Vec::new();
        let mut page_links = Vec::new();
        let mut mcid = 0u32;
        // The structure of the marked-content sequence that is open, so
        // that consecutive runs of one element share one MCID.
        let mut open: Option<StructRef> = None;
        let close = |content: &mut ContentStream, open: &mut Option<StructRef>| {
            if open.take().is_some() {
                content.end_text();
                content.end_marked();
            }
        };
        for item in &page.items {
            match item {
                Item::Text(run) => {
                    let segs = segments(run, fonts, &mut self.missing);
                    for seg in &segs {
                        let map = self.used.entry(fonts.embedded_as(seg.face)).or_default();
                        for g in seg.shaped.glyphs() {
                            map.entry(g.gid).or_insert_with(|| g.text.clone());
                        }
                    }
                    let artifact = run.structure.role == StructRole::Artifact;
                    let joinable =
                        !artifact && run.actual_text.is_none() && open == Some(run.structure);
                    if !joinable {
                        close(&mut content, &mut open);
                        if artifact {
                            content.begin_marked("Artifact", b"/Type /Pagination");
                        } else {
                            let elem = tree.add_content(run.structure, p, mcid);
                            if tree.elems[elem].alt.is_none() {
                                tree.elems[elem].alt = alts.get(&run.structure.id).cloned();
                            }
                            content.begin_marked(
                                tree.elems[elem].tag,
                                format!("/MCID {mcid}").as_bytes(),
                            );
                            mcid += 1;
                        }
                        content.begin_text();
                        open = Some(run.structure);
                    }
                    if !artifact {
                        let elem = tree.element(run.structure);
                        let end = segs
                            .last()
                            .map(|s| s.x + s.shaped.width(run.size))
                            .unwrap_or(run.x);
                        placed.push(Placed {
                            elem,
                            x0: run.x,
                            x1: end,
                            y: run.y,
                        });
                    }
                    // What a run reads as, when that differs from what it
                    // draws, is a span of its own, and the last thing in its
                    // marked-content sequence: readers of the structure
                    // (poppler's among them) take the first EMC they meet
                    // for the end of the sequence.
                    if let Some(actual) = &run.actual_text {
                        let mut props = b"/ActualText ".to_vec();
                        props.extend_from_slice(&utf16_hex(actual));
                        content.begin_marked("Span", &props);
                    }
                    for seg in &segs {
                        let face = fonts.embedded_as(seg.face);
                        segment_glyphs(seg, fonts, &mut self.glyphs);
                        content.glyphs(font_number(face), run.size, seg.x, run.y, &self.glyphs);
                    }
                    if run.actual_text.is_some() {
                        content.end_marked();
                    }
                    if artifact || run.actual_text.is_some() {
                        close(&mut content, &mut open);
                    }
                }
                Item::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    ..
                } => {
                    close(&mut content, &mut open);
                    // Rules are decoration (underlines, breaks, the header
                    // rule): artifacts for assistive technology.
                    content.begin_marked("Artifact", b"/Type /Layout");
                    content.line_segment((*x1, *y1), (*x2, *y2), *width);
                    content.end_marked();
                }
                Item::Link {
                    x,
                    y,
                    width,
                    height,
                    target,
                } => {
                    page_links.push(([*x, *y, *x + *width, *y + *height], target.clone()));
                }
            }
        }
        close(&mut content, &mut open);
        // A link belongs to the element whose text lies under it.
        let page_links = page_links
            .into_iter()
            .map(|(rect, target)| {
                let parent = placed
                    .iter()
                    .find(|t| {
                        t.y >= rect[1] - 1.0
                            && t.y <= rect[3] + 1.0
                            && t.x1 > rect[0]
                            && t.x0 < rect[2]
                    })
                    .map(|t| t.elem)
                    .unwrap_or(0);
                PageLink {
                    rect,
                    target,
                    parent,
                }
            })
            .collect();
        let bytes = content.into_bytes();
        let packed = if self.plain + bytes.len() <= PLAIN_CONTENT_BUDGET {
            self.plain += bytes.len();
            Packed::Plain(bytes)
        } else {
            Packed::new(bytes)
        };
        self.contents.push(packed);
        self.links.push(page_links);
    }

    /// The file, once every page is written: pages of `width` by `height`
    /// points, the `outline`'s bookmarks.
    pub fn finish(
        mut self,
        width: f32,
        height: f32,
        outline: &[OutlineEntry],
        meta: &PdfMeta,
    ) -> Result<Emitted> {
        let fonts = self.fonts;
        // A PDF needs a page.
        if self.contents.is_empty() {
            self.page(Page::default(), &BTreeMap::new());
        }
        let width = if width.is_finite() && width > 0.0 {
            width
        } else {
            595.28
        };
        let height = if height.is_finite() && height > 0.0 {
            height
        } else {
            841.89
        };
        let outline: Vec<OutlineEntry> = outline
            .iter()
            .map(|e| OutlineEntry {
                y: if e.y.is_finite() { e.y } else { 0.0 },
                ..e.clone()
            })
            .collect();

        // 1. Subset and register each face that is used, with the inventory
        //    of its glyphs printpdf builds the font dictionaries from.
        let mut pdf = PdfDocument::new(&meta.title);
        let mut remaps: BTreeMap<usize, BTreeMap<u16, u16>> = BTreeMap::new();
        let mut inventory = vec![Op::StartTextSection];
        let mut all_unicode = true;
        for (n, face) in FACES.iter().enumerate() {
            let Some(glyphs) = self.used.get(face) else {
                continue;
            };
            let gids: Vec<u16> = glyphs.keys().copied().collect();
            let loaded = fonts.face(*face);
            let (bytes, remap) = loaded.subset(&gids)?;
            let mut parse_warnings = Vec::new();
            let mut parsed =
                ParsedFont::from_bytes(&bytes, 0, &mut parse_warnings).ok_or_else(|| {
                    Error::write("pdf", format!("cannot read the subset of {}", loaded.name))
                })?;
            parsed.font_name = Some(format!("{}+{}", subset_tag(*face, &gids), loaded.name));
            let number = n + 1;
            let id = FontId(format!("F{number}"));
            pdf.resources
                .fonts
                .map
                .insert(id.clone(), PdfFont::new(parsed));
            let unicode = glyphs
                .iter()
                .map(|(gid, text)| {
                    // An empty entry would make the glyph unreadable to text
                    // extraction; U+FFFD at least says something is there.
                    let text = if text.is_empty() {
                        all_unicode = false;
                        "\u{FFFD}".to_string()
                    } else {
                        text.clone()
                    };
                    (*gid, text)
                })
                .collect::<Vec<_>>();
            inventory.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(1.0),
            });
            inventory.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(0.0), Pt(0.0)),
            });
            inventory.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(
                    unicode
                        .into_iter()
                        .map(|(gid, text)| Codepoint {
                            gid: remap.get(&gid).copied().unwrap_or(0),
                            offset: 0.0,
                            cid: Some(text),
                        })
                        .collect(),
                )],
            });
            remaps.insert(number, remap);
        }
        inventory.push(Op::EndTextSection);

        // 2. The content streams with the subsets' glyph codes, each
        //    compressed as it is made and its placeholder form dropped.
        let code = |font: usize, gid: u16| {
            remaps
                .get(&font)
                .and_then(|remap| remap.get(&gid))
                .copied()
                .unwrap_or(0)
        };
        let page_streams: Vec<Stream> = std::mem::take(&mut self.contents)
            .into_iter()
            .map(|packed| Ok(content_stream(resolve(&packed.unpack()?, code))))
            .collect::<Result<_>>()?;
        let mut tree = std::mem::take(&mut self.tree);
        let links = std::mem::take(&mut self.links);
        for (p, page_links) in links.iter().enumerate() {
            for (a, link) in page_links.iter().enumerate() {
                tree.add_link(link.parent, p, a);
            }
        }

        // 3. The document: printpdf's pages carry only the glyph inventory,
        //    whose content stream is then replaced by each page's own.
        let rect = Rect::from_wh(Pt(width), Pt(height));
        let pages = page_streams.len();
        pdf.pages = (0..pages)
            .map(|p| PdfPage {
                media_box: rect.clone(),
                trim_box: rect.clone(),
                crop_box: rect.clone(),
                ops: if p == 0 {
                    std::mem::take(&mut inventory)
                } else {
                    Vec::new()
                },
            })
            .collect();
        let options = PdfSaveOptions {
            optimize: false,
            subset_fonts: false,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut doc = printpdf::to_lopdf_doc(&pdf, &options, &mut warnings);
        drop(pdf);
        let id_seed = set_page_contents(&mut doc, page_streams)?;

        // 4. What printpdf does not write.
        let claim = conformance(meta.standard, !self.missing.is_empty(), all_unicode);
        let raw = finish(
            &mut doc, pages, &outline, meta, claim, &tree, &links, &id_seed,
        )?;
        drop(tree);
        compress_streams(&mut doc);
        let bytes = serialize::save(&mut doc, raw)?;
        Ok(Emitted {
            bytes,
            missing: self.missing.into_iter().collect(),
            conformance: claim,
        })
    }
}

/// Content streams held as they are, before the rest are packed: a short
/// document's pages (the sample's two take 50 KB) would be packed and
/// unpacked again for nothing, and a long one's stay within this plus a
/// sixth of the rest.
const PLAIN_CONTENT_BUDGET: usize = 4 << 20;

/// A page's content stream while the document is written: past the
/// [`PLAIN_CONTENT_BUDGET`], compressed quickly (to about a sixth), so that
/// a long document holds its pages in little room until the font subsets
/// are made.
enum Packed {
    Deflated {
        bytes: Vec<u8>,
        len: usize,
    },
    /// Within the budget, or left as it was when compressing failed.
    Plain(Vec<u8>),
}

impl Packed {
    fn new(bytes: Vec<u8>) -> Packed {
        match pack(&bytes) {
            Some(packed) => Packed::Deflated {
                bytes: packed,
                len: bytes.len(),
            },
            None => Packed::Plain(bytes),
        }
    }

    fn unpack(self) -> Result<Vec<u8>> {
        match self {
            Packed::Deflated { bytes, len } => inflate(&bytes, len)
                .ok_or_else(|| Error::write("pdf", "a page's content could not be unpacked")),
            Packed::Plain(bytes) => Ok(bytes),
        }
    }
}

/// A page's content stream, compressed as soon as it is made so that a long
/// document holds its pages compressed.
fn content_stream(bytes: Vec<u8>) -> Stream {
    let mut stream = match deflate(&bytes) {
        Some(packed) => Stream::new(
            Dictionary::from_iter(vec![("Filter", name("FlateDecode"))]),
            packed,
        ),
        None => Stream::new(Dictionary::new(), bytes),
    };
    stream.allows_compression = false;
    stream
}

/// Puts each page's content stream in place of printpdf's, and returns
/// their digest (the seed of the document ID).
fn set_page_contents(doc: &mut lopdf::Document, streams: Vec<Stream>) -> Result<Vec<u8>> {
    let broken = || Error::write("pdf", "unexpected printpdf output: page contents");
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.len() != streams.len() {
        return Err(broken());
    }
    let mut digest = crate::hash::Hasher::default();
    for (page_id, stream) in page_ids.into_iter().zip(streams) {
        digest.update(&stream.content);
        let contents = doc
            .get_dictionary(page_id)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|_| broken())?;
        doc.objects.insert(contents, Object::Stream(stream));
    }
    Ok(digest.finish())
}

fn reference(id: ObjectId) -> Object {
    Object::Reference(id)
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// The document-level objects: catalog entries, Info, XMP, outline,
/// annotations, structure tree, ID. The structure elements and the parent
/// tree come back serialized, to be merged into the file by number.
#[allow(clippy::too_many_arguments)]
fn finish(
    doc: &mut lopdf::Document,
    pages: usize,
    outline_entries: &[OutlineEntry],
    meta: &PdfMeta,
    claim: Conformance,
    tree: &StructTree,
    links: &[Vec<PageLink>],
    content_digest: &[u8],
) -> Result<RawObjects> {
    let broken = |what: &str| Error::write("pdf", format!("unexpected printpdf output: {what}"));
    // Tagged PDF, OpenType font programs: PDF 1.7.
    doc.version = "1.7".to_string();
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.len() != pages {
        return Err(broken("page count"));
    }

    // Link annotations.
    let mut annot_ids: Vec<Vec<ObjectId>> = Vec::new();
    let mut next_key = page_ids.len() as i64;
    let mut annot_keys: Vec<Vec<i64>> = Vec::new();
    for (p, page_links) in links.iter().enumerate() {
        let mut ids = Vec::new();
        let mut keys = Vec::new();
        for link in page_links {
            let action = Dictionary::from_iter(vec![
                ("S", name("URI")),
                (
                    "URI",
                    Object::String(uri_bytes(&link.target), StringFormat::Literal),
                ),
            ]);
            let annot = Dictionary::from_iter(vec![
                ("Type", name("Annot")),
                ("Subtype", name("Link")),
                (
                    "Rect",
                    Object::Array(link.rect.iter().map(|&v| Object::Real(round2(v))).collect()),
                ),
                ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
                ("F", 4.into()),
                ("P", reference(page_ids[p])),
                ("Contents", pdf_text(&link.target)),
                ("StructParent", next_key.into()),
                ("A", Object::Dictionary(action)),
            ]);
            keys.push(next_key);
            next_key += 1;
            ids.push(doc.add_object(annot));
        }
        annot_ids.push(ids);
        annot_keys.push(keys);
    }

    // Structure elements: ids first, then the objects that point at each
    // other, each serialized as soon as it is made (see `serialize`).
    let tree_root_id = doc.new_object_id();
    let elem_ids: Vec<ObjectId> = tree.elems.iter().map(|_| doc.new_object_id()).collect();
    // The element of each MCID of each page, `None` for a gap.
    let mut parent_tree: Vec<Vec<Option<usize>>> = vec![Vec::new(); pages];
    let mut annot_parents: BTreeMap<i64, ObjectId> = BTreeMap::new();
    let mut raw = RawObjects::default();
    for (e, elem) in tree.elems.iter().enumerate() {
        let mut kids = Vec::with_capacity(elem.kids.len());
        let mut first_page = None;
        for kid in &elem.kids {
            match *kid {
                Kid::Elem(child) => kids.push(reference(elem_ids[child])),
                Kid::Mcid { page, mcid } => {
                    first_page.get_or_insert(page);
                    kids.push(Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", name("MCR")),
                        ("Pg", reference(page_ids[page])),
                        ("MCID", i64::from(mcid).into()),
                    ])));
                    let slots = &mut parent_tree[page];
                    let at = mcid as usize;
                    if slots.len() <= at {
                        slots.resize(at + 1, None);
                    }
                    slots[at] = Some(e);
                }
                Kid::Annot { page, annot } => {
                    first_page.get_or_insert(page);
                    kids.push(Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", name("OBJR")),
                        ("Pg", reference(page_ids[page])),
                        ("Obj", reference(annot_ids[page][annot])),
                    ])));
                    annot_parents.insert(annot_keys[page][annot], elem_ids[e]);
                }
            }
        }
        let parent = if e == 0 {
            tree_root_id
        } else {
            elem_ids[elem.parent]
        };
        let mut dict = Dictionary::from_iter(vec![
            ("Type", name("StructElem")),
            ("S", name(elem.tag)),
            ("P", reference(parent)),
            ("K", Object::Array(kids)),
        ]);
        if let Some(page) = first_page {
            dict.set("Pg", reference(page_ids[page]));
        }
        if let Some(scope) = elem.scope {
            dict.set(
                "A",
                Dictionary::from_iter(vec![("O", name("Table")), ("Scope", name(scope))]),
            );
        }
        if let Some(alt) = elem.alt.as_deref().filter(|_| elem.tag == "Figure") {
            dict.set("Alt", pdf_text(alt));
        }
        if elem.tag == "Link" {
            if let Some(Kid::Annot { page, annot }) = elem.kids.first() {
                let target = &links[*page][*annot].target;
                dict.set("Alt", pdf_text(target));
            }
        }
        raw.push(elem_ids[e], &Object::Dictionary(dict));
    }
    // The parent tree: `<</Nums[0[...] 1[...] key ref ...]>>`, one page's
    // array made at a time.
    let parent_tree_id = doc.new_object_id();
    raw.push_with(parent_tree_id, |out| {
        out.extend_from_slice(b"<</Nums[");
        for (p, slots) in parent_tree.iter().enumerate() {
            if p > 0 {
                out.push(b' ');
            }
            write!(out, "{p}")?;
            let slots = Object::Array(
                slots
                    .iter()
                    .map(|slot| slot.map_or(Object::Null, |e| reference(elem_ids[e])))
                    .collect(),
            );
            serialize::write_object(out, &slots)?;
        }
        for (key, elem) in &annot_parents {
            write!(out, " {key} {} {} R", elem.0, elem.1)?;
        }
        out.extend_from_slice(b"]>>");
        Ok(())
    });
    doc.set_object(
        tree_root_id,
        Dictionary::from_iter(vec![
            ("Type", name("StructTreeRoot")),
            ("K", Object::Array(vec![reference(elem_ids[0])])),
            ("ParentTree", reference(parent_tree_id)),
            ("ParentTreeNextKey", next_key.into()),
            (
                "RoleMap",
                Object::Dictionary(Dictionary::from_iter(vec![("Title", name("H1"))])),
            ),
        ]),
    );

    for (p, &page_id) in page_ids.iter().enumerate() {
        let page = doc
            .get_dictionary_mut(page_id)
            .map_err(|_| broken("page"))?;
        page.set("StructParents", p as i64);
        page.set("Tabs", name("S"));
        page.set(
            "Annots",
            Object::Array(annot_ids[p].iter().map(|&id| reference(id)).collect()),
        );
    }

    let outline = outline(doc, &mut raw, outline_entries, &page_ids);

    let mut xmp_stream = Stream::new(
        Dictionary::from_iter(vec![("Type", name("Metadata")), ("Subtype", name("XML"))]),
        xmp::packet(meta, claim).into_bytes(),
    );
    // Left uncompressed so that archive tools can find the packet by scanning.
    xmp_stream.allows_compression = false;
    let xmp_id = doc.add_object(xmp_stream);
    let output_intent = claim.pdfa2.map(|_| srgb_output_intent(doc));
    drop_empty_resources(doc, &page_ids);

    let catalog = doc.catalog_mut().map_err(|_| broken("catalog"))?;
    catalog.set(
        "Lang",
        Object::string_literal(meta.language.as_bytes().to_vec()),
    );
    catalog.set(
        "MarkInfo",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "Marked",
            Object::Boolean(true),
        )])),
    );
    catalog.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "DisplayDocTitle",
            Object::Boolean(true),
        )])),
    );
    catalog.set("Metadata", reference(xmp_id));
    if let Some(intent) = output_intent {
        catalog.set("OutputIntents", Object::Array(vec![reference(intent)]));
    }
    catalog.set("StructTreeRoot", reference(tree_root_id));
    catalog.remove(b"PageLayout");
    match outline {
        Some(id) => {
            catalog.set("Outlines", reference(id));
            catalog.set("PageMode", name("UseOutlines"));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", name("UseNone"));
        }
    }

    // The Info dictionary, replacing printpdf's in place.
    let mut info = Dictionary::new();
    let title = if meta.title.is_empty() {
        "Untitled"
    } else {
        meta.title.as_str()
    };
    info.set("Title", pdf_text(title));
    if !meta.authors.is_empty() {
        info.set("Author", pdf_text(&meta.author_line()));
    }
    if let Some(subject) = &meta.subject {
        info.set("Subject", pdf_text(subject));
    }
    if !meta.keywords.is_empty() {
        info.set("Keywords", pdf_text(&meta.keyword_line()));
    }
    info.set("Creator", pdf_text("Recto"));
    info.set("Producer", pdf_text("Recto"));
    let date = Object::string_literal(meta.pdf_date());
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => doc.set_object(id, info),
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", reference(id));
        }
    }

    // A document ID from the content: the same input gives the same file.
    let mut seed = content_digest.to_vec();
    seed.extend_from_slice(xmp::packet(meta, claim).as_bytes());
    let digest = crate::hash::hex_digest(&seed);
    let id_bytes: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&digest[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id_bytes.clone(), StringFormat::Hexadecimal),
            Object::String(id_bytes, StringFormat::Hexadecimal),
        ]),
    );
    Ok(raw)
}

/// The PDF/A output intent: the sRGB profile, which says what the
/// document's device colours (black text, grey rules) mean.
fn srgb_output_intent(doc: &mut lopdf::Document) -> ObjectId {
    let profile = Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        SRGB_PROFILE.to_vec(),
    );
    let profile_id = doc.add_object(profile);
    let condition = "sRGB IEC61966-2.1";
    doc.add_object(Dictionary::from_iter(vec![
        ("Type", name("OutputIntent")),
        ("S", name("GTS_PDFA1")),
        ("OutputConditionIdentifier", pdf_text(condition)),
        ("RegistryName", pdf_text("http://www.color.org")),
        ("Info", pdf_text(condition)),
        ("DestOutputProfile", reference(profile_id)),
    ]))
}

/// Removes the empty resource categories printpdf writes on every page
/// (`/Shading <<>>` and the like): they name nothing, and PDF/A validators
/// that allow only what they recognise stop at them.
fn drop_empty_resources(doc: &mut lopdf::Document, page_ids: &[ObjectId]) {
    let is_empty = |doc: &lopdf::Document, value: &Object| match value {
        Object::Dictionary(d) => d.is_empty(),
        Object::Reference(id) => doc.get_dictionary(*id).is_ok_and(Dictionary::is_empty),
        _ => false,
    };
    for &page in page_ids {
        let resources = match doc.get_dictionary(page).and_then(|p| p.get(b"Resources")) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let dict = match resources {
            Some(id) => doc.get_dictionary(id),
            None => doc
                .get_dictionary(page)
                .and_then(|p| p.get(b"Resources"))
                .and_then(Object::as_dict),
        };
        let Ok(dict) = dict else { continue };
        let empty: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(_, v)| is_empty(doc, v))
            .map(|(k, _)| k.clone())
            .collect();
        let target = match resources {
            Some(id) => doc.get_dictionary_mut(id),
            None => doc
                .get_dictionary_mut(page)
                .and_then(|p| p.get_mut(b"Resources"))
                .and_then(Object::as_dict_mut),
        };
        if let Ok(target) = target {
            for key in &empty {
                target.remove(key);
            }
        }
    }
}

/// The outline (bookmarks): entries nest by heading level; every entry is
/// open. Returns the `Outlines` dictionary, or `None` without headings.
/// Each entry is serialized as it is made (see [`RawObjects`]): a document
/// of 100,000 headings held them all as `lopdf` dictionaries.
fn outline(
    doc: &mut lopdf::Document,
    raw: &mut RawObjects,
    entries: &[OutlineEntry],
    page_ids: &[ObjectId],
) -> Option<ObjectId> {
    let entries: Vec<&OutlineEntry> = entries.iter().filter(|e| e.page < page_ids.len()).collect();
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each entry: the nearest earlier entry of a lower level.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if entries[top].level >= e.level {
                stack.pop();
            } else {
                break;
            }
        }
        parents.push(stack.last().copied());
        stack.push(i);
    }
    // Children of each entry (and, last, of the root) in order, and where
    // each entry stands among its siblings: one pass, so that 100,000
    // headings cost no more than 100,000 times one.
    let root_slot = entries.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); entries.len() + 1];
    let mut sibling_index: Vec<usize> = Vec::with_capacity(entries.len());
    for (i, parent) in parents.iter().enumerate() {
        let list = &mut children[parent.unwrap_or(root_slot)];
        sibling_index.push(list.len());
        list.push(i);
    }
    let descendants = |i: usize| -> i64 {
        let mut count = 0;
        let mut j = i + 1;
        while j < entries.len() && entries[j].level > entries[i].level {
            count += 1;
            j += 1;
        }
        count
    };
    for (i, e) in entries.iter().enumerate() {
        let siblings = &children[parents[i].unwrap_or(root_slot)];
        let at = sibling_index[i];
        let mut dict = Dictionary::from_iter(vec![
            ("Title", pdf_text(&e.title)),
            (
                "Parent",
                reference(parents[i].map(|p| ids[p]).unwrap_or(root)),
            ),
            (
                "Dest",
                Object::Array(vec![
                    reference(page_ids[e.page]),
                    name("XYZ"),
                    Object::Null,
                    Object::Real(round2(e.y)),
                    Object::Null,
                ]),
            ),
        ]);
        if at > 0 {
            dict.set("Prev", reference(ids[siblings[at - 1]]));
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", reference(ids[next]));
        }
        let kids = &children[i];
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            dict.set("First", reference(ids[first]));
            dict.set("Last", reference(ids[last]));
            dict.set("Count", descendants(i));
        }
        raw.push(ids[i], &Object::Dictionary(dict));
    }
    let top = &children[root_slot];
    doc.set_object(
        root,
        Dictionary::from_iter(vec![
            ("Type", name("Outlines")),
            ("First", reference(ids[top[0]])),
            ("Last", reference(ids[*top.last().unwrap_or(&top[0])])),
            ("Count", (entries.len() as i64).into()),
        ]),
    );
    Some(root)
}

/// Deflates every stream that allows it and is not compressed yet.
fn compress_streams(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        // An incompressible stream stays as it is.
        if let Some(compressed) = deflate(&stream.content)
            && compressed.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}
