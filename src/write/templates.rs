//! Templates: the style files a user changes without recompiling, found in
//! a template directory or built in, merged over the built-in defaults key
//! by key, and checked before any document is read.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Style files a user can change without recompiling. Each writer names the
/// file it wants relative to the template directory and passes its built-in
/// copy; the user's file wins when it exists.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    dir: Option<PathBuf>,
}

impl Templates {
    /// Templates from `dir`, falling back to the built-in copies.
    pub fn from_dir(dir: impl Into<PathBuf>) -> Templates {
        Templates {
            dir: Some(dir.into()),
        }
    }

    /// Built-in templates only.
    pub fn builtin() -> Templates {
        Templates { dir: None }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The template at `relative` (such as `epub/style.css`): the user's copy
    /// when the directory has one, else `builtin`.
    pub fn get(&self, relative: &str, builtin: &'static str) -> Result<Cow<'static, str>> {
        Ok(match self.user_file(relative)? {
            Some((_, text)) => Cow::Owned(text),
            None => Cow::Borrowed(builtin),
        })
    }

    /// The user's copy of the template at `relative`, with its path, when
    /// the template directory has one. Only plain relative paths below the
    /// template directory are read; templates are data, never code.
    pub fn user_file(&self, relative: &str) -> Result<Option<(PathBuf, String)>> {
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        let rel = Path::new(relative);
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            return Err(Error::Usage(format!(
                "template path `{relative}` must stay inside the template directory"
            )));
        }
        let path = dir.join(rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let root = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
                let real = path.canonicalize().map_err(|e| Error::io(&path, e))?;
                if !real.starts_with(&root) {
                    return Err(Error::Usage(format!(
                        "{}: template links outside the template directory {}",
                        path.display(),
                        root.display()
                    )));
                }
                Ok(Some((path, text)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// A fingerprint of the templates in use, for incremental rebuilds.
    pub fn fingerprint(&self) -> String {
        let Some(dir) = &self.dir else {
            return "builtin".into();
        };
        let mut files = Vec::new();
        collect_files(dir, &mut files);
        files.sort();
        let mut out = String::new();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f) {
                out.push_str(&format!(
                    "{}:{};",
                    f.display(),
                    crate::hash::hex_digest(&bytes)
                ));
            }
        }
        out
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect_files(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// A user's TOML template merged over the built-in one, key by key: what
/// the user's file does not set keeps its built-in value. A key the
/// built-in file does not have, or a value of another type, is an error
/// naming the user's file and line.
pub fn merge_toml(builtin: &str, user: &str, path: &Path) -> Result<String> {
    let mut base: toml::Table = toml::from_str(builtin).expect("the built-in template is valid");
    let theirs: toml::Table = toml::from_str(user).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            1 + user[..s.start.min(user.len())].matches('\n').count()
        });
        Error::Usage(format!("{}:{line}: {}", path.display(), e.message().trim()))
    })?;
    merge_table(&mut base, theirs, "", user, path)?;
    Ok(toml::to_string(&base).expect("a TOML table serializes"))
}

fn merge_table(
    base: &mut toml::Table,
    theirs: toml::Table,
    prefix: &str,
    text: &str,
    path: &Path,
) -> Result<()> {
    for (key, value) in theirs {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        // Only an error names the line: finding it reads the whole file.
        let line = || line_of_key(text, &name);
        let Some(slot) = base.get_mut(&key) else {
            let known: Vec<&str> = base.keys().map(String::as_str).collect();
            return Err(Error::Usage(format!(
                "{}:{}: unknown key `{name}`; {} has: {}",
                path.display(),
                line(),
                if prefix.is_empty() {
                    "the file".to_string()
                } else {
                    format!("[{prefix}]")
                },
                known.join(", ")
            )));
        };
        match (slot, value) {
            (toml::Value::Table(mine), toml::Value::Table(t)) => {
                merge_table(mine, t, &name, text, path)?
            }
            // A whole number where the default is a length is that length.
            (slot @ toml::Value::Float(_), toml::Value::Integer(i)) => {
                *slot = toml::Value::Float(i as f64)
            }
            (slot, value) if slot.same_type(&value) => *slot = value,
            (slot, value) => {
                return Err(Error::Usage(format!(
                    "{}:{}: `{name}` is {}, but must be {} (the default is {slot})",
                    path.display(),
                    line(),
                    value.type_str(),
                    slot.type_str()
                )));
            }
        }
    }
    Ok(())
}

/// The line of `a.b.key` in a TOML text: the `key =` line under the `[a.b]`
/// header (or the header `[a.b.key]` itself); 1 when not found.
fn line_of_key(text: &str, name: &str) -> usize {
    let (table, key) = name.rsplit_once('.').unwrap_or(("", name));
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(header) = t.strip_prefix('[') {
            current = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .replace(' ', "");
            if current == name {
                return i + 1;
            }
        } else if current == table
            && t.split('=')
                .next()
                .is_some_and(|k| k.trim().trim_matches('"') == key)
            && t.contains('=')
        {
            return i + 1;
        }
    }
    1
}

/// Checks that every `{name}` in a text template is one of `known`: an
/// unknown placeholder (a typo such as `{titel}`) is an error naming the
/// file and line, not text printed as it is. Lines starting with `#` are
/// comments.
pub fn check_placeholders(template: &str, known: &[&str], path: &Path) -> Result<()> {
    for (i, line) in template.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut rest = line;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            if !known.contains(&name) {
                let list: Vec<String> = known.iter().map(|k| format!("{{{k}}}")).collect();
                return Err(Error::Usage(format!(
                    "{}:{}: unknown placeholder {{{name}}}; the placeholders are {}",
                    path.display(),
                    i + 1,
                    list.join(" ")
                )));
            }
            rest = &after[close + 1..];
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILTIN: &str = "[paper.a4]\nwidth = 595.0\n[body]\nsize = 10.8\nhyphenate = true\n";

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let merged = merge_toml(BUILTIN, "[body]\nsize = 11\n", Path::new("s.toml")).unwrap();
        let t: toml::Table = toml::from_str(&merged).unwrap();
        assert_eq!(t["body"]["size"].as_float(), Some(11.0));
        assert_eq!(t["body"]["hyphenate"].as_bool(), Some(true));
        assert_eq!(t["paper"]["a4"]["width"].as_float(), Some(595.0));
    }

    #[test]
    fn unknown_keys_and_wrong_types_name_file_and_line() {
        let p = Path::new("t/pdf/style.toml");
        let e = merge_toml(BUILTIN, "# c\n[body]\nsiz = 11\n", p)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t/pdf/style.toml:3: unknown key `body.siz`"),
            "{e}"
        );
        let e = merge_toml(BUILTIN, "[body]\nhyphenate = \"yes\"\n", p)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t/pdf/style.toml:2:") && e.contains("boolean"),
            "{e}"
        );
        let e = merge_toml(BUILTIN, "[paper.a5]\nwidth = 1.0\n", p)
            .unwrap_err()
            .to_string();
        assert!(e.contains(":1: unknown key `paper.a5`"), "{e}");
    }

    #[test]
    fn unknown_placeholders_name_file_and_line() {
        let p = Path::new("h.txt");
        assert!(check_placeholders("# {x}\nTitle: {title}\n", &["title"], p).is_ok());
        let e = check_placeholders("Title: {title}\nT: {titel}\n", &["title"], p)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("h.txt:2: unknown placeholder {titel}"), "{e}");
    }
}
