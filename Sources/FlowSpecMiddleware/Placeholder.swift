public enum FlowSpecMiddlewarePlaceholder {}
