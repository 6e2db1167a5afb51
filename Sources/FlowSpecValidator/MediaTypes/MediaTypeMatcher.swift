/// Chooses, among an operation's declared media-type keys, the one a request's `Content-Type` selects.
///
/// Build it once per operation from the keys of a `content` map, then call ``match(_:)-(String)`` for each
/// request. The most specific declaration wins:
///
/// 1. ``MediaTypeMatch/Kind/parameterised``: same type and subtype, and every parameter the declaration
///    names is present in the value with the same value (more parameters beat fewer);
/// 2. ``MediaTypeMatch/Kind/exact``: same type and subtype, declaration without parameters;
/// 3. ``MediaTypeMatch/Kind/subtypeWildcard``: `type/*`;
/// 4. ``MediaTypeMatch/Kind/fullWildcard``: `*/*`;
///
/// and among equals, the first declared. Rules, and why:
///
/// - Type and subtype compare case-insensitively (RFC 9110 §8.3.1), so
///   `Application/VND.pingidentity.session.reset+JSON` matches `application/vnd.pingidentity.session.reset+json`,
///   with ``MediaTypeMatch/caseDiffers`` set so that a strict mode can warn.
/// - Parameters in the value that the declaration does not name are ignored, `charset` included, so
///   `application/json; charset=utf-8` matches `application/json`. A declaration that names a parameter
///   (`application/json; charset=utf-8`) is a requirement: it matches only values that carry it, and a
///   value without it falls through to the next rule (usually no match). `charset` values compare
///   case-insensitively, others exactly.
/// - Two different subtypes never match: `application/json` does not match
///   `application/vnd.pingidentity.session.reset+json` and vice versa, and
///   `application/vnd.pingidentity.password.sendRecoveryCode` (no `+json`) is a different type from
///   `application/vnd.pingidentity.password.sendRecoveryCode+json`. A `+json` suffix says how the body is
///   encoded, not which type it is.
/// - A declared key that is not a valid media type never matches; it is listed in ``invalidKeys`` for a
///   linter to report.
public struct MediaTypeMatcher: Sendable {
    struct Entry: Sendable {
        let index: Int
        let key: String
        let mediaType: MediaType
    }

    /// The keys the matcher was built from, in order.
    public let declaredKeys: [String]
    /// The keys that are not valid media types, with the reason.
    public let invalidKeys: [MediaTypeParseError]
    let entries: [Entry]

    /// Builds a matcher from the keys of an OpenAPI `content` map, in declaration order.
    public init(declaredKeys: [String]) {
        self.declaredKeys = declaredKeys
        var entries: [Entry] = []
        var invalid: [MediaTypeParseError] = []
        for (index, key) in declaredKeys.enumerated() {
            do {
                entries.append(Entry(index: index, key: key, mediaType: try MediaType.parse(key)))
            } catch {
                invalid.append(error)
            }
        }
        self.entries = entries
        self.invalidKeys = invalid
    }

    /// Finds the declared key that a `Content-Type` header value selects.
    public func match(_ contentType: String) -> MediaTypeMatchResult {
        do {
            return match(try MediaType.parse(contentType))
        } catch {
            return .invalid(error, declared: declaredKeys)
        }
    }

    /// Finds the declared key that an already parsed media type selects.
    public func match(_ actual: MediaType) -> MediaTypeMatchResult {
        var best: (entry: Entry, kind: MediaTypeMatch.Kind, parameterCount: Int)?
        for entry in entries {
            guard let kind = Self.kind(of: entry.mediaType, matching: actual) else { continue }
            let count = entry.mediaType.parameters.count
            if let current = best {
                // Entries are in declaration order, so only a strictly better match replaces the current one.
                if kind > current.kind || (kind == current.kind && count <= current.parameterCount) { continue }
            }
            best = (entry, kind, count)
        }
        guard let best else { return .noMatch(actual: actual, declared: declaredKeys) }
        let declared = best.entry.mediaType
        let caseDiffers: Bool
        switch best.kind {
        case .parameterised, .exact: caseDiffers = declared.type != actual.type || declared.subtype != actual.subtype
        case .subtypeWildcard: caseDiffers = declared.type != actual.type
        case .fullWildcard: caseDiffers = false
        }
        return .matched(
            MediaTypeMatch(
                key: best.entry.key, keyIndex: best.entry.index, declared: declared, actual: actual, kind: best.kind,
                caseDiffers: caseDiffers))
    }

    /// How `declared` accepts `actual`, or `nil` when it does not.
    static func kind(of declared: MediaType, matching actual: MediaType) -> MediaTypeMatch.Kind? {
        let kind: MediaTypeMatch.Kind
        if declared.isWildcard {
            kind = .fullWildcard
        } else if declared.subtype == "*" {
            guard HTTPSyntax.equalsIgnoringCase(declared.type, actual.type) else { return nil }
            kind = .subtypeWildcard
        } else {
            guard declared.hasSameEssence(as: actual) else { return nil }
            kind = declared.parameters.isEmpty ? .exact : .parameterised
        }
        for parameter in declared.parameters where !actual.parameters.contains(where: { $0.matches(parameter) }) {
            return nil
        }
        return kind
    }
}
