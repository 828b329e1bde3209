//! TODO

use super::{Pass, Stage};

pub const PASS: Pass = Pass {
    name: "paragraphs",
    about: "TODO",
    stage: Stage::Tree(|_, _| {}),
};
