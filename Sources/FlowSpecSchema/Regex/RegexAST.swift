/// A parsed pattern: the syntax tree plus what the compiler needs to know about its groups.
struct RegexAST: Sendable {
    /// The pattern's top-level disjunction.
    let root: RegexNode
    /// The number of capturing groups (group 0, the whole match, not included).
    let groupCount: Int
    /// The capturing groups each name denotes (more than one when alternatives reuse a name).
    let groupNumbersByName: [String: [Int]]
    /// Whether a backreference or lookaround occurs, which rules out the linear-time engines.
    let needsBacktracking: Bool
}

/// One node of a pattern's syntax tree. Offsets in spans count Unicode scalars of the pattern.
indirect enum RegexNode: Sendable, Hashable {
    /// Matches the empty string (an empty alternative or group).
    case empty
    /// Matches one code point.
    case character(UInt32)
    /// Matches one code point of a set: a class, `.`, or an escape such as `\d` or `\p{L}`.
    case set(CharSet)
    /// Matches its parts one after another.
    case concatenation([RegexNode])
    /// Matches the first alternative that leads to an overall match.
    case alternation([RegexNode])
    /// A group; `capture` is the 1-based group number, `nil` for `(?:...)`.
    case group(RegexNode, capture: Int?)
    /// A quantified atom.
    case quantified(RegexNode, RegexQuantifier)
    /// A zero-width assertion: `^`, `$`, `\b`, `\B`.
    case assertion(RegexAssertion)
    /// A lookahead or lookbehind.
    case lookaround(RegexNode, RegexLookaround)
    /// `\1` or `\k<name>`.
    case backreference(RegexBackreference)
}

/// A quantifier and where it was written.
struct RegexQuantifier: Sendable, Hashable {
    var min: Int
    /// `nil` means unbounded.
    var max: Int?
    var isGreedy: Bool
    /// The quantified atom and the quantifier, in pattern scalars.
    var span: Range<Int>

    var isUnbounded: Bool { max == nil }
}

/// The zero-width assertions ECMA-262 defines outside lookaround.
enum RegexAssertion: Sendable, Hashable {
    /// `^`: the start of the input (JSON Schema patterns have no multiline flag).
    case start
    /// `$`: the end of the input; unlike many engines, not before a final newline.
    case end
    /// `\b`
    case wordBoundary
    /// `\B`
    case notWordBoundary
}

/// The four lookaround kinds.
enum RegexLookaround: Sendable, Hashable {
    case ahead
    case negativeAhead
    case behind
    case negativeBehind

    var isNegative: Bool { self == .negativeAhead || self == .negativeBehind }
    var isBehind: Bool { self == .behind || self == .negativeBehind }
}

/// What a backreference refers to; names are resolved to numbers after parsing (they may refer forward).
enum RegexBackreference: Sendable, Hashable {
    case number(Int)
    case name(String)
}

extension RegexNode {
    /// Whether the node can match the empty string.
    var isNullable: Bool {
        switch self {
        case .empty, .assertion, .lookaround, .backreference: return true
        case .character, .set: return false
        case .concatenation(let parts): return parts.allSatisfy(\.isNullable)
        case .alternation(let alternatives): return alternatives.contains(where: \.isNullable)
        case .group(let body, _): return body.isNullable
        case .quantified(let body, let quantifier): return quantifier.min == 0 || body.isNullable
        }
    }

    /// The lowest and highest capture group numbers inside the node, if it has any.
    var captureRange: ClosedRange<Int>? {
        switch self {
        case .empty, .character, .set, .assertion, .backreference: return nil
        case .group(let body, let capture):
            let inner = body.captureRange
            guard let capture else { return inner }
            guard let inner else { return capture...capture }
            return Swift.min(capture, inner.lowerBound)...Swift.max(capture, inner.upperBound)
        case .quantified(let body, _), .lookaround(let body, _): return body.captureRange
        case .concatenation(let parts), .alternation(let parts):
            var result: ClosedRange<Int>?
            for part in parts {
                guard let range = part.captureRange else { continue }
                if let current = result {
                    let lower = Swift.min(current.lowerBound, range.lowerBound)
                    let upper = Swift.max(current.upperBound, range.upperBound)
                    result = lower...upper
                } else {
                    result = range
                }
            }
            return result
        }
    }

    /// Whether every match must start at the beginning of the input (the node begins with `^` on every path).
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(.start): return true
        case .concatenation(let parts): return parts.first?.isAnchoredAtStart ?? false
        case .alternation(let alternatives):
            return !alternatives.isEmpty && alternatives.allSatisfy(\.isAnchoredAtStart)
        case .group(let body, _): return body.isAnchoredAtStart
        case .quantified(let body, let quantifier): return quantifier.min > 0 && body.isAnchoredAtStart
        default: return false
        }
    }
}
