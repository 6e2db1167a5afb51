#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a source file, indexed by line, so the text reporter can draw a code frame under a
/// finding.
///
/// Built once per file from the bytes the linter already holds; the line index is one pass over the
/// bytes. Lines end at `\n`; a `\r` before it is not part of the line.
public struct SourceText: Sendable, Hashable {
    /// The file's bytes (UTF-8; invalid sequences are shown as U+FFFD).
    public let bytes: [UInt8]
    /// The byte offset at which each line starts, line 1 first.
    let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        // `memchr` finds the line breaks: a byte-by-byte loop over a large spec took longer than
        // writing the whole report, on the main thread after the rules.
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// The number of lines (a final line without a newline counts; an empty file has one empty line).
    public var lineCount: Int { lineStarts.count }

    /// The byte range of 1-based line `number`, without its line break; `nil` past the end.
    public func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of 1-based line `number`, without its line break; `nil` past the end.
    public func line(_ number: Int) -> String? {
        guard let range = byteRange(ofLine: number) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
