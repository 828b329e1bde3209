//! Glyph names no glyph of a subset uses, emptied out of its CFF program.
//!
//! allsorts' CFF subsetter keeps the whole String INDEX of the font (its
//! documentation says so): Libertinus' 2,564 strings, mostly glyph names,
//! are 24 KB of a 39 KB subset of 69 glyphs, which every PDF then carries
//! and deflates. A string is only ever reached by its number (SID), from the
//! Top DICT, the charset and an encoding's supplements. So the strings no
//! SID names are emptied in place: the INDEX keeps its count, every SID
//! still names its own string, and all that moves is what follows the
//! INDEX, by one amount, which the Top DICT's offsets are shifted by.
//!
//! A font this does not fully understand (CID-keyed, several fonts in one
//! program, an offset not in the fixed five-byte form, anything out of
//! bounds) is left as it is: the result is either the same font in fewer
//! bytes or no change.

/// Strings with SIDs below this are the standard strings, built into every
/// CFF reader, not stored in the font (Technical Note #5176, appendix A).
const STANDARD_STRINGS: usize = 391;

/// `font` (an OpenType font with a `CFF ` table) with the unused strings of
/// that table emptied, or `None` when there is nothing to gain or the font
/// is not one this can rewrite safely.
pub fn compact(font: &[u8]) -> Option<Vec<u8>> {
    let tables = sfnt_tables(font)?;
    let cff = tables.iter().find(|t| &t.tag == b"CFF ")?;
    let compacted = compact_cff(font.get(cff.offset..cff.offset + cff.len)?)?;
    Some(rebuild_sfnt(font, &tables, b"CFF ", &compacted))
}

/// An INDEX: a count, then `count + 1` offsets, then the objects.
struct Index {
    start: usize,
    count: usize,
    /// Where object `i` is: `data + offsets[i] - 1 .. data + offsets[i + 1] - 1`.
    offsets: Vec<usize>,
    data: usize,
    end: usize,
}

impl Index {
    fn read(bytes: &[u8], start: usize) -> Option<Index> {
        let count = usize::from(u16::from_be_bytes([
            *bytes.get(start)?,
            *bytes.get(start + 1)?,
        ]));
        if count == 0 {
            return Some(Index {
                start,
                count,
                offsets: vec![1],
                data: start + 2,
                end: start + 2,
            });
        }
        let off_size = usize::from(*bytes.get(start + 2)?);
        if !(1..=4).contains(&off_size) {
            return None;
        }
        let array = start + 3;
        let data = array + (count + 1) * off_size;
        let offsets: Vec<usize> = bytes
            .get(array..data)?
            .chunks_exact(off_size)
            .map(|b| match *b {
                [a] => usize::from(a),
                [a, b] => usize::from(u16::from_be_bytes([a, b])),
                [a, b, c] => (usize::from(a) << 16) | usize::from(u16::from_be_bytes([b, c])),
                [a, b, c, d] => u32::from_be_bytes([a, b, c, d]) as usize,
                _ => unreachable!("offset sizes are 1 to 4"),
            })
            .collect();
        if offsets[0] != 1 || offsets.windows(2).any(|w| w[0] > w[1]) {
            return None;
        }
        let end = data + offsets[count] - 1;
        (end <= bytes.len()).then_some(Index {
            start,
            count,
            offsets,
            data,
            end,
        })
    }

    fn object<'a>(&self, bytes: &'a [u8], i: usize) -> &'a [u8] {
        &bytes[self.data + self.offsets[i] - 1..self.data + self.offsets[i + 1] - 1]
    }
}

/// A DICT operand: its value when it is an integer, and where it starts.
struct Operand {
    value: Option<i64>,
    at: usize,
}

/// Operators are one byte, or 12 and a second byte (as `0x0c00 | b`).
type Operator = u16;

const CHARSET: Operator = 15;
const ENCODING: Operator = 16;
const CHAR_STRINGS: Operator = 17;
const PRIVATE: Operator = 18;
/// version, Notice, FullName, FamilyName, Weight, Copyright, PostScript,
/// BaseFontName: the Top DICT operators whose operand is a SID.
const SID_OPERATORS: [Operator; 8] = [0, 1, 2, 3, 4, 0x0c00, 0x0c15, 0x0c16];
/// ROS, CIDCount, FDArray, FDSelect, BaseFontBlend (SIDs as deltas), and
/// SyntheticBase: a font with any of these is left alone.
const DECLINED_OPERATORS: [Operator; 6] = [0x0c1e, 0x0c22, 0x0c24, 0x0c25, 0x0c17, 0x0c14];

