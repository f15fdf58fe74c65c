//! The npm package's generated JS: `validators.js` (one specialised function per request model,
//! one named export per endpoint, `validate(endpoint, …)`), `endpoints.js` (the endpoint
//! table) and `validate.d.ts` (the forms entry's types). The code imports its runtime from
//! `../validate/runtime.js` (npm/src/validate/, copied next to the generated directory by the
//! build), so it holds only what is specific to each model: fields, rules, cross-field rules and
//! their texts. Semantics: crates/wecom-core/src/validate/ (the reference) and
//! npm/src/validate/runtime.js.

mod cross;
mod entries;
mod lit;
mod messages;
mod model;
mod tables;

use wecom_core::messages::Text;
use wecom_core::schema::Model;

/// The declarations being generated for `validators.js`.
#[derive(Default)]
pub struct Gen {
    /// Top-level constants (field descriptors, cross-rule texts), in order of first use.
    decls: String,
    /// Model functions.
    funcs: String,
    /// Texts already declared: (zh, en) → constant name.
    texts: Vec<(&'static str, &'static str, String)>,
    /// Models already generated (or being generated).
    models: Vec<&'static str>,
    /// Shared constants: literal → name.
    shared: Vec<(String, String)>,
}

impl Gen {
    /// The name of the constant holding a cross-rule text (declared on first use).
    fn text(&mut self, t: &Text) -> String {
        if let Some((_, _, name)) = self.texts.iter().find(|(zh, en, _)| *zh == t.zh && *en == t.en) {
            return name.clone();
        }
        let name = format!("t{}", self.texts.len());
        self.decls.push_str(&format!("const {name} = [{}, {}];\n", lit::string(t.zh), lit::string(t.en)));
        self.texts.push((t.zh, t.en, name.clone()));
        name
    }

    /// The name of a constant holding `literal` (declared once, on first use).
    fn shared(&mut self, literal: String) -> String {
        if let Some((_, name)) = self.shared.iter().find(|(l, _)| *l == literal) {
            return name.clone();
        }
        let name = format!("k{}", self.shared.len());
        self.decls.push_str(&format!("const {name} = {literal};\n"));
        self.shared.push((literal, name.clone()));
        name
    }

    /// The name of the function checking model `m` (generated on first use).
    fn model(&mut self, m: &'static Model) -> String {
        let name = format!("m_{}", m.name);
        if !self.models.contains(&m.name) {
            self.models.push(m.name);
            model::generate(self, m);
        }
        name
    }
}

/// Every generated file: `(file name, contents)`.
pub fn render_all() -> Vec<(&'static str, String)> {
    vec![
        ("validators.js", entries::validators()),
        ("endpoints.js", tables::endpoints_js()),
        ("validate.d.ts", tables::validate_dts()),
    ]
}
