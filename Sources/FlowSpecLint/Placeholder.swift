public enum FlowSpecLintPlaceholder {}