/// The entries of the DICT in `bytes[start..end]`, in order.
fn read_dict(bytes: &[u8], start: usize, end: usize) -> Option<Vec<(Operator, Vec<Operand>)>> {
    let mut entries = Vec::new();
    let mut operands = Vec::new();
    let mut i = start;
    while i < end {
        let b0 = bytes[i];
        let byte = |k: usize| bytes.get(i + k).copied().filter(|_| i + k < end);
        let (value, len) = match b0 {
            0..=21 => {
                let (op, len) = if b0 == 12 {
                    (0x0c00 | Operator::from(byte(1)?), 2)
                } else {
                    (Operator::from(b0), 1)
                };
                entries.push((op, std::mem::take(&mut operands)));
                i += len;
                continue;
            }
            28 => (Some(i64::from(i16::from_be_bytes([byte(1)?, byte(2)?]))), 3),
            29 => (
                Some(i64::from(i32::from_be_bytes([
                    byte(1)?,
                    byte(2)?,
                    byte(3)?,
                    byte(4)?,
                ]))),
                5,
            ),
            30 => {
                // A real: nibbles up to the one that ends it (0xf).
                let mut k = 1;
                loop {
                    let b = byte(k)?;
                    k += 1;
                    if b >> 4 == 0xf || b & 0xf == 0xf {
                        break;
                    }
                }
                (None, k)
            }
            32..=246 => (Some(i64::from(b0) - 139), 1),
            247..=250 => (
                Some((i64::from(b0) - 247) * 256 + i64::from(byte(1)?) + 108),
                2,
            ),
            251..=254 => (
                Some(-(i64::from(b0) - 251) * 256 - i64::from(byte(1)?) - 108),
                2,
            ),
            _ => return None,
        };
        operands.push(Operand { value, at: i });
        i += len;
    }
    operands.is_empty().then_some(entries)
}

/// The SIDs a charset at `offset` names, for `glyphs` glyphs.
fn charset_sids(bytes: &[u8], offset: usize, glyphs: usize, sids: &mut Vec<usize>) -> Option<()> {
    let u16_at = |at: usize| -> Option<usize> {
        Some(usize::from(u16::from_be_bytes([
            *bytes.get(at)?,
            *bytes.get(at + 1)?,
        ])))
    };
    // .notdef is not in the charset.
    let named = glyphs.checked_sub(1)?;
    match *bytes.get(offset)? {
        0 => {
            for g in 0..named {
                sids.push(u16_at(offset + 1 + 2 * g)?);
            }
        }
        format @ (1 | 2) => {
            let mut covered = 0;
            let mut at = offset + 1;
            while covered < named {
                let first = u16_at(at)?;
                let left = if format == 1 {
                    usize::from(*bytes.get(at + 2)?)
                } else {
                    u16_at(at + 2)?
                };
                at += if format == 1 { 3 } else { 4 };
                sids.extend(first..=first + left);
                covered += left + 1;
            }
        }
        _ => return None,
    }
    Some(())
}

/// The SIDs an encoding at `offset` names: those of its supplements.
fn encoding_sids(bytes: &[u8], offset: usize, sids: &mut Vec<usize>) -> Option<()> {
    let format = *bytes.get(offset)?;
    let n = usize::from(*bytes.get(offset + 1)?);
    let codes_end = match format & 0x7f {
        0 => offset + 2 + n,
        1 => offset + 2 + 2 * n,
        _ => return None,
    };
    if format & 0x80 != 0 {
        let supplements = usize::from(*bytes.get(codes_end)?);
        for s in 0..supplements {
            let at = codes_end + 1 + 3 * s + 1;
            sids.push(usize::from(u16::from_be_bytes([
                *bytes.get(at)?,
                *bytes.get(at + 1)?,
            ])));
        }
    }
    Some(())
}

