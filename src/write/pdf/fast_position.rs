//! Positioning words from remembered adjustments of single glyphs and of
//! neighbouring pairs, instead of running GPOS over each new word.
//!
//! Kerning moves a glyph by what its left and right neighbours ask; a word
//! of plain glyphs (no marks, nothing contextual) gets, glyph by glyph, the
//! sum of what GPOS does to the glyph alone and what it adds for each pair
//! the glyph is in. Both are measured once, by allsorts itself
//! (`gpos::apply` on the glyph alone and on the pair alone), and
//! remembered per face.
//!
//! Why the sum is exact, following allsorts 0.17's `gpos::apply` (script
//! `latn`, language `DFLT`, kerning on, the default features, no
//! variation tuple), for a word whose every character is plain (checked
//! once per character: not a mark by GDEF, matched by every pair lookup's
//! flags, in no contextual lookup's first coverage, with a nominal
//! advance):
//!
//! * It runs the lookups of `dist`, `kern`, `mark`, `mkmk` and then of the
//!   default features, read here the same way. Each lookup type, on a run
//!   of plain glyphs: single positioning acts on each glyph alone; pair
//!   positioning on each pair of neighbours (a plain glyph is never skipped
//!   by a pair lookup's flags); cursive, mark-to-base and mark-to-ligature
//!   positioning on each pair of neighbours (no glyph is a mark, so each
//!   glyph is the base of the next); mark-to-mark only on marks (none);
//!   contextual and chained contextual positioning only on a glyph in their
//!   first coverage (none). So every effect comes from one glyph or one
//!   pair, and depends only on those glyphs.
//! * A pair that some cursive or mark attachment lookup would attach
//!   (asked through the subtables' own `apply`) sends the word to the full
//!   positioning; otherwise those lookups do nothing to the word, and no
//!   glyph becomes a mark. What remains, single and pair positioning, adds
//!   to a glyph's advance and to its placement distance; additions commute,
//!   so lookup order does not matter. A measurement showing anything but a
//!   shift also sends the word to the full positioning.
//! * When the font has no `kern` feature but a `kern` table, allsorts
//!   applies that table instead: this shortcut is then off for the face.
//! * The layout then gives each glyph its nominal advance plus the kerning
//!   and its placement distance as offset; the same is computed here.
//!
//! `fonts::tests` shapes the word list and the corpus tokens both ways and
//! compares every glyph.

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use allsorts::Font;
use allsorts::context::MatchType;
use allsorts::font_data::DynamicFontTableProvider;
use allsorts::gdef::gdef_is_mark;
use allsorts::gpos::{Info, Placement};
use allsorts::gsub::{FeatureMask, FeatureMaskExt, RawGlyph};
use allsorts::layout::{
    GPOS, LookupCacheItem, PosLookup, chain_context_lookup_info, context_lookup_info,
};
use allsorts::tag;

use super::fonts::ShapedGlyph;

type FontFile = Font<DynamicFontTableProvider<'static>>;
type Lookup = Arc<LookupCacheItem<PosLookup>>;

/// Remembered pairs past which the memory is emptied (a long batch in many
/// alphabets keeps bounded memory).
const PAIR_LIMIT: usize = 100_000;

/// What positioning does to one glyph: added to its advance, and its
/// horizontal placement.
#[derive(Clone, Copy, Default)]
struct Shift {
    kerning: i16,
    x_offset: i32,
}

impl Shift {
    fn plus(self, other: Shift) -> Shift {
        Shift {
            kerning: self.kerning.wrapping_add(other.kerning),
            x_offset: self.x_offset.wrapping_add(other.x_offset),
        }
    }

    fn minus(self, other: Shift) -> Shift {
        Shift {
            kerning: self.kerning.wrapping_sub(other.kerning),
            x_offset: self.x_offset.wrapping_sub(other.x_offset),
        }
    }

