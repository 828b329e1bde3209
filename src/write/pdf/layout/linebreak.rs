//! Optimal line breaking (Knuth and Plass, "Breaking paragraphs into
//! lines", 1981) over boxes, glue and penalties.
//!
//! A paragraph is a list of [`Node`]s. A line may end at a penalty or at a
//! glue that follows a box; the breaker picks the set of breaks with the
//! fewest total demerits over the whole paragraph, instead of filling each
//! line greedily, so that spacing stays even from line to line.
//!
//! Three passes, as in TeX: first without hyphenation under a strict
//! tolerance (most paragraphs need no hyphens at all), then with hyphens
//! under a looser one, then with any spacing accepted so that every
//! paragraph gets some answer. Emergency break points (inside words too
//! wide for a line) are added by the caller and carry [`EMERGENCY_PENALTY`].

/// A penalty at or above this never breaks; at or below its negation always does.
pub const INFINITY: f32 = 10_000.0;

/// Badness of a line that cannot be stretched enough (TeX's "infinitely bad").
const INF_BAD: f32 = 10_000.0;

/// Added to every line's badness before squaring: makes fewer lines
/// better when spacing is otherwise equal (TeX `\linepenalty`).
const LINE_PENALTY: f32 = 10.0;

/// Cost of breaking at a hyphenation point (TeX `\hyphenpenalty`): enough
/// that a hyphen is used only when it clearly improves the spacing.
pub const HYPHEN_PENALTY: f32 = 50.0;

/// Cost of breaking after an explicit hyphen, as in "well-known" (TeX
/// `\exhyphenpenalty`).
pub const EXPLICIT_HYPHEN_PENALTY: f32 = 50.0;

/// Cost of breaking inside a word that is wider than a line (a URL, a
/// long number): only when nothing else fits.
pub const EMERGENCY_PENALTY: f32 = 5_000.0;

/// Extra demerits for two hyphenated lines in a row (TeX
/// `\doublehyphendemerits`): ladders of hyphens are hard to read.
const DOUBLE_HYPHEN_DEMERITS: f32 = 3_000.0;

/// Extra demerits when the next-to-last line ends with a hyphen (TeX
/// `\finalhyphendemerits`).
const FINAL_HYPHEN_DEMERITS: f32 = 5_000.0;

/// Extra demerits when adjacent lines are in fitness classes more than one
/// apart (a tight line next to a loose one; TeX `\adjdemerits`).
const ADJ_DEMERITS: f32 = 10_000.0;

/// Largest badness accepted by the first pass, without hyphens (TeX
/// `\pretolerance`). Badness is 100 * ratio^3: 100 means the spaces
/// stretch by their full stretchability.
const PRETOLERANCE: f32 = 100.0;

/// Largest badness accepted by the second pass, with hyphens (TeX `\tolerance`).
const TOLERANCE: f32 = 200.0;

/// A paragraph element.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node {
    /// Something drawn with a fixed width (a word or part of one).
    Box { width: f32 },
    /// A space that may stretch and shrink; with `fil`, it stretches
    /// without limit (the glue that lets the last line be short).
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
        fil: bool,
    },
    /// A possible break costing `cost`; when broken, `width` is drawn at the
    /// end of the line (a hyphen). `flagged` marks hyphen breaks.
    Penalty {
        width: f32,
        cost: f32,
        flagged: bool,
    },
}

/// How lines are set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// The measure: every line is exactly this wide when justified.
    pub width: f32,
    /// Justified lines stretch their glue; ragged lines keep the natural
    /// spacing and the breaker only evens out the space left at the end.
    pub justify: bool,
    /// How far a ragged line may fall short before it counts as bad (the
    /// end-of-line stretch of ragged-right setting).
    pub ragged_stretch: f32,
}

/// One line chosen by the breaker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// First node of the line (discardable glue and penalties at the start
    /// of a line are skipped).
    pub start: usize,
    /// The node the line breaks at: its glue is dropped, its penalty width
    /// (hyphen) is drawn.
    pub end: usize,
    /// How much each glue is stretched (positive, in units of its
    /// stretch) or shrunk (negative, in units of its shrink). 0 for ragged
    /// and last lines.
    pub ratio: f32,
}

