public import Foundation

/// Reads a capture of HTTP traffic (HAR 1.2 or NDJSON) entry by entry, in bounded memory.
///
/// The reader pulls the capture in chunks and hands out one ``CaptureEntry`` per entry, in input
/// order, without ever holding more than a chunk and one entry: a 2 GB HAR costs a few megabytes.
/// Every entry gives an entry, also a broken one (its ``CaptureEntry/exchange`` is `nil` and its
/// ``CaptureEntry/problems`` say what is wrong and where); a capture that breaks off ends with one
/// more entry that says where. Only a file that cannot be opened throws; a read that fails later
/// ends the capture with a `capture_io_error` entry.
///
/// ```swift
/// let reader = try CaptureReader(path: "traffic.har")
/// for entry in reader {
///     guard let exchange = entry.exchange else { report(entry.problems); continue }
///     validate(exchange.request, exchange.response)
/// }
/// ```
///
/// The format is taken from ``Options/format``, else from the file's extension (``CaptureFormat/init(fileExtensionOf:)``),
/// else from the content: a JSON object whose first member is `log`, or whose first value spans
/// several lines, is HAR; one whose first value ends on its first line is NDJSON.
///
/// A reader is a single-pass iterator (a class, since it owns the open file); read it on one thread
/// and hand batches (``next(maxCount:)``) to workers.
public final class CaptureReader: Sequence, IteratorProtocol {
    /// How to read a capture.
    public struct Options: Sendable, Hashable {
        /// The capture's format; `nil` to take it from the file's extension or content.
        public var format: CaptureFormat?
        /// Bytes read at a time. Default 1 MiB.
        public var chunkSize: Int
        /// The largest entry (a HAR entry, an NDJSON line) that is read; larger ones are scanned over
        /// and reported as `capture_entry_too_large`. Default 256 MiB.
        public var maxEntryBytes: Int

        public init(format: CaptureFormat? = nil, chunkSize: Int = 1 << 20, maxEntryBytes: Int = 256 << 20) {
            self.format = format
            self.chunkSize = chunkSize
            self.maxEntryBytes = maxEntryBytes
        }
    }

    /// The capture's name, as used in every ``CaptureLocation``.
    public let name: String
    /// The capture's format, as given or detected.
    public let format: CaptureFormat
    private let options: Options
    private let window: ByteWindow
    private var har: HARStreamScanner
    private var ndjson: NDJSONScanner
    private var nextIndex = 0
    private var finished = false

    /// Opens the file at `path` (`-` for standard input).
    public convenience init(path: String, options: Options = Options()) throws(CaptureReadError) {
        let input: ChunkInput
        if path == "-" {
            input = ChunkInput(.descriptor(FileHandle.standardInput.fileDescriptor, owned: false))
        } else {
            input = try ChunkInput.open(path: path).get()
        }
        var options = options
        if options.format == nil { options.format = CaptureFormat(fileExtensionOf: path) }
        self.init(input: input, name: path, options: options)
    }

    /// Reads from an open file handle (a file, a pipe, a socket), which stays open; `name` labels locations.
    public convenience init(fileHandle: FileHandle, name: String, options: Options = Options()) {
        self.init(input: ChunkInput(.descriptor(fileHandle.fileDescriptor, owned: false)), name: name, options: options)
    }

    /// Reads the chunks `nextChunk` produces, until it returns `nil`. An error it throws ends the
    /// capture with a `capture_io_error` entry.
    public convenience init(name: String, options: Options = Options(), nextChunk: @escaping () throws -> [UInt8]?) {
        self.init(input: ChunkInput(.chunks(nextChunk)), name: name, options: options)
    }

    /// Reads a capture held in memory.
    public convenience init(bytes: [UInt8], name: String, options: Options = Options()) {
        var pending: [UInt8]? = bytes
        let input = ChunkInput(
            .chunks({
                defer { pending = nil }
                return pending
            }))
        self.init(input: input, name: name, options: options)
    }

    private init(input: ChunkInput, name: String, options: Options) {
        self.name = name
        self.options = options
        let window = ByteWindow(input: input, chunkSize: options.chunkSize)
        self.window = window
        // A read error while sniffing comes back on the first `next()`, as a `capture_io_error` entry.
        let format = options.format ?? (try? FormatSniffer.sniff(window)) ?? .har
        self.format = format
        window.countsLines = format == .har
        har = HARStreamScanner(file: name, maxEntryBytes: options.maxEntryBytes)
        ndjson = NDJSONScanner(file: name, maxEntryBytes: options.maxEntryBytes)
    }

    /// The next entry, or `nil` after the last.
    public func next() -> CaptureEntry? {
        switch advance(deferring: false) {
        case nil: return nil
        case .decoded(let entry)?: return entry
        case .raw?: preconditionFailure("entries are decoded when not deferring")
        }
    }

