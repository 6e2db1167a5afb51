import FlowSpecLint
import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Testing

@testable import FlowSpecTraffic

/// The budgets of docs/security.md that the other suites do not already pin down: the documented
/// defaults of the JSON parser, the schema validator, the capture reader and the terminal text
/// limit, and what each does when it runs out.
@Suite("Hostile input: body, schema, capture and message budgets")
struct HostileBudgetTests {
    @Test("the defaults are the documented ones")
    func documentedDefaults() {
        let json = JSONParser.Options()
        #expect(json.maxDepth == 512)
        #expect(json.maxInputBytes == 256 << 20)
        #expect(json.allowDuplicateKeys == false)
        let validation = ValidationOptions()
        #expect(validation.maxErrors == 100)
        #expect(validation.maxDepth == 2_000)
        let capture = CaptureReader.Options()
        #expect(capture.maxEntryBytes == 256 << 20)
        #expect(capture.chunkSize == 1 << 20)
        #expect(EntryContext.maxProblems == 100)
        #expect(TerminalText.defaultLimit == 240)
        #expect(TextReporter().maxStringLength == 240)
    }

    @Test("budgets travel in option values: callers in one process use different budgets at the same time")
    func budgetsArePerCall() async {
        let json = Array("[[[1]]]".utf8)
        let yaml = Array("a: {b: {c: 1}}\n".utf8)
        let outcomes = await withTaskGroup(of: (tight: Bool, json: Bool, yaml: Bool).self) { group in
            for index in 0..<64 {
                let tight = index.isMultiple(of: 2)
                group.addTask {
                    let jsonOptions = tight ? JSONParser.Options(maxDepth: 2) : JSONParser.Options()
                    let yamlOptions = tight ? YAMLParseOptions(maxDepth: 2) : YAMLParseOptions()
                    return (
                        tight, (try? JSONParser.parse(json, options: jsonOptions)) != nil,
                        (try? YAMLParser.parse(yaml, options: yamlOptions)) != nil
                    )
                }
            }
            var all: [(tight: Bool, json: Bool, yaml: Bool)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 64)
        for outcome in outcomes {
            #expect(outcome.json == !outcome.tight && outcome.yaml == !outcome.tight, "\(outcome)")
        }
    }

    @Test("a body over the JSON size budget is refused before it is parsed")
    func jsonInputBudget() {
        let body = Array("[1,2,3]".utf8)
        #expect(throws: JSONParseError.self) {
            try JSONParser.parse(body, options: JSONParser.Options(maxInputBytes: 6))
        }
        do throws(JSONParseError) {
            _ = try JSONParser.parse(body, options: JSONParser.Options(maxInputBytes: 6))
        } catch {
            #expect(error.code == .inputTooLarge)
            #expect(error.offset == 0)
            #expect(error.message.contains("7 bytes, more than the 6-byte budget"))
        }
        #expect((try? JSONParser.parse(body, options: JSONParser.Options(maxInputBytes: 7))) == [1, 2, 3])
    }

    @Test("a body over the JSON size budget is one validation error, not a crash")
    func jsonInputBudgetThroughTheValidator() throws {
        var registry = SchemaRegistry()
        let tree = try YAMLParser.parse(Array("type: array".utf8), options: YAMLParseOptions(requireMappingRoot: false))
        _ = registry.register(SchemaSource(tree: tree, file: "s.yaml", baseURI: "file:///s.yaml"))
        let validator = try SchemaValidator(registry: registry, uri: "file:///s.yaml")
        let result = validator.validate(json: Array("[1,2,3]".utf8), parseOptions: JSONParser.Options(maxInputBytes: 6))
        #expect(!result.isValid)
        #expect(result.errors.map(\.code.rawValue) == ["json.input_too_large"])
    }

    @Test("validation keeps at most maxErrors errors and says it stopped")
    func errorBudget() throws {
        var registry = SchemaRegistry()
        let tree = try YAMLParser.parse(
            Array("type: array\nitems: {type: string}".utf8), options: YAMLParseOptions(requireMappingRoot: false))
        _ = registry.register(SchemaSource(tree: tree, file: "s.yaml", baseURI: "file:///s.yaml"))
        let validator = try SchemaValidator(registry: registry, uri: "file:///s.yaml")
        let body = Array(("[" + Array(repeating: "1", count: 5_000).joined(separator: ",") + "]").utf8)
        let result = validator.validate(json: body)
        #expect(!result.isValid)
        #expect(result.errors.count == 100)
        #expect(result.isTruncated)
        let few = validator.validate(json: body, options: ValidationOptions(maxErrors: 3))
        #expect(few.errors.count == 3)
        #expect(few.isTruncated)
        let small = validator.validate(json: Array("[1, 2]".utf8))
        #expect(small.errors.count == 2)
        #expect(!small.isTruncated)
    }

    @Test("an entry over the capture entry budget is skipped with its size, and the next entry is read")
    func entryBudget() {
        let big = #"{"method":"POST","url":"/big","requestBody":""# + String(repeating: "x", count: 5_000) + "\"}\n"
        let text = big + #"{"method":"GET","url":"/small"}"# + "\n"
        let entries = readCapture(
            text, name: "c.ndjson", format: .ndjson, options: CaptureReader.Options(maxEntryBytes: 1_000))
        #expect(entries.count == 2)
        #expect(entries.first?.codes == ["capture_entry_too_large"])
        #expect(entries.first?.problems.first?.message.contains("more than the 1000-byte budget") == true)
        #expect(entries.last?.exchange?.request.url == "/small")
    }

    @Test("terminal text is shortened to the limit and escaped; the cut is counted")
    func terminalLimit() {
        let long = "\u{1B}[2J" + String(repeating: "a", count: 10_000)
        let safe = TerminalText.safe(long)
        #expect(!safe.unicodeScalars.contains("\u{1B}"))
        #expect(safe.hasPrefix("\\e[2J"))
        #expect(safe.contains("…[9764 characters omitted]…"))
        #expect(safe.unicodeScalars.count < 300)
    }
}
