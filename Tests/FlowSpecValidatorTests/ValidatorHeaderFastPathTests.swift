import FlowSpecModel
import HTTPTypes
import Testing

@testable import FlowSpecValidator

/// The byte-level `Accept`, header and query fast paths never disagree with the full checks.
@Suite("Validator: Accept, header and query fast paths")
struct ValidatorHeaderFastPathTests {
    static let ranges = [
        "application/json", "APPLICATION/JSON", "application/*", "Application/*", "*/*", "text/*", "text/plain",
        " application/json ", "application/json;q=0", "application/json; q=0.5", "application/json, text/plain",
        "*/json", "*", "application/", "/json", "", "application/hal+json", "application/json;charset=utf-8",
        "application/json\t", "image/png;q=0, */*", "application/jsonx",
    ]
    static let contentTypes = [
        "application/json", "application/json; charset=UTF-8", "APPLICATION/JSON", "application/hal+json",
        "text/plain", "application/json;", "application/json; x=\"a,b\"", "application/*", "*/*",
        "application/json ; charset=utf-8", "application", "application/json x",
    ]

    /// What `ResponseChecker.checkAccept` decides without the fast path: whether the response passes.
    static func fullCheckAccepts(_ accept: String, _ contentType: String) -> Bool {
        guard let actual = MediaType(parsing: contentType) else { return true }
        var skipped: [MediaTypeParseError] = []
        let header = AcceptHeader(lenientlyParsingFields: [accept], skipped: &skipped)
        return header.elements.isEmpty || header.accepts(actual)
    }

    /// A declared key marked plain is accepted by an `Accept` of exactly its text, as the full check
    /// and the range fast path find.
    @Test func plainKeysAreAcceptedByTheirOwnText() {
        var plain = 0
        for key in Self.ranges + Self.contentTypes + [" a/b", "a/b "] {
            guard ResponsePlan.isPlainRange(key) else {
                continue
            }
            plain += 1
            #expect(Self.fullCheckAccepts(key, key), "\(key)")
            #expect(AcceptHeader.plainRangeAccepts(key, contentType: key), "\(key)")
        }
        #expect(plain >= 4)
        #expect(ResponsePlan.isPlainRange("application/json"))
        for key in ["*/*", "application/*", "*/json", "application/json; charset=utf-8", "application/json;", ""] {
            #expect(!ResponsePlan.isPlainRange(key), "\(key)")
        }
    }

    @Test func sameBytesIsEquality() {
        let texts = Self.ranges + Self.contentTypes + ["application/jsoN", "application/json ", "é/é", "e\u{301}/x"]
        for a in texts {
            for b in texts {
                #expect(HTTPSyntax.sameBytes(a, b) == (Array(a.utf8) == Array(b.utf8)), "\(a) \(b)")
            }
        }
    }

