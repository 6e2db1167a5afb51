import FlowSpecModel

/// Streams the entries out of a HAR 1.2 document (`{"log":{"entries":[...]}}`) of any size.
///
/// The document is walked as a state machine over a ``ByteWindow``: top-level and `log` members are
/// recognised by name in any order, members other than `log` and `entries` (`creator`, `pages`,
/// custom ones) are scanned over without being kept, and each element of `entries` is cut out by
/// ``ValueCutter`` and handed on as raw bytes. Memory is one chunk plus the largest entry kept.
/// When the document breaks (truncated, invalid JSON between entries, brackets that do not match),
/// the scanner reports one fatal problem with its location and ends: the entries before it stand.
struct HARStreamScanner {
    private enum Phase {
        case begin
        case topMembers(first: Bool)
        case logMembers(first: Bool)
        case entries(first: Bool)
        case trailer
        case done
    }

    let file: String
    let maxEntryBytes: Int
    private var phase = Phase.begin
    private var cutter = ValueCutter()
    private var sawLog = false
    private var sawEntries = false
    private var entriesCut = 0

    init(file: String, maxEntryBytes: Int) {
        self.file = file
        self.maxEntryBytes = maxEntryBytes
    }

    mutating func next(_ window: ByteWindow) throws(ChunkInput.Failure) -> ScanEvent? {
        while true {
            switch phase {
            case .done:
                return nil
            case .begin:
                guard let c = try window.peekNonWhitespace() else {
                    return fatal(.captureEmpty, "the capture is empty", at: window.cursorOffset, window)
                }
                guard c == UInt8(ascii: "{") else {
                    return fatal(
                        .captureNotHAR,
                        "the capture is not a HAR file: it starts with \(describeJSONValue(startingWith: c)), "
                            + "not the object `{\"log\":{\"entries\":[...]}}`",
                        at: window.cursorOffset, window,
                        hint: "export the traffic as HAR 1.2, or pass a capture with one exchange per line as NDJSON")
                }
                window.cursor += 1
                phase = .topMembers(first: true)
            case .topMembers(let first):
                if let event = try member(first: first, closing: "the HAR document", window) { return event }
            case .logMembers(let first):
                if let event = try member(first: first, closing: "`log`", window) { return event }
            case .entries(let first):
                if let event = try entry(first: first, window) { return event }
            case .trailer:
                guard let c = try window.peekNonWhitespace() else {
                    phase = .done
                    return nil
                }
                return fatal(
                    .captureInvalidJSON,
                    "unexpected \(describeJSONValue(startingWith: c)) after the end of the HAR document",
                    at: window.cursorOffset, window, hint: "remove what follows the document's closing `}`")
            }
        }
    }

    /// Reads one member of the top-level object or of `log` (or the object's end); returns an event
    /// only for a fatal problem.
    private mutating func member(first: Bool, closing what: String, _ window: ByteWindow)
        throws(ChunkInput.Failure) -> ScanEvent?
    {
        let inLog: Bool
        if case .logMembers = phase { inLog = true } else { inLog = false }
        guard var c = try window.peekNonWhitespace() else { return truncated(inside: what, window) }
        if c == UInt8(ascii: "}") {
            window.cursor += 1
            if inLog {
                phase = .topMembers(first: false)
                if !sawEntries {
                    return fatal(
                        .captureNotHAR, "`log` has no `entries` member, so this is not a HAR capture",
                        at: window.cursorOffset - 1, window, hint: "export the traffic as HAR 1.2")
                }
                return nil
            }
            phase = .trailer
            if !sawLog {
                return fatal(
                    .captureNotHAR, "the JSON object has no `log` member, so this is not a HAR capture",
                    at: window.cursorOffset - 1, window, hint: "export the traffic as HAR 1.2")
            }
            return nil
        }
        if !first {
            guard c == UInt8(ascii: ",") else {
                return fatal(
                    .captureInvalidJSON, "expected `,` or `}` in \(what), found \(describeJSONValue(startingWith: c))",
                    at: window.cursorOffset, window)
            }
            window.cursor += 1
            guard let next = try window.peekNonWhitespace() else { return truncated(inside: what, window) }
            c = next
        }
        guard c == UInt8(ascii: "\"") else {
            return fatal(
                .captureInvalidJSON,
                "expected a member name in double quotes in \(what), found \(describeJSONValue(startingWith: c))",
                at: window.cursorOffset, window)
        }
        let key: [UInt8]
        switch try cutter.cut(window, budget: 4096) {
        case .complete(let start, let end): key = memberName(window.bytes(from: start, to: end))
        case .skipped: key = []
        case .truncated, .mismatch: return truncated(inside: what, window)
        }
        guard let colon = try window.peekNonWhitespace() else { return truncated(inside: what, window) }
        guard colon == UInt8(ascii: ":") else {
            return fatal(
                .captureInvalidJSON, "expected `:` after a member name in \(what)", at: window.cursorOffset, window)
        }
        window.cursor += 1
        guard let value = try window.peekNonWhitespace() else { return truncated(inside: what, window) }
        phase = inLog ? .logMembers(first: false) : .topMembers(first: false)
        if !inLog && !sawLog && key.elementsEqual("log".utf8) {
            sawLog = true
            guard value == UInt8(ascii: "{") else {
                return fatal(
                    .captureNotHAR, "`log` is \(describeJSONValue(startingWith: value)); a HAR log is an object",
                    at: window.cursorOffset, window)
            }
            window.cursor += 1
            phase = .logMembers(first: true)
            return nil
        }
        if inLog && !sawEntries && key.elementsEqual("entries".utf8) {
            sawEntries = true
            guard value == UInt8(ascii: "[") else {
                return fatal(
                    .captureNotHAR,
                    "`log.entries` is \(describeJSONValue(startingWith: value)); HAR entries are an array",
                    at: window.cursorOffset, window)
            }
            window.cursor += 1
            phase = .entries(first: true)
            return nil
        }
        return try skipValue(startingWith: value, inside: what, window)
    }

