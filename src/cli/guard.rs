//! The panic guard around each file's work: a panic becomes an internal error naming the
//! file (exit 9), printed on one line, and a batch goes on with the next file.

use super::Failure;

/// Where the last panic happened (`file:line:column`), recorded by the hook that
/// [`quiet_panics`] installs. A global rather than a thread-local: rayon re-raises a worker's
/// panic on the thread that waits for it.
static PANIC_AT: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Replace Rust's default panic message (several lines on stderr, from whichever thread)
/// with a record of where it happened; [`guard`] then prints one line naming the file. In a
/// batch that keeps stderr to one line per failed file. With `RUST_BACKTRACE` set the
/// default message (and backtrace) is printed as well, for whoever debugs it.
pub fn quiet_panics() {
    let default = std::panic::take_hook();
    let verbose = std::env::var_os("RUST_BACKTRACE").is_some();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut at) = PANIC_AT.lock() {
            *at = info.location().map(|l| l.to_string());
        }
        if verbose {
            default(info);
        }
    }));
}

/// Run one file's work; a panic inside it becomes an internal error (exit 9) naming the file,
/// so a batch goes on with the next file. A safety net: no input should make the pipeline
/// panic, and one that does is a bug to report with the file.
pub fn guard<T>(file: &str, work: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            let at = PANIC_AT
                .lock()
                .ok()
                .and_then(|mut at| at.take())
                .map(|at| format!(" at {at}"))
                .unwrap_or_default();
            Err(Failure::Panic {
                file: file.to_string(),
                at,
                what,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Status;
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_naming_the_file() {
        let r: Result<(), Failure> = guard("papers/odd.pdf", || panic!("index out of bounds"));
        let f = r.unwrap_err();
        assert_eq!(f.status(), Status::Internal);
        let message = f.to_string();
        assert!(
            message.starts_with("papers/odd.pdf: internal error")
                && message.contains("index out of bounds"),
            "{message}"
        );
        // Work that returns normally passes through untouched.
        assert_eq!(guard("a.pdf", || Ok(5)).ok(), Some(5));
    }
}
