//! A thin layer over quick-xml for the JATS writer: block elements go on
//! their own indented lines, inline content is written exactly as given (no
//! whitespace is ever added inside mixed content, where it would change the
//! text), and every string passes through `xml_safe` before it is escaped.

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::error::{Error, Result};
use crate::write::xml_text::xml_safe;

/// Attributes of one element, in the order they are written.
pub type Attrs<'a> = &'a [(&'a str, &'a str)];

/// XML being written into memory.
pub struct Xml {
    writer: Writer<Vec<u8>>,
    /// Nesting depth of open block elements, for indentation.
    depth: usize,
    /// The first write error. Writing into a `Vec` does not fail in practice;
    /// keeping the error instead of panicking keeps every call site simple.
    error: Option<std::io::Error>,
}

impl Xml {
    /// An empty buffer whose first block element is indented `depth` levels.
    pub fn new(depth: usize) -> Xml {
        Xml {
            writer: Writer::new(Vec::new()),
            depth,
            error: None,
        }
    }

    fn emit(&mut self, event: Event<'_>) {
        if let Err(e) = self.writer.write_event(event)
            && self.error.is_none()
        {
            self.error = Some(e);
        }
    }

    /// A line break and the indentation of the current depth. Only ever
    /// written where the content model holds elements, not text.
    fn newline(&mut self) {
        let indent = format!("\n{}", "  ".repeat(self.depth));
        self.emit(Event::Text(BytesText::from_escaped(indent)));
    }

    fn start_tag(&mut self, name: &str, attrs: Attrs<'_>) {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            start.push_attribute((*key, xml_safe(value).as_ref()));
        }
        self.emit(Event::Start(start));
    }

    /// Opens an element that holds only elements: its children go on their
    /// own lines, one level deeper.
    pub fn open(&mut self, name: &str, attrs: Attrs<'_>) {
        self.newline();
        self.start_tag(name, attrs);
        self.depth += 1;
    }

    /// Closes an element opened with [`Xml::open`].
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.newline();
        self.emit(Event::End(BytesEnd::new(name)));
    }

    /// Starts an element with mixed content on a line of its own; its
    /// content follows on the same line. Close it with [`Xml::end`].
    pub fn open_line(&mut self, name: &str, attrs: Attrs<'_>) {
        self.newline();
        self.start_tag(name, attrs);
    }

    /// Starts an inline element, with no whitespace around it.
    pub fn start(&mut self, name: &str, attrs: Attrs<'_>) {
        self.start_tag(name, attrs);
    }

    /// Ends an element started with [`Xml::start`] or [`Xml::open_line`].
    pub fn end(&mut self, name: &str) {
        self.emit(Event::End(BytesEnd::new(name)));
    }

    /// Character data, escaped, without the characters XML 1.0 forbids.
    pub fn text(&mut self, text: &str) {
        let safe = xml_safe(text);
        if !safe.is_empty() {
            // Quotes need no escaping in text; leaving them keeps it readable.
            let escaped = quick_xml::escape::partial_escape(safe.as_ref()).into_owned();
            self.emit(Event::Text(BytesText::from_escaped(escaped)));
        }
    }

    /// An element holding only `text`, on a line of its own.
    pub fn line(&mut self, name: &str, attrs: Attrs<'_>, text: &str) {
        self.open_line(name, attrs);
        self.text(text);
        self.end(name);
    }

    /// An empty element on a line of its own.
    pub fn empty_line(&mut self, name: &str, attrs: Attrs<'_>) {
        self.newline();
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            start.push_attribute((*key, xml_safe(value).as_ref()));
        }
        self.emit(Event::Empty(start));
    }

    /// Markup written elsewhere (a DOCTYPE, a declaration), taken as is.
    pub fn raw(&mut self, markup: &str) {
        self.emit(Event::Text(BytesText::from_escaped(markup)));
    }

    /// The bytes written, or the first error.
    pub fn finish(self) -> Result<Vec<u8>> {
        match self.error {
            Some(e) => Err(Error::write("jats", e)),
            None => Ok(self.writer.into_inner()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_indent_and_inline_content_stays_tight() {
        let mut x = Xml::new(0);
        x.open("sec", &[("id", "s1")]);
        x.open_line("p", &[]);
        x.text("a < b & ]]> \u{1}c");
        x.start("italic", &[]);
        x.text("d");
        x.end("italic");
        x.end("p");
        x.close("sec");
        let out = String::from_utf8(x.finish().unwrap()).unwrap();
        assert_eq!(
            out,
            "\n<sec id=\"s1\">\n  <p>a &lt; b &amp; ]]&gt; c<italic>d</italic></p>\n</sec>"
        );
    }

    #[test]
    fn attribute_values_are_escaped_and_made_safe() {
        let mut x = Xml::new(0);
        x.empty_line("ext-link", &[("xlink:href", "a\"b&c\u{FFFE}")]);
        let out = String::from_utf8(x.finish().unwrap()).unwrap();
        assert_eq!(out, "\n<ext-link xlink:href=\"a&quot;b&amp;c\"/>");
    }
}
