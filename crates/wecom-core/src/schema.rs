//! Machine-readable shapes of every request and response model.
//!
//! Models are declared once with [`model!`](crate::model) / [`int_enum!`](crate::int_enum); the
//! macros emit the Rust struct *and* a static [`Model`] describing it. The validator, the
//! TypeScript generator and the endpoint docs all read these tables, so a field's type, doc and
//! rules are written in exactly one place.

use crate::cross::Cross;
use crate::rules::Rule;

/// Most fields a model may have (the validator's per-object field table).
pub const MAX_FIELDS: usize = 64;

/// Whether model and field doc texts are compiled in (feature `docs`: the code generator needs
/// them; the wasm engine does not, which keeps them out of the `.wasm`).
pub const DOCS: bool = cfg!(feature = "docs");

/// The JSON shape of a value.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Anything (kept as-is).
    Any,
    /// A string.
    Str,
    /// A boolean.
    Bool,
    /// An integer within `[min, max]`.
    Int {
        /// lower bound
        min: i64,
        /// upper bound
        max: i64,
    },
    /// An integer enum.
    Enum(&'static EnumInfo),
    /// An array of the inner kind.
    Array(fn() -> Kind),
    /// An object described by a model.
    Object(&'static Model),
}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kind::Any => f.write_str("Any"),
            Kind::Str => f.write_str("Str"),
            Kind::Bool => f.write_str("Bool"),
            Kind::Int { min, max } => write!(f, "Int({min}..={max})"),
            Kind::Enum(e) => write!(f, "Enum({})", e.name),
            Kind::Array(inner) => write!(f, "Array({:?})", inner()),
            Kind::Object(m) => write!(f, "Object({})", m.name),
        }
    }
}

/// One value of an integer enum.
#[derive(Debug, Clone, Copy)]
pub struct EnumValue {
    /// Wire value.
    pub value: i64,
    /// Rust variant name.
    pub variant: &'static str,
    /// Doc text.
    pub doc: &'static str,
}

/// An integer enum such as `type: 1 | 2`.
#[derive(Debug)]
pub struct EnumInfo {
    /// Rust type name.
    pub name: &'static str,
    /// Doc text.
    pub doc: &'static str,
    /// Allowed values.
    pub values: &'static [EnumValue],
    /// Allowed wire values, in order (for messages).
    pub allowed: &'static [i64],
    /// Rule id reported for a value outside the enum.
    pub rule: &'static str,
    /// An open enum ([`crate::open_enum!`], for what WeCom sends): any other integer is kept as
    /// `Other(value)` and is not an error.
    pub open: bool,
}

/// Whether a model is sent (validated strictly) or received (kept leniently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Sent to WeCom: unknown fields rejected, every rule checked.
    Request,
    /// Received from WeCom: never validated, unknown fields kept.
    Response,
}

/// An object model.
pub struct Model {
    /// Rust (and TypeScript) type name.
    pub name: &'static str,
    /// Doc text.
    pub doc: &'static str,
    /// Fields in declaration order.
    pub fields: &'static [Field],
    /// Cross-field rules (data; see [`crate::cross`]), checked after the fields, in order.
    pub checks: &'static [Cross],
    /// Request or response.
    pub direction: Direction,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model").field("name", &self.name).field("fields", &self.fields).finish()
    }
}

impl Model {
    /// The index of the field named `name`, at compile time: `const TYPE: usize =
    /// AddContactWayRequest::MODEL.index("type");` fails to compile if there is no such field.
    pub const fn index(&self, name: &str) -> usize {
        let mut i = 0;
        while i < self.fields.len() {
            if const_eq(self.fields[i].name, name) {
                return i;
            }
            i += 1;
        }
        panic!("no such field in this model")
    }

    /// The field named `name` on the wire.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// One field of a model.
pub struct Field {
    /// Wire name (exactly as WeCom spells it).
    pub name: &'static str,
    /// Doc text.
    pub doc: &'static str,
    /// Shape of the value.
    pub kind: fn() -> Kind,
    /// May be absent.
    pub optional: bool,
    /// Rule id reported when a required field is missing.
    pub required_rule: &'static str,
    /// Field-level rules.
    pub rules: &'static [Rule],
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("name", &self.name)
            .field("kind", &(self.kind)())
            .field("optional", &self.optional)
            .finish()
    }
}

/// Types that know their JSON shape.
pub trait Schema {
    /// `true` for `Option<T>`.
    const OPTIONAL: bool = false;
    /// The JSON shape.
    fn kind() -> Kind;
}

impl Schema for String {
    fn kind() -> Kind {
        Kind::Str
    }
}
impl Schema for bool {
    fn kind() -> Kind {
        Kind::Bool
    }
}
impl Schema for u32 {
    fn kind() -> Kind {
        Kind::Int { min: 0, max: u32::MAX as i64 }
    }
}
impl Schema for i64 {
    fn kind() -> Kind {
        Kind::Int { min: i64::MIN, max: i64::MAX }
    }
}
impl Schema for u64 {
    fn kind() -> Kind {
        Kind::Int { min: 0, max: i64::MAX }
    }
}
impl Schema for serde_json::Value {
    fn kind() -> Kind {
        Kind::Any
    }
}
impl<T: Schema> Schema for Vec<T> {
    fn kind() -> Kind {
        Kind::Array(T::kind)
    }
}
impl<T: Schema> Schema for Option<T> {
    const OPTIONAL: bool = true;
    fn kind() -> Kind {
        T::kind()
    }
}

