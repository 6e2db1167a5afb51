import FlowSpecModel
import FlowSpecSchema
import FlowSpecTestSupport
import FlowSpecValidator
import FlowSpecYAML
import Testing

@testable import FlowSpecTraffic

/// Every entry point is safe on a 512 KiB stack, the size macOS gives secondary threads.
///
/// Parsing YAML and reading captures are iterative, so any nesting their budgets allow works there.
/// Building the model, parsing JSON bodies, compiling and evaluating schemas recurse: they stop at
/// their nesting budget or where the thread's stack runs short (``StackLimit``), whichever comes
/// first, with their own depth error. What a small stack holds depends on the build (a debug build's
/// frames are many times larger), so the tests check that deep input ends in the documented result
/// or the documented error there, and that the same input gives the documented result on a large
/// stack (64 MiB), where only the budgets apply.
@Suite("Small stacks: loading, JSON, schemas, captures")
struct HostileSmallStackTests {
    static let largeStack = 64 << 20

    /// `levels` nested arrays around `1`.
    static func arrays(_ levels: Int) -> [UInt8] {
        Array((String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels)).utf8)
    }

    // MARK: Loading

    /// A spec whose one schema nests `levels` `items` schemas in flow style.
    static func deepSpec(levels: Int) -> [UInt8] {
        let schema =
            String(repeating: "{type: array, items: ", count: levels) + "{type: string}"
            + String(repeating: "}", count: levels)
        return Array(
            """
            openapi: 3.1.0
            info: {title: deep, version: "1"}
            paths: {}
            components:
              schemas:
                Deep: \(schema)

            """.utf8)
    }

    /// Depth of a schema nested through `items`.
    static func depth(of schema: Schema?) -> Int {
        var depth = 0
        var current = schema
        while let object = current?.object, let items = object.items {
            depth += 1
            current = items
        }
        return depth
    }

    /// A load's error codes and messages, and the depth of its `Deep` schema.
    struct LoadOutcome: Sendable {
        var errors: [String]
        var depth: Int
    }

    static func load(_ bytes: [UInt8], stack: Int = smallStackBytes) -> LoadOutcome {
        onSmallStack(bytes: stack) {
            let result = SpecLoader().load(bytes: bytes, path: "/deep/openapi.yaml")
            return LoadOutcome(
                errors: result.diagnostics.filter { $0.severity == .error }.map { "\($0.code): \($0.message)" },
                depth: Self.depth(of: result.document?.components?.schemas["Deep"]))
        }
    }

    @Test("a spec nested as deep as the YAML budget allows loads, or stops with a depth error on a small stack")
    func loaderAtTheBudget() {
        // The root mapping, `components`, `schemas` and `Deep` take 4 of the 512 levels.
        let bytes = Self.deepSpec(levels: 508)
        let small = Self.load(bytes)
        if small.errors.isEmpty {
            #expect(small.depth == 508)
        } else {
            #expect(small.errors.allSatisfy { $0.hasPrefix("yaml_depth_exceeded: ") && $0.contains("stack") })
        }
        let large = Self.load(bytes, stack: Self.largeStack)
        #expect(large.errors.isEmpty)
        #expect(large.depth == 508)
    }

    @Test("a spec with realistic nesting loads completely on a small stack")
    func loaderRealisticDepth() {
        let outcome = Self.load(Self.deepSpec(levels: 16))
        #expect(outcome.errors.isEmpty)
        #expect(outcome.depth == 16)
    }

    @Test("a spec nested past the budget is one depth diagnostic")
    func loaderPastTheBudget() {
        for levels in [509, 50_000] {
            let outcome = Self.load(Self.deepSpec(levels: levels))
            #expect(outcome.errors.count == 1)
            #expect(outcome.errors.first?.hasPrefix("yaml_depth_exceeded: nesting is deeper than 512 levels") == true)
        }
    }

    // MARK: JSON bodies

    static func parse(_ levels: Int, stack: Int = smallStackBytes) -> String {
        let bytes = Self.arrays(levels)
        return onSmallStack(bytes: stack) {
            do throws(JSONParseError) {
                _ = try JSONParser.parse(bytes)
                return "parsed"
            } catch {
                return "\(error.code): \(error.message)"
            }
        }
    }

    @Test("JSON bodies parse up to the budget or stop with a depth error, on a small stack")
    func jsonParser() {
        let atBudget = Self.parse(512)
        #expect(atBudget == "parsed" || atBudget.hasPrefix("json.depth_exceeded: nesting of"), "\(atBudget)")
        for levels in [513, 100_000] {
            #expect(Self.parse(levels).hasPrefix("json.depth_exceeded: "))
        }
        #expect(Self.parse(512, stack: Self.largeStack) == "parsed")
        #expect(
            Self.parse(513, stack: Self.largeStack)
                == "json.depth_exceeded: nesting is deeper than the budget of 512 levels")
    }

    @Test("a raised JSON nesting budget stops at the stack instead of overflowing it")
    func jsonParserRaisedBudget() {
        let bytes = Self.arrays(100_000)
        let outcome = onSmallStack { () -> String in
            do throws(JSONParseError) {
                _ = try JSONParser.parse(bytes, options: JSONParser.Options(maxDepth: 1_000_000))
                return "parsed"
            } catch {
                return "\(error.code)"
            }
        }
        #expect(outcome == "json.depth_exceeded")
    }

    // MARK: Schemas

    static func registry(_ yaml: String) -> SchemaRegistry {
        var registry = SchemaRegistry()
        let tree = try? YAMLParser.parse(Array(yaml.utf8), options: YAMLParseOptions(requireMappingRoot: false))
        if let tree {
            _ = registry.register(SchemaSource(tree: tree, file: "deep.yaml", baseURI: "file:///deep.yaml"))
        }
        return registry
    }

    /// Error codes a deep compile or validation may end in when the stack runs short.
    static let depthCodes: Set<String> = ["schema.depth_exceeded", "schema.too_deep", "json.depth_exceeded"]

    /// Compiles `registry`'s schema and validates each body: `valid`, or the error codes.
    static func verdicts(_ registry: SchemaRegistry, _ bodies: [[UInt8]], stack: Int) -> (
        compiled: [String], verdicts: [[String]]
    ) {
        onSmallStack(bytes: stack) {
            guard let validator = try? SchemaValidator(registry: registry, uri: "file:///deep.yaml") else {
                return (["no validator"], [])
            }
            let verdicts = bodies.map { body in
                let result = validator.validate(json: body)
                return result.isValid ? ["valid"] : result.errors.map(\.code.rawValue)
            }
            return (validator.diagnostics.map(\.code.rawValue), verdicts)
        }
    }

    @Test("a schema nested to the YAML budget compiles and validates deep bodies, or fails closed, on a small stack")
    func deepSchema() {
        // 511 nested `items` schemas (the YAML budget is 512 levels), and bodies 511 and 512 deep.
        let schema = String(repeating: "{items: ", count: 511) + "{type: integer}" + String(repeating: "}", count: 511)
        let registry = Self.registry(schema)
        let bodies = [Self.arrays(511), Self.arrays(512)]
        let small = Self.verdicts(registry, bodies, stack: smallStackBytes)
        #expect(Set(small.compiled).isSubset(of: Self.depthCodes))
        #expect(small.verdicts.count == 2)
        if let first = small.verdicts.first, first != ["valid"] {
            #expect(Set(first).isSubset(of: Self.depthCodes), "\(first)")
        }
        if let last = small.verdicts.last {
            #expect(Set(last).isSubset(of: Self.depthCodes.union(["schema.type"])) && !last.isEmpty, "\(last)")
        }
        let large = Self.verdicts(registry, bodies, stack: Self.largeStack)
        #expect(large.compiled.isEmpty)
        #expect(large.verdicts == [["valid"], ["schema.type"]])
    }

    @Test("a recursive schema validates bodies to the JSON budget, or stops with a depth error, on a small stack")
    func recursiveSchema() {
        let registry = Self.registry("anyOf: [{type: integer}, {type: array, items: {$ref: '#'}}]")
        let small = Self.verdicts(registry, [Self.arrays(512)], stack: smallStackBytes)
        #expect(small.compiled.isEmpty)
        if let verdict = small.verdicts.first, verdict != ["valid"] {
            #expect(Set(verdict).isSubset(of: Self.depthCodes), "\(verdict)")
        }
        let large = Self.verdicts(registry, [Self.arrays(512)], stack: Self.largeStack)
        #expect(large.verdicts == [["valid"]])

        // A value built in code is not bounded by the parser: the evaluation budget (or the stack) stops it.
        var value: JSONValue = 1
        for _ in 0..<2_100 { value = [value] }
        let deep = value
        let codes = onSmallStack { () -> [String] in
            guard let validator = try? SchemaValidator(registry: registry, uri: "file:///deep.yaml") else { return [] }
            return validator.validate(deep).errors.map(\.code.rawValue)
        }
        // `anyOf` reports itself and the reasons of its branches, the depth error among them.
        #expect(codes.contains("schema.depth_exceeded"), "\(codes)")
    }

    // MARK: The request validator

    /// A spec with two request bodies: a realistic one (objects a few levels deep) and a recursive
    /// one (an integer, or an array of trees) for bodies as deep as the JSON budget.
    static let validatorSpec = Array(
        """
        openapi: 3.1.0
        info: {title: deep, version: "1"}
        paths:
          /flows:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [flow]
                      properties:
                        flow:
                          type: object
                          properties:
                            user: {type: object, properties: {name: {type: string}, tags: {type: array, items: {type: string}}}}
              responses:
                "200": {description: ok}
          /trees:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Tree"}
              responses:
                "200": {description: ok}
        components:
          schemas:
            Tree:
              anyOf: [{type: integer}, {type: array, items: {$ref: "#/components/schemas/Tree"}}]

        """.utf8)

    /// Loads the spec, builds a validator and checks a request to `path` with `body`, all on a
    /// `stack`-sized thread: the violations' codes.
    static func requestCodes(_ path: String, _ body: String, stack: Int = smallStackBytes) -> [String] {
        requestCodes(path, Array(body.utf8), stack: stack)
    }

    static func requestCodes(_ path: String, _ body: [UInt8], stack: Int = smallStackBytes) -> [String] {
        onSmallStack(bytes: stack) {
            let loaded = SpecLoader().load(bytes: Self.validatorSpec, path: "/deep/openapi.yaml")
            guard let validator = try? Validator(loaded) else { return ["no validator"] }
            let result = validator.validate(
                method: "POST", path: path, headers: [("Content-Type", "application/json")], body: body)
            return result.violations.map(\.code.rawValue)
        }
    }

    @Test("the request validator is built and checks bodies on a small stack, up to the JSON budget")
    func requestValidator() {
        // A realistic body validates completely, even in a debug build under sanitizers.
        #expect(Self.requestCodes("/flows", #"{"flow": {"user": {"name": "a", "tags": ["x", "y"]}}}"#) == [])
        #expect(Self.requestCodes("/flows", #"{"flow": {"user": {"name": 1}}}"#) == ["schema.type"])
        // The deepest body the JSON budget allows: valid where the stack holds it (a release build),
        // else the parser's or the evaluator's depth error (a debug build's frames are larger), and
        // valid on a large stack, where only the budgets apply.
        let deep = Self.requestCodes("/trees", Self.arrays(512))
        let depthCodes: Set<String> = ["json.depth_exceeded", "schema.depth_exceeded", "schema.anyOf"]
        #expect(deep == [] || Set(deep).isSubset(of: depthCodes) && deep.contains { $0.hasSuffix("depth_exceeded") }, "\(deep)")
        #expect(Self.requestCodes("/trees", Self.arrays(512), stack: Self.largeStack) == [])
        #expect(Self.requestCodes("/trees", Self.arrays(513)) == ["json.depth_exceeded"])
    }

    // MARK: Captures

    @Test("the capture reader reads an entry with a 100,000-deep body on a small stack")
    func deepCaptureEntry() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let ndjson =
            #"{"method":"POST","url":"/v1/x","requestBody":"#
            + deep + #","status":200,"responseBody":"# + deep + "}\n" + #"{"method":"GET","url":"/v1/y"}"# + "\n"
        let har = harDocument([harEntry(extra: #","_deep":"# + deep), harEntry(url: "https://api.example.test/y")])
        let summaries = onSmallStack { () -> [[String]] in
            [
                readCapture(ndjson, name: "deep.ndjson", format: .ndjson),
                readCapture(har, name: "deep.har", format: .har),
            ].map { entries in entries.map { $0.exchange?.request.url ?? $0.codes.joined(separator: ",") } }
        }
        #expect(summaries.count == 2)
        #expect(summaries.first?.last == "/v1/y")
        #expect(summaries.last == ["https://api.example.test/v1/users?limit=2", "https://api.example.test/y"])
    }
}
