//! TODO

use super::{Pass, Stage};

pub const PASS: Pass = Pass {
    name: "dehyphenate",
    about: "TODO",
    stage: Stage::Tree(|_, _| {}),
};
