//! TODO

use super::{Pass, Stage};

pub const PASS: Pass = Pass {
    name: "structure",
    about: "TODO",
    stage: Stage::Tree(|_, _| {}),
};
