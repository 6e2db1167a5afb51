import Testing

@testable import FlowSpecSchema

/// The byte-level `uri` family check answers exactly as the scalar grammar does.
@Suite("Formats: uri on bytes")
struct URIFormatBytesTests {
    static let samples = [
        "https://auth.pingone.com/3f1c5b7e/as/resume?flowId=4b8e1f27#x", "http://a", "http://", "http:", "mailto:a@b.c",
        "urn:isbn:0451450523", "//example.com/a", "/a/b?c=d#e", "a/b", "", "?", "#", "#a#b", "a:b", ":a", "1a:b",
        "a+b.c-d:x", "a_b:x", "http://user:pw@host:8080/p", "http://host:80a/", "http://ho st/", "http://h/%20%zz",
        "http://h/%2", "http://h/%20", "http://[::1]:80/", "http://[v1.x]/", "http://@h", "http://h@", "http://h:/",
        "http://h/a b", "http://h/a|b", "http://h/?a?b", "http://h/#a?b/:@", "http://h/\\", "foo://h:1:2/",
        "http://h/a^b", "http://h/'()*+,;=!$&", "x/y:z", "/x:y", "?x:y", "http://a@b@c/", "http:%41", "HTTP://H",
        "http://h/é", "http://é/", "http://h/\u{7F}", "http://h/\u{1}",
    ]

    @Test func agreesWithTheScalarGrammar() {
        var decided = 0
        for sample in Self.samples {
            for (kind, absolute, international) in [
                (FormatKind.uri, true, false), (.uriReference, false, false), (.iri, true, true),
                (.iriReference, false, true),
            ] {
                let expected = Formats.uri(sample, absolute: absolute, international: international)
                #expect(Formats.checkString(kind, sample) == expected, "\(kind.name) \(sample)")
                let onBytes = Array(sample.utf8).withUnsafeBufferPointer { Formats.checkBytes(kind, $0) }
                #expect(onBytes == expected, "\(kind.name) \(sample)")
                if Array(sample.utf8).withUnsafeBufferPointer({ Formats.asciiURI($0, absolute: absolute) }) != nil {
                    decided += 1
                }
            }
        }
        // The byte path must decide the ASCII samples, or it is dead code.
        #expect(decided > 150)
    }
}
