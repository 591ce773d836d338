//! The `paper` stage: the domain of board papers. So far: reading a milestone's status word and
//! timescale from its printed text.

pub mod milestone;
