import FlowSpecSchema
import Foundation
import Testing

/// The JSON-Schema-Test-Suite's regex cases (draft 2020-12), run through a minimal evaluator of the keywords they
/// use (`type`, `pattern`, `patternProperties`, `additionalProperties: false`, `maximum`, `format: regex`), so the
/// regex engine is tested on its own, before the real validator exists.
///
/// The suite lives outside the package, in `<package root>/../shared/conformance/json-schema-test-suite`; the tests
/// are skipped when it is absent.
///
/// Results at the time of writing: all 143 cases in the six files pass (ecmascript-regex.json 74,
/// non-bmp-regex.json 12, format/ecmascript-regex.json 12, format/regex.json 8, pattern.json 12,
/// patternProperties.json 25). Known failures: none. Cases that use keywords outside the list above would be
/// counted as skipped; there are none in these files.
@Suite("ECMARegex JSON-Schema-Test-Suite")
struct ECMARegexConformanceTests {
    static let suiteRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FlowSpecSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/json-schema-test-suite/tests/draft2020-12")

    static let isAvailable = FileManager.default.fileExists(atPath: suiteRoot.path)

    static let files: [(path: String, expectedCases: Int)] = [
        ("optional/ecmascript-regex.json", 74),
        ("optional/non-bmp-regex.json", 12),
        ("optional/format/ecmascript-regex.json", 12),
        ("optional/format/regex.json", 8),
        ("pattern.json", 12),
        ("patternProperties.json", 25),
    ]

    @Test(
        .enabled(if: isAvailable, "JSON-Schema-Test-Suite not found at <package root>/../shared/conformance"),
        arguments: files
    )
    func suiteFile(_ path: String, _ expectedCases: Int) throws {
        let data = try Data(contentsOf: Self.suiteRoot.appendingPathComponent(path))
        let groups = try JSONDecoder().decode([SuiteGroup].self, from: data)
        var passed = 0
        var skipped: [String] = []
        var failures: [String] = []
        for group in groups {
            for test in group.tests {
                let name = "\(path) / \(group.description) / \(test.description)"
                do {
                    guard let valid = try Self.validate(group.schema, test.data) else {
                        skipped.append(name)
                        continue
                    }
                    if valid == test.valid {
                        passed += 1
                    } else {
                        failures.append("\(name): expected \(test.valid ? "valid" : "invalid")")
                    }
                } catch {
                    failures.append("\(name): \(error)")
                }
            }
        }
        #expect(failures.isEmpty, "failures:\n\(failures.joined(separator: "\n"))")
        #expect(skipped.isEmpty, "skipped (unsupported keywords):\n\(skipped.joined(separator: "\n"))")
        #expect(passed == expectedCases)
    }

    /// Whether `instance` is valid against `schema`, or `nil` when the schema uses a keyword this evaluator does
    /// not know.
    static func validate(_ schema: SuiteJSON, _ instance: SuiteJSON) throws -> Bool? {
        let keywords: [String: SuiteJSON]
        switch schema {
        case .bool(let value): return value
        case .object(let members): keywords = members
        default: return nil
        }
        var valid = true
        for (keyword, value) in keywords {
            switch (keyword, value) {
            case ("$schema", _), ("description", _), ("$comment", _):
                continue
            case ("type", .string(let type)):
                valid = valid && instance.isOfType(type)
            case ("pattern", .string(let pattern)):
                if case .string(let string) = instance {
                    let matches = try ECMARegex(pattern).matches(string)
                    valid = valid && matches
                }
            case ("format", .string("regex")):
                if case .string(let string) = instance {
                    valid = valid && (try? ECMARegex.validateSyntax(string)) != nil
                }
            case ("maximum", _):
                guard let maximum = value.numericValue else { return nil }
                if let number = instance.numericValue { valid = valid && number <= maximum }
            case ("patternProperties", .object(let patterns)):
                guard case .object(let members) = instance else { continue }
                for (pattern, subschema) in patterns {
                    let regex = try ECMARegex(pattern)
                    for (name, member) in members where regex.matches(name) {
                        guard let memberValid = try validate(subschema, member) else { return nil }
                        valid = valid && memberValid
                    }
                }
            case ("additionalProperties", .bool(false)):
                guard case .object(let members) = instance else { continue }
                guard case .object(let patterns)? = keywords["patternProperties"], keywords["properties"] == nil
                else { return nil }
                let regexes = try patterns.keys.map { try ECMARegex($0) }
                for name in members.keys where !regexes.contains(where: { $0.matches(name) }) { valid = false }
            default:
                return nil
            }
        }
        return valid
    }
}

/// One `{description, schema, tests}` group of the suite.
struct SuiteGroup: Decodable {
    var description: String
    var schema: SuiteJSON
    var tests: [SuiteTest]
}

struct SuiteTest: Decodable {
    var description: String
    var data: SuiteJSON
    var valid: Bool
}

/// Just enough JSON for the suite: booleans stay booleans (JSONSerialization would blur them with numbers).
enum SuiteJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([SuiteJSON])
    case object([String: SuiteJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SuiteJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SuiteJSON].self))
        }
    }

    var numericValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    func isOfType(_ type: String) -> Bool {
        switch (self, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"),
            (.integer, "integer"), (.integer, "number"), (.number, "number"):
            return true
        case (.number(let value), "integer"):
            return value.rounded() == value
        default:
            return false
        }
    }
}
