//! The page template: `{{name}}` placeholders filled in one pass, so that
//! text of the document that looks like a placeholder stays text.

use crate::error::{Error, Result};

/// What the placeholders stand for, every value already HTML.
pub struct Values<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub metadata: &'a str,
    pub style: &'a str,
    pub front: &'a str,
    pub toc: &'a str,
    pub body: &'a str,
}

const NAMES: &str = "lang, title, metadata, style, front, toc, body";

impl Values<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        Some(match name {
            "lang" => self.lang,
            "title" => self.title,
            "metadata" => self.metadata,
            "style" => self.style,
            "front" => self.front,
            "toc" => self.toc,
            "body" => self.body,
            _ => return None,
        })
    }
}

/// `template` with its placeholders filled. A template without `{{body}}`
/// would publish a page without the document, and an unknown placeholder
/// is a typing error: both are refused, naming the template file.
pub fn fill(template: &str, file: &str, values: &Values<'_>) -> Result<String> {
    let mut out = String::with_capacity(template.len() + values.body.len() + values.style.len());
    let mut rest = template;
    let mut has_body = false;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err(Error::Usage(format!(
                "template {file}: a `{{{{` is not closed by `}}}}`"
            )));
        };
        let name = after[..close].trim();
        has_body |= name == "body";
        let value = values.get(name).ok_or_else(|| {
            Error::Usage(format!(
                "template {file}: unknown placeholder {{{{{name}}}}}; the placeholders are {NAMES}"
            ))
        })?;
        out.push_str(value);
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    if !has_body {
        return Err(Error::Usage(format!(
            "template {file} has no {{{{body}}}} placeholder: the page would not show the document"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(body: &str) -> Values<'_> {
        Values {
            lang: "en",
            title: "T",
            metadata: "",
            style: "",
            front: "",
            toc: "",
            body,
        }
    }

    #[test]
    fn placeholders_fill_once() {
        let page = fill(
            "<html lang=\"{{lang}}\">{{ body }}</html>",
            "t",
            &values("{{title}}"),
        );
        assert_eq!(page.unwrap(), "<html lang=\"en\">{{title}}</html>");
    }

    #[test]
    fn bad_templates_are_refused() {
        let no_body = fill("<p>{{title}}</p>", "page.html", &values("x")).unwrap_err();
        assert!(no_body.to_string().contains("page.html"), "{no_body}");
        let unknown = fill("{{body}}{{author}}", "page.html", &values("x")).unwrap_err();
        assert!(unknown.to_string().contains("{{author}}"), "{unknown}");
        assert!(fill("{{body}}{{", "page.html", &values("x")).is_err());
    }
}
