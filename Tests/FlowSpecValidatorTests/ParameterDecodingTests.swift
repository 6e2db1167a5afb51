import FlowSpecModel
import FlowSpecSchema
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Parameter decoding")
struct ParameterDecodingTests {
    // MARK: Coercion

    @Test(arguments: [
        (PrimitiveType.integer, "5", number("5")),
        (.integer, "-12", number("-12")),
        (.integer, "1.5", number("1.5")),
        (.integer, "1e3", number("1e3")),
        (.integer, "five", .string("five")),
        (.integer, "05", .string("05")),
        (.integer, "+5", .string("+5")),
        (.integer, "", .string("")),
        (.integer, " 5", .string(" 5")),
        (.number, "0.07", number("0.07")),
        (.number, "-0", number("-0")),
        (.number, "2E-3", number("2E-3")),
        (.number, ".5", .string(".5")),
        (.number, "5.", .string("5.")),
        (.number, "1e", .string("1e")),
        (.number, "NaN", .string("NaN")),
        (.number, "Infinity", .string("Infinity")),
        (.number, "0x10", .string("0x10")),
        (.boolean, "true", .bool(true)),
        (.boolean, "false", .bool(false)),
        (.boolean, "TRUE", .string("TRUE")),
        (.boolean, "1", .string("1")),
        (.string, "5", .string("5")),
        (.string, "true", .string("true")),
    ])
    func coercion(_ type: PrimitiveType, _ text: String, _ expected: JSONValue) {
        #expect(type.coerce(text) == expected)
    }