/// Breaks `nodes` into lines. The list should end with a forced break
/// (fil glue then an infinite negative penalty); one is assumed if not.
pub fn break_lines(nodes: &[Node], params: &Params) -> Vec<Line> {
    if nodes.is_empty() {
        return Vec::new();
    }
    let b = Breaker::new(nodes, params);
    b.run(PRETOLERANCE, false)
        .or_else(|| b.run(TOLERANCE, true))
        .or_else(|| b.run(f32::INFINITY, true))
        .unwrap_or_else(|| b.rescue())
}

/// Breaks `nodes` into lines as [`break_lines`] does, with the widths of
/// the flagged penalties (the hyphens) filled in by `hyphen_widths` only
/// when the first pass, which never breaks at them, finds no answer:
/// measuring a hyphen means shaping the first half of the word with it,
/// and most paragraphs need none.
pub fn break_lines_with(
    nodes: &mut [Node],
    params: &Params,
    hyphen_widths: impl FnOnce(&mut [Node]),
) -> Vec<Line> {
    if nodes.is_empty() {
        return Vec::new();
    }
    // The first pass reads no width of a flagged penalty: `breakpoint`
    // skips them without hyphens, and the sums count only boxes and glue.
    if let Some(lines) = Breaker::new(nodes, params).run(PRETOLERANCE, false) {
        return lines;
    }
    hyphen_widths(nodes);
    let b = Breaker::new(nodes, params);
    b.run(TOLERANCE, true)
        .or_else(|| b.run(f32::INFINITY, true))
        .unwrap_or_else(|| b.rescue())
}

/// Fitness classes: a line's spacing compared with its neighbours'.
fn fitness(ratio: f32) -> u8 {
    if ratio < -0.5 {
        0 // tight
    } else if ratio <= 0.5 {
        1 // decent
    } else if ratio <= 1.0 {
        2 // loose
    } else {
        3 // very loose
    }
}

fn badness(ratio: f32) -> f32 {
    if ratio.is_infinite() {
        INF_BAD
    } else {
        (100.0 * ratio.abs().powi(3)).min(INF_BAD)
    }
}

struct Breaker<'a> {
    nodes: &'a [Node],
    params: &'a Params,
    /// Prefix sums over nodes[..i]: width, stretch, shrink, fil count.
    width: Vec<f32>,
    stretch: Vec<f32>,
    shrink: Vec<f32>,
    fil: Vec<u32>,
    /// First box at or after i (nodes.len() when none): where a line
    /// starts after a break at i - 1.
    next_box: Vec<u32>,
}

/// A feasible break: where it is and the best way to reach it. Positions
/// are `u32` (a paragraph's nodes number far fewer than 2^32: the input
/// limit is 64 MiB): the arena keeps every candidate of a paragraph, and a
/// paragraph of a million lines makes tens of millions of them.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    pos: u32,
    line_start: u32,
    ratio: f32,
    fitness: u8,
    hyphenated: bool,
    demerits: f32,
    prev: Option<u32>,
}

/// A position inside one paragraph (a node, a candidate, a byte of a
/// fragment) as the layout keeps it, in 32 bits: a paragraph holds far
/// fewer than 2^32 of any (the input limit is 64 MiB).
pub(super) fn paragraph_index(i: usize) -> u32 {
    u32::try_from(i).expect("a paragraph holds fewer than 2^32 nodes and bytes")
}

