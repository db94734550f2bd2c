//! The HTML document inside a package: one self-contained page, Japanese, printable, with no
//! script and nothing fetched from anywhere (its own Content-Security-Policy forbids both, so a
//! text that somehow escaped escaping still could not run or call out).

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

const STYLE: &str = "\
@page{size:A4;margin:20mm 18mm}\
body{font-family:'IPAexMincho','Noto Serif CJK JP','Hiragino Mincho ProN','Yu Mincho',serif;\
line-height:1.8;color:#111;max-width:44em;margin:2em auto;padding:0 1em;line-break:strict}\
h1,h2,h3{font-family:'IPAexGothic','Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;\
font-weight:600}\
h1{font-size:1.5em;border-bottom:2px solid #111;padding-bottom:.2em}\
h2{font-size:1.15em;border-left:4px solid #555;padding-left:.5em;margin-top:1.6em}\
h3{font-size:1em;margin:1em 0 .2em}\
p{margin:.3em 0}\
.notice{border:1px solid #111;display:inline-block;padding:0 .6em;font-weight:600}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dt{font-weight:600}dd{margin:0}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.3em .5em;\
text-align:left;vertical-align:top}th{background:#eee}\
.muted{color:#555}\
figure{margin:1em 0}figcaption{font-size:.85em;color:#555}svg{max-width:100%;height:auto}";

/// A page being written: headings, paragraphs, tables and lists, every text escaped.
pub(crate) struct Page {
    title: String,
    body: String,
}

impl Page {
    pub(crate) fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            body: String::new(),
        }
    }

    pub(crate) fn notice(&mut self, text: &str) {
        self.body
            .push_str(&format!("<p class=\"notice\">{}</p>\n", escape(text)));
    }

    pub(crate) fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 3);
        self.body
            .push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
    }

    /// Free text: a paragraph per blank-line-separated block, line breaks kept.
    pub(crate) fn text(&mut self, text: &str) {
        for block in text.split("\n\n").filter(|block| !block.trim().is_empty()) {
            let lines: Vec<String> = block.trim_matches('\n').lines().map(escape).collect();
            self.body
                .push_str(&format!("<p>{}</p>\n", lines.join("<br>")));
        }
    }

    pub(crate) fn muted(&mut self, text: &str) {
        self.body
            .push_str(&format!("<p class=\"muted\">{}</p>\n", escape(text)));
    }

    pub(crate) fn facts(&mut self, pairs: &[(&str, String)]) {
        self.body.push_str("<dl>\n");
        for (term, value) in pairs {
            self.body.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>\n",
                escape(term),
                escape(value)
            ));
        }
        self.body.push_str("</dl>\n");
    }

    pub(crate) fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        self.body.push_str("<table>\n<thead><tr>");
        for cell in header {
            self.body.push_str(&format!("<th>{}</th>", escape(cell)));
        }
        self.body.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.body.push_str("<tr>");
            for cell in row {
                let lines: Vec<String> = cell.lines().map(escape).collect();
                self.body
                    .push_str(&format!("<td>{}</td>", lines.join("<br>")));
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</tbody>\n</table>\n");
    }

    /// A figure drawn by Kizuki itself: markup whose every text was escaped where it was
    /// drawn (a chart), with a caption.
    pub(crate) fn figure(&mut self, drawn: &str, caption: &str) {
        self.body.push_str(&format!(
            "<figure>\n{drawn}<figcaption>{}</figcaption>\n</figure>\n",
            escape(caption)
        ));
    }

    pub(crate) fn finish(self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n\
             <body>\n{}</body>\n</html>\n",
            escape(&self.title),
            self.body
        )
    }
}
