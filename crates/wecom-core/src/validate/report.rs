//! What validation found: the issues (at most [`MAX_ISSUES`]) and their JSON form.

use crate::messages::{write_json_str, Locale, Msg};

/// Most issues a report lists. Past this the report is cut (`truncated`), and the walker stops.
pub const MAX_ISSUES: usize = 100;

/// One problem found in a payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// JSON pointer of the offending value (`""` is the whole payload).
    pub path: String,
    /// Stable rule id.
    pub rule: &'static str,
    /// What is wrong.
    pub msg: Msg,
}

/// The outcome of validating one payload.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The problems, in document order: an array's own checks (its item count) before its
    /// items, an object's fields in the model's order, then cross-field rules. At most
    /// [`MAX_ISSUES`].
    pub issues: Vec<Issue>,
    /// More problems were found than [`MAX_ISSUES`]: the first ones are listed, the walk
    /// stopped at the next one.
    pub truncated: bool,
}

impl Report {
    /// `true` when nothing is wrong.
    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }

    /// Records an issue whose path is built by `path` only if there is room; otherwise marks the
    /// report as cut. Returns `false` once the report is cut.
    pub(crate) fn push(&mut self, path: impl FnOnce() -> String, rule: &'static str, msg: Msg) -> bool {
        if self.truncated || self.issues.len() >= MAX_ISSUES {
            self.truncated = true;
            return false;
        }
        self.issues.push(Issue { path: path(), rule, msg });
        true
    }

    /// The `errors` list as JS sees it: `[{"path","rule","message","params"}]`, as JSON text.
    pub fn errors_json(&self, locale: Locale) -> String {
        let mut out = String::from("[");
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"path\":");
            write_json_str(&mut out, &issue.path);
            out.push_str(",\"rule\":");
            write_json_str(&mut out, issue.rule);
            out.push_str(",\"message\":");
            write_json_str(&mut out, &issue.msg.render(locale));
            out.push_str(",\"params\":");
            issue.msg.write_params(&mut out);
            out.push('}');
        }
        out.push(']');
        out
    }

    /// The whole report as JSON text: `{"valid":…,"errors":[…]}`, with `"truncated":true`
    /// appended when the list was cut at [`MAX_ISSUES`].
    pub fn to_json(&self, locale: Locale) -> String {
        let truncated = if self.truncated { ",\"truncated\":true" } else { "" };
        format!("{{\"valid\":{},\"errors\":{}{truncated}}}", self.is_valid(), self.errors_json(locale))
    }
}
