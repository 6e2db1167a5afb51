/// Every rule FlowSpec ships, in documentation order.
///
/// Spectral's `oas` rules keep Spectral's ids (and, where sensible, its severities and its
/// recommended/not-recommended split); FlowSpec's own rules have kebab-case ids of their own.
public enum BuiltinRules {
    public static var all: [LintRule] {
        StructureRules.all + InfoRules.all + ServerRules.all + TagRules.all + OperationRules.all + PathRules.all
            + ParameterRules.all + MediaTypeRules.all + SchemaRules.all + PatternRules.all + ExampleRules.all
            + ComponentRules.all + MarkdownRules.all + LinkExtensionRules.all + SuppressionRules.all
    }
}
