//! `wecom-codegen <types.d.ts> <ENDPOINTS.md> [<js-out-dir>]`: writes the TypeScript
//! model/endpoint types, the endpoint reference, the README's method table (`METHODS.md` next
//! to `ENDPOINTS.md`) and (with a third argument) the npm package's
//! generated JS (validators, endpoint table, forms-entry types) from `wecom_core::endpoints::ALL`,
//! so none of them is ever edited by hand.
//!
//! `wecom-codegen check`: the native validator as a filter for the differential test (see
//! [`check`]). `wecom-codegen schema`: the request models as JSON, for the differential test's
//! payload generator (see [`schema_json`]).

mod check;
mod collect;
mod cross_text;
mod docs;
mod js;
mod schema_json;
mod ts;

use std::process::ExitCode;

fn write(path: &str, text: &str) -> bool {
    match std::fs::write(path, text) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("wecom-codegen: cannot write {path}: {e}");
            false
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd] if cmd == "check" => match check::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("wecom-codegen check: {e}");
                ExitCode::FAILURE
            }
        },
        [cmd] if cmd == "schema" => {
            use std::io::Write;
            match writeln!(std::io::stdout(), "{}", schema_json::render()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            }
        }
        [types_path, docs_path, rest @ ..] if rest.len() <= 1 => {
            let models = collect::reachable();
            // The README's method table goes next to the endpoint reference (METHODS.md).
            let methods_path = std::path::Path::new(docs_path).with_file_name("METHODS.md");
            let mut ok = write(types_path, &ts::render(&models))
                && write(docs_path, &docs::render())
                && write(&methods_path.to_string_lossy(), &docs::method_table());
            if let [dir] = rest {
                if let Err(e) = std::fs::create_dir_all(dir) {
                    eprintln!("wecom-codegen: cannot create {dir}: {e}");
                    return ExitCode::FAILURE;
                }
                for (name, text) in js::render_all() {
                    ok = ok && write(&format!("{dir}/{name}"), &text);
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: wecom-codegen <out/endpoints.d.ts> <out/ENDPOINTS.md> [<js-out-dir>]");
            eprintln!("       wecom-codegen check    (JSON lines in, reports out: the differential test's Rust side)");
            eprintln!("       wecom-codegen schema   (the request models as JSON)");
            ExitCode::from(2)
        }
    }
}
