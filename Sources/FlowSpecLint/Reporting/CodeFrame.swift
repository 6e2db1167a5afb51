import FlowSpecModel

/// One source line with a caret line under a finding's span, ready to print.
///
/// Long lines (minified JSON puts a whole spec on one) are shown as a window around the span, with
/// `…` where text was cut; only that window is decoded, found through the location's byte offset,
/// so a thousand findings on a 3 MB line cost a thousand small windows. Input text is escaped as
/// ``TerminalText`` does (tabs become four spaces), and the caret is placed by terminal cells.
struct CodeFrame: Hashable, Sendable {
    /// The line as shown, possibly cut and escaped.
    var text: String
    /// Cells before the first caret.
    var caretOffset: Int
    /// Number of carets (at least 1).
    var caretCount: Int

    /// Most cells of source text shown.
    static let maxWidth = 120
    /// Cells kept before the caret when a line is cut.
    static let leadingContext = 40
    /// Lines longer than this many bytes are decoded only around the finding.
    static let longLine = 4096

    init?(source: SourceText, location: SourceLocation) {
        guard let range = source.byteRange(ofLine: location.line) else { return nil }
        let bytes = source.bytes
        var scalars: [Unicode.Scalar]
        var caret: Int
        var cutLeft = false
        var cutRight = false
        if range.count > Self.longLine, range.contains(location.offset) || location.offset == range.upperBound {
            var low = max(range.lowerBound, location.offset - 1024)
            while low < location.offset, bytes[low] & 0xC0 == 0x80 { low += 1 }
            var high = min(range.upperBound, location.offset + 4096)
            while high < range.upperBound, bytes[high] & 0xC0 == 0x80 { high += 1 }
            scalars = Array(String(decoding: bytes[low..<high], as: UTF8.self).unicodeScalars)
            caret = String(decoding: bytes[low..<location.offset], as: UTF8.self).unicodeScalars.count
            cutLeft = low > range.lowerBound
            cutRight = high < range.upperBound
        } else {
            scalars = Array(String(decoding: bytes[range], as: UTF8.self).unicodeScalars)
            caret = min(max(location.column - 1, 0), scalars.count)
        }
        var length = 1
        if let endLine = location.endLine, let endColumn = location.endColumn, endLine == location.line,
            endColumn > location.column
        {
            length = endColumn - location.column
        } else if let endLine = location.endLine, endLine > location.line {
            var end = scalars.count
            while end > caret, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
            length = max(1, end - caret)
        }

        let shown = scalars.map(Self.display)
        let widths = shown.map(\.width)
        var first = 0
        var last = scalars.count
        if cutLeft || cutRight || widths.reduce(0, +) > Self.maxWidth {
            first = caret
            var context = 0
            while first > 0, context + widths[first - 1] <= Self.leadingContext {
                first -= 1
                context += widths[first]
            }
            last = first
            var used = 0
            while last < scalars.count, used + widths[last] <= Self.maxWidth {
                used += widths[last]
                last += 1
            }
            if last == first, last < scalars.count { last += 1 }
            cutLeft = cutLeft || first > 0
            cutRight = cutRight || last < scalars.count
        }
        var text = cutLeft ? "…" : ""
        for index in first..<last { text += shown[index].text }
        if cutRight { text += "…" }
        self.text = text
        let caretInWindow = min(max(caret, first), last)
        self.caretOffset = (cutLeft ? 1 : 0) + widths[first..<caretInWindow].reduce(0, +)
        let spanEnd = min(caretInWindow + length, last)
        self.caretCount = max(1, widths[caretInWindow..<max(caretInWindow, spanEnd)].reduce(0, +))
    }

    private static func display(_ scalar: Unicode.Scalar) -> (text: String, width: Int) {
        if scalar == "\t" { return ("    ", 4) }
        if TerminalText.needsEscape(scalar) {
            let text = TerminalText.escape(scalar)
            return (text, text.unicodeScalars.count)
        }
        return (String(Character(scalar)), TerminalText.cellWidth(scalar))
    }
}
