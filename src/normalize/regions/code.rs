//! What a single line says about being code: the signals a listing leaves in
//! extracted text once fonts, colours and boxes are gone.
//!
//! Every rule reads the characters of the line only (its neighbours are the
//! grouping's business, in `mod.rs`). Rules are about the shapes of code in
//! general (braces, statement ends, assignments, comments, prompts, symbol
//! density), never about the keywords of one language.

/// How strongly a line reads as code.
///
/// The repaired text puts every paragraph on one line, so a second reading
/// sees prose lines joined. The strong rules are chosen so that a joined
/// line is strong only where one of its parts was (a shape at the start or
/// the end of a line, a share of symbols); the grouping relies on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// A shape prose does not take: the line can start a code region.
    Strong(&'static str),
    /// A shape code often takes and prose sometimes does: the line can
    /// continue a region that strong lines started, never start one.
    Weak(&'static str),
    /// A short fragment that says nothing either way (fewer than
    /// [`PROSE_MIN_WORDS`] words: a wrapped-off comment word, a lone name).
    Neutral,
    /// Running text, or a longer line without any code shape.
    Prose,
}

/// A line with at least this share of operator symbols (`= ; { } < > & |`
/// and the like, see [`is_operator_symbol`]) is code without further
/// evidence: prose has next to none of them.
const OPERATOR_DENSE: f64 = 0.2;

/// A line of prose has at least this many words. Shorter lines (a heading,
/// the end of a paragraph, a cell) say little and count as neutral.
const PROSE_MIN_WORDS: usize = 4;

/// Share of a prose line's words that are plain words (letters, with
/// punctuation around them): code lines are made of identifiers, numbers
/// and operators, prose of words.
const PROSE_WORD_SHARE: f64 = 0.75;

/// Plain words a sentence opens with, a capitalised one and then
/// lower-case ones, for a line to read as prose whatever code it quotes:
/// "The multiplication table of our second algebra is therefore mt2 =
/// [...]; and we can create the algebra with al2 = algtableinit(mt2,0);",
/// or "ba = 0 and b2 = b. Watch out, even though a and b are 2 × 2
/// matrices". The sentence opens the line or follows a sentence end, and
/// stands outside quotes: a line of code opens with an identifier, a
/// keyword or a symbol, and words run this long only inside its strings
/// and comments.
const SENTENCE_OPENING_WORDS: usize = 6;

/// A line with an operator that ends like a sentence with at least this
/// many words is prose quoting code ("paths like `crate::foo`."): code
/// lines end in brackets, separators or names, not in a full stop.
const SENTENCE_MIN_WORDS: usize = 3;

/// A statement ending in `;` is code when it has at most this many words
/// (`mod inner;`, `use std::io;`): a wrapped sentence that happens to end at
/// a semicolon has more.
const SHORT_STATEMENT_WORDS: usize = 2;

/// Characters that make up operators and brackets in code, and are rare in
/// running text. (Not the colon: prose ends a line with one before every
/// listing it introduces.)
fn is_code_symbol(c: char) -> bool {
    matches!(
        c,
        '{' | '}'
            | '['
            | ']'
            | '('
            | ')'
            | '<'
            | '>'
            | '='
            | ';'
            | '&'
            | '|'
            | '*'
            | '/'
            | '\\'
            | '#'
            | '$'
            | '@'
            | '`'
            | '~'
            | '^'
            | '%'
            | '+'
            | '_'
            | '!'
            | '"'
            | '\''
    )
}

/// Symbols that only code and markup use between words; brackets, quotes,
/// colons and slashes also serve prose ("[Page 6]", "and/or").
fn is_operator_symbol(c: char) -> bool {
    matches!(
        c,
        '{' | '}' | '=' | ';' | '&' | '|' | '\\' | '$' | '@' | '`' | '~' | '^' | '<' | '>'
    )
}

/// Operators of two or more characters that running text never writes.
const OPERATORS: &[&str] = &[
    "::",
    "->",
    "=>",
    "==",
    "!=",
    "<=",
    ">=",
    "&&",
    "||",
    "+=",
    "-=",
    "*=",
    "/=",
    "();",
    "()",
    "#[",
    "#![",
    "{}",
    "[]",
    "..=",
    // The arrow as TeX listings set it, with a minus sign.
    "\u{2212}>",
];

/// How a line reads, from its own characters.
pub fn signal(line: &str) -> Signal {
    let cleaned = without_inline_tags(line.trim());
    let t = cleaned.as_ref();
    if t.is_empty() {
        return Signal::Neutral;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if numbered_heading(&words) || lead_in(&words) {
        return Signal::Prose;
    }
    // `63 \prop_gput:Nnn \g__xpiano_notes_prop { Co } { 0 }`: a listing
    // that numbers its lines, the number before a line that is code by
    // itself (a numbered step of prose is not).
    if let Some(code) = after_line_number(t)
        && let Signal::Strong(_) = signal(code)
    {
        return Signal::Strong("numbered-line");
    }
    let prose = is_prose_sentence(&words) || opens_sentence(&words);
    if let Some(rule) = comment(t) {
        return Signal::Strong(rule);
    }
    // `let a = 1;   // the first`: the statement before a trailing comment
    // decides, as it would on a line of its own.
    if let Some(statement) = before_trailing_comment(t)
        && let Signal::Strong(rule) = signal(statement)
    {
        return Signal::Strong(rule);
    }
    if named_with_comment(t) {
        return Signal::Strong("comment");
    }
    if block_delimiter(t) {
        return Signal::Strong("brace");
    }
    if lisp_form(t) {
        return Signal::Strong("lisp-form");
    }
    // `plot $D with lines, \`: a line continued on the next one, as shells,
    // macros and plotting scripts write it; prose never ends on a backslash.
    if t.ends_with(" \\") {
        return Signal::Strong("line-continuation");
    }
    if section_header(t) {
        return Signal::Strong("section-header");
    }
    if key_value(t) || shell_export(t) || json_member(t) {
        return Signal::Strong("key-value");
    }
    if shell_prompt(t) || root_prompt(t) || annotated_prompt(t) || csh_prompt(t, &words) {
        return Signal::Strong("shell-prompt");
    }
    if !prose && block_header(t, &words) {
        return Signal::Strong("block-header");
    }
    // `> x <- c(1, 2)`, `>>> import os`: an interpreter's prompt before a
    // line that is code by itself (a quoted line of an e-mail is prose).
    // PARI/GP's `? SIN = cos'` and Python's `>>> with open(f) as g:` need
    // less: no prose opens with "? ", and a quoted e-mail's ">>> " is
    // before prose. Python's continuation `... ` is the prompt's too, where
    // the line is code by itself; otherwise the line may only go on with a
    // listing ("... " also opens a quotation).
    if let Some((input, prompt)) = interpreter_input(t) {
        match signal(input) {
            Signal::Strong(_) => return Signal::Strong("interpreter-prompt"),
            Signal::Weak(_) if matches!(prompt, "? " | ">>> ") => {
                return Signal::Strong("interpreter-prompt");
            }
            // A statement Python goes on with after a prompt above
            // (`...     for row in reader:`) may continue that listing.
            _ if prompt == "... " => return Signal::Weak("interpreter-prompt"),
            // Erlang ends each expression with a full stop:
            // `1> filename:basedir(user_cache, "My App").`
            _ if prompt == "name> " && input.strip_suffix('.').is_some_and(whole_call) => {
                return Signal::Strong("interpreter-prompt");
            }
            _ => {}
        }
    }
    // `%1 = 2*x + y`: PARI/GP numbers each result it prints.
    if history_result(t) {
        return Signal::Strong("interpreter-result");
    }
    if preprocessor_directive(t) {
        return Signal::Strong("preprocessor");
    }
    if whole_call(t) {
        return Signal::Strong("call");
    }
    if variable_references(&words) {
        return Signal::Strong("variable-reference");
    }
    if declaration(t) {
        return Signal::Strong("declaration");
    }
    if tex_command(t) {
        return Signal::Strong("tex-command");
    }
    // A `#` comment reads as prose by its words, and in plain text a `#`
    // may also mark a heading: it continues a listing, never starts one.
    // Unless it is dense with operators: the repaired text joins it to the
    // line before it, and that joined line is then dense too (`word\n# ;;`
    // reads back as `word # ;;`), so the line alone must be strong as well.
    if (t.starts_with("# ") || t == "#") && (prose || operator_share(t) < OPERATOR_DENSE) {
        return Signal::Weak("hash-comment");
    }
    if assignment_statement(t) {
        return Signal::Strong("statement-end");
    }
    if arrow_assignment(t) {
        return Signal::Strong("arrow-assignment");
    }
    if colon_assignment(t) {
        return Signal::Strong("colon-assignment");
    }
    if python_import(t) {
        return Signal::Strong("import");
    }
    if sql_clause(&words) {
        return Signal::Strong("sql");
    }
    // So does a `%` comment (TeX, PostScript, MATLAB, Erlang), with or
    // without a space (`%Affichage d'une carte`): no sentence opens with
    // a percent sign. A directive (`%feature("director") Foo;`) or an
    // assignment after it (`%% Nodes = [atom()]`) is code as it stands.
    let percent_comment = t.starts_with('%');
    // `Its fleece was white as snow \\`: TeX's line break ends a line of a
    // TeX source (a verse, a table's row). A sentence about it may end a
    // line on it too ("you can always enter the \\" / "new line command"):
    // it continues a listing, never starts one.
    let tex_line_break = t.ends_with(" \\\\");
    let keyword = keyword_statement(&words);
    if prose {
        return if percent_comment {
            Signal::Weak("percent-comment")
        } else if tex_line_break {
            Signal::Weak("tex-line-break")
        } else if keyword {
            Signal::Weak("keyword-statement")
        } else {
            Signal::Prose
        };
    }
    if statement_end(t, words.len()) {
        return Signal::Strong("statement-end");
    }
    if has_operator(t)
        && !(ends_like_sentence(t) && words.len() >= SENTENCE_MIN_WORDS)
        && !described_term(t)
    {
        return Signal::Strong("operator");
    }
    if operator_share(t) >= OPERATOR_DENSE {
        return Signal::Strong("symbol-dense");
    }
    if keyword {
        return Signal::Weak("keyword-statement");
    }
    if words.iter().any(|w| is_flag(w)) && !ends_like_sentence(t) {
        return Signal::Weak("command-flag");
    }
    // A listing set letter by letter with typeset operators (`a l p h a 0
    // ← a l p h a . c − xbar ∗ b e t a . c`) may continue a listing too.
    if spaced_with_operators(t, &words) {
        return Signal::Weak("letter-spaced");
    }
    // Any code symbol at all: the line may continue a listing. (A count,
    // not a share: a line joined from parts has a symbol if one part had.)
    // A fragment with a symbol that ends a sentence ("(cargo doc).") is
    // text; it is not neutral either, so no region crosses it.
    if tex_line_break {
        return Signal::Weak("tex-line-break");
    }
    let symbols = t.contains(is_code_symbol);
    if symbols && !ends_like_sentence(t) {
        return Signal::Weak("symbols");
    }
    if percent_comment {
        return Signal::Weak("percent-comment");
    }
    // A sentence has a word: numbers that end on a full stop (`7: 2 3 4.`,
    // a program's input) say nothing either way. (Marks alone, `" ?`, stay
    // prose: a listing must not grow across them in one reading and not in
    // the other, where they stand on two lines.)
    if t.ends_with('.')
        && t.contains(|c: char| c.is_ascii_digit())
        && !words.iter().any(|w| is_plain_word(w))
    {
        Signal::Neutral
    } else if symbols || words.len() >= PROSE_MIN_WORDS {
        Signal::Prose
    } else {
        Signal::Neutral
    }
}

/// Whether a line may stand in a listing that a lead-in introduces (the
/// line before it ends with a colon: "you can do:", "Example:"): a line
/// with a code signal of its own, with an operator symbol that prose does
/// not use between words, a command with a path, or made of
/// tokens none of which is a word of prose (`4ti2-normalform 4coins`,
/// `4coins.feas`). A list item is not: a lead-in introduces lists too.
pub fn fits_lead_in_listing(line: &str, signal: Signal) -> bool {
    let t = line.trim();
    // The rest of a URL (`//www.acm.org/x`) is the link of the sentence
    // before, not a listing it introduces.
    if t.is_empty() || crate::normalize::structure::list_marker(t).is_some() || url_tail(t) {
        return false;
    }
    match signal {
        Signal::Strong(_) | Signal::Weak("command-flag" | "hash-comment" | "percent-comment") => {
            true
        }
        Signal::Weak(_) if mostly_words(t) => false,
        Signal::Weak(_) => {
            without_placeholders(t).contains(is_operator_symbol)
                || (t.contains('/') && is_command(t))
                || names_only(t)
        }
        Signal::Neutral => names_only(t),
        Signal::Prose => false,
    }
}

/// A long line most of whose words are plain words: text that names code
/// (a table's cells or a sentence about `${count(ident)}` run together on
/// one line), not a line of a listing. The repaired text writes a paragraph
/// on one line, so without this a second reading would take a paragraph
/// after a lead-in for a listing that the first reading, line by line, did
/// not.
fn mostly_words(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let plain = words.iter().filter(|w| is_plain_word(w)).count();
    words.len() >= 2 * PROSE_MIN_WORDS && plain as f64 >= words.len() as f64 * LISTING_WORD_SHARE
}

/// Share of plain words above which a long line is text for
/// [`fits_lead_in_listing`] (lower than [`PROSE_WORD_SHARE`]: the line
/// only has to be no listing line, not a sentence).
const LISTING_WORD_SHARE: f64 = 0.6;

/// The text without placeholders in angle brackets (`target/<triple>/`,
/// `<name>`): a table cell or a heading names a path with them too, so
/// their brackets are not the operators of a listing.
fn without_placeholders(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_')))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('>') {
            rest = &after[name_len + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Tokens none of which is a word of prose, and a name among them
/// (`4ti2-normalform 4coins`, `application_policy`).
pub fn names_only(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.iter().any(|w| is_plain_word(w)) && words.iter().any(|w| is_identifier_like(w))
}

/// A line of keywords in capitals and names around a variable's value
/// (`RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}`, `${Foo_LIBRARIES}
/// ${Bar_LIBRARIES}`), as build scripts and shells write it. Prose names
/// such a reference among words in lower case ("set ${PREFIX} to ...").
fn variable_references(words: &[&str]) -> bool {
    let reference = |w: &str| {
        let w = w.trim_end_matches([',', ';']);
        w.strip_prefix("${")
            .and_then(|rest| rest.strip_suffix('}'))
            .is_some_and(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
    };
    words.iter().any(|w| reference(w))
        && words
            .iter()
            .all(|w| reference(w) || is_keyword(w) || is_identifier_like(w))
}

/// A keyword in capitals, as build scripts write them (`DESTINATION`,
/// `CMAKE_INSTALL_BINDIR`, `QT5`): capital letters, digits and `_`, opening
/// with a capital, two capitals at least.
fn is_keyword(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars().filter(char::is_ascii_uppercase).count() >= 2
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A line that opens with a command's name or a path (`cd /home/you`,
/// `./configure`, `https://...`): a slash after a capitalised word is a
/// heading's or a cell's ("Directory target/debug/").
fn is_command(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    first.contains('/')
        || first
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || matches!(c, '.' | '~'))
}

/// A token made of letters and digits together, or with a dot or a slash
/// inside (`4coins`, `4ti2-normalform`, `foo.idl`, `bin/sh`): a name of a
/// command, a file or a value, not a word or a number of running text.
pub(super) fn is_identifier_like(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', ':']);
    let letters = w.chars().any(char::is_alphabetic);
    let digits = w.chars().any(|c| c.is_ascii_digit());
    let inner_mark = w
        .trim_start_matches(['.', '/'])
        .trim_end_matches(['.', '/'])
        .contains(['.', '/', '_']);
    letters && (digits || inner_mark)
}

/// `FROM weather LEFT OUTER JOIN cities ON weather.city = cities.name;`,
/// `SELECT * FROM weather;`: a clause of SQL, opening with its keyword in
/// capitals, ending the statement on a semicolon, and with more of SQL
/// in it: another keyword in capitals, a column's dotted name, a wildcard
/// or a comparison. A sentence whose first word is set in capitals ("FROM
/// the first page to the last, ...;") has none of them.
fn sql_clause(words: &[&str]) -> bool {
    const CLAUSES: &[&str] = &[
        "SELECT", "FROM", "WHERE", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP",
        "VALUES", "JOIN", "ORDER", "GROUP", "HAVING", "LIMIT", "UNION", "GRANT", "REVOKE",
    ];
    const KEYWORDS: &[&str] = &[
        "ON", "AS", "AND", "OR", "BY", "IN", "IS", "NOT", "NULL", "INTO", "SET", "JOIN", "LEFT",
        "INNER", "OUTER", "ASC", "DESC", "LIKE", "FROM", "WHERE", "LIMIT", "TABLE",
    ];
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() < 2 || !CLAUSES.contains(first) || !last.ends_with(';') || *last == ";" {
        return false;
    }
    words[1..].iter().any(|w| {
        let w = w.trim_end_matches([';', ',']);
        KEYWORDS.contains(&w)
            || w == "*"
            || matches!(w, "=" | "<" | ">" | "<>" | "<=" | ">=")
            || crate::normalize::identifier::has_inner_dot(w)
    })
}

/// `mod inner;`, `foo(1, 2);`, `};`: a statement end. A wrapped sentence
/// may end at a semicolon too, but not with a closing bracket before it or
/// after a word or two. Letter-spaced listings set the semicolon apart
/// (`delete runtime ;`, `finalize ( ) ;`): it counts as no word there, so
/// that the line reads as its repaired form (`delete runtime;`) does.
fn statement_end(t: &str, words: usize) -> bool {
    let Some(body) = t.strip_suffix(';') else {
        return false;
    };
    let set_apart = body.ends_with(char::is_whitespace);
    let body = body.trim_end();
    let words = if set_apart { words - 1 } else { words };
    !body.is_empty() && (words <= SHORT_STATEMENT_WORDS || body.ends_with([')', ']', '}']))
}

/// The inline tags the `markup` pass reads (`<u>`, `<i>`, `<em>`, `<b>`,
/// `<strong>`, and their closing forms): text copied from a web page keeps
/// them around words of prose, so they say nothing about code.
const INLINE_TAGS: &[&str] = &["u", "i", "em", "b", "strong"];

fn without_inline_tags(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains('<') {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let tag = after.find('>').map(|close| &after[..close]);
        match tag {
            Some(name)
                if INLINE_TAGS
                    .contains(&name.trim_start_matches('/').to_ascii_lowercase().as_str()) =>
            {
                rest = &after[name.len() + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Share of the visible characters that are operator symbols.
fn operator_share(t: &str) -> f64 {
    share(t, is_operator_symbol)
}

fn share(t: &str, counted: fn(char) -> bool) -> f64 {
    let (mut hits, mut visible) = (0usize, 0usize);
    // Only what is printed counts: a soft hyphen or a zero-width character
    // at a line end must not tip a line's share (the repaired text, which
    // drops them, must read the same).
    let printed = |c: &char| {
        !c.is_whitespace()
            && !matches!(
                c,
                '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
            )
    };
    for c in t.chars().filter(printed) {
        visible += 1;
        hits += usize::from(counted(c));
    }
    if visible == 0 {
        0.0
    } else {
        hits as f64 / visible as f64
    }
}

fn has_operator(t: &str) -> bool {
    OPERATORS.iter().any(|op| t.contains(op))
}

/// `<, >, <=, >=: the usual comparison operators, returning 1 for true`:
/// a term of a description list (operators, in a language's manual) and
/// a sentence about it, which the operators in the term do not make code.
fn described_term(t: &str) -> bool {
    t.split_once(": ").is_some_and(|(term, description)| {
        let words: Vec<&str> = description.split_whitespace().collect();
        !term.is_empty() && is_prose_sentence(&words)
    })
}

/// A sentence of ordinary words: enough words, most of them plain. The
/// letters of a letter-spaced name (`r e p l i c a t e . p r i o r` in a
/// listing set with flexible columns) are no words.
pub(super) fn is_prose_sentence(words: &[&str]) -> bool {
    if words.len() < PROSE_MIN_WORDS {
        return false;
    }
    let plain = words.iter().filter(|w| is_plain_word(w)).count();
    let needed = words.len() as f64 * PROSE_WORD_SHARE;
    // The spaced letters are counted only where the plain words could
    // make a sentence at all.
    plain as f64 >= needed && (plain - spaced_letters(words)) as f64 >= needed
}

/// Whether half the words or more are letter-spaced (see
/// [`spaced_letters`]) and an arrow or a mathematical operator stands
/// between them: a heading set in spaced capitals has none.
fn spaced_with_operators(t: &str, words: &[&str]) -> bool {
    let operator = |c: char| matches!(c, '\u{2190}'..='\u{21FF}' | '\u{2200}'..='\u{22FF}');
    t.contains(operator) && spaced_letters(words) * 2 >= words.len()
}

/// Fewest single letters in a row that spell a letter-spaced name: prose
/// writes one or two ("a", "x and y" has a word between).
const MIN_SPACED_LETTERS: usize = 3;

/// How many words are single letters in a run of [`MIN_SPACED_LETTERS`]
/// or more.
fn spaced_letters(words: &[&str]) -> usize {
    let single = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_alphabetic) && c.next().is_none()
    };
    let mut spaced = 0;
    let mut start = 0;
    while start < words.len() {
        let run = words[start..].iter().take_while(|w| single(w)).count();
        if run >= MIN_SPACED_LETTERS {
            spaced += run;
        }
        start += run.max(1);
    }
    spaced
}

/// Whether a sentence opens on the line: [`SENTENCE_OPENING_WORDS`] plain
/// words, a capitalised one ("The", not "SELECT") and then lower-case
/// ones, one of which may be a capitalised name ("All of the corresponding
/// Items have"), at the line's start or after a word that ends a sentence, with no
/// quote left open before them.
fn opens_sentence(words: &[&str]) -> bool {
    let lower = |w: &str| w.chars().all(|c| !c.is_uppercase());
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && lower(c.as_str())
    };
    let mut quotes = 0;
    for (k, window) in words.windows(SENTENCE_OPENING_WORDS).enumerate() {
        if k > 0 {
            quotes += words[k - 1].matches('"').count();
        }
        let after_end = k == 0
            || words[k - 1]
                .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}'])
                .ends_with(['.', '!', '?']);
        if after_end
            && quotes % 2 == 0
            && window.iter().all(|w| word_of_a_sentence(w))
            && capitalised(window[0])
            && window[1..].iter().all(|w| lower(w) || capitalised(w))
            && window[1..].iter().filter(|w| !lower(w)).count() <= 1
        {
            return true;
        }
    }
    false
}

/// A plain word of two letters or more, or "a": not one letter of a
/// letter-spaced listing (`Crc r e s u l t = 0 ;`).
fn word_of_a_sentence(w: &str) -> bool {
    is_plain_word(w)
        && (w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            || w.trim_matches(|c: char| !c.is_alphabetic()) == "a")
}

/// Letters (an apostrophe or hyphen inside), with ordinary punctuation
/// around: "word", "(word,", "don't", "well-known.".
pub fn is_plain_word(w: &str) -> bool {
    let core = w
        .trim_start_matches(['(', '"', '\'', '“', '‘'])
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '”', '’']);
    !core.is_empty()
        && core.chars().next().is_some_and(char::is_alphabetic)
        && core
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-' || c == '\u{AD}')
}

/// A line ending in `::` ends in a path operator, not a sentence: joined to
/// the next line (as the repaired text writes a paragraph) it would read as
/// code, so it must read as code alone too.
pub(super) fn ends_like_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')']);
    (t.ends_with(['.', '!', '?']) && !t.ends_with("..") && !optional_in_grammar(t))
        || (t.ends_with(':') && !t.ends_with("::"))
}

/// `SUFFIX?`, `( ... )?`, `` `x`? ``: a `?` after a grammar symbol (a name in
/// capitals or with an underscore, a closing bracket, a quoted token) marks
/// it optional, as grammars write it; a question ends on a word.
fn optional_in_grammar(t: &str) -> bool {
    let Some(before) = t.strip_suffix('?') else {
        return false;
    };
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    before.ends_with([')', ']', '`', '*'])
        || last.contains('_')
        || (last.chars().count() >= 3
            && last
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// `// ...`, `/* ... */`, `*/`: comment syntax that prose does not open
/// a line with.
fn comment(t: &str) -> Option<&'static str> {
    // `;;` opens a Lisp comment; no sentence starts with two semicolons.
    if slash_comment(t) || t.starts_with("/*") || t.starts_with("*/") || t.starts_with(";;") {
        Some("comment")
    } else {
        None
    }
}

/// A line that opens with a `//` comment, not with the rest of a URL.
pub(super) fn slash_comment(t: &str) -> bool {
    t.starts_with("//") && !url_tail(t)
}

/// `//www.poker-edge.com/stats.php`: the rest of a URL whose `http:` ended
/// the line before, a host name with a dot, then a path. A comment after
/// `//` opens with a space or is code with brackets (`//obj.close();`).
fn url_tail(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("//") else {
        return false;
    };
    let url = rest.split_whitespace().next().unwrap_or("");
    let host = url.split('/').next().unwrap_or("");
    rest.starts_with(|c: char| c.is_ascii_alphanumeric())
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The text before a `//`, `/*` or `%` comment that ends the line, set
/// off by a space (a URL's `://` is not; "50 %" in prose has no statement
/// before it that is code by itself).
fn before_trailing_comment(t: &str) -> Option<&str> {
    let at = [" //", " /*", " % "]
        .iter()
        .filter_map(|m| t.find(m))
        .min()?;
    let before = t[..at].trim_end();
    (!before.is_empty()).then_some(before)
}

/// `Reader // includes methods of Reader in ReadWriter's method set`: one
/// name, then a `//` comment set off by spaces (an embedded interface, a
/// field, an enum's variant with its note). No sentence writes a word and
/// then two slashes; a URL's slashes have no space after them.
fn named_with_comment(t: &str) -> bool {
    // A byte search first: most lines have no slash, and the substring
    // search below is the slower one.
    if !t.as_bytes().contains(&b'/') {
        return false;
    }
    let Some((name, _)) = t.split_once(" // ") else {
        return false;
    };
    let name = name.trim_end();
    !name.is_empty()
        && !name.contains(char::is_whitespace)
        && !name.ends_with(['.', ',', ';', ':', '!', '?'])
        && name.chars().any(char::is_alphabetic)
}

/// A line that opens or closes a block: ends with `{`, or is made of
/// closing brackets and separators only (`}`, `});`, `],`).
fn block_delimiter(t: &str) -> bool {
    if t.chars()
        .all(|c| matches!(c, '}' | ')' | ']' | ';' | ',' | '{' | '(' | '['))
    {
        return t.contains(['{', '}']) || t.len() >= 2;
    }
    t.ends_with('{') && t.len() > 1 && !t.ends_with(" {{")
        || t.starts_with('}') && t.len() > 1 && !t.chars().nth(1).is_some_and(char::is_alphabetic)
        || repeated_group_end(t)
}

/// `(defmethod foop ((foo foo)) t)`, `(require :asdf)`: a Lisp form, one
/// parenthesised expression from the line's start to its end, opening with
/// a symbol, with a form nested in it, a keyword (`:asdf`, `&optional`) or
/// a hyphenated symbol at its head. A parenthesised remark ("(see above)")
/// has none of them. The line may go on to close the forms of the lines
/// before (`(set! path (cons (fluid f) path)))))`), or leave its own open
/// where a binding list opens in it (`(let ((f (make-fluid 'a))`): no
/// remark opens two brackets at once.
fn lisp_form(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('(') else {
        return false;
    };
    // "(provide-foo)": the head may be the whole form.
    let head = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(')');
    let symbol = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-*:!?<>=/+%".contains(c))
    };
    if !symbol(head) {
        return false;
    }
    // Where the first bracket closes: "(a) and (b)" is two groups.
    let mut depth = 1usize;
    let mut closed_at = None;
    for (at, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    closed_at = Some(at);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(at) = closed_at else {
        return rest.contains("((");
    };
    // Only closing brackets after it: the forms of the lines before.
    let after = &rest[at..];
    if !after.chars().all(|c| c == ')') {
        return false;
    }
    let inner = &rest[..at];
    inner.contains('(')
        || head.contains('-')
        || inner
            .split_whitespace()
            .any(|w| w.len() > 1 && w.starts_with([':', '&']))
}

/// `)* "` SUFFIX?`, `)+`, `]?`: a line that opens by closing a group and
/// repeating it (a grammar's or a macro's repetition). Running text that a
/// line break cuts inside a parenthesis goes on with words, not with a
/// repetition mark.
fn repeated_group_end(t: &str) -> bool {
    let mut chars = t.chars();
    matches!(chars.next(), Some(')' | ']' | '}'))
        && matches!(chars.next(), Some('*' | '+' | '?'))
        && chars.next().is_none_or(char::is_whitespace)
}

/// `[profile.dev]`, `[[bin]]`, `[dependencies.foo]`, `#[path = "a.rs"]`,
/// `#![no_std]`, `[remote "origin"]`: a bracketed name alone on its line (a
/// configuration section, with a quoted subsection as Git writes them, or
/// an attribute).
fn section_header(t: &str) -> bool {
    let subsection = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix("\"]"))
        .and_then(|r| r.split_once(" \""))
        .is_some_and(|(name, sub)| {
            name.starts_with(char::is_alphabetic)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
                && !sub.contains('"')
        });
    if subsection {
        return true;
    }
    let inner = t
        .strip_prefix("#![")
        .or_else(|| t.strip_prefix("#["))
        .or_else(|| t.strip_prefix('['))
        .and_then(|r| r.strip_suffix(']'));
    let Some(inner) = inner else {
        return false;
    };
    let inner = inner.trim_start_matches('[').trim_end_matches(']');
    let attribute = t.starts_with('#');
    !inner.is_empty()
        && inner
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '"')
        && (attribute
            || inner
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '"' | '\'' | '*')))
}

