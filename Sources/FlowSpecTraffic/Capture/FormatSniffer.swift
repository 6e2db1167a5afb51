/// Tells HAR from NDJSON by a capture's first bytes, when neither the caller nor the file name says.
///
/// A HAR is one JSON object whose member is `log`, usually pretty-printed over many lines; an NDJSON
/// capture is one object per line. So: a first member named `log` means HAR; otherwise the first
/// value decides, by whether it ends before its first line break (NDJSON) or not (HAR). Anything that
/// is not a JSON object at all goes to the HAR reader, which reports it as `capture_not_har`.
///
/// Bytes are read only until the answer is known, so a live NDJSON stream on standard input is not
/// held up waiting for a full chunk; each byte is looked at once however the input is split, and a
/// first line longer than ``lookahead`` is taken for NDJSON.
struct FormatSniffer {
    static let lookahead = 64 << 10

    private enum Phase {
        case byteOrderMark
        case leadingSpace
        case afterBrace
        case firstKey(matched: Int)
        case firstValue(depth: Int, inString: Bool, escaped: Bool)
    }

    private var phase = Phase.byteOrderMark
    /// The next window index to look at (the window drops nothing while sniffing).
    private var index: Int
    private var brace = 0

    static func sniff(_ window: ByteWindow) throws(ChunkInput.Failure) -> CaptureFormat {
        var sniffer = FormatSniffer(index: window.cursor)
        while true {
            if let format = sniffer.decide(window, atEnd: false) { return format }
            if window.count - window.cursor >= lookahead { return .ndjson }
            guard try window.readMore() else { return sniffer.decide(window, atEnd: true) ?? .ndjson }
        }
    }

    private init(index: Int) {
        self.index = index
    }

    /// The format, or `nil` when the bytes so far do not tell yet.
    private mutating func decide(_ window: ByteWindow, atEnd: Bool) -> CaptureFormat? {
        let end = window.count
        while true {
            switch phase {
            case .byteOrderMark:
                let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
                let available = min(end - index, 3)
                guard window.bytes(from: index, to: index + available).elementsEqual(mark.prefix(available)) else {
                    phase = .leadingSpace
                    continue
                }
                if available == 3 {
                    index += 3
                } else if !atEnd {
                    return nil
                }
                phase = .leadingSpace
            case .leadingSpace:
                while index < end, isWhitespace(window[index]) { index += 1 }
                guard index < end else { return atEnd ? .har : nil }
                guard window[index] == UInt8(ascii: "{") else { return .har }
                brace = index
                index += 1
                phase = .afterBrace
            case .afterBrace:
                while index < end, isWhitespace(window[index]) { index += 1 }
                guard index < end else { return atEnd ? .ndjson : nil }
                phase = .firstKey(matched: 0)
            case .firstKey(var matched):
                let log = Array("\"log\"".utf8)
                while matched < log.count && index < end && window[index] == log[matched] {
                    matched += 1
                    index += 1
                }
                if matched == log.count { return .har }
                if index == end && !atEnd {
                    phase = .firstKey(matched: matched)
                    return nil
                }
                // Not `log`: scan the first value from its brace.
                index = brace
                phase = .firstValue(depth: 0, inString: false, escaped: false)
            case .firstValue(var depth, var inString, var escaped):
                while index < end {
                    let c = window[index]
                    index += 1
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
                phase = .firstValue(depth: depth, inString: inString, escaped: escaped)
                return atEnd ? .ndjson : nil
            }
        }
    }

    private func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }
}
