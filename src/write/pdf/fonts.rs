//! The embedded font set and text shaping.
//!
//! The faces come from the `typst-assets` crate (its `fonts` feature), which
//! ships them under the SIL Open Font License 1.1: Libertinus Serif for text
//! (regular, italic, bold, bold italic) and DejaVu Sans Mono for code. The
//! fallback face is DejaVu Sans Mono again: of the bundled faces it has the
//! widest coverage (arrows, box drawing, dingbats, Georgian, Armenian and
//! more that Libertinus lacks; New Computer Modern covers less), and sharing
//! the file means one embedded font serves both roles.
//! Fonts installed on the machine are never used, so a PDF looks the same
//! wherever it is made.
//!
//! Shaping goes through allsorts (the shaper printpdf itself uses): standard
//! ligatures and kerning are applied, and every glyph keeps the characters it
//! stands for so that emission can write a ToUnicode map that reads a
//! ligature back as its letters.

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use allsorts::Font;
use allsorts::binary::read::ReadScope;
use allsorts::font::MatchingPresentation;
use allsorts::font_data::{DynamicFontTableProvider, FontData};
use allsorts::glyph_position::{GlyphLayout, TextDirection};
use allsorts::gpos::Info;
use allsorts::gsub::{FeatureMask, FeatureMaskExt};
use allsorts::tag;

use super::fast_position::PairPositions;
use super::fast_shape::{self, Unsubstituted};
use super::page::{FontFace, Measure, prefix_widths_by_character};
use crate::error::{Error, Result};

/// Every face, in the order of [`FACES`].
pub const FACES: [FontFace; 6] = [
    FontFace::Regular,
    FontFace::Italic,
    FontFace::Bold,
    FontFace::BoldItalic,
    FontFace::Mono,
    FontFace::Fallback,
];

/// The licence the embedded fonts are distributed under; shipped with the
/// crate for anyone who redistributes the fonts inside a PDF.
pub const FONT_LICENSE: &str = "SIL Open Font License 1.1 (Libertinus Serif); DejaVu fonts licence (DejaVu Sans Mono); \
     both shipped by the typst-assets crate";

/// The bundled font files with their PostScript names, each name read once
/// (a face is picked by name, and reading the names of every file for each
/// face read them six times).
fn bundled_fonts() -> Vec<(Option<String>, &'static [u8])> {
    typst_assets::fonts()
        .map(|bytes| (font_family_name(bytes), bytes))
        .collect()
}

/// The file of each face and the PostScript-style name written as its
/// `/BaseFont`, from the [`bundled_fonts`].
fn face_source(
    face: FontFace,
    bundled: &[(Option<String>, &'static [u8])],
) -> (&'static [u8], &'static str) {
    // `typst_assets::fonts()` yields the files in a documented, fixed order;
    // pick by name from the list below rather than trusting positions.
    let find = |needle: &str| -> &'static [u8] {
        bundled
            .iter()
            .find(|(name, _)| name.as_deref() == Some(needle))
            .map_or(&[], |&(_, bytes)| bytes)
    };
    match face {
        FontFace::Regular => (find("LibertinusSerif-Regular"), "LibertinusSerif-Regular"),
        FontFace::Italic => (find("LibertinusSerif-Italic"), "LibertinusSerif-Italic"),
        FontFace::Bold => (find("LibertinusSerif-Bold"), "LibertinusSerif-Bold"),
        FontFace::BoldItalic => (
            find("LibertinusSerif-BoldItalic"),
            "LibertinusSerif-BoldItalic",
        ),
        FontFace::Mono => (find("DejaVuSansMono"), "DejaVuSansMono"),
        FontFace::Fallback => (find("DejaVuSansMono"), "DejaVuSansMono"),
    }
}

/// The PostScript name (name id 6) of a font file, used to pick faces out of
/// the asset list by name.
fn font_family_name(bytes: &[u8]) -> Option<String> {
    use allsorts::tables::{FontTableProvider, NameTable};
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let name_data = provider.read_table_data(tag::NAME).ok()?;
    let name = ReadScope::new(&name_data).read::<NameTable<'_>>().ok()?;
    name.string_for_id(NameTable::POSTSCRIPT_NAME)
}

/// One shaped glyph. Advances and offsets are in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    pub gid: u16,
    /// Advance after kerning.
    pub advance: i32,
    /// Horizontal displacement of the glyph from the pen (mark placement).
    pub x_offset: i32,
    /// The characters this glyph stands for ("fi" for the fi ligature).
    pub text: String,
}