/// `name = value`, optionally followed by a comment: an assignment or a
/// configuration entry. The value is one token (a number, a quoted
/// string, a bracketed list, a name): in prose, "x = y" goes on with words.
fn key_value(t: &str) -> bool {
    let Some((key, rest)) = t.split_once(" = ").or_else(|| {
        t.split_once('=').filter(|(k, r)| {
            !k.ends_with([' ', '!', '<', '>', '=']) && !r.starts_with(['=', ' ', '>'])
        })
    }) else {
        return false;
    };
    let key = key.trim();
    let key_ok = !key.is_empty()
        && key
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '[' | ']'));
    if !key_ok {
        return false;
    }
    // The value, up to a trailing comment.
    let value = rest
        .split_once(" #")
        .or_else(|| rest.split_once(" //"))
        .map_or(rest, |(v, _)| v)
        .trim();
    if value.is_empty() {
        return false;
    }
    let quoted = |q: char| value.starts_with(q) && value.ends_with(q) && value.len() >= 2;
    let bracketed = (value.starts_with('[') && value.ends_with(']'))
        || (value.starts_with('{') && value.ends_with('}'))
        || (value.starts_with('(') && value.ends_with(')'));
    quoted('"')
        || quoted('\'')
        || bracketed
        || !value.contains(char::is_whitespace) && !value.ends_with(['.', ','])
}

