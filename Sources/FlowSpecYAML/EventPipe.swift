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
    /// Counters, each on a cache line of its own: made (0), consumed (8), failed (16), stop (24).
    private let counters: UnsafeMutablePointer<Int>
    private var thread: pthread_t?
    /// Events taken by the caller so far (the caller's own copy of the consumed counter).
    private var taken = 0

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
        slots = .allocate(capacity: Self.capacity)
        slots.initialize(repeating: yaml_event_t(), count: Self.capacity)
        counters = .allocate(capacity: 32)
        counters.initialize(repeating: 0, count: 32)
    }

    deinit {
        for index in 0..<Self.capacity { yaml_event_delete(slots + index) }
        slots.deallocate()
        counters.deallocate()
    }

    /// Starts parsing with `parser` (already given its input) on a helper thread; `nil` when no
    /// thread could be started (the caller then parses on its own).
    static func start(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> EventPipe? {
        #if os(Linux)
            let pipe = EventPipe(parser: parser)
            let context = Unmanaged.passRetained(pipe).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(
                &thread, nil,
                { context in
                    let pipe = Unmanaged<EventPipe>.fromOpaque(context!).takeRetainedValue()
                    pipe.produce()
                    return nil
                }, context)
            guard started == 0 else {
                Unmanaged<EventPipe>.fromOpaque(context).release()
                return nil
            }
            pipe.thread = thread
            return pipe
        #else
            return nil
        #endif
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
                fs_store_release(counters + 16, 1)
                return
            }
            made += 1
            fs_store_release(counters, made)
            if slot.pointee.type == YAML_STREAM_END_EVENT { return }
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
            if spins < 64 { fs_pause() } else { sched_yield() }
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
