//! The logical structure of the PDF (tagged PDF): which marked content and
//! which link annotations belong to which structure element, in reading
//! order. Emission numbers the content (MCIDs) and asks this tree where each
//! piece goes; it then writes the tree as `StructElem` objects.
//!
//! The shape: `Document` holds, in order, `Title`, `H1`..`H6`, `P`,
//! `BlockQuote`, `Code` and `L` elements; an `L` holds `LI` elements, each
//! with an `Lbl` and an `LBody` (a label opens an item; the body after it
//! joins that item). A `Table` holds its `Caption` and `TR` rows, a row its
//! `TH` (with the column scope) and `TD` cells.

use std::collections::{HashMap, HashSet};

use super::page::{StructRef, StructRole};

/// A child of a structure element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    /// Another element (an index into [`StructTree::elems`]).
    Elem(usize),
    /// Marked content `mcid` on page `page` (0-based).
    Mcid { page: usize, mcid: u32 },
    /// Link annotation number `annot` of page `page`.
    Annot { page: usize, annot: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    /// The structure type (`P`, `H2`, `LI`, ...).
    pub tag: &'static str,
    /// The parent element; the root is its own parent.
    pub parent: usize,
    pub kids: Vec<Kid>,
    /// The `/Scope` of a header cell (`Column`), written as a `Table`
    /// attribute.
    pub scope: Option<&'static str>,
    /// The `/Alt` text of a `Figure`.
    pub alt: Option<String>,
}

/// What identifies one element among the runs' `StructRef`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Content(StructRole, u32, Option<u32>),
    List(u32),
    Item(Option<u32>, u32),
    Table(u32),
    Row(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StructTree {
    /// Element 0 is the `Document` root.
    pub elems: Vec<Elem>,
    index: HashMap<Key, usize>,
    /// The latest item of each list, and the items that have a body.
    last_item: HashMap<u32, usize>,
    item_has_body: HashSet<usize>,
}

impl Default for StructTree {
    fn default() -> Self {
        StructTree {
            elems: vec![Elem {
                tag: "Document",
                parent: 0,
                kids: Vec::new(),
                scope: None,
                alt: None,
            }],
            index: HashMap::new(),
            last_item: HashMap::new(),
            item_has_body: HashSet::new(),
        }
    }
}

/// The standard structure type for a role (`Title` is role-mapped to `H1`
/// by emission, since PDF 1.7 has no title type).
pub fn tag_for(role: StructRole) -> &'static str {
    match role {
        StructRole::Title => "Title",
        StructRole::Heading(level) => {
            ["H1", "H2", "H3", "H4", "H5", "H6"][usize::from(level.clamp(1, 6)) - 1]
        }
        StructRole::Paragraph => "P",
        StructRole::ListLabel => "Lbl",
        StructRole::ListBody => "LBody",
        StructRole::Quote => "BlockQuote",
        StructRole::Code => "Code",
        StructRole::Caption { .. } => "Caption",
        StructRole::Cell { header: true, .. } => "TH",
        StructRole::Cell { header: false, .. } => "TD",
        StructRole::Note => "Note",
        StructRole::Figure => "Figure",
        StructRole::Artifact => "Artifact",
    }
}

impl StructTree {
    fn child(&mut self, key: Key, parent: usize, tag: &'static str) -> usize {
        if let Some(&found) = self.index.get(&key) {
            return found;
        }
        let id = self.elems.len();
        self.elems.push(Elem {
            tag,
            parent,
            kids: Vec::new(),
            scope: None,
            alt: None,
        });
        self.elems[parent].kids.push(Kid::Elem(id));
        self.index.insert(key, id);
        id
    }

    /// The element that content of `s` belongs to, created on first use.
    pub fn element(&mut self, s: StructRef) -> usize {
        match s.role {
            StructRole::ListLabel | StructRole::ListBody => self.list_part(s),
            StructRole::Caption { table } => {
                let t = self.child(Key::Table(table), 0, "Table");
                self.child(Key::Content(s.role, s.id, None), t, tag_for(s.role))
            }
            StructRole::Cell { header, row, table } => {
                let t = self.child(Key::Table(table), 0, "Table");
                let tr = self.child(Key::Row(row), t, "TR");
                let cell = self.child(Key::Content(s.role, s.id, None), tr, tag_for(s.role));
                if header {
                    self.elems[cell].scope = Some("Column");
                }
                cell
            }
            role => self.child(Key::Content(role, s.id, None), 0, tag_for(role)),
        }
    }

