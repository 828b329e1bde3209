//! The XMP metadata packet: the Info dictionary's values again, in the form
//! archives and PDF/A and PDF/UA validators read (Dublin Core, XMP basic,
//! PDF schema), and the file's PDF/A and PDF/UA identification.

use super::info::{Conformance, PdfMeta};
use crate::write::xml_text::xml_safe;

/// Escapes text for XML content and attribute values, dropping characters
/// XML 1.0 forbids.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A language alternative (`rdf:Alt` with `x-default`).
fn alt(tag: &str, text: &str, out: &mut String) {
    out.push_str(&format!(
        "   <{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{tag}>\n",
        esc(text)
    ));
}

/// An ordered (`Seq`) or unordered (`Bag`) list.
fn list(tag: &str, kind: &str, items: &[String], out: &mut String) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("   <{tag}><rdf:{kind}>"));
    for item in items {
        out.push_str(&format!("<rdf:li>{}</rdf:li>", esc(item)));
    }
    out.push_str(&format!("</rdf:{kind}></{tag}>\n"));
}

fn simple(tag: &str, text: &str, out: &mut String) {
    out.push_str(&format!("   <{tag}>{}</{tag}>\n", esc(text)));
}

/// The PDF/A extension schema that declares the PDF/UA identification
/// schema: PDF/A-2 accepts only properties of predefined schemas or of
/// schemas described this way (ISO 19005-2, 6.6.2.3).
const PDFUA_EXTENSION: &str = "   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType=\"Resource\">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType=\"Resource\">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 to which the file conforms</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
";

/// The identification of the standards the file claims to meet, and the
/// namespaces they need.
fn identification(claim: Conformance, body: &mut String, namespaces: &mut String) {
    if let Some(level) = claim.pdfa2 {
        namespaces.push_str("\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
        simple("pdfaid:part", "2", body);
        simple("pdfaid:conformance", &level.to_string(), body);
    }
    if claim.pdfua1 {
        namespaces.push_str("\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
        simple("pdfuaid:part", "1", body);
        if claim.pdfa2.is_some() {
            namespaces.push_str(
                "\n    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\
                 \n    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\
                 \n    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"",
            );
            body.push_str(PDFUA_EXTENSION);
        }
    }
}

/// The whole packet. No `xpacket` id is random: the begin attribute holds
/// the byte-order mark and the id is the fixed value the XMP spec gives.
pub fn packet(meta: &PdfMeta, claim: Conformance) -> String {
    let mut body = String::new();
    if !meta.title.is_empty() {
        alt("dc:title", &meta.title, &mut body);
    }
    list("dc:creator", "Seq", &meta.authors, &mut body);
    if let Some(subject) = &meta.subject {
        alt("dc:description", subject, &mut body);
    }
    list("dc:subject", "Bag", &meta.keywords, &mut body);
    list(
        "dc:language",
        "Bag",
        std::slice::from_ref(&meta.language),
        &mut body,
    );
    simple("dc:identifier", &meta.identifier, &mut body);
    if let Some(date) = &meta.date {
        list("dc:date", "Seq", std::slice::from_ref(date), &mut body);
    }
    if let Some(publisher) = &meta.publisher {
        list(
            "dc:publisher",
            "Bag",
            std::slice::from_ref(publisher),
            &mut body,
        );
    }
    if let Some(rights) = &meta.rights {
        alt("dc:rights", rights, &mut body);
    }
    simple("dc:format", "application/pdf", &mut body);
    let stamp = meta.xmp_date();
    simple("xmp:CreateDate", &stamp, &mut body);
    simple("xmp:ModifyDate", &stamp, &mut body);
    simple("xmp:MetadataDate", &stamp, &mut body);
    simple("xmp:CreatorTool", "Recto", &mut body);
    simple("pdf:Producer", "Recto", &mut body);
    if !meta.keywords.is_empty() {
        simple("pdf:Keywords", &meta.keyword_line(), &mut body);
    }
    let mut namespaces = String::new();
    identification(claim, &mut body, &mut namespaces);
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\"\n\
         \x20   xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
         \x20   xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
         \x20   xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"{namespaces}>\n\
         {body}\
         </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_are_an_ordered_sequence_and_text_is_escaped() {
        let meta = PdfMeta {
            title: "Rivers & <Roads>".into(),
            authors: vec!["B. One".into(), "A. Two".into()],
            language: "en".into(),
            identifier: "urn:x".into(),
            ..Default::default()
        };
        let xmp = packet(&meta, Conformance::default());
        assert!(xmp.contains("Rivers &amp; &lt;Roads&gt;"));
        assert!(xmp.contains("<rdf:Seq><rdf:li>B. One</rdf:li><rdf:li>A. Two</rdf:li></rdf:Seq>"));
        assert!(
            !xmp.contains("dc:date"),
            "no date unless the document has one"
        );
        assert!(!xmp.contains("pdfaid") && !xmp.contains("pdfuaid"));
    }

    #[test]
    fn claims_declare_their_schemas() {
        let meta = PdfMeta {
            title: "T".into(),
            language: "en".into(),
            identifier: "urn:x".into(),
            ..Default::default()
        };
        let claim = Conformance {
            pdfa2: Some('U'),
            pdfua1: true,
        };
        let xmp = packet(&meta, claim);
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(xmp.contains("<pdfaid:conformance>U</pdfaid:conformance>"));
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
        assert!(xmp.contains("xmlns:pdfaProperty="));
        // PDF/UA alone needs no PDF/A extension schema.
        let ua = packet(
            &meta,
            Conformance {
                pdfa2: None,
                pdfua1: true,
            },
        );
        assert!(ua.contains("pdfuaid:part") && !ua.contains("pdfaExtension"));
    }
}