/// `export MKL_THREADING_LAYER=GNU`: a shell's assignment to a variable
/// it exports, one word after `export`, as scripts and manuals write it.
fn shell_export(t: &str) -> bool {
    t.strip_prefix("export ")
        .is_some_and(|rest| !rest.contains(char::is_whitespace) && key_value(rest))
}

/// `"name": value`: a member of a JSON object (or a YAML mapping with a
/// quoted key), its value a string, a number, a list, an object or a
/// literal.
fn json_member(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('"') else {
        return false;
    };
    let Some((key, value)) = rest.split_once("\":") else {
        return false;
    };
    let value = value.trim_start();
    !key.is_empty()
        && !key.contains('"')
        && (value.starts_with(['"', '[', '{', '-'])
            || value.starts_with(|c: char| c.is_ascii_digit())
            || ["true", "false", "null"]
                .iter()
                .any(|literal| value.trim_end_matches(',') == *literal))
}

/// "Given this input:": a short sentence that introduces what follows (a
/// capital, plain words, a colon at the end). Shorter than a prose line,
/// it would otherwise say nothing, and a listing would grow over it.
pub(super) fn lead_in(words: &[&str]) -> bool {
    words.len() >= 2
        && words[0].starts_with(char::is_uppercase)
        && words
            .last()
            .is_some_and(|w| w.ends_with(':') && !w.ends_with("::"))
        && words.iter().all(|w| is_plain_word(w))
}

