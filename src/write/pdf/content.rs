//! Page content streams, written as bytes.
//!
//! A page's text is drawn as few operators as it can be: one `Tf` when the
//! face or size changes, one `Tm` per baseline, and one `TJ` array per
//! baseline whose numbers move the pen from wherever the previous glyph left
//! it to where layout put the next one. The pen is tracked in the same
//! integer `/W` widths the viewer advances by, so glyphs land exactly where
//! shaping placed them.
//!
//! Writing the stream directly (rather than through an operator list) keeps a
//! page's content to a few kilobytes of bytes while it is built: a long
//! document never holds more than one page of operators.
//!
//! Pages are written as they are laid out, before the document's last page
//! says which glyphs each font subset keeps, and so before a glyph's code
//! in its subset is known. A glyph is therefore written as a placeholder of
//! three bytes (a byte at or above 0x80, which the rest of a content stream
//! never holds, naming the font, then the glyph's id in the whole font),
//! and [`resolve`] turns the placeholders into `<hhhh>` codes once the
//! subsets are made. The placeholder is half the size of the code, and a
//! long document holds its pages in this form until its end.

/// Where the next glyph is drawn: the open `TJ` array on one baseline.
struct Baseline {
    font: usize,
    size: f32,
    /// The `Tm` origin as written (rounded), which later kerns measure from.
    x0: f32,
    y: f32,
    /// Pen position from `x0`, in thousandths of an em of `size`.
    pen: f32,
}

/// One glyph to draw: its id in the whole font (numbered again in the
/// subset by [`resolve`]), the width the font's `/W` entry gives it
/// (thousandths of an em), and where it belongs, in thousandths of an em
/// from the segment's start.
pub struct Glyph {
    pub gid: u16,
    pub width: f32,
    pub at: f32,
}

#[derive(Default)]
pub struct ContentStream {
    bytes: Vec<u8>,
    /// The `Tf` in force inside the current text object.
    font: Option<(usize, f32)>,
    line: Option<Baseline>,
}

/// The first byte of a glyph placeholder: this plus the font number.
const PLACEHOLDER: u8 = 0x80;

/// The font numbers a placeholder can name.
pub const MAX_FONT: usize = (u8::MAX - PLACEHOLDER) as usize;

impl ContentStream {
    /// The stream, its glyphs still placeholders: see [`resolve`].
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.close_line();
        self.bytes.shrink_to_fit();
        self.bytes
    }

    /// `/Tag <<properties>> BDC`; `properties` is a dictionary body.
    pub fn begin_marked(&mut self, tag: &str, properties: &[u8]) {
        // Bytes above ASCII are glyph placeholders.
        debug_assert!(tag.is_ascii() && properties.is_ascii());
        self.close_line();
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(tag.as_bytes());
        self.bytes.extend_from_slice(b" <<");
        self.bytes.extend_from_slice(properties);
        self.bytes.extend_from_slice(b">> BDC\n");
    }

    pub fn end_marked(&mut self) {
        self.close_line();
        self.bytes.extend_from_slice(b"EMC\n");
    }

    pub fn begin_text(&mut self) {
        self.close_line();
        self.bytes.extend_from_slice(b"BT\n");
        self.font = None;
    }

    pub fn end_text(&mut self) {
        self.close_line();
        self.bytes.extend_from_slice(b"ET\n");
        self.font = None;
    }

    /// Draws glyphs of font resource `/F{font}` at `size`, the segment
    /// starting at (`x`, `y`). Continues the open `TJ` when the baseline,
    /// face and size are the same.
    /// `font` is at most [`MAX_FONT`].
    pub fn glyphs(&mut self, font: usize, size: f32, x: f32, y: f32, glyphs: &[Glyph]) {
        debug_assert!((1..=MAX_FONT).contains(&font));
        let y = round2(y);
        let mut line = match self.line.take() {
            Some(line) if line.font == font && line.size == size && line.y == y => line,
            open => {
                if open.is_some() {
                    self.bytes.extend_from_slice(b"] TJ\n");
                }
                self.begin_line(font, size, round2(x), y)
            }
        };
        let start = (x - line.x0) * 1000.0 / size;
        for g in glyphs {
            // A TJ number n moves the pen by -n/1000 em.
            let kern = round2(line.pen - (start + g.at));
            if kern.abs() >= 0.01 {
                self.bytes.push(b' ');
                push_num(&mut self.bytes, kern);
                self.bytes.push(b' ');
                line.pen -= kern;
            }
            self.bytes.push(PLACEHOLDER + font as u8);
            self.bytes.extend_from_slice(&g.gid.to_be_bytes());
            line.pen += g.width;
        }
        self.line = Some(line);
    }

    /// `Tf` if the face or size changes, `Tm` at (`x0`, `y`), and an open `[`.
    fn begin_line(&mut self, font: usize, size: f32, x0: f32, y: f32) -> Baseline {
        if self.font != Some((font, size)) {
            self.bytes.extend_from_slice(b"/F");
            push_int(&mut self.bytes, font as i64);
            self.bytes.push(b' ');
            push_num(&mut self.bytes, size);
            self.bytes.extend_from_slice(b" Tf\n");
            self.font = Some((font, size));
        }
        self.bytes.extend_from_slice(b"1 0 0 1 ");
        push_num(&mut self.bytes, x0);
        self.bytes.push(b' ');
        push_num(&mut self.bytes, y);
        self.bytes.extend_from_slice(b" Tm\n[");
        Baseline {
            font,
            size,
            x0,
            y,
            pen: 0.0,
        }
    }

    /// A stroked straight line `width` points wide.
    pub fn line_segment(&mut self, from: (f32, f32), to: (f32, f32), width: f32) {
        self.close_line();
        self.bytes.extend_from_slice(b"q\n");
        push_num(&mut self.bytes, width);
        self.bytes.extend_from_slice(b" w\n");
        for (point, op) in [(from, b" m\n"), (to, b" l\n")] {
            push_num(&mut self.bytes, point.0);
            self.bytes.push(b' ');
            push_num(&mut self.bytes, point.1);
            self.bytes.extend_from_slice(op);
        }
        self.bytes.extend_from_slice(b"S\nQ\n");
    }

    fn close_line(&mut self) {
        if self.line.take().is_some() {
            self.bytes.extend_from_slice(b"] TJ\n");
        }
    }
}

