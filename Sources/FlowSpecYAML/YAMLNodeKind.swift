/// The three shapes a YAML node can have.
public enum YAMLNodeKind: UInt8, Sendable {
    case scalar
    case mapping
    case sequence
}

/// How a scalar resolved under the YAML 1.2 core schema (or its explicit JSON-schema tag).
///
/// Only these four plain-scalar forms are typed; everything else, `on`, `yes`, `1:20`, `0755` and
/// dates among them, stays a string exactly as written.
public enum YAMLScalarType: UInt8, Sendable {
    case string
    case null
    case bool
    case int
    case float
}

/// How a scalar was written in the source; quoted scalars are always strings.
public enum YAMLScalarStyle: UInt8, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
    /// A scalar that came from a JSON file: strings are double-quoted, numbers and literals plain.
    case json
}
