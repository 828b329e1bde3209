//! Tables: column widths from the cells' content and the measure, cells
//! set ragged in their columns, rows kept whole on a page, rules above the
//! table, under its header and below it, and the header set again at the
//! top of each page the table continues on.
//!
//! Each column wants the width of its longest cell line (its natural
//! width) and needs at least that of its longest word (capped, so that one
//! long address cannot starve the other columns). When the natural widths
//! fit the measure the table takes them; otherwise short columns keep
//! theirs and the long ones share the rest (`write::columns::fit`); when
//! even the minimum widths do not fit, they are scaled down and the line
//! breaker breaks words inside cells as a last resort.

use std::rc::Rc;

use crate::model::{Alignment, RowKind, Table};

use super::super::page::{FontFace, Item, StructRef, StructRole};
use super::paginate::VLine;
use super::text::{self, Setting, Token, Tokenizer};
use super::{Composer, Frame};

/// The longest word of a cell claims at most this share of the measure as
/// its column's minimum width.
const MAX_WORD_SHARE: f32 = 0.4;

/// One cell, tokenized and measured.
struct Cell {
    tokens: Vec<Token>,
    row: usize,
    col: usize,
    cols: usize,
    header: bool,
    /// Width of its longest line set without breaks.
    natural: f32,
    /// Width of its longest word.
    longest_word: f32,
}