    /// A response whose `Content-Type` is a plain declared key is checked against the request's
    /// `Accept` as before: accepted when the texts are the same, reported when the types differ.
    @Test(.enabled(if: Flows.hasMini, "../shared/bench/flows-mini.yaml is absent"))
    func plainKeyShortcutKeepsVerdicts() throws {
        let validator = try Validator(contentsOf: Flows.miniPath)
        let env = "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73"
        let user = #"{"id":"\#(env)","username":"ada","email":"ada@example.test","enabled":true,"createdAt":"2025-01-01T00:00:00Z"}"#
        for (accept, expected) in [("application/json", true), ("text/plain", false), ("application/xml", false)] {
            let request = validator.validate(
                method: "GET", path: "/v1/environments/\(env)/users/\(env)", headers: [("Accept", accept)], body: nil)
            let response = validator.validate(
                status: 200, headers: [("Content-Type", "application/json")], body: Array(user.utf8), for: request)
            #expect(
                !response.violations.contains { $0.code == .notAcceptable } == expected,
                "\(accept): \(response.violations.map(\.message))")
        }
    }

    @Test func acceptFastPathAgreesWithTheFullCheck() {
        var decided = 0
        for accept in Self.ranges {
            for contentType in Self.contentTypes where AcceptHeader.plainRangeAccepts(accept, contentType: contentType)
            {
                decided += 1
                #expect(Self.fullCheckAccepts(accept, contentType), "\(accept) ⟶ \(contentType)")
            }
        }
        // The fast path must decide the common cases, or it is dead code.
        #expect(decided > 20)
        #expect(AcceptHeader.plainRangeAccepts("application/json", contentType: "application/json; charset=UTF-8"))
        #expect(AcceptHeader.plainRangeAccepts("Application/*", contentType: "application/hal+json"))
        #expect(!AcceptHeader.plainRangeAccepts("application/json;q=0", contentType: "application/json"))
        #expect(!AcceptHeader.plainRangeAccepts("text/plain", contentType: "application/json"))
    }

    /// The same text on both sides (the commonest case) takes one parse: it must still agree with
    /// the full check, and answer as the two-parse path does.
    @Test func acceptFastPathOnTheSameText() {
        for text in Self.ranges + Self.contentTypes {
            for other in [text, text.uppercased(), text.lowercased()]
            where AcceptHeader.plainRangeAccepts(text, contentType: other) {
                #expect(Self.fullCheckAccepts(text, other), "\(text) ⟶ \(other)")
            }
        }
        #expect(AcceptHeader.plainRangeAccepts("application/json", contentType: "application/json"))
        #expect(AcceptHeader.plainRangeAccepts("Application/JSON", contentType: "application/json"))
        #expect(AcceptHeader.plainRangeAccepts("*/*", contentType: "*/*"))
        #expect(!AcceptHeader.plainRangeAccepts("application/*", contentType: "application/*"))
        #expect(!AcceptHeader.plainRangeAccepts("*/json", contentType: "*/json"))
        #expect(!AcceptHeader.plainRangeAccepts("application/json;q=0", contentType: "application/json;q=0"))
        #expect(!AcceptHeader.plainRangeAccepts("", contentType: ""))
    }

    @Test func headerValueIsTheJoinedSubscript() {
        var fields = HTTPFields()
        #expect(fields.value(of: .accept) == nil)
        fields.append(HTTPField(name: .contentType, value: "application/json"))
        fields.append(HTTPField(name: .accept, value: "text/plain"))
        #expect(fields.value(of: .contentType) == "application/json")
        #expect(fields.value(of: .accept) == fields[.accept])
        fields.append(HTTPField(name: .accept, value: "application/json"))
        #expect(fields.value(of: .accept) == "text/plain, application/json")
        #expect(fields.value(of: .accept) == fields[.accept])
        fields.append(HTTPField(name: .cookie, value: "a=1"))
        fields.append(HTTPField(name: .cookie, value: "b=2"))
        #expect(fields.value(of: .cookie) == fields[.cookie])
    }

    @Test(arguments: [
        "a=1&b=2", "&&a=1&", "a&=x&b=", "q=a%20b+c&q=2", "x=é&y=1", "a=\u{301}&b=1", "&\u{301}b=1", "", "a==b",
    ])
    func queryItemsMatchACharacterSplit(query: String) {
        let parsed = QueryString(query)
        let pieces = query.split(separator: "&", omittingEmptySubsequences: true)
        #expect(parsed.items.count == pieces.count)
        for (item, piece) in zip(parsed.items, pieces) {
            if let equals = piece.firstIndex(of: "=") {
                #expect(item.rawName == piece[..<equals])
                #expect(item.rawValue == piece[piece.index(after: equals)...])
            } else {
                #expect(item.rawName == piece)
                #expect(item.rawValue == nil)
            }
        }
    }

    @Test func queryOfARequestTarget() {
        #expect(QueryString(requestTarget: "/a/b?x=1&y").items.map(\.name) == ["x", "y"])
        #expect(QueryString(requestTarget: "/a/b").items.isEmpty)
        #expect(QueryString(requestTarget: "/é?x=é").items.first?.rawValue == "é")
    }
}
