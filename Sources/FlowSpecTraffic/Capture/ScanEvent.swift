/// What a capture scanner found next in the byte stream.
enum ScanEvent {
    /// An entry's bytes, at window indices `start..<end` (valid until the window is refilled).
    case entry(start: Int, end: Int, location: CaptureLocation)
    /// An entry's bytes, already parsed where they lay in the window.
    case parsedEntry(start: Int, end: Int, location: CaptureLocation, tape: JSONTape)
    /// An entry that was scanned over but not kept, because it is larger than the budget.
    case oversized(size: Int, location: CaptureLocation)
    /// A problem after which nothing more can be read; the scanner ends.
    case fatal(CaptureProblem)
}

extension ByteWindow {
    /// The location of absolute `offset` in the capture named `file`.
    func location(_ offset: Int, file: String) -> CaptureLocation {
        CaptureLocation(file: file, offset: offset, line: line(at: offset))
    }
}

/// Words for a JSON value from its first byte, for messages such as "`log` is an array".
func describeJSONValue(startingWith c: UInt8) -> String {
    switch c {
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "\""): return "a string"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
    case UInt8(ascii: "n"): return "null"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
    case 0x21..<0x7F: return "`\(Unicode.Scalar(c))`"
    default:
        let hex = String(c, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }
}

/// Whether `c` can start a JSON value.
func startsJSONValue(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "f"),
        UInt8(ascii: "n"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return false
    }
}
