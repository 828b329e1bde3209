//! Running text: words, breaks and markup to JATS phrase elements.

use crate::model::Inline;

use super::Ctx;
use super::xml::Xml;

/// Writes inline content into the element that is open.
pub fn write(x: &mut Xml, cx: &mut Ctx, inlines: &[Inline]) {
    write_in(x, cx, inlines, false);
}

/// `in_link`: inside an `<ext-link>`, where a second link cannot nest; an
/// inner link keeps its text (underlined) and loses only its own target.
fn write_in(x: &mut Xml, cx: &mut Ctx, inlines: &[Inline], in_link: bool) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => x.text(text),
            Inline::Space | Inline::SoftBreak => x.text(" "),
            // `<break/>` is not allowed in a paragraph; a newline keeps the
            // break in the text without breaking validity.
            Inline::LineBreak => x.text("\n"),
            Inline::Emphasis(inner) => wrap(x, cx, "italic", inner, in_link),
            Inline::Strong(inner) => wrap(x, cx, "bold", inner, in_link),
            Inline::Underline(inner) => wrap(x, cx, "underline", inner, in_link),
            Inline::Strikeout(inner) => wrap(x, cx, "strike", inner, in_link),
            Inline::Superscript(inner) => wrap(x, cx, "sup", inner, in_link),
            Inline::Subscript(inner) => wrap(x, cx, "sub", inner, in_link),
            // TeX source, marked as such, until formulas become MathML.
            Inline::Math { display, tex } => {
                let outer = if *display {
                    "disp-formula"
                } else {
                    "inline-formula"
                };
                x.start(outer, &[]);
                x.start("tex-math", &[]);
                x.text(tex);
                x.end("tex-math");
                x.end(outer);
            }
            Inline::NoteRef(label) => match cx.notes.get(label) {
                Some(n) => {
                    let rid = format!("fn-{n}");
                    x.start("xref", &[("ref-type", "fn"), ("rid", rid.as_str())]);
                    x.text(&n.to_string());
                    x.end("xref");
                }
                // The model's invariants forbid this; keep the label visible.
                None => x.text(&format!("[{label}]")),
            },
            Inline::Image(image) => match cx.resources.image(&image.src).cloned() {
                Some(file) => {
                    cx.uses_xlink = true;
                    cx.images_used.insert(file.name.clone());
                    x.start("inline-graphic", &[("xlink:href", file.name.as_str())]);
                    let alt = alt_text(&image.alt);
                    if !alt.is_empty() {
                        x.start("alt-text", &[]);
                        x.text(&alt);
                        x.end("alt-text");
                    }
                    x.end("inline-graphic");
                }
                // An image that could not be loaded: its alt text stands in.
                None => x.text(&alt_text(&image.alt)),
            },
            // JATS has no task-list box; the ballot box characters say it.
            Inline::Checkbox(done) => x.text(if *done { "\u{2611}" } else { "\u{2610}" }),
            Inline::Code(code) => {
                x.start("monospace", &[]);
                x.text(code);
                x.end("monospace");
            }
            Inline::Link {
                target: Some(url),
                content,
            } if !in_link => {
                cx.uses_xlink = true;
                x.start(
                    "ext-link",
                    &[("ext-link-type", "uri"), ("xlink:href", url.as_str())],
                );
                // A link without text shows its address.
                if content.is_empty() {
                    x.text(url);
                } else {
                    write_in(x, cx, content, true);
                }
                x.end("ext-link");
            }
            // Link text whose address was lost (or cannot nest): the text is
            // kept, underlined as it was in the source.
            Inline::Link { content, .. } => wrap(x, cx, "underline", content, in_link),
            Inline::PageMarker(_) => {}
        }
    }
}

fn wrap(x: &mut Xml, cx: &mut Ctx, name: &str, inner: &[Inline], in_link: bool) {
    x.start(name, &[]);
    write_in(x, cx, inner, in_link);
    x.end(name);
}

/// Alt text on one line.
pub fn alt_text(alt: &str) -> String {
    alt.split_whitespace().collect::<Vec<_>>().join(" ")
}
