public enum FlowSpecModelPlaceholder {}
