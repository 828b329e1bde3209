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
