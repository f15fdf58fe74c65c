//! `wecom-codegen <types.d.ts> <ENDPOINTS.md>`: writes the TypeScript model/endpoint types and
//! the endpoint reference from `wecom_core::endpoints::ALL`, so neither is ever edited by hand.

mod collect;
mod docs;
mod ts;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [types_path, docs_path] = args.as_slice() else {
        eprintln!("usage: wecom-codegen <out/endpoints.d.ts> <out/ENDPOINTS.md>");
        return ExitCode::from(2);
    };
    let models = collect::reachable();
    let outputs = [(types_path, ts::render(&models)), (docs_path, docs::render())];
    for (path, text) in outputs {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("wecom-codegen: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