/// `let val = None?;`, `x = 1;`: an assignment ended by a semicolon, with a
/// short left side (a name, with a keyword or a type before it). Its words
/// may be plain enough to read as a sentence otherwise.
fn assignment_statement(t: &str) -> bool {
    t.ends_with(';')
        && t.split_once(" = ")
            .is_some_and(|(lhs, _)| (1..=3).contains(&lhs.split_whitespace().count()))
}

/// `x <- c(10.4, 5.6)`, `names(df) <- cols`: an assignment with an arrow,
/// as R and S write it: a left side of one name (with an index or a call
/// around it) and something after the arrow.
fn arrow_assignment(t: &str) -> bool {
    assignment_to_one_name(t, " <- ", '.', "._$[]()\"'`")
}

/// `defaultscale := 1.2`, `x := x + 1;`: an assignment with `:=`, as
/// Pascal, Ada, Go, MetaPost and Maple write it, to one name (with an
/// index or a suffix) and something after it. Prose has no `:=`; a
/// definition in mathematics may, and is kept as set too.
fn colon_assignment(t: &str) -> bool {
    assignment_to_one_name(t, " := ", '_', "._[]()")
}

/// `t` assigns with `operator` to one name that opens with a letter or
/// `opening` and holds letters, digits and the marks of `name_marks`,
/// and something stands after the operator.
fn assignment_to_one_name(t: &str, operator: &str, opening: char, name_marks: &str) -> bool {
    t.split_once(operator).is_some_and(|(lhs, rhs)| {
        !rhs.trim().is_empty()
            && !lhs.contains(char::is_whitespace)
            && lhs.starts_with(|c: char| c.is_alphabetic() || c == opening)
            && lhs
                .chars()
                .all(|c| c.is_alphanumeric() || name_marks.contains(c))
    })
}

/// `import os`, `import numpy as np`, `from reportlab.lib.units import
/// inch`, `from . import (a, b)`: Python's imports, whose module is a
/// name in lower case or a dotted one ("from China import tea" is prose),
/// and whose names are names, each perhaps `as` another, apart by commas.
fn python_import(t: &str) -> bool {
    let ident = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    // `.`, `..pkg`, `os.path`, `numpy`: dots alone (a relative import), or
    // names apart by dots, dotted or in lower case.
    let module = |w: &str| {
        let name = w.trim_start_matches('.');
        (name.is_empty() && !w.is_empty())
            || (name.split('.').all(ident)
                && (w.contains(['.', '_']) || w.starts_with(|c: char| c.is_ascii_lowercase())))
    };
    // `a`, `a as b`, `a, b as c`: each item one name, or a name `as` a name.
    let items = |list: &str, item: &dyn Fn(&str) -> bool| {
        list.split(',').all(
            |part| match part.split_whitespace().collect::<Vec<_>>().as_slice() {
                [name] => item(name),
                [name, "as", alias] => item(name) && ident(alias),
                _ => false,
            },
        )
    };
    if let Some(list) = t.strip_prefix("import ") {
        return items(list, &module);
    }
    let Some((from, names)) = t
        .strip_prefix("from ")
        .and_then(|rest| rest.split_once(" import "))
    else {
        return false;
    };
    let names = names.trim();
    let names = names
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .unwrap_or(names);
    module(from.trim()) && (names == "*" || items(names, &ident))
}

/// The line after an interpreter's prompt, and the prompt: R's and the
/// usual `> `, Python's `>>> ` and `... `, PARI/GP's `? `, or a program's name or
/// the number of the command before `> ` (`R> ` in the Journal of
/// Statistical Software's vignettes, `gap> `, `julia> `, `octave:1> `,
/// Erlang's `1> `, reported as `"name> "`); `None` without one.
fn interpreter_input(t: &str) -> Option<(&str, &'static str)> {
    let fixed = [">>> ", "... ", "> ", "? "].into_iter().find_map(|prompt| {
        t.strip_prefix(prompt)
            .filter(|input| !input.trim().is_empty())
            .map(|input| (input, prompt))
    });
    fixed.or_else(|| {
        let (name, input) = t.split_once("> ")?;
        let named = name.len() <= MAX_PROMPT_NAME
            && name.starts_with(|c: char| c.is_ascii_alphanumeric())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'));
        (named && !input.trim().is_empty()).then_some((input, "name> "))
    })
}

/// The longest program name read before `> ` as an interpreter's prompt
/// (`irb(main)` aside, names of programs are short).
const MAX_PROMPT_NAME: usize = 12;

/// `%1 = 2*x + y`: a result an interpreter prints under its history
/// number (PARI/GP), a per cent sign, digits, then ` = ` and the value.
fn history_result(t: &str) -> bool {
    t.strip_prefix('%')
        .and_then(|rest| rest.split_once(" = "))
        .is_some_and(|(number, value)| {
            !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit())
                && !value.trim().is_empty()
        })
}

/// "4.3.1 Restricted visibility", "2.1 kind == \"module\"": a line that opens
/// with a section number of two or more parts is a heading, whatever
/// follows it.
pub(super) fn numbered_heading(words: &[&str]) -> bool {
    let [first, second, ..] = words else {
        return false;
    };
    let parts: Vec<&str> = first.trim_end_matches('.').split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
        && second.chars().next().is_some_and(char::is_alphabetic)
}

/// `$ cargo build`: a shell prompt before a command. Also `$cargo build`,
/// the prompt's space lost by the extractor, when no second `$` makes the
/// line a formula (`$x$ is ...`).
fn shell_prompt(t: &str) -> bool {
    let command = |cmd: &str| {
        cmd.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || matches!(c, '.' | '/' | '~'))
    };
    if let Some(cmd) = t.strip_prefix("$ ") {
        return command(cmd);
    }
    t.strip_prefix('$')
        .is_some_and(|cmd| command(cmd) && !cmd.contains('$'))
}

/// Most words after a C shell's `%` prompt: a command and its arguments,
/// not the rest of a sentence whose number the line before took.
const CSH_COMMAND_WORDS: usize = 8;

/// `% ls src`, `% scons -Q`: the C shell's prompt before a command, as
/// Unix manuals print a session. A per cent sign wrapped from its number
/// opens a line too ("50" / "% of the votes"), before a word of the
/// sentence: the command must be a name (lower-case letters, digits,
/// `._/+-`) that is no function word, on a line that ends no sentence.
fn csh_prompt(t: &str, words: &[&str]) -> bool {
    let Some(command) = t
        .strip_prefix("% ")
        .and_then(|rest| rest.split_whitespace().next())
    else {
        return false;
    };
    command
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || matches!(c, '.' | '/' | '~'))
        && command
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._/+-~".contains(c))
        && !crate::normalize::lexicon::is_function_word(command)
        && words.len() <= CSH_COMMAND_WORDS
        && !ends_like_sentence(t)
}

/// Most words of a line that opens a block (see [`block_header`]).
const BLOCK_HEADER_WORDS: usize = 8;

/// `for subdir in ['foo', 'bar']:`, `def build(env):`: a line that opens an
/// indented block, ending on a colon right after a bracket that closes
/// code: a list of quoted strings, or a call (a name glued to its opening
/// bracket). Prose ends a lead-in on a colon after an aside, "(see
/// below):", whose bracket follows a space and holds words.
fn block_header(t: &str, words: &[&str]) -> bool {
    let Some(body) = t.strip_suffix(':') else {
        return false;
    };
    // A statement's head is short; a sentence that ends on a formula
    // ("... Consider ρ ≠ fn(p):") runs on longer, across a full stop.
    if words.len() > BLOCK_HEADER_WORDS || t.contains(". ") {
        return false;
    }
    let (open, close) = match body.chars().last() {
        Some(')') => ('(', ')'),
        Some(']') => ('[', ']'),
        _ => return false,
    };
    if !t.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    // The group that the last bracket closes.
    let mut depth = 0usize;
    let mut start = None;
    for (at, c) in body.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth -= 1;
            if depth == 0 {
                start = Some(at);
                break;
            }
        }
    }
    let Some(start) = start else {
        return false;
    };
    let inner = &body[start + 1..body.len() - 1];
    let called = body[..start]
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let quoted_list = open == '[' && inner.starts_with(['\'', '"']);
    called || quoted_list
}

/// `# ../bin/ssearch36 -q query.aa`, `# /etc/init.d/ssh restart`: the
/// prompt of the superuser's shell before a command run by its path. A `#`
/// before a word may be a heading or a comment, so only a path counts.
fn root_prompt(t: &str) -> bool {
    t.strip_prefix("# ").is_some_and(|cmd| {
        ["./", "../", "/", "~/"].iter().any(|p| {
            cmd.strip_prefix(p)
                .and_then(|path| path.chars().next())
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
        })
    })
}

