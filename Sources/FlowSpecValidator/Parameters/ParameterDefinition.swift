public import FlowSpecModel
/// What the decoder needs to know of an OpenAPI Parameter Object (OpenAPI 3.1 §4.8.12).
///
/// The caller derives ``shape`` from the parameter's schema (after resolving `$ref`s) and sets
/// ``contentMediaType`` for parameters described by `content` instead of `schema`.
public struct ParameterDefinition: Sendable, Hashable {
    /// The name: case-sensitive, except for headers.
    public var name: String
    /// Where the parameter is carried (`in`).
    public var location: ParameterLocation
    /// The declared style; `nil` for the location's default (``ParameterLocation/defaultStyle``).
    public var style: ParameterStyle?
    /// The declared `explode`; `nil` for the default (true for `form`, false otherwise).
    public var explode: Bool?
    /// Accepted for completeness: the decoder percent-decodes query values whatever its value, since
    /// `allowReserved` says how a client *may* serialise, and reserved characters arriving unencoded are
    /// harmless once the value is split.
    public var allowReserved: Bool
    /// Query only: whether `?flag=` and `?flag` (both the empty string) are accepted.
    public var allowEmptyValue: Bool
    /// Whether a request must carry it (always the case for path parameters in a valid spec; the default
    /// for `path` is true, for the other locations false).
    public var required: Bool
    /// The shape and primitive types derived from the schema.
    public var shape: ParameterShape
    /// The media type of a `content`-described parameter (`application/json`); its value is returned as
    /// one (decoded) string for the caller to parse, and ``style`` and ``explode`` do not apply.
    public var contentMediaType: String?

    public init(
        name: String, location: ParameterLocation, style: ParameterStyle? = nil, explode: Bool? = nil,
        allowReserved: Bool = false, allowEmptyValue: Bool = false, required: Bool? = nil,
        shape: ParameterShape = .primitive(.string), contentMediaType: String? = nil
    ) {
        self.name = name
        self.location = location
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.allowEmptyValue = allowEmptyValue
        self.required = required ?? (location == .path)
        self.shape = shape
        self.contentMediaType = contentMediaType
    }

    /// The style in force: the declared one or the location's default.
    public var effectiveStyle: ParameterStyle { style ?? location.defaultStyle }

    /// The `explode` in force: the declared one, or true for `form` and false otherwise.
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form) }

    /// `query limit`, `path flowID`: how reports name the parameter.
    public var instanceLocation: String { "\(location.rawValue) \(name)" }
}
