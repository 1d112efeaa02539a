//! `--jobs N`: the inputs verified on N worker threads, their outputs written in input order.
//!
//! Memory stays flat however many inputs there are: a worker takes the next input only while
//! fewer than `window` inputs are taken but not yet written, so at most `window` inputs are read,
//! in flight or waiting in the reorder buffer at any time. Inputs are read by the workers, one at a
//! time, never all up front.

use std::collections::BTreeMap;
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Inputs taken but not yet written, per worker.
const WINDOW_PER_JOB: usize = 8;

/// Runs `work` on each of `items` on `jobs` threads and hands each result to `emit` in the order of
/// `items` (`Some(result)`); `emit(None)` whenever the next result is not there yet (the moment to
/// flush). With one job everything runs on the calling thread.
///
/// # Errors
/// The first error in input order, from `work` or `emit`: nothing after it is emitted, and the
/// workers stop taking inputs (those under way finish first).
pub(crate) fn run_ordered<I, T>(
    items: &[I],
    jobs: usize,
    work: impl Fn(&I) -> Result<T, String> + Sync,
    mut emit: impl FnMut(Option<T>) -> Result<(), String>,
) -> Result<(), String>
where
    I: Sync,
    T: Send,
{
    if jobs <= 1 || items.len() <= 1 {
        return items.iter().try_for_each(|item| emit(Some(work(item)?)));
    }
    let window = jobs.saturating_mul(WINDOW_PER_JOB);
    let gate = Gate { state: Mutex::new(GateState::default()), turn: Condvar::new() };
    let (sender, receiver) = mpsc::channel::<(usize, Result<T, String>)>();
    std::thread::scope(|scope| {
        for started in 0..jobs.min(items.len()) {
            let sender = sender.clone();
            let (gate, work) = (&gate, &work);
            let worker = move || {
                while let Some(index) = gate.take(items.len(), window) {
                    let Some(item) = items.get(index) else { return };
                    if sender.send((index, work(item))).is_err() {
                        return; // the writer stopped
                    }
                }
            };
            // Past what the system allows (`--jobs 100000`), the workers started do the work.
            if let Err(error) = std::thread::Builder::new().spawn_scoped(scope, worker) {
                if started == 0 {
                    return Err(format!("cannot start a worker thread: {error}"));
                }
                break;
            }
        }
        drop(sender); // the receiver ends when every worker has
        let result = write_in_order(&receiver, items.len(), &gate, &mut emit);
        gate.stop();
        result
    })
}

/// The writer: results arrive in any order and leave in input order.
fn write_in_order<T>(
    receiver: &mpsc::Receiver<(usize, Result<T, String>)>,
    count: usize,
    gate: &Gate,
    emit: &mut impl FnMut(Option<T>) -> Result<(), String>,
) -> Result<(), String> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    while next < count {
        while let Some(result) = waiting.remove(&next) {
            emit(Some(result?))?;
            next += 1;
            gate.written(next);
        }
        if next == count {
            break;
        }
        let (index, result) = match receiver.try_recv() {
            Ok(message) => message,
            Err(TryRecvError::Empty) => {
                emit(None)?;
                receiver.recv().map_err(|_| "a worker thread stopped unexpectedly".to_owned())?
            }
            Err(TryRecvError::Disconnected) => return Err("a worker thread stopped unexpectedly".to_owned()),
        };
        waiting.insert(index, result);
    }
    Ok(())
}

/// Hands out input indices in order, at most `window` ahead of the writer.
struct Gate {
    state: Mutex<GateState>,
    turn: Condvar,
}

#[derive(Default)]
struct GateState {
    /// The next index to hand out.
    next: usize,
    /// How many results the writer has written.
    written: usize,
    /// The writer stopped (done or failed): hand out nothing more.
    stopped: bool,
}

impl Gate {
    /// The next input index for a worker, waiting while `window` inputs are ahead of the writer;
    /// `None` when there are no more or the writer stopped.
    fn take(&self, count: usize, window: usize) -> Option<usize> {
        let mut state = self.lock();
        while !state.stopped && state.next < count && state.next >= state.written.saturating_add(window) {
            state = self.turn.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        if state.stopped || state.next >= count {
            return None;
        }
        state.next += 1;
        Some(state.next - 1)
    }

    fn written(&self, written: usize) {
        self.lock().written = written;
        self.turn.notify_all();
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.turn.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(jobs: usize, items: &[u32], fail_at: Option<u32>) -> (Vec<u32>, Result<(), String>) {
        let mut out = Vec::new();
        let result = run_ordered(
            items,
            jobs,
            |&n| {
                // Later inputs finish first: the reorder buffer has work to do.
                std::thread::sleep(std::time::Duration::from_micros(u64::from(100 - n % 100)));
                if Some(n) == fail_at {
                    Err(format!("cannot read {n}"))
                } else {
                    Ok(n)
                }
            },
            |n| {
                out.extend(n);
                Ok(())
            },
        );
        (out, result)
    }

    #[test]
    fn order_is_kept_with_any_number_of_jobs() {
        let items: Vec<u32> = (0..500).collect();
        for jobs in [1, 2, 3, 8, 64] {
            let (out, result) = run(jobs, &items, None);
            assert_eq!(out, items, "jobs {jobs}");
            assert!(result.is_ok());
        }
    }

    #[test]
    fn the_first_error_stops_output_there() {
        let items: Vec<u32> = (0..300).collect();
        for jobs in [1, 4] {
            let (out, result) = run(jobs, &items, Some(137));
            assert_eq!(out, (0..137).collect::<Vec<_>>(), "jobs {jobs}");
            assert_eq!(result, Err("cannot read 137".to_owned()));
        }
    }

    #[test]
    fn an_emit_error_stops_the_workers() {
        let items: Vec<u32> = (0..1000).collect();
        let result =
            run_ordered(&items, 4, |&n| Ok(n), |n| if n == Some(10) { Err("broken pipe".into()) } else { Ok(()) });
        assert_eq!(result, Err("broken pipe".to_owned()));
    }
}
