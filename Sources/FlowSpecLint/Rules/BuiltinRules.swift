/// Every rule FlowSpec ships, in documentation order.
public enum BuiltinRules {
    public static var all: [LintRule] {
        StructureRules.all + InfoRules.all + SuppressionRules.all
    }
}