impl<'a> Breaker<'a> {
    fn new(nodes: &'a [Node], params: &'a Params) -> Self {
        let n = nodes.len();
        let (mut width, mut stretch, mut shrink, mut fil) = (
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
        );
        let (mut w, mut y, mut z, mut f) = (0.0f32, 0.0f32, 0.0f32, 0u32);
        for node in nodes {
            width.push(w);
            stretch.push(y);
            shrink.push(z);
            fil.push(f);
            match *node {
                Node::Box { width } => w += width,
                Node::Glue {
                    width,
                    stretch,
                    shrink,
                    fil: is_fil,
                } => {
                    w += width;
                    y += stretch;
                    z += shrink;
                    f += u32::from(is_fil);
                }
                Node::Penalty { .. } => {}
            }
        }
        width.push(w);
        stretch.push(y);
        shrink.push(z);
        fil.push(f);
        let mut next_box = vec![paragraph_index(n); n + 1];
        for i in (0..n).rev() {
            next_box[i] = if matches!(nodes[i], Node::Box { .. }) {
                paragraph_index(i)
            } else {
                next_box[i + 1]
            };
        }
        Breaker {
            nodes,
            params,
            width,
            stretch,
            shrink,
            fil,
            next_box,
        }
    }

    /// Whether a line may end at `i`, and the penalty for it.
    fn breakpoint(&self, i: usize, hyphens: bool) -> Option<(f32, f32, bool)> {
        match self.nodes[i] {
            Node::Glue { .. } if i > 0 && matches!(self.nodes[i - 1], Node::Box { .. }) => {
                Some((0.0, 0.0, false))
            }
            Node::Penalty {
                width,
                cost,
                flagged,
            } if cost < INFINITY && (hyphens || !flagged || cost <= -INFINITY) => {
                Some((width, cost, flagged))
            }
            _ => None,
        }
    }

    /// The adjustment ratio of a line from `start` to a break at `end`.
    fn ratio(&self, start: usize, end: usize, extra: f32) -> f32 {
        let natural = self.width[end] - self.width[start] + extra;
        let short = self.params.width - natural;
        let fil = self.fil[end] > self.fil[start];
        if !self.params.justify {
            return if short < -0.001 {
                f32::NEG_INFINITY
            } else if fil {
                0.0
            } else {
                short / self.params.ragged_stretch.max(1.0)
            };
        }
        if short > 0.0 {
            let stretch = self.stretch[end] - self.stretch[start];
            if fil {
                0.0
            } else if stretch > 0.0 {
                short / stretch
            } else {
                f32::INFINITY
            }
        } else if short < 0.0 {
            let shrink = self.shrink[end] - self.shrink[start];
            if short > -0.001 {
                0.0
            } else if shrink > 0.0 {
                short / shrink
            } else {
                f32::NEG_INFINITY
            }
        } else {
            0.0
        }
    }

