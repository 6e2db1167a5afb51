/// Overlap and containment of compiled segment patterns, for ``PathTemplate/conflicts(among:)``.
enum SegmentRelations {
    /// A decoded path that both patterns (of equal length) match, or `nil` when none does.
    static func commonPath(_ first: [SegmentPattern], _ second: [SegmentPattern]) -> String? {
        guard first.count == second.count else { return nil }
        var segments: [String] = []
        for (a, b) in zip(first, second) {
            guard let witness = commonSegment(a, b) else { return nil }
            segments.append(String(decoding: witness, as: UTF8.self))
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Whether every path `inner` matches, `outer` matches too (approximate for two mixed segments: only
    /// the same shape counts).
    static func isWithin(_ inner: [SegmentPattern], _ outer: [SegmentPattern]) -> Bool {
        zip(inner, outer).allSatisfy { isWithin($0, $1) }
    }

    static func isWithin(_ inner: SegmentPattern, _ outer: SegmentPattern) -> Bool {
        switch (inner, outer) {
        case (.literal(let a), .literal(let b)): return a == b
        case (.literal(let a), _): return matches(outer, a)
        case (_, .variable): return true
        case (.mixed(let a), .mixed(let b)): return a == b
        default: return false
        }
    }

    static func matches(_ pattern: SegmentPattern, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { pattern.matches($0, 0..<bytes.count) }
    }

    /// A segment both patterns match.
    static func commonSegment(_ a: SegmentPattern, _ b: SegmentPattern) -> [UInt8]? {
        switch (a, b) {
        case (.literal(let x), _): return matches(b, x) ? x : nil
        case (_, .literal(let y)): return matches(a, y) ? y : nil
        case (.variable, .variable): return Array("x".utf8)
        case (.mixed(let pieces), .variable), (.variable, .mixed(let pieces)): return filled(pieces)
        case (.mixed(let x), .mixed(let y)): return intersection(x, y)
        }
    }

    static func filled(_ pieces: [SegmentPattern.Piece]) -> [UInt8] {
        pieces.flatMap { piece -> [UInt8] in
            if case .literal(let bytes) = piece { return bytes }
            return Array("x".utf8)
        }
    }

    /// A shortest string matched by both mixed segments: breadth-first search of the product of their
    /// automata. A state `(i, inside)` is "before piece i" or, with `inside`, "within variable i after at
    /// least one byte". The alphabet is the literals' bytes plus one byte found in neither.
    static func intersection(_ x: [SegmentPattern.Piece], _ y: [SegmentPattern.Piece]) -> [UInt8]? {
        let tokensX = tokens(x)
        let tokensY = tokensX == tokens(y) ? tokensX : tokens(y)
        var alphabet = Set<UInt8>()
        for case .byte(let byte) in tokensX + tokensY { alphabet.insert(byte) }
        // The filler comes first, so that examples read like `x.json` rather than `..json`.
        let filler = Array("xyzqwvjk0123456789".utf8).first { !alphabet.contains($0) }
        let letters = (filler.map { [$0] } ?? []) + alphabet.sorted()

        struct State: Hashable {
            var x: Int
            var xInside: Bool
            var y: Int
            var yInside: Bool
        }
        func closure(_ index: Int, _ inside: Bool) -> [(Int, Bool)] {
            inside ? [(index, true), (index + 1, false)] : [(index, false)]
        }
        func step(_ tokens: [Token], _ index: Int, _ inside: Bool, _ byte: UInt8) -> [(Int, Bool)] {
            var next: [(Int, Bool)] = []
            for (i, isInside) in closure(index, inside) {
                if isInside {
                    next.append((i, true))
                    continue
                }
                guard i < tokens.count else { continue }
                switch tokens[i] {
                case .byte(let expected): if expected == byte { next.append((i + 1, false)) }
                case .variable: next.append((i, true))
                }
            }
            return next
        }
        func accepts(_ tokens: [Token], _ index: Int, _ inside: Bool) -> Bool {
            closure(index, inside).contains { $0.0 == tokens.count && !$0.1 }
        }

        let start = State(x: 0, xInside: false, y: 0, yInside: false)
        var parents: [State: (State, UInt8)] = [:]
        var seen: Set<State> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if accepts(tokensX, state.x, state.xInside) && accepts(tokensY, state.y, state.yInside) {
                var bytes: [UInt8] = []
                var current = state
                while let (parent, byte) = parents[current] {
                    bytes.append(byte)
                    current = parent
                }
                return bytes.reversed()
            }
            for byte in letters {
                for (nx, ix) in step(tokensX, state.x, state.xInside, byte) {
                    for (ny, iy) in step(tokensY, state.y, state.yInside, byte) {
                        let next = State(x: nx, xInside: ix, y: ny, yInside: iy)
                        if seen.insert(next).inserted {
                            parents[next] = (state, byte)
                            queue.append(next)
                        }
                    }
                }
            }
        }
        return nil
    }

    enum Token: Hashable {
        case byte(UInt8)
        case variable
    }

    static func tokens(_ pieces: [SegmentPattern.Piece]) -> [Token] {
        pieces.flatMap { piece -> [Token] in
            switch piece {
            case .literal(let bytes): return bytes.map(Token.byte)
            case .variable: return [.variable]
            }
        }
    }
}
