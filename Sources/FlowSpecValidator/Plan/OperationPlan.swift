import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

/// Everything needed to check one operation's requests and responses, built once.
///
/// The plan's types are classes so that a check reaches them through one reference: as structs,
/// every `plan.operations[index]` copied them, retaining and releasing each of their strings and
/// arrays (about a tenth of an exchange's instructions went to that reference counting).
final class OperationPlan: Sendable {
    let matched: MatchedOperation
    let site: SpecSite
    let parameters: ParameterPlanSet
    let requestBody: RequestBodyPlan?
    let responses: ResponsesPlan

    init(
        matched: MatchedOperation, site: SpecSite, parameters: ParameterPlanSet, requestBody: RequestBodyPlan?,
        responses: ResponsesPlan
    ) {
        self.matched = matched
        self.site = site
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
    }
}

/// An operation's parameters: a decoder per usable parameter and, at the same positions, the
/// compiled schemas and spec sites.
final class ParameterPlanSet: Sendable {
    let decoder: ParameterSetDecoder
    /// Each decoder with its check, behind one reference each, for the loop over them.
    let entries: [ParameterEntry]
    /// Aligned with `decoder.decoders`.
    let checks: [ParameterCheck]
    /// Declared names per location, for strict mode (header names lower-cased).
    let queryNames: Set<String>
    let headerNames: Set<String>
    let cookieNames: Set<String>
    /// Whether any parameter reads the query, headers or cookies (so their parsing can be skipped).
    let readsQuery: Bool
    let readsCookies: Bool
    /// Whether every path parameter is a `simple` primitive, whose value is the router's segment as
    /// it is: then a request's path values are checked where they lie in its target.
    let pathValuesInPlace: Bool
    /// How a request whose parameters are all usual is checked on its bytes (see
    /// ``FastParameterPlan``); `nil` when some parameter needs the decoders.
    let fast: FastParameterPlan?

    /// `pathCaptures` are the template's variables in the order a route reports them in place (the
    /// first variable of each non-literal segment).
    init(
        decoder: ParameterSetDecoder, checks: [ParameterCheck], queryNames: Set<String>, headerNames: Set<String>,
        cookieNames: Set<String>, readsQuery: Bool, readsCookies: Bool, pathCaptures: [String] = []
    ) {
        self.decoder = decoder
        self.checks = checks
        entries = zip(decoder.decoders, checks).map { ParameterEntry(decoder: $0, check: $1) }
        self.queryNames = queryNames
        self.headerNames = headerNames
        self.cookieNames = cookieNames
        self.readsQuery = readsQuery
        self.readsCookies = readsCookies
        pathValuesInPlace = zip(decoder.decoders, checks).allSatisfy {
            $0.definition.location != .path || $1.pathPrimitive != nil
        }
        fast =
            pathValuesInPlace && decoder.definitionErrors.isEmpty
            ? FastParameterPlan(entries: entries, pathCaptures: pathCaptures) : nil
    }
}

/// A usable parameter: how to decode it and how to check its value.
final class ParameterEntry: Sendable {
    let decoder: ParameterDecoder
    let check: ParameterCheck

    init(decoder: ParameterDecoder, check: ParameterCheck) {
        self.decoder = decoder
        self.check = check
    }
}

/// How to check one decoded parameter value.
final class ParameterCheck: Sendable {
    let site: SpecSite
    /// The schema's slot in ``ValidationPlan/schemas`` (for a `content` parameter, its media type's
    /// schema); -1 when there is none.
    let schema: Int
    /// For a `content` parameter with a JSON media type: the value is JSON text to parse first.
    let contentIsJSON: Bool
    let instanceLocation: String
    /// For a `simple` primitive path parameter: its type. Its value is then the router's
    /// percent-decoded segment, exactly what the decoder would compute, without the decoder's copies.
    let pathPrimitive: PrimitiveType?
    /// What a valid value of a simple schema looks like, checked on its bytes before the compiled
    /// schema is asked (see ``ScalarCheck``); `nil` for other schemas.
    let scalar: ScalarCheck?

