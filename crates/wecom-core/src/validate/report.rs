//! What validation found: the issues (at most [`MAX_ISSUES`]) and their JSON form.

use crate::cross::Severity;
use crate::messages::{write_json_str, Locale, Msg};

/// Most findings (errors and warnings together) a report lists. Past this the report is cut
/// (`truncated`), and the walker stops.
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
///
/// Findings come in document order: an array's own checks (its item count) before its items,
/// an object's fields in the model's order, then its unknown members, then its cross-field
/// rules. Each finding is an error or a warning; together at most [`MAX_ISSUES`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// What WeCom rejects: the request must not be sent.
    pub errors: Vec<Issue>,
    /// Members WeCom does not define or ignores here: the request is sent as given.
    pub warnings: Vec<Issue>,
    /// More findings than [`MAX_ISSUES`]: the first ones are listed, the walk stopped at the next.
    pub truncated: bool,
}

impl Report {
    /// `true` when there is no error (warnings do not count).
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// Records a finding whose path is built by `path` only if there is room; otherwise marks
    /// the report as cut. Returns `false` once the report is cut.
    pub(crate) fn push(
        &mut self,
        severity: Severity,
        path: impl FnOnce() -> String,
        rule: &'static str,
        msg: Msg,
    ) -> bool {
        if self.truncated || self.errors.len() + self.warnings.len() >= MAX_ISSUES {
            self.truncated = true;
            return false;
        }
        let list = match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
        };
        list.push(Issue { path: path(), rule, msg });
        true
    }

    /// The `errors` list as JS sees it: `[{"path","rule","message","params"}]`, as JSON text.
    pub fn errors_json(&self, locale: Locale) -> String {
        issues_json(&self.errors, locale)
    }

    /// The `warnings` list, as JSON text.
    pub fn warnings_json(&self, locale: Locale) -> String {
        issues_json(&self.warnings, locale)
    }

    /// The whole report as JSON text: `{"valid":…,"errors":[…],"warnings":[…]}`, with
    /// `"truncated":true` appended when the list was cut at [`MAX_ISSUES`].
    pub fn to_json(&self, locale: Locale) -> String {
        let truncated = if self.truncated { ",\"truncated\":true" } else { "" };
        format!(
            "{{\"valid\":{},\"errors\":{},\"warnings\":{}{truncated}}}",
            self.is_valid(),
            self.errors_json(locale),
            self.warnings_json(locale)
        )
    }
}

fn issues_json(issues: &[Issue], locale: Locale) -> String {
    let mut out = String::from("[");
    for (i, issue) in issues.iter().enumerate() {
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
