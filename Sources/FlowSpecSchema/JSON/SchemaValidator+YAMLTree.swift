public import FlowSpecYAML

extension SchemaValidator {
    /// Validates the JSON value of a node of a parsed YAML or JSON file, such as an example in a
    /// spec: the result of `validate(JSONValue(tree: tree, node: node), options: options)`, without
    /// building the intermediate value.
    public func validate(tree: YAMLTree, node: NodeID, options: ValidationOptions = .init()) -> ValidationResult {
        validate(tape: JSONTape(tree: tree, node: node), options: options)
    }
}
