import FlowSpecModel
import FlowSpecValidator
import Testing

@Suite("Accept negotiation")
struct MediaTypeAcceptTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let accept: String
        let mediaType: String
        let quality: Int
        var testDescription: String { "\(accept) ⟶ \(mediaType)" }
        init(_ accept: String, _ mediaType: String, _ quality: Int) {
            self.accept = accept
            self.mediaType = mediaType
            self.quality = quality
        }
    }

    // RFC 9110 §12.5.1's example.
    static let rfc =
        "text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, text/plain;format=fixed;q=0.4, */*;q=0.5"

    @Test(arguments: [
        Case(rfc, "text/plain;format=flowed", 1000),
        Case(rfc, "text/plain", 700),
        Case(rfc, "text/html", 300),
        Case(rfc, "image/jpeg", 500),
        Case(rfc, "text/plain;format=fixed", 400),
        Case(rfc, "text/html;level=3", 300),
        Case("application/json", "application/json", 1000),
        Case("application/json", "application/json; charset=utf-8", 1000),
        Case("Application/JSON", "application/json", 1000),
        Case("application/json", "application/vnd.pingidentity.flow+json", 0),
        Case("application/*", "application/vnd.pingidentity.flow+json", 1000),
        Case("application/hal+json, */*;q=0", "application/json", 0),
        Case("application/hal+json, */*;q=0", "application/hal+json", 1000),
        Case("application/json;q=0, */*", "application/json", 0),
        Case("application/json;q=0, */*", "application/problem+json", 1000),
        Case("text/html;q=1.000, application/json;q=0.001", "application/json", 1),
        Case("text/html;Q=0.2", "text/html", 200),
        Case("text/html; q=0.2; level=1", "text/html", 200),
        Case("", "text/html", 1000),
        Case(" , ,", "text/html", 1000),
        Case("text/html", "image/png", 0),
    ])
    func quality(_ example: Case) throws {
        let accept = try AcceptHeader(parsing: example.accept)
        let mediaType = try MediaType.parse(example.mediaType)
        #expect(accept.quality(of: mediaType) == example.quality)
        #expect(accept.accepts(mediaType) == (example.quality > 0))
    }

    @Test func severalFieldsFormOneList() throws {
        let accept = try AcceptHeader(parsingFields: ["application/json;q=0.5", "application/hal+json"])
        #expect(accept.elements.count == 2)
        #expect(accept.elements[0].quality == 500)
        #expect(accept.elements[1].range == MediaType(type: "application", subtype: "hal+json"))
    }

    @Test func quotedCommasDoNotSplit() throws {
        let accept = try AcceptHeader(parsing: #"text/plain; note="a, b", text/html"#)
        #expect(accept.elements.map(\.range.subtype) == ["plain", "html"])
        #expect(accept.elements[0].range.parameter(named: "note") == "a, b")
    }

    @Test(arguments: [
        "text/html;q=2", "text/html;q=0.1234", "text/html;q=1.5", "text/html;q=.5", "text/html;q=x",
        "text/html, ;q=1", "*; q=.2", "text/html q=1",
    ])
    func rejectsInvalid(_ accept: String) {
        #expect(throws: MediaTypeParseError.self) { try AcceptHeader(parsing: accept) }
    }

    @Test func lenientParsingSkipsInvalidElements() throws {
        var skipped: [MediaTypeParseError] = []
        let accept = AcceptHeader(
            lenientlyParsingFields: ["text/html, image/gif, *; q=.2, */*; q=0.2, bad/, application/json"],
            skipped: &skipped)
        #expect(accept.elements.map(\.range.description) == ["text/html", "image/gif", "*/*", "application/json"])
        #expect(skipped.map(\.input) == ["*/*; q=.2", "bad/"])
        #expect(accept.accepts(try MediaType.parse("image/png")))
    }

    @Test func preferredAmongCandidates() throws {
        let accept = try AcceptHeader(parsing: "application/json;q=0.5, application/hal+json")
        let candidates = [
            MediaType.json, try MediaType.parse("application/hal+json"), try MediaType.parse("text/html"),
        ]
        #expect(accept.preferred(among: candidates) == candidates[1])
        #expect(try AcceptHeader(parsing: "image/*").preferred(among: candidates) == nil)
        #expect(try AcceptHeader(parsing: "*/*").preferred(among: candidates) == candidates[0])
    }
}