    init(
        site: SpecSite, schema: Int, contentIsJSON: Bool, instanceLocation: String, pathPrimitive: PrimitiveType? = nil,
        scalar: ScalarCheck? = nil
    ) {
        self.site = site
        self.schema = schema
        self.contentIsJSON = contentIsJSON
        self.instanceLocation = instanceLocation
        self.pathPrimitive = pathPrimitive
        self.scalar = scalar
    }
}

/// The request body of an operation.
///
/// `media` changes only while the plan is built (``PlanBuilder`` marks the media types that accept
/// an empty body once the schemas are compiled); once built, the plan is shared read-only.
final class RequestBodyPlan: @unchecked Sendable {
    let required: Bool
    let site: SpecSite
    let matcher: MediaTypeMatcher
    /// Aligned with the declared keys (``MediaTypeMatch/keyIndex``).
    var media: [BodyMediaPlan]

    init(required: Bool, site: SpecSite, matcher: MediaTypeMatcher, media: [BodyMediaPlan]) {
        self.required = required
        self.site = site
        self.matcher = matcher
        self.media = media
    }
}

/// One declared media type of a body.
///
/// A class, so that a check reaches it through one reference (as a struct, picking it out of the
/// plan copied its key, decoder and site, retaining and releasing each). `acceptsEmpty` changes only
/// while the plan is built (see ``RequestBodyPlan``).
final class BodyMediaPlan: @unchecked Sendable {
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

    init(key: String, kind: Kind, schema: Int, site: SpecSite, acceptsEmpty: Bool, properties: Int) {
        self.key = key
        self.kind = kind
        self.schema = schema
        self.site = site
        self.acceptsEmpty = acceptsEmpty
        self.properties = properties
    }
}

/// An operation's responses, with the status lookups resolved.
final class ResponsesPlan: Sendable {
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

    init(
        site: SpecSite, responses: [ResponsePlan], exact: [(code: Int, index: Int)], ranges: [Int], defaultIndex: Int,
        declaredKeys: [String]
    ) {
        self.site = site
        self.responses = responses
        self.exact = exact
        self.ranges = ranges
        self.defaultIndex = defaultIndex
        self.declaredKeys = declaredKeys
    }

    func lookup(_ status: Int) -> Int? {
        for entry in exact where entry.code == status { return entry.index }
        let digit = status / 100
        if digit >= 0, digit < ranges.count, ranges[digit] >= 0 { return ranges[digit] }
        return defaultIndex >= 0 ? defaultIndex : nil
    }
}

/// One declared response.
final class ResponsePlan: Sendable {
    let statusKey: String
    let site: SpecSite
    let headers: [HeaderCheck]
    let contentSite: SpecSite
    let matcher: MediaTypeMatcher?
    let media: [BodyMediaPlan]
    /// The declared media types, parsed, for `Accept` checks.
    let mediaTypes: [MediaType]
    /// Per declared key (aligned with the matcher's keys): whether it is a plain `type/subtype`,
    /// with no parameters and no wildcard. An `Accept` of exactly such a key's text then accepts a
    /// `Content-Type` of exactly that text, as ``AcceptHeader/plainRangeAccepts(_:contentType:)``
    /// would find on parsing both.
    let plainKeys: [Bool]

    init(
        statusKey: String, site: SpecSite, headers: [HeaderCheck], contentSite: SpecSite, matcher: MediaTypeMatcher?,
        media: [BodyMediaPlan], mediaTypes: [MediaType]
    ) {
        self.statusKey = statusKey
        self.site = site
        self.headers = headers
        self.contentSite = contentSite
        self.matcher = matcher
        self.media = media
        self.mediaTypes = mediaTypes
        plainKeys = (matcher?.declaredKeys ?? []).map(Self.isPlainRange)
    }

    static func isPlainRange(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { bytes in
            guard let (type, subtype, end) = HTTPSyntax.mediaTypeEssence(bytes), end == bytes.count else {
                return false
            }
            return bytes[type.lowerBound] != UInt8(ascii: "*") && bytes[subtype.lowerBound] != UInt8(ascii: "*")
        }
    }
}

/// One declared response header.
struct HeaderCheck: Sendable {
    let name: String
    let decoder: ParameterDecoder
    let required: Bool
    let check: ParameterCheck
}