/// Spaces between a command and the note a manual sets beside it in a
/// column of its own: wider than any gap justified prose leaves between
/// two words of a `-layout` line.
const ANNOTATION_GAP: &str = "      ";

/// Most words of the command before an annotation: a short command typed
/// at an interactive program's prompt, not a quoted sentence.
const ANNOTATED_COMMAND_WORDS: usize = 3;

/// `> cx                         run nauty`: an interactive program's `>`
/// prompt and a short command, then, after a wide gap, the manual's note on
/// what it does. A `>` also quotes a line of a message, but a quotation
/// runs on as a sentence, with no column set apart inside it.
fn annotated_prompt(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("> ") else {
        return false;
    };
    let Some((command, note)) = rest.split_once(ANNOTATION_GAP) else {
        return false;
    };
    let words = command.split_whitespace().count();
    (1..=ANNOTATED_COMMAND_WORDS).contains(&words) && !note.trim().is_empty()
}

/// `#include <stdio.h>`, `#define WIDTH 80`, `#endif`: a directive of the
/// C preprocessor, with what each directive takes after it (a header
/// between `<>` or quotes, a name, a condition, nothing). Letter-spaced
/// extracts keep the directive's word whole (`#include <mpi . h>`).
fn preprocessor_directive(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('#') else {
        return false;
    };
    let rest = rest.trim_start();
    let (directive, operand) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let operand = operand.trim();
    let name = |w: &str| {
        let mut chars = w.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let first_word = operand.split_whitespace().next().unwrap_or("");
    match directive {
        "include" | "import" | "include_next" => {
            (operand.starts_with('<') && operand.ends_with('>'))
                || (operand.starts_with('"') && operand.ends_with('"') && operand.len() > 2)
        }
        "define" | "undef" | "ifdef" | "ifndef" => {
            // `#define MAX(a, b) ...`: the name may open a parameter list.
            name(first_word.split('(').next().unwrap_or(""))
        }
        // A condition: a macro's name in capitals, a number, `defined`, an
        // operator; "#if you want to" is a tag before words.
        "if" | "elif" => {
            let macro_name = name(first_word)
                && first_word
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            macro_name
                || first_word.starts_with(|c: char| c.is_ascii_digit() || c == '!' || c == '(')
                || operand.starts_with("defined")
        }
        "pragma" => name(first_word) && !ends_like_sentence(operand),
        "else" | "endif" => {
            operand.is_empty() || operand.starts_with("//") || operand.starts_with("/*")
        }
        _ => false,
    }
}

/// `\maketitlepage`, `\program{Computer Science}`,
/// `\documentclass[red]{brandeis-thesis}`: a line that is TeX commands,
/// each a backslash and letters with its arguments, and nothing after the
/// last one. A typeset page never prints a backslash before a word; a
/// manual of a TeX package prints its listings so. A package's own code
/// names its commands with `@` (`\SB@newcount`), and LaTeX3's with `_`
/// and `:` (`\prop_gput:Nnn \g__xpiano_notes_prop { Co } { 0 }`), and
/// sets arguments apart by spaces, which TeX skips after a command's name.
fn tex_command(t: &str) -> bool {
    let mut rest = t;
    let mut commands = 0;
    while let Some(after) = rest.strip_prefix('\\') {
        let mut name = after
            .find(|c: char| !(c.is_ascii_alphabetic() || matches!(c, '@' | '_' | ':')))
            .unwrap_or(after.len());
        // A LaTeX3 name has its module before `_` (`\scan_stop:`); a colon
        // after a plain name ends it ("\xlongequal:" labels an example).
        if !after[..name].contains('_') {
            name = after[..name].find(':').unwrap_or(name);
        }
        // TeX's line break `\\` after a command ends its line of a listing
        // (`\HEC@universiteMembreJury \\`); alone it is no command.
        if commands > 0 && after == "\\" {
            return true;
        }
        if name < 2 || !after[..name].contains(|c: char| c.is_ascii_alphabetic()) {
            return false;
        }
        rest = &after[name..];
        // Its arguments: `{...}` and `[...]`, one level of nesting.
        while let Some(open) = argument_after_space(rest) {
            rest = rest.trim_start();
            let close = if open == '{' { '}' } else { ']' };
            let mut depth = 0usize;
            let mut end = None;
            for (i, c) in rest.char_indices() {
                if c == open {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i + c.len_utf8());
                        break;
                    }
                }
            }
            // `\keyboard[` alone: the argument goes on over the next lines,
            // as a listing sets a long one (a title left open after its
            // words, "\title{A long title", is no such line).
            let Some(end) = end else {
                return rest.len() == open.len_utf8();
            };
            rest = &rest[end..];
        }
        commands += 1;
        // A wide gap after it is a gutter: two columns side by side, each
        // a command, are no line of one listing.
        let next = rest.trim_start();
        if rest.len() - next.len() > 1 && !next.is_empty() {
            return false;
        }
        rest = next;
    }
    commands > 0 && rest.is_empty()
}

/// The most digits a listing's line number has.
const LINE_NUMBER_DIGITS: usize = 5;

/// What follows a line number (`2781 \newcommand...`): a number of digits
/// alone, then a space.
pub(super) fn after_line_number(t: &str) -> Option<&str> {
    let (number, rest) = t.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    // Numbers after numbers are a table's row (`4 1334 \preccurlyeq`),
    // not a line number; a per cent sign after a number is its unit
    // ("2 % d", "50 % of the votes").
    ((1..=LINE_NUMBER_DIGITS).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty()
        && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '%'))
    .then_some(rest)
}

/// The bracket that opens a command's next argument, `{` or `[`, after
/// the spaces (if any) before it.
fn argument_after_space(rest: &str) -> Option<char> {
    rest.trim_start()
        .chars()
        .next()
        .filter(|c| matches!(c, '{' | '['))
}

/// Most words of a line [`keyword_statement`] reads.
const KEYWORD_STATEMENT_MAX_WORDS: usize = 5;

/// `return s + t`, `var p Point`, `const limit 10`: a short statement
/// opening with a keyword no sentence opens with in lower case (`var`,
/// `val`, `const`), or with `return` and an expression of names joined by
/// an operator. Weak: it may go on with a listing (Go's spec sets such
/// lines inside its functions and between its calls), never start one.
fn keyword_statement(words: &[&str]) -> bool {
    let [first, rest @ ..] = words else {
        return false;
    };
    if rest.is_empty() || words.len() > KEYWORD_STATEMENT_MAX_WORDS {
        return false;
    }
    let name = |w: &str| {
        w.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '*')
    };
    match *first {
        "var" | "val" | "const" => name(rest[0]),
        "return" => {
            rest.len() >= 3
                && rest.iter().enumerate().all(|(k, w)| {
                    if k % 2 == 1 {
                        matches!(*w, "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "&&" | "||")
                    } else {
                        name(w)
                    }
                })
        }
        _ => false,
    }
}

/// A function's declaration or its parameters, as a listing breaks them
/// over lines: `guide MakeFreehand(pair pFrom, pair pTo,`,
/// `    real dblRelDistortion = 2.5,`, `    bool bIncludeTo = true)`. The
/// line is parameters (each a type and a name, perhaps with a default
/// value) separated by commas, after a type and a name glued to an opening
/// bracket or on their own, and ends on a comma or closes the list; one
/// parameter at least shows code: a default value of one token, or a name
/// that is an identifier (camel case, an underscore, a digit). Prose ("in particular,
/// for example,", "with MSRV)") names no such parameter.
fn declaration(t: &str) -> bool {
    let mut evidence = false;
    let params = match t.split_once('(') {
        Some((head, rest)) => {
            let words: Vec<&str> = head.split_whitespace().collect();
            let [kinds @ .., name] = words.as_slice() else {
                return false;
            };
            let name = name.trim_start_matches(['*', '&']);
            // `int glp_init(`, `extern int asm_func(`, `static unsigned
            // char *buf(`.
            if !is_declared_type(kinds) || !is_name_token(name) {
                return false;
            }
            let identifier = crate::normalize::identifier::is_identifier(name);
            // A C type of its own opens no sentence (`void foo(Bar
            // *OUTPUT);`).
            evidence |= C_TYPES.contains(&words[0]);
            // A space before the bracket (`int c_func (unsigned char i)`)
            // only after a name that is an identifier: "Using this (see
            // above)" is prose.
            if head.ends_with(char::is_whitespace) && !identifier {
                return false;
            }
            evidence |= identifier;
            rest
        }
        None => t,
    };
    let Some(params) = params
        .strip_suffix(',')
        .or_else(|| params.strip_suffix(");"))
        .or_else(|| params.strip_suffix(") {"))
        .or_else(|| params.strip_suffix(')'))
    else {
        return false;
    };
    for param in params.split(',') {
        let (declared, default) = match param.split_once('=') {
            Some((d, v)) => (d, Some(v.trim())),
            None => (param, None),
        };
        let words: Vec<&str> = declared.split_whitespace().collect();
        // A type and a name (`unsigned char i`, `const char *s`).
        let [kinds @ .., name] = words.as_slice() else {
            return false;
        };
        let name = name.trim_start_matches(['*', '&']);
        // A default value is one token ("12.5", "currentpicture"): a
        // sentence has words after its "=".
        let one_token = |v: &str| !v.is_empty() && !v.contains(char::is_whitespace);
        if !is_declared_type(kinds)
            || !is_name_token(name)
            || default.is_some_and(|v| !one_token(v))
        {
            return false;
        }
        evidence |= default.is_some() || crate::normalize::identifier::is_identifier(name);
    }
    evidence
}

/// The words of a declared type: one type token (`int`, `glp_prob`,
/// `Bar`), or up to [`MAX_TYPE_WORDS`] in lower case, as C writes its
/// qualifiers and types of more than one word (`extern int`, `unsigned
/// char`).
fn is_declared_type(kinds: &[&str]) -> bool {
    match kinds {
        [] => false,
        [kind] => is_type_token(kind),
        _ => {
            kinds.len() <= MAX_TYPE_WORDS
                && kinds
                    .iter()
                    .all(|k| is_type_token(k) && !k.contains(char::is_uppercase))
        }
    }
}

