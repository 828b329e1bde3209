//! TODO

use super::{Pass, Stage};

pub const PASS: Pass = Pass {
    name: "hyphen-restore",
    about: "TODO",
    stage: Stage::Tree(|_, _| {}),
};
