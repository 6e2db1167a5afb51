import ArgumentParser
import FlowSpecLint
import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Foundation

/// `flowspec check`: validate JSON files against a schema of a spec, or a standalone JSON Schema.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate JSON files against a schema of a spec (--spec SPEC --schema POINTER) or a JSON Schema file.",
        discussion: """
            With --spec, --schema is a JSON pointer into the spec, such as `#/components/schemas/Flow`. Without \
            --spec, --schema is a JSON Schema document (2020-12 by default; its `$schema` may choose draft 4); \
            the meta-schemas ship with the tool, so nothing is fetched. Exit status: 0 when every file is valid, \
            1 when one is not, 2 when the tool could not run.
            """
    )

    @Option(help: "The OpenAPI spec that holds the schema.")
    var spec: String?

    @Option(help: "A JSON pointer into the spec (with --spec), or a JSON Schema file.")
    var schema: String

    @Argument(help: "JSON files to validate.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: InspectFormat = .text

    @Flag(help: "Treat `format` as an annotation only (by default formats such as uuid are asserted).")
    var noFormatAssertion = false

    @Option(help: "Validate as a request or a response body (readOnly/writeOnly): request, response or none.")
    var direction: String = "none"

    @OptionGroup var loading: LoadingOptions

    func run() throws {
        let validator = try compile()
        var options = ValidationOptions()
        options.assertFormats = !noFormatAssertion
        switch direction {
        case "request": options.direction = .request
        case "response": options.direction = .response
        default: options.direction = .none
        }
        var anyInvalid = false
        var unreadable = false
        var results: [(file: String, result: ValidationResult?)] = []
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                Output.error("error: cannot read \(file)\n")
                unreadable = true
                results.append((file, nil))
                continue
            }
            let result = validator.validate(json: Array(bytes), options: options)
            if !result.isValid { anyInvalid = true }
            results.append((file, result))
        }
        switch format {
        case .text:
            var out = ""
            for (file, result) in results {
                guard let result else { continue }
                // Pointers and messages quote the instance; file names are input too (docs/security.md).
                let name = TerminalText.safe(file)
                if result.isValid {
                    out += "\(name): valid\n"
                    continue
                }
                out += "\(name): invalid\n"
                for error in result.errors {
                    let pointer = error.instancePointer.isRoot ? "/" : TerminalText.safe(error.instancePointer.description)
                    out += "  \(pointer): \(TerminalText.safe(error.message)) [\(error.code)]"
                    if let location = error.location { out += "  (schema \(TerminalText.safe(location.description)))" }
                    out += "\n"
                }
            }
            Output.write(out)
        case .json:
            Output.write(Self.json(results))
        }
        if unreadable { throw ExitCode(2) }
        if anyInvalid { throw ExitCode(1) }
    }

    private func compile() throws -> SchemaValidator {
        var registry = SchemaRegistry()
        let uri: String
        var dialect = SchemaDialect.jsonSchema2020_12
        if let spec {
            let loaded = SpecLoader(options: loading.loadOptions()).load(path: spec)
            guard let root = loaded.files.root, let document = loaded.document else {
                for diagnostic in loaded.diagnostics { Output.error(diagnostic.terminalLine + "\n") }
                throw ExitCode(2)
            }
            for file in loaded.files.files {
                registry.register(SchemaSource.openAPIDocument(tree: file.tree, file: file.displayPath, baseURI: file.uri))
            }
            if document.version.is30 { dialect = .openAPI30 }
            guard let pointer = JSONPointer(fragment: schema.hasPrefix("#") ? schema : "#" + schema),
                root.node(at: pointer) != nil
            else {
                Output.error("error: `\(schema)` is not a schema in \(spec); give a pointer such as #/components/schemas/Name\n")
                throw ExitCode(2)
            }
            uri = root.uri + pointer.fragment
        } else {
            guard let bytes = FileManager.default.contents(atPath: schema) else {
                Output.error("error: cannot read the schema \(schema)\n")
                throw ExitCode(2)
            }
            let tree: YAMLTree
            do {
                var options = YAMLParseOptions()
                options.requireMappingRoot = false
                tree = try YAMLParser.parse(Array(bytes), format: .auto, options: options)
            } catch {
                Output.error("\(schema):\(error.mark.line):\(error.mark.column): error: \(error.message)\n")
                throw ExitCode(2)
            }
            let absolute = URL(fileURLWithPath: schema).standardizedFileURL
            uri = absolute.absoluteString
            registry.register(SchemaSource(tree: tree, root: tree.root, file: schema, baseURI: uri))
        }
        do {
            let validator = try SchemaValidator(registry: registry, uri: uri, options: SchemaCompiler.Options(defaultDialect: dialect))
            let errors = validator.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                for diagnostic in errors { Output.error(diagnostic.terminalLine + "\n") }
                throw ExitCode(2)
            }
            return validator
        } catch let error as SchemaCompileError {
            for diagnostic in error.diagnostics { Output.error(diagnostic.terminalLine + "\n") }
            throw ExitCode(2)
        }
    }

    static func json(_ results: [(file: String, result: ValidationResult?)]) -> String {
        var items: [String] = []
        for (file, result) in results {
            var item = "{\"file\":\(quote(file)),"
            guard let result else {
                items.append(item + "\"verdict\":\"unreadable\",\"errors\":[]}")
                continue
            }
            item += "\"verdict\":\"\(result.isValid ? "valid" : "invalid")\",\"errors\":["
            item += result.errors.map { error in
                var e = "{\"code\":\(quote(error.code.rawValue)),\"message\":\(quote(error.message)),"
                e += "\"instancePointer\":\(quote(error.instancePointer.description)),\"keyword\":\(quote(error.keyword))"
                if let location = error.location {
                    e += ",\"schemaLocation\":{\"file\":\(quote(location.file)),\"line\":\(location.line),\"column\":\(location.column)}"
                }
                return e + "}"
            }.joined(separator: ",")
            items.append(item + "]}")
        }
        return "{\"results\":[" + items.joined(separator: ",") + "]}\n"
    }

    static func quote(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
