/// A parameter of an operation. [§4.8.12](https://spec.openapis.org/oas/v3.1.0#parameter-object)
public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var allowEmptyValue: Bool?
    public var style: ParameterStyle?
    public var explode: Bool?
    public var allowReserved: Bool?
    public var schema: Schema?
    public var example: NodeRef?
    public var examples: OrderedMap<Referenceable<Example>>
    public var content: OrderedMap<MediaTypeObject>
    public var extensions: Extensions
    public var node: NodeRef

    /// The style in force: the declared one, or the default for the location (`form` for query and
    /// cookie, `simple` for path and header).
    public var effectiveStyle: ParameterStyle {
        if let style { return style }
        switch location {
        case .query, .cookie: return .form
        case .path, .header: return .simple
        }
    }

    /// The explode in force: the declared one, or `true` for `form` and `false` otherwise.
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form) }
}

/// Where a parameter is carried.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case query, header, path, cookie
}

/// How a parameter value is serialised: an open vocabulary, so a newer style is not an error in the
/// model (the linter reports styles a location does not allow).
public struct ParameterStyle: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let matrix = ParameterStyle(rawValue: "matrix")
    public static let label = ParameterStyle(rawValue: "label")
    public static let form = ParameterStyle(rawValue: "form")
    public static let simple = ParameterStyle(rawValue: "simple")
    public static let spaceDelimited = ParameterStyle(rawValue: "spaceDelimited")
    public static let pipeDelimited = ParameterStyle(rawValue: "pipeDelimited")
    public static let deepObject = ParameterStyle(rawValue: "deepObject")

    /// The styles OpenAPI 3.0 and 3.1 define for `location`.
    public static func allowed(in location: ParameterLocation) -> [ParameterStyle] {
        switch location {
        case .path: return [.matrix, .label, .simple]
        case .query: return [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: return [.simple]
        case .cookie: return [.form]
        }
    }

    public var description: String { rawValue }
}

/// A response or callback header. [§4.8.21](https://spec.openapis.org/oas/v3.1.0#header-object)
public struct Header: Sendable {
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var style: ParameterStyle?
    public var explode: Bool?
    public var schema: Schema?
    public var example: NodeRef?
    public var examples: OrderedMap<Referenceable<Example>>
    public var content: OrderedMap<MediaTypeObject>
    public var extensions: Extensions
    public var node: NodeRef
}
