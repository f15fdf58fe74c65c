//! Finds every model and enum reachable from the endpoint table, in a stable order.

use wecom_core::endpoints::ALL;
use wecom_core::schema::{EnumInfo, Kind, Model};

/// Everything the generators need to declare.
pub struct Reachable {
    /// Object models, dependencies first.
    pub models: Vec<&'static Model>,
    /// Integer enums.
    pub enums: Vec<&'static EnumInfo>,
}

fn visit_kind(kind: Kind, out: &mut Reachable) {
    match kind {
        Kind::Object(m) => visit_model(m, out),
        Kind::Enum(e) => {
            if !out.enums.iter().any(|x| x.name == e.name) {
                out.enums.push(e);
            }
        }
        Kind::Array(inner) => visit_kind(inner(), out),
        Kind::Any | Kind::Str | Kind::Bool | Kind::Int { .. } => {}
    }
}

fn visit_model(model: &'static Model, out: &mut Reachable) {
    if out.models.iter().any(|m| m.name == model.name) {
        return;
    }
    for field in model.fields {
        visit_kind((field.kind)(), out);
    }
    out.models.push(model);
}

/// Walks requests and responses of every endpoint.
pub fn reachable() -> Reachable {
    let mut out = Reachable { models: Vec::new(), enums: Vec::new() };
    for e in ALL {
        visit_model(e.request, &mut out);
        visit_model(e.response, &mut out);
    }
    out
}
