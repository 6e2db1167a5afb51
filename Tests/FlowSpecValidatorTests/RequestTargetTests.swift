import HTTPTypes
import Testing

@testable import FlowSpecValidator

/// Request targets as captures give them: absolute URLs lose their scheme and authority, and the
/// query is what follows the first `?`.
@Suite("Request targets")
struct RequestTargetTests {
    @Test(arguments: [
        ("/a/b?x=1", "/a/b?x=1"), ("https://h.test/a/b?x=1", "/a/b?x=1"), ("https://h.test?x=1", "/?x=1"),
        ("https://h.test", "/"), ("x://", "/"), ("h.test/a", "h.test/a"), ("a:/b", "a:/b"), ("a:b://c/d", "/d"),
        ("https://user@h.test:8080/é/ü?q=ä", "/é/ü?q=ä"), ("https://h.test/a://b/c", "/a://b/c"), ("", ""),
        ("https://h.test#f/g", "/g"),
    ])
    func pathAndQuery(_ target: String, _ expected: String) {
        #expect(Validator.pathAndQuery(target) == expected)
    }

    /// Where an absolute URL is read in place, the text from its path on is exactly what
    /// `pathAndQuery` would have built, and no `?` comes before it (so its query is the same);
    /// elsewhere a new target is built.
    @Test(arguments: [
        "/a/b?x=1", "https://h.test/a/b?x=1", "https://h.test?x=1", "https://h.test", "x://", "h.test/a", "a:/b",
        "a:b://c/d", "https://user@h.test:8080/é/ü?q=ä", "https://h.test/a://b/c", "", "https://h.test#f/g",
        "a?b://c/d?e=1", "https://h.test/?", "https://h.test/a?x=https://k/l",
    ])
    func pathReadInPlace(_ target: String) {
        guard let start = Validator.pathStart(target) else {
            #expect(!target.hasPrefix("/"))
            return
        }
        let tail = String(decoding: Array(target.utf8)[start...], as: UTF8.self)
        #expect(tail == Validator.pathAndQuery(target))
        #expect(!target.utf8.prefix(start).contains(UInt8(ascii: "?")))
        #expect(QueryString(requestTarget: target).items == QueryString(requestTarget: tail).items)
        #expect(RequestChecker.pathOnly(target, from: start) == RequestChecker.pathOnly(tail))
    }

    @Test func absoluteURLsAreReadInPlace() {
        #expect(Validator.pathStart("https://h.test/a/b?x=1") == 14)
        #expect(Validator.pathStart("/a") == 0)
        #expect(Validator.pathStart("https://h.test?x=1") == nil)
        #expect(Validator.pathStart("a?b://c/d") == nil)
    }

    @Test(arguments: [
        ("/a?x=1&y=2", ["x", "y"]), ("/a", []), ("/a?", []), ("/é?ü=1?v=2", ["ü"]), ("/a?&&b&", ["b"]),
    ])
    func queryOfATarget(_ target: String, _ names: [String]) {
        #expect(QueryString(requestTarget: target).items.map(\.name) == names)
    }

    @Test func queryKeepsEverythingAfterTheFirstMark() throws {
        let query = QueryString(requestTarget: "/é?ü=1?v=2")
        #expect(query.items.count == 1)
        #expect(try query.items[0].decodedValue() == "1?v=2")
    }

    /// The usual methods by their spelling, and any other text as `HTTPRequest.Method` reads it.
    @Test func methodsAreReadAsHTTPTypesReadsThem() {
        for text in [
            "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "get", "Post", "GET ", "", "G ET",
            "PURGE", "M-SEARCH", "GÉT",
        ] {
            #expect(Validator.method(text) == HTTPRequest.Method(text), "\(text)")
        }
        #expect(Validator.method("GET") == .get)
        #expect(Validator.method("get")?.rawValue == "get")
    }
}
