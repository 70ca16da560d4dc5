//! What the operations tests capture: every `tracing` event (a small subscriber layer
//! recording each field as text) and every counter (metrics-util's debugging
//! recorder).
//!
//! Tests run in parallel, so the subscriber is one global one (a per-thread subscriber
//! would race with tracing's per-callsite interest cache) that files each event under
//! the capture its thread is attached to: the test's thread, which runs its
//! current-thread runtime and so the server, and any server thread the test attaches.
//! The recorder is set per thread the same way.

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

use metrics_util::debugging::{DebugValue, DebuggingRecorder, Snapshotter};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// One captured event.
#[derive(Debug, Clone)]
pub struct Event {
    pub target: String,
    pub level: tracing::Level,
    pub fields: BTreeMap<String, String>,
}

impl Event {
    /// The field's value as text; fails the test when the event has no such field.
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .unwrap_or_else(|| panic!("no field {name} in {self:?}"))
    }
}

/// The events of each capture, by its id.
static EVENTS: Mutex<Option<HashMap<usize, Vec<Event>>>> = Mutex::new(None);
static NEXT: AtomicUsize = AtomicUsize::new(1);
static GLOBAL: Once = Once::new();

thread_local! {
    /// The capture this thread's events go to.
    static SINK: Cell<usize> = const { Cell::new(0) };
}

struct Capture;

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Capture {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let sink = SINK.with(Cell::get);
        if sink == 0 {
            return;
        }
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let event = Event {
            target: event.metadata().target().to_owned(),
            level: *event.metadata().level(),
            fields,
        };
        let mut events = EVENTS.lock().unwrap();
        events
            .get_or_insert_with(HashMap::new)
            .entry(sink)
            .or_default()
            .push(event);
    }
}

/// Captures the events and counters of this thread (and of the threads attached to it)
/// until dropped.
pub struct Captured {
    id: usize,
    recorder: &'static DebuggingRecorder,
    snapshotter: Snapshotter,
    /// The counters' totals (a snapshot holds what was counted since the last one).
    totals: std::cell::RefCell<BTreeMap<(String, String), u64>>,
    _recorder: metrics::LocalRecorderGuard<'static>,
}

/// What a thread needs to report to a capture; `Send`, for a server thread.
#[derive(Clone, Copy)]
pub struct Sink {
    id: usize,
    recorder: &'static DebuggingRecorder,
}

impl Sink {
    /// Files this thread's events and counters under the capture, for as long as the
    /// returned guard lives.
    pub fn attach(self) -> metrics::LocalRecorderGuard<'static> {
        SINK.with(|sink| sink.set(self.id));
        metrics::set_default_local_recorder(self.recorder)
    }
}

impl Captured {
    /// Starts capturing on the current thread.
    pub fn start() -> Self {
        GLOBAL.call_once(|| {
            let subscriber = tracing_subscriber::registry().with(Capture);
            tracing::subscriber::set_global_default(subscriber).unwrap();
        });
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        SINK.with(|sink| sink.set(id));
        let recorder: &'static DebuggingRecorder = Box::leak(Box::new(DebuggingRecorder::new()));
        Captured {
            id,
            recorder,
            snapshotter: recorder.snapshotter(),
            totals: std::cell::RefCell::default(),
            _recorder: metrics::set_default_local_recorder(recorder),
        }
    }

    /// For another thread to [attach](Sink::attach).
    pub fn sink(&self) -> Sink {
        Sink {
            id: self.id,
            recorder: self.recorder,
        }
    }

    /// The events of target `error_catalog` so far, and forgets them.
    pub fn take(&self) -> Vec<Event> {
        let mut events = EVENTS.lock().unwrap();
        let events = events
            .get_or_insert_with(HashMap::new)
            .remove(&self.id)
            .unwrap_or_default();
        events
            .into_iter()
            .filter(|event| event.target == "error_catalog")
            .collect()
    }

    /// The one event of target `error_catalog` since the last `take`; fails the test when
    /// there is not exactly one.
    pub fn one(&self) -> Event {
        let mut events = self.take();
        assert_eq!(events.len(), 1, "{events:#?}");
        events.remove(0)
    }

    /// The value of every `error_catalog_responses_total` series, by `(code, status)`.
    pub fn counters(&self) -> BTreeMap<(String, String), u64> {
        let mut counters = self.totals.borrow_mut();
        for (key, _, _, value) in self.snapshotter.snapshot().into_vec() {
            if key.key().name() != error_catalog::RESPONSES_TOTAL {
                continue;
            }
            let label = |name: &str| {
                key.key()
                    .labels()
                    .find(|label| label.key() == name)
                    .map(|label| label.value().to_owned())
                    .unwrap_or_default()
            };
            if let DebugValue::Counter(value) = value {
                *counters
                    .entry((label("code"), label("status")))
                    .or_default() += value;
            }
        }
        counters.clone()
    }
}

impl Drop for Captured {
    fn drop(&mut self) {
        SINK.with(|sink| sink.set(0));
        self.take();
    }
}
