#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where every line of a file starts, so that a node can keep only byte offsets and still report
/// its line and column.
///
/// A large spec has hundreds of thousands of nodes and only tens of thousands of lines: one
/// 32-bit offset per line costs far less than a line and a column in every node's record. Lines
/// end at `\n` (a `\r\n` pair ends one line, as libyaml and the JSON reader count it); columns are
/// 1-based and count Unicode scalars from the line's start, and the first line starts after a UTF-8
/// byte order mark, which neither reader counts. A mark that does not follow these rules (libyaml
/// also breaks lines at a lone `\r`, NEL, LS and PS, and moves its end-of-stream mark to a new line)
/// is kept whole by the tree instead; ``matches(_:cursor:)`` tells which.
struct LineTable: Sendable {
    /// The byte offset of each line's first byte; the first entry is 0, or 3 after a byte order mark.
    let lineStarts: [UInt32]
    /// For a file with non-ASCII bytes, one bit per line, set when the line has any. On the other
    /// lines a column is a subtraction; on these it is a count of scalars. Empty for an ASCII file.
    private let nonASCIILines: [UInt64]
    /// When a non-ASCII line is longer than ``checkpointStride`` (minified JSON is one line), the
    /// number of Unicode scalars before each multiple of the stride, so that a column costs at most
    /// a stride's bytes to count. Empty otherwise.
    private let scalarCheckpoints: [UInt32]
    private let source: [UInt8]

    private static let checkpointStride = 4096

