//! Typed callback events (being written).
