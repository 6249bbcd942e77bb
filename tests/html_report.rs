//! The compare HTML report: self-contained, every input string escaped, and, where Debian's
//! `chromium` is installed (`.ci/run` installs it), rendered in a real headless browser.

use std::path::{Path, PathBuf};
use std::process::Command;

fn factdiff() -> assert_cmd::Command {
    assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("factdiff"))
}

fn outlets(event: &str) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples/outlets")
        .join(event);
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    expected["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| dir.join(f.as_str().unwrap()).display().to_string())
        .collect()
}

fn render(files: &[String], out: &Path) {
    factdiff()
        .arg("compare")
        .args(files)
        .args(["--format", "html", "-o"])
        .arg(out)
        .assert()
        .code(predicates::ord::lt(2));
}

/// Two outlets whose text carries markup and script that must come out as text.
fn hostile_pair(dir: &Path) -> Vec<String> {
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(
        &a,
        "source: Alpha <b>Wire</b>\npublished: 5 Sep 2025\n\nAt least 26 states pledged troops on Thursday, officials said. <script>document.title='HACKED'</script>\n\nThe envoy said \"<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\" was a joke.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "source: Beta & Co\npublished: 5 Sep 2025\n\nAt least 24 states pledged troops on Thursday, officials said. <script>document.title='HACKED'</script>\n\nThe envoy said \"<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\" was a joke.\n",
    )
    .unwrap();
    vec![a.display().to_string(), b.display().to_string()]
}

#[test]
fn report_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    render(&outlets("coalition-summit"), &out);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && html.contains("Content-Security-Policy"));
    assert!(!html.contains("<script"), "no script needed to read it");
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url("),
        "no external requests"
    );
    assert!(
        html.contains("id=\"cluster-") && html.contains("href=\"#cluster-"),
        "values link to their clusters"
    );
    assert!(
        html.contains("<mark class=\"conflict\">"),
        "conflicting values are highlighted"
    );
}

#[test]
fn markup_in_articles_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    render(&hostile_pair(dir.path()), &out);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>Wire</b>"));
    assert!(html.contains("&lt;script&gt;document.title=&#39;HACKED&#39;&lt;/script&gt;"));
    assert!(html.contains("Beta &amp; Co"));
}

/// The chromium binary, when the machine has one.
fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    cmd.arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
#[allow(clippy::print_stderr)] // a skipped test says why on stderr
fn chromium_renders_a_report_that_is_not_blank() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    render(&outlets("coalition-summit"), &out);
    let shot = dir.path().join("shot.png");
    let status = headless(&chromium, &dir.path().join("profile"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,1600")
        .arg(format!("file://{}", out.display()))
        .status()
        .unwrap();
    assert!(status.success(), "chromium failed: {status}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let mut colours: Vec<&[u8]> = bytes.chunks(channels).collect();
    colours.sort_unstable();
    colours.dedup();
    let dark = bytes
        .chunks(channels)
        .filter(|p| p.iter().take(3).all(|&c| c < 100))
        .count();
    assert!(
        colours.len() > 20,
        "a blank page has few colours; found {}",
        colours.len()
    );
    assert!(dark > 1000, "text pixels expected; found {dark}");
    // Keep the picture where a developer can look at it.
    let keep = std::env::temp_dir().join("factdiff-compare-report.png");
    let _ = std::fs::copy(&shot, keep);
}

#[test]
#[allow(clippy::print_stderr)] // a skipped test says why on stderr
fn chromium_runs_nothing_from_an_article() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    render(&hostile_pair(dir.path()), &out);
    let output = headless(&chromium, &dir.path().join("profile"))
        .arg("--dump-dom")
        .arg(format!("file://{}", out.display()))
        .output()
        .unwrap();
    assert!(output.status.success());
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("<title>factdiff compare</title>"),
        "the page's own title stands: {dom}"
    );
    assert!(
        !dom.contains("HACKED</title>") && !dom.contains("data-pwned=\"1\""),
        "a script ran: {dom}"
    );
    assert!(
        dom.contains("&lt;script&gt;"),
        "the script is shown as text"
    );
}
