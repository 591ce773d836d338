//! The `boardpaper` command: parse arguments, run the command, turn the outcome into an exit
//! code. Everything else lives in the library.

mod cli;

/// mimalloc instead of the system allocator: a board paper makes millions of small
/// allocations (a string per word, vectors per cell), and glibc's malloc and free took about a
/// third of all instructions of an `extract` (callgrind, board paper, one thread).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command runs on a worker of its own thread pool, not on the process's main thread: the
/// pool has a worker per core, and the main thread, waiting inside `install`, takes no core. Run
/// from the main thread, the steps that only one thread does (opening the file, joining the
/// pages, reading the plans, writing the JSON) shared the cores with both workers, which spin
/// for a while before they sleep: three threads on two cores.
fn main() -> std::process::ExitCode {
    // The main thread's stack size, for the recursive steps that now run on a worker.
    const STACK: usize = 8 << 20;
    match rayon::ThreadPoolBuilder::new().stack_size(STACK).build() {
        Ok(pool) => pool.install(cli::main),
        Err(_) => cli::main(),
    }
}
