/// How a parameter's value is serialised (OpenAPI 3.1 §4.8.12.4, "Style Values"; RFC 6570 inspired).
///
/// An open vocabulary, so that a spec with a style from a later OpenAPI version still loads; the
/// decoder rejects styles it does not know with `invalid_parameter_style`.
public struct ParameterStyle: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Path: `;color=blue`, `;color=blue,black` (RFC 6570 `{;color}`).
    public static var matrix: Self { .init("matrix") }
    /// Path: `.blue`, `.blue,black` (RFC 6570 `{.color}`).
    public static var label: Self { .init("label") }
    /// Path and header: `blue`, `blue,black` (RFC 6570 `{color}`).
    public static var simple: Self { .init("simple") }
    /// Query and cookie: `color=blue`, `color=blue&color=black` (RFC 6570 `{?color}`).
    public static var form: Self { .init("form") }
    /// Query arrays and objects: `color=blue%20black`.
    public static var spaceDelimited: Self { .init("spaceDelimited") }
    /// Query arrays and objects: `color=blue|black`.
    public static var pipeDelimited: Self { .init("pipeDelimited") }
    /// Query objects: `color[R]=100&color[G]=200`.
    public static var deepObject: Self { .init("deepObject") }

    public var description: String { rawValue }
}