/// The content stream `written` by [`ContentStream`], each glyph placeholder
/// replaced by `<hhhh>`, the glyph's code `code(font, gid)` in its font's
/// subset.
pub fn resolve(written: &[u8], code: impl Fn(usize, u16) -> u16) -> Vec<u8> {
    let glyphs = written.iter().filter(|&&b| b >= PLACEHOLDER).count();
    let mut out = Vec::with_capacity(written.len() + glyphs * 3);
    let mut rest = written;
    while let Some(at) = rest.iter().position(|&b| b >= PLACEHOLDER) {
        out.extend_from_slice(&rest[..at]);
        let font = usize::from(rest[at] - PLACEHOLDER);
        let gid = match rest.get(at + 1..at + 3) {
            Some(&[hi, lo]) => u16::from_be_bytes([hi, lo]),
            // Only `ContentStream` writes placeholders, always whole.
            _ => 0,
        };
        out.push(b'<');
        push_hex4(&mut out, code(font, gid));
        out.push(b'>');
        rest = rest.get(at + 3..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
    out
}

pub fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// A number with at most two decimals and no trailing zeros ("12", "-3.5",
/// "0.25"), as PDF wants it: no exponent, no "-0".
pub fn push_num(out: &mut Vec<u8>, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let abs = hundredths.unsigned_abs();
    push_int(out, (abs / 100) as i64);
    let frac = abs % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

fn push_int(out: &mut Vec<u8>, v: i64) {
    let mut buffer = itoa::Buffer::new();
    out.extend_from_slice(buffer.format(v).as_bytes());
}

fn push_hex4(out: &mut Vec<u8>, code: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((code >> shift) & 0xF)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut out = Vec::new();
        push_num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_plain() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-3.5), "-3.5");
        assert_eq!(num(0.25), "0.25");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(752.29004), "752.29");
        assert_eq!(num(1e9), "1000000000");
    }

    #[test]
    fn words_on_one_baseline_share_one_tj() {
        let mut c = ContentStream::default();
        c.begin_text();
        let word = |code| {
            [Glyph {
                gid: code,
                width: 500.0,
                at: 0.0,
            }]
        };
        c.glyphs(1, 10.0, 100.0, 700.0, &word(3));
        // The pen is at 105 after one 500-unit glyph; the next word is at 110.
        c.glyphs(1, 10.0, 110.0, 700.0, &word(4));
        c.glyphs(1, 10.0, 100.0, 688.0, &word(5));
        c.end_text();
        let text = String::from_utf8(resolve(&c.into_bytes(), |_, gid| gid)).unwrap();
        assert_eq!(
            text,
            "BT\n/F1 10 Tf\n1 0 0 1 100 700 Tm\n[<0003> -500 <0004>] TJ\n\
             1 0 0 1 100 688 Tm\n[<0005>] TJ\nET\n"
        );
    }

    #[test]
    fn placeholders_resolve_to_each_fonts_codes() {
        let mut c = ContentStream::default();
        c.begin_text();
        let glyph = |gid| Glyph {
            gid,
            width: 0.0,
            at: 0.0,
        };
        // Glyph ids whose bytes look like placeholders and like text.
        c.glyphs(1, 10.0, 0.0, 0.0, &[glyph(0x8081), glyph(0x2020)]);
        c.glyphs(6, 10.0, 0.0, 0.0, &[glyph(0xffff)]);
        c.end_text();
        let text = resolve(&c.into_bytes(), |font, gid| {
            ((font as u16) << 12) | (gid.wrapping_add(1) & 0xfff)
        });
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "BT\n/F1 10 Tf\n1 0 0 1 0 0 Tm\n[<1082><1021>] TJ\n\
             /F6 10 Tf\n1 0 0 1 0 0 Tm\n[<6000>] TJ\nET\n"
        );
    }

    #[test]
    fn a_marked_content_boundary_closes_the_array() {
        let mut c = ContentStream::default();
        c.begin_text();
        c.glyphs(
            2,
            9.5,
            0.0,
            0.0,
            &[Glyph {
                gid: 0x1ab,
                width: 250.0,
                at: 0.0,
            }],
        );
        c.begin_marked("Span", b"/ActualText <FEFF0041>");
        c.end_marked();
        c.end_text();
        let text = String::from_utf8(resolve(&c.into_bytes(), |_, gid| gid)).unwrap();
        assert_eq!(
            text,
            "BT\n/F2 9.5 Tf\n1 0 0 1 0 0 Tm\n[<01ab>] TJ\n/Span <</ActualText <FEFF0041>>> BDC\nEMC\nET\n"
        );
    }
}