/// The CFF table `cff` with its unused strings emptied, or `None`.
fn compact_cff(cff: &[u8]) -> Option<Vec<u8>> {
    if *cff.first()? != 1 {
        return None;
    }
    let names = Index::read(cff, usize::from(*cff.get(2)?))?;
    let top_dicts = Index::read(cff, names.end)?;
    let strings = Index::read(cff, top_dicts.end)?;
    if names.count != 1 || top_dicts.count != 1 {
        return None;
    }
    let dict_start = top_dicts.data + top_dicts.offsets[0] - 1;
    let dict = read_dict(cff, dict_start, top_dicts.end)?;
    if dict.iter().any(|(op, _)| DECLINED_OPERATORS.contains(op)) {
        return None;
    }
    let single = |op: Operator| -> Option<Option<&Operand>> {
        match dict.iter().find(|(o, _)| *o == op) {
            None => Some(None),
            Some((_, operands)) if operands.len() == 1 => Some(Some(&operands[0])),
            Some(_) => None,
        }
    };
    let offset_of = |operand: &Operand| usize::try_from(operand.value?).ok();

    let mut used = Vec::new();
    for op in SID_OPERATORS {
        if let Some(operand) = single(op)? {
            used.push(offset_of(operand)?);
        }
    }
    let char_strings = single(CHAR_STRINGS)??;
    let glyphs = Index::read(cff, offset_of(char_strings)?)?.count;
    // The operands this rewrite moves: absolute offsets past the String
    // INDEX, each in the five-byte form so that its bytes can change in place.
    let mut moved = vec![char_strings];
    match single(CHARSET)? {
        Some(charset) if offset_of(charset)? > 2 => {
            charset_sids(cff, offset_of(charset)?, glyphs, &mut used)?;
            moved.push(charset);
        }
        // The predefined charsets name standard strings only.
        _ => {}
    }
    match single(ENCODING)? {
        Some(encoding) if offset_of(encoding)? > 1 => {
            encoding_sids(cff, offset_of(encoding)?, &mut used)?;
            moved.push(encoding);
        }
        // The predefined encodings name no strings.
        _ => {}
    }
    match dict.iter().find(|(op, _)| *op == PRIVATE) {
        Some((_, operands)) if operands.len() == 2 => moved.push(&operands[1]),
        Some(_) => return None,
        None => {}
    }
    if moved
        .iter()
        .any(|o| cff[o.at] != 29 || offset_of(o).is_none_or(|off| off < strings.end))
    {
        return None;
    }

    let mut keep = vec![false; strings.count];
    for sid in used {
        if let Some(k) = sid.checked_sub(STANDARD_STRINGS) {
            *keep.get_mut(k)? = true;
        }
    }
    let new_strings =
        write_index((0..strings.count).map(|k| if keep[k] { strings.object(cff, k) } else { &[] }));
    let old_len = strings.end - strings.start;
    if new_strings.len() >= old_len {
        return None;
    }
    let shift = i64::try_from(old_len - new_strings.len()).ok()?;

    let mut out = Vec::with_capacity(cff.len() - old_len + new_strings.len());
    out.extend_from_slice(&cff[..strings.start]);
    for operand in moved {
        let value = i32::try_from(operand.value? - shift).ok()?;
        out[operand.at + 1..operand.at + 5].copy_from_slice(&value.to_be_bytes());
    }
    out.extend_from_slice(&new_strings);
    out.extend_from_slice(&cff[strings.end..]);
    Some(out)
}

/// An INDEX of `objects`, with the smallest offset size that fits.
fn write_index<'a>(objects: impl ExactSizeIterator<Item = &'a [u8]> + Clone) -> Vec<u8> {
    let count = objects.len();
    let total: usize = objects.clone().map(<[u8]>::len).sum();
    let off_size = match total + 1 {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        0x1_0000..=0xff_ffff => 3,
        _ => 4,
    };
    let mut out = Vec::with_capacity(3 + (count + 1) * off_size + total);
    out.extend_from_slice(&u16::try_from(count).unwrap_or(u16::MAX).to_be_bytes());
    if count == 0 {
        return out;
    }
    out.push(off_size as u8);
    let push = |out: &mut Vec<u8>, offset: usize| {
        let bytes = (offset as u32).to_be_bytes();
        match off_size {
            1 => out.push(bytes[3]),
            2 => out.extend_from_slice(&[bytes[2], bytes[3]]),
            3 => out.extend_from_slice(&[bytes[1], bytes[2], bytes[3]]),
            _ => out.extend_from_slice(&bytes),
        }
    };
    let mut offset = 1usize;
    push(&mut out, offset);
    for object in objects.clone() {
        offset += object.len();
        push(&mut out, offset);
    }
    for object in objects {
        out.extend_from_slice(object);
    }
    out
}

/// A table record of an OpenType font.
struct Table {
    tag: [u8; 4],
    offset: usize,
    len: usize,
}

fn sfnt_tables(font: &[u8]) -> Option<Vec<Table>> {
    let count = usize::from(u16::from_be_bytes([*font.get(4)?, *font.get(5)?]));
    (0..count)
        .map(|i| {
            let record = font.get(12 + 16 * i..28 + 16 * i)?;
            let word = |k: usize| {
                u32::from_be_bytes([record[k], record[k + 1], record[k + 2], record[k + 3]])
            };
            let table = Table {
                tag: [record[0], record[1], record[2], record[3]],
                offset: usize::try_from(word(8)).ok()?,
                len: usize::try_from(word(12)).ok()?,
            };
            (table.offset.checked_add(table.len)? <= font.len()).then_some(table)
        })
        .collect()
}

