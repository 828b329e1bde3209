//! Tables: `<table-wrap>` holding an XHTML-model `<table>` (`thead`,
//! `tbody`, `tr`, `th`, `td` with `align`, `colspan`, `rowspan`, `scope`),
//! as both JATS tag sets define it.

use crate::model::{Alignment, Grid, RowKind, Table};

use super::xml::Xml;
use super::{Ctx, inline};

/// Writes one table. A table with no cell writes its caption alone.
pub fn write(x: &mut Xml, cx: &mut Ctx, table: &Table) {
    cx.tables += 1;
    let id = format!("table-{}", cx.tables);
    x.open("table-wrap", &[("id", id.as_str())]);
    if let Some(caption) = &table.caption {
        x.open("caption", &[]);
        x.open_line("title", &[]);
        inline::write(x, cx, caption);
        x.end("title");
        x.close("caption");
    }
    let grid = table.grid();
    if grid.columns > 0 {
        x.open("table", &[]);
        // A header with nothing under it describes nothing: its rows are
        // then written as body rows (with `th` cells still).
        let has_body = grid.rows.contains(&RowKind::Body);
        let head_rows = grid.rows.iter().filter(|k| **k == RowKind::Head).count();
        if has_body && head_rows > 0 {
            x.open("thead", &[]);
            rows(x, cx, table, &grid, 0..head_rows, true);
            x.close("thead");
        }
        x.open("tbody", &[]);
        let first = if has_body { head_rows } else { 0 };
        rows(x, cx, table, &grid, first..grid.rows.len(), has_body);
        x.close("tbody");
        x.close("table");
    }
    x.close("table-wrap");
}

fn rows(
    x: &mut Xml,
    cx: &mut Ctx,
    table: &Table,
    grid: &Grid<'_>,
    range: std::ops::Range<usize>,
    scoped: bool,
) {
    for r in range {
        x.open("tr", &[]);
        let head = grid.rows[r] == RowKind::Head;
        for p in grid.row_cells(r) {
            let name = if head { "th" } else { "td" };
            let cols = p.cols.to_string();
            let rows = p.rows.to_string();
            let mut attrs: Vec<(&str, &str)> = Vec::new();
            if head && scoped {
                attrs.push(("scope", if p.cols > 1 { "colgroup" } else { "col" }));
            }
            if let Some(a) = align(table.alignment(p.col)) {
                attrs.push(("align", a));
            }
            if p.cols > 1 {
                attrs.push(("colspan", &cols));
            }
            if p.rows > 1 {
                attrs.push(("rowspan", &rows));
            }
            x.open_line(name, &attrs);
            inline::write(x, cx, &p.cell.content);
            x.end(name);
        }
        // A short row is filled with empty cells, so that every row spans
        // the table (and a row is never empty, which the DTD forbids).
        for _ in grid.gaps(r) {
            x.empty_line(if head { "th" } else { "td" }, &[]);
        }
        x.close("tr");
    }
}

fn align(a: Alignment) -> Option<&'static str> {
    match a {
        Alignment::Default => None,
        Alignment::Left => Some("left"),
        Alignment::Center => Some("center"),
        Alignment::Right => Some("right"),
    }
}
