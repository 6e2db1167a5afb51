/// Finds the shape of pattern that makes backtracking engines take exponential time: a repeated group
/// whose body can match the same text in many ways, as in `(a+)+`, `(\w+\s?)*` or `(a|a)*`.
///
/// The test: a group repeated without bound (`*`, `+`, `{n,}`, or more than 16 times) that contains an
/// item that is itself repeated without bound, unless every alternative of the group has a mandatory
/// single character (a literal, class or escape) that none of those inner repeated items can match:
/// such a delimiter fixes where each repetition ends, as in `([a-z]+\.)+`. Character sets are compared on
/// ASCII exactly and approximately beyond. Alternatives that are written identically also count.
///
/// A heuristic: it can miss risky patterns (overlapping alternatives such as `(a|ab)*`) and flag safe
/// ones (`([a-z]+\.+)+`), and it says nothing about polynomial blow-ups such as `\s*.*\s*`.
enum BacktrackingHeuristic {
    static func risk(in pattern: String) -> PatternProblem? {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        let root = parser.parseAlternatives()
        // Nesting deeper than any real pattern: not analysed, rather than recursing without bound.
        if parser.tooDeep { return nil }
        guard let range = findRisk(in: root) else { return nil }
        let text = String(String.UnicodeScalarView(parser.scalars[range]))
        return PatternProblem(
            message:
                "the repeated group `\(text)` can match the same text in many ways, so a non-matching value can make a backtracking regex engine run for a very long time",
            hint:
                "make the repetitions unambiguous (a delimiter that the inner repeated part cannot match, or no nested repetition), or bound the outer repetition"
        )
    }

    /// A character set: ASCII exactly, everything else as one flag.
    struct CharSet: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var nonASCII = false

        static let all = CharSet(low: .max, high: .max, nonASCII: true)

        mutating func insert(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 64 {
                low |= 1 << UInt64(value)
            } else if value < 128 {
                high |= 1 << UInt64(value - 64)
            } else {
                nonASCII = true
            }
        }

        mutating func insert(range: ClosedRange<UInt32>) {
            for value in range.clamped(to: 0...127) {
                if let scalar = Unicode.Scalar(value) { insert(scalar) }
            }
            if range.upperBound > 127 { nonASCII = true }
        }

        mutating func formUnion(_ other: CharSet) {
            low |= other.low
            high |= other.high
            nonASCII = nonASCII || other.nonASCII
        }

        func inverted() -> CharSet { CharSet(low: ~low, high: ~high, nonASCII: true) }

        func isDisjoint(with other: CharSet) -> Bool {
            low & other.low == 0 && high & other.high == 0 && !(nonASCII && other.nonASCII)
        }

        static func of(_ predicate: (Unicode.Scalar) -> Bool, nonASCII: Bool) -> CharSet {
            var set = CharSet()
            for value in UInt32(0)...127 {
                if let scalar = Unicode.Scalar(value), predicate(scalar) { set.insert(scalar) }
            }
            set.nonASCII = nonASCII
            return set
        }