    /// The shift of a positioned glyph, or `None` when positioning did
    /// more than shift it.
    fn of(info: &Info) -> Option<Shift> {
        let x_offset = match info.placement {
            Placement::None => 0,
            Placement::Distance(dx, _) => dx,
            _ => return None,
        };
        (!info.reset_cross_stream).then_some(Shift {
            kerning: info.kerning,
            x_offset,
        })
    }
}

/// What a pair adds to its left and its right glyph.
type PairShift = (Shift, Shift);

/// One plain character: its nominal advance and what positioning does to
/// it alone.
#[derive(Clone, Copy)]
struct Plain {
    advance: u16,
    alone: Shift,
}

/// One face's remembered positioning of plain characters and pairs.
#[derive(Default)]
pub struct PairPositions {
    /// The positioning lookups of the face, read at the first word (`None`
    /// when this shortcut is off for the face).
    lookups: OnceCell<Option<Vec<Lookup>>>,
    chars: RefCell<HashMap<char, Option<Plain>>>,
    /// What a pair adds to each of its glyphs beyond their shifts alone.
    pairs: RefCell<HashMap<(char, char), Option<PairShift>>>,
}

impl PairPositions {
    /// The positioned glyphs of `glyphs` (one per character, as mapped and
    /// left unchanged by substitution), the same as GPOS and the layout
    /// make of them; `None` when some glyph or pair is not plain.
    pub fn shape(&self, font: &mut FontFile, glyphs: &[RawGlyph<()>]) -> Option<Vec<ShapedGlyph>> {
        let mut plain = Vec::with_capacity(glyphs.len());
        for glyph in glyphs {
            plain.push(self.plain(font, glyph)?);
        }
        let mut shifts: Vec<Shift> = plain.iter().map(|p| p.alone).collect();
        for i in 1..glyphs.len() {
            let (left, right) = self.pair(font, &glyphs[i - 1], &glyphs[i], &plain[i - 1..=i])?;
            shifts[i - 1] = shifts[i - 1].plus(left);
            shifts[i] = shifts[i].plus(right);
        }
        Some(
            glyphs
                .iter()
                .zip(plain.iter().zip(shifts))
                .map(|(glyph, (p, shift))| ShapedGlyph {
                    gid: glyph.glyph_index,
                    advance: i32::from(p.advance) + i32::from(shift.kerning),
                    x_offset: shift.x_offset,
                    text: glyph.unicodes.iter().collect(),
                })
                .collect(),
        )
    }

    fn plain(&self, font: &mut FontFile, glyph: &RawGlyph<()>) -> Option<Plain> {
        let c = glyph.unicodes.first().copied()?;
        if let Some(&known) = self.chars.borrow().get(&c) {
            return known;
        }
        let plain = self.measure_plain(font, glyph);
        self.chars.borrow_mut().insert(c, plain);
        plain
    }

    fn measure_plain(&self, font: &mut FontFile, glyph: &RawGlyph<()>) -> Option<Plain> {
        let lookups = self
            .lookups
            .get_or_init(|| applied_lookups(font))
            .as_ref()?;
        let gdef = font.gdef_table().ok()?;
        let gdef = gdef.as_deref();
        let gid = glyph.glyph_index;
        if glyph.unicodes.len() != 1 || gdef_is_mark(gdef, gid) {
            return None;
        }
        for lookup in lookups {
            let match_type =
                MatchType::from_lookup_flag(lookup.lookup_flag, lookup.mark_filtering_set);
            let plain = match &lookup.lookup_subtables {
                PosLookup::PairPos(_) => match_type.match_glyph(gdef, glyph),
                PosLookup::ContextPos(s) => !s.iter().any(|t| {
                    context_lookup_info::<GPOS, GPOS>(t, gid, |_| Some(0..=0))
                        .map_or(true, |m| m.is_some())
                }),
                PosLookup::ChainContextPos(s) => !s.iter().any(|t| {
                    chain_context_lookup_info::<GPOS, GPOS>(t, gid, |_| Some(0..=0))
                        .map_or(true, |m| m.is_some())
                }),
                _ => true,
            };
            if !plain {
                return None;
            }
        }
        let advance = font.horizontal_advance(gid)?;
        let alone = positioned(font, vec![glyph.clone()])?;
        Some(Plain {
            advance,
            alone: alone[0],
        })
    }

