//! `wecom-codegen check`: the Rust side of the differential test. Reads JSON lines
//! `{"endpoint": …, "text": …, "locale": …, "strict": …}` on stdin and writes, per line, the
//! native validator's report (`Report::to_json`) or `{"throws":"E_…"}` when it refuses the
//! payload (too large, unknown endpoint), as one JSON line on stdout, in input order.

use std::io::{BufRead, Write};

use serde_json::Value;
use wecom_core::validate::Options;
use wecom_core::{validate_json_with, Locale};

/// One line of input, answered as one line of output.
fn answer(line: &str) -> String {
    let input: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return format!("{{\"bad_input\":{}}}", Value::from(e.to_string())),
    };
    let endpoint = input.get("endpoint").and_then(Value::as_str).unwrap_or("");
    let text = input.get("text").and_then(Value::as_str).unwrap_or("");
    let locale = Locale::from_tag(input.get("locale").and_then(Value::as_str).unwrap_or(""));
    let strict = input.get("strict").and_then(Value::as_bool).unwrap_or(false);
    match validate_json_with(endpoint, text, Options { strict }) {
        Ok(report) => report.to_json(locale),
        Err(e) => format!("{{\"throws\":{}}}", Value::from(e.code())),
    }
}

/// Runs the filter until stdin ends.
pub fn run() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", answer(&line))?;
    }
    out.flush()
}
