/// Why a JSON text could not be parsed, and where.
///
/// A struct over an open set of codes, so new checks can be added without breaking callers. The
/// ``offset`` is the byte offset of the problem; ``line`` and ``column`` (1-based, column in Unicode
/// scalars) are computed from it when the error is made, which costs nothing on the success path.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier of the kind of problem.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's text, such as `json.duplicate_key`.
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Text that is not JSON: an unexpected character, a missing comma or colon.
        public static let syntax = Code(rawValue: "json.syntax")
        /// The input ends inside a value, or holds no value at all.
        public static let unexpectedEnd = Code(rawValue: "json.unexpected_end")
        /// Bytes that are not UTF-8.
        public static let invalidUTF8 = Code(rawValue: "json.invalid_utf8")
        /// A string escape that JSON does not define, or a lone UTF-16 surrogate.
        public static let invalidEscape = Code(rawValue: "json.invalid_escape")
        /// A number outside JSON's grammar (`01`, `1.`, `.5`, `+1`, `NaN`).
        public static let invalidNumber = Code(rawValue: "json.invalid_number")
        /// An object with the same member name twice.
        public static let duplicateKey = Code(rawValue: "json.duplicate_key")
        /// Nesting deeper than ``JSONParser/Options/maxDepth``.
        public static let depthExceeded = Code(rawValue: "json.depth_exceeded")
        /// More bytes than ``JSONParser/Options/maxInputBytes``.
        public static let inputTooLarge = Code(rawValue: "json.input_too_large")
    }

    /// What kind of problem it is.
    public var code: Code
    /// What went wrong, in a sentence.
    public var message: String
    /// The 0-based byte offset of the problem.
    public var offset: Int
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, in Unicode scalars.
    public var column: Int

    public init(code: Code, message: String, offset: Int, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line:column: message (byte offset N)`.
    public var description: String { "\(line):\(column): \(message) (byte offset \(offset))" }
}
