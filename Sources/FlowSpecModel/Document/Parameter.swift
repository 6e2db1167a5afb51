/// A parameter of an operation. [§4.8.12](https://spec.openapis.org/oas/v3.1.0#parameter-object)
public struct Parameter: Sendable {
    public var name: String {
        get { cow.fields.name }
        _modify { yield &cow.fields.name }
    }
    public var location: ParameterLocation {
        get { cow.fields.location }
        _modify { yield &cow.fields.location }
    }
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    public var required: Bool {
        get { cow.fields.required }
        _modify { yield &cow.fields.required }
    }
    public var deprecated: Bool {
        get { cow.fields.deprecated }
        _modify { yield &cow.fields.deprecated }
    }
    public var allowEmptyValue: Bool? {
        get { cow.fields.allowEmptyValue }
        _modify { yield &cow.fields.allowEmptyValue }
    }
    public var style: ParameterStyle? {
        get { cow.fields.style }
        _modify { yield &cow.fields.style }
    }
    public var explode: Bool? {
        get { cow.fields.explode }
        _modify { yield &cow.fields.explode }
    }
    public var allowReserved: Bool? {
        get { cow.fields.allowReserved }
        _modify { yield &cow.fields.allowReserved }
    }
    public var schema: Schema? {
        get { cow.fields.schema }
        _modify { yield &cow.fields.schema }
    }
    public var example: NodeRef? {
        get { cow.fields.example }
        _modify { yield &cow.fields.example }
    }
    public var examples: OrderedMap<Referenceable<Example>> {
        get { cow.fields.examples }
        _modify { yield &cow.fields.examples }
    }
    public var content: OrderedMap<MediaTypeObject> {
        get { cow.fields.content }
        _modify { yield &cow.fields.content }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

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

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var name: String
        var location: ParameterLocation
        var description: String?
        var required: Bool
        var deprecated: Bool
        var allowEmptyValue: Bool?
        var style: ParameterStyle?
        var explode: Bool?
        var allowReserved: Bool?
        var schema: Schema?
        var example: NodeRef?
        var examples: OrderedMap<Referenceable<Example>>
        var content: OrderedMap<MediaTypeObject>
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
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
    public var description: String? {
        get { cow.fields.description }
        _modify { yield &cow.fields.description }
    }
    public var required: Bool {
        get { cow.fields.required }
        _modify { yield &cow.fields.required }
    }
    public var deprecated: Bool {
        get { cow.fields.deprecated }
        _modify { yield &cow.fields.deprecated }
    }
    public var style: ParameterStyle? {
        get { cow.fields.style }
        _modify { yield &cow.fields.style }
    }
    public var explode: Bool? {
        get { cow.fields.explode }
        _modify { yield &cow.fields.explode }
    }
    public var schema: Schema? {
        get { cow.fields.schema }
        _modify { yield &cow.fields.schema }
    }
    public var example: NodeRef? {
        get { cow.fields.example }
        _modify { yield &cow.fields.example }
    }
    public var examples: OrderedMap<Referenceable<Example>> {
        get { cow.fields.examples }
        _modify { yield &cow.fields.examples }
    }
    public var content: OrderedMap<MediaTypeObject> {
        get { cow.fields.content }
        _modify { yield &cow.fields.content }
    }
    public var extensions: Extensions {
        get { cow.fields.extensions }
        _modify { yield &cow.fields.extensions }
    }
    public var node: NodeRef {
        get { cow.fields.node }
        _modify { yield &cow.fields.node }
    }

    /// The stored fields, behind one reference that copies share (see ``CopyOnWrite``).
    struct Fields: Sendable {
        var description: String?
        var required: Bool
        var deprecated: Bool
        var style: ParameterStyle?
        var explode: Bool?
        var schema: Schema?
        var example: NodeRef?
        var examples: OrderedMap<Referenceable<Example>>
        var content: OrderedMap<MediaTypeObject>
        var extensions: Extensions
        var node: NodeRef
    }

    private var cow: CopyOnWrite<Fields>

    init(_ fields: Fields) { cow = CopyOnWrite(fields) }
}
