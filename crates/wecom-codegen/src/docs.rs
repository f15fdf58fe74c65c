//! `ENDPOINTS.md`: the endpoint reference, with every request field's rules.

use std::fmt::Write;

use wecom_core::endpoints::{Endpoint, Method, Paging, ALL};
use wecom_core::rules::{self, Check};
use wecom_core::schema::Kind;

use crate::cross_text;

fn kind_text(kind: Kind) -> String {
    match kind {
        Kind::Any => "any".into(),
        Kind::Str => "string".into(),
        Kind::Bool => "boolean".into(),
        Kind::Int { .. } => "integer".into(),
        Kind::Enum(e) if e.open => {
            format!("{} \\| …", e.allowed.iter().map(i64::to_string).collect::<Vec<_>>().join(" \\| "))
        }
        Kind::Enum(e) => e.allowed.iter().map(i64::to_string).collect::<Vec<_>>().join(" \\| "),
        Kind::Array(inner) => format!("{}[]", kind_text(inner())),
        Kind::Object(m) => format!("`{}`", m.name),
    }
}

fn first_line(doc: &str) -> &str {
    doc.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
}

/// How a paging endpoint pages, and how to iterate it (`None` for one that does not page).
fn paging_text(e: &Endpoint) -> Option<String> {
    let p = e.paging?;
    let item = e.page_item().map_or("item".to_string(), |m| format!("`{}`", m.name));
    let (how, end) = match p {
        Paging::Cursor { .. } => ("a cursor", "absent or empty"),
        Paging::Offset { .. } => ("an offset", "absent or empty, or a page has no items"),
        Paging::PageId { page, size, limit, last, .. } => {
            return Some(format!(
                "**Pages** by page number, then by cursor: each next page is the same payload with `{page}` one higher (until `{last}` is true or a page is empty), or, once an answer carries a `{resp}`, with `{req}` set to it (`{page}` dropped; the last page is the one whose `{resp}` is empty). WeCom pages by number only while `{page}` × `{size}` < {limit}: start without `{page}` to page by cursor all the way; a number-paged iteration that would reach the bound stops with `E_USAGE`. A `{resp}` that repeats is an error (`E_PAGINATION_LOOP`), never a loop. `client.paginate('{path}', payload)` yields every {item} of `{items}` across the pages, `client.pages('{path}', payload)` every whole answer (both `for await`; Rust: `Client::pages`).",
                req = p.request(),
                resp = p.response(),
                items = p.items(),
                path = e.path,
            ))
        }
    };
    Some(format!(
        "**Pages** by {how}: each next page is the same payload with `{req}` set to the previous answer's `{resp}`; the last page is the one whose `{resp}` is {end}. A `{resp}` that repeats one already used is an error (`E_PAGINATION_LOOP`), never a loop. `client.paginate('{path}', payload)` yields every {item} of `{items}` across the pages, `client.pages('{path}', payload)` every whole answer (both `for await`; Rust: `Client::pages`).",
        req = p.request(),
        resp = p.response(),
        items = p.items(),
        path = e.path,
    ))
}

/// How an upload (issue 12: a multipart body) is called and what its files may be (`None` for
/// an endpoint with a JSON body).
fn upload_text(e: &Endpoint) -> Option<String> {
    let wecom_core::endpoints::Body::Multipart { field, kind, limits } = e.body else { return None };
    let js = e.js_name.unwrap_or("request");
    let mut rows = Vec::new();
    for f in limits.files {
        let which = f.kind.map_or_else(|| "the file".to_string(), |k| format!("`{}` {k}", kind.unwrap_or("kind")));
        let ext = if f.extensions.is_empty() { "any name".to_string() } else { f.extensions.join(" ") };
        rows.push(format!("{which}: {} to {} bytes, {ext} ({})", f.min_bytes, f.max_bytes, f.rule));
    }
    Some(format!(
        "**Upload** (`multipart/form-data`, the file in the part `{field}`): `client.{js}({{ …, file, filename }})` with a Blob/File, ArrayBuffer, Uint8Array or Buffer; the other members go in the query string, `filename` and `size` describe the file (checked before anything is sent: `validateUpload('{path}', {{ …, filename, size }})`). Limits: {}.",
        rows.join("; "),
        path = e.path,
    ))
}

/// The README's method table (between its `<!-- methods:begin -->` / `<!-- methods:end -->`
/// markers; `npm/scripts/readme-methods.mjs` puts it there): one row per callable endpoint, with
/// paging and legacy endpoints marked.
pub fn method_table() -> String {
    let mut out = String::from("| method | endpoint | 中文 |\n|---|---|---|\n");
    for e in ALL {
        let Some(js) = e.js_name else { continue };
        let arg = if e.request.fields.is_empty() { "" } else { "p" };
        let mut method = format!("`{js}({arg})`");
        if e.deprecated.is_some() {
            method = format!("~~{method}~~ (legacy)");
        }
        let verb = if e.method == Method::Get { "GET " } else { "" };
        let pages = e.paging.map_or(String::new(), |p| format!(" · pages by `{}`", p.request()));
        let _ = writeln!(out, "| {method} | `{verb}{}`{pages} | {} |", e.path, e.summary_zh);
    }
    out
}