/// Decides which fields serde leaves out when serializing (only absent options).
pub trait Skip {
    /// `true` when the value should not be written.
    fn skip(&self) -> bool {
        false
    }
}
impl<T> Skip for Option<T> {
    fn skip(&self) -> bool {
        self.is_none()
    }
}
impl Skip for String {}
impl Skip for bool {}
impl Skip for u32 {}
impl Skip for i64 {}
impl Skip for u64 {}
impl<T> Skip for Vec<T> {}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Removes a leading `r#` from a raw identifier (`r#type` → `type`).
pub const fn wire_name(ident: &'static str) -> &'static str {
    match ident.as_bytes() {
        [b'r', b'#', rest @ ..] => match std::str::from_utf8(rest) {
            Ok(s) => s,
            Err(_) => ident,
        },
        _ => ident,
    }
}

/// A secret string (corpsecret): serialized as-is, never shown by `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    /// The secret itself, for building the gettoken query only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}
impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}
impl Schema for Secret {
    fn kind() -> Kind {
        Kind::Str
    }
}
impl Skip for Secret {}

/// Declares a model: the serde struct plus its static [`Model`] table.
///
/// ```text
/// model! {
///     /// doc
///     request struct Name {
///         /// field doc
///         field: Type = "REQUIRED-RULE-ID" [rule, rule],
///     }
///     rules = [error(RULE_ID).when(&[Cond::Eq("type", 1)]).then(items("user", 1))];
/// }
/// ```
/// `request` structs reject unknown members when validated. `response` structs (a whole answer:
/// `errcode` and `errmsg` are added) and `object` structs (a part of an answer) get an `extra`
/// map that keeps every member the model does not name. In those, a field WeCom always sends on
/// success is a plain type (required in the TypeScript types), one it sends only sometimes an
/// `Option`; parsing stays lenient either way (a missing member gets its default).
#[macro_export]
macro_rules! model {
    (
        $(#[doc = $doc:literal])*
        request struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty $(= $req:literal)? $([ $($rule:expr),* $(,)? ])? ),* $(,)?
        }
        $(rules = [ $($cross:expr),* $(,)? ];)?
    ) => {
        $(#[doc = $doc])*
        ///
        /// `Default` gives empty required fields (and the first value of each enum), which
        /// validation reports: set them, e.g. `Req { config_id: id, ..Default::default() }`.
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $( $(#[doc = $fdoc])* #[serde(skip_serializing_if = "crate::schema::Skip::skip")] pub $field: $ty, )*
        }
        $crate::model!(@table Request $name [$($doc)*] { $( [$($fdoc)*] $field : $ty $(= $req)? $([ $($rule),* ])? ),* } [ $($($cross),*)? ]);
    };
    (
        $(#[doc = $doc:literal])*
        response struct $name:ident { $($body:tt)* }
    ) => {
        $crate::model! {
            $(#[doc = $doc])*
            object struct $name {
                /// 返回码，0 表示成功 / 0 on success.
                errcode: i64,
                /// 返回码的文本描述 / text for errcode.
                errmsg: String,
                $($body)*
            }
        }
    };
    (
        $(#[doc = $doc:literal])*
        object struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[doc = $fdoc])* #[serde(default, skip_serializing_if = "crate::schema::Skip::skip")] pub $field: $ty, )*
            /// Every member WeCom sent that this model does not name, kept as-is.
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }
        $crate::model!(@table Response $name [$($doc)*] { $( [$($fdoc)*] $field : $ty ),* });
    };
    (@table $dir:ident $name:ident [$($doc:literal)*] {
        $( [$($fdoc:literal)*] $field:ident : $ty:ty $(= $req:literal)? $([ $($rule:expr),* ])? ),*
    } $([ $($cross:expr),* ])?) => {
        impl $name {
            /// The static description of this model.
            pub const MODEL: $crate::schema::Model = $crate::schema::Model {
                name: stringify!($name),
                doc: if $crate::schema::DOCS { concat!($($doc, "\n"),*) } else { "" },
                fields: &[ $( $crate::schema::Field {
                    name: $crate::schema::wire_name(stringify!($field)),
                    doc: if $crate::schema::DOCS { concat!($($fdoc, "\n"),*) } else { "" },
                    kind: <$ty as $crate::schema::Schema>::kind,
                    optional: <$ty as $crate::schema::Schema>::OPTIONAL,
                    required_rule: $crate::model!(@req $($req)?),
                    rules: &[ $($($rule),*)? ],
                } ),* ],
                checks: &[ $($($cross),*)? ],
                direction: $crate::schema::Direction::$dir,
            };
        }
        impl $crate::schema::Schema for $name {
            fn kind() -> $crate::schema::Kind {
                $crate::schema::Kind::Object(&Self::MODEL)
            }
        }
        impl $crate::schema::Skip for $name {}
        // The validator tracks fields in a 64-entry table: a larger model does not compile.
        const _: () = assert!($name::MODEL.fields.len() <= $crate::schema::MAX_FIELDS, "a model has at most 64 fields");
    };
    (@req) => { $crate::rules::REQUIRED };
    (@req $req:literal) => { $req };
}

/// Declares an integer enum sent to WeCom (e.g. `type: 1 | 2`).
#[macro_export]
macro_rules! int_enum {
    (
        $(#[doc = $doc:literal])*
        enum $name:ident (rule = $rule:literal) {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $value:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant = $value, )*
        }
        impl $name {
            /// The static description of this enum.
            pub const INFO: $crate::schema::EnumInfo = $crate::schema::EnumInfo {
                name: stringify!($name),
                doc: if $crate::schema::DOCS { concat!($($doc, "\n"),*) } else { "" },
                values: &[ $( $crate::schema::EnumValue { value: $value, variant: stringify!($variant), doc: if $crate::schema::DOCS { concat!($($vdoc),*) } else { "" } } ),* ],
                allowed: &[ $($value),* ],
                rule: $rule,
                open: false,
            };
            /// The wire value.
            pub fn value(self) -> i64 {
                self as i64
            }
            /// The variant for a wire value.
            pub fn from_value(v: i64) -> Option<Self> {
                match v { $( $value => Some(Self::$variant), )* _ => None }
            }
        }
        impl Default for $name {
            /// The first value (a placeholder for `..Default::default()` in request structs).
            fn default() -> Self {
                $crate::int_enum!(@first $($variant)*)
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i64(self.value())
            }
        }
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = <i64 as serde::Deserialize>::deserialize(d)?;
                Self::from_value(v).ok_or_else(|| {
                    serde::de::Error::custom(format!("{} is not a valid {}", v, stringify!($name)))
                })
            }
        }
        impl $crate::schema::Schema for $name {
            fn kind() -> $crate::schema::Kind {
                $crate::schema::Kind::Enum(&Self::INFO)
            }
        }
        impl $crate::schema::Skip for $name {}
    };
    (@first $first:ident $($rest:ident)*) => {
        Self::$first
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_identifiers_lose_their_prefix() {
        assert_eq!(wire_name("r#type"), "type");
        assert_eq!(wire_name("remark"), "remark");
        assert_eq!(wire_name("r"), "r");
    }

    #[test]
    fn secrets_do_not_print() {
        let s = Secret::new("top-secret-value");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"top-secret-value\"");
    }
}

