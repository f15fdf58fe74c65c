//! The file limits of uploads ([`crate::endpoints::Body::Multipart`]): per media type a size
//! range and the allowed extensions, checked before anything is sent. [`check`] gives the same
//! report shape as [`crate::validate_json`] (the request model's checks, then the file's); the
//! npm package's `validateUpload` reads the same tables from the generated endpoint table.

use crate::endpoints::{self, Body, Endpoint, FILE_NAME, FILE_SIZE};
use crate::error::Error;
use crate::json::Json;
use crate::messages::{Msg, Text};
use crate::validate::{self, Issue, Options, Report};

/// The limit of one kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileLimit {
    /// The value of the endpoint's kind member this applies to (`"image"`); `None`: every file.
    pub kind: Option<&'static str>,
    /// Fewest bytes accepted.
    pub min_bytes: u64,
    /// Most bytes accepted.
    pub max_bytes: u64,
    /// Allowed file-name endings, lower case with the dot (`".png"`); empty: any name.
    pub extensions: &'static [&'static str],
    /// The formats in words (the message of a refused extension).
    pub formats: &'static Text,
    /// The rule id reported.
    pub rule: &'static str,
}

/// The file rules of one upload endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upload {
    /// The rule id reported for a kind value no limit names.
    pub kind_rule: &'static str,
    /// The message for such a value (the allowed values).
    pub kind_text: &'static Text,
    /// The limits, one per kind.
    pub files: &'static [FileLimit],
}

/// The message of a size outside a limit.
pub static SIZE_TEXT: Text = Text { zh: "文件大小超出限制", en: "the file size is outside the limit" };

impl FileLimit {
    /// `true` when `filename` ends with an allowed extension (ASCII case-insensitive).
    pub fn accepts_name(&self, filename: &str) -> bool {
        self.extensions.is_empty()
            || self.extensions.iter().any(|ext| {
                filename.len() >= ext.len()
                    && filename.get(filename.len() - ext.len()..).is_some_and(|end| end.eq_ignore_ascii_case(ext))
            })
    }
}

impl Upload {
    /// The limit for the kind value `kind` (`None` when the endpoint has no kind member).
    pub fn limit(&self, kind: Option<&str>) -> Option<&'static FileLimit> {
        self.files.iter().find(|f| f.kind.is_none() || f.kind == kind)
    }

    /// The issues of one file: the kind value, then the size, then the name's extension. A
    /// missing name or size is the model's finding (not repeated here).
    pub fn file_issues(
        &self,
        kind_member: Option<&str>,
        kind: Option<&str>,
        name: Option<&str>,
        size: Option<u64>,
    ) -> Vec<Issue> {
        let mut out = Vec::new();
        let Some(limit) = self.limit(kind) else {
            if let (Some(member), Some(_)) = (kind_member, kind) {
                out.push(Issue { path: format!("/{member}"), rule: self.kind_rule, msg: Msg::Text(self.kind_text) });
            }
            return out;
        };
        if let Some(size) = size.filter(|s| *s < limit.min_bytes || *s > limit.max_bytes) {
            let clamp = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
            let msg = Msg::Range { min: clamp(limit.min_bytes), max: clamp(limit.max_bytes), actual: clamp(size) };
            out.push(Issue { path: format!("/{FILE_SIZE}"), rule: limit.rule, msg });
        }
        if name.is_some_and(|n| !n.is_empty() && !limit.accepts_name(n)) {
            out.push(Issue { path: format!("/{FILE_NAME}"), rule: limit.rule, msg: Msg::Text(limit.formats) });
        }
        out
    }
}

/// The upload rules of the endpoint at `path`, if it is an upload.
pub fn rules_of(endpoint: &Endpoint) -> Option<(Option<&'static str>, &'static Upload)> {
    match endpoint.body {
        Body::Multipart { kind, limits, .. } => Some((kind, limits)),
        Body::Json => None,
    }
}

/// Validates an upload's description `{ <kind member>, filename, size }` (e.g. `{ "type":
/// "image", "filename": "a.png", "size": 1024 }` for `media/upload`): the request model's
/// checks, then the file limits (errors). Not an upload: [`Error::Usage`]; unknown path:
/// [`Error::UnknownEndpoint`].
pub fn check(path: &str, payload_json: &str, options: Options) -> Result<Report, Error> {
    let endpoint = endpoints::find(path).ok_or_else(|| Error::UnknownEndpoint(path.to_owned()))?;
    let (kind_member, upload) =
        rules_of(endpoint).ok_or_else(|| Error::Usage(format!("{} is not an upload endpoint", endpoint.path)))?;
    let mut report = validate::validate_payload(endpoint.request, payload_json, options)?;
    let Ok(json) = Json::parse(payload_json) else { return Ok(report) };
    let text = |name: &str| match json.get(name) {
        Some(Json::Str(s)) => Some(s.as_ref()),
        _ => None,
    };
    let size = json.get(FILE_SIZE).and_then(Json::as_i64).and_then(|n| u64::try_from(n).ok());
    let kind = kind_member.and_then(text);
    for issue in upload.file_issues(kind_member, kind, text(FILE_NAME), size) {
        if report.errors.len() + report.warnings.len() >= validate::MAX_ISSUES {
            report.truncated = true;
            break;
        }
        report.errors.push(issue);
    }
    Ok(report)
}