    @Test func coercesQueryValuesByHint() throws {
        let limit = ParameterDefinition(name: "limit", location: .query, shape: .primitive(.integer))
        #expect(try ParameterDecoder(limit).decode(from: .init(query: QueryString("limit=5"))) == number("5"))
        #expect(try ParameterDecoder(limit).decode(from: .init(query: QueryString("limit=five"))) == .string("five"))
        let ids = ParameterDefinition(name: "id", location: .query, shape: .array(items: .integer))
        #expect(
            try ParameterDecoder(ids).decode(from: .init(query: QueryString("id=1&x=y&id=2")))
                == .array([number("1"), number("2")]))
        let flags = ParameterDefinition(name: "on", location: .header, shape: .primitive(.boolean))
        #expect(
            try ParameterDecoder(flags).decode(from: .init(headerFields: [HTTPField.Name("on")!: "true"]))
                == .bool(true))
    }

    // MARK: Errors with codes and messages

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let definition: ParameterDefinition
        let raw: String
        let code: String
        let message: String
        var testDescription: String { "\(definition.instanceLocation): \(raw)" }
        init(_ definition: ParameterDefinition, _ raw: String, _ code: String, _ message: String) {
            self.definition = definition
            self.raw = raw
            self.code = code
            self.message = message
        }
    }

    static let limit = ParameterDefinition(name: "limit", location: .query, shape: .primitive(.integer))
    static let color = ParameterDefinition(
        name: "color", location: .query, explode: false, shape: .array(items: .string))

    @Test(arguments: [
        ErrorCase(
            limit, "limit=1&limit=2", "parameter_repeated",
            #"query parameter "limit" is given 2 times, but it takes a single value"#),
        ErrorCase(
            color, "color=a,b&color=c", "parameter_repeated",
            #"query parameter "color" is given 2 times, but it takes a single value"#),
        ErrorCase(
            limit, "limit=", "empty_parameter_value",
            #"query parameter "limit" is empty, which it does not allow (it does not set allowEmptyValue)"#),
        ErrorCase(
            limit, "limit", "empty_parameter_value",
            #"query parameter "limit" is empty, which it does not allow (it does not set allowEmptyValue)"#),
        ErrorCase(
            ParameterDefinition(name: "id", location: .query, shape: .array(items: .string)), "id=1&id=",
            "empty_parameter_value",
            #"query parameter "id" is empty, which it does not allow (it does not set allowEmptyValue)"#),
        ErrorCase(
            ParameterDefinition(name: "q", location: .query, required: true), "x=1", "missing_required_parameter",
            #"query parameter "q" is required but missing"#),
        ErrorCase(
            ParameterDefinition(name: "q", location: .query), "q=%zz", "invalid_percent_encoding",
            #"query parameter "q" has a '%' that is not followed by two hexadecimal digits in "%zz""#),
        ErrorCase(
            ParameterDefinition(name: "q", location: .query), "q=a%FF", "invalid_percent_encoding",
            #"query parameter "q" has percent-escapes that do not decode to UTF-8 text in "a%FF""#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, style: .label), "blue", "invalid_parameter_syntax",
            #"path parameter "color" uses label style, so its value must start with '.', but it is "blue""#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, style: .matrix), "color=blue",
            "invalid_parameter_syntax",
            #"path parameter "color" uses matrix style, so its value must start with ';color', but it is "color=blue""#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, style: .matrix), ";colour=blue",
            "invalid_parameter_syntax",
            #"path parameter "color" uses matrix style, so it must be sent as ;color=value, but it has ";colour""#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, style: .matrix), ";color=a;color=b",
            "parameter_repeated",
            #"path parameter "color" is given 2 times, but it takes a single value"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, shape: .anyObject), "R,100,G",
            "invalid_parameter_syntax",
            #"path parameter "color" must list property names and values in pairs (name,value,...), but has 3 items"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, explode: true, shape: .anyObject), "R=100,G",
            "invalid_parameter_syntax", #"path parameter "color" has "G" where name=value was expected"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, shape: .anyObject), "R,1,R,2",
            "invalid_parameter_syntax",
            #"path parameter "color" gives property "R" more than once"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, style: .matrix, explode: true, shape: .anyObject),
            ";R=1;G", "invalid_parameter_syntax", #"path parameter "color" has ";G" where ;name=value was expected"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .path), "a%2", "invalid_percent_encoding",
            #"path parameter "color" has a '%' that is not followed by two hexadecimal digits in "a%2""#),
        ErrorCase(
            ParameterDefinition(name: "f", location: .query, style: .deepObject, shape: .anyObject), "f[a][b]=1",
            "invalid_parameter_syntax",
            #"query parameter "f" has "f[a][b]", but deepObject keys are one level deep: f[key]=value"#),
        ErrorCase(
            ParameterDefinition(name: "f", location: .query, style: .deepObject, shape: .anyObject), "f[a=1",
            "invalid_parameter_syntax",
            #"query parameter "f" has "f[a", but deepObject keys are one level deep: f[key]=value"#),
        ErrorCase(
            ParameterDefinition(name: "f", location: .query, style: .deepObject, shape: .anyObject), "f=1",
            "invalid_parameter_syntax",
            #"query parameter "f" uses deepObject style, so it must be sent as f[key]=value, not f=value"#),
        ErrorCase(
            ParameterDefinition(name: "f", location: .query, style: .deepObject, shape: .anyObject), "f[a]=1&f[a]=2",
            "invalid_parameter_syntax", #"query parameter "f" gives property "a" more than once"#),
        ErrorCase(
            ParameterDefinition(name: "ST", location: .cookie), "ST=a; ST=b", "parameter_repeated",
            #"cookie parameter "ST" is given 2 times, but it takes a single value"#),
        ErrorCase(
            ParameterDefinition(name: "ST", location: .cookie, required: true), "other=1", "missing_required_parameter",
            #"cookie parameter "ST" is required but missing"#),
        // Definition errors.
        ErrorCase(
            ParameterDefinition(name: "color", location: .path, style: .deepObject, shape: .anyObject), "x",
            "invalid_parameter_style",
            #"path parameter "color" has style "deepObject", which is not for path parameters; use one of simple, label, matrix"#
        ),
        ErrorCase(
            ParameterDefinition(name: "color", location: .query, style: .matrix), "x", "invalid_parameter_style",
            #"query parameter "color" has style "matrix", which is not for query parameters; use one of form, spaceDelimited, pipeDelimited, deepObject"#
        ),
        ErrorCase(
            ParameterDefinition(name: "color", location: .header, style: .form), "x", "invalid_parameter_style",
            #"header parameter "color" has style "form", which is not for header parameters; use one of simple"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .cookie, style: .simple), "x", "invalid_parameter_style",
            #"cookie parameter "color" has style "simple", which is not for cookie parameters; use one of form"#),
        ErrorCase(
            ParameterDefinition(name: "color", location: .query, style: ParameterStyle("tabDelimited")), "x",
            "invalid_parameter_style",
            #"query parameter "color" has style "tabDelimited", which OpenAPI does not define; use one of form, spaceDelimited, pipeDelimited, deepObject"#
        ),
        ErrorCase(
            ParameterDefinition(name: "color", location: .query, style: .deepObject, shape: .array(items: .string)),
            "x",
            "invalid_parameter_style",
            #"query parameter "color" has style "deepObject", which applies to objects only, but its schema is not an object"#
        ),
        ErrorCase(
            ParameterDefinition(name: "color", location: .query, style: .spaceDelimited), "x",
            "invalid_parameter_style",
            #"query parameter "color" has style "spaceDelimited", which applies to arrays and objects only, but its schema is a primitive"#
        ),
        ErrorCase(
            ParameterDefinition(name: "X Color", location: .header), "x", "invalid_parameter_name",
            #"header parameter "X Color" has a name that is not a valid HTTP field name (RFC 9110 token)"#),
    ])
    func errors(_ example: ErrorCase) {
        let sources = parameterSources(example.definition.location, name: example.definition.name, raw: example.raw)
        guard case .failure(let error) = decodeParameter(example.definition, sources) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.code.rawValue == example.code)
        #expect(error.message == example.message)
        #expect(error.name == example.definition.name)
        #expect(error.location == example.definition.location)
        #expect(
            error.isDefinitionError
                == (example.code == "invalid_parameter_style" || example.code == "invalid_parameter_name"))
    }

    @Test func errorBecomesDiagnostic() {
        guard case .failure(let failure) = decodeParameter(Self.limit, .init(query: QueryString("limit=1&limit=2")))
        else {
            Issue.record("expected an error")
            return
        }
        let diagnostic = failure.diagnostic()
        #expect(diagnostic.code == "parameter_repeated")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.instanceLocation == "query limit")
        #expect(failure.instanceLocation == "query limit")
        #expect(failure.description == failure.message)
    }

    // MARK: Presence

    @Test(arguments: ParameterLocation.allCases)
    func absentOptionalIsNil(_ location: ParameterLocation) throws {
        let definition = ParameterDefinition(name: "x", location: location, required: false)
        #expect(try ParameterDecoder(definition).decode(from: ParameterSources()) == nil)
    }

    @Test(arguments: ParameterLocation.allCases)
    func absentRequiredIsMissing(_ location: ParameterLocation) {
        let definition = ParameterDefinition(name: "x", location: location, required: true)
        guard case .failure(let error) = decodeParameter(definition, ParameterSources()) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.code == .missingRequiredParameter)
    }

    @Test func pathParametersAreRequiredByDefault() {
        #expect(ParameterDefinition(name: "id", location: .path).required)
        #expect(!ParameterDefinition(name: "id", location: .query).required)
    }

    @Test func allowEmptyValue() throws {
        let flag = ParameterDefinition(name: "flag", location: .query, allowEmptyValue: true)
        #expect(try ParameterDecoder(flag).decode(from: .init(query: QueryString("flag="))) == .string(""))
        #expect(try ParameterDecoder(flag).decode(from: .init(query: QueryString("flag"))) == .string(""))
        #expect(try ParameterDecoder(flag).decode(from: .init(query: QueryString("flag=on"))) == .string("on"))
        let ids = ParameterDefinition(
            name: "id", location: .query, allowEmptyValue: true, shape: .array(items: .string))
        #expect(
            try ParameterDecoder(ids).decode(from: .init(query: QueryString("id=&id=x")))
                == .array([.string(""), .string("x")]))
    }

    // MARK: Percent-decoding and `+`

    @Test(arguments: [
        ("q=a%20b", JSONValue.string("a b")),
        ("q=a+b", .string("a+b")),
        ("q=a%2Bb", .string("a+b")),
        ("q=caf%C3%A9", .string("café")),
        ("q=a=b", .string("a=b")),
        ("q=%26", .string("&")),
        ("%71=x", .string("x")),
    ])
    func queryValuesArePercentDecodedAndPlusIsLiteral(_ query: String, _ expected: JSONValue) throws {
        let definition = ParameterDefinition(name: "q", location: .query)
        #expect(try ParameterDecoder(definition).decode(from: .init(query: QueryString(query))) == expected)
    }

    @Test func delimitersSplitBeforeDecoding() throws {
        let form = ParameterDefinition(name: "c", location: .query, explode: false, shape: .array(items: .string))
        #expect(
            try ParameterDecoder(form).decode(from: .init(query: QueryString("c=a%2Cb,c")))
                == .array([.string("a,b"), .string("c")]))
        let path = ParameterDefinition(name: "c", location: .path, shape: .array(items: .string))
        #expect(
            try ParameterDecoder(path).decode(from: parameterSources(.path, name: "c", raw: "a%2Cb,%2F"))
                == .array([.string("a,b"), .string("/")]))
        let label = ParameterDefinition(name: "n", location: .path, style: .label, shape: .primitive(.number))
        #expect(
            try ParameterDecoder(label).decode(from: parameterSources(.path, name: "n", raw: ".1.5")) == number("1.5"))
        let object = ParameterDefinition(name: "o", location: .path, explode: true, shape: .anyObject)
        #expect(
            try ParameterDecoder(object).decode(from: parameterSources(.path, name: "o", raw: "a%3Db=c%3Dd"))
                == .object(["a=b": .string("c=d")]))
    }

    @Test func headerAndCookieValuesAreNotPercentDecoded() throws {
        let header = ParameterDefinition(name: "X-Query", location: .header)
        #expect(
            try ParameterDecoder(header).decode(from: parameterSources(.header, name: "X-Query", raw: "a%20b+c"))
                == .string("a%20b+c"))
        let cookie = ParameterDefinition(name: "ST", location: .cookie)
        #expect(
            try ParameterDecoder(cookie).decode(from: parameterSources(.cookie, name: "ST", raw: "ST=a%20b"))
                == .string("a%20b"))
    }

    // MARK: Headers

    @Test func headerNamesAreCaseInsensitive() throws {
        let definition = ParameterDefinition(name: "X-Request-ID", location: .header, required: true)
        let sources = ParameterSources(headerFields: [HTTPField.Name("x-request-id")!: "abc"])
        #expect(try ParameterDecoder(definition).decode(from: sources) == .string("abc"))
    }

    @Test func severalHeaderFieldsFormOneList() throws {
        var fields = HTTPFields()
        fields.append(HTTPField(name: HTTPField.Name("X-Tags")!, value: "a, b"))
        fields.append(HTTPField(name: HTTPField.Name("x-tags")!, value: "c,,d"))
        let array = ParameterDefinition(name: "X-Tags", location: .header, shape: .array(items: .string))
        #expect(
            try ParameterDecoder(array).decode(from: .init(headerFields: fields))
                == .array(["a", "b", "c", "d"].map(JSONValue.string)))
        let primitive = ParameterDefinition(name: "X-Tags", location: .header)
        #expect(try ParameterDecoder(primitive).decode(from: .init(headerFields: fields)) == .string("a, b, c,,d"))
    }

    // MARK: Cookies

    @Test func cookiesFromSeveralFields() throws {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .cookie, value: "a=1; ST=\"token value\""))
        fields.append(HTTPField(name: .cookie, value: "b=2"))
        let sources = ParameterSources(headerFields: fields)
        #expect(sources.cookies.cookies.map(\.name) == ["a", "ST", "b"])
        let st = ParameterDefinition(name: "ST", location: .cookie, required: true)
        #expect(try ParameterDecoder(st).decode(from: sources) == .string("token value"))
        let b = ParameterDefinition(name: "b", location: .cookie, shape: .primitive(.integer))
        #expect(try ParameterDecoder(b).decode(from: sources) == number("2"))
    }

    // MARK: Exploded objects and the other parameters

    @Test func explodedFormObjectLeavesOtherParametersAlone() {
        let definitions = [
            ParameterDefinition(name: "limit", location: .query, shape: .primitive(.integer)),
            ParameterDefinition(name: "filter", location: .query, shape: .anyObject),
            ParameterDefinition(
                name: "point", location: .query,
                shape: .object(properties: ["x": .number, "y": .number], additionalProperties: nil)),
            ParameterDefinition(name: "ST", location: .cookie),
        ]
        let set = ParameterSetDecoder(definitions)
        #expect(set.definitionErrors.isEmpty)
        let (parameters, errors) = set.decode(
            from: .init(query: QueryString("limit=5&name=ada&x=1&y=2.5&=nameless"), headerFields: [.cookie: "ST=t"]))
        #expect(errors.isEmpty)
        #expect(parameters.map(\.definition.name) == ["limit", "filter", "point", "ST"])
        #expect(
            parameters.map(\.value) == [
                number("5"),
                .object(["name": .string("ada"), "x": .string("1"), "y": .string("2.5")]),
                .object(["x": number("1"), "y": number("2.5")]),
                .string("t"),
            ])
    }

    @Test func parameterSetCollectsErrorsAndKeepsGoing() {
        let set = ParameterSetDecoder([
            ParameterDefinition(name: "bad", location: .query, style: .matrix),
            ParameterDefinition(name: "limit", location: .query, shape: .primitive(.integer)),
            ParameterDefinition(name: "q", location: .query, required: true),
            ParameterDefinition(name: "envID", location: .path),
        ])
        #expect(set.definitionErrors.map(\.name) == ["bad"])
        let (parameters, errors) = set.decode(
            from: .init(
                path: [PathParameter(name: "envID", rawValue: "e%20x", decodedValue: "e x")],
                query: QueryString("limit=1&limit=2")))
        #expect(parameters == [DecodedParameter(definition: set.decoders[2].definition, value: .string("e x"))])
        #expect(errors.map(\.code.rawValue) == ["parameter_repeated", "missing_required_parameter"])
    }

    // MARK: content-based parameters

    @Test func contentParametersReturnTheText() throws {
        let query = ParameterDefinition(name: "filter", location: .query, contentMediaType: "application/json")
        #expect(
            try ParameterDecoder(query).decode(from: .init(query: QueryString("filter=%7B%22a%22%3A1%7D")))
                == .string(#"{"a":1}"#))
        let header = ParameterDefinition(name: "X-Filter", location: .header, contentMediaType: "application/json")
        #expect(
            try ParameterDecoder(header).decode(
                from: parameterSources(.header, name: "X-Filter", raw: #"{"a": [1, 2]}"#))
                == .string(#"{"a": [1, 2]}"#))
        let path = ParameterDefinition(name: "p", location: .path, style: .matrix, contentMediaType: "application/json")
        #expect(
            try ParameterDecoder(path).decode(from: parameterSources(.path, name: "p", raw: "%5B1%5D"))
                == .string("[1]"))
        let cookie = ParameterDefinition(name: "c", location: .cookie, contentMediaType: "application/json")
        #expect(
            try ParameterDecoder(cookie).decode(from: parameterSources(.cookie, name: "c", raw: "c=[1,2]"))
                == .string("[1,2]"))
    }

    // MARK: The flows spec's parameters

    @Test func flowsParameters() {
        let set = ParameterSetDecoder([
            ParameterDefinition(name: "envID", location: .path),
            ParameterDefinition(name: "flowID", location: .path),
            ParameterDefinition(name: "ST", location: .cookie),
        ])
        let router = Router<Int>(routes: [
            .init(
                template: try! PathTemplate(parsing: "/{envID}/flows/{flowID}"), methods: [.get, .post], operationID: 0)
        ])
        guard case .matched(_, let path) = router.route(method: .get, path: "/e1/flows/f1?ignored=1") else {
            Issue.record("no route")
            return
        }
        let (parameters, errors) = set.decode(from: .init(path: path, headerFields: [.cookie: "ST=abc; other=1"]))
        #expect(errors.isEmpty)
        #expect(parameters.map(\.value) == [.string("e1"), .string("f1"), .string("abc")])
    }
}
