import FlowSpecModel
import FlowSpecYAML
import Testing

@testable import FlowSpecSchema

@Suite("Compiler: references, termination, diagnostics")
struct CompilerRobustnessTests {
    @Test func selfReferenceWithoutProgressStops() {
        let validator = Fixture.validator(##"{"$ref": "#"}"##)
        let result = validator.validate(1)
        #expect(!result.isValid)
        #expect(result.errors.first?.code == "schema.ref_loop")
        let mutual = Fixture.validator(
            ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##)
        #expect(!mutual.isValid([1]))
    }

    @Test func recursiveSchemasValidateDeepInstances() {
        let tree = Fixture.validator(
            """
            $defs:
              node:
                type: object
                properties:
                  value: {type: integer}
                  children:
                    type: array
                    items: {$ref: '#/$defs/node'}
            $ref: '#/$defs/node'
            """)
        var value: JSONValue = ["value": 1]
        for _ in 0..<200 { value = ["value": 1, "children": [value]] }
        #expect(tree.isValid(value))
        var bad: JSONValue = ["value": "x"]
        for _ in 0..<50 { bad = ["value": 1, "children": [bad]] }
        let result = tree.validate(bad)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.instancePointer.tokens.count == 101)
    }

    @Test func depthBudgetStopsHostileNesting() {
        let validator = Fixture.validator("items: {$ref: '#'}")
        var value: JSONValue = []
        for _ in 0..<400 { value = [value] }
        #expect(validator.isValid(value))
        let result = validator.validate(value, options: ValidationOptions(maxDepth: 100))
        #expect(!result.isValid)
        #expect(result.errors.first?.code == "schema.depth_exceeded")
    }

    @Test func referenceDAGsCompileOnce() {
        // 40 levels, each referring twice to the next: 2^40 paths, 40 schemas.
        var defs = ""
        for k in 0..<40 { defs += "  l\(k): {allOf: [{$ref: '#/$defs/l\(k + 1)'}, {$ref: '#/$defs/l\(k + 1)'}]}\n" }
        defs += "  l40: {type: integer}\n"
        let yaml = "$ref: '#/$defs/l0'\n$defs:\n" + defs
        var compiler = SchemaCompiler(registry: Fixture.registry(yaml))
        let handle = compiler.compile(uri: "file:///test/schema.yaml")
        let program = compiler.finish()
        #expect(handle != nil)
        #expect(program.nodeCount < 200)
        // Validation reaches each level along 2^k paths, but evaluates it once per instance position.
        guard let handle else { return }
        let validator = program.validator(handle)
        #expect(validator.isValid(7))
        #expect(validator.validate(7).isValid)
        let result = validator.validate("x")
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.message == "expected an integer, got a string" })
    }

    @Test func theStepBudgetEndsPathologicalValidations() {
        let validator = Fixture.validator("items: {anyOf: [{minimum: 5}, {minimum: 6}, {minimum: 7}]}")
        let body = JSONValue.array((0..<100).map { _ in .number(JSONNumber(10)) })
        #expect(validator.isValid(body))
        let budget = ValidationOptions(maxSteps: 50)
        #expect(!validator.isValid(body, options: budget))
        let result = validator.validate(body, options: budget)
        #expect(!result.isValid)
        #expect(result.errors.map(\.code.rawValue) == ["schema.budget_exceeded"])
    }

    @Test func unresolvableRefIsADiagnosticAtTheRef() {
        let validator = Fixture.validator("type: object\nproperties:\n  a:\n    $ref: '#/$defs/missing'\n")
        let diagnostic = validator.diagnostics.first
        #expect(diagnostic?.code == "schema.unresolved_ref")
        #expect(diagnostic?.location?.line == 4)
        #expect(diagnostic?.location?.column == 11)
        #expect(diagnostic?.pointer == JSONPointer(["properties", "a", "$ref"]))
        #expect(!validator.isValid(["a": 1]))
        #expect(validator.isValid(["b": 1]))
    }

    @Test func invalidPatternIsADiagnosticNotACrash() {
        let validator = Fixture.validator("type: string\npattern: '(unclosed'\n")
        let diagnostic = validator.diagnostics.first
        #expect(diagnostic?.code == "schema.invalid_pattern")
        #expect(diagnostic?.location?.line == 2)
        #expect(validator.isValid("anything"))
        let properties = Fixture.validator("patternProperties:\n  '[a-': {type: string}\n")
        #expect(properties.diagnostics.first?.code == "schema.invalid_pattern")
        #expect(properties.diagnostics.first?.location?.line == 2)
    }

    @Test func invalidKeywordValuesAreReported() {
        let validator = Fixture.validator("minLength: -1\nrequired: name\ntype: strin\n")
        let codes = validator.diagnostics.map(\.code.rawValue)
        #expect(codes == ["schema.invalid_keyword", "schema.invalid_keyword", "schema.invalid_keyword"])
    }

    @Test func nothingRegisteredThrows() {
        #expect(throws: SchemaCompileError.self) {
            try SchemaValidator(registry: SchemaRegistry(), uri: "file:///nowhere.json")
        }
    }

    @Test func refsAcrossFilesResolveThroughTheRegistry() throws {
        var registry = SchemaRegistry()
        registry.register(
            SchemaSource(
                tree: Fixture.tree("type: object\nproperties:\n  id: {$ref: 'common.yaml#/$defs/id'}\n"),
                file: "a.yaml",
                baseURI: "file:///specs/a.yaml"))
        registry.register(
            SchemaSource(
                tree: Fixture.tree("$defs:\n  id: {type: string, maxLength: 3}\n"), file: "common.yaml",
                baseURI: "file:///specs/common.yaml"))
        let validator = try SchemaValidator(registry: registry, uri: "file:///specs/a.yaml")
        #expect(validator.isValid(["id": "abc"]))
        let error = validator.validate(["id": "abcd"]).errors.first
        #expect(error?.location?.file == "common.yaml")
        #expect(error?.location?.line == 2)
    }

    @Test func builtInMetaSchemaValidatesSchemasOffline() throws {
        let registry = SchemaRegistry()
        let meta = try SchemaValidator(registry: registry, uri: "https://json-schema.org/draft/2020-12/schema")
        #expect(meta.isValid(Fixture.json(#"{"type": "object", "properties": {"a": {"minLength": 2}}}"#)))
        let result = meta.validate(Fixture.json(#"{"type": "objekt", "minLength": -1}"#))
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.instancePointer == JSONPointer(["minLength"]) })
        let draft4 = try SchemaValidator(registry: registry, uri: "http://json-schema.org/draft-04/schema#")
        #expect(draft4.isValid(Fixture.json(#"{"type": "string", "exclusiveMinimum": true, "minimum": 1}"#)))
        #expect(!draft4.isValid(Fixture.json(#"{"type": 5}"#)))
    }

    @Test func validatorsAreSharedAcrossThreads() async {
        let validator = Fixture.validator(
            "type: object\nproperties:\n  n: {type: integer, multipleOf: 3}\n  s: {type: string, pattern: '^a+$'}\n")
        let verdicts = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<64 {
                group.addTask {
                    var ok = true
                    for j in 0..<200 {
                        let n = k * 200 + j
                        let value: JSONValue = ["n": .number(JSONNumber(n)), "s": n % 2 == 0 ? "aaa" : "b"]
                        ok = ok && validator.isValid(value) == (n % 3 == 0 && n % 2 == 0)
                        ok = ok && validator.validate(value).isValid == (n % 3 == 0 && n % 2 == 0)
                    }
                    return ok
                }
            }
            var all: [Bool] = []
            for await verdict in group { all.append(verdict) }
            return all
        }
        #expect(verdicts.count == 64)
        #expect(verdicts.allSatisfy { $0 })
    }

    @Test func instanceValuesFromYAMLKeepTheirText() {
        let tree = Fixture.tree("a: 1.10\nb: 0x1F\nc: .inf\nd: ~\ne: [yes, true]\nf: 18446744073709551616\n")
        let value = JSONValue(tree: tree, node: tree.root)
        #expect(value["a"]?.numberValue?.text == "1.10")
        #expect(value["b"] == 31)
        #expect(value["c"] == ".inf")
        #expect(value["d"] == nil as JSONValue)
        #expect(value["e"] == ["yes", true])
        #expect(value["f"]?.numberValue == JSONNumber(text: "18446744073709551616"))
    }
}

