//! Unit tests of the review rules on hand-built resolutions.