impl Composer<'_, '_> {
    pub(super) fn table(&mut self, table: &Table, frame: &Frame) {
        let style = self.style;
        let t = style.table;
        let size = t.size.min(frame.size);
        let leading = t.leading.min(frame.leading).max(size);
        let table_id = self.id();
        self.space(style.blocks.space);
        if let Some(caption) = &table.caption {
            let s = StructRef {
                role: StructRole::Caption { table: table_id },
                id: self.id(),
                list: None,
            };
            self.inline_block(
                caption,
                frame,
                FontFace::Italic,
                size,
                leading,
                0.0,
                false,
                s,
            );
            self.pending_keep = true;
            self.space(t.padding);
        }
        let grid = table.grid();
        let n = grid.columns;
        if n == 0 {
            self.space(style.blocks.space);
            return;
        }
        let has_body = grid.rows.contains(&RowKind::Body);
        let mut cells: Vec<Cell> = grid
            .cells
            .iter()
            .map(|p| {
                let header = has_body && grid.rows[p.row] == RowKind::Head;
                let face = if header {
                    FontFace::Bold
                } else {
                    FontFace::Regular
                };
                let mut tokens =
                    Tokenizer::new(face, size, &mut self.groups).tokens(&p.cell.content);
                text::apply_fallback(&mut tokens, self.measure, &mut self.missing);
                Cell {
                    tokens,
                    row: p.row,
                    col: p.col,
                    cols: p.cols,
                    header,
                    natural: 0.0,
                    longest_word: 0.0,
                }
            })
            .collect();
        for cell in &mut cells {
            let (natural, word) = self.extent(&cell.tokens, size);
            cell.natural = natural;
            cell.longest_word = word;
        }

        let measure = (frame.right - frame.left).max(1.0);
        // Padding shrinks with the share of the measure each column gets,
        // so that a table of many columns still leaves room for text.
        let pad = t.padding.min(measure / (4.0 * n as f32));
        let room = (measure - 2.0 * pad * n as f32).max(n as f32 * 0.5);
        let cap = measure * MAX_WORD_SHARE;
        let natural = column_widths(&cells, n, pad, |c| c.natural.max(c.longest_word.min(cap)));
        let narrow = column_widths(&cells, n, pad, |c| c.longest_word.min(cap));
        let widths = fit(&narrow, &natural, room);

        // Left edge of each column's box (text starts `pad` inside it).
        let mut x = Vec::with_capacity(n + 1);
        let mut at = frame.left;
        for w in &widths {
            x.push(at);
            at += w + 2.0 * pad;
        }
        x.push(at);
        let right = at;

        let rows = grid.rows.len();
        let mut row_ids = Vec::with_capacity(rows);
        for _ in 0..rows {
            row_ids.push(self.id());
        }
        let head_rows = if has_body {
            grid.rows.iter().filter(|k| **k == RowKind::Head).count()
        } else {
            0
        };
        let rule = |y: f32| Item::Rule {
            x1: frame.left,
            y1: y,
            x2: right,
            y2: y,
            width: t.rule,
            artifact: true,
        };
        // The rows' lines are changed after they are set (rules, keeps, the
        // repeated header), so each row is held until it is done, and the
        // header rows until the copy to repeat is made. A list label
        // waiting for the table's first line is put there after that copy,
        // so that it is not repeated.
        self.hold();
        let mut labels = Some(std::mem::take(&mut self.pending_labels));
        let labels_after = head_rows.max(1) - 1;
        let first_line = self.lines.len();
        let mut head: Option<Rc<[VLine]>> = None;
        let mut next_cell = 0;
        for (r, &row_id) in row_ids.iter().enumerate() {
            let mut set_cells: Vec<(Vec<text::SetLine>, f32, Alignment)> = Vec::new();
            while next_cell < cells.len() && cells[next_cell].row == r {
                let c = &cells[next_cell];
                next_cell += 1;
                let left = x[c.col] + pad;
                let width = (x[c.col + c.cols] - x[c.col] - 2.0 * pad).max(0.5);
                let s = StructRef {
                    role: StructRole::Cell {
                        header: c.header,
                        row: row_id,
                        table: table_id,
                    },
                    id: self.id(),
                    list: None,
                };
                let setting = Setting {
                    left,
                    width,
                    indent: 0.0,
                    justify: false,
                    hyphenate: false,
                    structure: s,
                };
                let lines = text::set(&c.tokens, &setting, self.measure, &self.hyphenator);
                set_cells.push((lines, left + width, table.alignment(c.col)));
            }
            let height = set_cells
                .iter()
                .map(|c| c.0.len())
                .max()
                .unwrap_or(0)
                .max(1);
            let row_start = self.lines.len();
            for k in 0..height {
                let mut items = Vec::new();
                let mut marks = Vec::new();
                for (lines, right_edge, align) in &mut set_cells {
                    let Some(line) = lines.get_mut(k) else {
                        continue;
                    };
                    marks.append(&mut line.marks);
                    let end = line_end(&line.items, self.measure);
                    let shift = match (*align, end) {
                        (Alignment::Right | Alignment::Center, Some(end)) => {
                            let slack = (*right_edge - end).max(0.0);
                            if *align == Alignment::Right {
                                slack
                            } else {
                                slack / 2.0
                            }
                        }
                        _ => 0.0,
                    };
                    items.extend(
                        std::mem::take(&mut line.items)
                            .into_iter()
                            .map(|i| shifted(i, shift)),
                    );
                }
                items.extend(self.source_pages(&marks));
                if k == 0 {
                    self.space(if r == 0 { pad } else { 2.0 * pad });
                }
                // A row stays whole on its page.
                self.push_line(items, size, leading, k > 0);
            }
            let top_of_row = size * 0.8 + pad;
            let below_row = -(size * 0.25 + pad);
            if r == 0 {
                self.lines[row_start].items.push(rule(top_of_row));
            }
            let last = self.lines.len() - 1;
            if r + 1 == head_rows || r + 1 == rows {
                self.lines[last].items.push(rule(below_row));
            }
            if r + 1 == head_rows {
                head = Some(self.lines[first_line..].iter().cloned().collect());
            }
            if r >= head_rows && head_rows > 0 {
                if r == head_rows {
                    // The header never ends a page alone.
                    self.lines[row_start].keep_with_prev = true;
                }
                self.lines[row_start].repeat = head.clone();
            }
            if r == labels_after
                && let Some(line) = self.lines.get_mut(first_line)
                && let Some(labels) = labels.take()
            {
                line.items.splice(0..0, labels);
            }
            if r >= labels_after {
                self.unhold();
                self.hold();
            }
        }
        // No row set: the labels wait for the next line.
        if let Some(labels) = labels.filter(|l| !l.is_empty()) {
            self.pending_labels.splice(0..0, labels);
        }
        self.unhold();
        self.space(style.blocks.space + pad);
    }

