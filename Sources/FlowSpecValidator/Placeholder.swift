public enum FlowSpecValidatorPlaceholder {}
