/// A position in a source file: 1-based line and column, and the 0-based byte offset.
///
/// Columns count Unicode scalars, as libyaml does, so a caret drawn under a non-ASCII line lands on
/// the right character. The byte offset is what an editor or a fixer seeks to.
public struct YAMLMark: Hashable, Sendable, Comparable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// 0-based byte offset from the start of the file.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool { lhs.offset < rhs.offset }

    /// Computes the mark of a byte offset by scanning `bytes` from the start.
    ///
    /// Used for errors that libyaml reports only as an offset (invalid UTF-8) and for the JSON
    /// reader's rare error path; never on a hot path.
    public static func locate(offset: Int, in bytes: some Collection<UInt8>) -> YAMLMark {
        var line = 1
        var column = 1
        var index = 0
        for byte in bytes {
            if index >= offset { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return YAMLMark(line: line, column: column, offset: offset)
    }
}
