//! The word list as a hash table laid out in bytes: built once by the build
//! script from `data/words/en.txt`, embedded with `include_bytes!` and read
//! in place, so a run neither parses nor hashes the 132,000 words (that was
//! a third of the time of converting a short document).
//!
//! This file is compiled twice: into the library (lookups, and the builder
//! for the tests) and into `build.rs` (the builder), so both use one hash
//! function and one layout. It uses `std` only.
//!
//! Layout, all numbers little-endian:
//! - header: `u32` number of slots (a power of two), `u32` number of words;
//! - slots: one `u32` each; 0 is empty, else the record's offset plus one in
//!   the upper [`OFFSET_BITS`] bits and a tag (bits of the word's hash) in
//!   the lower [`TAG_BITS`], which skips most other words without reading
//!   their records;
//! - records: a byte for the word's length, one for its level, one for its
//!   kind (0 word, 1 name, 2 abbreviation), then the word's bytes.
//!
//! Lookups probe linearly from the word's hash. The table is at most two
//! thirds full and fixed at build time, so the longest probe is fixed too
//! (the builder checks it), whatever text is looked up.

/// Bits of a slot holding the hash tag.
pub const TAG_BITS: u32 = 10;
/// Bits of a slot holding the record's offset plus one.
pub const OFFSET_BITS: u32 = 32 - TAG_BITS;
/// Bytes before the slots.
pub const HEADER: usize = 8;
/// Bytes of a record before the word.
pub const RECORD_HEAD: usize = 3;
/// The longest probe the builder accepts.
pub const MAX_PROBE: usize = 64;

const K: u64 = 0xf135_7aea_2e62_a9c5;

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(K).rotate_left(5)
}

/// The hash of a lower-cased word: multiply-rotate over 8-byte chunks, the
/// last 1 to 7 bytes as one number, the length, and a final mix whose
/// well-mixed high bits are rotated down, where the slot index is taken.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(h, tail(rest));
    }
    h = mix(h, bytes.len() as u64);
    h.wrapping_mul(K).rotate_left(26)
}

/// The last 1 to 7 bytes of a word as a number: two overlapping 4-byte
/// reads cover 4 to 7 bytes; the first, middle and last byte cover 1 to 3.
/// (Tails that read alike only cost a probe: the length is hashed too.)
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u32_at = |at: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&rest[at..at + 4]);
        u32::from_le_bytes(b)
    };
    if n >= 4 {
        u64::from(u32_at(0)) | (u64::from(u32_at(n - 4)) << 32)
    } else {
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
    }
}

fn tag(h: u64) -> u32 {
    (h >> (64 - TAG_BITS)) as u32
}

fn read_u32(table: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&table[at..at + 4]);
    u32::from_le_bytes(b)
}

/// The number of words in a table.
pub fn len(table: &[u8]) -> usize {
    read_u32(table, 4) as usize
}

/// The level and kind byte of `word` in `table`, `None` when it is not
/// listed. `word` is compared byte for byte (the caller lower-cases).
pub fn lookup(table: &[u8], word: &[u8]) -> Option<(u8, u8)> {
    let slots = read_u32(table, 0) as usize;
    let mask = slots - 1;
    let h = hash(word);
    let want = tag(h);
    let records = HEADER + 4 * slots;
    let mut at = (h as usize) & mask;
    loop {
        let slot = read_u32(table, HEADER + 4 * at);
        if slot == 0 {
            return None;
        }
        if slot & ((1 << TAG_BITS) - 1) == want {
            let record = records + (slot >> TAG_BITS) as usize - 1;
            let n = usize::from(table[record]);
            let start = record + RECORD_HEAD;
            if table[start..start + n] == *word {
                return Some((table[record + 1], table[record + 2]));
            }
        }
        at = (at + 1) & mask;
    }
}

/// Builds a table from `(word, level, kind)` entries, each word once.
/// Errors say which limit the list broke (a word longer than 255 bytes, a
/// list too long for the offsets, a probe longer than [`MAX_PROBE`]).
#[cfg_attr(not(test), allow(dead_code))] // used by build.rs and the tests
pub fn build(entries: &[(&str, u8, u8)]) -> Result<Vec<u8>, String> {
    let mut slots = 1usize;
    while slots * 2 < entries.len() * 3 {
        slots *= 2;
    }
    let slots = slots.max(2);
    let mut records = Vec::new();
    let mut table = vec![0u32; slots];
    let mut longest = 0;
    for &(word, level, kind) in entries {
        let len = u8::try_from(word.len())
            .map_err(|_| format!("the word {word:?} is longer than 255 bytes"))?;
        let offset = records.len() + 1;
        if offset >= 1 << OFFSET_BITS {
            return Err(format!(
                "the list is too long: its records pass {} bytes",
                1u64 << OFFSET_BITS
            ));
        }
        records.extend_from_slice(&[len, level, kind]);
        records.extend_from_slice(word.as_bytes());
        let h = hash(word.as_bytes());
        let mut at = (h as usize) & (slots - 1);
        let mut probe = 0;
        while table[at] != 0 {
            at = (at + 1) & (slots - 1);
            probe += 1;
        }
        longest = longest.max(probe);
        table[at] = ((offset as u32) << TAG_BITS) | tag(h);
    }
    if longest > MAX_PROBE {
        return Err(format!(
            "a probe of {longest} slots: the hash spreads this list badly"
        ));
    }
    let mut out = Vec::with_capacity(HEADER + 4 * slots + records.len());
    out.extend_from_slice(&(slots as u32).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for slot in table {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out.extend_from_slice(&records);
    Ok(out)
}

/// The entries of the `#<level> <kind>` sectioned format written by
/// `data/words/build.py`, each word once, in its first (most common)
/// section. A header without a number reads as level 70; a kind other than
/// `name` or `abbr` reads as a word.
#[cfg_attr(not(test), allow(dead_code))] // used by build.rs and the tests
pub fn parse(data: &str) -> Vec<(&str, u8, u8)> {
    let mut seen = std::collections::HashSet::new();
    let mut entries = Vec::new();
    let (mut level, mut kind) = (70u8, 0u8);
    for line in data.split('\n') {
        if let Some(header) = line.strip_prefix('#') {
            let mut parts = header.split_whitespace();
            level = parts.next().and_then(|l| l.parse().ok()).unwrap_or(70);
            kind = match parts.next() {
                Some("name") => 1,
                Some("abbr") => 2,
                _ => 0,
            };
        } else if !line.is_empty() && seen.insert(line) {
            entries.push((line, level, kind));
        }
    }
    entries
}
