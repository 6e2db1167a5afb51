import FlowSpecModel
import FlowSpecSchema
import HTTPTypes
import Testing

@testable import FlowSpecValidator

/// The byte-level parameter checks (``ScalarCheck``, ``FastParameterPlan``) only ever accept what
/// the decoders and compiled schemas accept, and they do accept the usual valid requests.
@Suite("Validator: parameter fast path")
struct ValidatorParameterFastPathTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /items/{id}/{code}:
            get:
              operationId: getItem
              parameters:
                - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Id'}}
                - {name: code, in: path, required: true, schema: {type: string, pattern: '^[A-Z]{3}$'}}
                - {name: mode, in: query, schema: {type: string, enum: [fast, slow, 'yes', 7]}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
                - {name: q, in: query, schema: {type: string, minLength: 2, maxLength: 5, description: text}}
                - {name: flag, in: query, schema: {type: boolean}}
                - {name: ratio, in: query, schema: {type: number, maximum: 1}}
                - {name: token, in: query, required: true, schema: {type: string}}
              responses: {'200': {description: ok}}
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Sibling'}}
                - {name: x-trace, in: header, schema: {type: string}}
              responses: {'200': {description: ok}}
        components:
          schemas:
            Id: {type: string, format: uuid, x-note: any}
            Sibling: {$ref: '#/components/schemas/Id', description: a sibling}
        """

    static let validator: Validator = {
        do {
            return try inlineValidator(spec)
        } catch {
            fatalError("the fast-path spec does not build a validator: \(error)")
        }
    }()

    static let uuid = "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73"

    func checks(_ operation: Int) -> [String: ParameterCheck] {
        let set = Self.validator.plan.operations[operation].parameters
        var checks: [String: ParameterCheck] = [:]
        for entry in set.entries { checks[entry.decoder.definition.name] = entry.check }
        return checks
    }

    @Test func scalarChecksAreBuiltOnlyForSchemasTheyModel() throws {
        let checks = checks(0)
        let id = try #require(checks["id"]?.scalar)
        #expect(id.uuid && id.allowsString)
        #expect(checks["code"]?.scalar == nil, "a pattern is left to the schema")
        let mode = try #require(checks["mode"]?.scalar)
        #expect(mode.stringEnum == [Array("fast".utf8), Array("slow".utf8), Array("yes".utf8)])
        let limit = try #require(checks["limit"]?.scalar)
        #expect(limit.minimum == 1 && limit.maximum == 100 && !limit.allowsString && limit.allowsInteger)
        #expect(checks["q"]?.scalar?.maxLength == 5)
        #expect(self.checks(1)["id"]?.scalar == nil, "a $ref with siblings is left to the schema")
        #expect(Self.validator.plan.operations[0].parameters.fast != nil)
        #expect(Self.validator.plan.operations[1].parameters.fast == nil, "a header parameter needs its decoder")
    }

    /// Whatever a scalar check accepts, the compiled schema accepts.
    @Test func scalarChecksAgreeWithTheSchemas() throws {
        let plan = Self.validator.plan
        let strings = [
            Self.uuid, Self.uuid.uppercased(), String(Self.uuid.dropLast()), Self.uuid + "0",
            String(Self.uuid.map { $0 == "-" ? "_" : $0 }), "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e7g",
            "fast", "slow", "yes", "Fast", "7", "", "a", "ab", "abcde", "abcdef", "é", "éé", "日本語", "x\u{0}",
        ]
        var accepted = 0
        for (name, check) in checks(0) {
            guard let scalar = check.scalar else { continue }
            let schema = plan.schemas[check.schema]
            for text in strings {
                var copy = text
                let fast = copy.withUTF8 { scalar.accepts(string: $0) }
                if fast { accepted += 1 }
                #expect(!fast || schema.isValid(.string(text), options: plan.parameterOptions), "\(name): \(text)")
            }
            for value: Int64 in [-1, 0, 1, 7, 50, 100, 101, 1_000_000] {
                let fast = scalar.accepts(integer: value)
                if fast { accepted += 1 }
                let number = JSONValue.number(JSONNumber(text: String(value)))
                #expect(!fast || schema.isValid(number, options: plan.parameterOptions), "\(name): \(value)")
            }
        }
        #expect(accepted > 10)
    }

    @Test func uuidCheckMatchesTheTextualForm() {
        let hex = Set("0123456789abcdefABCDEF".utf8)
        func reference(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count == 36 else { return false }
            for (k, byte) in bytes.enumerated() {
                if [8, 13, 18, 23].contains(k) {
                    if byte != UInt8(ascii: "-") { return false }
                } else if !hex.contains(byte) {
                    return false
                }
            }
            return true
        }
        var samples = [Self.uuid, Self.uuid.uppercased(), "00000000-0000-0000-0000-000000000000"]
        for position in 0..<36 {
            for replacement in ["g", "G", "/", ":", "@", "`", "-", "0", "F", "\u{7F}", " "] {
                var bytes = Array(Self.uuid.utf8)
                bytes[position] = Array(replacement.utf8)[0]
                samples.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        samples += ["é" + Self.uuid.dropFirst(2), String(Self.uuid.dropFirst()), Self.uuid + " "]
        for sample in samples {
            var copy = sample
            #expect(copy.withUTF8 { Formats.uuid($0) } == reference(sample), "\(sample)")
        }
    }

    static let targets: [String] = {
        let path = "/items/\(uuid)/ABC"
        let queries = [
            "token=t", "token=t&mode=fast", "token=t&mode=slow&limit=1&q=ab&flag=true&ratio=0.5", "token=t&limit=100",
            "token=t&limit=0", "token=t&limit=101", "token=t&limit=007", "token=t&limit=-0", "token=t&limit=5.0",
            "token=t&limit=abc", "token=t&limit=", "token=t&limit", "token=t&mode=Fast", "token=t&mode=7",
            "token=t&mode=fast&mode=slow", "token=t&q=a", "token=t&q=abcdef", "token=t&q=a%20b", "token=t&q=%41%42",
            "token=t&q=%zz", "token=t&q=%C3%A9%C3%A9", "token=t&q=a+b", "token=t&flag=yes", "token=t&ratio=2",
            "mode=fast", "", "token=", "token", "&&token=t&&", "?token=t", "token=t&%6Dode=bad", "token=t&other=1",
            "token=t&=x", "token=t#frag", "token=é", "token=t&q=abc&q=abd", "token=t&limit=99999999999999999999",
            "token=%74", "token=t&ratio=-1", "token=t&ratio=1e0",
        ]
        var targets = queries.map { "\(path)?\($0)" }
        targets += [
            path, "/items/\(uuid.uppercased())/ABC?token=t", "/items/not-a-uuid/ABC?token=t",
            "/items/\(uuid)/abc?token=t", "/items/\(uuid)/ABCD?token=t",
        ]
        return targets
    }()

    /// A request the fast path accepts has no parameter violation when decoded and checked in full.
    @Test func fastAcceptanceImpliesNoViolation() {
        let validator = Self.validator
        let checker = RequestChecker(plan: validator.plan)
        var accepted: [String] = []
        for target in Self.targets {
            guard case .matched(let index, let captures) = validator.plan.router.routeInPlace(
                method: .get, path: target, from: 0)
            else {
                Issue.record("\(target) does not route in place")
                continue
            }
            let operation = validator.plan.operations[index]
            guard let fast = operation.parameters.fast else {
                Issue.record("\(operation.matched.id) has no fast plan")
                continue
            }
            let accepts = checker.fastAccepts(fast, captures, target: target)
            var full = RequestValidation(method: .get, headers: HeaderSource(pairs: []))
            checker.checkParameters(operation, captures, target: target, fields: HeaderSource(pairs: []), into: &full)
            if accepts {
                accepted.append(target)
                #expect(full.violations.isEmpty, "\(target): \(full.violations.map(\.message))")
            }
            // The public verdict is the full check's either way.
            let verdict = validator.validate(method: "GET", path: "https://example.com" + target, headers: [], body: nil)
            #expect(codes(verdict.violations) == codes(full.violations), "\(target)")
        }
        let path = "/items/\(Self.uuid)/ABC"
        for expected in [
            "\(path)?token=t", "\(path)?token=t&mode=fast", "\(path)?token=t&mode=slow&limit=1&q=ab&flag=true&ratio=0.5",
            "\(path)?token=t&q=a%20b", "\(path)?token=t&other=1", "\(path)?&&token=t&&", "\(path)??token=t",
        ] {
            #expect(accepted.contains(expected), "\(expected) should be decided on the fast path")
        }
    }

    /// A refused value is worded on the fast path (asking its schema once) exactly as the decoders
    /// and the full check word it: same diagnostics, fields and order.
    @Test func fastWordingMatchesTheFullCheck() {
        let validator = Self.validator
        let checker = RequestChecker(plan: validator.plan)
        var worded: [String] = []
        for target in Self.targets {
            guard case .matched(let index, let captures) = validator.plan.router.routeInPlace(
                method: .get, path: target, from: 0),
                let fast = validator.plan.operations[index].parameters.fast
            else {
                Issue.record("\(target) is not checked on the fast path")
                continue
            }
            let operation = validator.plan.operations[index]
            var full = RequestValidation(method: .get, headers: HeaderSource(pairs: []))
            checker.checkParameters(operation, captures, target: target, fields: HeaderSource(pairs: []), into: &full)
            let outcome = checker.fastCheck(fast, captures, target: target)
            if outcome.isCertain && outcome.refused != 0 {
                var violations: [Diagnostic] = []
                #expect(checker.wordRefused(operation, fast, outcome, captures, target: target, into: &violations))
                #expect(violations == full.violations, "\(target)")
                #expect(!violations.isEmpty, "\(target): a refused value of these schemas is invalid")
                worded.append(target)
            }
            // A refusal handed to the decoders changes no violation either.
            var slow = RequestValidation(method: .get, headers: HeaderSource(pairs: []))
            checker.checkParameters(
                operation, captures, target: target, fields: HeaderSource(pairs: []), refused: outcome.refused,
                into: &slow)
            #expect(slow.violations == full.violations, "\(target)")
            let verdict = validator.validate(method: "GET", path: "https://example.com" + target, headers: [], body: nil)
            #expect(verdict.violations == full.violations, "\(target)")
        }
        let path = "/items/\(Self.uuid)/ABC"
        for expected in [
            "\(path)?token=t&limit=0", "\(path)?token=t&limit=101", "\(path)?token=t&limit=abc",
            "\(path)?token=t&mode=Fast", "\(path)?token=t&q=a", "\(path)?token=t&q=abcdef",
            "\(path)?token=t&flag=yes", "\(path)?token=t&ratio=2", "/items/not-a-uuid/ABC?token=t",
            "/items/\(Self.uuid)/abc?token=t",
        ] {
            #expect(worded.contains(expected), "\(expected) should be worded on the fast path")
        }
    }

    /// An integer the scalar check refuses outright, the schema refuses too (for these schemas);
    /// an integer it cannot judge (an `enum` that may list integers) is left to the schema.
    @Test func scalarIntegerRefusalsAgreeWithTheSchemas() throws {
        let plan = Self.validator.plan
        let limit = try #require(checks(0)["limit"])
        let scalar = try #require(limit.scalar)
        for value: Int64 in [-5, 0, 1, 100, 101] {
            let number = JSONValue.number(JSONNumber(text: String(value)))
            let valid = plan.schemas[limit.schema].isValid(number, options: plan.parameterOptions)
            #expect(scalar.judge(integer: value) == valid, "\(value)")
        }
        let mode = try #require(checks(0)["mode"]?.scalar)
        #expect(mode.judge(integer: 7) == false, "`type: string` refuses any integer")
        var untyped = mode
        untyped.allowsInteger = true
        #expect(untyped.judge(integer: 7) == nil, "an enum may list the integer")
    }

    /// The benchmark spec's operations are all planned for the fast path.
    @Test(.enabled(if: Flows.hasMini, "../shared/bench/flows-mini.yaml is absent"))
    func flowsMiniOperationsHaveFastPlans() throws {
        let validator = try Validator(contentsOf: Flows.miniPath)
        for operation in validator.plan.operations {
            #expect(operation.parameters.fast != nil, "\(operation.matched.id)")
        }
        let env = Self.uuid
        let verdict = validator.validate(
            method: "GET", path: "https://auth.example.test/v1/environments/\(env)/users?limit=40&filter=a%20b",
            headers: [], body: nil)
        #expect(verdict.isValid)
        let bad = validator.validate(
            method: "GET", path: "https://auth.example.test/v1/environments/\(env)/users?limit=400", headers: [],
            body: nil)
        #expect(codes(bad.violations).count == 1)
    }

    /// A violation's message joined in one buffer reads exactly as the interpolation it replaces.
    @Test func messageTextJoinsAsInterpolationDoes() {
        let pieces = ["", "a", "query limit", " at ", "/0/~1x", ": ", "é日本", String(repeating: "long text ", count: 20)]
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    #expect(MessageText.join(a, b, c) == "\(a)\(b)\(c)")
                    #expect(MessageText.join(c, a, b, c, a) == "\(c)\(a)\(b)\(c)\(a)")
                }
            }
        }
        let bridged = "caf\u{E9}" as String
        #expect(MessageText.join("response body", " at ", bridged, ": ", "x") == "response body at café: x")
    }
}