/// Declares an *open* integer enum for what WeCom sends (`add_way`, `status`, member `type` …):
/// the known values as variants, and `Other(value)` for a value added after this SDK version,
/// so an answer never fails to parse because WeCom added a value. TypeScript: the known values
/// or any number.
#[macro_export]
macro_rules! open_enum {
    (
        $(#[doc = $doc:literal])*
        enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $value:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant, )*
            /// A value this version of the SDK does not know (kept as WeCom sent it).
            Other(i64),
        }
        impl $name {
            /// The static description of this enum.
            pub const INFO: $crate::schema::EnumInfo = $crate::schema::EnumInfo {
                name: stringify!($name),
                doc: if $crate::schema::DOCS { concat!($($doc, "\n"),*) } else { "" },
                values: &[ $( $crate::schema::EnumValue { value: $value, variant: stringify!($variant), doc: if $crate::schema::DOCS { concat!($($vdoc),*) } else { "" } } ),* ],
                allowed: &[ $($value),* ],
                rule: $crate::rules::JSON_TYPE,
                open: true,
            };
            /// The wire value.
            pub fn value(self) -> i64 {
                match self { $( Self::$variant => $value, )* Self::Other(v) => v }
            }
            /// The variant for a wire value (`Other` for an unknown one).
            pub fn from_value(v: i64) -> Self {
                match v { $( $value => Self::$variant, )* other => Self::Other(other) }
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i64(self.value())
            }
        }
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <i64 as serde::Deserialize>::deserialize(d).map(Self::from_value)
            }
        }
        impl $crate::schema::Schema for $name {
            fn kind() -> $crate::schema::Kind {
                $crate::schema::Kind::Enum(&Self::INFO)
            }
        }
        impl $crate::schema::Skip for $name {}
    };
}

#[cfg(test)]
mod open_enum_tests {
    crate::open_enum! {
        /// A probe.
        enum Probe {
            /// one
            One = 1,
            /// two
            Two = 2,
        }
    }

    #[test]
    fn an_open_enum_keeps_values_it_does_not_know() {
        assert_eq!(serde_json::from_str::<Probe>("2").ok(), Some(Probe::Two));
        assert_eq!(serde_json::from_str::<Probe>("99").ok(), Some(Probe::Other(99)));
        assert_eq!(serde_json::to_string(&Probe::Other(99)).ok().as_deref(), Some("99"));
        assert!(serde_json::from_str::<Probe>("\"2\"").is_err());
        assert!(Probe::INFO.open && Probe::INFO.allowed == [1, 2]);
    }
}
