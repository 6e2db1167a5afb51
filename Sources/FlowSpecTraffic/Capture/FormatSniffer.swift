/// Tells HAR from NDJSON by a capture's first bytes, when neither the caller nor the file name says.
///
/// A HAR is one JSON object whose member is `log`, usually pretty-printed over many lines; an NDJSON
/// capture is one object per line. So: a first member named `log` means HAR; otherwise the first
/// value decides, by whether it ends before its first line break (NDJSON) or not (HAR). Anything that
/// is not a JSON object at all goes to the HAR reader, which reports it as `capture_not_har`.
enum FormatSniffer {
    /// How far to look before deciding; a first line longer than this is taken for NDJSON.
    static let lookahead = 64 << 10

    static func sniff(_ window: ByteWindow) throws(ChunkInput.Failure) -> CaptureFormat {
        try window.fill(atLeast: lookahead)
        var i = window.cursor
        let end = window.count
        if end - i >= 3 && window[i] == 0xEF && window[i + 1] == 0xBB && window[i + 2] == 0xBF { i += 3 }
        while i < end, isWhitespace(window[i]) { i += 1 }
        guard i < end, window[i] == UInt8(ascii: "{") else { return .har }
        let open = i
        i += 1
        while i < end, isWhitespace(window[i]) { i += 1 }
        if i + 5 <= end, window.bytes(from: i, to: i + 5).elementsEqual("\"log\"".utf8) { return .har }
        // Does the first value close before a line break?
        var depth = 0
        var inString = false
        var escaped = false
        i = open
        while i < end {
            let c = window[i]
            i += 1
            if inString {
                if escaped {
                    escaped = false
                } else if c == UInt8(ascii: "\\") {
                    escaped = true
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return .ndjson }
            case 0x0A: return .har
            default: break
            }
        }
        return .ndjson
    }

    private static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }
}
