#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tail of a split file (see ``SplitPoint``), read into a builder of its own on a helper thread
/// while the caller reads the head.
///
/// Its marks are moved by the lines and bytes before the cut as they are read, so they are the
/// whole file's; its builder shares the whole file's source and line table. The caller touches
/// ``builder`` and ``end`` only after ``join()`` (or after running ``run()`` itself).
final class TailParse: @unchecked Sendable {
    private let buffer: UnsafeBufferPointer<UInt8>
    private let sourceArray: [UInt8]
    private let options: YAMLParseOptions
    private let lines: LineTable
    private let cut: Int
    private var thread: pthread_t?

    /// The tail's nodes, with its root mapping still open; `nil` when the tail did not read as a part.
    private(set) var builder: YAMLTreeBuilder?
    /// Where the tail's root and stream ended.
    private(set) var end: YAMLParser.PartEnd?

    /// - Parameter cut: where the tail starts, at the start of a line.
    init(buffer: UnsafeBufferPointer<UInt8>, sourceArray: [UInt8], options: YAMLParseOptions, lines: LineTable, cut: Int) {
        self.buffer = buffer
        self.sourceArray = sourceArray
        self.options = options
        self.lines = lines
        self.cut = cut
    }

    /// Reads the tail on this thread.
    func run() {
        let tail = UnsafeBufferPointer(rebasing: buffer[cut...])
        guard let parser = YAMLParser.makeParser(tail) else { return }
        defer { YAMLParser.dispose(parser) }
        var builder = YAMLTreeBuilder(
            options: options, source: buffer, sourceArray: sourceArray, lines: lines, reading: tail.count)
        var offsets = CharacterOffsets(
            tail, lines: lines, lineShift: lines.mark(at: cut).line - 1, offsetShift: cut)
        guard
            let end = try? YAMLParser.read(
                parser, pipe: nil, into: &builder, offsets: &offsets, buffer: tail, part: true)
        else { return }
        self.builder = builder
        self.end = end
    }

    /// Starts ``run()`` on a helper thread; `false` when no thread could be started.
    func start() -> Bool {
        thread = PosixThread.start { self.run() }
        return thread != nil
    }

    /// Waits for the helper thread started by ``start()``.
    func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }
}
