//! Tables as plain text: aligned columns measured in display width (a CJK
//! character takes two columns, a combining accent none), cells wrapped
//! within their column; `key: value` records when even the narrowest
//! columns do not fit the line; tab-separated rows for the repaired text
//! that `recto normalize` prints; GFM pipe tables for its Markdown form.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::{Alignment, Grid, RowKind, Table};

/// Blank columns between two table columns.
const GAP: usize = 2;

/// Width of `text` on a terminal or in a monospaced font.
pub fn display_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// A table with the text of every cell already rendered (hard breaks as `\n`).
pub struct TextTable<'a> {
    pub table: &'a Table,
    pub grid: Grid<'a>,
    /// Text of each placed cell, in the grid's order.
    pub texts: Vec<String>,
}

impl<'a> TextTable<'a> {
    pub fn new(table: &'a Table, render: impl Fn(&[crate::model::Inline]) -> String) -> Self {
        let grid = table.grid();
        let texts = grid.cells.iter().map(|p| render(&p.cell.content)).collect();
        TextTable { table, grid, texts }
    }

    /// The table as aligned columns within `width` display columns, or
    /// `None` when the columns cannot fit even with every cell wrapped to
    /// its longest word.
    pub fn aligned(&self, width: usize) -> Option<Vec<String>> {
        let n = self.grid.columns;
        if n == 0 {
            return Some(Vec::new());
        }
        let longest_word = |t: &str| t.split_whitespace().map(display_width).max().unwrap_or(0);
        let longest_line = |t: &str| t.lines().map(display_width).max().unwrap_or(0);
        let narrow = self.widths(longest_word);
        let wide = self.widths(longest_line);
        let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * (n - 1);
        if total(&narrow) > width {
            return None;
        }
        let widths = whole_widths(&narrow, &wide, width - GAP * (n - 1));
        Some(self.render(&widths))
    }

    /// Column widths: each column as wide as `measure` says its one-column
    /// cells need (at least 1), then widened where a spanning cell needs more.
    fn widths(&self, measure: impl Fn(&str) -> usize) -> Vec<usize> {
        let mut w = vec![1; self.grid.columns];
        for (p, text) in self.grid.cells.iter().zip(&self.texts) {
            if p.cols == 1 {
                w[p.col] = w[p.col].max(measure(text));
            }
        }
        for (p, text) in self.grid.cells.iter().zip(&self.texts) {
            let have = span_width(&w[p.col..p.col + p.cols]);
            let need = measure(text);
            if p.cols > 1 && need > have {
                w[p.col + p.cols - 1] += need - have;
            }
        }
        w
    }

    fn render(&self, widths: &[usize]) -> Vec<String> {
        let mut lines = Vec::new();
        let rows = self.grid.rows.len();
        for r in 0..rows {
            // Each cell starting in this row, wrapped to its width.
            let mut columns: Vec<(usize, usize, Alignment, Vec<String>)> = Vec::new();
            for k in self.grid.row_range(r) {
                let p = &self.grid.cells[k];
                let w = span_width(&widths[p.col..p.col + p.cols]);
                let wrapped = wrap_cell(&self.texts[k], w);
                columns.push((p.col, w, self.table.alignment(p.col), wrapped));
            }
            let height = columns.iter().map(|c| c.3.len()).max().unwrap_or(1).max(1);
            for line in 0..height {
                let mut out = String::new();
                let mut pos = 0; // display width of `out`
                for (col, w, align, wrapped) in &columns {
                    let x = match col {
                        0 => 0,
                        _ => span_width(&widths[..*col]) + GAP,
                    };
                    let text = wrapped.get(line).map(String::as_str).unwrap_or("");
                    let tw = display_width(text);
                    let pad = w.saturating_sub(tw);
                    let start = x + match align {
                        Alignment::Right => pad,
                        Alignment::Center => pad / 2,
                        _ => 0,
                    };
                    if !text.is_empty() {
                        out.push_str(&" ".repeat(start.saturating_sub(pos)));
                        out.push_str(text);
                        pos = start.max(pos) + tw;
                    }
                }
                lines.push(out.trim_end().to_string());
            }
            let last_head = self.grid.rows[r] == RowKind::Head
                && self.grid.rows.get(r + 1) != Some(&RowKind::Head);
            if last_head {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                lines.push(rule.join(&" ".repeat(GAP)));
            }
        }
        lines
    }

