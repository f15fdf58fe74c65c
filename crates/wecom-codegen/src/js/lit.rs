//! JS literals: strings, integer bounds as doubles (with their exact text when a double cannot
//! hold them), identifiers.

/// `s` as a JS string literal (JSON's form, which JS reads the same way).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    wecom_core::messages::write_json_str(&mut out, s);
    out
}

/// Whether the double nearest to `v` is `v` itself.
fn exact(v: i64) -> bool {
    let f = v as f64;
    // Every double of magnitude below 2^63 is an integer; 2^63 itself is out of i64.
    f < 9_223_372_036_854_775_808.0 && f as i64 == v
}

/// The neighbouring double of `f` on the side of `v` (|f| >= 2^53 here: all are integers).
fn step_towards(f: f64, v: i64) -> f64 {
    // For doubles of one sign, the bit pattern grows with the magnitude.
    if (f as i128).abs() > i128::from(v).abs() {
        f64::from_bits(f.to_bits() - 1)
    } else {
        f64::from_bits(f.to_bits() + 1)
    }
}

/// An integer bound as JS compares it: the literal of a double (the largest double <= `v` for an
/// upper bound, the smallest >= `v` for a lower one, so `x <= hi` / `x >= lo` are exact for
/// every double `x`), and the exact decimal text when that double is not `v`.
pub fn bound(v: i64, upper: bool) -> (String, Option<String>) {
    if exact(v) {
        return (v.to_string(), None);
    }
    let mut f = v as f64;
    let wrong_side = if upper { f as i128 > i128::from(v) } else { (f as i128) < i128::from(v) };
    if wrong_side {
        // Rounding went past v: the neighbour on v's side is the bound.
        f = step_towards(f, v);
    }
    (format!("{}", f as i128), Some(v.to_string()))
}

/// The exact-text arguments that follow a pair of bounds in a runtime call: nothing when both
/// doubles are exact, else `,"lo text"` / `,void 0` and `,"hi text"`.
pub fn texts(lo: &Option<String>, hi: &Option<String>) -> String {
    match (lo, hi) {
        (None, None) => String::new(),
        (lo, None) => format!(", {}", text_or_void(lo)),
        (lo, hi) => format!(", {}, {}", text_or_void(lo), text_or_void(hi)),
    }
}

/// An optional exact text as a call argument: the string, or `void 0`.
pub fn text_or_void(t: &Option<String>) -> String {
    t.as_deref().map_or_else(|| "void 0".to_string(), string)
}

/// An integer the JS compares with `===`: its literal, or `None` when no double equals it.
pub fn int_eq(v: i64) -> Option<String> {
    exact(v).then(|| v.to_string())
}

/// An integer operand for exact arithmetic (`gt`): its literal when safe, else its text.
pub fn int_arg(v: i64) -> String {
    if v.unsigned_abs() <= (1u64 << 53) {
        v.to_string()
    } else {
        string(&v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_round_to_the_safe_side() {
        assert_eq!(bound(1000, true), ("1000".into(), None));
        assert_eq!(bound(i64::MIN, false), ("-9223372036854775808".into(), None));
        // i64::MAX rounds up to 2^63: the upper bound is the double below it.
        assert_eq!(bound(i64::MAX, true), ("9223372036854774784".into(), Some("9223372036854775807".into())));
        let (lo, text) = bound((1 << 60) + 1, false);
        assert_eq!(lo, ((1i64 << 60) + 256).to_string());
        assert_eq!(text.as_deref(), Some("1152921504606846977"));
        let (hi, _) = bound(-(1 << 60) - 1, true);
        assert_eq!(hi, (-(1i64 << 60) - 256).to_string());
        assert_eq!(int_eq(i64::MAX), None);
        assert_eq!(int_arg(30 * 86400), "2592000");
    }
}
