import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import Testing

@Suite("Query strings, cookies and form bodies")
struct ParameterQueryStringTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let query: String
        /// name, raw value (nil: no "=")
        let items: [Pair]
        var testDescription: String { query.isEmpty ? "(empty)" : query }
    }

    struct Pair: Sendable, Equatable {
        let name: String
        let value: String?
        init(_ name: String, _ value: String?) {
            self.name = name
            self.value = value
        }
    }

    @Test(arguments: [
        Case(query: "", items: []),
        Case(query: "?", items: []),
        Case(query: "a=1", items: [Pair("a", "1")]),
        Case(query: "?a=1", items: [Pair("a", "1")]),
        Case(query: "a=1&&b", items: [Pair("a", "1"), Pair("b", nil)]),
        Case(query: "a=1&a=2&a", items: [Pair("a", "1"), Pair("a", "2"), Pair("a", nil)]),
        Case(query: "&&&", items: []),
        Case(query: "=x&=", items: [Pair("", "x"), Pair("", "")]),
        Case(query: "a==b", items: [Pair("a", "=b")]),
        Case(query: "a%20b=c", items: [Pair("a b", "c")]),
        Case(query: "a+b=c+d", items: [Pair("a+b", "c+d")]),
        Case(query: "x%zz=1", items: [Pair("x%zz", "1")]),
        Case(query: "b=2&a=1", items: [Pair("b", "2"), Pair("a", "1")]),
        Case(query: "a=1;b=2", items: [Pair("a", "1;b=2")]),
    ])
    func parsesInOrder(_ example: Case) {
        let query = QueryString(example.query)
        #expect(query.items.map { Pair($0.name, $0.rawValue.map(String.init)) } == example.items)
    }

    @Test func decodingOnDemand() throws {
        let query = QueryString("q=a%20b+c&bad=%zz&none&x%zz=1&u=%FF")
        #expect(try query.items[0].decodedValue() == "a b+c")
        #expect(throws: PercentDecodingError.self) { try query.items[1].decodedValue() }
        #expect(try query.items[2].decodedValue() == "")
        #expect(!query.items[3].nameIsDecoded)
        #expect(query.items[0].nameIsDecoded)
        do {
            _ = try query.items[4].decodedValue()
            Issue.record("expected an error")
        } catch {
            #expect(!error.isMalformedEscape)
            #expect(error.description == #""%FF" has percent-escapes that do not decode to UTF-8 text"#)
        }
        #expect(query.items(named: "q").count == 1)
    }

    @Test func plusAsSpaceForForms() throws {
        let query = QueryString("a+b=c+d%2B", plusAsSpace: true)
        #expect(query.items[0].name == "a b")
        #expect(try query.items[0].decodedValue() == "c d+")
    }

    @Test(arguments: [
        ("/a/b?x=1&y", ["x", "y"]),
        ("/a/b", []),
        ("/a/b?", []),
        ("/a?b?c=d", ["b?c"]),
    ])
    func fromRequestTarget(_ target: String, _ names: [String]) {
        #expect(QueryString(requestTarget: target).items.map(\.name) == names)
    }

    @Test(arguments: [
        (["a=b; c=d"], [("a", "b"), ("c", "d")]),
        (["a=b;c=d", "e=f"], [("a", "b"), ("c", "d"), ("e", "f")]),
        (["  a = b ;; ;c=\"quoted value\""], [("a", "b"), ("c", "quoted value")]),
        (["a=\"\""], [("a", "")]),
        (["a=\""], [("a", "\"")]),
        (["flag"], [("", "flag")]),
        (["a=b=c"], [("a", "b=c")]),
        (["a=%20"], [("a", "%20")]),
        ([""], []),
    ])
    func cookies(_ values: [String], _ expected: [(String, String)]) {
        let cookies = CookieList(parsing: values).cookies
        #expect(cookies.map(\.name) == expected.map(\.0))
        #expect(cookies.map(\.value) == expected.map(\.1))
    }

    @Test func formBody() throws {
        let decoder = FormURLEncodedDecoder(properties: [
            "age": .primitive(.integer), "tag": .array(items: .string), "ok": .primitive(.boolean),
        ])
        let object = try decoder.decode("name=Ada+Lovelace&age=36&tag=a&ok=true&x=1&x=2&note=50%25+off&empty=&flag")
        #expect(object.keys == ["name", "age", "tag", "ok", "x", "note", "empty", "flag"])
        #expect(
            JSONValue.object(object)
                == .object([
                    "name": .string("Ada Lovelace"), "age": number("36"), "tag": .array([.string("a")]),
                    "ok": .bool(true),
                    "x": .array([.string("1"), .string("2")]), "note": .string("50% off"), "empty": .string(""),
                    "flag": .string(""),
                ]))
        #expect(try FormURLEncodedDecoder().decode("") == JSONObject())
        #expect(
            try FormURLEncodedDecoder(properties: ["n": .primitive(.integer)]).decode("n=1&n=x")["n"]
                == .array([number("1"), .string("x")]))
    }

    @Test func formBodyErrors() {
        #expect {
            _ = try FormURLEncodedDecoder().decode("a=1&b=%G1")
        } throws: { error in
            guard let error = error as? FormDecodingError else { return false }
            #expect(error.field == "b")
            #expect(error.code == .invalidPercentEncoding)
            #expect(
                error.message
                    == #"form field "b" has malformed percent-encoding in "%G1" (each '%' needs two hexadecimal digits, and the decoded bytes must be UTF-8)"#
            )
            return true
        }
        #expect(throws: FormDecodingError.self) { _ = try FormURLEncodedDecoder().decode("a%=1") }
    }
}
