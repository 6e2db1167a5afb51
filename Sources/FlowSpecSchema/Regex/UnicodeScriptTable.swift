/// Looks up and decodes the generated ``UnicodeScriptData`` tables.
enum UnicodeScriptTable {
    /// The code points of the script called `name` (its long name or any alias, case-sensitive), from `Script` or,
    /// with `extensions`, `Script_Extensions`; `nil` if no script has that name.
    static func scriptRanges(named name: String, extensions: Bool) -> [ClosedRange<UInt32>]? {
        let table = extensions ? UnicodeScriptData.scriptExtensions : UnicodeScriptData.scripts
        for line in table.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let names = line[..<colon].split(separator: " ")
            guard names.contains(where: { $0 == name }) else { continue }
            return decode(line[line.index(after: colon)...])
        }
        return nil
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
