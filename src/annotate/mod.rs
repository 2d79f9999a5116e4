//! Annotations: highlighted passages anchored so they survive edits to the
//! text, and their export; and the passages two texts share word for word.

pub mod anchor;
pub mod export;
pub mod shared_passages;
