/// Looks up and decodes the generated ``UnicodeScriptData`` tables.
enum UnicodeScriptTable {
    /// The code points of the script called `name` (its long name or any alias, case-sensitive), from `Script` or,
    /// with `extensions`, `Script_Extensions`; `nil` if no script has that name.
    static func scriptRanges(named name: String, extensions: Bool) -> [ClosedRange<UInt32>]? {
        var table = extensions ? UnicodeScriptData.scriptExtensions : UnicodeScriptData.scripts
        let wanted = Array(name.utf8)
        return table.withUTF8 { bytes -> [ClosedRange<UInt32>]? in
            // Scan line headers (`Name Alias...:`) byte by byte; decode only the matching line.
            var lineStart = 0
            while lineStart < bytes.count {
                var index = lineStart
                var wordStart = index
                var found = false
                while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                    if bytes[index] == UInt8(ascii: " ") {
                        found = found || bytes[wordStart..<index].elementsEqual(wanted)
                        wordStart = index + 1
                    }
                    index += 1
                }
                found = found || bytes[wordStart..<index].elementsEqual(wanted)
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if found {
                    let data = UnsafeBufferPointer(rebasing: bytes[min(index + 1, lineEnd)..<lineEnd])
                    return decode(Substring(String(decoding: data, as: UTF8.self)))
                }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    /// `Extended_Pictographic`.
    static let extendedPictographic: [ClosedRange<UInt32>] = decode(Substring(UnicodeScriptData.extendedPictographic))

    /// `Emoji_Component`.
    static let emojiComponent: [ClosedRange<UInt32>] = decode(Substring(UnicodeScriptData.emojiComponent))

    /// Decodes comma-separated base-36 numbers alternating between the gap after the previous range's end and the
    /// length of the next range minus one.
    static func decode(_ text: Substring) -> [ClosedRange<UInt32>] {
        var ranges: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        var gap: UInt32?
        for token in text.split(separator: ",") {
            guard let value = UInt32(token, radix: 36) else { continue }
            if let start = gap.map({ next + $0 }) {
                ranges.append(start...(start + value))
                next = start + value + 1
                gap = nil
            } else {
                gap = value
            }
        }
        return ranges
    }
}
