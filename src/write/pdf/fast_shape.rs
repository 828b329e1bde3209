//! Shaping words that no glyph substitution acts on, without running the
//! substitution pass.
//!
//! Most words of Latin text (`"the"`, `"summit"`) are left as they are by
//! every GSUB lookup of the applied features; only ligatures (`fi`),
//! contextual forms and the like change glyphs. For such a word the full
//! shaper ([`allsorts::Font::shape`]) leaves the glyphs exactly as
//! [`allsorts::Font::map_glyphs`] made them, so the word goes straight to
//! positioning (GPOS kerning) here, with the same arguments the full shaper
//! passes. Deciding that costs a table lookup per character for most words
//! instead of running every lookup over every glyph.
//!
//! Why this is exact, following allsorts 0.17 step by step (script `latn`,
//! language `DFLT`, [`FeatureMask::default_mask`], no custom features, no
//! variation tuple):
//!
//! * Mapping: every character is below [`SIMPLE_CHARS`] and has modified
//!   combining class 0, so the mark reordering of `map_glyphs` leaves the
//!   text as it is; no variation selector follows any character (they all
//!   lie above [`SIMPLE_CHARS`]), so each glyph is
//!   `lookup_glyph_index(c, NotRequired, None)`, whose only cache is for the
//!   dotted circle: a pure function of the character, remembered here.
//! * Substitution: `latn` takes the default shaper, which runs, in order,
//!   the lookups of the default features plus `ccmp`, `rlig` and `locl`, as
//!   listed by `get_lookups_cache_index` (the list read here). Each lookup
//!   visits the positions of the glyph run and changes a glyph only where
//!   its subtable "would apply": the glyph is in the subtable's coverage
//!   (single, multiple, alternate substitution), and for ligature,
//!   contextual, chained contextual and reverse chaining substitution also
//!   one of the rules for that glyph matches the glyphs around it (nested
//!   lookups run only inside such a match; extension lookups are resolved to
//!   their target type when read). [`Unsubstituted::any_lookup_applies`]
//!   asks that same question, with allsorts' own matching and the lookup's
//!   own flags, for every lookup at every position of the unchanged run.
//!   When the answer is no everywhere, the first lookup changes nothing, so
//!   the second sees the same run, and so on: the run leaves GSUB as it
//!   came. Most glyphs are in no coverage at all (computed once per
//!   character), and a word of only those needs no question asked.
//! * After the lookups, allsorts strips ZWJ/ZWNJ (none here: above
//!   [`SIMPLE_CHARS`]) and replaces glyph ids past the font's glyph count
//!   (refused here).
//! * Any error while reading the lookups or a subtable, or any table the
//!   full shaper would read with an error, sends the word down the full path
//!   instead.
//!
//! `fonts::tests` shapes the word list and the corpus tokens both ways and
//! compares every glyph.

use std::cell::{Cell, OnceCell};
use std::sync::Arc;

use allsorts::Font;
use allsorts::context::MatchType;
use allsorts::error::ParseError;
use allsorts::font::MatchingPresentation;
use allsorts::font_data::DynamicFontTableProvider;
use allsorts::gpos::{self, Info};
use allsorts::gsub::{Feature, FeatureMask, FeatureMaskExt, GlyphOrigin, RawGlyph, RawGlyphFlags};
use allsorts::layout::{
    GDEFTable, GSUB, LayoutCache, LookupCacheItem, SubstLookup, chain_context_lookup_info,
    context_lookup_info,
};
use allsorts::tables::kern::KernTable;
use allsorts::tag;
use allsorts::unicode::VariationSelector;
use allsorts::unicode::mcc::{ModifiedCombiningClass, modified_combining_class};

type FontFile = Font<DynamicFontTableProvider<'static>>;
type Lookup = Arc<LookupCacheItem<SubstLookup>>;

/// Characters the fast path considers: Latin, Greek and Cyrillic. Variation
/// selectors, joiners and the dotted circle all lie above.
const SIMPLE_CHARS: usize = 0x500;

/// Bit 63 of a [`CharShaping::Simple`] lookup set stands for every lookup
/// from the 64th on.
const LAST_BIT: usize = 63;

/// What is known of one character: not asked yet, needs the full shaper, or
/// its glyph and the applied lookups (bit `k` for the `k`-th) whose
/// coverage holds that glyph.
#[derive(Clone, Copy)]
enum CharShaping {
    Unknown,
    Substitutable,
    Simple {
        gid: u16,
        variation: VariationSelector,
        lookups: u64,
    },
}

/// One face's knowledge of which characters shape without the substitution
/// pass, learned character by character.
pub struct Unsubstituted {
    /// The applied substitution lookups in order, read at the first word
    /// (`None` when they could not be read: every word takes the full path).
    lookups: OnceCell<Option<Vec<Lookup>>>,
    chars: Box<[Cell<CharShaping>]>,
}

