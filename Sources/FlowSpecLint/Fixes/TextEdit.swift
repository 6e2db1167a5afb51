/// A replacement of a byte range of a file's text: what an automatic fix does.
public struct TextEdit: Hashable, Sendable, Comparable {
    /// The bytes replaced, as offsets into the file.
    public var range: Range<Int>
    public var replacement: [UInt8]
    /// What the edit fixes, for the summary the CLI prints.
    public var rule: String

    public init(range: Range<Int>, replacement: String, rule: String) {
        self.range = range
        self.replacement = Array(replacement.utf8)
        self.rule = rule
    }

    public static func < (lhs: TextEdit, rhs: TextEdit) -> Bool {
        (lhs.range.lowerBound, lhs.range.upperBound) < (rhs.range.lowerBound, rhs.range.upperBound)
    }

    /// Applies `edits` to `bytes`, skipping any edit that overlaps one already applied, so that a file
    /// is never corrupted by two fixes of the same text. Returns the new text and the edits applied.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [TextEdit]) {
        var accepted: [TextEdit] = []
        var end = 0
        for edit in edits.sorted() where edit.range.lowerBound >= end && edit.range.upperBound <= bytes.count {
            accepted.append(edit)
            end = max(edit.range.upperBound, edit.range.lowerBound + (edit.range.isEmpty ? 1 : 0))
        }
        var result = bytes
        for edit in accepted.reversed() {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return (result, accepted)
    }
}
