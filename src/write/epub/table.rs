//! Tables as XHTML: `<table>` with its caption, `thead` rows of `th
//! scope="col"` and `tbody` rows of `td`, column alignment as classes the
//! stylesheet defines.

use crate::model::{Alignment, RowKind, Table, plain_text};

use super::xhtml::Renderer;

impl Renderer {
    /// Writes one table, inside a box that scrolls when it is too wide. A
    /// table with no cell writes its caption alone.
    pub fn table(&mut self, out: &mut String, table: &Table) {
        let grid = table.grid();
        if grid.columns == 0 {
            if let Some(caption) = &table.caption {
                out.push_str("<p class=\"caption\">");
                self.inlines(out, caption);
                out.push_str("</p>\n");
            }
            return;
        }
        out.push_str("<div class=\"table-wrap\">\n<table>\n");
        if let Some(caption) = &table.caption {
            out.push_str("<caption>");
            self.inlines(out, caption);
            out.push_str("</caption>\n");
        }
        // A header with nothing under it describes nothing (and a `th`
        // without data cells is an accessibility error): its rows are then
        // written as body rows.
        let has_body = grid.rows.contains(&RowKind::Body);
        let head_rows = grid.rows.iter().filter(|k| **k == RowKind::Head).count();
        let mut sections = Vec::new();
        if has_body && head_rows > 0 {
            sections.push(("thead", 0..head_rows));
        }
        let first = if has_body { head_rows } else { 0 };
        sections.push(("tbody", first..grid.rows.len()));
        for (name, rows) in sections {
            out.push_str(&format!("<{name}>\n"));
            for r in rows {
                let head = has_body && grid.rows[r] == RowKind::Head;
                out.push_str("<tr>");
                for p in grid.row_cells(r) {
                    // An empty corner cell heads nothing: a `th` without
                    // text is announced as nothing by screen readers.
                    let header = head && !plain_text(&p.cell.content).trim().is_empty();
                    let mut open = if header {
                        let scope = if p.cols > 1 { "colgroup" } else { "col" };
                        format!("<th scope=\"{scope}\"")
                    } else {
                        "<td".to_string()
                    };
                    if let Some(class) = align_class(table.alignment(p.col)) {
                        open.push_str(&format!(" class=\"{class}\""));
                    }
                    if p.cols > 1 {
                        open.push_str(&format!(" colspan=\"{}\"", p.cols));
                    }
                    if p.rows > 1 {
                        open.push_str(&format!(" rowspan=\"{}\"", p.rows));
                    }
                    out.push_str(&open);
                    out.push('>');
                    self.inlines(out, &p.cell.content);
                    out.push_str(if header { "</th>" } else { "</td>" });
                }
                // A short row is filled with empty cells, so that every row
                // spans the table.
                for _ in grid.gaps(r) {
                    out.push_str("<td></td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str(&format!("</{name}>\n"));
        }
        out.push_str("</table>\n</div>\n");
    }
}

fn align_class(a: Alignment) -> Option<&'static str> {
    match a {
        Alignment::Default => None,
        Alignment::Left => Some("align-left"),
        Alignment::Center => Some("align-center"),
        Alignment::Right => Some("align-right"),
    }
}
