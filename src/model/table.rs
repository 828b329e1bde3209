//! Tables: rows of cells holding inline content, with header rows, column
//! alignment and the column and row spans the source gives.
//!
//! Cell text is verbatim content, like a code block's: no normalization pass
//! changes it. The model accepts any shape (ragged rows, empty cells, spans
//! past the edge); [`Table::grid`] is the one place that places cells on a
//! rectangular grid, with spans clamped, for the writers that need one.

use serde::{Deserialize, Serialize};

use super::inline::{Inline, inlines_from_text, plain_text};

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// As the writer sees fit (left in left-to-right text).
    #[default]
    Default,
    Left,
    Center,
    Right,
}

/// One cell: inline content and how many columns and rows it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableCell {
    pub content: Vec<Inline>,
    /// Columns covered, at least 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub colspan: u32,
    /// Rows covered, at least 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rowspan: u32,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

impl TableCell {
    /// A cell covering one column and one row.
    pub fn new(content: Vec<Inline>) -> TableCell {
        TableCell {
            content,
            colspan: 1,
            rowspan: 1,
        }
    }

    /// A one-by-one cell holding `text`, split into words.
    pub fn from_text(text: &str) -> TableCell {
        TableCell::new(inlines_from_text(text))
    }

    /// The cell's text as a reader would see it.
    pub fn plain_text(&self) -> String {
        plain_text(&self.content)
    }
}

/// One row of cells. Rows may hold different numbers of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    pub cells: Vec<TableCell>,
}

/// A table: an optional caption, the alignment of each column, header rows
/// and body rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Vec<Inline>>,
    /// Alignment of each column; columns past the end are `Default`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Alignment>,
    /// Header rows (column headings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub head: Vec<TableRow>,
    pub body: Vec<TableRow>,
}

/// Spans larger than this are clamped when cells are placed: HTML's own
/// limit for `colspan`, and far beyond any real table. It bounds the grid a
/// writer builds for a hand-made table with a span of four billion.
pub const MAX_COLSPAN: u32 = 1000;

/// Which part of the table a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Head,
    Body,
}

/// A cell placed on the grid: its row and first column, and the rows and
/// columns it covers, clamped to the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed<'a> {
    pub cell: &'a TableCell,
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

/// The table's cells on a rectangular grid, in reading order (row by row,
/// left to right). Every grid position is covered by at most one cell;
/// positions no cell covers are gaps (a short row), which writers fill with
/// empty cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid<'a> {
    /// Number of columns: the widest row, spans included.
    pub columns: usize,
    /// The kind of each row: header rows first, then body rows.
    pub rows: Vec<RowKind>,
    /// Cells in reading order.
    pub cells: Vec<Placed<'a>>,
    free: Vec<Free>,
}

impl<'a> Grid<'a> {
    /// The cells that start in row `row`, left to right.
    pub fn row_cells(&self, row: usize) -> &[Placed<'a>] {
        &self.cells[self.row_range(row)]
    }

    /// Where the cells that start in row `row` are in [`Grid::cells`].
    pub fn row_range(&self, row: usize) -> std::ops::Range<usize> {
        let start = self.cells.partition_point(|p| p.row < row);
        let end = self.cells.partition_point(|p| p.row <= row);
        start..end
    }

    /// Which columns of row `row` no cell covers (from this row or a cell
    /// spanning down from above), left to right.
    pub fn gaps(&self, row: usize) -> Vec<usize> {
        let Some(free) = self.free.get(row) else {
            return Vec::new();
        };
        let mut gaps = free.inner.clone();
        gaps.extend(free.reach..self.columns);
        gaps
    }
}

/// The columns of one row no cell covers: those left of `reach`, and every
/// column from `reach` on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Free {
    inner: Vec<usize>,
    reach: usize,
}

impl Table {
    /// A table from rows of plain text, as the raw-text repair finds them:
    /// each cell's text split into words, rows of any length, every column
    /// aligned by default.
    pub fn from_text_rows(head: Vec<Vec<String>>, body: Vec<Vec<String>>) -> Table {
        let rows = |rows: Vec<Vec<String>>| -> Vec<TableRow> {
            rows.into_iter()
                .map(|cells| TableRow {
                    cells: cells.iter().map(|c| TableCell::from_text(c)).collect(),
                })
                .collect()
        };
        Table {
            caption: None,
            columns: Vec::new(),
            head: rows(head),
            body: rows(body),
        }
    }

    /// Header rows, then body rows, each with its kind.
    pub fn rows(&self) -> impl Iterator<Item = (RowKind, &TableRow)> {
        self.head
            .iter()
            .map(|r| (RowKind::Head, r))
            .chain(self.body.iter().map(|r| (RowKind::Body, r)))
    }

    /// Whether the table has no cells at all.
    pub fn is_empty(&self) -> bool {
        self.rows().all(|(_, r)| r.cells.is_empty())
    }

    /// The alignment of column `col`.
    pub fn alignment(&self, col: usize) -> Alignment {
        self.columns.get(col).copied().unwrap_or_default()
    }