@Suite("Deep instances within the default budgets")
struct DeepInstanceTests {
    @Test func deepestParsableBodyValidatesOnAConcurrencyThread() async {
        let validator = Fixture.validator(
            "anyOf:\n  - type: array\n    items: {$ref: '#'}\n  - type: object\n    additionalProperties: {$ref: '#'}\n"
        )
        let depth = JSONParser.Options.default.maxDepth
        let body = Array(
            (String(repeating: #"{"a": ["#, count: depth / 2) + String(repeating: "]}", count: depth / 2)).utf8)
        // Valid, or (in a debug build, whose frames are large) stopped by the stack guard with errors: never
        // a crash.
        let verdict = await Task.detached { validator.validate(json: body) }.value
        #expect(verdict.isValid || !verdict.errors.isEmpty)
        let tooDeep = Array((String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)).utf8)
        let result = await Task.detached { validator.validate(json: tooDeep) }.value
        #expect(result.errors.first?.code == "json.depth_exceeded")
    }
}

@Suite("Stack guard")
struct StackGuardTests {
    @Test func knowsTheStackBounds() async {
        #expect(StackGuard().limit > 0)
        #expect(!StackGuard().isExhausted())
        let onTask = await Task.detached { (StackGuard().limit > 0, StackGuard().isExhausted()) }.value
        #expect(onTask == (true, false))
    }
}

@Suite("Deeply nested schemas")
struct DeepSchemaTests {
    @Test func deepSchemasCompileOrReportOnAConcurrencyThread() async {
        var yaml = "{}"
        for _ in 0..<500 { yaml = "{items: \(yaml)}" }
        let outcome = await Task.detached {
            var compiler = SchemaCompiler(registry: Fixture.registry(yaml))
            let handle = compiler.compile(uri: "file:///test/schema.yaml")
            return (handle != nil, compiler.diagnostics.map(\.code.rawValue))
        }.value
        #expect(outcome.0)
        #expect(outcome.1.allSatisfy { $0 == "schema.too_deep" })
    }
}