    /// One pass with the given tolerance; `None` when no set of breaks
    /// keeps every line within it.
    fn run(&self, tolerance: f32, hyphens: bool) -> Option<Vec<Line>> {
        let mut arena: Vec<Candidate> = vec![Candidate {
            pos: 0,
            line_start: 0,
            ratio: 0.0,
            fitness: 1,
            hyphenated: false,
            demerits: 0.0,
            prev: None,
        }];
        // Indices into `arena` of the breaks a next line may start from.
        let mut active: Vec<u32> = vec![0];
        let last = self.nodes.len() - 1;
        for i in 0..self.nodes.len() {
            let forced_end = i == last;
            let Some((pw, cost, flagged)) = self.breakpoint(i, hyphens).or(if forced_end {
                Some((0.0, -INFINITY, false))
            } else {
                None
            }) else {
                continue;
            };
            let forced = cost <= -INFINITY;
            // Best candidate per fitness class.
            let mut best: [Option<Candidate>; 4] = [None; 4];
            let mut keep = Vec::with_capacity(active.len());
            for &a in &active {
                let from = arena[a as usize];
                let start = if from.prev.is_none() {
                    0
                } else {
                    self.next_box[from.pos as usize + 1] as usize
                };
                let start = start.min(i);
                let ratio = self.ratio(start, i, pw);
                if ratio < -1.0 || forced {
                    // Too long already (and longer later) or a forced
                    // break passed: this active break is done.
                } else {
                    keep.push(a);
                }
                if ratio < -1.0 {
                    continue;
                }
                let bad = badness(ratio);
                if bad > tolerance {
                    continue;
                }
                let mut d = (LINE_PENALTY + bad).powi(2);
                if cost > 0.0 {
                    d += cost * cost;
                } else if cost > -INFINITY {
                    d -= cost * cost;
                }
                if flagged && from.hyphenated {
                    d += DOUBLE_HYPHEN_DEMERITS;
                }
                if forced_end && from.hyphenated {
                    d += FINAL_HYPHEN_DEMERITS;
                }
                let fit = if self.params.justify {
                    fitness(ratio)
                } else {
                    1
                };
                if fit.abs_diff(from.fitness) > 1 {
                    d += ADJ_DEMERITS;
                }
                let total = from.demerits + d;
                let slot = &mut best[usize::from(fit)];
                if slot.is_none_or(|c| total < c.demerits) {
                    *slot = Some(Candidate {
                        pos: paragraph_index(i),
                        line_start: paragraph_index(start),
                        ratio: if ratio.is_finite() { ratio } else { 0.0 },
                        fitness: fit,
                        hyphenated: flagged,
                        demerits: total,
                        prev: Some(a),
                    });
                }
            }
            active = keep;
            for c in best.into_iter().flatten() {
                arena.push(c);
                active.push(paragraph_index(arena.len() - 1));
            }
            if active.is_empty() {
                return None;
            }
        }
        let end = active
            .iter()
            .copied()
            .filter(|&a| arena[a as usize].pos as usize == last && arena[a as usize].prev.is_some())
            .min_by(|&a, &b| {
                arena[a as usize]
                    .demerits
                    .total_cmp(&arena[b as usize].demerits)
            })?;
        let mut lines = Vec::new();
        let mut at = Some(end);
        while let Some(a) = at {
            let c = arena[a as usize];
            if c.prev.is_some() {
                lines.push(Line {
                    start: c.line_start as usize,
                    end: c.pos as usize,
                    ratio: if self.params.justify && !c.ratio.is_nan() {
                        c.ratio
                    } else {
                        0.0
                    },
                });
            }
            at = c.prev;
        }
        lines.reverse();
        Some(lines)
    }

