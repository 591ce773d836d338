//! serde adapters for documents that embed parts of a paper (the change list of `diff`): the
//! part is written and read through its wire type, so it has the same form as in the paper.
//!
//! Use with `#[serde(with = "crate::export::wire::embed::milestones")]` and the like.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::paper::model;

/// A module `$one` for one value and a module `$list` for a list of them, each with the
/// `serialize` and `deserialize` functions serde's `with` wants.
macro_rules! adapters {
    ($one:ident, $list:ident, $model:ty, $wire:ty, $what:literal) => {
        #[doc = concat!("One ", $what, ".")]
        pub mod $one {
            use super::*;

            #[doc = concat!("Write a ", $what, " as the paper does.")]
            pub fn serialize<S: Serializer>(v: &$model, s: S) -> Result<S::Ok, S::Error> {
                <$wire>::from(v).serialize(s)
            }

            #[doc = concat!("Read a ", $what, " as the paper has it.")]
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$model, D::Error> {
                <$wire>::deserialize(d).map(Into::into)
            }
        }

        #[doc = concat!("A list of ", $what, "s.")]
        pub mod $list {
            use super::*;

            #[doc = concat!("Write ", $what, "s as the paper does.")]
            pub fn serialize<S: Serializer>(v: &[$model], s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(v.iter().map(<$wire>::from))
            }

            #[doc = concat!("Read ", $what, "s as the paper has them.")]
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<$model>, D::Error> {
                let v = Vec::<$wire>::deserialize(d)?;
                Ok(v.into_iter().map(Into::into).collect())
            }
        }
    };
}

adapters!(
    milestone,
    milestones,
    model::Milestone,
    crate::export::wire::Milestone,
    "milestone"
);
adapters!(
    rag_entry,
    rag_entries,
    model::RagEntry,
    crate::export::wire::RagEntry,
    "RAG entry"
);
