#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sliding window over a capture's bytes: what has been read and not yet dropped.
///
/// Scanners move ``cursor`` forward and call ``refill(keepingFrom:)`` when they run out; the bytes
/// before the kept index are dropped and one more chunk is read. Memory is therefore the chunk size
/// plus whatever a scanner keeps (one entry at most), which ``highWaterMark`` records for tests.
/// Lines are counted as bytes are dropped or asked for, so every byte is looked at once for `\n`.
final class ByteWindow {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Number of valid bytes, from `base[0]`.
    private(set) var count = 0
    /// The scanners' read position, an index into the window.
    var cursor = 0
    /// Absolute offset (in the capture) of `base[0]`.
    private(set) var origin = 0
    /// Whether the input has ended (no more bytes will come).
    private(set) var atEnd = false
    /// The most bytes the window has ever held (its largest capacity).
    private(set) var highWaterMark: Int
    let chunkSize: Int
    /// Whether ``line(at:)`` is wanted; NDJSON numbers its lines itself and turns this off.
    var countsLines = true
    private let input: ChunkInput
    /// Lines are counted up to this absolute offset; `linesBefore` is the line number there.
    private var countedTo = 0
    private var lineThere = 1

    init(input: ChunkInput, chunkSize: Int) {
        self.input = input
        self.chunkSize = max(chunkSize, 16)
        self.capacity = self.chunkSize
        self.base = Self.resize(nil, to: self.chunkSize)
        self.highWaterMark = self.chunkSize
    }

    deinit {
        free(base)
    }

    /// `realloc`, because growing a large block then moves page mappings instead of copying bytes: a
    /// 200 MB entry read in 1 MiB chunks grows the window 200 times.
    private static func resize(_ pointer: UnsafeMutablePointer<UInt8>?, to capacity: Int) -> UnsafeMutablePointer<UInt8>
    {
        guard let raw = realloc(pointer, capacity) else {
            fatalError("out of memory: cannot hold \(capacity) bytes of a capture entry")
        }
        return raw.assumingMemoryBound(to: UInt8.self)
    }

    /// Absolute offset of the cursor.
    var cursorOffset: Int { origin + cursor }

    /// The byte at `index`.
    @inline(__always) subscript(index: Int) -> UInt8 { base[index] }

    /// The valid bytes from `start` to `end` (window indices), valid until the next refill.
    func bytes(from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// Drops the bytes before window index `keep`, which must not be after ``cursor``; returns the
    /// shift, by which every window index a caller holds (the cursor included) moves down.
    func drop(before keep: Int) -> Int {
        guard keep > 0 else { return 0 }
        countLines(to: origin + keep)
        let kept = count - keep
        if kept > 0 { base.update(from: base + keep, count: kept) }
        origin += keep
        count = kept
        cursor -= keep
        return keep
    }

    /// Reads what fits (up to about a chunk) after the valid bytes, growing the window when little
    /// room is left. Returns `false` at the end of the input.
    func readMore() throws(ChunkInput.Failure) -> Bool {
        if atEnd { return false }
        if capacity > 8 * chunkSize && count + chunkSize < capacity / 4 {
            // After an outsized entry, give the memory back.
            capacity = count + chunkSize
            base = Self.resize(base, to: capacity)
        }
        // Grow when less than a quarter chunk is free, so that short reads (a pipe, a trickle of
        // small chunks) do not resize the window on every call.
        if capacity - count < chunkSize / 4 {
            let newCapacity = count + chunkSize
            base = Self.resize(base, to: newCapacity)
            capacity = newCapacity
            highWaterMark = max(highWaterMark, capacity)
        }
        let n = try input.read(into: base + count, count: capacity - count)
        if n == 0 {
            atEnd = true
            return false
        }
        count += n
        return true
    }

    /// Reads until at least `wanted` bytes follow the cursor or the input ends; drops nothing.
    func fill(atLeast wanted: Int) throws(ChunkInput.Failure) {
        while count - cursor < wanted {
            guard try readMore() else { return }
        }
    }

    /// Moves the cursor past whitespace (and a UTF-8 byte order mark at the very start), reading as
    /// needed and dropping what it passes. Returns the byte at the cursor, or `nil` at the end.
    func peekNonWhitespace() throws(ChunkInput.Failure) -> UInt8? {
        while true {
            while cursor < count {
                let c = base[cursor]
                switch c {
                case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
                case 0xEF where origin + cursor == 0 && startsWithByteOrderMark: cursor += 3
                default: return c
                }
            }
            _ = drop(before: cursor)
            guard try readMore() else { return nil }
        }
    }

    private var startsWithByteOrderMark: Bool {
        count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
    }

    /// The 1-based line of absolute `offset`, which must not be before an offset asked for earlier or
    /// already dropped (scanners ask in increasing order).
    func line(at offset: Int) -> Int {
        countLines(to: offset)
        return lineThere
    }

    private func countLines(to offset: Int) {
        guard countsLines, offset > countedTo else { return }
        let from = max(countedTo - origin, 0)
        let to = min(offset - origin, count)
        var lines = 0
        var i = from
        while i < to, let found = memchr(base + i, 0x0A, to - i) {
            lines &+= 1
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        lineThere += lines
        countedTo = offset
    }
}
