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
        /// The kind of match this entry gives when it matches at all.
        let rangeKind: MediaTypeMatch.Kind?
        /// Lower-case UTF-8 of the type and subtype, compared with the request's without allocating.
        let type: [UInt8]
        let subtype: [UInt8]
    }

    /// The keys the matcher was built from, in order.
    public let declaredKeys: [String]
    /// The keys that are not valid media types, with the reason.
    public let invalidKeys: [MediaTypeParseError]
    /// The valid declarations, strongest kind first (`type/subtype`, then `type/*`, then `*/*`), each
    /// group in declaration order.
    let entries: [Entry]
    /// `type/subtype` (lower case) of the declarations that a `Content-Type` of exactly that text
    /// selects on the fast path: no parameters, no wildcard, and no other declaration of the same
    /// type and subtype before it or with parameters. See ``fastMatch(_:)``.
    let plainEssences: [(essence: [UInt8], index: Int)]

    /// Builds a matcher from the keys of an OpenAPI `content` map, in declaration order.
    public init(declaredKeys: [String]) {
        self.declaredKeys = declaredKeys
        var entries: [Entry] = []
        var invalid: [MediaTypeParseError] = []
        for (index, key) in declaredKeys.enumerated() {
            do {
                let mediaType = try MediaType.parse(key)
                let rangeKind: MediaTypeMatch.Kind? =
                    mediaType.isWildcard ? .fullWildcard : (mediaType.subtype == "*" ? .subtypeWildcard : nil)
                entries.append(
                    Entry(
                        index: index, key: key, mediaType: mediaType, rangeKind: rangeKind,
                        type: mediaType.type.utf8.map(HTTPSyntax.lowercased),
                        subtype: mediaType.subtype.utf8.map(HTTPSyntax.lowercased)))
            } catch {
                invalid.append(error)
            }
        }
        func order(_ entry: Entry) -> Int { entry.rangeKind?.rawValue ?? 0 }
        self.entries = entries.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }
            .map(\.element)
        self.invalidKeys = invalid
        var plain: [(essence: [UInt8], index: Int)] = []
        let exact = self.entries.filter { $0.rangeKind == nil }
        for (position, entry) in exact.enumerated()
        where entry.mediaType.parameters.isEmpty && entry.type != [UInt8(ascii: "*")]
            && entry.subtype != [UInt8(ascii: "*")]
        {
            let same = exact.enumerated().filter { $0.element.type == entry.type && $0.element.subtype == entry.subtype }
            guard same.first?.offset == position, same.allSatisfy({ $0.element.mediaType.parameters.isEmpty }) else {
                continue
            }
            plain.append((entry.type + [UInt8(ascii: "/")] + entry.subtype, entry.index))
        }
        self.plainEssences = plain
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
        var actualType = actual.type
        var actualSubtype = actual.subtype
        // Indices rather than entries in the loop: copying an entry costs a retain per field.
        let found: (index: Int, kind: MediaTypeMatch.Kind)? = actualType.withUTF8 { type in
            actualSubtype.withUTF8 { subtype in
                var bestIndex = -1
                var bestKind = MediaTypeMatch.Kind.fullWildcard
                var bestCount = 0
                for index in entries.indices {
                    let kind: MediaTypeMatch.Kind
                    if let rangeKind = entries[index].rangeKind {
                        // Entries are sorted by kind: once something matched, weaker kinds cannot win.
                        if bestIndex >= 0 { break }
                        if rangeKind == .subtypeWildcard, !Self.equalsLowercased(entries[index].type, type) { continue }
                        kind = rangeKind
                    } else {
                        guard Self.equalsLowercased(entries[index].subtype, subtype),
                            Self.equalsLowercased(entries[index].type, type)
                        else { continue }
                        kind = entries[index].mediaType.parameters.isEmpty ? .exact : .parameterised
                    }
                    let count = entries[index].mediaType.parameters.count
                    // Within a kind, entries are in declaration order: only a strictly better match replaces.
                    if bestIndex >= 0, kind > bestKind || (kind == bestKind && count <= bestCount) { continue }
                    guard count == 0 || Self.parametersMatch(entries[index].mediaType, actual) else { continue }
                    bestIndex = index
                    bestKind = kind
                    bestCount = count
                }
                return bestIndex >= 0 ? (bestIndex, bestKind) : nil
            }
        }
        guard let found else { return .noMatch(actual: actual, declared: declaredKeys) }
        let entry = entries[found.index]
        let declared = entry.mediaType
        let caseDiffers: Bool
        switch found.kind {
        case .parameterised, .exact: caseDiffers = declared.type != actual.type || declared.subtype != actual.subtype
        case .subtypeWildcard: caseDiffers = declared.type != actual.type
        case .fullWildcard: caseDiffers = false
        }
        return .matched(
            MediaTypeMatch(
                key: entry.key, keyIndex: entry.index, declared: declared, actual: actual, kind: found.kind,
                caseDiffers: caseDiffers))
    }

    /// Whether `text`, lower-cased, equals `lowercased`.
    static func equalsLowercased(_ lowercased: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lowercased.count == text.count else { return false }
        // Lower-casing is idempotent, so a case-insensitive comparison gives the same answer.
        return lowercased.withUnsafeBufferPointer { HTTPSyntax.equalsIgnoringCase($0, text) }
    }

    /// Whether every parameter `declared` names is in `actual` with the same value.
    static func parametersMatch(_ declared: MediaType, _ actual: MediaType) -> Bool {
        for parameter in declared.parameters where !actual.parameters.contains(where: { $0.matches(parameter) }) {
            return false
        }
        return true
    }
}