    /// The next entry, cut out but (usually) not yet decoded; `nil` after the last. Decoding it with
    /// ``PendingEntry/decode()`` gives what ``next()`` would have.
    public func nextPending() -> PendingEntry? {
        advance(deferring: true).map(PendingEntry.init(content:))
    }

    /// Up to `maxCount` next pending entries, in order, and no more once they hold `maxBytes` (an
    /// entry larger than that comes alone); empty after the last.
    public func nextPending(maxCount: Int, maxBytes: Int = .max) -> [PendingEntry] {
        var batch: [PendingEntry] = []
        batch.reserveCapacity(Swift.max(0, Swift.min(maxCount, 4096)))
        var bytes = 0
        while batch.count < maxCount && bytes < maxBytes, let entry = nextPending() {
            bytes += entry.byteCount
            batch.append(entry)
        }
        return batch
    }

    /// Reads the next entry. When `deferring`, an entry's bytes are copied out to be decoded later
    /// (in parallel) instead of being decoded here: reading only parses a valid entry's JSON into a tape
    /// (which finds its end at the same time), or cuts an entry that cannot be parsed in place.
    private func advance(deferring: Bool) -> PendingEntry.Content? {
        guard !finished else { return nil }
        let event: ScanEvent?
        do {
            event = format == .har ? try har.next(window) : try ndjson.next(window)
        } catch {
            finished = true
            let problem = CaptureProblem(
                code: .captureIOError, message: "reading the capture failed: \(error.reason)",
                location: CaptureLocation(
                    file: name, offset: window.cursorOffset,
                    line: format == .har ? window.line(at: window.cursorOffset) : Swift.max(ndjson.lineNumber, 1)))
            return .decoded(entry(location: problem.location, problems: [problem]))
        }
        guard let event else {
            finished = true
            return nil
        }
        switch event {
        case .entry(let start, let end, let location):
            defer { nextIndex += 1 }
            let shape: EntryDecoder.Shape = format == .har ? .harEntry : .ndjsonLine
            if deferring {
                return .raw(
                    bytes: Array(window.bytes(from: start, to: end)), index: nextIndex, location: location, shape: shape,
                    tape: nil)
            }
            return .decoded(
                EntryDecoder.decode(window.bytes(from: start, to: end), index: nextIndex, location: location, shape: shape))
        case .parsedEntry(let start, let end, let location, let tape):
            defer { nextIndex += 1 }
            if deferring {
                // The tape's offsets are relative to the entry's first byte, so it goes with a copy
                // of just those bytes; decoding does not parse again. A tape much larger
                // than its entry (`[1,1,1,...]` makes 16 bytes of nodes per 2 bytes of text) is not
                // kept waiting in a batch: decoding parses that entry again, so what is read
                // ahead stays a small multiple of the entry bytes read ahead.
                let length = end - start
                let tapeBytes = tape.nodes.capacity * MemoryLayout<JSONTape.Node>.stride
                return .raw(
                    bytes: Array(window.bytes(from: start, to: end)), index: nextIndex, location: location,
                    shape: .harEntry, tape: tapeBytes <= Self.handedTapeBudget(entryLength: length) ? tape : nil)
            }
            return .decoded(
                EntryDecoder.decode(
                    window.bytes(from: start, to: end), index: nextIndex, location: location, shape: .harEntry,
                    parsed: tape))
        case .oversized(let size, let location):
            let problem = CaptureProblem(
                code: .captureEntryTooLarge,
                message:
                    "the entry is \(size) bytes, more than the \(options.maxEntryBytes)-byte budget; it is skipped",
                location: location, hint: "raise the entry budget (--max-entry-bytes) to read it")
            return .decoded(entry(location: location, problems: [problem]))
        case .fatal(let problem):
            finished = true
            return .decoded(entry(location: problem.location, problems: [problem]))
        }
    }

    /// The most bytes of tape handed to a worker with an entry of `entryLength` bytes: four bytes
    /// per entry byte (a HAR entry needs about two), plus 4 KiB so that a small entry's tape always
    /// goes with it.
    static func handedTapeBudget(entryLength: Int) -> Int { 4 * entryLength + 4096 }

    /// Up to `maxCount` next entries, in order; empty after the last.
    public func next(maxCount: Int) -> [CaptureEntry] {
        var batch: [CaptureEntry] = []
        batch.reserveCapacity(Swift.max(0, Swift.min(maxCount, 4096)))
        while batch.count < maxCount, let entry = next() { batch.append(entry) }
        return batch
    }

    /// The most bytes the reader has buffered at once (the chunk plus the largest entry kept).
    var bufferHighWaterMark: Int { window.highWaterMark }

    /// The bytes the reader holds now.
    var bufferCapacity: Int { window.capacity }

    private func entry(location: CaptureLocation, problems: [CaptureProblem]) -> CaptureEntry {
        defer { nextIndex += 1 }
        return CaptureEntry(index: nextIndex, location: location, exchange: nil, problems: problems)
    }
}