    /// The text of the table: the caption (when there is one) on the first
    /// line, then one line per row, cells separated by a tab.
    pub fn plain_text(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        if let Some(caption) = &self.caption {
            lines.push(plain_text(caption));
        }
        for (_, row) in self.rows() {
            let cells: Vec<String> = row.cells.iter().map(|c| cell_line(&c.content)).collect();
            lines.push(cells.join("\t"));
        }
        lines.join("\n")
    }

    /// Places the cells on a grid, as HTML does: each cell takes the first
    /// column of its row not covered by a cell spanning down from above; a
    /// row span stops at the end of its part (head or body); a column span
    /// is clamped to [`MAX_COLSPAN`]. Time is linear in the number of cells
    /// plus the grid's rows times the columns that spans reach into.
    pub fn grid(&self) -> Grid<'_> {
        let mut grid = Grid {
            columns: 0,
            rows: Vec::new(),
            cells: Vec::new(),
            free: Vec::new(),
        };
        for (kind, part) in [(RowKind::Head, &self.head), (RowKind::Body, &self.body)] {
            let first_row = grid.rows.len();
            let part_end = first_row + part.len();
            // For each column, the row below the last one a cell from above
            // covers.
            let mut busy_until: Vec<usize> = Vec::new();
            for (k, row) in part.iter().enumerate() {
                let r = first_row + k;
                grid.rows.push(kind);
                let mut col = 0;
                for cell in &row.cells {
                    while busy_until.get(col).is_some_and(|&until| until > r) {
                        col += 1;
                    }
                    let cols = cell.colspan.clamp(1, MAX_COLSPAN) as usize;
                    let rows = (cell.rowspan.max(1) as usize).min(part_end - r);
                    if busy_until.len() < col + cols {
                        busy_until.resize(col + cols, 0);
                    }
                    // A span running into a cell from above stops short of it.
                    let cols = (col..col + cols)
                        .position(|c| busy_until[c] > r)
                        .unwrap_or(cols);
                    busy_until[col..col + cols]
                        .iter_mut()
                        .for_each(|u| *u = r + rows);
                    grid.cells.push(Placed {
                        cell,
                        row: r,
                        col,
                        rows,
                        cols,
                    });
                    col += cols;
                }
                grid.columns = grid.columns.max(busy_until.len());
                grid.free.push(Free {
                    inner: (0..busy_until.len())
                        .filter(|&c| busy_until[c] <= r)
                        .collect(),
                    reach: busy_until.len(),
                });
            }
        }
        grid
    }
}

/// A cell's text on one line: hard breaks become spaces, so that the row
/// stays one line of tab-separated cells.
fn cell_line(content: &[Inline]) -> String {
    let text = plain_text(content);
    if text.contains(['\n', '\t']) {
        text.replace(['\n', '\t'], " ")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn from_text_rows_keeps_ragged_rows_and_splits_words() {
        let t = Table::from_text_rows(
            rows(&[&["Name", "Value"]]),
            rows(&[&["a b", "1"], &["c"], &[]]),
        );
        assert_eq!(t.head.len(), 1);
        assert_eq!(t.body.len(), 3);
        assert_eq!(
            t.body[0].cells[0].content,
            vec![Inline::text("a"), Inline::Space, Inline::text("b")]
        );
        assert_eq!(t.body[1].cells.len(), 1);
        assert_eq!(t.plain_text(), "Name\tValue\na b\t1\nc\n");
        assert_eq!(t.alignment(5), Alignment::Default);
    }

    #[test]
    fn grid_places_spans_like_html() {
        let mut t = Table::from_text_rows(
            rows(&[&["A", "B", "C"]]),
            rows(&[&["x", "y"], &["z"], &["p", "q", "r", "s"]]),
        );
        t.body[0].cells[0].rowspan = 2;
        t.body[0].cells[1].colspan = 2;
        let g = t.grid();
        assert_eq!(g.columns, 4);
        assert_eq!(g.rows.len(), 4);
        let z = g.row_cells(2)[0];
        assert_eq!((z.row, z.col), (2, 1), "z sits right of the rowspan");
        assert_eq!(g.gaps(2), vec![2, 3]);
        assert_eq!(g.gaps(0), vec![3]);
        assert!(g.gaps(3).is_empty());
    }

    #[test]
    fn spans_are_clamped_to_their_part() {
        let mut t = Table::from_text_rows(rows(&[&["h"]]), rows(&[&["b"]]));
        t.head[0].cells[0].rowspan = u32::MAX;
        t.head[0].cells[0].colspan = u32::MAX;
        t.body[0].cells[0].colspan = 0;
        let g = t.grid();
        assert_eq!(
            g.cells[0].rows, 1,
            "a head cell does not span into the body"
        );
        assert_eq!(g.cells[0].cols, MAX_COLSPAN as usize);
        assert_eq!(g.cells[1].cols, 1, "a zero span counts as one");
        assert_eq!(g.columns, MAX_COLSPAN as usize);
    }

    #[test]
    fn a_column_span_stops_at_a_cell_from_above() {
        let mut t = Table::from_text_rows(Vec::new(), rows(&[&["a", "b"], &["c"]]));
        t.body[0].cells[1].rowspan = 2;
        t.body[1].cells[0].colspan = 3;
        let g = t.grid();
        let c = g.row_cells(1)[0];
        assert_eq!((c.col, c.cols), (0, 1));
    }
}
