/// A query string split into `name=value` items, in order, duplicates kept.
///
/// ```swift
/// let query = QueryString("id=1&id=2&&flag&=x&q=a%20b+c")
/// query.items.map(\.name)            // ["id", "id", "flag", "", "q"]
/// query.items[2].rawValue            // nil (no "=")
/// try query.items[4].decodedValue()  // "a b+c"
/// ```
///
/// Items are separated by `&` only; empty items (`&&`, a trailing `&`) are skipped. An item without `=`
/// has a `nil` raw value; an item that starts with `=` has an empty name. Names are percent-decoded
/// when the query is parsed (an undecodable name is kept as written, see ``Item/nameIsDecoded``);
/// values are decoded on demand, because some styles split a value on raw delimiters first.
///
/// `+`: OpenAPI says query parameters use RFC 3986 percent-encoding, where `+` is a literal plus, so by
/// default `+` stays `+` (a `+` in `?email=a+b@example.com` is part of the address). Pass
/// `plusAsSpace: true` for `application/x-www-form-urlencoded` text, where `+` is a space.
public struct QueryString: Sendable, Hashable {
    /// One `name=value` item.
    public struct Item: Sendable, Hashable {
        /// The name as written.
        public let rawName: Substring
        /// The value as written, `nil` when the item has no `=`.
        public let rawValue: Substring?
        /// The decoded name, or ``rawName`` when it cannot be decoded.
        public let name: String
        /// Whether ``name`` was decoded (false when ``rawName`` has a malformed escape).
        public let nameIsDecoded: Bool
        let plusAsSpace: Bool

        /// The item written as `rawName`, `=` and `rawValue`, its name decoded.
        init(rawName: Substring, rawValue: Substring?, plusAsSpace: Bool) {
            let decoded = try? PercentDecoding.decode(rawName, plusAsSpace: plusAsSpace)
            self.rawName = rawName
            self.rawValue = rawValue
            self.name = decoded ?? String(rawName)
            self.nameIsDecoded = decoded != nil
            self.plusAsSpace = plusAsSpace
        }

        /// The decoded value; the empty string for an item without `=`.
        public func decodedValue() throws(PercentDecodingError) -> String {
            guard let rawValue else { return "" }
            do {
                return try PercentDecoding.decode(rawValue, plusAsSpace: plusAsSpace)
            } catch {
                throw PercentDecodingError(text: String(rawValue), failure: error)
            }
        }
    }

    /// The items, in order.
    public let items: [Item]
    /// Whether `+` means a space.
    public let plusAsSpace: Bool

    /// Parses a query string (without the `?`; a leading `?` is skipped).
    public init(_ query: String = "", plusAsSpace: Bool = false) {
        self.plusAsSpace = plusAsSpace
        var text = Substring(query)
        if text.utf8.first == UInt8(ascii: "?") && text.first == "?" { text = text.dropFirst() }
        if let items = Self.asciiItems(text, plusAsSpace: plusAsSpace) {
            self.items = items
            return
        }
        var items: [Item] = []
        // Splitting on bytes finds the same pieces as splitting on characters when the text is ASCII
        // (no `&` can then start a multi-scalar character), at a fraction of the cost.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let pieces = isASCII ? Self.asciiPieces(text) : text.split(separator: "&", omittingEmptySubsequences: true)
        for piece in pieces {
            let name: Substring
            let value: Substring?
            if let equals = isASCII ? piece.utf8.firstIndex(of: UInt8(ascii: "=")) : piece.firstIndex(of: "=") {
                name = piece[..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = nil
            }
            items.append(Item(rawName: name, rawValue: value, plusAsSpace: plusAsSpace))
        }
        self.items = items
    }

    /// The query of a request target (`/a/b?x=1` gives `x=1`); empty when there is none.
    public init(requestTarget: String) {
        // `?` is ASCII, so its first byte is where the first `?` character starts, and the bytes
        // after it are whole UTF-8 characters. Searching the contiguous bytes costs a fraction of
        // walking `String.UTF8View` indices.
        var target = requestTarget
        let query: String? = target.withUTF8 { bytes in
            guard let mark = bytes.firstIndex(of: UInt8(ascii: "?")) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(mark + 1)...]), as: UTF8.self)
        }
        self.init(query ?? "")
    }

    /// The items of contiguous ASCII text, found by byte offsets (the same pieces as the general
    /// path, which walks `Substring.UTF8View` indices); `nil` for other text.
    static func asciiItems(_ text: Substring, plusAsSpace: Bool) -> [Item]? {
        let utf8 = text.utf8
        let found: [Item]?? = utf8.withContiguousStorageIfAvailable { bytes -> [Item]? in
            for byte in bytes where byte >= 0x80 { return nil }
            var items: [Item] = []
            // ASCII: byte offsets are character boundaries, and UTF-8 view offsets are O(1).
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            var start = 0
            while start < bytes.count {
                var end = start
                var equals = -1
                while end < bytes.count && bytes[end] != UInt8(ascii: "&") {
                    if equals < 0 && bytes[end] == UInt8(ascii: "=") { equals = end }
                    end += 1
                }
                if end > start {
                    let name: Substring
                    let value: Substring?
                    if equals >= 0 {
                        name = text[index(start)..<index(equals)]
                        value = text[index(equals + 1)..<index(end)]
                    } else {
                        name = text[index(start)..<index(end)]
                        value = nil
                    }
                    items.append(Item(rawName: name, rawValue: value, plusAsSpace: plusAsSpace))
                }
                start = end + 1
            }
            return items
        }
        return found ?? nil
    }

    /// The non-empty `&`-separated pieces of ASCII text.
    static func asciiPieces(_ text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "&") {
                if index > start { pieces.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if index > start { pieces.append(text[start..<index]) }
        return pieces
    }

    /// The items whose decoded name is `name`, in order.
    public func items(named name: String) -> [Item] {
        items.filter { $0.name == name }
    }
}

/// Text whose percent-encoding is malformed or not UTF-8.
public struct PercentDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// Whether the problem is a malformed escape (otherwise the decoded bytes are not UTF-8).
    public let isMalformedEscape: Bool

    init(text: String, failure: PercentDecoding.Failure) {
        self.text = text
        if case .malformedEscape = failure { isMalformedEscape = true } else { isMalformedEscape = false }
    }

    public var description: String {
        isMalformedEscape
            ? "\"\(text)\" has a '%' that is not followed by two hexadecimal digits"
            : "\"\(text)\" has percent-escapes that do not decode to UTF-8 text"
    }
}