/// A string shaped in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    pub glyphs: Vec<ShapedGlyph>,
    pub units_per_em: u16,
}

impl Shaped {
    /// Width in points at `size`.
    pub fn width(&self, size: f32) -> f32 {
        let units: i64 = self.glyphs.iter().map(|g| i64::from(g.advance)).sum();
        units as f32 * size / f32::from(self.units_per_em.max(1))
    }
}

/// A run shaped piece by piece (words and runs of spaces), each piece
/// shared with the shaping cache.
pub struct ShapedRun {
    pieces: Vec<Rc<Shaped>>,
    units_per_em: u16,
}

impl ShapedRun {
    /// The glyphs of the run in order.
    pub fn glyphs(&self) -> impl Iterator<Item = &ShapedGlyph> {
        self.pieces.iter().flat_map(|piece| piece.glyphs.iter())
    }

    /// Width in points at `size`.
    pub fn width(&self, size: f32) -> f32 {
        let units: i64 = self.glyphs().map(|g| i64::from(g.advance)).sum();
        units as f32 * size / f32::from(self.units_per_em.max(1))
    }
}

/// One loaded face: its bytes (embedded later), its shaper and its metrics.
pub struct Face {
    pub bytes: &'static [u8],
    pub name: &'static str,
    pub units_per_em: u16,
    font: RefCell<Font<DynamicFontTableProvider<'static>>>,
    /// Nominal advance of each glyph (hmtx), in font units.
    advances: Vec<u16>,
    /// The glyph of each character below [`KNOWN_CHARS`] once looked up
    /// ([`UNKNOWN`] before): layout and emission ask for every character of
    /// the document, and a lookup in the font's character map costs more
    /// than the rest of the question.
    known: Box<[Cell<u32>]>,
    /// Which characters shape without the substitution pass.
    unsubstituted: Unsubstituted,
    /// Remembered kerning of plain characters and pairs.
    pair_positions: PairPositions,
}

/// Characters whose glyph a [`Face`] remembers: Latin, Greek and Cyrillic.
const KNOWN_CHARS: usize = 0x500;

/// A character not looked up yet.
const UNKNOWN: u32 = u32::MAX;

