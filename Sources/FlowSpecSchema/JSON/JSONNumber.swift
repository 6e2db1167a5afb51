/// A JSON number, kept exactly as written.
///
/// `text` is the number's JSON text (`-0.07`, `18446744073709551616`, `1e400`). Comparison and
/// arithmetic (for `multipleOf`, `minimum`, `enum`) are exact decimal operations on that text, never
/// through `Double`, so `0.07` is a multiple of `0.01`, 2^64 and 2^53+1 keep their value, and `1e400` is
/// not infinity. `1`, `1.0` and `10e-1` are equal and hash alike.
///
/// NOTE: this file is a placeholder for the exact-decimal implementation; `isInteger`, equality and
/// ordering must work on the decimal form, not on `Double`.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's JSON text.
    public let text: String

    public init(text: String) { self.text = text }

    public init(_ value: Int) { self.text = String(value) }

    public var description: String { text }

    /// Whether the number has an integral value (`1.0` and `1e2` do).
    public var isInteger: Bool { !text.contains(".") && !text.contains("e") && !text.contains("E") }

    /// The nearest `Double`, for display and for formats that need one.
    public var doubleValue: Double { Double(text) ?? .nan }
}
