public enum FlowSpecSchemaPlaceholder {}
