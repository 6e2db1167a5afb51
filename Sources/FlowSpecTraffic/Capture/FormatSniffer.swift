/// Tells HAR from NDJSON by a capture's first bytes, when neither the caller nor the file name says.
///
/// A HAR is one JSON object whose member is `log`, usually pretty-printed over many lines; an NDJSON
/// capture is one object per line. So: a first member named `log` means HAR; otherwise the first
/// value decides, by whether it ends before its first line break (NDJSON) or not (HAR). Anything that
/// is not a JSON object at all goes to the HAR reader, which reports it as `capture_not_har`.
///
/// Bytes are read only until the answer is known, so a live NDJSON stream on standard input is not
/// held up waiting for a full chunk; a first line longer than ``lookahead`` is taken for NDJSON.
enum FormatSniffer {
    static let lookahead = 64 << 10

    static func sniff(_ window: ByteWindow) throws(ChunkInput.Failure) -> CaptureFormat {
        while true {
            if let format = decide(window) { return format }
            if window.count - window.cursor >= lookahead { return .ndjson }
            guard try window.readMore() else { return decide(window, atEnd: true) ?? .ndjson }
        }
    }

    /// The format, or `nil` when the bytes so far do not tell yet.
    private static func decide(_ window: ByteWindow, atEnd: Bool = false) -> CaptureFormat? {
        var i = window.cursor
        let end = window.count
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let available = end - i
        if available < 3 && !atEnd && window.bytes(from: i, to: end).elementsEqual(byteOrderMark.prefix(available)) {
            return nil  // perhaps the start of a byte order mark
        }
        if available >= 3 && window.bytes(from: i, to: i + 3).elementsEqual(byteOrderMark) { i += 3 }
        while i < end, isWhitespace(window[i]) { i += 1 }
        guard i < end else { return atEnd ? .har : nil }
        guard window[i] == UInt8(ascii: "{") else { return .har }
        let open = i
        i += 1
        while i < end, isWhitespace(window[i]) { i += 1 }
        let log = Array("\"log\"".utf8)
        var matched = 0
        while matched < log.count && i + matched < end && window[i + matched] == log[matched] { matched += 1 }
        if matched == log.count { return .har }
        if i + matched == end && !atEnd { return nil }
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
        return atEnd ? .ndjson : nil
    }

    private static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }
}
