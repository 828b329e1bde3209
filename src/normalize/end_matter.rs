//! TODO

use super::{Pass, Stage};

pub const PASS: Pass = Pass {
    name: "end-matter",
    about: "TODO",
    stage: Stage::Tree(|_, _| {}),
};
