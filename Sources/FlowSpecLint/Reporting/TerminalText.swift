/// Makes text that came from the input safe to print on a terminal.
///
/// Messages quote spec text, and a spec is untrusted input: an `ESC [ 2 J` in a description must not
/// clear the user's screen, a NUL must not end a C string in a log pipeline, a right-to-left override
/// must not reorder what a reviewer reads, and a 10 MB string must not flood the terminal. The text,
/// GitHub and JUnit reporters pass everything from the input through here; JSON and SARIF keep it
/// whole and exact, since their own escaping makes it safe.
///
/// Escapes are visible and unambiguous enough to read (`\e`, `\0`, `\x07`, `\u{202e}`), not meant to be
/// reversed: a backslash already in the text is left as it is, so regular expressions stay legible.
public enum TerminalText {
    /// The default length above which ``shortened(_:limit:)`` cuts a string.
    public static let defaultLimit = 240

    /// `text` with every control character, C1 control, bidirectional-formatting character, line
    /// or paragraph separator and byte-order mark replaced by a visible escape.
    ///
    /// - Parameter keepNewlines: keep `\n` and `\r` as they are (for formats that encode them themselves).
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepNewlines: keepNewlines) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` cut to its first and last characters with a count of what was left out, when it has more
    /// than `limit` Unicode scalars: `head…[9760 characters omitted]…tail`.
    ///
    /// Two thirds of the budget go to the head, one third to the tail.
    public static func shortened(_ text: String, limit: Int = defaultLimit) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        guard limit > 0, count > limit else { return text }
        let headCount = limit * 2 / 3
        let tailCount = limit - headCount
        let omitted = count - headCount - tailCount
        var result = String(String.UnicodeScalarView(scalars.prefix(headCount)))
        result += "…[\(omitted) characters omitted]…"
        result += String(String.UnicodeScalarView(scalars.suffix(tailCount)))
        return result
    }

    /// ``shortened(_:limit:)`` then ``escaped(_:keepNewlines:)``: what the text reporter prints.
    public static func safe(_ text: String, limit: Int = defaultLimit) -> String {
        escaped(shortened(text, limit: limit))
    }

    /// Whether `scalar` is printed as an escape.
    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D: return !keepNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi formatting
        case 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// The visible escape of one scalar.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x01...0x1F, 0x7F: return "\\x" + hex(scalar.value, width: 2)
        default: return "\\u{" + hex(scalar.value, width: 1) + "}"
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// How many terminal cells `scalar` takes: 0 for combining marks and zero-width characters, 2 for
    /// East Asian wide and emoji characters, 1 otherwise. An approximation of `wcwidth`, good enough to
    /// put a caret under the right character.
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
            0x200B...0x200D:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD, 0x1F680...0x1F6FF, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1FA70...0x1FAFF:
            return 2
        // Emoji-presentation symbols below U+3000 that terminals draw two cells wide.
        case 0x231A, 0x231B, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648...0x2653, 0x267F,
            0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3,
            0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55:
            return 2
        default:
            return 1
        }
    }
}
