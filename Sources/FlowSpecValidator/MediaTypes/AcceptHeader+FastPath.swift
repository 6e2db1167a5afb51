extension AcceptHeader {
    /// Whether an `Accept` value made of one plain range (`type/subtype` or `type/*`, no parameters,
    /// no list) accepts a `Content-Type` whose `type/subtype` it names; decided on the bytes without
    /// parsing either value.
    ///
    /// Returns `true` only when the full check (``init(lenientlyParsingFields:skipped:)`` and
    /// ``accepts(_:)``) would accept too: one range with the default weight that matches the media
    /// type. Anything else (several ranges, parameters, weights, quoted text, a range that does not
    /// match) returns `false`, and the caller runs the full check, so verdicts never change.
    static func plainRangeAccepts(_ accept: String, contentType: String) -> Bool {
        // The bytes in place (`var` copies for `withUTF8` retained and released both texts); text
        // without contiguous UTF-8 is made contiguous first.
        let answer = accept.utf8.withContiguousStorageIfAvailable { range in
            contentType.utf8.withContiguousStorageIfAvailable { media in
                plainRangeAccepts(range: range, media: media)
            }
        }
        if let answer, let answer { return answer }
        var accept = accept
        var contentType = contentType
        return accept.withUTF8 { range in contentType.withUTF8 { media in plainRangeAccepts(range: range, media: media) } }
    }

    private static func plainRangeAccepts(range: UnsafeBufferPointer<UInt8>, media: UnsafeBufferPointer<UInt8>) -> Bool {
        if HTTPSyntax.equalsIgnoringCase(range, media) {
            // The same text but for case (`application/json` both ways, most of the time):
            // both parse alike, so one parse answers what the general path below answers.
            guard let (type, subtype, end) = HTTPSyntax.mediaTypeEssence(range), end == range.count else {
                return false
            }
            let anySubtype = subtype.count == 1 && range[subtype.lowerBound] == UInt8(ascii: "*")
            if type.count == 1 && range[type.lowerBound] == UInt8(ascii: "*") { return anySubtype }
            return range[type.lowerBound] != UInt8(ascii: "*") && range[subtype.lowerBound] != UInt8(ascii: "*")
        }
        guard let (rangeType, rangeSubtype, rangeEnd) = HTTPSyntax.mediaTypeEssence(range), rangeEnd == range.count,
            let (mediaType, mediaSubtype, mediaEnd) = HTTPSyntax.mediaTypeEssence(media),
            mediaEnd == media.count || media[mediaEnd] == UInt8(ascii: ";")
        else { return false }
        let anySubtype = rangeSubtype.count == 1 && range[rangeSubtype.lowerBound] == UInt8(ascii: "*")
        let anyType = rangeType.count == 1 && range[rangeType.lowerBound] == UInt8(ascii: "*")
        if anyType { return anySubtype }
        // A wildcard in the content type is no media type: let the full check decide.
        if media[mediaType.lowerBound] == UInt8(ascii: "*")
            || media[mediaSubtype.lowerBound] == UInt8(ascii: "*")
        {
            return false
        }
        guard equalsIgnoringCase(range, rangeType, media, mediaType) else { return false }
        return anySubtype || equalsIgnoringCase(range, rangeSubtype, media, mediaSubtype)
    }

    private static func equalsIgnoringCase(
        _ lhs: UnsafeBufferPointer<UInt8>, _ left: Range<Int>, _ rhs: UnsafeBufferPointer<UInt8>, _ right: Range<Int>
    ) -> Bool {
        guard left.count == right.count else { return false }
        return HTTPSyntax.equalsIgnoringCase(UnsafeBufferPointer(rebasing: lhs[left]), UnsafeBufferPointer(rebasing: rhs[right]))
    }
}
