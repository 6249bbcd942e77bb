//! Reports of `factdiff compare`: terminal, JSON (`"command": "compare"`), Markdown for a
//! fact-checker's document or a pull request, and a self-contained HTML page (inline CSS, no
//! script, no external request) with the sources side by side and every conflicting value
//! highlighted and linked to its cluster. Every string from an input is escaped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::markdown::md;
use super::{Summary, clip as short, shown};
use crate::compare::{Cluster, Comparison};
use crate::model::{Analysis, ClaimKind, Finding, FindingKind, Side};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const YELLOW: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)))
    .bold();

const NOT_DENIAL: &str = "A source that does not mention a fact has omitted it, not denied it.";

fn label<'a>(c: &'a Comparison, doc: &'a str) -> &'a str {
    c.sources
        .iter()
        .find(|s| s.doc == doc)
        .map_or(doc, |s| s.label.as_str())
}

fn disagreeing(c: &Comparison) -> impl Iterator<Item = &Cluster> {
    c.clusters.iter().filter(|cl| !cl.agree)
}

fn omitted(c: &Comparison) -> impl Iterator<Item = &Finding> {
    c.findings.iter().filter(|f| f.kind == FindingKind::Omitted)
}

fn facet_of(cluster: &Cluster, c: &Comparison) -> String {
    let mut facets: Vec<&str> = c
        .findings
        .iter()
        .filter(|f| f.cluster == Some(cluster.id))
        .filter_map(|f| f.facet.map(|x| x.as_str()))
        .collect();
    facets.sort_unstable();
    facets.dedup();
    facets.join(", ")
}

fn headline(c: &Comparison) -> String {
    let labels: Vec<&str> = c.sources.iter().map(|s| s.label.as_str()).collect();
    format!(
        "{} sources ({}): {}",
        c.sources.len(),
        labels.join(", "),
        Summary::of(&c.findings).line()
    )
}

