import FlowSpecModel
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Router")
struct RouterTests {
    /// The flows spec: GET (0) and POST (1) on /{envID}/flows/{flowID}, plus the resume endpoint (2).
    static let flows: Router<Int> = {
        let tld = ServerTemplate.Variable(
            name: "tld", defaultValue: "com", enumValues: ["com", "eu", "asia", "ca", "com.au", "sg"])
        // swift-format-ignore: NeverUseForceTry
        let server = try! ServerTemplate(url: "https://auth.pingone.{tld}", variables: [tld])
        return Router(
            servers: [server],
            routes: [
                .init(template: template("/{envID}/flows/{flowID}"), operations: [(.get, 0), (.post, 1)]),
                .init(template: template("/{envID}/as/resume"), operations: [(.get, 2)]),
            ])
    }()

    static func template(_ text: String) -> PathTemplate {
        // swift-format-ignore: NeverUseForceTry
        try! PathTemplate(parsing: text)
    }

    static let env = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
    static let flow = "03e52d0a-c55a-4807-889b-cd14f74ec4c5"

    @Test func flowsReadAndAction() {
        let path = "/\(Self.env)/flows/\(Self.flow)"
        let parameters = [
            PathParameter(name: "envID", rawValue: Self.env, decodedValue: Self.env),
            PathParameter(name: "flowID", rawValue: Self.flow, decodedValue: Self.flow),
        ]
        #expect(Self.flows.route(method: .get, path: path) == .matched(0, pathParameters: parameters))
        #expect(Self.flows.route(method: .post, path: path) == .matched(1, pathParameters: parameters))
        #expect(Self.flows.route(method: .post, path: path + "?x=1&y=/a/b") == .matched(1, pathParameters: parameters))
        #expect(
            Self.flows.route(method: .get, path: "/e/as/resume?flowId=\(Self.flow)")
                == .matched(
                    2,
                    pathParameters: [
                        PathParameter(name: "envID", rawValue: "e", decodedValue: "e")
                    ]))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let expected: RouteResult<Int>
        var testDescription: String { "\(method) \(path)" }
        init(_ method: HTTPRequest.Method, _ path: String, _ expected: RouteResult<Int>) {
            self.method = method
            self.path = path
            self.expected = expected
        }
    }

    @Test(arguments: [
        Case(.delete, "/e/flows/f", .methodNotAllowed(allowed: [.get, .post])),
        Case(.head, "/e/flows/f", .methodNotAllowed(allowed: [.get, .post])),
        Case(HTTPRequest.Method("get")!, "/e/flows/f", .methodNotAllowed(allowed: [.get, .post])),
        Case(.post, "/e/as/resume", .methodNotAllowed(allowed: [.get])),
        Case(.get, "/e/flows", .notFound),
        Case(.get, "/e/flows/f/x", .notFound),
        Case(.get, "/e/flows/f/", .notFound),
        Case(.get, "/e/flows//f", .notFound),
        Case(.get, "//e/flows/f", .notFound),
        Case(.get, "/e//flows/f", .notFound),
        Case(.get, "/e/flows/", .notFound),
        Case(.get, "//flows/f", .notFound),
        Case(.get, "/e/Flows/f", .notFound),
        Case(.get, "/v1/e/flows/f", .notFound),
        Case(.get, "e/flows/f", .notFound),
        Case(.get, "", .notFound),
        Case(.get, "*", .notFound),
        Case(.get, "/", .notFound),
        Case(.get, "?/e/flows/f", .notFound),
        Case(
            .get, "/e/flows/f?",
            .matched(
                0,
                pathParameters: [
                    PathParameter(name: "envID", rawValue: "e", decodedValue: "e"),
                    PathParameter(name: "flowID", rawValue: "f", decodedValue: "f"),
                ])),
        Case(
            .get, "/a%2Fb/flows/f",
            .matched(
                0,
                pathParameters: [
                    PathParameter(name: "envID", rawValue: "a%2Fb", decodedValue: "a/b"),
                    PathParameter(name: "flowID", rawValue: "f", decodedValue: "f"),
                ])),
        Case(
            .get, "/e/fl%6Fws/caf%C3%A9+x",
            .matched(
                0,
                pathParameters: [
                    PathParameter(name: "envID", rawValue: "e", decodedValue: "e"),
                    PathParameter(name: "flowID", rawValue: "caf%C3%A9+x", decodedValue: "café+x"),
                ])),
        Case(
            .get, "/e/flows/%2F",
            .matched(
                0,
                pathParameters: [
                    PathParameter(name: "envID", rawValue: "e", decodedValue: "e"),
                    PathParameter(name: "flowID", rawValue: "%2F", decodedValue: "/"),
                ])),
        Case(
            .get, "/e/flows/é",
            .matched(
                0,
                pathParameters: [
                    PathParameter(name: "envID", rawValue: "e", decodedValue: "e"),
                    PathParameter(name: "flowID", rawValue: "é", decodedValue: "é"),
                ])),
    ])
    func flowsTable(_ example: Case) {
        #expect(Self.flows.route(method: example.method, path: example.path) == example.expected)
    }

    @Test(arguments: [
        (
            "/e/flows/%zz", 9,
            #"path "/e/flows/%zz" has '%' at offset 9 that is not followed by two hexadecimal digits; a literal '%' is written %25"#
        ),
        (
            "/e/flows/abc%", 12,
            #"path "/e/flows/abc%" has '%' at offset 12 that is not followed by two hexadecimal digits; a literal '%' is written %25"#
        ),
        (
            "/e/flows/ab%2", 11,
            #"path "/e/flows/ab%2" has '%' at offset 11 that is not followed by two hexadecimal digits; a literal '%' is written %25"#
        ),
        (
            "/e%/flows/x", 2,
            #"path "/e%/flows/x" has '%' at offset 2 that is not followed by two hexadecimal digits; a literal '%' is written %25"#
        ),
        (
            "/e/flows/a%FFb?q=%zz", 9,
            #"path "/e/flows/a%FFb" has segment "a%FFb" whose percent-escapes do not decode to UTF-8 text"#
        ),
        (
            "/e/flows/%C3", 9,
            #"path "/e/flows/%C3" has segment "%C3" whose percent-escapes do not decode to UTF-8 text"#
        ),
    ])
    func invalidPercentEncoding(_ path: String, _ offset: Int, _ message: String) {
        guard case .invalidPath(let error) = Self.flows.route(method: .get, path: path) else {
            Issue.record("expected invalidPath")
            return
        }
        #expect(error.offset == offset)
        #expect(error.message == message)
        #expect(error.code.rawValue == "invalid_percent_encoding")
    }

    @Test func concreteBeforeTemplated() {
        // Declared templated first, on purpose.
        let router = Router<String>(routes: [
            .init(template: Self.template("/pets/{id}"), methods: [.get, .delete], operationID: "pet"),
            .init(template: Self.template("/pets/mine"), methods: [.get], operationID: "mine"),
            .init(template: Self.template("/{kind}/{id}"), methods: [.get, .put], operationID: "any"),
            .init(template: Self.template("/pets/{id}.json"), methods: [.get], operationID: "json"),
        ])
        #expect(router.route(method: .get, path: "/pets/mine") == .matched("mine", pathParameters: []))
        #expect(
            router.route(method: .get, path: "/pets/7")
                == .matched(
                    "pet",
                    pathParameters: [
                        PathParameter(name: "id", rawValue: "7", decodedValue: "7")
                    ]))
        #expect(
            router.route(method: .get, path: "/pets/7.json")
                == .matched(
                    "json",
                    pathParameters: [
                        PathParameter(name: "id", rawValue: "7", decodedValue: "7")
                    ]))
        #expect(
            router.route(method: .get, path: "/pets/.json")
                == .matched(
                    "pet",
                    pathParameters: [
                        PathParameter(name: "id", rawValue: ".json", decodedValue: ".json")
                    ]))
        // The path is chosen first: /pets/mine does not declare DELETE, even though /pets/{id} does.
        #expect(router.route(method: .delete, path: "/pets/mine") == .methodNotAllowed(allowed: [.get]))
        #expect(router.route(method: .put, path: "/pets/7") == .methodNotAllowed(allowed: [.get, .delete]))
        #expect(
            router.route(method: .put, path: "/cats/7")
                == .matched(
                    "any",
                    pathParameters: [
                        PathParameter(name: "kind", rawValue: "cats", decodedValue: "cats"),
                        PathParameter(name: "id", rawValue: "7", decodedValue: "7"),
                    ]))
    }

    @Test func ambiguousTemplatesResolveByLiteralCountThenDeclarationOrder() {
        let router = Router<Int>(routes: [
            .init(template: Self.template("/{a}/x"), methods: [.get], operationID: 0),
            .init(template: Self.template("/y/{b}"), methods: [.get], operationID: 1),
            .init(template: Self.template("/{c}/x"), methods: [.get], operationID: 2),
            .init(template: Self.template("/{a}/{b}/z"), methods: [.get], operationID: 3),
            .init(template: Self.template("/y/{b}/{c}"), methods: [.get], operationID: 4),
        ])
        #expect(
            router.route(method: .get, path: "/y/x")
                == .matched(
                    0,
                    pathParameters: [
                        PathParameter(name: "a", rawValue: "y", decodedValue: "y")
                    ]))
        #expect(
            router.route(method: .get, path: "/q/x")
                == .matched(
                    0,
                    pathParameters: [
                        PathParameter(name: "a", rawValue: "q", decodedValue: "q")
                    ]))
        #expect(
            router.route(method: .get, path: "/y/q")
                == .matched(
                    1,
                    pathParameters: [
                        PathParameter(name: "b", rawValue: "q", decodedValue: "q")
                    ]))
        // Both 3 and 4 have one literal segment; 3 is declared first.
        #expect(router.route(method: .get, path: "/y/x/z").matchedID == 3)
        #expect(router.route(method: .get, path: "/y/x/w").matchedID == 4)
    }

    @Test(arguments: [
        ("/files/report.pdf", ["name": "report", "ext": "pdf"]),
        ("/files/archive.tar.gz", ["name": "archive.tar", "ext": "gz"]),
        ("/files/a%2Eb.c", ["name": "a.b", "ext": "c"]),
    ])
    func mixedSegments(_ path: String, _ values: [String: String]) {
        let router = Router<Int>(routes: [
            .init(template: Self.template("/files/{name}.{ext}"), methods: [.get], operationID: 0)
        ])
        guard case .matched(0, let parameters) = router.route(method: .get, path: path) else {
            Issue.record("no match for \(path)")
            return
        }
        #expect(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.decodedValue) }) == values)
    }

    @Test func mixedSegmentRawValuesKeepEscapes() {
        let router = Router<Int>(routes: [
            .init(template: Self.template("/files/{name}.{ext}"), methods: [.get], operationID: 0),
            .init(template: Self.template("/items/{id}:archive"), methods: [.post], operationID: 1),
            .init(template: Self.template("/v{major}.{minor}/x"), methods: [.get], operationID: 2),
        ])
        #expect(
            router.route(method: .get, path: "/files/a%20b.t%78t")
                == .matched(
                    0,
                    pathParameters: [
                        PathParameter(name: "name", rawValue: "a%20b", decodedValue: "a b"),
                        PathParameter(name: "ext", rawValue: "t%78t", decodedValue: "txt"),
                    ]))
        #expect(
            router.route(method: .post, path: "/items/42:archive")
                == .matched(
                    1,
                    pathParameters: [
                        PathParameter(name: "id", rawValue: "42", decodedValue: "42")
                    ]))
        #expect(router.route(method: .post, path: "/items/42%3Aarchive").matchedID == 1)
        #expect(router.route(method: .post, path: "/items/:archive") == .notFound)
        #expect(router.route(method: .post, path: "/items/42:archived") == .notFound)
        #expect(router.route(method: .get, path: "/files/.txt") == .notFound)
        #expect(router.route(method: .get, path: "/files/a.") == .notFound)
        #expect(router.route(method: .get, path: "/files/abc") == .notFound)
        #expect(
            router.route(method: .get, path: "/v2.10/x")
                == .matched(
                    2,
                    pathParameters: [
                        PathParameter(name: "major", rawValue: "2", decodedValue: "2"),
                        PathParameter(name: "minor", rawValue: "10", decodedValue: "10"),
                    ]))
        #expect(router.route(method: .get, path: "/v.1/x") == .notFound)
    }

    @Test func serverBasePathsWithVariables() throws {
        let version = ServerTemplate.Variable(name: "version", defaultValue: "v1", enumValues: ["v1", "v2"])
        let region = ServerTemplate.Variable(name: "region", defaultValue: "us")
        let servers = [
            try ServerTemplate(url: "https://api.example.com/{version}", variables: [version]),
            try ServerTemplate(url: "https://{region}.example.com/r/{region}", variables: [region]),
        ]
        let router = Router<Int>(
            servers: servers,
            routes: [
                .init(template: Self.template("/users/{id}"), methods: [.get], operationID: 0)
            ])
        #expect(router.basePaths.map(\.text) == ["/v1", "/v2", "/r/{region}"])
        let expected = RouteResult<Int>.matched(
            0,
            pathParameters: [
                PathParameter(name: "id", rawValue: "7", decodedValue: "7")
            ])
        #expect(router.route(method: .get, path: "/v1/users/7") == expected)
        #expect(router.route(method: .get, path: "/v2/users/7") == expected)
        #expect(router.route(method: .get, path: "/r/eu/users/7") == expected)
        #expect(router.route(method: .get, path: "/v3/users/7") == .notFound)
        #expect(router.route(method: .get, path: "/users/7") == .notFound)
        #expect(router.route(method: .get, path: "/r//users/7") == .notFound)
    }

    @Test func rootAndTrailingSlashTemplates() {
        let router = Router<Int>(
            basePaths: [],
            routes: [
                .init(template: Self.template("/"), methods: [.get], operationID: 0),
                .init(template: Self.template("/a"), methods: [.get], operationID: 1),
                .init(template: Self.template("/a/"), methods: [.get], operationID: 2),
            ])
        #expect(router.route(method: .get, path: "/").matchedID == 0)
        #expect(router.route(method: .get, path: "/?q").matchedID == 0)
        #expect(router.route(method: .get, path: "/a").matchedID == 1)
        #expect(router.route(method: .get, path: "/a/").matchedID == 2)
        #expect(router.route(method: .get, path: "//") == .notFound)
        #expect(router.route(method: .get, path: "/a//") == .notFound)
    }

    @Test func identicalTemplatesFirstWinsAndSameMethodTwiceFirstWins() {
        let router = Router<Int>(routes: [
            .init(template: Self.template("/{a}/x"), operations: [(.get, 0), (.get, 9)]),
            .init(template: Self.template("/{b}/x"), operations: [(.get, 1), (.put, 2)]),
        ])
        #expect(router.route(method: .get, path: "/q/x").matchedID == 0)
        #expect(router.route(method: .put, path: "/q/x") == .methodNotAllowed(allowed: [.get]))
    }

    @Test func manyRoutesUseTheTable() {
        var routes: [Router<Int>.Route] = []
        for index in 0..<300 {
            routes.append(.init(template: Self.template("/r\(index)/{id}"), methods: [.get], operationID: index))
            routes.append(
                .init(
                    template: Self.template("/r\(index)/{id}/sub\(index % 7)"), methods: [.post],
                    operationID: 1000 + index))
        }
        routes.append(.init(template: Self.template("/{any}/{id}"), methods: [.get], operationID: -1))
        let router = Router<Int>(routes: routes)
        for index in stride(from: 0, to: 300, by: 37) {
            #expect(router.route(method: .get, path: "/r\(index)/x").matchedID == index)
            #expect(router.route(method: .post, path: "/r\(index)/x/sub\(index % 7)").matchedID == 1000 + index)
            #expect(router.route(method: .post, path: "/r\(index)/x/sub\((index + 1) % 7)") == .notFound)
        }
        #expect(router.route(method: .get, path: "/r300/x").matchedID == -1)
        #expect(router.route(method: .get, path: "/a/b/c/d/e/f/g/h") == .notFound)
    }

    @Test func nonContiguousPathString() {
        // A bridged or lazily built string may not be contiguous; the router copies it then.
        let path = String(Substring("/e/flows/f"))
        #expect(Self.flows.route(method: .get, path: path).matchedID == 0)
    }
}

extension RouteResult {
    var matchedID: OperationID? {
        if case .matched(let id, _) = self { return id }
        return nil
    }
}