/// `font` with table `tag` replaced by `replacement`: the tables in their
/// order, each at a four-byte boundary, checksums and the `head` table's
/// checksum adjustment computed anew.
fn rebuild_sfnt(font: &[u8], tables: &[Table], tag: &[u8; 4], replacement: &[u8]) -> Vec<u8> {
    let header_len = 12 + 16 * tables.len();
    let mut order: Vec<usize> = (0..tables.len()).collect();
    order.sort_by_key(|&i| tables[i].offset);
    let mut out = font[..header_len].to_vec();
    let mut head_at = None;
    for i in order {
        let table = &tables[i];
        let data = if &table.tag == tag {
            replacement
        } else {
            &font[table.offset..table.offset + table.len]
        };
        let offset = out.len();
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
        if &table.tag == b"head" && data.len() >= 12 {
            out[offset + 8..offset + 12].fill(0);
            head_at = Some(offset);
        }
        let checksum = checksum(&out[offset..]);
        let record = 12 + 16 * i;
        out[record + 4..record + 8].copy_from_slice(&checksum.to_be_bytes());
        out[record + 8..record + 12].copy_from_slice(&(offset as u32).to_be_bytes());
        out[record + 12..record + 16].copy_from_slice(&(data.len() as u32).to_be_bytes());
    }
    if let Some(head) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[head + 8..head + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The OpenType checksum: the sum of the big-endian words, zero-padded.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Whether every table's checksum and the font's checksum adjustment hold
/// in `font`; `None` if its table directory cannot be read.
#[cfg(test)]
pub(super) fn font_checksum_holds(font: &[u8]) -> Option<bool> {
    let tables = sfnt_tables(font)?;
    let mut holds = checksum(font) == 0xB1B0_AFBA;
    for (i, table) in tables.iter().enumerate() {
        let stated = u32::from_be_bytes(font[16 + 16 * i..20 + 16 * i].try_into().ok()?);
        let mut data = font[table.offset..table.offset + table.len].to_vec();
        if &table.tag == b"head" {
            data[8..12].fill(0);
        }
        holds &= checksum(&data) == stated;
    }
    Some(holds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_is_written_as_it_is_read() {
        let objects: [&[u8]; 3] = [b"ab", b"", b"cde"];
        let bytes = write_index(objects.iter().copied());
        let index = Index::read(&bytes, 0).unwrap();
        assert_eq!(index.count, 3);
        assert_eq!(index.end, bytes.len());
        for (k, object) in objects.iter().enumerate() {
            assert_eq!(index.object(&bytes, k), *object);
        }
        let empty = write_index(std::iter::empty());
        assert_eq!(Index::read(&empty, 0).unwrap().end, 2);
    }

    #[test]
    fn dict_operands_decode_in_every_form() {
        // 100 (one byte), 1000 (two), -1000 (two), 30000 (28), 100000 (29),
        // a real, then operator 17; then 12 0 with one operand.
        let bytes = [
            239, 250, 124, 254, 124, 28, 0x75, 0x30, 29, 0, 1, 0x86, 0xa0, 30, 0x1a, 0x5f, 17, 139,
            12, 0,
        ];
        let dict = read_dict(&bytes, 0, bytes.len()).unwrap();
        assert_eq!(dict.len(), 2);
        let values: Vec<Option<i64>> = dict[0].1.iter().map(|o| o.value).collect();
        assert_eq!(
            values,
            [
                Some(100),
                Some(1000),
                Some(-1000),
                Some(30000),
                Some(100000),
                None
            ]
        );
        assert_eq!((dict[0].0, dict[1].0), (17, 0x0c00));
        assert_eq!(dict[1].1[0].value, Some(0));
        // Operands with no operator after them, or a reserved byte: not a DICT.
        assert!(read_dict(&[139], 0, 1).is_none());
        assert!(read_dict(&[255, 17], 0, 2).is_none());
    }

    #[test]
    fn checksums_sum_padded_big_endian_words() {
        assert_eq!(checksum(&[0, 0, 0, 1, 0, 0, 0, 2]), 3);
        assert_eq!(checksum(&[1]), 0x0100_0000);
    }

    #[test]
    fn what_is_not_an_opentype_cff_font_is_left_alone() {
        assert!(compact(b"").is_none());
        assert!(compact(b"OTTO\0\x01").is_none());
        assert!(compact_cff(&[1, 0, 4, 1, 0, 0]).is_none());
    }
}
