//! Diff: turn aligned editions into a report of changes.
