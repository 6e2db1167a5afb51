import FlowSpecSchema
import Foundation
import Testing

/// Differential test: the leftmost match (or no match) for about a thousand pattern and input pairs must be the one
/// V8 reports (see ``ECMARegexV8Cases`` for how they were recorded).
@Suite("ECMARegex agrees with V8")
struct ECMARegexV8Tests {
    struct Recorded: Sendable {
        var pattern: String
        var input: String
        /// Code point offsets of the match, `nil` for no match.
        var match: Range<Int>?
    }

    static func recorded() throws -> [Recorded] {
        try ECMARegexV8Cases.lines.split(separator: "\n").map { line in
            let fields = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any] ?? []
            let pattern = fields.first as? String ?? ""
            let input = fields.count > 1 ? fields[1] as? String ?? "" : ""
            var match: Range<Int>?
            if fields.count == 4, let start = fields[2] as? Int, let end = fields[3] as? Int { match = start..<end }
            return Recorded(pattern: pattern, input: input, match: match)
        }
    }

    @Test func leftmostMatchesAgreeWithV8() throws {
        let cases = try Self.recorded()
        #expect(cases.count > 1_000)
        var disagreements: [String] = []
        var compiled: [String: ECMARegex] = [:]
        for recorded in cases {
            let regex: ECMARegex
            if let known = compiled[recorded.pattern] {
                regex = known
            } else {
                regex = try ECMARegex(recorded.pattern)
                compiled[recorded.pattern] = regex
            }
            let scalars = recorded.input.unicodeScalars
            var actual: Range<Int>?
            if let range = regex.firstMatch(in: recorded.input) {
                actual =
                    scalars.distance(
                        from: scalars.startIndex, to: range.lowerBound)..<scalars.distance(
                        from: scalars.startIndex, to: range.upperBound)
            }
            if actual != recorded.match || regex.matches(recorded.input) != (recorded.match != nil) {
                disagreements.append(
                    "/\(recorded.pattern)/u on \(recorded.input.debugDescription): V8 \(String(describing: recorded.match)), "
                        + "ours \(String(describing: actual))"
                )
            }
        }
        #expect(
            disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.joined(separator: "\n"))")
    }
}
