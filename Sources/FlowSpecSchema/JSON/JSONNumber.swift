/// A JSON number, kept exactly as written.
///
/// ``text`` is the number's JSON text (`-0.07`, `18446744073709551616`, `1e400`). Comparison and
/// arithmetic (for `multipleOf`, `minimum`, `enum`) are exact decimal operations, never through
/// `Double`, so `0.07` is a multiple of `0.01`, 2^64 and 2^53+1 keep their value, and `1e400` is not
/// infinity. `1`, `1.0` and `10e-1` are equal and hash alike; so are `-0` and `0`.
///
/// ```swift
/// let price = JSONNumber(text: "0.07")
/// price.isMultiple(of: JSONNumber(text: "0.01"))   // true
/// JSONNumber(text: "1e400") > JSONNumber(text: "1e399")   // true
/// ```
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number's text, as written.
    public let text: String
    @usableFromInline let value: ExactDecimal

    /// A number from its JSON text. Text that is not a JSON number (or YAML's `+1`, `.5`, `1.`)
    /// makes a value that equals only numbers with the same text and is never an integer.
    public init(text: String) {
        var copy = text
        let parsed = copy.withUTF8 { ExactDecimal.parse($0, lenient: true) }
        self.text = text
        self.value = parsed ?? .invalid
    }

    /// A number from its JSON text, or `nil` if the text is not a JSON number (RFC 8259 grammar).
    public init?(validating text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ ExactDecimal.parse($0) }) else { return nil }
        self.text = text
        self.value = parsed
    }

    init(text: String, value: ExactDecimal) {
        self.text = text
        self.value = value
    }

    public init(_ value: Int) {
        self.text = String(value)
        self.value = ExactDecimal(value)
    }

    /// A number from a `Double`, written in its shortest round-tripping form; infinities and NaN
    /// have no JSON form and give `nil`.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e18 {
            self.init(Int(value))
        } else {
            self.init(text: "\(value)")
        }
    }

    public var description: String { text }

    /// Whether the number has an integral value (`1.0` and `1e2` do).
    public var isInteger: Bool { value.isInteger }

    /// Whether the number is below zero (`-0` is not).
    public var isNegative: Bool { value.isNegative && !value.isZero }

    /// The value as an `Int64` when it is an integer in range.
    public var int64Value: Int64? { value.int64 }

    /// The nearest `Double`, for display and for formats that need one (may be infinite).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// Whether `self / divisor` is an integer, exactly. A zero divisor divides nothing.
    public func isMultiple(of divisor: JSONNumber) -> Bool { value.isMultiple(of: divisor.value) }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if case .invalid = lhs.value { return lhs.text == rhs.text }
        if case .invalid = rhs.value { return false }
        return lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        if case .invalid = value {
            hasher.combine(text)
        } else {
            hasher.combine(value)
        }
    }

    /// Exact numeric order; text that is not a number orders below every number.
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.invalid, .invalid): return lhs.text < rhs.text
        case (.invalid, _): return true
        case (_, .invalid): return false
        default: return ExactDecimal.compare(lhs.value, rhs.value) < 0
        }
    }

    /// -1, 0 or 1, exactly.
    public func compare(to other: JSONNumber) -> Int {
        if self < other { return -1 }
        return self == other ? 0 : 1
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self.init(value) }

    /// Float literals go through `Double`: write `JSONNumber(text: "0.1")` when the exact text matters.
    public init(floatLiteral value: Double) { self.init(text: "\(value)") }
}
