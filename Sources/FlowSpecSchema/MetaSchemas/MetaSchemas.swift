internal import FlowSpecYAML

/// The built-in meta-schemas as registry sources, parsed once per process.
enum MetaSchemas {
    static let sources: [SchemaSource] = MetaSchemaTexts.all.compactMap { entry in
        let options = YAMLParseOptions(requireMappingRoot: false)
        guard let tree = try? YAMLParser.parse(Array(entry.text.utf8), format: .json, options: options) else {
            return nil
        }
        let dialect: SchemaDialect = entry.uri.contains("draft-04") ? .draft4 : .jsonSchema2020_12
        return SchemaSource(tree: tree, file: entry.uri, baseURI: entry.uri, dialect: dialect)
    }
}