    /// A label or body of a list item. Layout numbers labels and bodies
    /// separately, so a label opens a new item and a body joins the item
    /// whose label came just before it (or opens one when it has none).
    fn list_part(&mut self, s: StructRef) -> usize {
        let key = Key::Content(s.role, s.id, s.list);
        if let Some(&found) = self.index.get(&key) {
            return found;
        }
        let list_key = s.list.unwrap_or(s.id);
        let list = self.child(Key::List(list_key), 0, "L");
        let open_item = self
            .last_item
            .get(&list_key)
            .copied()
            .filter(|&li| !self.item_has_body.contains(&li));
        let item = match (s.role, open_item) {
            (StructRole::ListBody, Some(li)) => li,
            _ => self.child(Key::Item(s.list, s.id), list, "LI"),
        };
        self.last_item.insert(list_key, item);
        if s.role == StructRole::ListBody {
            self.item_has_body.insert(item);
        }
        self.child(key, item, tag_for(s.role))
    }

    /// Records marked content `mcid` of `page` as the next child of the
    /// element for `s`; returns that element.
    pub fn add_content(&mut self, s: StructRef, page: usize, mcid: u32) -> usize {
        let elem = self.element(s);
        self.elems[elem].kids.push(Kid::Mcid { page, mcid });
        elem
    }

    /// Adds a `Link` element holding annotation `annot` of `page` under
    /// `parent`; returns the new element.
    pub fn add_link(&mut self, parent: usize, page: usize, annot: usize) -> usize {
        let id = self.elems.len();
        self.elems.push(Elem {
            tag: "Link",
            parent,
            kids: vec![Kid::Annot { page, annot }],
            scope: None,
            alt: None,
        });
        self.elems[parent].kids.push(Kid::Elem(id));
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(role: StructRole, id: u32, list: Option<u32>) -> StructRef {
        StructRef { role, id, list }
    }

    #[test]
    fn runs_of_one_paragraph_share_an_element_across_pages() {
        let mut t = StructTree::default();
        let a = t.add_content(r(StructRole::Paragraph, 3, None), 0, 0);
        let b = t.add_content(r(StructRole::Paragraph, 3, None), 1, 0);
        assert_eq!(a, b);
        assert_eq!(t.elems[a].kids.len(), 2);
        assert_eq!(t.elems[0].kids, vec![Kid::Elem(a)]);
    }

    #[test]
    fn cells_nest_in_rows_in_one_table() {
        let mut t = StructTree::default();
        let cell = |header, row, id| {
            r(
                StructRole::Cell {
                    header,
                    row,
                    table: 1,
                },
                id,
                None,
            )
        };
        let cap = t.add_content(r(StructRole::Caption { table: 1 }, 2, None), 0, 0);
        let th = t.add_content(cell(true, 3, 4), 0, 1);
        let td = t.add_content(cell(false, 5, 6), 1, 0);
        let table = t.elems[cap].parent;
        assert_eq!(t.elems[table].tag, "Table");
        assert_eq!(t.elems[th].tag, "TH");
        assert_eq!(t.elems[th].scope, Some("Column"));
        assert_eq!(t.elems[td].scope, None);
        let (tr1, tr2) = (t.elems[th].parent, t.elems[td].parent);
        assert_ne!(tr1, tr2);
        assert_eq!(t.elems[tr1].tag, "TR");
        assert_eq!(t.elems[tr1].parent, table);
        assert_eq!(t.elems[tr2].parent, table);
        assert_eq!(t.elems[0].kids, vec![Kid::Elem(table)]);
    }

    #[test]
    fn list_items_nest_label_and_body() {
        let mut t = StructTree::default();
        let lbl = t.add_content(r(StructRole::ListLabel, 7, Some(1)), 0, 0);
        let body = t.add_content(r(StructRole::ListBody, 8, Some(1)), 0, 1);
        let again = t.add_content(r(StructRole::ListBody, 8, Some(1)), 1, 0);
        let lbl2 = t.add_content(r(StructRole::ListLabel, 9, Some(1)), 1, 1);
        let li = t.elems[lbl].parent;
        assert_eq!(t.elems[li].tag, "LI");
        assert_eq!(t.elems[body].parent, li);
        assert_eq!(body, again);
        let list = t.elems[li].parent;
        assert_eq!(t.elems[list].tag, "L");
        assert_ne!(t.elems[lbl2].parent, li);
        assert_eq!(t.elems[t.elems[lbl2].parent].parent, list);
    }
}
