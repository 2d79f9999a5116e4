//! Developer tools, apart from the program: the generated libraries
//! (`folio generate`), the benchmarks (`folio bench`, `bench-search`,
//! `bench-extract`, `bench-topics`, `bench-stories`) and what they share. They drive the
//! program from outside, through the same calls as the command line and
//! the window (`frame_bench` runs the real app without a window), so they
//! may use every other module, and none uses them but the command line and
//! the tests.

pub mod bench;
pub mod bench_extract;
pub mod bench_suite;
pub mod frame_bench;
pub mod generate;
mod labelled_set;
pub mod story_bench;
pub mod story_eval;
mod timing;
pub mod topic_eval;
