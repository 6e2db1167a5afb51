@testable import FlowSpecSchema
import FlowSpecYAML
import Foundation

/// Runs JSON-Schema-Test-Suite files from `<package root>/../shared/conformance/json-schema-test-suite`.
struct SuiteRunner {
    struct Outcome {
        var passed = 0
        var failed: [String] = []
        var expectedFailures: [String] = []
        var fixedFailures: [String] = []
        /// Instances the one-pass byte check vouched for on its own (the rest went through the tape).
        var streamed = 0
    }

    static let suiteRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/json-schema-test-suite")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: suiteRoot.appendingPathComponent("tests").path)
    }

    static let parseOptions = YAMLParseOptions(requireMappingRoot: false, mergeKeys: false)

    /// A registry with the suite's remotes under `http://localhost:1234/`.
    static func registry(dialect: SchemaDialect) -> SchemaRegistry {
        var registry = SchemaRegistry()
        let remotes = suiteRoot.appendingPathComponent("remotes")
        let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { files.append(url) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            guard let data = try? Data(contentsOf: url),
                let tree = try? YAMLParser.parse(Array(data), format: .json, options: parseOptions)
            else { continue }
            let relative = String(url.path.dropFirst(remotes.path.count + 1))
            registry.register(
                SchemaSource(tree: tree, file: relative, baseURI: "http://localhost:1234/" + relative, dialect: dialect)
            )
        }
        return registry
    }

    let registry: SchemaRegistry
    let dialect: SchemaDialect
    let options: ValidationOptions

    init(dialect: SchemaDialect, assertFormats: Bool) {
        self.registry = Self.registry(dialect: dialect)
        self.dialect = dialect
        self.options = ValidationOptions(assertFormats: assertFormats)
    }

    /// Runs one file (path relative to `tests/`); `known` maps "case / test" to the reason it fails.
    func run(_ file: String, known: [String: String] = [:]) -> Outcome {
        var outcome = Outcome()
        let url = Self.suiteRoot.appendingPathComponent("tests").appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url),
            let tree = try? YAMLParser.parse(Array(data), format: .json, options: Self.parseOptions)
        else {
            outcome.failed.append("\(file): cannot be read")
            return outcome
        }
        for (caseIndex, testCase) in tree.items(tree.root).enumerated() {
            guard let schema = tree.value(forKey: "schema", in: testCase),
                let tests = tree.value(forKey: "tests", in: testCase)
            else { continue }
            let caseName = tree.value(forKey: "description", in: testCase).flatMap(tree.scalar) ?? "#\(caseIndex)"
            var registry = registry
            let uri = "https://flowspec.test/\(file)/\(caseIndex)/schema.json"
            registry.register(SchemaSource(tree: tree, root: schema, file: file, baseURI: uri, dialect: dialect))
            var compiler = SchemaCompiler(registry: registry, options: .init(defaultDialect: dialect))
            let handle = compiler.compile(uri: uri)
            let program = compiler.finish()
            for test in tree.items(tests) {
                guard let dataNode = tree.value(forKey: "data", in: test),
                    let valid = tree.value(forKey: "valid", in: test).flatMap(tree.bool)
                else { continue }
                let testName = tree.value(forKey: "description", in: test).flatMap(tree.scalar) ?? "?"
                let name = "\(caseName) / \(testName)"
                let instance = JSONValue(tree: tree, node: dataNode)
                var ok = false
                if let handle {
                    let validator = program.validator(handle)
                    let fast = validator.isValid(instance, options: options)
                    let full = validator.validate(instance, options: options)
                    ok = fast == valid && full.isValid == valid && (valid || !full.errors.isEmpty)
                    if let mismatch = Self.streamingMismatch(validator, instance, options: options, outcome: &outcome) {
                        outcome.failed.append("\(file): \(name): \(mismatch)")
                    }
                }
                if ok {
                    outcome.passed += 1
                    if known[name] != nil { outcome.fixedFailures.append("\(file): \(name)") }
                } else if let reason = known[name] {
                    outcome.expectedFailures.append("\(file): \(name) (\(reason))")
                } else {
                    outcome.failed.append("\(file): \(name) (expected \(valid ? "valid" : "invalid"))")
                }
            }
        }
        return outcome
    }

    /// The differential check of the byte paths: the instance as JSON text (plain, then with every
    /// non-ASCII character escaped) must get from `validate(json:)` exactly what the tape path gives,
    /// and the one-pass check may vouch for it only when the tape path finds it valid.
    static func streamingMismatch(
        _ validator: SchemaValidator, _ instance: JSONValue, options: ValidationOptions, outcome: inout Outcome
    ) -> String? {
        for escapeAll in [false, true] {
            let text = Array(JSONText.of(instance, escapeAll: escapeAll).utf8)
            let (accepted, tape) = text.withUnsafeBufferPointer {
                (
                    validator.streamingAccepts(json: $0, options: options),
                    validator.validateOnTape(json: $0, options: options, parseOptions: .default)
                )
            }
            let public_ = validator.validate(json: text, options: options)
            if accepted {
                outcome.streamed += 1
                if !tape.isValid || !tape.errors.isEmpty {
                    return "the one-pass check accepted \(String(decoding: text, as: UTF8.self)), the tape path rejects it"
                }
            }
            if public_.isValid != tape.isValid || public_.errors.map(\.description) != tape.errors.map(\.description)
                || public_.isTruncated != tape.isTruncated
            {
                return "validate(json:) and the tape path disagree on \(String(decoding: text, as: UTF8.self))"
            }
        }
        return nil
    }

    /// Every `.json` file in a folder of `tests/`, sorted.
    static func files(in folder: String) -> [String] {
        let url = suiteRoot.appendingPathComponent("tests").appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }
}
