//! TODO

use super::{Pass, Stage};

pub const PASS: Pass = Pass {
    name: "page-artifacts",
    about: "TODO",
    stage: Stage::Tree(|_, _| {}),
};