    /// The table as one record per body row: `key: value` lines, the key
    /// being the column's heading (or `Column N` when there is none). A
    /// table without body rows gives its header rows as records.
    pub fn records(&self) -> Vec<Vec<String>> {
        let has_body = self.grid.rows.contains(&RowKind::Body);
        let mut keys: Vec<Vec<&str>> = vec![Vec::new(); self.grid.columns];
        if has_body {
            for (p, text) in self.grid.cells.iter().zip(&self.texts) {
                if self.grid.rows[p.row] != RowKind::Head || text.trim().is_empty() {
                    continue;
                }
                for key in &mut keys[p.col..p.col + p.cols] {
                    if !key.contains(&text.as_str()) {
                        key.push(text);
                    }
                }
            }
        }
        // A cell's key names every column it covers.
        let key = |col: usize, cols: usize| -> (String, Vec<&str>) {
            let mut named: Vec<&str> = Vec::new();
            for k in keys[col..col + cols].iter().flatten() {
                if !named.contains(k) {
                    named.push(k);
                }
            }
            let label = if named.is_empty() {
                format!("Column {}", col + 1)
            } else {
                named
                    .iter()
                    .map(|k| k.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join(" / ")
            };
            (label, named)
        };
        let mut used: Vec<&str> = Vec::new();
        let mut records: Vec<Vec<String>> = Vec::new();
        let mut last_row = None;
        for (p, text) in self.grid.cells.iter().zip(&self.texts) {
            let is_record = !has_body || self.grid.rows[p.row] == RowKind::Body;
            if !is_record || text.trim().is_empty() {
                continue;
            }
            if last_row != Some(p.row) {
                records.push(Vec::new());
                last_row = Some(p.row);
            }
            let (label, named) = key(p.col, p.cols);
            used.extend(named);
            let value = text.split_whitespace().collect::<Vec<_>>().join(" ");
            records
                .last_mut()
                .expect("pushed above")
                .push(format!("{label}: {value}"));
        }
        // A heading over columns with no values is still written, so that
        // no cell's text is lost.
        let unused: Vec<String> = keys
            .iter()
            .flatten()
            .filter(|k| !used.contains(k))
            .map(|k| format!("{}:", k.split_whitespace().collect::<Vec<_>>().join(" ")))
            .fold(Vec::new(), |mut acc, k| {
                if !acc.contains(&k) {
                    acc.push(k);
                }
                acc
            });
        if !unused.is_empty() {
            records.insert(0, unused);
        }
        records
    }
}

/// Width of adjacent columns taken together, the gaps between them included.
fn span_width(widths: &[usize]) -> usize {
    widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1)
}

