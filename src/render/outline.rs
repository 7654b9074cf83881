//! The outline printed by `resdiff parse`.
