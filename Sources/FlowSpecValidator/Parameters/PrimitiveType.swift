public import FlowSpecSchema

/// The JSON type a parameter's schema gives a primitive value, so that text from a URL or header
/// becomes the JSON value the schema expects.
///
/// Coercion happens only when the text is a valid literal of the type; otherwise the text is kept as a
/// string, so that the schema validator reports a clear type error (`expected integer, got string
/// "five"`) instead of the decoder inventing one.
public enum PrimitiveType: String, Sendable, Hashable, CaseIterable {
    /// Keep the text as a string (also the choice when the schema names no type).
    case string
    /// A JSON number literal (`5`, `-3`, `1.5`, `1e3`): it becomes a number, and the schema decides
    /// whether its value is an integer, so `"1.5"` is reported as "not an integer" rather than "a string".
    case integer
    /// A JSON number literal. `+1`, `.5`, `01`, `NaN` and `Infinity` are not JSON and stay strings.
    case number
    /// `true` or `false`, exactly; `TRUE`, `1` and `yes` stay strings.
    case boolean

    /// The JSON value for `text`.
    public func coerce(_ text: String) -> JSONValue {
        switch self {
        case .string:
            return .string(text)
        case .integer, .number:
            return Self.isJSONNumber(text) ? .number(JSONNumber(text: text)) : .string(text)
        case .boolean:
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            return .string(text)
        }
    }

    /// RFC 8259 `number = [ minus ] int [ frac ] [ exp ]`.
    static func isJSONNumber(_ text: String) -> Bool {
        // Native strings are read in place (an array of the bytes was an allocation per value).
        if let answer = text.utf8.withContiguousStorageIfAvailable({ isJSONNumber(bytes: $0) }) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer { isJSONNumber(bytes: $0) }
    }

    /// ``isJSONNumber(_:)`` of the text with UTF-8 bytes `bytes`.
    static func isJSONNumber(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