/// Whole-column widths between `narrow` and `wide` that fill `room`
/// (see [`crate::write::columns::fit`]): the fitted widths rounded down,
/// then the columns left short given one more column each, left to right.
fn whole_widths(narrow: &[usize], wide: &[usize], room: usize) -> Vec<usize> {
    let f = |v: &[usize]| v.iter().map(|&x| x as f64).collect::<Vec<_>>();
    let fitted = crate::write::columns::fit(&f(narrow), &f(wide), room as f64);
    let mut widths: Vec<usize> = fitted
        .iter()
        .zip(narrow)
        .map(|(w, n)| (w.floor() as usize).max(*n))
        .collect();
    let mut left = room.saturating_sub(widths.iter().sum());
    for (k, w) in widths.iter_mut().enumerate() {
        if left == 0 {
            break;
        }
        if *w < wide[k] {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

/// Greedy wrap of a cell's text at `width` display columns. Hard breaks
/// (`\n`) are kept; a word wider than the column (only possible when the
/// table was given narrower widths than its longest word) is cut.
pub fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in hard.split_whitespace() {
            let mut word = word.to_string();
            let mut wl = display_width(&word);
            if len > 0 && len + 1 + wl > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            while wl > width {
                let (head, tail) = split_at_width(&word, width);
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(head);
                len = 0;
                word = tail;
                wl = display_width(&word);
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.push_str(&word);
            len += wl;
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The longest head of `word` no wider than `width` (at least one
/// character), and the rest.
fn split_at_width(word: &str, width: usize) -> (String, String) {
    let mut w = 0;
    let mut cut = word.len();
    for (i, c) in word.char_indices() {
        let cw = UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width && i > 0 {
            cut = i;
            break;
        }
        w += cw;
    }
    (word[..cut].to_string(), word[cut..].to_string())
}

/// The repaired-text form: one row per line, cells separated by a tab.
pub fn tabbed(table: &Table, render: impl Fn(&[crate::model::Inline]) -> String) -> Vec<String> {
    table
        .rows()
        .map(|(_, row)| {
            row.cells
                .iter()
                .map(|c| {
                    render(&c.content)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect()
}

/// A GFM pipe table: one header row (empty when the table has none), the
/// alignment row, then the rest. Pipes in cells are escaped; spanned
/// columns are left empty.
pub fn pipe(t: &TextTable<'_>) -> Vec<String> {
    let n = t.grid.columns;
    if n == 0 {
        return Vec::new();
    }
    let rows = t.grid.rows.len();
    let mut grid: Vec<Vec<String>> = vec![vec![String::new(); n]; rows];
    for (p, text) in t.grid.cells.iter().zip(&t.texts) {
        grid[p.row][p.col] = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|");
    }
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    let mut out = Vec::new();
    let has_head = t.grid.rows.first() == Some(&RowKind::Head);
    let mut body = grid.iter();
    if has_head {
        out.push(line(body.next().expect("a head row")));
    } else {
        out.push(line(&vec![String::new(); n]));
    }
    let marks: Vec<String> = (0..n)
        .map(|c| {
            match t.table.alignment(c) {
                Alignment::Default => "---",
                Alignment::Left => ":---",
                Alignment::Center => ":---:",
                Alignment::Right => "---:",
            }
            .to_string()
        })
        .collect();
    out.push(line(&marks));
    out.extend(body.map(|r| line(r)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inline, plain_text};

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    fn text(i: &[Inline]) -> String {
        plain_text(i)
    }

    #[test]
    fn aligns_by_display_width() {
        let mut t = Table::from_text_rows(
            rows(&[&["Name", "Count"]]),
            rows(&[&["日本語", "3"], &["abc", "12"]]),
        );
        t.columns = vec![Alignment::Default, Alignment::Right];
        let tt = TextTable::new(&t, text);
        let lines = tt.aligned(72).unwrap();
        assert_eq!(
            lines,
            vec![
                "Name    Count",
                "------  -----",
                "日本語      3",
                "abc        12"
            ]
        );
    }

    #[test]
    fn wraps_cells_then_falls_back_to_records() {
        let t = Table::from_text_rows(
            rows(&[&["Key", "Description"]]),
            rows(&[&["a", "one two three four five six seven"]]),
        );
        let tt = TextTable::new(&t, text);
        let lines = tt.aligned(20).unwrap();
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(display_width(l) <= 20, "{l}");
        }
        assert!(tt.aligned(8).is_none());
        assert_eq!(
            tt.records(),
            vec![vec![
                "Key: a".to_string(),
                "Description: one two three four five six seven".to_string()
            ]]
        );
    }

    #[test]
    fn records_without_a_head_name_columns() {
        let t = Table::from_text_rows(Vec::new(), rows(&[&["x", "", "z"]]));
        let tt = TextTable::new(&t, text);
        assert_eq!(tt.records(), vec![vec!["Column 1: x", "Column 3: z"]]);
    }

    #[test]
    fn wrap_cell_cuts_only_overlong_words() {
        assert_eq!(wrap_cell("ab cd", 2), vec!["ab", "cd"]);
        assert_eq!(wrap_cell("abcde", 2), vec!["ab", "cd", "e"]);
        assert_eq!(wrap_cell("", 3), vec![""]);
        assert_eq!(wrap_cell("a\nb", 9), vec!["a", "b"]);
    }

    #[test]
    fn pipe_tables_escape_and_pad() {
        let t = Table::from_text_rows(rows(&[&["a|b", "c"]]), rows(&[&["1"]]));
        let tt = TextTable::new(&t, text);
        assert_eq!(
            pipe(&tt),
            vec!["| a\\|b | c |", "| --- | --- |", "| 1 |  |"]
        );
    }
}
