import Testing

@testable import FlowSpecTraffic

@Suite("Capture building blocks")
struct CaptureUnitTests {
    @Test(
        "base64 decodes standard, URL-safe, unpadded and wrapped text",
        arguments: [
            ("", [UInt8]()), ("AA==", [0]), ("AAE=", [0, 1]), ("AAEC", [0, 1, 2]), ("AAE", [0, 1]),
            ("AA\r\nEC", [0, 1, 2]), ("-_8=", [0xFB, 0xFF]), ("+/8=", [0xFB, 0xFF]),
        ])
    func base64Valid(text: String, bytes: [UInt8]) {
        let decoded = Base64.decode(Array(text.utf8))
        #expect(decoded.invalidOffset == nil)
        #expect(decoded.bytes == bytes)
    }

    @Test(
        "base64 stops at the first bad character and says where",
        arguments: [
            ("QUJD*REVG", 4, [UInt8]("ABC".utf8)), ("AA==AA", 4, [0]), ("A", 0, []), ("AAAAA", 4, [0, 0, 0]),
            ("AA===", 4, [0]),
        ])
    func base64Invalid(text: String, offset: Int, prefix: [UInt8]) {
        let decoded = Base64.decode(Array(text.utf8))
        #expect(decoded.invalidOffset == offset)
        #expect(decoded.bytes == prefix)
    }

    @Test("URLs split into parts without decoding")
    func urls() {
        let full = CapturedURL(parsing: "HTTPS://user:pw@[2001:DB8::1]:8443/a%20b/c?q=1&r=%2F#top")
        #expect(full.scheme == "https")
        #expect(full.host == "2001:db8::1")
        #expect(full.port == 8443)
        #expect(full.path == "/a%20b/c")
        #expect(full.query == "q=1&r=%2F")
        #expect(full.fragment == "top")

        let bare = CapturedURL(parsing: "http://Example.test")
        #expect(bare.host == "example.test")
        #expect(bare.port == nil)
        #expect(bare.path == "/")
        #expect(bare.query == nil)

        let emptyQuery = CapturedURL(parsing: "http://h:99999/p?")
        #expect(emptyQuery.port == nil)
        #expect(emptyQuery.query == "")

        let relative = CapturedURL(parsing: "/v1/users?limit=2")
        #expect(relative.scheme == nil)
        #expect(relative.host == nil)
        #expect(relative.path == "/v1/users")
        #expect(relative.query == "limit=2")

        let colonInPath = CapturedURL(parsing: "/a:b/c")
        #expect(colonInPath.scheme == nil)
        #expect(colonInPath.path == "/a:b/c")
    }

    @Test(
        "the tape parser accepts RFC 8259 and locates what it refuses",
        arguments: [
            (#"{"a":[1,-2.5e3,true,false,null,"x\"\u00e9\ud83d\ude00"],"b":{}}"#, nil),
            (" [ ] ", nil),
            ("01", 1), ("1.", 2), ("-", 1), (#"{"a" 1}"#, 5), (#"{"a":1,}"#, 7), ("[1 2]", 3), (#""\x""#, 1),
            (#""\u12G4""#, 1), ("nul", 0), ("{}}", 2), ("", 0), (#"{"a":1"#, 6),
        ])
    func tape(text: String, errorOffset: Int?) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONTape.SyntaxError) in try JSONTape.parse(buffer) }
        }
        switch result {
        case .success: #expect(errorOffset == nil, "\(text) should not parse")
        case .failure(let error): #expect(error.offset == errorOffset, "\(text): \(error.message)")
        }
    }

    @Test("string unescaping decodes surrogate pairs and keeps lone surrogates as U+FFFD")
    func unescape() {
        let token = Array(#""a\n\u00e9\ud83d\ude00\ud800x\/""#.utf8)
        var out: [UInt8] = []
        token.withUnsafeBufferPointer { JSONStrings.unescape($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "a\né😀\u{FFFD}x/")
    }

    @Test("header names match case-insensitively")
    func headerLookup() {
        let headers = [
            CapturedHeader(name: "content-TYPE", value: "a"), CapturedHeader(name: "Content-Type", value: "b"),
        ]
        #expect(headers.first(named: "Content-Type") == "a")
        #expect(headers.values(named: "CONTENT-type") == ["a", "b"])
        #expect(headers.first(named: "Content-Typ") == nil)
    }
}