/// Most words a declared type has (`unsigned long long`, `static const
/// char`).
const MAX_TYPE_WORDS: usize = 3;

/// A word of a declared type: a word token or a qualified name
/// (`std::string`) that is no function word of prose ("it", "the", "is").
fn is_type_token(w: &str) -> bool {
    is_name_token(w) && !crate::normalize::lexicon::is_function_word(&w.to_lowercase())
}

/// C's types and qualifiers that open a declaration.
const C_TYPES: &[&str] = &[
    "bool", "char", "const", "double", "extern", "float", "int", "long", "short", "signed",
    "size_t", "static", "unsigned", "void",
];

/// A type's name in a declaration: letters, digits and underscores.
fn is_word_token(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A function's or a parameter's name: a word token, or a qualified one
/// (`Foo::bar`).
fn is_name_token(w: &str) -> bool {
    !w.is_empty() && w.split("::").all(is_word_token)
}

/// Arguments separated by spaces, as CMake writes them
/// (`add_library(MathFunctions STATIC MathFunctions.cxx)`,
/// `install(FILES MathFunctions.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})`):
/// a command in lower case, a keyword in capitals or a variable's value
/// among its arguments, and no word in lower case, which an aside glued to
/// a word would have ("MSRV(e.g. moka)").
fn keyword_arguments(callee: &str, inner: &str) -> bool {
    let command = callee.starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
    let lower_word = |w: &str| w.chars().all(|c| c.is_lowercase()) && w.chars().count() > 1;
    let words: Vec<&str> = inner.split_whitespace().collect();
    // A command named in snake case takes the name of what it acts on
    // first (`target_compile_definitions(archive PRIVATE ...)`): no word
    // of prose is set between a name with `_` and its bracket.
    let arguments = match words.split_first() {
        Some((first, rest)) if callee.contains('_') && lower_word(first) => rest,
        _ => &words[..],
    };
    command
        && !arguments.iter().any(|w| lower_word(w))
        && arguments
            .iter()
            .any(|w| is_keyword(w) || w.starts_with("${"))
}

/// `for(s = 0, 2, print1([s, #nflist("C4", , s)]," "))`, `main()`,
/// `std::mem::swap(&mut a, &mut b);`: a line that is one call, a name
/// straight before a bracket that the line's last bracket closes, with at
/// most a semicolon after it. Prose that names a call goes on with words
/// after it ("f(x) is the ...").
fn whole_call(t: &str) -> bool {
    let body = t.strip_suffix(';').unwrap_or(t);
    let Some(open) = body.find('(') else {
        return false;
    };
    let callee = &body[..open];
    let callee_ok = callee
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && callee
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':'));
    if !callee_ok || !body.ends_with(')') {
        return false;
    }
    // Arguments, not an aside glued to a word by a lost space ("MSRV(e.g.
    // moka)"): one token, or a list or expression with a comma, a quote, a
    // bracket or an operator in it.
    let inner = &body[open + 1..body.len() - 1];
    let arguments = !inner.contains(char::is_whitespace)
        || inner.contains([',', '"', '(', '[', '=', '+', '*', '<', '>', '&', '|'])
        || keyword_arguments(callee, inner);
    let aside = ["e.g.", "i.e.", "cf.", "see "]
        .iter()
        .any(|a| inner.trim_start().to_lowercase().starts_with(a));
    if !arguments || aside {
        return false;
    }
    // The bracket after the name closes at the line's end, and not before.
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, c) in body[open..].char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => {
                let Some(d) = depth.checked_sub(1) else {
                    return false;
                };
                depth = d;
                if depth == 0 {
                    return open + i + c.len_utf8() == body.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// `--release`, `-C`, `-p`: a command-line option.
fn is_flag(w: &str) -> bool {
    let w = w.trim_end_matches([',', ')']);
    let body = w.strip_prefix("--").or_else(|| w.strip_prefix('-'));
    body.is_some_and(|b| {
        b.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && b.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '=' | '_'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strong(t: &str) -> bool {
        matches!(signal(t), Signal::Strong(_))
    }

    #[test]
    fn code_shapes_are_strong() {
        for line in [
            "[profile.dev]",
            "[filter \"crypt\"]",
            "[remote \"origin\"]",
            "opt-level = 1               # Use slightly better optimizations.",
            "strip = \"debuginfo\"",
            "split-debuginfo = '...'  # Platform-specific.",
            "fn sin(f: f64) -> f64 {",
            "}",
            "});",
            "mod inner;",
            "#[path = \"foo.rs\"]",
            "// Load the `local_data` module from `thread_files/",
            "\"docs\": \"Here are some docs for `some_fn`!\",",
            "\"crate_id\": 0,",
            "/* ... */",
            "$ cargo build --release",
            "$cargo new msrv-resolver",
            "let x = foo::bar(1, 2);",
            "let val = None?;",
            "x = y;",
            ")* `\"` SUFFIX?",
            ")+",
            "export MKL_INTERFACE_LAYER=GNU,LP64",
        ] {
            assert!(strong(line), "{line:?}: {:?}", signal(line));
        }
    }

    #[test]
    fn tex_commands_are_strong() {
        for line in [
            "\\program{Computer Science}",
            "\\maketitlepage",
            "\\begin{thesis-abstract}",
            "\\documentclass[red]{brandeis-thesis}",
            "\\includegraphics[width=\\textwidth]{sampleteaser}",
            "\\end{acks} \\appendix",
            // A package's internal and LaTeX3 names, arguments after spaces.
            "\\SB@newbox\\SB@envbox",
            "\\prop_gput:Nnn \\g__xpiano_notes_prop { Co }  { 0 }",
            "\\newversetype {verse }",
            "\\scan_stop:",
            // An argument that goes on over the next lines.
            "\\keyboard[",
            // TeX's line break after a command.
            "\\HEC@universiteMembreJury \\\\",
        ] {
            assert_eq!(signal(line), Signal::Strong("tex-command"), "{line:?}");
        }
        // A line that ends on TeX's line break continues a listing, with
        // its line number too: a sentence wrapped over lines, "8 Mary had"
        // / "a little lamb \\", would read as one once joined.
        assert_eq!(
            signal("Its fleece was white as snow, yea \\\\"),
            Signal::Weak("tex-line-break")
        );
        assert_ne!(
            signal("8   Mary had a little lamb \\\\"),
            Signal::Strong("numbered-line")
        );
        for line in [
            // Prose that names a command goes on with words.
            "\\cite may be a single key",
            "\\x is a variable",
            // Two columns, a command in each.
            "\\documentclass[STYLE]{acmart}        \\title[short title]{full title}",
            // An argument left open.
            "\\title{A long title",
            // A colon after a plain name labels an example.
            "\\xlongequal:",
        ] {
            assert_ne!(signal(line), Signal::Strong("tex-command"), "{line:?}");
        }
    }

    /// A listing that numbers its lines: the number before a line that is
    /// code by itself. A numbered step, a table's row of numbers and the
    /// rest of a URL after a line number are not.
    #[test]
    fn a_numbered_line_of_code_is_strong() {
        for line in [
            "63 \\prop_gput:Nnn \\g__xpiano_notes_prop { Co }  { 0 }",
            "2781 \\newcommand\\SB@barreY{\\noexpand\\SB@barreY}",
            "7        printf(\"Hello World\\n\");",
        ] {
            assert_eq!(signal(line), Signal::Strong("numbered-line"), "{line:?}");
        }
        for line in [
            "1 Introduction",
            "2 split each line into its fields",
            "4 1334 \\preccurlyeq",
            "2 % d",
            "599            //www.poker-edge.com/stats.php",
        ] {
            assert_ne!(signal(line), Signal::Strong("numbered-line"), "{line:?}");
        }
    }

    /// One name and a `//` comment set off by spaces is code; a sentence
    /// before two slashes, or slashes with no space after them, is not.
    #[test]
    fn a_name_with_a_comment_is_code() {
        assert_strong(&[
            (
                "Reader // includes methods of Reader in ReadWriter's method set",
                "comment",
            ),
            ("int              // int is not a slice", "comment"),
        ]);
        assert_not_strong(&[
            "Read the manual. // more at the end",
            "see http://example.org // the mirror",
            "Reader //no space after the slashes",
        ]);
    }

    /// A short statement opening with a keyword may go on with a listing;
    /// a line of prose opening with "return" may not, and an assignment
    /// keeps its strong signal.
    #[test]
    fn a_keyword_statement_may_go_on_with_a_listing() {
        for line in ["return s + t", "var p Point", "val total", "const limit 10"] {
            assert_eq!(signal(line), Signal::Weak("keyword-statement"), "{line:?}");
        }
        for line in [
            "return the value to the caller",
            "return a value",
            "var",
            "various things are said here",
        ] {
            assert_ne!(signal(line), Signal::Weak("keyword-statement"), "{line:?}");
        }
        assert!(matches!(
            signal("var x interface{} = Float(nil)"),
            Signal::Strong(_)
        ));
    }

    /// `//` after a URL's scheme cut off at the line before is the rest
    /// of the URL; a comment opens with a space or is code.
    #[test]
    fn the_rest_of_a_url_is_no_comment() {
        for line in [
            "//www.poker-edge.com/stats.php",
            "//doi.org/10.1145/1188913.1188915",
        ] {
            assert_ne!(signal(line), Signal::Strong("comment"), "{line:?}");
        }
        for line in [
            "// ...do some expensive work...",
            "//obj.close();",
            "// see www.a.org",
        ] {
            assert_eq!(signal(line), Signal::Strong("comment"), "{line:?}");
        }
    }

    /// CMake's commands take arguments separated by spaces, keywords in
    /// capitals among them; an aside glued to a word has words in lower
    /// case, and a capitalised name's brackets hold no keyword.
    #[test]
    fn a_command_with_keyword_arguments_is_a_whole_call() {
        for line in [
            "add_library(MathFunctions STATIC MathFunctions.cxx)",
            "find_package(Qt5 5.1.0 COMPONENTS Widgets Xml Sql)",
            "install(FILES MathFunctions.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})",
            "set(CMAKE_SYSTEM_NAME WindowsStore)",
            // A snake-case command's first argument names its target.
            "target_compile_definitions(archive INTERFACE USING_ARCHIVE_LIB)",
            "add_library(archive SHARED archive.cpp zip.cpp lzma.cpp)",
            "enable_language( CXX)",
        ] {
            assert_eq!(signal(line), Signal::Strong("call"), "{line:?}");
        }
        for line in [
            "MSRV(e.g. moka)",
            "Rust(Programming Language)",
            "ratio(GDP over PPP)",
            "the_thing(that we MUST keep)",
        ] {
            assert_ne!(signal(line), Signal::Strong("call"), "{line:?}");
        }
    }

    /// A build script's keywords around a variable's value are code; a
    /// sentence that names a variable is not.
    #[test]
    fn keywords_around_a_variable_reference_are_strong() {
        for line in [
            "RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}",
            "${Foo_LIBRARIES} ${Bar_LIBRARIES}",
            "INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}",
        ] {
            assert_eq!(
                signal(line),
                Signal::Strong("variable-reference"),
                "{line:?}"
            );
        }
        for line in [
            "Set ${PREFIX} to the folder you install into",
            "HOME ${HOME",
            "NOTE $HOME",
        ] {
            assert_ne!(
                signal(line),
                Signal::Strong("variable-reference"),
                "{line:?}"
            );
        }
    }

    #[test]
    fn preprocessor_directives_root_prompts_and_whole_calls_are_strong() {
        for (line, rule) in [
            ("#include <stdio.h>", "preprocessor"),
            ("#include <mpi . h>", "preprocessor"),
            ("#include \"config.h\"", "preprocessor"),
            ("#define TIMESTEP 0 . 0 0 1", "preprocessor"),
            ("#define MAX(a, b) ((a) > (b) ? (a) : (b))", "preprocessor"),
            ("#ifndef HAVE_CONFIG_H", "preprocessor"),
            ("#endif", "preprocessor"),
            ("#endif /* HAVE_CONFIG_H */", "preprocessor"),
            (
                "# ../bin/ssearch36 -q -w 80 ../seq/mgstm1.aa a",
                "shell-prompt",
            ),
            ("# /etc/init.d/ssh restart", "shell-prompt"),
            (
                "for(s = 0, 2, print1([s, #nflist(\"C4\", , s)],\" \"))",
                "call",
            ),
            ("main()", "call"),
            ("Ok(x + y)", "call"),
            ("delete runtime ;", "statement-end"),
            ("runtime\u{2212}>finalize ( ) ;", "statement-end"),
            ("MPI::Init(argc, argv);", "call"),
            ("> cx                         run nauty", "shell-prompt"),
            (
                "> $=1 As               label vertices starting at 1, sparse mode",
                "shell-prompt",
            ),
        ] {
            assert_eq!(signal(line), Signal::Strong(rule), "{line:?}");
        }
    }

    /// A C shell's `%` prompt before a command, and a line that opens a
    /// block after a call or a list of strings, are code; a per cent sign
    /// wrapped from its number and a lead-in that ends on an aside are not.
    #[test]
    fn csh_prompts_and_block_headers_are_strong() {
        for (line, rule) in [
            ("% ls src", "shell-prompt"),
            ("% scons -Q", "shell-prompt"),
            ("% ./configure --prefix=/usr", "shell-prompt"),
            ("for subdir in ['foo', 'bar']:", "block-header"),
            ("def build(env, target):", "block-header"),
            ("if os.path.exists(name):", "block-header"),
        ] {
            assert_eq!(signal(line), Signal::Strong(rule), "{line:?}");
        }
        for line in [
            "% of the votes went to the incumbent, who",
            "% of them.",
            "the options are listed below (in order):",
            "as in the example [see above]:",
            "Returns the list (or tuple):",
            "utively, following those in the paper. Consider A ≠ fn(H):",
        ] {
            assert!(!matches!(signal(line), Signal::Strong(_)), "{line:?}");
        }
    }

    /// PostgreSQL's tutorial sets its queries over lines, a clause a line
    /// (`SELECT *` / `FROM weather LEFT OUTER JOIN cities ON ...;`): the
    /// clause that ends the statement is code, whatever its length.
    #[test]
    fn an_sql_clause_that_ends_a_statement_is_code() {
        for line in [
            "FROM weather LEFT OUTER JOIN cities ON weather.city = cities.name;",
            "SELECT * FROM weather;",
            "ORDER BY city DESC, temp_lo ASC NULLS LAST LIMIT 10 OFFSET 20;",
        ] {
            assert_eq!(signal(line), Signal::Strong("sql"), "{line:?}");
        }
        for line in [
            "FROM the first page to the last, the reader goes on and on;",
            "From weather to cities, the join compares each row with each;",
        ] {
            assert!(!matches!(signal(line), Signal::Strong(_)), "{line:?}");
        }
    }

    /// Python's sessions: `>>> ` before a statement that is code by shape
    /// only in part (a call inside a `with`), and `... ` before the rest of
    /// a statement, which may go on with a listing; "... " before words is
    /// an ellipsis opening a quotation, and `>>> ` before a sentence is a
    /// quoted e-mail.
    #[test]
    fn pythons_prompts_mark_its_statements() {
        assert_eq!(
            signal(">>> with open('names.csv', newline='') as f, g(x):"),
            Signal::Strong("interpreter-prompt")
        );
        assert_eq!(
            signal("...     reader = csv.DictReader(csvfile)"),
            Signal::Strong("interpreter-prompt")
        );
        assert_eq!(
            signal("...     for row in reader:"),
            Signal::Weak("interpreter-prompt")
        );
        assert!(!matches!(
            signal(">>> I agree with what you wrote about the schedule."),
            Signal::Strong(_) | Signal::Weak(_)
        ));
    }

    #[test]
    fn numbers_that_end_on_a_full_stop_are_no_sentence() {
        assert_eq!(signal("7: 2 3 4."), Signal::Neutral);
        assert_eq!(signal("There are 2 3 4."), Signal::Prose);
    }

    /// Each line has the strong signal of its rule.
    fn assert_strong(cases: &[(&str, &'static str)]) {
        for &(line, rule) in cases {
            assert_eq!(signal(line), Signal::Strong(rule), "{line:?}");
        }
    }

    /// No line has a strong signal.
    fn assert_not_strong(lines: &[&str]) {
        for line in lines {
            assert!(!matches!(signal(line), Signal::Strong(_)), "{line:?}");
        }
    }

    /// A declaration broken over lines, parameter by parameter; prose with
    /// commas names no parameter.
    #[test]
    fn a_declarations_lines_are_code() {
        assert_strong(&[
            ("guide MakeFreehand(pair pFrom, pair pTo,", "declaration"),
            ("real dblRelDivisionLength = 12.5,", "declaration"),
            ("bool bIncludeTo = true)", "declaration"),
            ("int glp_init(glp_prob *lp, int n_rows);", "declaration"),
            (
                "extern int asm_func(unsigned char, unsigned char);",
                "declaration",
            ),
            (
                "int c_func (unsigned char i, unsigned char j)",
                "declaration",
            ),
        ]);
        assert_not_strong(&[
            "in particular, for example,",
            "the first, the second,",
            "Using this (see above)",
            "with MSRV)",
            "b AB,",
            "it calls the reader (the file, the line)",
            "We Call Both (one two, three four)",
            "Long words (many letters)",
            "long words (many letters)",
            "The drop = FALSE option should be used defensively when programming. For example,",
        ]);
    }

    /// Lisp forms and comments, and lines continued with a backslash; a
    /// remark in parentheses is none of them.
    #[test]
    fn lisp_forms_and_continued_lines_are_code() {
        assert_strong(&[
            ("(defgeneric foop (x))", "lisp-form"),
            ("(defmethod foop ((foo foo)) t)", "lisp-form"),
            ("(require :asdf)", "lisp-form"),
            ("(define-alien-variable \"foo\" int)", "lisp-form"),
            // Closing the forms of the lines before; opening a binding
            // list that later lines go on with.
            ("(set! path (cons (fluid f) path)))))", "lisp-form"),
            ("(let ((f (make-fluid 'a))", "lisp-form"),
            ("(with-alien ((f (struct foo)))", "lisp-form"),
            ("(provide-foo)", "lisp-form"),
            (
                ";;; If a fasl was stale, try to recompile and load (once).",
                "comment",
            ),
            (
                "plot $HEATMAP matrix with image notitle, \\",
                "line-continuation",
            ),
        ]);
        assert_not_strong(&[
            "(see above)",
            "(see Section 3 for the details of this)",
            "(a) and (b)",
            "(This is a remark set in parentheses, as authors do.)",
            "(see the (optional) argument, which",
            "(see above)) and more",
        ]);
    }

    /// An R session: assignments with an arrow, and lines after an
    /// interpreter's prompt that are code by themselves. A quoted line of
    /// an e-mail after the same `> ` is prose.
    #[test]
    fn an_interpreters_session_is_code() {
        assert_strong(&[
            ("x <- c(10.4, 5.6, 3.1, 6.4, 21.7)", "arrow-assignment"),
            ("names(df) <- c(\"a\", \"b\")", "arrow-assignment"),
            (
                "> success <- c(13,12,11,14,14,11,13,11,12)",
                "interpreter-prompt",
            ),
            ("> resp <- cbind(success, failure)", "interpreter-prompt"),
            (
                "> glm(resp ~ 0+predictor, family = binomial(link=\"log\"))",
                "interpreter-prompt",
            ),
        ]);
        assert_strong(&[
            (
                "R> window(z, start = as.Date(\"2005-02-15\"))",
                "interpreter-prompt",
            ),
            (
                "R> inrusd <- read.zoo(\"demo1.txt\", sep = \"|\")",
                "interpreter-prompt",
            ),
            ("gap> Size(SymmetricGroup(5));", "interpreter-prompt"),
            ("octave:1> x = [1 2 3];", "interpreter-prompt"),
            (
                "1> filename:basedir(user_cache, \"My App\").",
                "interpreter-prompt",
            ),
        ]);
        assert_not_strong(&[
            "> I think we should meet again next week.",
            "R> The prompt of the session is printed before each command.",
            "x> 0 holds for every point of the interval",
            "2> 1 is what the comparison says",
            "The value x <- y is read as an assignment in the text.",
        ]);
    }

    /// An assignment with `:=` to one name (MetaPost, Pascal, Go) is code,
    /// with or without a semicolon; a sentence that mentions the operator
    /// is not.
    #[test]
    fn an_assignment_with_colon_equals_is_code() {
        assert_strong(&[
            ("defaultscale := 1.2", "colon-assignment"),
            ("a[1] := (0,1);", "colon-assignment"),
            ("z1.x := 3cm", "colon-assignment"),
        ]);
        assert_not_strong(&[
            "The value := is read as an assignment in the text.",
            "We write the operator as x := y in the text of the manual here.",
        ]);
    }

    /// Python's imports are code; a sentence that opens with "import" or
    /// "from" is not.
    #[test]
    fn pythons_imports_are_code() {
        assert_strong(&[
            ("from reportlab.pdfgen import canvas", "import"),
            ("from reportlab.lib.units import inch", "import"),
            ("import numpy as np", "import"),
            ("import os, sys", "import"),
            ("from . import (views, models)", "import"),
            ("from os.path import *", "import"),
        ]);
        assert_not_strong(&[
            "from China import tea and silk",
            "from China import tea",
            "import the data from the file",
            "from the start, import all of it",
        ]);
    }

    /// A description list of operators: the term is symbols, what follows
    /// its colon a sentence. An operator in a line of code stays strong.
    #[test]
    fn an_operators_description_is_no_code() {
        assert_not_strong(&[
            "<, >, <=, >=: the usual comparison operators, returning 1 for true and 0 for false. For",
        ]);
        assert_strong(&[("if (a <= b && c != d) {", "brace")]);
    }

    /// A PARI/GP session: input after `? `, results under their history
    /// numbers. A question mark before words is no prompt.
    #[test]
    fn a_gp_session_is_code() {
        assert_strong(&[
            ("? SIN = cos’", "interpreter-prompt"),
            (
                "? (x^2 + y*x + y^2)’ \\ derive with respect to x",
                "interpreter-prompt",
            ),
            ("%1 = 2*x + y", "interpreter-result"),
            ("%12 = [16806, [2, 1; 3, 1; 2801, 1]]", "interpreter-result"),
        ]);
        assert_not_strong(&["? Why not ask the authors", "%1 of the votes = a loss"]);
    }

    #[test]
    fn a_quoted_line_is_no_annotated_prompt() {
        for line in [
            "> I think we should meet again next week.",
            "> cx run nauty",
            "> We agreed on this          as the text was justified",
        ] {
            assert!(!annotated_prompt(line), "{line:?}");
        }
    }

    #[test]
    fn words_after_a_hash_or_a_call_are_not_code_shapes() {
        for line in [
            // Headings and comments: a word, not a directive or a path.
            "# Introduction",
            "# include the header first",
            "#define",
            "#if you want to",
            "#else the old way.",
            "# / is the root",
            // Prose that names a call and goes on.
            "f(x) is the value at x",
            "nflist(\"C4\",,s) (don't forget the two",
            "Smith et al. (2001)",
            "(see above)",
            "MSRV(e.g. moka)",
            "feature(for example the default one)",
        ] {
            let s = signal(line);
            assert!(
                !matches!(s, Signal::Strong("preprocessor" | "shell-prompt" | "call")),
                "{line:?}: {s:?}"
            );
        }
    }

    #[test]
    fn a_question_mark_after_a_grammar_symbol_is_no_sentence_end() {
        for line in [
            "`b\"` ^ ( ASCII_FOR_STRING | BYTE_ESCAPE | STRING_CONTINUE )* `\"` SUFFIX?",
            "`r` RAW_STRING_CONTENT SUFFIX_NO_E?",
            "( `,` Expression )?",
        ] {
            assert!(!ends_like_sentence(line), "{line:?}");
            assert!(
                matches!(signal(line), Signal::Strong(_) | Signal::Weak(_)),
                "{line:?}: {:?}",
                signal(line)
            );
        }
        for line in [
            "Is it OK?",
            "What does `cargo build` do?",
            "Why (in the end) does it fail?",
        ] {
            assert!(ends_like_sentence(line), "{line:?}");
        }
    }

    #[test]
    fn invisible_characters_do_not_change_a_reading() {
        let line = "@;0Aa’$AAfi–Afi";
        assert_eq!(signal(line), signal(&format!("{line}\u{ad}")));
    }

    #[test]
    fn prose_is_never_strong() {
        for line in [
            "$x$ is the size of the input and $y$ the output",
            "$5 million went to the new port",
            "The opt-level setting controls the -C opt-level flag which",
            "true or false. strip = true is equivalent to strip = \"symbols\".",
            "with crate::util's contents in a file named util/mod.rs. It is not",
            "Note: When not using --target, this has a consequence",
            "the $5 million it cost; and so on and so forth;",
            "It costs $ 5 billion.",
            "China and India (the two largest) agreed [in 2023] to talk.",
            "1.1 opt-level",
            "[1] Smith, J. (2020). A study.",
            "[Page 6]",
            "[Fig \"2\"] shows it",
            "4.3.4 kind == \"struct\" || \"union\"",
            "code (like \"super::super\", or \"crate::foo\").",
            "- RFC PR: <u>rust-lang/rfcs#2959</u>",
            "- The audit report is available <u>here.</u>",
            "and the result of one step = the input of the next one;",
            ") and the rest of the sentence goes on here.",
            ")*and more",
            "The multiplication table of our second algebra is therefore mt2 = [matid(3), ma, mb]; \
             and we can create the algebra with al2 = algtableinit(mt2,0);",
            "ba = 0 and b2 = b. Watch out, even though a and b are 2 × 2 matrices, their left",
            // A capitalised name among the sentence's first words; a
            // section number of the other column run in after it.
            "All of the corresponding Items have kind = \"impl\" 4.3.5 kind == \"struct_field\"",
            "export the variable as PATH=/usr/bin before you start",
        ] {
            assert!(!strong(line), "{line:?}: {:?}", signal(line));
        }
    }

    #[test]
    fn a_statement_before_a_trailing_comment_is_strong() {
        for line in [
            "let a = 1;       // the first",
            "x = f(y);  /* scaled */",
            "mod util;  // see util.rs",
        ] {
            assert!(strong(line), "{line:?}: {:?}", signal(line));
        }
        // Words before the comment, or a URL's slashes, are no statement.
        for line in [
            "Comments start with // and run to the end of the line",
            "See https://example.org/a for the details of the format",
        ] {
            assert!(!strong(line), "{line:?}: {:?}", signal(line));
        }
    }

    #[test]
    fn only_a_sentence_opening_overrides_a_statement_end() {
        for line in [
            "let total = values of the list summed here;",
            "The value x = 3;",
            "Total = the sum of the list as computed here;",
            "print(\"Done. Now we go on with the next step here\");",
        ] {
            assert!(strong(line), "{line:?}: {:?}", signal(line));
        }
        // One letter at a time is no word of a sentence.
        let spaced = "Crc r e s u l t = 0 ;";
        assert!(!matches!(signal(spaced), Signal::Prose), "{spaced:?}");
    }

    /// A listing set with flexible columns spaces out every letter of its
    /// names: its lines read as letters, not as words of a sentence. A
    /// heading in spaced capitals and a sentence about `x` stay prose.
    #[test]
    fn letter_spaced_listings_are_no_sentences() {
        for line in [
            "r e p l i c a t e . p r i o r . Y [ i , j ] \u{2190} r e p l i c a t e . p r i o r (Y[ i , j ] )",
            "a l p h a 0 \u{2190} a l p h a . c \u{2212} xbar \u{2217} b e t a . c",
        ] {
            assert!(
                matches!(signal(line), Signal::Weak(_) | Signal::Strong(_)),
                "{line:?}: {:?}",
                signal(line)
            );
        }
        for line in [
            "C O N T E N T S of the book as printed in the first edition",
            "Let x be a point of the plane and y its image under f here.",
        ] {
            assert_eq!(signal(line), Signal::Prose, "{line:?}");
        }
    }

    #[test]
    fn a_short_lead_in_is_prose() {
        for line in [
            "Given this input:",
            "For example:",
            "The macro would expand to:",
        ] {
            assert_eq!(signal(line), Signal::Prose, "{line:?}");
        }
        // A code line with a colon is not a lead-in.
        for line in ["else:", "std::io::", "Foo::Bar::", "default: true"] {
            assert_ne!(signal(line), Signal::Prose, "{line:?}");
        }
    }

    #[test]
    fn what_fits_a_listing_after_a_lead_in() {
        let fits = |t: &str| fits_lead_in_listing(t, signal(t));
        for line in [
            "cd /home/you/mpich-installed/examples",
            "https://github.com/organizations/:org/settings/oauth_",
            "application_policy",
            "4ti2-normalform 4coins",
            "cargo new <name> && cd <name>",
            "$[count(value)]",
            "${count(x, 1)} ${count(y, 2)} = the total of x and y",
        ] {
            assert!(fits(line), "{line:?}: {:?}", signal(line));
        }
        // A capitalised name before paths, placeholders in angle brackets:
        // a table's cells, not commands.
        for line in [
            "Directory target/debug/ target/release/ target/foo/",
            "Directory target/<triple>/debug/ http://docs.example.org/a.html",
            "- a/b for the path",
            "See (the manual).",
            // The rest of a URL whose scheme ended the lead-in's line.
            "//www.acm.org/publications/proceedings-template",
            // A table's header and first row on one line, as the repaired
            // text writes the paragraph: mostly words.
            "Expression Meaning ${count(ident)} The number of times $ident repeats in total. \
             ${count(ident, depth)}",
        ] {
            assert!(!fits(line), "{line:?}: {:?}", signal(line));
        }
    }

    /// The text edition writes a paragraph on one line: a line strong once
    /// joined must be strong alone (the regions pass relies on it).
    #[test]
    fn a_line_strong_when_joined_is_strong_alone() {
        for (part, joined) in [
            ("# ;;", "word # ;;"),
            ("* ®𞠀 ®aa®ﹶ00::", "- ®𞠀 ®aa®ﹶ00:: word"),
        ] {
            assert!(strong(joined), "{joined:?}: {:?}", signal(joined));
            assert!(strong(part), "{part:?}: {:?}", signal(part));
        }
        // A `#` line of words stays a weak comment.
        assert_eq!(signal("# set up the cache"), Signal::Weak("hash-comment"));
        assert_eq!(
            signal("% (1,1), going down, and horizontal length 100."),
            Signal::Weak("percent-comment")
        );
        assert!(strong(
            "mode param(blacker , .2); % Copied from aps—conjectural."
        ));
        assert!(!strong("Prices rose by 50 % in the year to June."));
        assert_eq!(
            signal("%Affichage d'une seule carte (mode image pure ou mode tikz)"),
            Signal::Weak("percent-comment")
        );
        assert!(strong("%feature(\"director\") MyClass;"));
        assert!(strong("%% Nodes = [atom()]"));
    }
}