impl Face {
    fn load(face: FontFace, bundled: &[(Option<String>, &'static [u8])]) -> Result<Face> {
        let (bytes, name) = face_source(face, bundled);
        let fail = |what: &str| Error::write("pdf", format!("font {name}: {what}"));
        if bytes.is_empty() {
            return Err(fail("not found among the bundled fonts"));
        }
        let data = ReadScope::new(bytes)
            .read::<FontData<'static>>()
            .map_err(|e| fail(&e.to_string()))?;
        let provider = data.table_provider(0).map_err(|e| fail(&e.to_string()))?;
        let mut font = Font::new(provider).map_err(|e| fail(&e.to_string()))?;
        let units_per_em = font.head_table.units_per_em;
        let advances = (0..font.num_glyphs())
            .map(|gid| font.horizontal_advance(gid).unwrap_or(0))
            .collect();
        Ok(Face {
            bytes,
            name,
            units_per_em,
            font: RefCell::new(font),
            advances,
            known: (0..KNOWN_CHARS).map(|_| Cell::new(UNKNOWN)).collect(),
            unsubstituted: Unsubstituted::default(),
            pair_positions: PairPositions::default(),
        })
    }

    /// Nominal advance of `gid` in font units (what the PDF `/W` array says).
    pub fn advance(&self, gid: u16) -> u16 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// A font program holding only `gids` (plus `.notdef`), and where each
    /// original glyph id went in it.
    pub fn subset(&self, gids: &[u16]) -> Result<(Vec<u8>, BTreeMap<u16, u16>)> {
        let (bytes, map) = self.subset_with_all_strings(gids)?;
        // allsorts keeps every glyph name of the font; most of a CFF subset.
        let bytes = super::cff_strings::compact(&bytes).unwrap_or(bytes);
        Ok((bytes, map))
    }

    fn subset_with_all_strings(&self, gids: &[u16]) -> Result<(Vec<u8>, BTreeMap<u16, u16>)> {
        use allsorts::subset::{CmapTarget, SubsetProfile, subset};
        let fail = |what: String| Error::write("pdf", format!("subsetting {}: {what}", self.name));
        let data = ReadScope::new(self.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| fail(e.to_string()))?;
        let provider = data.table_provider(0).map_err(|e| fail(e.to_string()))?;
        // `.notdef` must stay glyph 0; the subsetter numbers the kept glyphs
        // in the order given.
        let mut ids = vec![0u16];
        ids.extend(gids.iter().copied().filter(|&g| g != 0));
        ids.sort_unstable();
        ids.dedup();
        let bytes = subset(
            &provider,
            &ids,
            &SubsetProfile::Pdf,
            CmapTarget::Unrestricted,
        )
        .map_err(|e| fail(e.to_string()))?;
        let map = ids
            .iter()
            .enumerate()
            .map(|(new, &old)| (old, new as u16))
            .collect();
        Ok((bytes, map))
    }

    fn glyph_for(&self, c: char) -> u16 {
        let known = self.known.get(c as usize);
        if let Some(gid) = known.map(Cell::get).filter(|&g| g != UNKNOWN) {
            return gid as u16;
        }
        let gid = self
            .font
            .borrow_mut()
            .lookup_glyph_index(c, MatchingPresentation::NotRequired, None)
            .0;
        if let Some(cell) = known {
            cell.set(u32::from(gid));
        }
        gid
    }

    /// Shapes `text`, in pieces where a base carries more than
    /// [`MAX_MARKS_ON_A_BASE`] combining marks.
    fn shape(&self, text: &str) -> Shaped {
        let mut glyphs = Vec::new();
        for piece in mark_bounded_pieces(text) {
            glyphs.extend(self.shape_piece(piece));
        }
        Shaped {
            glyphs,
            units_per_em: self.units_per_em,
        }
    }

    /// Shapes `text` without the substitution pass when no substitution can
    /// act on it ([`Unsubstituted`]), else through the full shaper: the
    /// same glyphs either way.
    fn shape_piece(&self, text: &str) -> Vec<ShapedGlyph> {
        self.shape_piece_unsubstituted(text)
            .unwrap_or_else(|| self.shape_piece_fully(text))
    }

    fn shape_piece_unsubstituted(&self, text: &str) -> Option<Vec<ShapedGlyph>> {
        let mut font = self.font.borrow_mut();
        let glyphs = self.unsubstituted.glyphs(&mut font, text)?;
        if let Some(shaped) = self.pair_positions.shape(&mut font, &glyphs) {
            return Some(shaped);
        }
        let infos = fast_shape::position(&mut font, glyphs)?;
        Some(self.placed(&mut font, &infos))
    }

    fn shape_piece_fully(&self, text: &str) -> Vec<ShapedGlyph> {
        let mut font = self.font.borrow_mut();
        let glyphs = font.map_glyphs(text, tag::LATN, MatchingPresentation::NotRequired);
        // The shaper applies what it can and reports the first problem; the
        // glyphs it returns are usable either way.
        let infos = match font.shape(
            glyphs,
            tag::LATN,
            Some(tag::DFLT),
            FeatureMask::default_mask(),
            &[],
            None,
            true,
        ) {
            Ok(infos) => infos,
            Err((_, infos)) => infos,
        };
        self.placed(&mut font, &infos)
    }

    /// The shaped glyphs laid out left to right.
    fn placed(
        &self,
        font: &mut Font<DynamicFontTableProvider<'static>>,
        infos: &[Info],
    ) -> Vec<ShapedGlyph> {
        let positions = GlyphLayout::new(font, infos, TextDirection::LeftToRight, false)
            .glyph_positions()
            .unwrap_or_default();
        infos
            .iter()
            .enumerate()
            .map(|(i, info)| {
                let gid = info.glyph.glyph_index;
                let pos = positions.get(i);
                ShapedGlyph {
                    gid,
                    advance: pos
                        .map(|p| p.hori_advance)
                        .unwrap_or_else(|| i32::from(self.advance(gid))),
                    x_offset: pos.map(|p| p.x_offset).unwrap_or(0),
                    text: info.glyph.unicodes.iter().collect(),
                }
            })
            .collect()
    }
}

/// Most combining marks shaped on one base character. The shaper looks
/// back over the marks before each mark to find its base, so one base
/// carrying thousands of marks (so-called Zalgo text) costs the square of
/// their number; real scripts stack a handful. Marks past this many are
/// shaped apart from their base and drawn unattached.
const MAX_MARKS_ON_A_BASE: usize = 32;

/// `text` cut before every mark that follows [`MAX_MARKS_ON_A_BASE`]
/// others in a row (usually the whole text, uncut).
fn mark_bounded_pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut marks = 0;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            if !unicode_normalization::char::is_combining_mark(c) {
                marks = 0;
            } else if marks == MAX_MARKS_ON_A_BASE && i > 0 {
                cut = i;
                break;
            } else {
                marks += 1;
            }
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Shaped words kept between documents: a language's working vocabulary.
const SHAPING_CACHE_LIMIT: usize = 50_000;

/// `text` cut into words and runs of spaces, in order.
fn space_bounded_pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let end = if first == ' ' {
            rest.find(|c| c != ' ')
        } else {
            rest.find(' ')
        }
        .unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// The six faces of the embedded set, with a shaping cache. Layout measures
/// through it ([`Measure`]); emission shapes and embeds through it.
pub struct FontSet {
    faces: Vec<Face>,
    /// Shaped strings of each face (by its place in [`FACES`]), looked up
    /// by the borrowed string.
    cache: Vec<RefCell<HashMap<String, Rc<Shaped>>>>,
}

impl FontSet {
    /// Loads every face from the bundled font files.
    pub fn load() -> Result<FontSet> {
        let bundled = bundled_fonts();
        let faces = FACES
            .iter()
            .map(|&f| Face::load(f, &bundled))
            .collect::<Result<Vec<_>>>()?;
        Ok(FontSet {
            cache: faces.iter().map(|_| RefCell::default()).collect(),
            faces,
        })
    }

    /// Empties the shaping cache once it holds more than
    /// [`SHAPING_CACHE_LIMIT`] words, so that a long batch keeps bounded memory.
    pub fn trim_cache(&self) {
        let words: usize = self.cache.iter().map(|c| c.borrow().len()).sum();
        if words > SHAPING_CACHE_LIMIT {
            self.cache.iter().for_each(|c| c.borrow_mut().clear());
        }
    }

    fn index(face: FontFace) -> usize {
        FACES.iter().position(|&f| f == face).unwrap_or(0)
    }

    pub fn face(&self, face: FontFace) -> &Face {
        &self.faces[Self::index(face)]
    }

    /// The face whose embedded font shows `face`: faces that share a font
    /// file share one embedded font (the first of them in [`FACES`]).
    pub fn embedded_as(&self, face: FontFace) -> FontFace {
        let bytes = self.face(face).bytes.as_ptr();
        FACES
            .iter()
            .copied()
            .find(|&f| self.face(f).bytes.as_ptr() == bytes)
            .unwrap_or(face)
    }

    /// Shapes `text` in `face` (cached: layout and emission shape the same
    /// words many times).
    pub fn shape(&self, face: FontFace, text: &str) -> Rc<Shaped> {
        let cache = &self.cache[Self::index(face)];
        if let Some(shaped) = cache.borrow().get(text) {
            return Rc::clone(shaped);
        }
        let shaped = Rc::new(self.face(face).shape(text));
        cache
            .borrow_mut()
            .insert(text.to_string(), Rc::clone(&shaped));
        shaped
    }

    /// Shapes a run of words in `face` word by word, each word and each
    /// run of spaces through the cache: layout has already shaped the
    /// words, so drawing a line costs no new shaping, and the run keeps the
    /// cached pieces instead of copying their glyphs. The same glyphs as
    /// shaping the run whole as long as no substitution or kerning of the
    /// faces reaches across a space (`words_shape_as_the_whole_run`).
    pub fn shape_words(&self, face: FontFace, text: &str) -> ShapedRun {
        ShapedRun {
            pieces: space_bounded_pieces(text)
                .map(|piece| self.shape(face, piece))
                .collect(),
            units_per_em: self.face(face).units_per_em,
        }
    }

    /// The face that shows `c`: `face` itself, else the fallback, else
    /// `None` when no face has it.
    pub fn face_for(&self, face: FontFace, c: char) -> Option<FontFace> {
        if self.has_glyph(face, c) {
            Some(face)
        } else if self.has_glyph(FontFace::Fallback, c) {
            Some(FontFace::Fallback)
        } else {
            None
        }
    }
}

/// Characters that are drawn as nothing and so need no glyph: controls,
/// and format characters such as the soft hyphen and zero-width joiners.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

impl Measure for FontSet {
    fn width(&self, text: &str, face: FontFace, size: f32) -> f32 {
        self.shape(face, text).width(size)
    }

    fn has_glyph(&self, face: FontFace, c: char) -> bool {
        c == ' ' || self.face(face).glyph_for(c) != 0
    }

    /// From the glyphs of one shaping: each glyph's advance is added at
    /// the end of the characters it stands for; a ligature's advance is
    /// shared out evenly between its characters. When the glyphs do not
    /// account for every byte of the text (a shaper that drops a
    /// character), the characters are measured one by one instead.
    fn prefix_widths(&self, text: &str, face: FontFace, size: f32) -> Vec<f32> {
        let shaped = self.shape(face, text);
        let covered: usize = shaped.glyphs.iter().map(|g| g.text.len()).sum();
        if covered != text.len() {
            return prefix_widths_by_character(self, text, face, size);
        }
        let scale = size / f32::from(shaped.units_per_em.max(1));
        let mut out = Vec::with_capacity(text.len() + 1);
        let mut units = 0i64;
        for g in &shaped.glyphs {
            let chars = g.text.chars().count().max(1) as i64;
            for (k, c) in g.text.chars().enumerate() {
                out.push((units + i64::from(g.advance) * k as i64 / chars) as f32 * scale);
                let w = *out.last().expect("just pushed");
                out.extend(std::iter::repeat_n(w, c.len_utf8() - 1));
            }
            units += i64::from(g.advance);
        }
        out.push(units as f32 * scale);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_loads() {
        let fonts = FontSet::load().expect("fonts load");
        for face in FACES {
            assert!(fonts.face(face).units_per_em > 0, "{face:?}");
            assert!(fonts.has_glyph(face, 'a'), "{face:?}");
        }
    }

    #[test]
    fn standard_ligatures_are_applied_and_keep_their_letters() {
        let fonts = FontSet::load().unwrap();
        let shaped = fonts.shape(FontFace::Regular, "office");
        assert!(shaped.glyphs.len() < "office".len(), "{shaped:?}");
        let text: String = shaped.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "office");
    }

    /// The strings, glyph programs and subroutines of the `CFF ` table of
    /// `font`, as a reader sees them: each glyph's name, the Top DICT's
    /// strings, the charstrings and the subroutine INDEXes.
    fn cff_as_read(font: &[u8]) -> (Vec<String>, Vec<String>, Vec<Vec<u8>>, usize) {
        use allsorts::cff::{CFF, CFFVariant, Operator};
        use allsorts::tables::FontTableProvider;
        let data = ReadScope::new(font).read::<FontData<'_>>().unwrap();
        let provider = data.table_provider(0).unwrap();
        let table = provider.read_table_data(allsorts::tag::CFF).unwrap();
        let cff = ReadScope::new(&table).read::<CFF<'_>>().unwrap();
        let program = &cff.fonts[0];
        let glyphs = program.char_strings_index.len();
        let names = (1..glyphs as u16)
            .map(|g| {
                let sid = program.charset.id_for_glyph(g).unwrap();
                cff.read_string(sid).unwrap().to_string()
            })
            .collect();
        let top = [Operator::Version, Operator::Notice, Operator::FullName]
            .into_iter()
            .chain([Operator::FamilyName, Operator::Weight, Operator::Copyright])
            .filter_map(|op| match program.top_dict.get(op) {
                Some([allsorts::cff::Operand::Integer(sid)]) => {
                    Some(cff.read_string(*sid as u16).unwrap().to_string())
                }
                _ => None,
            })
            .collect();
        let mut programs: Vec<Vec<u8>> = program
            .char_strings_index
            .iter()
            .map(<[u8]>::to_vec)
            .collect();
        programs.extend(cff.global_subr_index.iter().map(<[u8]>::to_vec));
        if let CFFVariant::Type1(type1) = &program.data {
            if let Some(subrs) = &type1.local_subr_index {
                programs.extend(subrs.iter().map(<[u8]>::to_vec));
            }
        }
        (names, top, programs, cff.string_index.len())
    }

    #[test]
    fn cff_subsets_keep_every_glyph_name_and_program_in_fewer_bytes() {
        let fonts = FontSet::load().unwrap();
        let text = "Recto: office, “quotes” — 1,234.5 ÆØÅ ßẞ";
        for face in [
            FontFace::Regular,
            FontFace::Italic,
            FontFace::Bold,
            FontFace::BoldItalic,
        ] {
            let loaded = fonts.face(face);
            let gids: Vec<u16> = fonts
                .shape(face, text)
                .glyphs
                .iter()
                .map(|g| g.gid)
                .collect();
            let (all, map) = loaded.subset_with_all_strings(&gids).unwrap();
            let (compacted, compacted_map) = loaded.subset(&gids).unwrap();
            assert_eq!(map, compacted_map);
            assert!(
                compacted.len() * 2 < all.len(),
                "{face:?}: {} of {} bytes",
                compacted.len(),
                all.len()
            );
            let (names, top, programs, strings) = cff_as_read(&all);
            let after = cff_as_read(&compacted);
            assert!(names.iter().any(|n| n == "quotedblleft"), "{names:?}");
            assert_eq!(
                (&names, &top, &programs, strings),
                (&after.0, &after.1, &after.2, after.3),
                "{face:?}"
            );
            assert!(top.iter().any(|s| s.contains("Libertinus")), "{top:?}");
            // Table checksums and the whole-font checksum hold (OpenType
            // spec: the font sums to 0xB1B0AFBA with the adjustment in).
            assert_eq!(
                super::super::cff_strings::font_checksum_holds(&compacted),
                Some(true)
            );
            // Nothing is left to gain a second time.
            assert!(super::super::cff_strings::compact(&compacted).is_none());
        }
    }

    #[test]
    fn kerning_changes_widths() {
        let fonts = FontSet::load().unwrap();
        let pair = fonts.width("AV", FontFace::Regular, 10.0);
        let apart =
            fonts.width("A", FontFace::Regular, 10.0) + fonts.width("V", FontFace::Regular, 10.0);
        assert!(pair < apart, "AV {pair} vs A+V {apart}");
    }

    #[test]
    fn the_fallback_covers_what_the_text_face_lacks() {
        let fonts = FontSet::load().unwrap();
        assert!(fonts.has_glyph(FontFace::Regular, 'é'));
        assert!(fonts.face_for(FontFace::Regular, '\u{10FFFD}').is_none());
    }
    #[test]
    fn words_shape_as_the_whole_run() {
        // Drawing shapes lines word by word; that holds only while no
        // lookup of the faces joins or kerns across a space.
        let fonts = FontSet::load().unwrap();
        let printable: Vec<char> = ('!'..='~').chain("éüñçøł’“”–—".chars()).collect();
        for face in FACES {
            let drawn: Vec<char> = printable
                .iter()
                .copied()
                .filter(|&c| fonts.face_for(face, c) == Some(face))
                .collect();
            for &a in &drawn {
                for &b in &drawn {
                    let run = format!("{a}{a} {b}{b}  {a}");
                    let whole = fonts.face(face).shape(&run);
                    let drawn = fonts.shape_words(face, &run);
                    let drawn: Vec<&ShapedGlyph> = drawn.glyphs().collect();
                    let whole: Vec<&ShapedGlyph> = whole.glyphs.iter().collect();
                    assert_eq!(drawn, whole, "{face:?} {run:?}");
                }
            }
        }
    }

    /// Shapes `text` in `face` through the full shaper and, when it takes
    /// the text, the path without substitution; asserts the same glyph
    /// ids, advances, offsets and letters. Returns whether the fast path
    /// took the text.
    fn shapes_alike(face: &Face, text: &str) -> bool {
        let fully = face.shape_piece_fully(text);
        match face.shape_piece_unsubstituted(text) {
            Some(fast) => {
                assert_eq!(fast, fully, "{} {text:?}", face.name);
                true
            }
            None => false,
        }
    }

    /// The words of the word list (every `step`-th), every whitespace-cut
    /// token of the files under `input/` and, with `corpus`, of the dev2
    /// corpus (skipped with a note when `../shared` is absent), and runs
    /// of spaces.
    fn shaping_texts(step: usize, corpus: bool) -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let words = std::fs::read_to_string(root.join("data/words/en.txt")).unwrap();
        let mut texts: Vec<String> = words.lines().step_by(step).map(str::to_string).collect();
        let mut files: Vec<std::path::PathBuf> = Vec::new();
        let mut add_dir = |dir: &std::path::Path| {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        };
        add_dir(&root.join("input"));
        let dev2 = root.join("../shared/corpus/dev2");
        if corpus {
            if dev2.is_dir() {
                add_dir(&dev2);
            } else {
                println!("skipped the dev2 corpus: {} not found", dev2.display());
            }
        }
        files.sort();
        let mut tokens = std::collections::BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            tokens.extend(text.split_whitespace().map(str::to_string));
        }
        texts.extend(tokens);
        texts.extend((1..=4).map(|n| " ".repeat(n)));
        texts
    }

