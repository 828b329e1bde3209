//! A real browser for the HTML pages (the HTML edition, the review page):
//! headless Chromium loads a page with its own scripts, a test may append
//! one script of its own to a copy of the page, and the rendered DOM is read
//! back. axe-core (npm `axe-core`) runs inside the page; the Nu HTML checker
//! (npm `vnu-jar`, run with Java) validates the markup. Each helper returns
//! `None` (after [`super::skip`]) when its tool is missing.
//!
//! Tools are found through `RECTO_CHROMIUM`, `RECTO_AXE_CORE` (the path of
//! `axe.min.js`) and `RECTO_VNU_JAR`, else `chromium` on the path and the
//! global npm packages (`npm root -g`). Nothing is fetched at test time.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{run, skip};

/// The Chromium binary, or `None` (skipped) when there is none.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RECTO_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        let (ok, out, _) = run(Command::new("sh").args(["-c", &format!("command -v {name}")]));
        if ok {
            return Some(PathBuf::from(out.trim()));
        }
    }
    skip("chromium is not installed: the pages are not checked in a browser");
    None
}

/// A file of a global npm package, or `None` (skipped).
fn npm_file(env: &str, package: &str, file: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p));
    }
    let root = Command::new("npm")
        .args(["root", "-g"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let path = root
        .map(|r| r.join(package).join(file))
        .filter(|p| p.is_file());
    if path.is_none() {
        skip(&format!(
            "npm package {package} is not installed (or set {env}): not checked"
        ));
    }
    path
}

/// Where screenshots are kept for a person to look at: `target/tmp/screenshots`.
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A headless Chromium command with a fresh profile (dropped with the
/// returned directory) and no network.
fn chromium_command(chromium: &Path) -> (Command, tempfile::TempDir) {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--hide-scrollbars",
        // Scripts that wait on timers or promises finish before the DOM is read.
        "--virtual-time-budget=20000",
    ]);
    // No profile from the user, no network.
    let profile = tempfile::tempdir().unwrap();
    cmd.arg(format!("--user-data-dir={}", profile.path().display()));
    cmd.arg("--proxy-server=127.0.0.1:9");
    (cmd, profile)
}

/// The page after its scripts ran, and after `script` (appended at the end of
/// the body) ran. A script reports a value by calling
/// `__rectoReport(value)`; the value comes back as JSON text.
pub fn run_in_page(html: &str, script: &str) -> Option<String> {
    let chromium = chromium()?;
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("page.html");
    let harness = format!(
        "<script>window.__rectoReport = function (v) {{ var p = document.createElement('pre'); \
         p.id = 'recto-test-result'; p.textContent = encodeURIComponent(JSON.stringify(v)); \
         document.body.appendChild(p); }};</script><script>{}</script>",
        script.replace("</", "<\\/")
    );
    let at = html.rfind("</body>").expect("the page has a </body>");
    std::fs::write(&page, format!("{}{harness}{}", &html[..at], &html[at..])).unwrap();
    let (mut cmd, _profile) = chromium_command(&chromium);
    let (ok, dom, err) = run(cmd
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display())));
    assert!(ok, "chromium failed: {err}");
    let start = dom
        .find("<pre id=\"recto-test-result\">")
        .unwrap_or_else(|| panic!("the test script reported nothing; chromium said: {err}"));
    let text = &dom[start + "<pre id=\"recto-test-result\">".len()..];
    let text = &text[..text.find("</pre>").unwrap()];
    Some(percent_decode(text))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The accessibility violations axe-core finds in the rendered page, as
/// `rule (impact): targets` lines; empty when there are none.
pub fn axe_violations(html: &str) -> Option<Vec<String>> {
    let axe = npm_file("RECTO_AXE_CORE", "axe-core", "axe.min.js")?;
    chromium()?;
    let source = std::fs::read_to_string(&axe).unwrap();
    let script = format!(
        "{source}\n;axe.run(document, {{ resultTypes: ['violations'] }}).then(function (r) {{ \
         __rectoReport(r.violations.map(function (v) {{ return v.id + ' (' + v.impact + '): ' + \
         v.nodes.slice(0, 5).map(function (n) {{ return n.target.join(' '); }}).join(', '); }})); }}, \
         function (e) {{ __rectoReport(['axe failed: ' + e]); }});"
    );
    let json = run_in_page(html, &script)?;
    Some(serde_json::from_str(&json).unwrap())
}

/// What the Nu HTML checker finds wrong in the HTML file (errors only;
/// empty when valid).
pub fn vnu_errors(file: &Path) -> Option<String> {
    let jar = npm_file("RECTO_VNU_JAR", "vnu-jar", "build/dist/vnu.jar")?;
    if !super::have("java", "HTML validity (the Nu checker)") {
        return None;
    }
    let (ok, out, err) = run(Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--errors-only")
        .arg(file));
    Some(if ok {
        String::new()
    } else {
        format!("{out}{err}")
    })
}

/// Saves a screenshot of the page at `file` as `name.png` in
/// [`screenshot_dir`] and returns its path.
pub fn screenshot(file: &Path, name: &str, width: u32, height: u32) -> Option<PathBuf> {
    let chromium = chromium()?;
    let png = screenshot_dir().join(format!("{name}.png"));
    let (mut cmd, _profile) = chromium_command(&chromium);
    let (ok, _, err) = run(cmd
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", file.display())));
    assert!(ok && png.is_file(), "no screenshot: {err}");
    eprintln!("screenshot: {}", png.display());
    Some(png)
}
