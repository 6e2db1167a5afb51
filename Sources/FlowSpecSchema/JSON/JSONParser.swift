/// A strict RFC 8259 JSON parser for request and response bodies: UTF-8 bytes to a ``JSONValue``.
///
/// Numbers keep their text (``JSONNumber``), duplicate member names are an error (so the verdict
/// never depends on which duplicate a later reader would keep), invalid UTF-8 and invalid JSON are
/// reported with their byte offset, and nesting has a budget, so no input can exhaust the stack.
///
/// ```swift
/// let body = try JSONParser.parse(Array(#"{"id": 18446744073709551616}"#.utf8))
/// ```
///
/// The parser works on the raw bytes: strings without escapes are made in one copy, ASCII is checked
/// eight bytes at a time, and small integers never go through text.
public enum JSONParser {
    /// Budgets and switches.
    public struct Options: Sendable, Hashable {
        /// Deepest nesting of arrays and objects. Default 512.
        public var maxDepth: Int
        /// Largest input accepted, in bytes. Default 256 MiB.
        public var maxInputBytes: Int
        /// Whether an object may hold the same member name twice (the first one is kept). Default
        /// `false`: a duplicate is a ``JSONParseError/Code/duplicateKey`` error.
        public var allowDuplicateKeys: Bool

        public init(maxDepth: Int = 512, maxInputBytes: Int = 256 << 20, allowDuplicateKeys: Bool = false) {
            self.maxDepth = maxDepth
            self.maxInputBytes = maxInputBytes
            self.allowDuplicateKeys = allowDuplicateKeys
        }

        /// The defaults, documented on each property.
        public static let `default` = Options()
    }

    /// Parses one JSON value (surrounded by optional whitespace) from `bytes`.
    public static func parse(_ bytes: [UInt8], options: Options = .default) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parse(buffer, options: options) }
        }
        return try result.get()
    }

    /// Parses one JSON value from `text`.
    public static func parse(_ text: String, options: Options = .default) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try parse(buffer, options: options) }
        }
        return try result.get()
    }

    /// Parses one JSON value from raw bytes.
    public static func parse(
        _ buffer: UnsafeRawBufferPointer, options: Options = .default
    ) throws(JSONParseError) -> JSONValue {
        try parse(buffer.bindMemory(to: UInt8.self), options: options)
    }

    /// Parses one JSON value from a buffer of UTF-8 bytes.
    public static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, options: Options = .default
    ) throws(JSONParseError) -> JSONValue {
        try tape(buffer, options: options).value(JSONTape.root)
    }

    /// Parses into the flat form the validator reads.
    static func tape(_ buffer: UnsafeBufferPointer<UInt8>, options: Options) throws(JSONParseError) -> JSONTape {
        var reader = JSONReader(buffer, options: options)
        if buffer.count > options.maxInputBytes {
            throw reader.error(
                .inputTooLarge,
                "the input is \(buffer.count) bytes, more than the \(options.maxInputBytes)-byte budget",
                at: 0)
        }
        return try reader.document()
    }
}