    /// Scans over a member's value without keeping it.
    private mutating func skipValue(startingWith c: UInt8, inside what: String, _ window: ByteWindow)
        throws(ChunkInput.Failure) -> ScanEvent?
    {
        guard startsJSONValue(c) else {
            return fatal(
                .captureInvalidJSON, "expected a value in \(what), found \(describeJSONValue(startingWith: c))",
                at: window.cursorOffset, window)
        }
        switch try cutter.cut(window, budget: nil) {
        case .complete, .skipped: return nil
        case .truncated: return truncated(inside: what, window)
        case .mismatch(let offset, let message):
            return fatal(.captureInvalidJSON, "invalid JSON in \(what): \(message)", at: offset, window)
        }
    }

    /// Cuts the next element of `log.entries` (or reads the array's end).
    private mutating func entry(first: Bool, _ window: ByteWindow) throws(ChunkInput.Failure) -> ScanEvent? {
        guard var c = try window.peekNonWhitespace() else { return truncated(inside: "`log.entries`", window) }
        if c == UInt8(ascii: "]") {
            window.cursor += 1
            phase = .logMembers(first: false)
            return nil
        }
        if !first {
            guard c == UInt8(ascii: ",") else {
                return fatal(
                    .captureInvalidJSON,
                    "expected `,` or `]` after entry \(entriesCut - 1) in `log.entries`, found "
                        + describeJSONValue(startingWith: c),
                    at: window.cursorOffset, window)
            }
            window.cursor += 1
            guard let next = try window.peekNonWhitespace() else {
                return truncated(inside: "`log.entries`", window)
            }
            c = next
        }
        guard startsJSONValue(c) else {
            return fatal(
                .captureInvalidJSON,
                "expected an entry in `log.entries`, found \(describeJSONValue(startingWith: c))",
                at: window.cursorOffset, window)
        }
        phase = .entries(first: false)
        let location = window.location(window.cursorOffset, file: file)
        let index = entriesCut
        entriesCut += 1
        // Parsing where the entry lies finds its end and its tape in one pass over its bytes, so a
        // valid entry is never scanned twice (once to cut, once to parse). A scalar entry must be
        // parsed here anyway: the cutter would take `12x` as one value, the parser stops after `12`
        // (and the scanner then reports the `x`).
        if let parsed = parseInPlace(window, location: location) { return parsed }
        switch try cutter.cut(window, budget: maxEntryBytes) {
        case .complete(let start, let end):
            return .entry(start: start, end: end, location: location)
        case .skipped(let size):
            return .oversized(size: size, location: location)
        case .truncated:
            phase = .done
            return .fatal(
                CaptureProblem(
                    code: .captureTruncated,
                    message: "the capture ends inside entry \(index) (at byte \(window.cursorOffset)); "
                        + "the file is probably truncated",
                    location: location, hint: "capture the traffic again, or cut the file after the last whole entry"))
        case .mismatch(let offset, let message):
            return fatal(
                .captureInvalidJSON,
                "entry \(index) is not valid JSON: \(message); the entries after it cannot be told apart",
                at: offset, window)
        }
    }

    /// The common case, in one pass: the entry lies whole in the window and is valid JSON, so parsing
    /// it finds its end too. Anything else (an entry that runs past the window, invalid JSON, one over
    /// the budget) returns `nil` and goes through ``ValueCutter``, which finds the end first.
    private func parseInPlace(_ window: ByteWindow, location: CaptureLocation) -> ScanEvent? {
        let start = window.cursor
        let available = window.bytes(from: start, to: window.count)
        guard let (tape, length) = try? JSONTape.parsePrefix(available), length <= maxEntryBytes else { return nil }
        // A number that reaches the end of the window may go on in the next chunk.
        if length == available.count && tape.nodes[0].kind == .number && !window.atEnd { return nil }
        window.cursor += length
        return .parsedEntry(start: start, end: start + length, location: location, tape: tape)
    }

    private mutating func truncated(inside what: String, _ window: ByteWindow) -> ScanEvent {
        fatal(
            .captureTruncated,
            "the capture ends inside \(what) (after \(entriesCut) entries); the file is probably truncated",
            at: window.cursorOffset, window, hint: "capture the traffic again, or repair the end of the file")
    }

    private mutating func fatal(
        _ code: DiagnosticCode, _ message: String, at offset: Int, _ window: ByteWindow, hint: String? = nil
    ) -> ScanEvent {
        phase = .done
        return .fatal(
            CaptureProblem(code: code, message: message, location: window.location(offset, file: file), hint: hint))
    }

    /// The unescaped text of a member name token.
    private func memberName(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard token.contains(UInt8(ascii: "\\")) else { return Array(token.dropFirst().dropLast()) }
        var out: [UInt8] = []
        JSONStrings.unescape(token, into: &out)
        return out
    }
}
