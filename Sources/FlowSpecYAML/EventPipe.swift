internal import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libyaml's events for one input, made on a helper thread while the caller builds the tree from
/// the events made so far.
///
/// libyaml's scanner and parser are about two thirds of the time it takes to read a large spec
/// into a ``YAMLTree``, and the tree builder the rest; the two can overlap. The events pass through
/// a ring of slots: the helper parses into the next free slot and publishes how many it has made;
/// the caller takes them in order and publishes how many it has consumed. A slot's event is
/// deleted by the helper just before the slot is reused (or at the end), so libyaml's memory is
/// freed on the thread that allocated it.
///
/// Events arrive in exactly the order a single-threaded loop would see them, so the tree, the
/// budgets and every error are the same.
final class EventPipe {
    /// How many events may be made ahead of the caller.
    private static let capacity = 4096

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let slots: UnsafeMutablePointer<yaml_event_t>
    /// How many events the caller waits for when it sleeps: it is woken once per batch, not per event.
    private static let batch = 512

    /// Counters, each on a cache line of its own: made (0), consumed (8), failed (16), stop (24), and
    /// the count of made events at which a sleeping caller wants to be woken (32; 0 when awake).
    private let counters: UnsafeMutablePointer<Int>
    /// Where the caller sleeps when the helper falls behind (a descheduled helper on a busy machine):
    /// spinning or yielding there gave the caller's core away for whole time slices.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var thread: pthread_t?
    /// Events taken by the caller so far (the caller's own copy of the consumed counter).
    private var taken = 0

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
        slots = .allocate(capacity: Self.capacity)
        slots.initialize(repeating: yaml_event_t(), count: Self.capacity)
        counters = .allocate(capacity: 40)
        counters.initialize(repeating: 0, count: 40)
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        for index in 0..<Self.capacity { yaml_event_delete(slots + index) }
        slots.deallocate()
        counters.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    /// Wakes the caller if it sleeps.
    private func wake() {
        pthread_mutex_lock(mutex)
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Starts parsing with `parser` (already given its input) on a helper thread; `nil` when no
    /// thread could be started (the caller then parses on its own).
    static func start(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> EventPipe? {
        let pipe = EventPipe(parser: parser)
        guard let thread = PosixThread.start({ pipe.produce() }) else { return nil }
        pipe.thread = thread
        return pipe
    }

    /// The helper's loop: parse into the next free slot until the stream ends, libyaml fails, or the
    /// caller stops.
    private func produce() {
        var made = 0
        while true {
            var spins = 0
            while made - fs_load_acquire(counters + 8) >= Self.capacity {
                if fs_load_acquire(counters + 24) != 0 { return }
                spins += 1
                if spins < 64 { fs_pause() } else { sched_yield() }
            }
            if fs_load_acquire(counters + 24) != 0 { return }
            let slot = slots + made % Self.capacity
            yaml_event_delete(slot)
            guard yaml_parser_parse(parser, slot) == 1 else {
                fs_store_seq(counters + 16, 1)
                wake()
                return
            }
            made += 1
            fs_store_seq(counters, made)
            if slot.pointee.type == YAML_STREAM_END_EVENT {
                wake()
                return
            }
            let wakeAt = fs_load_seq(counters + 32)
            if wakeAt != 0 && made >= wakeAt { wake() }
        }
    }

    /// The next event, in order; `nil` when libyaml failed (its error is then in the parser, and
    /// the helper has stopped). The event stays valid until the next call.
    func next() -> UnsafeMutablePointer<yaml_event_t>? {
        if taken > 0 { fs_store_release(counters + 8, taken) }
        var spins = 0
        while fs_load_acquire(counters) <= taken {
            if fs_load_acquire(counters + 16) != 0 && fs_load_acquire(counters) <= taken {
                finish()
                return nil
            }
            spins += 1
            if spins < 64 {
                fs_pause()
                continue
            }
            // The helper is behind: sleep until it has made a batch, ended or failed (it wakes the
            // caller then), with a timeout in case a wake-up is missed.
            pthread_mutex_lock(mutex)
            fs_store_seq(counters + 32, taken + Self.batch)
            while fs_load_seq(counters) <= taken && fs_load_seq(counters + 16) == 0 {
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                var deadline = now
                deadline.tv_nsec += 2_000_000
                if deadline.tv_nsec >= 1_000_000_000 {
                    deadline.tv_sec += 1
                    deadline.tv_nsec -= 1_000_000_000
                }
                pthread_cond_timedwait(condition, mutex, &deadline)
            }
            fs_store_seq(counters + 32, 0)
            pthread_mutex_unlock(mutex)
            spins = 0
        }
        let slot = slots + taken % Self.capacity
        taken += 1
        return slot
    }

    /// Stops the helper and waits for it; the parser is the caller's again.
    func finish() {
        guard let thread else { return }
        fs_store_release(counters + 24, 1)
        pthread_join(thread, nil)
        self.thread = nil
    }
}
