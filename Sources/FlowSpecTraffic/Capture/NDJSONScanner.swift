#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits an NDJSON capture (one JSON exchange per line; see `docs/ndjson-capture-format.md`) into lines.
///
/// Lines end at `\n` (a `\r` before it is dropped); blank lines are skipped and are not entries. A
/// line longer than the budget is scanned to its end without being kept and reported as oversized,
/// and reading goes on with the next line: unlike HAR, NDJSON recovers from any broken line.
struct NDJSONScanner {
    let file: String
    let maxEntryBytes: Int
    /// The number of the line read last (or being read).
    private(set) var lineNumber = 0
    private var sawEntry = false
    private var done = false

    init(file: String, maxEntryBytes: Int) {
        self.file = file
        self.maxEntryBytes = maxEntryBytes
    }

    mutating func next(_ window: ByteWindow) throws(ChunkInput.Failure) -> ScanEvent? {
        while !done {
            let offset = window.cursorOffset
            lineNumber += 1
            var start = window.cursor
            var i = start
            var keeping = true
            var end = 0
            var atEnd = false
            while true {
                if let newline = Self.findNewline(window, from: i) {
                    end = newline
                    break
                }
                i = window.count
                if keeping && i - start > maxEntryBytes { keeping = false }
                window.cursor = i
                let shift = window.drop(before: keeping ? start : i)
                start -= shift
                i -= shift
                guard try window.readMore() else {
                    end = i
                    atEnd = true
                    break
                }
            }
            window.cursor = atEnd ? end : end + 1
            if atEnd { done = true }
            let location = CaptureLocation(file: file, offset: offset, line: lineNumber)
            if !keeping || end - start > maxEntryBytes {
                sawEntry = true
                return .oversized(size: window.origin + end - offset, location: location)
            }
            var lineEnd = end
            if offset == 0 && lineEnd - start >= 3 && window[start] == 0xEF && window[start + 1] == 0xBB
                && window[start + 2] == 0xBF
            {
                start += 3  // a UTF-8 byte order mark
            }
            if lineEnd > start && window[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if isBlank(window, from: start, to: lineEnd) { continue }
            sawEntry = true
            return .entry(start: start, end: lineEnd, location: location)
        }
        if !sawEntry {
            sawEntry = true
            return .fatal(
                CaptureProblem(
                    code: .captureEmpty, message: "the capture is empty",
                    location: CaptureLocation(file: file, offset: 0, line: 1),
                    hint: "an NDJSON capture holds one JSON object per line"))
        }
        return nil
    }

    private static func findNewline(_ window: ByteWindow, from index: Int) -> Int? {
        guard index < window.count else { return nil }
        guard let found = memchr(window.base + index, 0x0A, window.count - index) else { return nil }
        return window.base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func isBlank(_ window: ByteWindow, from start: Int, to end: Int) -> Bool {
        var i = start
        while i < end {
            switch window[i] {
            case 0x20, 0x09, 0x0D: i += 1
            default: return false
            }
        }
        return true
    }
}
