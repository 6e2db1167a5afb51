public import FlowSpecYAML

/// Where something is in a source file: the file, a 1-based line and column, the byte offset, and
/// optionally where it ends.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it (or relative to the root spec's folder for referenced files).
    public var file: String
    public var line: Int
    public var column: Int
    public var offset: Int
    public var endLine: Int?
    public var endColumn: Int?
    public var endOffset: Int?

    public init(
        file: String, line: Int, column: Int, offset: Int = 0, endLine: Int? = nil, endColumn: Int? = nil,
        endOffset: Int? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
        self.endLine = endLine
        self.endColumn = endColumn
        self.endOffset = endOffset
    }

    /// A location spanning `start` to `end` in `file`.
    public init(file: String, start: YAMLMark, end: YAMLMark? = nil) {
        self.init(
            file: file, line: start.line, column: start.column, offset: start.offset, endLine: end?.line,
            endColumn: end?.column, endOffset: end?.offset)
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }
}