/// The whole document.
pub fn render() -> String {
    let mut out = String::from("# Endpoint reference\n\nGenerated by `wecom-codegen` from `crates/wecom-core/src/endpoints.rs`; do not edit.\n\n");
    out.push_str(
        "Validation reports **errors** (WeCom rejects the request: it is not sent) and **warnings** (WeCom does not define the member, `unknown-field`, or ignores it in that configuration: the request is sent as given). With `strict: true` every warning is an error. Field rules below are errors; cross-field rules say which they are.\n\n",
    );
    let _ = writeln!(out, "| JS method | method | path | official doc |\n|---|---|---|---|");
    for e in ALL {
        let js = e.js_name.map_or("(internal)".to_string(), |j| format!("`client.{j}()`"));
        let js = if e.deprecated.is_some() { format!("~~{js}~~ (deprecated)") } else { js };
        let _ = writeln!(out, "| {js} | {} | `{}` | [{}]({}) |", e.method.as_str(), e.path, e.doc_page, e.doc_url());
    }
    for e in ALL {
        let _ = writeln!(
            out,
            "\n## `{}`\n\n{} / {}. `{} /cgi-bin/{}`, response `{}`.\n",
            e.path,
            e.summary_zh,
            e.summary_en,
            e.method.as_str(),
            e.path,
            e.response.name
        );
        if let Some(replacement) = e.deprecated {
            let _ = writeln!(
                out,
                "**Deprecated** (旧接口，官方不再维护 / a legacy endpoint): use {replacement}. The JS client logs a one-time warning on its first use.\n"
            );
        }
        if let Some(text) = paging_text(e) {
            let _ = writeln!(out, "{text}\n");
        }
        if let Some(text) = upload_text(e) {
            let _ = writeln!(out, "{text}\n");
        }
        if e.request.fields.is_empty() {
            let _ = writeln!(out, "No parameters.");
            continue;
        }
        let _ = writeln!(out, "| field | type | required | rules | description |\n|---|---|---|---|---|");
        for f in e.request.fields {
            let checks: Vec<String> = f
                .rules
                .iter()
                .map(|r| {
                    let c = match r.check {
                        Check::MaxChars(n) => format!("≤ {n} chars"),
                        Check::MaxBytes(n) => format!("≤ {n} bytes"),
                        Check::MinItems(n) => format!("≥ {n} items"),
                        Check::MaxItems(n) => format!("≤ {n} items"),
                        Check::Range(a, b) => format!("{a}..={b}"),
                    };
                    format!("{c} ({})", r.id)
                })
                .collect();
            let required = if f.optional { String::new() } else { format!("yes ({})", f.required_rule) };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                f.name,
                kind_text((f.kind)()),
                required,
                checks.join("; "),
                first_line(f.doc)
            );
        }
        for m in cross_text::with_rules(e.request) {
            let _ = writeln!(out, "\nCross-field rules of `{}`:\n", m.name);
            for rule in m.checks {
                let _ = writeln!(out, "- {}", cross_text::describe(rule));
            }
        }
    }
    let _ = writeln!(out, "\n## Rule catalogue\n\n| id | rule | 规则 |\n|---|---|---|");
    for r in rules::CATALOGUE {
        let _ = writeln!(out, "| `{}` | {} | {} |", r.id, r.en, r.zh);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn issue_11_a_paging_endpoint_says_how_it_pages() {
        let doc = super::render();
        let section = |path: &str| {
            let from = doc.find(&format!("\n## `{path}`")).unwrap_or_else(|| panic!("{path} missing"));
            let rest = &doc[from + 1..];
            &rest[..rest.find("\n## ").unwrap_or(rest.len())]
        };
        let list = section("externalcontact/list_contact_way");
        assert!(list.contains("**Pages** by a cursor"), "{list}");
        assert!(list.contains("`cursor` set to the previous answer's `next_cursor`"), "{list}");
        assert!(list.contains("`client.paginate('externalcontact/list_contact_way', payload)` yields every `ContactWayRef` of `contact_way`"), "{list}");
        assert!(list.contains("`client.pages('externalcontact/list_contact_way', payload)`"), "{list}");
        assert!(list.contains("E_PAGINATION_LOOP"), "{list}");
        assert!(!section("externalcontact/add_contact_way").contains("**Pages**"));
    }
}