/// The terminal report: a summary, each disagreement with every source's value, then the
/// facts only some sources carry.
pub fn render_terminal(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{BOLD}compare{BOLD:#}: {}", headline(c))?;
    let width = c
        .sources
        .iter()
        .map(|s| s.label.chars().count())
        .max()
        .unwrap_or(0);
    for cluster in disagreeing(c) {
        writeln!(out)?;
        write!(
            out,
            "{YELLOW}conflict {}{YELLOW:#}  cluster {}",
            facet_of(cluster, c),
            cluster.id
        )?;
        if let Some(subject) = &cluster.subject {
            write!(out, "  {DIM}[{subject}]{DIM:#}")?;
        }
        writeln!(out)?;
        if let Some(consensus) = &cluster.consensus {
            let outliers: Vec<&str> = cluster.outliers.iter().map(|d| label(c, d)).collect();
            writeln!(
                out,
                "  consensus {consensus}; outlier: {}",
                outliers.join(", ")
            )?;
        }
        for (m, who) in cluster.members.iter().zip(&cluster.speakers) {
            let style = if cluster.outliers.contains(&m.doc) {
                RED
            } else {
                Style::new()
            };
            let value = match who {
                Some(who) => format!("{who}: {}", shown(m)),
                None => shown(m),
            };
            writeln!(
                out,
                "  {style}{:width$}  {}{style:#}  {DIM}{}:{}:{}{DIM:#}  {}",
                label(c, &m.doc),
                value,
                m.doc,
                m.line,
                m.col,
                m.text
            )?;
        }
        if !cluster.missing.is_empty() {
            let missing: Vec<&str> = cluster.missing.iter().map(|d| label(c, d)).collect();
            writeln!(out, "  {DIM}not stated by: {}{DIM:#}", missing.join(", "))?;
        }
    }
    let omissions: Vec<&Finding> = omitted(c).collect();
    if !omissions.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{BOLD}only some sources report{BOLD:#}  {DIM}({NOT_DENIAL}){DIM:#}"
        )?;
        for f in omissions {
            let side = &f.sides[0];
            let missing: Vec<&str> = f.missing.iter().map(|d| label(c, d)).collect();
            writeln!(
                out,
                "  {}  {DIM}{}:{}:{}{DIM:#}  {}",
                label(c, &side.doc),
                side.doc,
                side.line,
                side.col,
                side.text
            )?;
            writeln!(
                out,
                "    {DIM}not mentioned by: {}{DIM:#}",
                missing.join(", ")
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonCompare<'a> {
    schema: &'static str,
    command: &'static str,
    documents: Vec<JsonSource<'a>>,
    summary: Summary,
    findings: &'a [Finding],
    clusters: Vec<JsonCluster<'a>>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    doc: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonCluster<'a> {
    id: usize,
    kind: ClaimKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: &'a Option<String>,
    agree: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    consensus: &'a Option<String>,
    outliers: &'a [String],
    missing: &'a [String],
    members: &'a [Side],
    /// For quotes: the speaker each member names, in member order.
    #[serde(skip_serializing_if = "no_speakers")]
    speakers: &'a [Option<String>],
}

fn no_speakers(s: &&[Option<String>]) -> bool {
    s.iter().all(Option::is_none)
}

/// The JSON report, same schema family as `diff`: `findings` (conflicts pairwise, `omitted`
/// with the sources that lack the fact in `missing`) plus `clusters` with every source's value.
pub fn render_json(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let doc = JsonCompare {
        schema: super::json::SCHEMA,
        command: "compare",
        documents: c
            .sources
            .iter()
            .map(|s| JsonSource {
                doc: &s.doc,
                source: &s.label,
            })
            .collect(),
        summary: Summary::of(&c.findings),
        findings: &c.findings,
        clusters: c
            .clusters
            .iter()
            .map(|cl| JsonCluster {
                id: cl.id,
                kind: cl.kind,
                subject: &cl.subject,
                agree: cl.agree,
                consensus: &cl.consensus,
                outliers: &cl.outliers,
                missing: &cl.missing,
                members: &cl.members,
                speakers: &cl.speakers,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// The Markdown report: a summary table of conflicts, then each disagreement with the sources'
/// sentences, then what only some sources report.
pub fn render_markdown(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# factdiff compare\n")?;
    writeln!(out, "{}\n", md(&headline(c)))?;
    let clusters: Vec<&Cluster> = disagreeing(c).collect();
    if clusters.is_empty() {
        writeln!(
            out,
            "No conflicts: where the sources state the same fact, they agree.\n"
        )?;
    } else {
        writeln!(out, "| # | facet | fact | values | outliers |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for cl in &clusters {
            let values: Vec<String> = cl
                .members
                .iter()
                .zip(&cl.speakers)
                .map(|(m, who)| match who {
                    Some(who) => format!(
                        "{}: {} “{}”",
                        md(label(c, &m.doc)),
                        md(who),
                        md(&short(&m.value, 50))
                    ),
                    None => format!("{}: {}", md(label(c, &m.doc)), md(&short(&m.value, 60))),
                })
                .collect();
            let outliers: Vec<String> = cl.outliers.iter().map(|d| md(label(c, d))).collect();
            writeln!(
                out,
                "| [{id}](#cluster-{id}) | {} | {} | {} | {} |",
                facet_of(cl, c),
                md(cl.subject.as_deref().unwrap_or("")),
                values.join("<br>"),
                outliers.join(", "),
                id = cl.id
            )?;
        }
        writeln!(out)?;
        for cl in &clusters {
            writeln!(
                out,
                "<a id=\"cluster-{}\"></a>\n### Cluster {}: {}{}\n",
                cl.id,
                cl.id,
                facet_of(cl, c),
                cl.subject
                    .as_deref()
                    .map(|s| format!(" ({})", md(s)))
                    .unwrap_or_default()
            )?;
            if let Some(consensus) = &cl.consensus {
                writeln!(
                    out,
                    "Consensus **{}**; outliers: {}.\n",
                    md(consensus),
                    cl.outliers
                        .iter()
                        .map(|d| md(label(c, d)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            for m in &cl.members {
                writeln!(
                    out,
                    "- **{}** (`{}:{}`): **{}** — {}",
                    md(label(c, &m.doc)),
                    md(&m.doc).replace("\\`", "'"),
                    m.line,
                    md(&short(&m.value, 120)),
                    md(&m.text)
                )?;
            }
            if !cl.missing.is_empty() {
                writeln!(
                    out,
                    "- Not stated by: {}",
                    cl.missing
                        .iter()
                        .map(|d| md(label(c, d)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            writeln!(out)?;
        }
    }
    let omissions: Vec<&Finding> = omitted(c).collect();
    if !omissions.is_empty() {
        writeln!(out, "## Only some sources report\n")?;
        writeln!(out, "_{NOT_DENIAL}_\n")?;
        for f in omissions {
            let side = &f.sides[0];
            let missing: Vec<String> = f.missing.iter().map(|d| md(label(c, d))).collect();
            writeln!(
                out,
                "- **{}** (`{}:{}`): {} — not mentioned by {}",
                md(label(c, &side.doc)),
                md(&side.doc).replace("\\`", "'"),
                side.line,
                md(&side.text),
                missing.join(", ")
            )?;
        }
    }
    Ok(())
}

/// Escapes text for HTML content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

const CSS: &str = "body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#1d1d1f;background:#fff}h1{font-size:22px;margin:0 0 4px}p.lead{color:#555;margin:0 0 16px}table{border-collapse:collapse;margin:8px 0 24px;width:100%}th,td{border:1px solid #d0d0d7;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f2f2f6}td.out{color:#b00020;font-weight:600}.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px}.source{border:1px solid #d0d0d7;border-radius:6px;padding:10px 12px}.source h2{font-size:16px;margin:0 0 2px}.source .doc{color:#666;font-size:12px;margin-bottom:8px}.source p{margin:0 0 8px}mark.conflict{background:#ffd7d7;padding:0 2px;border-radius:2px}mark.omitted{background:#fff3bf;padding:0 2px;border-radius:2px}mark a{color:inherit;text-decoration:none}section.cluster{border-left:4px solid #b00020;padding:2px 12px;margin:12px 0}section.cluster h3{font-size:15px;margin:4px 0}.note{color:#555;font-style:italic}";

/// The self-contained HTML report: summary table, the sources side by side with conflicting
/// values highlighted and linked to their clusters, then each cluster and the omissions.
pub fn render_html(c: &Comparison, analyses: &[Analysis], out: &mut dyn Write) -> io::Result<()> {
    let mut page = String::new();
    let e = html_escape;
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>factdiff compare</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>factdiff compare</h1>\n<p class=\"lead\">{}</p>\n",
        e(&headline(c))
    );
    // Summary table.
    let clusters: Vec<&Cluster> = disagreeing(c).collect();
    if clusters.is_empty() {
        page.push_str("<p>No conflicts: where the sources state the same fact, they agree.</p>\n");
    } else {
        page.push_str("<table>\n<thead><tr><th>#</th><th>facet</th><th>fact</th>");
        for s in &c.sources {
            let _ = write!(page, "<th>{}</th>", e(&s.label));
        }
        page.push_str("</tr></thead>\n<tbody>\n");
        for cl in &clusters {
            let _ = write!(
                page,
                "<tr><td><a href=\"#cluster-{id}\">{id}</a></td><td>{}</td><td>{}</td>",
                e(&facet_of(cl, c)),
                e(cl.subject.as_deref().unwrap_or("")),
                id = cl.id
            );
            for s in &c.sources {
                let value = cl
                    .members
                    .iter()
                    .zip(&cl.speakers)
                    .find(|(m, _)| m.doc == s.doc)
                    .map(|(m, who)| match who {
                        Some(who) => format!("{who}: “{}”", short(&m.value, 70)),
                        None => short(&m.value, 80),
                    });
                let class = if cl.outliers.contains(&s.doc) {
                    " class=\"out\""
                } else {
                    ""
                };
                let _ = write!(
                    page,
                    "<td{class}>{}</td>",
                    e(value.as_deref().unwrap_or("—"))
                );
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody>\n</table>\n");
    }
    // Sources side by side.
    let mut marks: BTreeMap<(String, u32, u32), (usize, &'static str)> = BTreeMap::new();
    for cl in &clusters {
        for m in &cl.members {
            marks.insert((m.doc.clone(), m.line, m.col), (cl.id, "conflict"));
        }
    }
    for f in omitted(c) {
        let s = &f.sides[0];
        marks
            .entry((s.doc.clone(), s.line, s.col))
            .or_insert((0, "omitted"));
    }
    page.push_str("<h2>Sources</h2>\n<div class=\"sources\">\n");
    for (source, a) in c.sources.iter().zip(analyses) {
        let _ = writeln!(
            page,
            "<div class=\"source\"><h2>{}</h2><div class=\"doc\">{}</div>",
            e(&source.label),
            e(&source.doc)
        );
        let mut paragraph = usize::MAX;
        for (i, sentence) in a.sentences.iter().enumerate() {
            if sentence.paragraph != paragraph {
                if paragraph != usize::MAX {
                    page.push_str("</p>\n");
                }
                page.push_str("<p>");
                paragraph = sentence.paragraph;
            } else {
                page.push(' ');
            }
            page.push_str(&highlight_sentence(a, i, &marks));
        }
        if paragraph != usize::MAX {
            page.push_str("</p>\n");
        }
        page.push_str("</div>\n");
    }
    page.push_str("</div>\n");
    // Clusters.
    for cl in &clusters {
        let _ = writeln!(
            page,
            "<section class=\"cluster\" id=\"cluster-{}\"><h3>Cluster {}: {}{}</h3>",
            cl.id,
            cl.id,
            e(&facet_of(cl, c)),
            cl.subject
                .as_deref()
                .map(|s| format!(" ({})", e(s)))
                .unwrap_or_default()
        );
        if let Some(consensus) = &cl.consensus {
            let outliers: Vec<String> = cl.outliers.iter().map(|d| e(label(c, d))).collect();
            let _ = writeln!(
                page,
                "<p>Consensus <b>{}</b>; outliers: {}.</p>",
                e(consensus),
                outliers.join(", ")
            );
        }
        page.push_str("<ul>\n");
        for m in &cl.members {
            let _ = writeln!(
                page,
                "<li><b>{}</b> <code>{}:{}</code>: <mark class=\"conflict\">{}</mark> — {}</li>",
                e(label(c, &m.doc)),
                e(&m.doc),
                m.line,
                e(&short(&m.value, 160)),
                e(&m.text)
            );
        }
        if !cl.missing.is_empty() {
            let missing: Vec<String> = cl.missing.iter().map(|d| e(label(c, d))).collect();
            let _ = writeln!(
                page,
                "<li class=\"note\">Not stated by: {}</li>",
                missing.join(", ")
            );
        }
        page.push_str("</ul></section>\n");
    }
    let omissions: Vec<&Finding> = omitted(c).collect();
    if !omissions.is_empty() {
        let _ = writeln!(
            page,
            "<h2>Only some sources report</h2>\n<p class=\"note\">{}</p>\n<ul>",
            e(NOT_DENIAL)
        );
        for f in omissions {
            let s = &f.sides[0];
            let missing: Vec<String> = f.missing.iter().map(|d| e(label(c, d))).collect();
            let _ = writeln!(
                page,
                "<li><b>{}</b> <code>{}:{}</code>: {} <span class=\"note\">— not mentioned by {}</span></li>",
                e(label(c, &s.doc)),
                e(&s.doc),
                s.line,
                e(&s.text),
                missing.join(", ")
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// A sentence as HTML, with the claims that are in a disagreement (or omitted) marked.
fn highlight_sentence(
    a: &Analysis,
    index: usize,
    marks: &BTreeMap<(String, u32, u32), (usize, &'static str)>,
) -> String {
    let sentence = &a.sentences[index];
    let text = &a.doc.text[sentence.span.clone()];
    let mut spans: Vec<(usize, usize, usize, &str)> = Vec::new();
    for claim in a.claims_of(index) {
        let (line, col) = a.doc.position(claim.span.start);
        if let Some(&(id, class)) = marks.get(&(a.doc.name.clone(), line, col)) {
            let start = claim.span.start.saturating_sub(sentence.span.start);
            let end = (claim.span.end.saturating_sub(sentence.span.start)).min(text.len());
            if start < end && spans.last().is_none_or(|last| last.1 <= start) {
                spans.push((start, end, id, class));
            }
        }
    }
    let mut out = String::new();
    let mut pos = 0;
    for (start, end, id, class) in spans {
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&html_escape(&text[pos..start]));
        if id > 0 {
            let _ = write!(
                out,
                "<mark class=\"{class}\"><a href=\"#cluster-{id}\">{}</a></mark>",
                html_escape(&text[start..end])
            );
        } else {
            let _ = write!(
                out,
                "<mark class=\"{class}\">{}</mark>",
                html_escape(&text[start..end])
            );
        }
        pos = end;
    }
    out.push_str(&html_escape(&text[pos..]));
    crate::segment::collapse_whitespace(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            html_escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(md("a|b `c` [d]"), "a\\|b \\`c\\` \\[d\\]");
    }
}