    init(source: [UInt8]) {
        self.source = source
        var starts: [UInt32] = []
        var checkpoints: [UInt32] = []
        var nonASCII: [UInt64] = []
        source.withUnsafeBufferPointer { bytes in
            let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            starts.reserveCapacity(Self.count(0x0A, in: bytes) + 1)
            starts.append(UInt32(bom))
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                starts.append(UInt32(truncatingIfNeeded: index + 1))
                offset = index + 1
            }
            nonASCII = Self.nonASCIILines(bytes, lineStarts: starts)
            guard Self.hasLongNonASCIILine(nonASCII, lineStarts: starts, count: bytes.count) else { return }
            checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
            var scalars = 0
            var blockStart = 0
            while blockStart <= bytes.count {
                checkpoints.append(UInt32(truncatingIfNeeded: scalars))
                let blockEnd = min(blockStart + Self.checkpointStride, bytes.count)
                scalars += Self.scalarCount(bytes[blockStart..<blockEnd])
                blockStart += Self.checkpointStride
            }
        }
        lineStarts = starts
        scalarCheckpoints = checkpoints
        nonASCIILines = nonASCII
    }

    /// One bit per line, set for the lines that hold a byte of 0x80 or above; empty when none does.
    /// Words of eight bytes are tested at once, and only a word with such a byte looks up its line
    /// (lines are walked forward, as the words are).
    private static func nonASCIILines(_ bytes: UnsafeBufferPointer<UInt8>, lineStarts: [UInt32]) -> [UInt64] {
        var bits: [UInt64] = []
        var line = 0
        let raw = UnsafeRawBufferPointer(bytes)
        func flag(_ offset: Int) {
            while line + 1 < lineStarts.count && Int(lineStarts[line + 1]) <= offset { line += 1 }
            if bits.isEmpty { bits = [UInt64](repeating: 0, count: lineStarts.count / 64 + 1) }
            bits[line / 64] |= 1 << UInt64(line % 64)
        }
        var offset = 0
        while offset + 32 <= raw.count {
            let any =
                raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
            if any & 0x8080_8080_8080_8080 != 0 {
                for index in 0..<4 {
                    var high = raw.loadUnaligned(fromByteOffset: offset + index * 8, as: UInt64.self) & 0x8080_8080_8080_8080
                    while high != 0 {
                        flag(offset + index * 8 + high.trailingZeroBitCount / 8)
                        high &= high - 1
                    }
                }
            }
            offset += 32
        }
        while offset < raw.count {
            if raw[offset] >= 0x80 { flag(offset) }
            offset += 1
        }
        return bits
    }

    private static func hasLongNonASCIILine(_ bits: [UInt64], lineStarts: [UInt32], count: Int) -> Bool {
        guard !bits.isEmpty else { return false }
        for line in 0..<lineStarts.count where bits[line / 64] & (1 << UInt64(line % 64)) != 0 {
            let end = line + 1 < lineStarts.count ? Int(lineStarts[line + 1]) : count
            if end - Int(lineStarts[line]) > checkpointStride { return true }
        }
        return false
    }

    /// The line and column of a byte offset.
    func mark(at offset: Int) -> YAMLMark {
        var low = 0
        var high = lineStarts.count
        // The last line that starts at or before `offset`.
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle }
        }
        let lineStart = Int(lineStarts[low])
        guard offset > lineStart else { return YAMLMark(line: low + 1, column: 1, offset: offset) }
        return YAMLMark(line: low + 1, column: column(of: offset, lineStart: lineStart, line: low), offset: offset)
    }

    /// Whether the whole file is ASCII.
    var isASCII: Bool { nonASCIILines.isEmpty }

    /// Whether a line is all ASCII, so that its columns are byte distances.
    func isASCII(line: Int) -> Bool {
        nonASCIILines.isEmpty || nonASCIILines[line / 64] & (1 << UInt64(line % 64)) == 0
    }

    /// The 1-based column of `offset` on the line starting at `lineStart`.
    private func column(of offset: Int, lineStart: Int, line: Int) -> Int {
        if isASCII(line: line) { return offset - lineStart + 1 }
        return source.withUnsafeBufferPointer { bytes in
            if scalarCheckpoints.isEmpty { return Self.scalarCount(bytes[lineStart..<offset]) + 1 }
            return scalarsBefore(offset, in: bytes) - scalarsBefore(lineStart, in: bytes) + 1
        }
    }

    private func scalarsBefore(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let block = offset / Self.checkpointStride
        let blockStart = block * Self.checkpointStride
        return Int(scalarCheckpoints[block]) + Self.scalarCount(bytes[blockStart..<offset])
    }

    /// The column last checked on a line, so that checking the marks of a long line in the order
    /// they come walks the line once.
    struct Cursor {
        var line = -1
        var offset = 0
        var column = 1
    }

    /// Whether ``mark(at:)`` gives `mark` back from its offset. Marks come nearly in file order, and
    /// `cursor` carries the column counted so far on the current line.
    func matches(_ mark: PackedMark, cursor: inout Cursor) -> Bool {
        let line = Int(mark.line) - 1
        let offset = Int(mark.offset)
        guard line >= 0, line < lineStarts.count else { return false }
        let lineStart = Int(lineStarts[line])
        guard offset >= lineStart, line + 1 == lineStarts.count || offset < Int(lineStarts[line + 1]) else {
            return false
        }
        if isASCII(line: line) { return Int(mark.column) == offset - lineStart + 1 }
        if cursor.line != line || cursor.offset > offset {
            cursor = Cursor(line: line, offset: lineStart, column: 1)
        }
        cursor.column += source.withUnsafeBufferPointer { Self.scalarCount($0[cursor.offset..<offset]) }
        cursor.offset = offset
        return Int(mark.column) == cursor.column
    }

    /// How many times `byte` occurs in `bytes`.
    private static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var total = 0
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(byte), bytes.count - offset) {
            total += 1
            offset = (UnsafeRawPointer(found) - UnsafeRawPointer(base)) + 1
        }
        return total
    }

    /// The Unicode scalars in well-formed UTF-8 `bytes`: the bytes that are not continuation bytes
    /// (`10xxxxxx`), eight at a time.
    static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes))
        let words = raw.count / 8
        var continuation = 0
        for w in 0..<words {
            let word = raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            // Bit 7 set and bit 6 clear marks a continuation byte.
            continuation += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        }
        for i in (words * 8)..<raw.count where raw[i] & 0xC0 == 0x80 { continuation += 1 }
        return raw.count - continuation
    }
}
