/// Where a capture entry, or a problem in it, is in the capture file.
///
/// Offsets count bytes from the start of the capture (0-based); lines count `\n` (1-based), so
/// `offset` is exact for tools and `line` is what a person looks for in an editor. For NDJSON the
/// line is the entry's line; for HAR it is the line on which the entry's `{` stands.
public struct CaptureLocation: Hashable, Sendable, CustomStringConvertible {
    /// The capture's name as the caller gave it: a path, `-` for standard input, or a label.
    public var file: String
    /// Byte offset of the entry's (or the problem's) first byte, from the start of the capture.
    public var offset: Int
    /// 1-based line of ``offset``.
    public var line: Int

    public init(file: String, offset: Int, line: Int) {
        self.file = file
        self.offset = offset
        self.line = line
    }

    /// `file:line (byte offset)`, such as `traffic.har:1042 (byte 88213)`.
    public var description: String { "\(file):\(line) (byte \(offset))" }
}
