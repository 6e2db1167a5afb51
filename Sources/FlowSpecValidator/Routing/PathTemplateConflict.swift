/// Two path templates that match some of the same request paths without one being the concrete
/// counterpart of the other, for a linter to report.
///
/// OpenAPI orders concrete paths before templated ones (`/pets/mine` before `/pets/{id}`), so such a
/// pair is not a conflict. A conflict is:
/// - ``Kind/identical``: the templates match exactly the same paths (`/{a}/x` and `/{b}/x`); OpenAPI
///   forbids this, and the router always picks the first;
/// - ``Kind/ambiguous``: some path matches both and neither template is more concrete at every segment
///   (`/{a}/x` and `/y/{b}` both match `/y/x`); the router picks by literal-segment count, then
///   declaration order.
public struct PathTemplateConflict: Sendable, Hashable, CustomStringConvertible {
    /// Whether the templates match the same paths or only some.
    public enum Kind: Sendable, Hashable {
        case identical
        case ambiguous
    }

    /// The position of the first template in the list given to ``PathTemplate/conflicts(among:)``.
    public let firstIndex: Int
    /// The position of the second template.
    public let secondIndex: Int
    /// The template declared first.
    public let first: PathTemplate
    /// The template declared second.
    public let second: PathTemplate
    /// How they conflict.
    public let kind: Kind
    /// A decoded path that both templates match, such as `/y/x`.
    public let example: String

    public var description: String {
        switch kind {
        case .identical:
            return "\"\(first)\" and \"\(second)\" match the same paths (for example \(example))"
        case .ambiguous:
            return "\"\(first)\" and \"\(second)\" both match \(example), and neither is more specific"
        }
    }
}

extension PathTemplate {
    /// The identical and ambiguous pairs among `templates` (see ``PathTemplateConflict``), in order.
    ///
    /// Mixed segments are compared exactly for overlap; for containment (which decides whether one
    /// template is the concrete counterpart of the other) two different mixed segments are treated as
    /// incomparable, so `/{a}.json` against `/{b}.{c}` is reported as ambiguous, which the router also
    /// resolves by declaration order.
    public static func conflicts(among templates: [PathTemplate]) -> [PathTemplateConflict] {
        let patterns = templates.map { $0.segments.map(SegmentPattern.init) }
        var byCount: [Int: [Int]] = [:]
        for (index, pattern) in patterns.enumerated() { byCount[pattern.count, default: []].append(index) }
        var conflicts: [PathTemplateConflict] = []
        for (firstIndex, first) in patterns.enumerated() {
            for secondIndex in byCount[first.count, default: []] where secondIndex > firstIndex {
                let second = patterns[secondIndex]
                guard let example = SegmentRelations.commonPath(first, second) else { continue }
                let firstWithin = SegmentRelations.isWithin(first, second)
                let secondWithin = SegmentRelations.isWithin(second, first)
                let kind: PathTemplateConflict.Kind
                if firstWithin && secondWithin {
                    kind = .identical
                } else if !firstWithin && !secondWithin {
                    kind = .ambiguous
                } else {
                    continue
                }
                conflicts.append(
                    PathTemplateConflict(
                        firstIndex: firstIndex, secondIndex: secondIndex, first: templates[firstIndex],
                        second: templates[secondIndex], kind: kind, example: example))
            }
        }
        return conflicts
    }
}
