import FlowSpecModel
import Testing

@testable import FlowSpecTraffic

@Suite("HAR capture reading")
struct CaptureHARTests {
    @Test("a GET and a POST are read with every part")
    func basicEntries() throws {
        let post = harEntry(
            method: "POST", url: "https://Auth.Example.test:8443/v1/flows/abc?x=1&y=%20#frag",
            requestHeaders: #"""
                [{"name":"Content-Type","value":"application/json"},{"name":"X-Dup","value":"1"},
                 {"name":"x-dup","value":"2"},{"name":"Cookie","value":"sid=abc; theme=dark"}]
                """#,
            postData: #"{"mimeType":"application/json","text":"{\"otp\":\"123456\"}"}"#,
            extra: #","_bench":{"expect":"invalid","defect":"req_body_pattern"},"comment":"hello""#)
        let entries = readCapture(harDocument([harEntry(), post]))
        try #require(entries.count == 2)
        #expect(entries.map(\.index) == [0, 1])
        #expect(entries.allSatisfy { $0.problems.isEmpty })

        let get = try #require(entries[0].exchange)
        #expect(get.request.method == "GET")
        #expect(get.request.url == "https://api.example.test/v1/users?limit=2")
        #expect(get.request.scheme == "https")
        #expect(get.request.host == "api.example.test")
        #expect(get.request.path == "/v1/users")
        #expect(get.request.query == "limit=2")
        #expect(get.request.body == nil)
        #expect(get.request.headers == [CapturedHeader(name: "Accept", value: "application/json")])
        #expect(get.startedAt == "2025-01-01T00:00:00.000Z")
        #expect(get.timeMs == 12.5)
        #expect(get.extensions.isEmpty)
        let response = try #require(get.response)
        #expect(response.status == 200)
        #expect(response.statusText == "OK")
        #expect(response.body?.string == #"{"ok":true}"#)
        #expect(response.body?.mimeType == "application/json")
        #expect(response.body?.isTruncated == false)
        #expect(response.body?.declaredSize == 11)

        let exchange = try #require(entries[1].exchange)
        let request = exchange.request
        #expect(request.method == "POST")
        #expect(request.host == "auth.example.test")
        #expect(request.target.port == 8443)
        #expect(request.path == "/v1/flows/abc")
        #expect(request.query == "x=1&y=%20")
        #expect(request.target.fragment == "frag")
        #expect(request.headers.map(\.name) == ["Content-Type", "X-Dup", "x-dup", "Cookie"])
        #expect(request.headers.values(named: "x-DUP") == ["1", "2"])
        #expect(
            request.cookies == [
                CapturedCookie(name: "sid", value: "abc"), CapturedCookie(name: "theme", value: "dark"),
            ])
        #expect(request.body?.string == #"{"otp":"123456"}"#)
        #expect(request.body?.mimeType == "application/json")
        #expect(exchange.comment == "hello")
        #expect(exchange.extensions == ["_bench": #"{"expect":"invalid","defect":"req_body_pattern"}"#])
    }

    @Test("locations give each entry's byte offset and line")
    func locations() throws {
        let text = harDocument([harEntry(), harEntry(), harEntry()])
        let entries = readCapture(text, name: "t.har")
        try #require(entries.count == 3)
        let bytes = Array(text.utf8)
        for (i, entry) in entries.enumerated() {
            #expect(entry.location.file == "t.har")
            #expect(entry.location.line == i + 2)
            #expect(bytes[entry.location.offset] == UInt8(ascii: "{"))
            let lineOfOffset = bytes[..<entry.location.offset].filter { $0 == 0x0A }.count + 1
            #expect(lineOfOffset == entry.location.line)
        }
        #expect(entries[1].location.description == "t.har:3 (byte \(entries[1].location.offset))")
    }

    @Test("log and entries are found whatever the member order, and other members are skipped unread")
    func memberOrder() throws {
        let text = #"""
            {"_custom":{"a":"]}\"[{","b":[[[]]],"c":"\\"},"log":{"entries":[\#(harEntry())],
             "pages":[{"id":"p\"]}"}],"creator":{"name":"x","comment":"}}]]"},"version":"1.2"},"after":[1,2,{"x":null}]}
            """#
        let entries = readCapture(text)
        try #require(entries.count == 1)
        #expect(entries[0].problems.isEmpty)
        #expect(entries[0].exchange?.request.method == "GET")
    }

    @Test("an empty entries array gives no entries and no problems")
    func emptyEntries() {
        #expect(readCapture(#"{"log":{"version":"1.2","entries":[]}}"#).isEmpty)
        #expect(readCapture(#"{"log":{"entries":[ ]  } } "#).isEmpty)
    }

    @Test("base64 bodies are decoded: content.encoding, postData.encoding and postData._encoding")
    func base64Bodies() throws {
        let binary = #"{"size":4,"mimeType":"application/octet-stream","text":"AAH/fw==","encoding":"base64"}"#
        let entries = readCapture(
            harDocument([
                harEntry(
                    method: "POST", postData: #"{"mimeType":"image/png","text":"iVBO","encoding":"base64"}"#,
                    response: harResponse(content: binary)),
                harEntry(
                    method: "PUT", postData: #"{"mimeType":"application/x-thing","text":"/w==","_encoding":"base64"}"#),
            ]))
        try #require(entries.count == 2)
        #expect(entries.allSatisfy { $0.problems.isEmpty })
        #expect(entries[0].exchange?.response?.body?.bytes == [0x00, 0x01, 0xFF, 0x7F])
        #expect(entries[0].exchange?.request.body?.bytes == [0x89, 0x50, 0x4E])
        #expect(entries[1].exchange?.request.body?.bytes == [0xFF])
    }

    @Test("invalid base64 is a problem on the entry, which keeps what could be decoded")
    func invalidBase64() throws {
        let content = #"{"size":6,"mimeType":"application/octet-stream","text":"QUJD*REVG","encoding":"base64"}"#
        let entries = readCapture(harDocument([harEntry(response: harResponse(content: content))]))
        try #require(entries.count == 1)
        let entry = entries[0]
        #expect(entry.codes == ["capture_invalid_base64"])
        #expect(entry.problems[0].pointer == ["response", "content", "text"])
        #expect(entry.problems[0].message.contains("`*` at character 4"))
        let body = try #require(entry.exchange?.response?.body)
        #expect(body.string == "ABC")
        #expect(body.isTruncated)
    }

    @Test(
        "truncated and missing bodies are flagged",
        arguments: [
            (#"{"size":5000,"mimeType":"text/plain","text":"abc"}"#, "abc", "of 5000"),
            (#"{"size":5000,"mimeType":"application/json"}"#, "", "not captured"),
            (#"{"size":3,"mimeType":"text/plain","text":"abc","_truncated":true}"#, "abc", "cut by the capture tool"),
            (#"{"size":3,"mimeType":"text/plain","text":"abc","comment":"Body truncated at 1 MB"}"#, "abc", "cut"),
        ])
    func truncatedBodies(content: String, text: String, phrase: String) throws {
        let entries = readCapture(harDocument([harEntry(response: harResponse(content: content))]))
        try #require(entries.count == 1)
        #expect(entries[0].codes == ["capture_truncated_body"])
        #expect(entries[0].problems[0].severity == .warning)
        #expect(entries[0].problems[0].message.contains(phrase))
        let body = try #require(entries[0].exchange?.response?.body)
        #expect(body.isTruncated)
        #expect(body.string == text)
    }

    @Test("a response with no content text and size 0 has no body")
    func noBody() throws {
        let entries = readCapture(
            harDocument([harEntry(response: harResponse(status: "204", content: #"{"size":0,"mimeType":"x-unknown"}"#))]
            ))
        #expect(entries[0].problems.isEmpty)
        #expect(entries[0].exchange?.response?.status == 204)
        #expect(entries[0].exchange?.response?.body == nil)
    }

    @Test("status 0 is a request without a response; a missing response is a warning")
    func noResponse() throws {
        let entries = readCapture(
            harDocument([
                harEntry(response: harResponse(status: "0", content: #"{"size":0,"mimeType":""}"#)),
                harEntry(response: nil),
            ]))
        try #require(entries.count == 2)
        #expect(entries[0].problems.isEmpty)
        #expect(entries[0].exchange != nil)
        #expect(entries[0].exchange?.response == nil)
        #expect(entries[1].exchange?.response == nil)
        #expect(entries[1].codes == ["capture_missing_field"])
        #expect(entries[1].problems[0].severity == .warning)
    }

    @Test("form posts: params become a urlencoded body; multipart params alone are a truncated body")
    func formParams() throws {
        let urlencoded = #"""
            {"mimeType":"application/x-www-form-urlencoded","params":[{"name":"user name","value":"a&b"},{"name":"x","value":"é"}]}
            """#
        let multipart = #"""
            {"mimeType":"multipart/form-data; boundary=xyz","params":[{"name":"file","fileName":"a.png","contentType":"image/png"}]}
            """#
        let both = #"""
            {"mimeType":"application/x-www-form-urlencoded","text":"a=1","params":[{"name":"a","value":"1"}]}
            """#
        let entries = readCapture(
            harDocument([
                harEntry(method: "POST", postData: urlencoded), harEntry(method: "POST", postData: multipart),
                harEntry(method: "POST", postData: both),
            ]))
        try #require(entries.count == 3)
        let first = try #require(entries[0].exchange?.request)
        #expect(entries[0].problems.isEmpty)
        #expect(first.formParams.map(\.name) == ["user name", "x"])
        #expect(first.body?.string == "user+name=a%26b&x=%C3%A9")
        #expect(first.body?.isTruncated == false)

        let second = try #require(entries[1].exchange?.request)
        #expect(entries[1].codes == ["capture_truncated_body"])
        #expect(
            second.formParams == [
                CapturedFormParam(name: "file", value: nil, fileName: "a.png", contentType: "image/png")
            ])
        #expect(second.body?.isTruncated == true)
        #expect(second.body?.mimeType == "multipart/form-data; boundary=xyz")

        #expect(entries[2].problems.isEmpty)
        #expect(entries[2].exchange?.request.body?.string == "a=1")
        #expect(entries[2].exchange?.request.formParams.count == 1)
    }

    @Test("cookies come from the HAR cookies list first, else from Cookie and Set-Cookie fields")
    func cookies() throws {
        let request = #"""
            {"startedDateTime":"x","request":{"method":"GET","url":"/a","cookies":[{"name":"a","value":"1","path":"/"}],
             "headers":[{"name":"Cookie","value":"ignored=1"}]},
             "response":{"status":200,"cookies":[],"headers":[{"name":"Set-Cookie","value":"s=2; Path=/; HttpOnly"},
             {"name":"set-cookie","value":"t=3"}],"content":{"size":0}}}
            """#
        let entries = readCapture(harDocument([request]))
        let exchange = try #require(entries.first?.exchange)
        #expect(exchange.request.cookies == [CapturedCookie(name: "a", value: "1")])
        #expect(
            exchange.response?.cookies == [
                CapturedCookie(name: "s", value: "2"), CapturedCookie(name: "t", value: "3"),
            ])
        #expect(exchange.request.host == nil)
        #expect(exchange.request.path == "/a")
    }

    @Test("the benchmark generator's entry shape is read, with its _bench tag")
    func benchShape() throws {
        // One entry as /work/shared/bench/gen_har.py writes it (compact JSON, one entry per line).
        let entry = #"""
            {"startedDateTime":"2025-01-01T00:00:00.037Z","time":12.5,"request":{"method":"GET","url":"https://auth.example.test/v1/environments/8c1f7a5e-5a0e-4d55-9a42-3b1e4c2a9f10/users?limit=3&filter=username%20sw%20%22a%22","httpVersion":"HTTP/1.1","cookies":[],"headers":[{"name":"Host","value":"auth.example.test"},{"name":"User-Agent","value":"bench-gen/1.0"}],"queryString":[{"name":"limit","value":"3"},{"name":"filter","value":"username sw \"a\""}],"headersSize":-1,"bodySize":0},"response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],"headers":[{"name":"Content-Type","value":"application/json"}],"content":{"size":26,"mimeType":"application/json","text":"{\"count\":1,\"size\":1,\"x\":1}"},"redirectURL":"","headersSize":-1,"bodySize":26},"cache":{},"timings":{"send":0.1,"wait":11.9,"receive":0.5},"_bench":{"expect":"valid","defect":null}}
            """#
        let text =
            #"{"log":{"version":"1.2","creator":{"name":"bench-gen","version":"1.0"},"pages":[],"entries":["#
            + "\n" + entry + ",\n" + entry + "\n]}}\n"
        let entries = readCapture(text)
        try #require(entries.count == 2)
        #expect(entries.allSatisfy { $0.problems.isEmpty })
        #expect(entries[1].exchange?.extensions["_bench"] == #"{"expect":"valid","defect":null}"#)
        #expect(entries[1].exchange?.request.query == "limit=3&filter=username%20sw%20%22a%22")
        #expect(entries[1].exchange?.response?.body?.declaredSize == 26)
        #expect(entries[1].location.line == 3)
    }

    @Test("chunk boundaries anywhere give the same entries", arguments: Array(1...40) + [64, 100, 1000])
    func chunkBoundaries(chunkSize: Int) throws {
        let text = #"""
            {"log":{"creator":{"name":"a \"quoted\" ]} name"},"entries":[
              \#(harEntry(extra: #","_x":"\\\"]}""#)),
              \#(harEntry(method: "POST", postData: #"{"mimeType":"text/plain","text":"a\"b\\c\u00e9]}"}"#)),
              \#(harEntry(response: harResponse(status: "404")))
            ],"pages":[]}}
            """#
        let whole = readCapture(text)
        let pieces = readCaptureInChunks(Array(text.utf8), chunkSize: chunkSize)
        try #require(whole.count == 3)
        #expect(pieces.count == 3)
        #expect(pieces.map(\.location.offset) == whole.map(\.location.offset))
        #expect(pieces.map(\.location.line) == whole.map(\.location.line))
        #expect(pieces.map(\.exchange) == whole.map(\.exchange))
        #expect(pieces.allSatisfy { $0.problems.isEmpty })
        #expect(whole[1].exchange?.request.body?.string == "a\"b\\cé]}")
        #expect(whole[0].exchange?.extensions["_x"] == #""\\\"]}""#)
    }

    @Test("a UTF-8 byte order mark before the document is skipped")
    func byteOrderMark() {
        let entries = readCapture(bytes: [0xEF, 0xBB, 0xBF] + Array(harDocument([harEntry()]).utf8))
        #expect(entries.count == 1)
        #expect(entries.first?.problems.isEmpty == true)
    }

    @Test("a problem inside a pretty-printed entry points at the member's line")
    func problemLine() throws {
        let text = """
            {
              "log": {
                "entries": [
                  {
                    "request": {"method": "GET", "url": "https://a.test/"},
                    "response": {
                      "status": "200"
                    }
                  }
                ]
              }
            }
            """
        let entries = readCapture(text)
        try #require(entries.count == 1)
        #expect(entries[0].location.line == 4)
        let problem = try #require(entries[0].problems.first)
        #expect(problem.code == .captureWrongType)
        #expect(problem.location.line == 7)
        #expect(problem.message == #"`response.status` is a string ("200"); expected an integer status code"#)
        #expect(problem.pointer == ["response", "status"])
        #expect(problem.description.hasPrefix("test.har:7 (byte "))
        #expect(problem.diagnostic.location?.line == 7)
        #expect(problem.diagnostic.code == "capture_wrong_type")
    }
}
