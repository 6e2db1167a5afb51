public import FlowSpecModel

// The parameter vocabulary (`in` and `style`) is the model's: one type each, whichever module a
// user imports, so that code importing both FlowSpecModel and FlowSpecValidator has no ambiguity.

extension ParameterLocation {
    /// The style OpenAPI uses when a parameter names none: `simple` for path and header, `form` for
    /// query and cookie.
    public var defaultStyle: ParameterStyle {
        switch self {
        case .path, .header: return .simple
        case .query, .cookie: return .form
        }
    }

    /// The styles OpenAPI 3.0 and 3.1 define for this location, the default first.
    public var allowedStyles: [ParameterStyle] {
        switch self {
        case .path: return [.simple, .label, .matrix]
        case .query: return [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: return [.simple]
        case .cookie: return [.form]
        }
    }
}

extension ParameterStyle {
    /// A style by name (an open vocabulary: unknown names are kept, and rejected by the decoder).
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
}
