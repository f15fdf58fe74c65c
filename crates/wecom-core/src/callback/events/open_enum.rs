//! `open_enum!`: a string enum of WeCom values that stays open. Every value WeCom may add later
//! parses into `Unknown(String)` with its name, and each value serializes as its WeCom string.

/// Declares an open string enum: the listed variants with their WeCom strings, plus
/// `Unknown(String)`, with `as_str`, `parse`, `KNOWN`, `Display`, `From<&str>` and `Serialize`.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this SDK does not know (yet), kept exactly as sent.
            Unknown(String),
        }

        impl $name {
            /// Every value this SDK knows, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// Reads a WeCom value: a known one gives its variant, anything else `Unknown`.
            pub fn parse(wire: &str) -> Self {
                match wire {
                    $( $wire => $name::$variant, )*
                    other => $name::Unknown(other.to_owned()),
                }
            }

            /// The WeCom string of this value (the name as sent for `Unknown`).
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Unknown(other) => other,
                }
            }

            /// Whether this is a value the SDK does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(wire: &str) -> Self {
                $name::parse(wire)
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}
