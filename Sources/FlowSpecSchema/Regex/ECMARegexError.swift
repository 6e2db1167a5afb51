/// Why an ECMA-262 pattern could not be compiled, and where.
///
/// The ``code`` is stable and meant for programs (a linter maps it to its own rule code); the ``message`` is plain
/// English for people; ``offset`` points into the pattern so a caller can underline the culprit in the spec.
///
/// ```swift
/// do {
///     _ = try ECMARegex("[z-a]")
/// } catch {
///     // error.code == .invalidPattern, error.offset == 1,
///     // error.message == "character class range out of order: 'z-a'"
/// }
/// ```
///
/// Offsets count **Unicode scalars** (code points) from the start of the pattern, starting at 0: the `é` in `é[`
/// is one scalar, so the unterminated class starts at offset 1. Convert with
/// `pattern.unicodeScalars.index(pattern.unicodeScalars.startIndex, offsetBy: offset)`.
public struct ECMARegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier for a kind of failure (an open vocabulary: new codes may be added).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The pattern is not valid ECMA-262 with the `u` flag (the syntax JSON Schema requires).
        public static let invalidPattern = Code(rawValue: "invalid_pattern")
        /// The pattern is valid ECMA-262 but uses something this engine does not implement (listed in
        /// ``ECMARegex``'s documentation).
        public static let unsupportedFeature = Code(rawValue: "unsupported_feature")
        /// The pattern is valid but would compile to more than ``ECMARegex/Options/maxProgramSize`` instructions,
        /// or nests groups deeper than ``ECMARegex/Options/maxNestingDepth``.
        public static let patternTooComplex = Code(rawValue: "pattern_too_complex")

        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A one-line explanation, for example `unterminated character class: missing ']'`.
    public let message: String
    /// Where in the pattern the problem starts, in Unicode scalars from 0.
    public let offset: Int
    /// How to fix it, when there is a likely fix (for example the ECMA-262 spelling of a Python construct).
    public let hint: String?

    public init(code: Code, message: String, offset: Int, hint: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.hint = hint
    }

    init(_ reason: RegexErrorReason, at offset: Int) {
        let rendered = reason.rendered
        self.init(code: rendered.code, message: rendered.message, offset: offset, hint: rendered.hint)
    }

    public var description: String {
        var text = "\(message) (at offset \(offset))"
        if let hint { text += "; \(hint)" }
        return text
    }
}