    /// Natural width (longest line set without breaks) and longest word of
    /// a cell's tokens.
    fn extent(&self, tokens: &[Token], size: f32) -> (f32, f32) {
        let space = self
            .measure
            .width(" ", FontFace::Regular, size)
            .max(0.2 * size);
        let (mut line, mut longest, mut word_max) = (0.0f32, 0.0f32, 0.0f32);
        for t in tokens {
            match t {
                Token::Word(frags) => {
                    let w: f32 = frags
                        .iter()
                        .map(|f| self.measure.width(&f.text, f.face, f.size))
                        .sum();
                    word_max = word_max.max(w);
                    line += w;
                }
                Token::Space => line += space,
                Token::Mark(_) => {}
                Token::Break => {
                    longest = longest.max(line);
                    line = 0.0;
                }
            }
        }
        (longest.max(line), word_max)
    }
}

/// Column widths (text only, padding excluded) from what each cell needs:
/// one-column cells first, then spanning cells widen the last column they
/// cover when the columns together are too narrow for them.
fn column_widths(cells: &[Cell], n: usize, pad: f32, need: impl Fn(&Cell) -> f32) -> Vec<f32> {
    let mut w = vec![0.0f32; n];
    for c in cells.iter().filter(|c| c.cols == 1) {
        w[c.col] = w[c.col].max(need(c));
    }
    for c in cells.iter().filter(|c| c.cols > 1) {
        let have: f32 =
            w[c.col..c.col + c.cols].iter().sum::<f32>() + 2.0 * pad * (c.cols - 1) as f32;
        let want = need(c);
        if want > have {
            w[c.col + c.cols - 1] += want - have;
        }
    }
    // An empty column still shows as a narrow one.
    w.iter().map(|v| v.max(1.0)).collect()
}

/// Widths that fit `room` (see [`crate::write::columns::fit`]).
fn fit(narrow: &[f32], natural: &[f32], room: f32) -> Vec<f32> {
    let f = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
    crate::write::columns::fit(&f(narrow), &f(natural), f64::from(room))
        .into_iter()
        .map(|w| w as f32)
        .collect()
}

/// Right end of the text on a set line, if it has text.
fn line_end(items: &[Item], measure: &dyn super::super::page::Measure) -> Option<f32> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Text(run) => Some(run.x + measure.width(&run.text, run.face, run.size)),
            _ => None,
        })
        .reduce(f32::max)
}

fn shifted(item: Item, dx: f32) -> Item {
    if dx == 0.0 {
        return item;
    }
    match item {
        Item::Text(mut run) => {
            run.x += dx;
            Item::Text(run)
        }
        Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            artifact,
        } => Item::Rule {
            x1: x1 + dx,
            y1,
            x2: x2 + dx,
            y2,
            width,
            artifact,
        },
        Item::Link {
            x,
            y,
            width,
            height,
            target,
        } => Item::Link {
            x: x + dx,
            y,
            width,
            height,
            target,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_room() {
        let narrow = [10.0, 20.0];
        let natural = [50.0, 100.0];
        assert_eq!(fit(&narrow, &natural, 200.0), natural.to_vec());
        let shared = fit(&narrow, &natural, 90.0);
        assert!((shared.iter().sum::<f32>() - 90.0).abs() < 0.01);
        assert!(shared[0] >= 10.0 && shared[1] >= 20.0);
        assert!((shared[0] - 45.0).abs() < 0.01, "{shared:?}");
        let squeezed = fit(&narrow, &natural, 15.0);
        assert!((squeezed.iter().sum::<f32>() - 15.0).abs() < 0.01);
    }
}