impl Default for Unsubstituted {
    fn default() -> Self {
        Unsubstituted {
            lookups: OnceCell::new(),
            chars: (0..SIMPLE_CHARS)
                .map(|_| Cell::new(CharShaping::Unknown))
                .collect(),
        }
    }
}

impl Unsubstituted {
    /// The glyphs of `text`, the same as `Font::map_glyphs(text)` makes
    /// them and the same as GSUB leaves them, when no substitution acts on
    /// the text; `None` when the full shaper must run.
    pub fn glyphs(&self, font: &mut FontFile, text: &str) -> Option<Vec<RawGlyph<()>>> {
        let mut glyphs = Vec::with_capacity(text.len());
        let mut covering = Vec::with_capacity(text.len());
        for c in text.chars() {
            let CharShaping::Simple {
                gid,
                variation,
                lookups,
            } = self.char_shaping(font, c)
            else {
                return None;
            };
            glyphs.push(RawGlyph {
                unicodes: [c].into(),
                glyph_index: gid,
                liga_component_pos: 0,
                glyph_origin: GlyphOrigin::Char(c),
                flags: RawGlyphFlags::empty(),
                variation: Some(variation),
                extra_data: (),
            });
            covering.push(lookups);
        }
        if covering.iter().any(|&l| l != 0) {
            let gdef = font.gdef_table().ok()?;
            if self.any_lookup_applies(gdef.as_deref(), &glyphs, &covering) {
                return None;
            }
        }
        Some(glyphs)
    }

    fn char_shaping(&self, font: &mut FontFile, c: char) -> CharShaping {
        let Some(cell) = self.chars.get(c as usize) else {
            return CharShaping::Substitutable;
        };
        if let CharShaping::Unknown = cell.get() {
            cell.set(self.classify(font, c));
        }
        cell.get()
    }

    fn classify(&self, font: &mut FontFile, c: char) -> CharShaping {
        if modified_combining_class(c) != ModifiedCombiningClass::NotReordered {
            return CharShaping::Substitutable;
        }
        let (gid, variation) = font.lookup_glyph_index(c, MatchingPresentation::NotRequired, None);
        let Some(lookups) = self.lookups.get_or_init(|| applied_lookups(font)) else {
            return CharShaping::Substitutable;
        };
        if gid >= font.num_glyphs() {
            return CharShaping::Substitutable;
        }
        let mut covering = 0u64;
        for (k, lookup) in lookups.iter().enumerate() {
            if covers(lookup, gid) {
                covering |= 1 << k.min(LAST_BIT);
            }
        }
        CharShaping::Simple {
            gid,
            variation,
            lookups: covering,
        }
    }

    /// Whether any applied lookup would change the run at any position,
    /// asked the way `gsub_apply_lookup` asks it. `covering` holds, for
    /// each glyph, the lookups whose coverage holds it: elsewhere no lookup
    /// can apply.
    fn any_lookup_applies(
        &self,
        gdef: Option<&GDEFTable>,
        glyphs: &[RawGlyph<()>],
        covering: &[u64],
    ) -> bool {
        let Some(Some(lookups)) = self.lookups.get() else {
            return true;
        };
        lookups.iter().enumerate().any(|(k, lookup)| {
            let bit = 1 << k.min(LAST_BIT);
            (0..glyphs.len())
                .filter(|&i| covering[i] & bit != 0)
                .any(|i| would_apply(lookup, gdef, glyphs, i))
        })
    }
}

/// The substitution lookups `gsub::apply` runs for Latin text with the
/// default features, in its order (the same cached list it reads).
fn applied_lookups(font: &mut FontFile) -> Option<Vec<Lookup>> {
    let gsub: LayoutCache<GSUB> = font.gsub_cache().ok()??;
    // The default shaper adds these to the requested features, then keeps
    // those the font has for the script; a feature it lacks contributes no
    // lookup to the list, so asking for all of them gives the same list.
    let mask = FeatureMask::default_mask() | Feature::CCMP | Feature::RLIG | Feature::LOCL;
    let variations = gsub.layout_table.feature_variations(None).ok()?;
    let index = allsorts::gsub::get_lookups_cache_index(
        &gsub,
        tag::LATN,
        Some(tag::DFLT),
        variations.as_ref(),
        mask,
    )
    .ok()?;
    let indices = gsub.cached_lookups.lock().ok()?.get(index)?.clone();
    let list = gsub.layout_table.opt_lookup_list.as_ref()?;
    indices
        .iter()
        .map(|&(lookup, _feature)| list.lookup_cache_gsub(&gsub, lookup).ok())
        .collect()
}

