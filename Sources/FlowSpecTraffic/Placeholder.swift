public enum FlowSpecTrafficPlaceholder {}
