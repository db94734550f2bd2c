//! Just enough of the W3C WebDriver protocol for the end-to-end tests.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::Result;

/// The key W3C WebDriver uses for element references.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// How long a step waits for the UI before failing.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(30);

/// One WebDriver session, that is, one run of the app.
#[derive(Debug)]
pub struct Session {
    port: u16,
    id: String,
}

/// An element of the page.
#[derive(Debug, Clone)]
pub struct Element {
    id: String,
}

impl Session {
    /// Starts the app at `application` through the driver listening on `port`.
    pub fn start(port: u16, application: &str) -> Result<Self> {
        let capabilities = json!({
            "capabilities": { "alwaysMatch": { "tauri:options": { "application": application } } }
        });
        let value = request(port, "POST", "/session", Some(&capabilities))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {value}"))?
            .to_owned();
        Ok(Self { port, id })
    }

    /// Ends the session, which closes the app.
    pub fn end(self) -> Result<()> {
        request(self.port, "DELETE", &format!("/session/{}", self.id), None)?;
        Ok(())
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        request(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    /// The elements matching a CSS selector, now.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let value = self.call(
            "POST",
            "/elements",
            Some(&json!({"using": "css selector", "value": css})),
        )?;
        Ok(value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|element| element[ELEMENT_KEY].as_str())
            .map(|id| Element { id: id.to_owned() })
            .collect())
    }

    /// Waits for the first element matching `css`.
    pub fn wait_for(&self, css: &str) -> Result<Element> {
        self.wait_until(&format!("an element matching {css}"), || {
            Ok(self.find_all(css)?.into_iter().next())
        })
    }

    /// `[data-testid=…]`, the UI's stable handles for tests.
    pub fn wait_for_test_id(&self, test_id: &str) -> Result<Element> {
        self.wait_for(&format!("[data-testid=\"{test_id}\"]"))
    }

    /// Polls `check` until it yields a value or [`DEFAULT_WAIT`] passes; an element that went
    /// stale while `check` read it counts as not yet.
    pub fn wait_until<T>(
        &self,
        what: &str,
        mut check: impl FnMut() -> Result<Option<T>>,
    ) -> Result<T> {
        let deadline = Instant::now() + DEFAULT_WAIT;
        loop {
            match check() {
                Ok(Some(found)) => return Ok(found),
                Ok(None) => {}
                // The page re-rendered between finding an element and reading it: look again.
                Err(error) if error.to_string().contains("stale element reference") => {}
                Err(error) => return Err(error),
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what}").into());
            }
            sleep(Duration::from_millis(100));
        }
    }

    /// Clicks an element.
    pub fn click(&self, element: &Element) -> Result<()> {
        self.call(
            "POST",
            &format!("/element/{}/click", element.id),
            Some(&json!({})),
        )?;
        Ok(())
    }

    /// Types text into an element, as keystrokes. The text joins those the final plaintext
    /// scan looks for ([`crate::plaintext::take_typed`]).
    pub fn type_text(&self, element: &Element, text: &str) -> Result<()> {
        crate::plaintext::remember_typed(text);
        self.call(
            "POST",
            &format!("/element/{}/value", element.id),
            Some(&json!({ "text": text })),
        )?;
        Ok(())
    }

    /// Empties an input.
    pub fn clear(&self, element: &Element) -> Result<()> {
        self.call(
            "POST",
            &format!("/element/{}/clear", element.id),
            Some(&json!({})),
        )?;
        Ok(())
    }

    /// The element's rendered text.
    pub fn text(&self, element: &Element) -> Result<String> {
        let value = self.call("GET", &format!("/element/{}/text", element.id), None)?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// A DOM property, such as an input's `value`.
    pub fn property(&self, element: &Element, name: &str) -> Result<String> {
        let value = self.call(
            "GET",
            &format!("/element/{}/property/{name}", element.id),
            None,
        )?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// An HTML attribute, such as `data-state`.
    pub fn attribute(&self, element: &Element, name: &str) -> Result<Option<String>> {
        let value = self.call(
            "GET",
            &format!("/element/{}/attribute/{name}", element.id),
            None,
        )?;
        Ok(value.as_str().map(str::to_owned))
    }

    /// Runs a script in the page, for what keystrokes cannot do (setting an
    /// `<input type="date">`, whose WebKitGTK widget ignores typed text).
    pub fn execute(&self, script: &str) -> Result<serde_json::Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": [] })),
        )
    }

    /// The window as a PNG.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        use base64::Engine;
        let value = self.call("GET", "/screenshot", None)?;
        let encoded = value.as_str().ok_or("no screenshot data")?;
        Ok(base64::engine::general_purpose::STANDARD.decode(encoded)?)
    }
}

/// One HTTP/1.1 request to the driver; returns the `value` of its JSON answer.
///
/// No `Connection: close`: tauri-driver copies request headers to WebKitWebDriver, which then
/// closes its side early enough that tauri-driver sometimes drops the answer. The response is
/// read by its framing instead, and the connection closed by dropping it.
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes())?;
    let (status, payload) =
        read_response(&mut stream).map_err(|error| format!("{method} {path}: {error}"))?;
    let answer: Value = serde_json::from_slice(&payload)?;
    if status >= 400 {
        return Err(format!("{method} {path}: HTTP {status}: {}", answer["value"]).into());
    }
    Ok(answer["value"].clone())
}

/// Reads one response: the head, then a body framed by Content-Length or chunked encoding.
fn read_response(stream: &mut TcpStream) -> Result<(u16, Vec<u8>)> {
    let mut raw = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(position) = raw.windows(4).position(|window| window == b"\r\n\r\n") {
            break position;
        }
        let read = stream.read(&mut chunk)?;
        if read == 0 {
            return Err(format!("connection closed after {} bytes of the head", raw.len()).into());
        }
        raw.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or("no HTTP status")?;
    let mut body = raw.split_off(head_end + 4);
    let header = |name: &str| {
        head.lines()
            .find_map(|line| line.strip_prefix(name).map(|value| value.trim().to_owned()))
    };
    if header("transfer-encoding:").is_some_and(|value| value.contains("chunked")) {
        loop {
            if let Ok(decoded) = dechunk(&body) {
                return Ok((status, decoded));
            }
            let read = stream.read(&mut chunk)?;
            if read == 0 {
                return Err("connection closed inside a chunked body".into());
            }
            body.extend_from_slice(&chunk[..read]);
        }
    }
    let length: usize = header("content-length:")
        .and_then(|value| value.parse().ok())
        .ok_or("no Content-Length")?;
    while body.len() < length {
        let read = stream.read(&mut chunk)?;
        if read == 0 {
            return Err(format!(
                "connection closed after {} of {length} body bytes",
                body.len()
            )
            .into());
        }
        body.extend_from_slice(&chunk[..read]);
    }
    body.truncate(length);
    Ok((status, body))
}

/// Decodes a complete chunked body; an error means more bytes are needed (or it is malformed).
fn dechunk(mut data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("incomplete chunk")?;
        let size = usize::from_str_radix(std::str::from_utf8(&data[..line_end])?.trim(), 16)?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(data.get(..size).ok_or("incomplete chunk")?);
        data = data.get(size + 2..).ok_or("incomplete chunk")?;
    }
}