    /// When no pass succeeds (a box wider than the measure with no break
    /// point inside it), fill lines greedily so there is still an answer;
    /// the caller's emergency break points make this unreachable for
    /// normal input.
    fn rescue(&self) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut last_fit: Option<usize> = None;
        let mut i = 0;
        while i < self.nodes.len() {
            let is_last = i == self.nodes.len() - 1;
            if let Some((pw, cost, _)) = self.breakpoint(i, true) {
                let natural = self.width[i] - self.width[start] + pw;
                if natural > self.params.width
                    && let Some(f) = last_fit.take()
                {
                    lines.push(Line {
                        start,
                        end: f,
                        ratio: 0.0,
                    });
                    start = (self.next_box[f + 1] as usize).min(self.nodes.len() - 1);
                    i = start;
                    continue;
                }
                if cost <= -INFINITY {
                    lines.push(Line {
                        start,
                        end: i,
                        ratio: 0.0,
                    });
                    start = (self.next_box[i + 1] as usize).min(self.nodes.len() - 1);
                    last_fit = None;
                } else {
                    last_fit = Some(i);
                }
            } else if is_last {
                lines.push(Line {
                    start,
                    end: i,
                    ratio: 0.0,
                });
            }
            i += 1;
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Node> {
        let mut v = Vec::new();
        for (i, w) in text.split(' ').enumerate() {
            if i > 0 {
                v.push(Node::Glue {
                    width: 1.0,
                    stretch: 0.5,
                    shrink: 0.33,
                    fil: false,
                });
            }
            v.push(Node::Box {
                width: w.len() as f32,
            });
        }
        v.push(Node::Glue {
            width: 0.0,
            stretch: 0.0,
            shrink: 0.0,
            fil: true,
        });
        v.push(Node::Penalty {
            width: 0.0,
            cost: -INFINITY,
            flagged: false,
        });
        v
    }

    fn line_width(nodes: &[Node], l: &Line) -> f32 {
        let mut w = 0.0;
        for n in &nodes[l.start..l.end] {
            match *n {
                Node::Box { width } => w += width,
                Node::Glue {
                    width,
                    stretch,
                    shrink,
                    ..
                } => {
                    w += width
                        + if l.ratio >= 0.0 {
                            l.ratio * stretch
                        } else {
                            l.ratio * shrink
                        }
                }
                Node::Penalty { .. } => {}
            }
        }
        w
    }

    #[test]
    fn justified_lines_fill_the_measure() {
        let text = "the quick brown fox jumps over the lazy dog and then runs far away \
                    into the deep dark forest where nobody can ever find it again";
        let nodes = words(text);
        let params = Params {
            width: 30.0,
            justify: true,
            ragged_stretch: 10.0,
        };
        let lines = break_lines(&nodes, &params);
        assert!(lines.len() > 3);
        for l in &lines[..lines.len() - 1] {
            assert!((line_width(&nodes, l) - 30.0).abs() < 0.01, "{l:?}");
        }
        assert!(line_width(&nodes, lines.last().unwrap()) <= 30.0);
        assert_eq!(lines.last().unwrap().end, nodes.len() - 1);
    }

    #[test]
    fn ragged_lines_never_overflow() {
        let nodes = words("aaaa bbbbbbb cc ddddddddd e ffffff ggg hhhhhhhhhh ii");
        let params = Params {
            width: 14.0,
            justify: false,
            ragged_stretch: 5.0,
        };
        for l in break_lines(&nodes, &params) {
            assert!(line_width(&nodes, &l) <= 14.0);
        }
    }

    #[test]
    fn overwide_box_still_gets_lines() {
        let nodes = words("a bbbbbbbbbbbbbbbbbbbbbbbb c");
        let params = Params {
            width: 5.0,
            justify: true,
            ragged_stretch: 2.0,
        };
        let lines = break_lines(&nodes, &params);
        assert!(!lines.is_empty());
        assert_eq!(lines.last().unwrap().end, nodes.len() - 1);
    }

    /// `words` with a hyphenation point in the middle of every word of
    /// four letters or more, its hyphen `hyphen` wide.
    fn hyphenated(text: &str, hyphen: f32) -> Vec<Node> {
        let mut v = Vec::new();
        for node in words(text) {
            match node {
                Node::Box { width } if width >= 4.0 => {
                    let half = (width / 2.0).floor();
                    v.push(Node::Box { width: half });
                    v.push(Node::Penalty {
                        width: hyphen,
                        cost: HYPHEN_PENALTY,
                        flagged: true,
                    });
                    v.push(Node::Box {
                        width: width - half,
                    });
                }
                other => v.push(other),
            }
        }
        v
    }

    #[test]
    fn hyphens_are_measured_only_when_the_first_pass_fails() {
        let params = Params {
            width: 30.0,
            justify: true,
            ragged_stretch: 10.0,
        };
        // Loose enough for the first pass: the widths are never asked for.
        let easy = "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt uu";
        let mut nodes = hyphenated(easy, 0.0);
        let lines = break_lines_with(&mut nodes, &params, |_| panic!("measured"));
        assert_eq!(lines, break_lines(&hyphenated(easy, 1.0), &params));
        // Long words leave the first pass no answer: the widths are filled
        // in, and the lines are those of the widths known from the start.
        let hard = "abcdefghijklmnopqrstuvw abcdefghijklmnopqrstuvwxyzabc abcdefghijklmnopqrstu";
        let mut nodes = hyphenated(hard, 0.0);
        let mut asked = false;
        let lines = break_lines_with(&mut nodes, &params, |nodes| {
            asked = true;
            for node in nodes {
                if let Node::Penalty {
                    width,
                    flagged: true,
                    ..
                } = node
                {
                    *width = 1.0;
                }
            }
        });
        assert!(asked);
        assert_eq!(lines, break_lines(&hyphenated(hard, 1.0), &params));
        assert!(lines.len() > 1);
    }
}
