import FlowSpecSchema
import FlowSpecYAML

/// Helpers for tests that compile inline YAML schemas.
enum Fixture {
    static func tree(_ yaml: String) -> YAMLTree {
        do {
            return try YAMLParser.parse(
                Array(yaml.utf8), format: .auto, options: YAMLParseOptions(requireMappingRoot: false))
        } catch {
            fatalError("fixture does not parse: \(error)")
        }
    }

    /// A registry holding `yaml` as a standalone schema file `schema.yaml`.
    static func registry(_ yaml: String, dialect: SchemaDialect = .jsonSchema2020_12) -> SchemaRegistry {
        var registry = SchemaRegistry()
        registry.register(
            SchemaSource(tree: tree(yaml), file: "schema.yaml", baseURI: "file:///test/schema.yaml", dialect: dialect))
        return registry
    }

    /// A registry holding `yaml` as an OpenAPI document `openapi.yaml`.
    static func document(_ yaml: String) -> SchemaRegistry {
        var registry = SchemaRegistry()
        registry.register(
            .openAPIDocument(tree: tree(yaml), file: "openapi.yaml", baseURI: "file:///test/openapi.yaml"))
        return registry
    }

    static func validator(_ yaml: String, dialect: SchemaDialect = .jsonSchema2020_12, pointer: String = "")
        -> SchemaValidator
    {
        do {
            return try SchemaValidator(
                registry: registry(yaml, dialect: dialect), uri: "file:///test/schema.yaml" + pointer,
                options: .init(defaultDialect: dialect))
        } catch {
            fatalError("fixture does not compile: \(error)")
        }
    }

    static func json(_ text: String) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            fatalError("fixture JSON does not parse: \(error)")
        }
    }
}