    fn pair(
        &self,
        font: &mut FontFile,
        left: &RawGlyph<()>,
        right: &RawGlyph<()>,
        plain: &[Plain],
    ) -> Option<PairShift> {
        let key = (
            left.unicodes.first().copied()?,
            right.unicodes.first().copied()?,
        );
        if let Some(&known) = self.pairs.borrow().get(&key) {
            return known;
        }
        let lookups = self.lookups.get()?.as_ref()?;
        let attached = lookups
            .iter()
            .any(|l| attaches(l, left.glyph_index, right.glyph_index));
        let together = if attached {
            None
        } else {
            positioned(font, vec![left.clone(), right.clone()])
                .map(|both| (both[0].minus(plain[0].alone), both[1].minus(plain[1].alone)))
        };
        let mut pairs = self.pairs.borrow_mut();
        if pairs.len() >= PAIR_LIMIT {
            pairs.clear();
        }
        pairs.insert(key, together);
        together
    }
}

/// Whether `lookup` attaches `right` to `left` (cursive, mark-to-base,
/// mark-to-ligature or mark-to-mark attachment; a read error counts as
/// yes).
fn attaches(lookup: &LookupCacheItem<PosLookup>, left: u16, right: u16) -> bool {
    let yes = |found: Result<bool, allsorts::error::ParseError>| found.unwrap_or(true);
    match &lookup.lookup_subtables {
        PosLookup::CursivePos(s) => s
            .iter()
            .any(|t| yes(t.apply(left, right).map(|a| a.is_some()))),
        PosLookup::MarkBasePos(s) | PosLookup::MarkMarkPos(s) => s
            .iter()
            .any(|t| yes(t.apply(left, right).map(|a| a.is_some()))),
        PosLookup::MarkLigPos(s) => s
            .iter()
            .any(|t| yes(t.apply(left, right, 0).map(|a| a.is_some()))),
        _ => false,
    }
}

/// The shifts allsorts' GPOS gives `glyphs` as a run of their own (the
/// arguments of `Font::shape`), or `None` when it reports a problem or does
/// more than shift a glyph.
fn positioned(font: &mut FontFile, glyphs: Vec<RawGlyph<()>>) -> Option<Vec<Shift>> {
    let (infos, applied) = super::fast_shape::position_checked(font, glyphs)?;
    if !applied {
        return None;
    }
    infos.iter().map(Shift::of).collect()
}

/// Every positioning lookup `gpos::apply` may run for Latin text with
/// kerning on and the default features, or `None` when the shortcut is off
/// for the face: no GPOS table, a problem reading it, or a `kern` table
/// standing in for a missing `kern` feature.
fn applied_lookups(font: &mut FontFile) -> Option<Vec<Lookup>> {
    let gpos = font.gpos_cache().ok()??;
    let table = &gpos.layout_table;
    let Some(script) = table.find_script_or_default(tag::LATN).ok()? else {
        return Some(Vec::new());
    };
    let Some(langsys) = script.find_langsys_or_default(Some(tag::DFLT)).ok()? else {
        return Some(Vec::new());
    };
    let base = [tag::DIST, tag::KERN, tag::MARK, tag::MKMK];
    let mask = FeatureMask::default_mask();
    let requested = mask.features().map(|f| f.feature_tag);
    let mut indices = Vec::new();
    let mut has_kern = false;
    for feature in base.into_iter().chain(requested) {
        if let Some(table) = table.find_langsys_feature(langsys, feature, None).ok()? {
            has_kern |= feature == tag::KERN;
            indices.extend(table.lookup_indices.iter().copied());
        }
    }
    if !has_kern && font.kern_table().ok()?.is_some() {
        return None;
    }
    indices.sort_unstable();
    indices.dedup();
    let list = table.opt_lookup_list.as_ref()?;
    indices
        .iter()
        .map(|&i| list.lookup_cache_gpos(&gpos, usize::from(i)).ok())
        .collect()
}
