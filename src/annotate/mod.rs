//! Annotations: highlighted passages anchored so they survive edits to the
//! text, and their export.

pub mod anchor;
pub mod export;
