/// Where a parameter is carried (OpenAPI 3.1 §4.8.12.1, the `in` field).
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case path
    case query
    case header
    case cookie

    /// The style OpenAPI uses when a parameter names none: `simple` for path and header, `form` for
    /// query and cookie.
    public var defaultStyle: ParameterStyle {
        switch self {
        case .path, .header: return .simple
        case .query, .cookie: return .form
        }
    }

    /// The styles OpenAPI 3.0 and 3.1 define for this location.
    public var allowedStyles: [ParameterStyle] {
        switch self {
        case .path: return [.simple, .label, .matrix]
        case .query: return [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: return [.simple]
        case .cookie: return [.form]
        }
    }

    public var description: String { rawValue }
}
