//! Word documents out: the package shared by every `.docx` the project
//! writes.

pub mod package;
pub mod report;
