import FlowSpecModel
import FlowSpecValidator
import Testing

@Suite("MediaType parsing")
struct MediaTypeParsingTests {
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let text: String
        let type: String
        let subtype: String
        let parameters: [String: String]
        let suffix: String?
        var testDescription: String { text }
    }

    @Test(arguments: [
        ValidCase(text: "application/json", type: "application", subtype: "json", parameters: [:], suffix: nil),
        ValidCase(
            text: "application/vnd.pingidentity.session.reset+json", type: "application",
            subtype: "vnd.pingidentity.session.reset+json", parameters: [:], suffix: "json"),
        ValidCase(
            text: "application/vnd.pingidentity.usernamePassword.check+json; charset=utf-8", type: "application",
            subtype: "vnd.pingidentity.usernamePassword.check+json", parameters: ["charset": "utf-8"], suffix: "json"),
        ValidCase(
            text: "  text/plain ; charset=\"utf-8\" ; format=flowed  ", type: "text", subtype: "plain",
            parameters: ["charset": "utf-8", "format": "flowed"], suffix: nil),
        ValidCase(
            text: "text/plain;charset=UTF-8", type: "text", subtype: "plain", parameters: ["charset": "UTF-8"],
            suffix: nil),
        ValidCase(text: "text/plain;", type: "text", subtype: "plain", parameters: [:], suffix: nil),
        ValidCase(text: "text/plain;;a=b", type: "text", subtype: "plain", parameters: ["a": "b"], suffix: nil),
        ValidCase(
            text: #"multipart/form-data; boundary="a \"quoted\" ;, value""#, type: "multipart", subtype: "form-data",
            parameters: ["boundary": #"a "quoted" ;, value"#], suffix: nil),
        ValidCase(text: "image/svg+xml", type: "image", subtype: "svg+xml", parameters: [:], suffix: "xml"),
        ValidCase(text: "*/*", type: "*", subtype: "*", parameters: [:], suffix: nil),
        ValidCase(text: "text/*", type: "text", subtype: "*", parameters: [:], suffix: nil),
        ValidCase(
            text: "application/vnd.pingidentity.password.sendRecoveryCode", type: "application",
            subtype: "vnd.pingidentity.password.sendRecoveryCode", parameters: [:], suffix: nil),
        ValidCase(text: "application/+json", type: "application", subtype: "+json", parameters: [:], suffix: nil),
        ValidCase(text: "application/a+", type: "application", subtype: "a+", parameters: [:], suffix: nil),
        ValidCase(text: "a/b; x=\"\"", type: "a", subtype: "b", parameters: ["x": ""], suffix: nil),
    ])
    func parsesValid(_ example: ValidCase) throws {
        let mediaType = try MediaType.parse(example.text)
        #expect(mediaType.type == example.type)
        #expect(mediaType.subtype == example.subtype)
        #expect(mediaType.parameters.count == example.parameters.count)
        for (name, value) in example.parameters {
            #expect(mediaType.parameter(named: name.uppercased()) == value)
        }
        #expect(mediaType.suffix == example.suffix)
        #expect(MediaType(parsing: example.text) == mediaType)
    }

    @Test func keepsParameterOrderAndCase() throws {
        let mediaType = try MediaType.parse("text/plain; Format=flowed; CHARSET=utf-8")
        #expect(mediaType.parameters.map(\.name) == ["Format", "CHARSET"])
        #expect(mediaType.parameter(named: "charset") == "utf-8")
        #expect(mediaType.description == "text/plain; Format=flowed; CHARSET=utf-8")
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        InvalidCase(
            text: "",
            message:
                #"invalid media type "": it is empty; expected type/subtype such as application/json (at offset 0)"#),
        InvalidCase(
            text: "   ",
            message:
                #"invalid media type "   ": it is empty; expected type/subtype such as application/json (at offset 3)"#),
        InvalidCase(
            text: "application",
            message:
                #"invalid media type "application": expected '/' and a subtype after the type "application", found end of input (at offset 11)"#
        ),
        InvalidCase(
            text: "application; charset=utf-8",
            message:
                #"invalid media type "application; charset=utf-8": expected '/' and a subtype after the type "application", found ';' (at offset 11)"#
        ),
        InvalidCase(text: "/json", message: #"invalid media type "/json": the type before '/' is empty (at offset 0)"#),
        InvalidCase(
            text: "application/",
            message: #"invalid media type "application/": the subtype after '/' is empty (at offset 12)"#),
        InvalidCase(
            text: "application/ json",
            message: #"invalid media type "application/ json": the subtype after '/' is empty (at offset 12)"#),
        InvalidCase(
            text: "appli(cation/json",
            message:
                #"invalid media type "appli(cation/json": '(' is not allowed in a type name (RFC 9110 token) (at offset 5)"#
        ),
        InvalidCase(
            text: "application/js@n",
            message:
                #"invalid media type "application/js@n": '@' is not allowed in a subtype (RFC 9110 token) (at offset 14)"#
        ),
        InvalidCase(
            text: "application/json/x",
            message:
                #"invalid media type "application/json/x": '/' is not allowed in a subtype (RFC 9110 token) (at offset 16)"#
        ),
        InvalidCase(
            text: "application/vnd.pingidentity.session.reset json",
            message:
                #"invalid media type "application/vnd.pingidentity.session.reset json": expected ';' before a parameter, found 'j' (at offset 43)"#
        ),
        InvalidCase(
            text: "text/plain; charset",
            message:
                #"invalid media type "text/plain; charset": parameter "charset" has no value: expected '=', found end of input (at offset 19)"#
        ),
        InvalidCase(
            text: "text/plain; charset =utf-8",
            message:
                #"invalid media type "text/plain; charset =utf-8": whitespace is not allowed around '=' in parameter "charset" (at offset 19)"#
        ),
        InvalidCase(
            text: "text/plain; charset= utf-8",
            message:
                #"invalid media type "text/plain; charset= utf-8": whitespace is not allowed around '=' in parameter "charset" (at offset 20)"#
        ),
        InvalidCase(
            text: "text/plain; charset=",
            message:
                #"invalid media type "text/plain; charset=": parameter "charset" has an empty value; write "" for an empty string (at offset 20)"#
        ),
        InvalidCase(
            text: "text/plain; =utf-8",
            message:
                #"invalid media type "text/plain; =utf-8": expected a parameter name (a token) after ';', found '=' (at offset 12)"#
        ),
        InvalidCase(
            text: "text/plain; a=b c",
            message:
                #"invalid media type "text/plain; a=b c": expected ';' before a parameter, found 'c' (at offset 16)"#),
        InvalidCase(
            text: "text/plain; a=b/c",
            message:
                #"invalid media type "text/plain; a=b/c": '/' is not allowed in the value of parameter "a"; quote the value (at offset 15)"#
        ),
        InvalidCase(
            text: #"text/plain; a="open"#,
            message:
                #"invalid media type "text/plain; a="open": the quoted value of parameter "a" has no closing '"' (at offset 14)"#
        ),
        InvalidCase(
            text: "text/plain; a=\"x\u{1}\"",
            message:
                "invalid media type \"text/plain; a=\"x\u{1}\"\": U+0001 is not allowed in the quoted value of parameter \"a\" (at offset 16)"
        ),
        InvalidCase(
            text: "text/plain; charset=a; Charset=b",
            message:
                #"invalid media type "text/plain; charset=a; Charset=b": parameter "Charset" is given more than once (RFC 6838 §4.3) (at offset 23)"#
        ),
        InvalidCase(
            text: "text/plain, text/html",
            message:
                #"invalid media type "text/plain, text/html": ',' is not allowed in a subtype (RFC 9110 token) (at offset 10)"#
        ),
        InvalidCase(
            text: "téxt/plain",
            message:
                #"invalid media type "téxt/plain": U+00E9 is not allowed in a type name (RFC 9110 token) (at offset 1)"#
        ),
    ])
    func rejectsInvalid(_ example: InvalidCase) {
        #expect(MediaType(parsing: example.text) == nil)
        #expect {
            _ = try MediaType.parse(example.text)
        } throws: { error in
            guard let error = error as? MediaTypeParseError else { return false }
            #expect(error.message == example.message)
            #expect(error.code.rawValue == "invalid_media_type")
            #expect(error.input == example.text)
            return true
        }
    }

    struct Classification: Sendable, CustomTestStringConvertible {
        let text: String
        let isJSON: Bool
        let isRange: Bool
        let isWildcard: Bool
        var testDescription: String { text }
    }

    @Test(arguments: [
        Classification(text: "application/json", isJSON: true, isRange: false, isWildcard: false),
        Classification(text: "Application/JSON; charset=utf-8", isJSON: true, isRange: false, isWildcard: false),
        Classification(text: "application/problem+json", isJSON: true, isRange: false, isWildcard: false),
        Classification(
            text: "application/vnd.pingidentity.session.reset+json", isJSON: true, isRange: false, isWildcard: false),
        Classification(
            text: "application/vnd.pingidentity.session.reset+JSON", isJSON: true, isRange: false, isWildcard: false),
        Classification(text: "text/json", isJSON: true, isRange: false, isWildcard: false),
        Classification(
            text: "application/vnd.pingidentity.password.sendRecoveryCode", isJSON: false, isRange: false,
            isWildcard: false),
        Classification(text: "application/x-ndjson", isJSON: false, isRange: false, isWildcard: false),
        Classification(text: "application/jsonx", isJSON: false, isRange: false, isWildcard: false),
        Classification(text: "application/json-seq", isJSON: false, isRange: false, isWildcard: false),
        Classification(text: "image/json", isJSON: false, isRange: false, isWildcard: false),
        Classification(text: "application/+json", isJSON: false, isRange: false, isWildcard: false),
        Classification(text: "application/xml", isJSON: false, isRange: false, isWildcard: false),
        Classification(text: "application/*", isJSON: false, isRange: true, isWildcard: false),
        Classification(text: "*/*", isJSON: false, isRange: true, isWildcard: true),
    ])
    func classifies(_ example: Classification) throws {
        let mediaType = try MediaType.parse(example.text)
        #expect(mediaType.isJSON == example.isJSON)
        #expect(mediaType.isRange == example.isRange)
        #expect(mediaType.isWildcard == example.isWildcard)
    }

    @Test func equalityIgnoresCaseOfNamesAndCharsetAndParameterOrder() throws {
        let a = try MediaType.parse("Text/Plain; CharSet=UTF-8; format=flowed")
        let b = try MediaType.parse("text/plain; format=flowed; charset=utf-8")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(try MediaType.parse("text/plain; format=Flowed") != MediaType.parse("text/plain; format=flowed"))
        #expect(try MediaType.parse("text/plain") != MediaType.parse("text/plain; charset=utf-8"))
        #expect(
            try MediaType.parse("application/vnd.pingidentity.session.reset+json")
                != MediaType.parse("application/json"))
    }

    @Test func descriptionQuotesValuesThatAreNotTokens() throws {
        let mediaType = MediaType(
            type: "multipart", subtype: "form-data",
            parameters: [.init(name: "boundary", value: #"a "b" c"#), .init(name: "x", value: "")])
        #expect(mediaType.description == #"multipart/form-data; boundary="a \"b\" c"; x="""#)
        #expect(try MediaType.parse(mediaType.description) == mediaType)
    }
}
