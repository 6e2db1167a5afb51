import FlowSpecLint

/// Writes JSON straight into a byte buffer, exactly as `JSONOutput.serialized(pretty: false)` would:
/// the traffic report's entries are written this way because building a `JSONOutput` tree and a
/// `String` for each of a capture's entries was a tenth of `flowspec validate`'s time.
///
/// Strings are escaped by ``JSONOutput/appendString(_:to:)``, the byte form of JSONOutput's own escaping.
struct JSONBytes {
    var bytes: [UInt8]

    init(into bytes: [UInt8] = []) { self.bytes = bytes }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { raw("null") }
    }

    mutating func string(_ value: String?) {
        guard var value else {
            raw("null")
            return
        }
        value.withUTF8 { JSONOutput.appendString($0, to: &bytes) }
    }
}