/// Whether some subtable of `lookup` holds `gid` in its (first) coverage:
/// the first thing every subtable asks (a read error counts as yes).
fn covers(lookup: &LookupCacheItem<SubstLookup>, gid: u16) -> bool {
    let yes = |found: Result<bool, ParseError>| found.unwrap_or(true);
    match &lookup.lookup_subtables {
        SubstLookup::SingleSubst(s) => s
            .iter()
            .any(|t| yes(t.apply_glyph(gid).map(|g| g.is_some()))),
        SubstLookup::MultipleSubst(s) => s
            .iter()
            .any(|t| yes(t.apply_glyph(gid).map(|g| g.is_some()))),
        SubstLookup::AlternateSubst(s) => s
            .iter()
            .any(|t| yes(t.apply_glyph(gid).map(|g| g.is_some()))),
        SubstLookup::LigatureSubst(s) => s
            .iter()
            .any(|t| yes(t.apply_glyph(gid).map(|g| g.is_some()))),
        SubstLookup::ContextSubst(s) => s.iter().any(|t| {
            yes(context_lookup_info::<GSUB, GSUB>(t, gid, |_| Some(0..=0)).map(|m| m.is_some()))
        }),
        SubstLookup::ChainContextSubst(s) => s.iter().any(|t| {
            yes(
                chain_context_lookup_info::<GSUB, GSUB>(t, gid, |_| Some(0..=0))
                    .map(|m| m.is_some()),
            )
        }),
        SubstLookup::ReverseChainSingleSubst(s) => s
            .iter()
            .any(|t| yes(t.apply_glyph(gid, |_| true).map(|g| g.is_some()))),
    }
}

/// Whether `lookup` would change the run at position `i`: the question of
/// allsorts' `*subst_would_apply` functions, with the same matching (a
/// read error counts as yes). Single, multiple and alternate substitutions
/// apply wherever their coverage holds the glyph.
fn would_apply(
    lookup: &LookupCacheItem<SubstLookup>,
    gdef: Option<&GDEFTable>,
    glyphs: &[RawGlyph<()>],
    i: usize,
) -> bool {
    let match_type = MatchType::from_lookup_flag(lookup.lookup_flag, lookup.mark_filtering_set);
    let gid = glyphs[i].glyph_index;
    let yes = |found: Result<bool, ParseError>| found.unwrap_or(true);
    let in_context = |context: &allsorts::context::MatchContext<'_>| {
        context.matches(gdef, match_type, glyphs, i)
    };
    match &lookup.lookup_subtables {
        SubstLookup::LigatureSubst(s) => s.iter().any(|t| {
            yes(t.apply_glyph(gid).map(|set| {
                set.is_some_and(|set| {
                    set.ligatures
                        .iter()
                        .any(|l| l.matches(match_type, gdef, i, glyphs))
                })
            }))
        }),
        SubstLookup::ContextSubst(s) => s.iter().any(|t| {
            yes(context_lookup_info::<GSUB, GSUB>(t, gid, in_context).map(|m| m.is_some()))
        }),
        SubstLookup::ChainContextSubst(s) => s.iter().any(|t| {
            yes(chain_context_lookup_info::<GSUB, GSUB>(t, gid, in_context).map(|m| m.is_some()))
        }),
        SubstLookup::ReverseChainSingleSubst(s) => s.iter().any(|t| {
            yes(t
                .apply_glyph(gid, |context| in_context(context).is_some())
                .map(|g| g.is_some()))
        }),
        _ => covers(lookup, gid),
    }
}

/// The positioning half of `Font::shape`, with its arguments: glyph
/// classes from GDEF, then GPOS (kerning on) for Latin with the default
/// features. `None` when a table it reads cannot be read (the full shaper
/// then decides what to do without it).
pub fn position(font: &mut FontFile, glyphs: Vec<RawGlyph<()>>) -> Option<Vec<Info>> {
    position_checked(font, glyphs).map(|(infos, _)| infos)
}

/// [`position`], and whether GPOS went through without reporting a problem.
pub fn position_checked(
    font: &mut FontFile,
    glyphs: Vec<RawGlyph<()>>,
) -> Option<(Vec<Info>, bool)> {
    let gdef = font.gdef_table().ok()?;
    let gdef = gdef.as_deref();
    let gpos = font.gpos_cache().ok()??;
    let kern = font.kern_table().ok()?;
    let kern = kern.as_ref().map(|k| KernTable::from(k.as_ref()));
    let mut infos = Info::init_from_glyphs(gdef, glyphs);
    // Like the full shaper, keep the glyphs positioned as far as GPOS got
    // when it reports a problem.
    let applied = gpos::apply(
        &gpos,
        gdef,
        kern,
        true,
        FeatureMask::default_mask(),
        &[],
        None,
        tag::LATN,
        Some(tag::DFLT),
        &mut infos,
    );
    Some((infos, applied.is_ok()))
}