    fn assert_every_text_shapes_alike(texts: &[String]) {
        let fonts = FontSet::load().unwrap();
        for face in FACES {
            let face = fonts.face(face);
            let fast = texts.iter().filter(|t| shapes_alike(face, t)).count();
            let paired = texts
                .iter()
                .filter(|t| {
                    let mut font = face.font.borrow_mut();
                    face.unsubstituted
                        .glyphs(&mut font, t)
                        .and_then(|glyphs| face.pair_positions.shape(&mut font, &glyphs))
                        .is_some()
                })
                .count();
            println!(
                "{}: {} texts compared, {fast} took the path without substitution, \
                 {paired} of them positioned from remembered pairs",
                face.name,
                texts.len()
            );
            assert!(fast > 0 && paired > 0, "{}", face.name);
        }
    }

    #[test]
    fn words_shape_alike_with_and_without_the_substitution_pass() {
        assert_every_text_shapes_alike(&shaping_texts(40, false));
    }

    /// The whole word list and the dev2 corpus (about 140,000 texts per
    /// face): about four seconds in release.
    #[test]
    #[ignore]
    fn every_word_shapes_alike_with_and_without_the_substitution_pass() {
        assert_every_text_shapes_alike(&shaping_texts(1, true));
    }

    #[test]
    fn words_a_substitution_acts_on_take_the_full_shaper() {
        let fonts = FontSet::load().unwrap();
        let regular = fonts.face(FontFace::Regular);
        // The fi ligature starts at `f`; a combining mark is reordered
        // and composed by the shaper; characters past Cyrillic are not
        // considered at all.
        for text in ["office", "e\u{301}", "\u{05D0}"] {
            assert!(
                regular.shape_piece_unsubstituted(text).is_none(),
                "{text:?}"
            );
        }
        assert!(regular.shape_piece_unsubstituted("summit").is_some());
    }

    #[test]
    fn space_bounded_pieces_keep_every_byte() {
        let pieces: Vec<&str> = space_bounded_pieces(" office  AV é ").collect();
        assert_eq!(pieces, [" ", "office", "  ", "AV", " ", "é", " "]);
        assert_eq!(space_bounded_pieces("").count(), 0);
    }
}
