import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

/// Everything needed to check one operation's requests and responses, built once.
struct OperationPlan: Sendable {
    let matched: MatchedOperation
    let site: SpecSite
    let parameters: ParameterPlanSet
    var requestBody: RequestBodyPlan?
    let responses: ResponsesPlan
}

/// An operation's parameters: a decoder per usable parameter and, at the same positions, the
/// compiled schemas and spec sites.
struct ParameterPlanSet: Sendable {
    let decoder: ParameterSetDecoder
    /// Aligned with `decoder.decoders`.
    let checks: [ParameterCheck]
    /// Declared names per location, for strict mode (header names lower-cased).
    let queryNames: Set<String>
    let headerNames: Set<String>
    let cookieNames: Set<String>
    /// Whether any parameter reads the query, headers or cookies (so their parsing can be skipped).
    let readsQuery: Bool
    let readsCookies: Bool
}

/// How to check one decoded parameter value.
struct ParameterCheck: Sendable {
    let site: SpecSite
    /// The schema's slot in ``ValidationPlan/schemas`` (for a `content` parameter, its media type's
    /// schema); -1 when there is none.
    let schema: Int
    /// For a `content` parameter with a JSON media type: the value is JSON text to parse first.
    let contentIsJSON: Bool
    let instanceLocation: String
    /// For a `simple` primitive path parameter: its type. Its value is then the router's
    /// percent-decoded segment, exactly what the decoder would compute, without the decoder's copies.
    var pathPrimitive: PrimitiveType? = nil
}

/// The request body of an operation.
struct RequestBodyPlan: Sendable {
    let required: Bool
    let site: SpecSite
    let matcher: MediaTypeMatcher
    /// Aligned with the declared keys (``MediaTypeMatch/keyIndex``).
    var media: [BodyMediaPlan]
}

/// One declared media type of a body.
struct BodyMediaPlan: Sendable {
    enum Kind: Sendable {
        case json
        case form(FormURLEncodedDecoder)
        case text
        /// Anything else (binary, multipart, XML): the media type is checked, the bytes are not.
        case opaque
    }

    let key: String
    let kind: Kind
    /// The schema's slot in ``ValidationPlan/schemas``; -1 when the media type has no schema.
    let schema: Int
    let site: SpecSite
    /// Whether an empty body is accepted for this media type: an optional request body whose schema
    /// accepts `{}` (PingOne's body-less actions). Set once the schemas are compiled.
    var acceptsEmpty: Bool
    /// The node of the declared-property tree for strict mode, or -1.
    let properties: Int
}

/// An operation's responses, with the status lookups resolved.
struct ResponsesPlan: Sendable {
    let site: SpecSite
    let responses: [ResponsePlan]
    /// Exact codes and their response indexes.
    let exact: [(code: Int, index: Int)]
    /// Indexes by hundreds digit (0-9); -1 when no range is declared.
    let ranges: [Int]
    /// The `default` response's index, or -1.
    let defaultIndex: Int
    /// The declared keys, for messages.
    let declaredKeys: [String]

    func lookup(_ status: Int) -> Int? {
        for entry in exact where entry.code == status { return entry.index }
        let digit = status / 100
        if digit >= 0, digit < ranges.count, ranges[digit] >= 0 { return ranges[digit] }
        return defaultIndex >= 0 ? defaultIndex : nil
    }
}

/// One declared response.
struct ResponsePlan: Sendable {
    let statusKey: String
    let site: SpecSite
    let headers: [HeaderCheck]
    let contentSite: SpecSite
    let matcher: MediaTypeMatcher?
    let media: [BodyMediaPlan]
    /// The declared media types, parsed, for `Accept` checks.
    let mediaTypes: [MediaType]
}

/// One declared response header.
struct HeaderCheck: Sendable {
    let name: String
    let decoder: ParameterDecoder
    let required: Bool
    let check: ParameterCheck
}
