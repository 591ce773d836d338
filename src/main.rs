//! The `boardpaper` command: parse arguments, run the command, turn the outcome into an exit
//! code. Everything else lives in the library.

mod cli;

/// mimalloc instead of the system allocator: a board paper makes millions of small
/// allocations (a string per word, vectors per cell), and glibc's malloc and free took about a
/// third of all instructions of an `extract` (callgrind, board paper, one thread).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
