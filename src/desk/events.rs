//! Following the server's events (`GET /api/events`, server-sent events): every write made at
//! any desk is announced, so that each desk refreshes its book, queue and overdue badge. The
//! stream is reopened whenever it drops; the desk is told when the server is lost and when it
//! is back. A long task's progress comes the same way, to the desk that runs it only
//! ([`task_progress`]).

use super::Shared;
use crate::TaskProgress;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// What a desk hears from the server.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskEvent {
    /// A write at some desk: `{"command": …, "case": {…} | null, "by": …}`.
    Changed(Value),
    /// The server stopped answering.
    Lost,
    /// It answers again (after [`DeskEvent::Lost`]).
    Restored,
}

/// The thread following the events; dropping it stops the thread (at the latest when the
/// server's next keep-alive comment arrives, every 15 s).
pub struct Following {
    stop: Arc<AtomicBool>,
}

impl Drop for Following {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Pauses between attempts to reopen the stream.
const FIRST_PAUSE: Duration = Duration::from_millis(500);
const LONGEST_PAUSE: Duration = Duration::from_secs(5);

pub(super) fn follow(shared: Arc<Shared>, on: impl Fn(DeskEvent) + Send + 'static) -> Following {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    std::thread::Builder::new()
        .name("ykien-desk-events".into())
        .spawn(move || {
            let mut lost = false;
            let mut pause = FIRST_PAUSE;
            while !stopped.load(Ordering::SeqCst) {
                let session = shared.session();
                match shared.send(shared.get("/api/events", None)) {
                    Ok(response) if response.status().is_success() => {
                        if lost {
                            lost = false;
                            on(DeskEvent::Restored);
                        }
                        read_stream(response, &stopped, |name, data| {
                            if name == "changed" {
                                if let Ok(data) = serde_json::from_str(data) {
                                    on(DeskEvent::Changed(data));
                                }
                            }
                            true
                        });
                        // The stream ended: the server went away, restarts, or ended the
                        // session. Reopening it at once tells which (Lost when it fails).
                        pause = FIRST_PAUSE;
                    }
                    // The server answers but refuses (no session yet, or it ended): not a lost
                    // connection; try again when the desk may have signed in.
                    Ok(_) => {
                        if lost {
                            lost = false;
                            on(DeskEvent::Restored);
                        }
                    }
                    Err(_) => {
                        if !lost {
                            lost = true;
                            on(DeskEvent::Lost);
                        }
                    }
                }
                // A desk that has just signed in (or out) follows at once: the changes made
                // in the moments after a sign-in must not wait for the longest pause.
                sleep_unless(pause, || stopped.load(Ordering::SeqCst) || shared.session() != session);
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
        })
        .expect("a thread can be started");
    Following { stop }
}

/// Sleeps `pause`, looking every 100 ms whether `woken` says to stop sleeping.
fn sleep_unless(pause: Duration, woken: impl Fn() -> bool) {
    let step = Duration::from_millis(100);
    let mut slept = Duration::ZERO;
    while slept < pause && !woken() {
        std::thread::sleep(step);
        slept += step;
    }
}

/// Reads events until the stream ends, goes silent, the follower is stopped or `on` (given
/// each event's name and data) answers false.
fn read_stream(response: reqwest::blocking::Response, stopped: &AtomicBool, mut on: impl FnMut(&str, &str) -> bool) {
    let mut event = Sse::default();
    for line in BufReader::new(response).lines() {
        if stopped.load(Ordering::SeqCst) {
            return;
        }
        let Ok(line) = line else { return };
        if let Some(done) = event.line(&line) {
            if !on(&done.name, &done.data) {
                return;
            }
        }
    }
}

/// Opens a stream of the server's events for the desk's long task that is about to start,
/// and hands its progress (`event: progress`, sent to this session only) to the returned
/// receiver from a thread of its own. The server listens for the desk once the stream's
/// headers are answered, which this waits for (at most [`OPEN_WAIT`], a server that does
/// not answer is not waited for longer), so that the task's first report is not missed.
/// `None` when the desk has no session or the server refuses the stream: the task then runs
/// untold.
///
/// The thread ends when the receiver is dropped, at the stream's next event or keep-alive
/// comment (every 15 s), or when the stream ends.
pub(super) fn task_progress(shared: &Arc<Shared>) -> Option<mpsc::Receiver<TaskProgress>> {
    shared.session()?;
    let (tx, rx) = mpsc::channel();
    let (opened_tx, opened) = mpsc::sync_channel(1);
    let shared = shared.clone();
    std::thread::Builder::new()
        .name("ykien-desk-progress".into())
        .spawn(move || {
            let response = shared.send(shared.get("/api/events", None)).ok().filter(|r| r.status().is_success());
            let _ = opened_tx.send(response.is_some());
            let Some(response) = response else { return };
            read_stream(response, &AtomicBool::new(false), |name, data| {
                if name != "progress" {
                    return true;
                }
                match task_progress_of(data) {
                    Some(progress) => tx.send(progress).is_ok(),
                    None => true,
                }
            })
        })
        .ok()?;
    match opened.recv_timeout(OPEN_WAIT) {
        Ok(true) | Err(mpsc::RecvTimeoutError::Timeout) => Some(rx),
        Ok(false) | Err(mpsc::RecvTimeoutError::Disconnected) => None,
    }
}

/// How long a long task waits for its progress stream to open before it starts untold of
/// its first reports.
const OPEN_WAIT: Duration = Duration::from_secs(5);

/// The data of a `progress` event: `{"task": "import", "done": 500, "total": 1200}`.
fn task_progress_of(data: &str) -> Option<TaskProgress> {
    let v: Value = serde_json::from_str(data).ok()?;
    Some(TaskProgress { task: v.get("task")?.as_str()?.to_owned(), done: v.get("done")?.as_u64()?, total: v.get("total")?.as_u64()? })
}

/// One event of the stream, as its lines arrive (the text/event-stream format: `event:` and
/// `data:` fields, a blank line ends the event, lines starting with `:` are comments).
#[derive(Default, Debug, PartialEq)]
struct Sse {
    name: String,
    data: String,
}

impl Sse {
    /// Takes a line; answers the event it completes.
    fn line(&mut self, line: &str) -> Option<Sse> {
        if line.is_empty() {
            let done = std::mem::take(self);
            return (!done.data.is_empty() || !done.name.is_empty()).then(|| Sse {
                name: if done.name.is_empty() { "message".into() } else { done.name },
                data: done.data,
            });
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = line.split_once(':').map_or((line, ""), |(f, v)| (f, v.strip_prefix(' ').unwrap_or(v)));
        match field {
            "event" => self.name = value.to_owned(),
            "data" => {
                if !self.data.is_empty() {
                    self.data.push('\n');
                }
                self.data.push_str(value);
            }
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_read_line_by_line_and_comments_skipped() {
        let mut sse = Sse::default();
        let mut done = Vec::new();
        for line in [": ping", "", "event: changed", "data: {\"command\":", "data: \"feedback_add\"}", "", "data:x", ""] {
            done.extend(sse.line(line));
        }
        assert_eq!(
            done,
            vec![
                Sse { name: "changed".into(), data: "{\"command\":\n\"feedback_add\"}".into() },
                Sse { name: "message".into(), data: "x".into() },
            ]
        );
        let value: Value = serde_json::from_str(&done[0].data).unwrap();
        assert_eq!(value["command"], "feedback_add");
    }

    #[test]
    fn a_progress_event_is_read_as_the_tasks_progress() {
        let p = task_progress_of(r#"{"task":"import","done":500,"total":1200}"#).unwrap();
        assert_eq!((p.task.as_str(), p.done, p.total), ("import", 500, 1200));
        assert!(task_progress_of(r#"{"task":"import"}"#).is_none());
    }
}
