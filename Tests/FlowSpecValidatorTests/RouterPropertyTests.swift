import FlowSpecModel
import FlowSpecTestSupport
import FlowSpecValidator
import HTTPTypes
import Testing

/// Random strings over an alphabet rich in the characters the parsers care about.
func randomText(_ generator: inout SplitMix64, alphabet: [String], maxLength: Int) -> String {
    let length = Int.random(in: 0...maxLength, using: &generator)
    return (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
}

@Suite("Router properties")
struct RouterPropertyTests {
    static let pieces = ["a", "b", "x", "{p}", "{q}", "{r}.{s}", "{t}.json", "v{u}", "", "a.b", "%61", "é"]

    /// A reference matcher: split on "/", decode each segment, try every template, keep the best by
    /// (literal segments, mixed segments, declaration order). Mixed segments by brute-force splitting.
    static func reference(_ templates: [PathTemplate], _ path: String) -> Int? {
        let pathOnly = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard pathOnly.first == "/" else { return nil }
        let segments = pathOnly.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.removingPercentEncodingForTest ?? "\u{FFFF}invalid"
        }
        var best: (key: (Int, Int, Int), index: Int)?
        for (index, template) in templates.enumerated() where template.segments.count == segments.count {
            guard zip(template.segments, segments).allSatisfy({ matches($0.parts, Substring($1)) }) else { continue }
            let literals = template.segments.count { $0.isLiteral }
            let mixed = template.segments.count { !$0.isLiteral && !$0.isVariable }
            let key = (-literals, -mixed, index)
            if best == nil || key < (best?.key ?? key) { best = (key, index) }
        }
        return best?.index
    }

    static func matches(_ parts: [PathTemplate.Part], _ text: Substring) -> Bool {
        guard let first = parts.first else { return text.isEmpty }
        let rest = Array(parts.dropFirst())
        switch first {
        case .literal(let literal):
            let decoded = literal.removingPercentEncodingForTest ?? literal
            return text.hasPrefix(decoded) && matches(rest, text.dropFirst(decoded.count))
        case .variable:
            var end = text.startIndex
            while end < text.endIndex {
                end = text.index(after: end)
                if matches(rest, text[end...]) { return true }
            }
            return false
        }
    }

    @Test(arguments: 0..<40)
    func agreesWithReference(_ seed: Int) throws {
        var generator = SplitMix64(state: UInt64(seed) &* 7919)
        var templates: [PathTemplate] = []
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let count = Int.random(in: 1...3, using: &generator)
            var names = 0
            let text =
                "/"
                + (0..<count).map { _ in
                    // Rename variables so that names are unique within the template.
                    var piece = Self.pieces.randomElement(using: &generator) ?? "a"
                    for name in ["{p}", "{q}", "{r}", "{s}", "{t}", "{u}"] {
                        names += 1
                        piece = piece.replacingOccurrencesForTest(of: name, with: "{v\(names)}")
                    }
                    return piece
                }.joined(separator: "/")
            templates.append(try PathTemplate(parsing: text))
        }
        let router = Router<Int>(
            routes: templates.enumerated().map { .init(template: $1, methods: [.get], operationID: $0) })
        let fragments = ["a", "b", "x", "a.b", "q.json", "v1", "1.2", "", "%61", "%2F", "é", "%C3%A9", "x.json", "v"]
        for _ in 0..<60 {
            let count = Int.random(in: 1...3, using: &generator)
            let path =
                "/" + (0..<count).map { _ in fragments.randomElement(using: &generator) ?? "" }.joined(separator: "/")
            let expected = Self.reference(templates, path)
            let result = router.route(method: .get, path: path)
            switch result {
            case .matched(let id, let parameters):
                #expect(id == expected, "\(path) in \(templates.map(\.text))")
                #expect(parameters.allSatisfy { !$0.decodedValue.isEmpty })
            case .notFound:
                #expect(expected == nil, "\(path) in \(templates.map(\.text))")
            case .methodNotAllowed, .invalidPath:
                Issue.record("unexpected \(result) for \(path)")
            }
        }
    }

    /// Literal segments of eight bytes and more (compared a word at a time) that share prefixes and
    /// differ at every position, or only in length, against the reference.
    @Test(arguments: 0..<20)
    func longLiteralsAgreeWithReference(_ seed: Int) throws {
        var generator = SplitMix64(state: UInt64(seed) &* 104_729 &+ 3)
        let stems = ["environments", "environmentz", "environment", "environments1", "envir0nments", "Environments",
            "flowsflowsflowsflows", "flowsflowsflowsflowz", "abcdefgh", "abcdefgi", "abcdefg", "abcdefghi", "{v}"]
        var templates: [PathTemplate] = []
        for _ in 0..<Int.random(in: 2...10, using: &generator) {
            var names = 0
            let count = Int.random(in: 1...3, using: &generator)
            let text = "/" + (0..<count).map { _ -> String in
                let stem = stems.randomElement(using: &generator) ?? "a"
                guard stem == "{v}" else { return stem }
                names += 1
                return "{v\(names)}"
            }.joined(separator: "/")
            templates.append(try PathTemplate(parsing: text))
        }
        let router = Router<Int>(
            routes: templates.enumerated().map { .init(template: $1, methods: [.get], operationID: $0) })
        var fragments = stems.filter { $0 != "{v}" }
        // Each stem with one byte changed at each position, and cut short at each length.
        for stem in ["environments", "flowsflowsflowsflows", "abcdefghi"] {
            for position in 0..<stem.utf8.count {
                var bytes = Array(stem.utf8)
                bytes[position] = bytes[position] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
                fragments.append(String(decoding: bytes, as: UTF8.self))
                fragments.append(String(stem.prefix(position)))
            }
        }
        for _ in 0..<200 {
            let count = Int.random(in: 1...3, using: &generator)
            let path =
                "/" + (0..<count).map { _ in fragments.randomElement(using: &generator) ?? "" }.joined(separator: "/")
            let expected = Self.reference(templates, path)
            switch router.route(method: .get, path: path) {
            case .matched(let id, _): #expect(id == expected, "\(path) in \(templates.map(\.text))")
            case .notFound: #expect(expected == nil, "\(path) in \(templates.map(\.text))")
            case let other: Issue.record("unexpected \(other) for \(path)")
            }
        }
    }

    @Test(arguments: 0..<20)
    func randomInputNeverCrashes(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed) &+ 1)
        let alphabet = ["/", "{", "}", "%", "%2", "%zz", "%C3", "?", "#", ".", ":", "a", "é", " ", "*", ";", "="]
        for _ in 0..<200 {
            let text = randomText(&generator, alphabet: alphabet, maxLength: 12)
            do {
                let template = try PathTemplate(parsing: text)
                #expect(Set(template.variableNames).count == template.variableNames.count)
                let router = Router<Int>(routes: [.init(template: template, methods: [.get], operationID: 0)])
                _ = router.route(method: .get, path: text)
                _ = router.conflicts()
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.utf8.count)
            }
            do {
                let server = try ServerTemplate(url: "https://h" + text, variables: [])
                #expect(!server.basePaths.isEmpty)
            } catch {}
            let router = Router<Int>(routes: [
                .init(
                    template: (try? PathTemplate(parsing: "/{a}/x")) ?? PathTemplate.rootForTest, methods: [.get],
                    operationID: 0)
            ])
            if case .invalidPath(let error) = router.route(method: .get, path: "/" + text) {
                #expect(error.offset < text.utf8.count + 1)
            }
        }
    }

    @Test func longPathsAndManySegmentsAreCheap() {
        let router = Router<Int>(routes: [
            .init(
                template: (try? PathTemplate(parsing: "/{a}/{b}.{c}")) ?? PathTemplate.rootForTest, methods: [.get],
                operationID: 0)
        ])
        #expect(router.route(method: .get, path: String(repeating: "/", count: 100_000)) == .notFound)
        let long = "/x/" + String(repeating: "a.", count: 50_000) + "b"
        guard case .matched(_, let parameters) = router.route(method: .get, path: long) else {
            Issue.record("expected a match")
            return
        }
        #expect(parameters.map(\.decodedValue.count) == [1, 99_999, 1])
        #expect(router.route(method: .get, path: "/x/" + String(repeating: "a", count: 100_000)).isNotFoundForTest)
        #expect(router.route(method: .get, path: "/x/" + String(repeating: "%2E", count: 30_000)).isMatchedForTest)
    }
}

extension PathTemplate {
    // swift-format-ignore: NeverUseForceTry
    static let rootForTest = try! PathTemplate(parsing: "/")
}

extension RouteResult {
    var isNotFoundForTest: Bool {
        if case .notFound = self { return true }
        return false
    }

    var isMatchedForTest: Bool {
        if case .matched = self { return true }
        return false
    }
}

extension StringProtocol {
    /// Percent-decoding for the reference matcher (nil when malformed or not UTF-8).
    var removingPercentEncodingForTest: String? {
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    func replacingOccurrencesForTest(of target: String, with replacement: String) -> String {
        String(self).split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
