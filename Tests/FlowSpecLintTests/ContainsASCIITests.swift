@testable import FlowSpecLint
import Testing

/// `containsASCII` answers as `String.contains(_:)` does, by bytes where that is the same answer.
@Suite struct ContainsASCIITests {
    @Test(arguments: [
        "#/components/schemas/Pet", "other.yaml#/components/responses/NotFound", "#/paths/~1pets",
        "/pets/{}", "/pets/{id}", "", "{", "/components", "é/components/x", "/components/\u{301}x",
        "/pets/{}\u{301}", "/p\u{e9}ts/{}",
    ])
    func agreesWithTheStandardLibrary(_ text: String) {
        #expect(text.containsASCII("/components/") == text.contains("/components/"))
        #expect(text.containsASCII("{}") == text.contains("{}"))
    }

    @Test func findsAndMisses() {
        #expect("#/components/schemas/Pet".containsASCII("/components/"))
        #expect(!"#/definitions/Pet".containsASCII("/components/"))
        // A combining mark joins the closing brace into another character: not a match.
        #expect(!"/pets/{}\u{301}".containsASCII("{}"))
        #expect("/p\u{e9}ts/{}".containsASCII("{}"))
    }
}
