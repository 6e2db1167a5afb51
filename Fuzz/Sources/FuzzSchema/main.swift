import FlowSpecSchema
import FlowSpecYAML
import FuzzSupport

// Schema compilation plus validation: the input is a schema (YAML or JSON) and an instance (JSON)
// cut at a `\n%%\n` line. The first byte picks the dialect and the validation options. Validation
// of the raw bytes and of the parsed value must agree.

private let dialects: [SchemaDialect] = [.jsonSchema2020_12, .openAPI31, .openAPI30, .draft4]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let pieces = input.pieces(limit: 2)
    let schemaBytes = pieces[0]
    let instance = pieces.count > 1 ? pieces[1] : []
    var parseOptions = YAMLParseOptions()
    parseOptions.requireMappingRoot = false
    parseOptions.maxExpandedNodes = 20_000
    guard let tree = try? YAMLParser.parse(schemaBytes, format: .auto, options: parseOptions) else { return 0 }
    let dialect = dialects[input.choice(dialects.count, salt: 1)]
    var registry = SchemaRegistry()
    _ = registry.register(
        SchemaSource(tree: tree, file: "schema.yaml", baseURI: "file:///fuzz/schema.yaml", dialect: dialect))
    guard
        let validator = try? SchemaValidator(
            registry: registry, uri: "file:///fuzz/schema.yaml", options: .init(defaultDialect: dialect))
    else { return 0 }
    var options = ValidationOptions()
    options.direction = [.none, .request, .response][input.choice(3, salt: 2)]
    options.strictAccess = input.oneIn(3, salt: 3)
    options.assertFormats = !input.oneIn(4, salt: 4)
    if input.oneIn(5, salt: 5) {
        options.maxErrors = 3
        options.maxDepth = 32
    }
    let raw = validator.validate(json: instance, options: options)
    precondition(raw.isValid == validator.isValid(json: instance, options: options), "validate and isValid disagree")
    if let value = try? JSONParser.parse(instance) {
        let parsed = validator.validate(value, options: options)
        precondition(parsed.isValid == raw.isValid, "raw and parsed validation disagree")
    }
    return 0
}
