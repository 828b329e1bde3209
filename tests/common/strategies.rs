//! Proptest strategies for model parts that several property tests build.

use proptest::prelude::*;
use recto::model::{Counter, Delimiter, Numbering};

/// Any way an ordered list writes its markers ("1.", "a)", "(a)", ...).
pub fn numbering() -> impl Strategy<Value = Numbering> {
    let counter = prop_oneof![Just(Counter::Decimal), Just(Counter::LowerAlpha)];
    let delimiter = prop_oneof![
        Just(Delimiter::Period),
        Just(Delimiter::Paren),
        Just(Delimiter::Parens)
    ];
    (counter, delimiter).prop_map(|(c, d)| Numbering::new(c, d))
}