        static let digits = of({ ("0"..."9").contains($0) }, nonASCII: false)
        static let word = of({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }, nonASCII: false)
        static let space = of({ $0.properties.isWhitespace }, nonASCII: true)
    }

    /// A parsed piece of a pattern with its repetition bounds (`max == nil` for no bound).
    indirect enum Node {
        case atom(CharSet, min: Int, max: Int?, range: Range<Int>)
        case group([[Node]], min: Int, max: Int?, range: Range<Int>, consumes: Bool)
        case assertion

        var min: Int {
            switch self {
            case .atom(_, let min, _, _), .group(_, let min, _, _, _): return min
            case .assertion: return 0
            }
        }

        var isUnbounded: Bool {
            switch self {
            case .atom(_, _, let max, _), .group(_, _, let max, _, _): return max == nil || max.map { $0 > 16 } == true
            case .assertion: return false
            }
        }
    }

    /// The source range of the first repeated group that is ambiguous, outermost first.
    static func findRisk(in alternatives: [[Node]]) -> Range<Int>? {
        for sequence in alternatives {
            for node in sequence {
                guard case .group(let body, _, _, let range, _) = node else { continue }
                if node.isUnbounded && isAmbiguous(body) { return range }
                if let inner = findRisk(in: body) { return inner }
            }
        }
        return nil
    }

    /// Whether a repeated group's body can split the same text into repetitions in many ways.
    static func isAmbiguous(_ body: [[Node]]) -> Bool {
        if body.count > 1, Set(body.map { $0.map(\.textKey) }).count < body.count { return true }
        for sequence in body {
            let inner = sequence.flatMap(unboundedSets)
            guard !inner.isEmpty else { continue }
            var union = CharSet()
            for set in inner { union.formUnion(set) }
            let delimited = sequence.contains { node in
                if case .atom(let set, let min, let max, _) = node, min >= 1, let max, max <= 16 {
                    return set.isDisjoint(with: union)
                }
                return false
            }
            if !delimited { return true }
        }
        return false
    }

    /// The character sets of the items repeated without bound in `node`, at any depth.
    static func unboundedSets(_ node: Node) -> [CharSet] {
        switch node {
        case .assertion: return []
        case .atom(let set, _, _, _): return node.isUnbounded ? [set] : []
        case .group(let body, _, _, _, let consumes):
            guard consumes else { return [] }
            if node.isUnbounded {
                var union = CharSet()
                for set in body.flatMap({ $0.flatMap(allSets) }) { union.formUnion(set) }
                return [union]
            }
            return body.flatMap { $0.flatMap(unboundedSets) }
        }
    }

    static func allSets(_ node: Node) -> [CharSet] {
        switch node {
        case .assertion: return []
        case .atom(let set, _, _, _): return [set]
        case .group(let body, _, _, _, let consumes): return consumes ? body.flatMap { $0.flatMap(allSets) } : []
        }
    }

    /// A recursive-descent reader of ECMA-262 pattern syntax, lenient: it never fails, it only needs
    /// the structure.
    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var depth = 0
        var tooDeep = false
        static let maxDepth = 64

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternatives() -> [[Node]] {
            var alternatives: [[Node]] = [[]]
            while !tooDeep, let c = current, c != ")" {
                if c == "|" {
                    index += 1
                    alternatives.append([])
                    continue
                }
                let start = index
                guard let node = parseAtom() else { continue }
                alternatives[alternatives.count - 1].append(parseQuantifier(node, start: start))
            }
            return alternatives
        }

        mutating func parseAtom() -> Node? {
            guard let c = current else { return nil }
            let start = index
            index += 1
            switch c {
            case "^", "$": return .assertion
            case ".":
                var set = CharSet.all
                set.low &= ~(1 << 10)
                return .atom(set, min: 1, max: 1, range: start..<index)
            case "[": return .atom(parseClass(), min: 1, max: 1, range: start..<index)
            case "(":
                var consumes = true
                if current == "?" {
                    index += 1
                    switch current {
                    case ":": index += 1
                    case "=", "!":
                        index += 1
                        consumes = false
                    case "<":
                        index += 1
                        if current == "=" || current == "!" {
                            index += 1
                            consumes = false
                        } else {
                            while let n = current, n != ">" { index += 1 }
                            index += 1
                        }
                    default: break
                    }
                }
                depth += 1
                if depth > Self.maxDepth {
                    tooDeep = true
                    return nil
                }
                let body = parseAlternatives()
                depth -= 1
                if current == ")" { index += 1 }
                return .group(body, min: 1, max: 1, range: start..<index, consumes: consumes)
            case "\\":
                guard let e = current else { return .atom(CharSet(), min: 1, max: 1, range: start..<index) }
                index += 1
                if e == "b" || e == "B" { return .assertion }
                return .atom(escapeSet(e), min: 1, max: 1, range: start..<index)
            default:
                var set = CharSet()
                set.insert(c)
                return .atom(set, min: 1, max: 1, range: start..<index)
            }
        }

        /// The set of an escape outside a class (`index` is just past the escaped character).
        mutating func escapeSet(_ e: Unicode.Scalar) -> CharSet {
            switch e {
            case "d": return .digits
            case "D": return CharSet.digits.inverted()
            case "w": return .word
            case "W": return CharSet.word.inverted()
            case "s": return .space
            case "S": return CharSet.space.inverted()
            case "p", "P", "k":
                if current == "{" || current == "<" {
                    let close: Unicode.Scalar = current == "{" ? "}" : ">"
                    while let n = current, n != close { index += 1 }
                    index += 1
                }
                return .all
            case "1"..."9":
                while let n = current, ("0"..."9").contains(n) { index += 1 }
                return .all
            case "u", "x":
                var digits = ""
                if e == "u" && current == "{" {
                    index += 1
                    while let n = current, n != "}" {
                        digits.unicodeScalars.append(n)
                        index += 1
                    }
                    index += 1
                } else {
                    while let n = current, n.properties.isASCIIHexDigit, digits.count < (e == "u" ? 4 : 2) {
                        digits.unicodeScalars.append(n)
                        index += 1
                    }
                }
                var set = CharSet()
                if let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) { set.insert(scalar) }
                return set
            case "c":
                if let n = current, n.properties.isAlphabetic { index += 1 }
                var set = CharSet()
                set.low = 1 << 1
                return set
            case "0":
                var set = CharSet()
                set.low = 1
                return set
            case "n", "r", "t", "f", "v":
                var set = CharSet()
                let map: [Unicode.Scalar: Unicode.Scalar] = [
                    "n": "\n", "r": "\r", "t": "\t", "f": "\u{0C}", "v": "\u{0B}",
                ]
                if let scalar = map[e] { set.insert(scalar) }
                return set
            default:
                var set = CharSet()
                set.insert(e)
                return set
            }
        }

        /// A character class, `index` just past `[`.
        mutating func parseClass() -> CharSet {
            var set = CharSet()
            var negated = false
            if current == "^" {
                negated = true
                index += 1
            }
            var first = true
            var previous: Unicode.Scalar?
            while let c = current, c != "]" || first {
                first = false
                index += 1
                if c == "\\", let e = current {
                    index += 1
                    if "dDwWsSpP".unicodeScalars.contains(e) {
                        set.formUnion(escapeSet(e))
                        previous = nil
                        continue
                    }
                    let literal: Unicode.Scalar = ["n": "\n", "r": "\r", "t": "\t"][e] ?? e
                    set.insert(literal)
                    previous = literal
                    continue
                }
                if c == "-", let low = previous, let high = current, high != "]" {
                    index += 1
                    if low.value <= high.value { set.insert(range: low.value...high.value) }
                    previous = nil
                    continue
                }
                set.insert(c)
                previous = c
            }
            if current == "]" { index += 1 }
            return negated ? set.inverted() : set
        }

        mutating func parseQuantifier(_ node: Node, start: Int) -> Node {
            guard let c = current else { return node }
            var bounds: (Int, Int?)?
            switch c {
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "?": bounds = (0, 1)
            case "{":
                let saved = index
                index += 1
                var low = ""
                while let n = current, ("0"..."9").contains(n) {
                    low.unicodeScalars.append(n)
                    index += 1
                }
                var high: String? = low
                if current == "," {
                    index += 1
                    high = ""
                    while let n = current, ("0"..."9").contains(n) {
                        high?.unicodeScalars.append(n)
                        index += 1
                    }
                }
                if current == "}", let min = Int(low) {
                    bounds = (min, high.flatMap { $0.isEmpty ? nil : Int($0) })
                    if high == "" { bounds = (min, nil) }
                } else {
                    index = saved
                    return node
                }
            default: return node
            }
            index += 1
            if current == "?" { index += 1 }
            guard let (min, max) = bounds else { return node }
            switch node {
            case .atom(let set, _, _, _): return .atom(set, min: min, max: max, range: start..<index)
            case .group(let body, _, _, _, let consumes):
                return .group(body, min: min, max: max, range: start..<index, consumes: consumes)
            case .assertion: return node
            }
        }
    }
}

extension BacktrackingHeuristic.Node {
    /// A key that is equal for items written identically (for duplicate alternatives).
    var textKey: String {
        switch self {
        case .assertion: return "^"
        case .atom(let set, let min, let max, _): return "a\(set.low),\(set.high),\(set.nonASCII){\(min),\(max ?? -1)}"
        case .group(let body, let min, let max, _, let consumes):
            return
                "g\(consumes)(\(body.map { $0.map(\.textKey).joined() }.joined(separator: "|"))){\(min),\(max ?? -1)}"
        }
    }
}
