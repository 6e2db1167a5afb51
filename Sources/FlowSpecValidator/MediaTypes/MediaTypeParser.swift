/// The RFC 9110 §8.3.1 media-type grammar, over UTF-8 bytes:
///
/// ```
/// media-type = type "/" subtype parameters
/// parameters = *( OWS ";" OWS [ parameter ] )
/// parameter  = parameter-name "=" ( token / quoted-string )
/// ```
///
/// The same parser reads `Accept` elements, where a `q` parameter is the weight (§12.4.2) and the
/// element ends at a `,` outside a quoted string.
struct MediaTypeParser {
    let input: String
    let bytes: [UInt8]
    var position: Int

    init(_ input: String) {
        self.input = input
        self.bytes = Array(input.utf8)
        self.position = 0
    }

    /// Parses all of `text` as one media type (`allowsQuality == false`) or one `Accept` element.
    static func parse(_ text: String, allowsQuality: Bool) throws(MediaTypeParseError) -> Element {
        var parser = MediaTypeParser(text)
        parser.skipWhitespace()
        let element = try parser.parseElement(allowsQuality: allowsQuality, stopsAtComma: false)
        return element
    }

    struct Element {
        var mediaType: MediaType
        /// The weight in thousandths (0...1000); `nil` when no `q` was given.
        var quality: Int?
    }

    var isAtEnd: Bool { position >= bytes.count }

    func error(_ kind: MediaTypeParseError.Kind, at offset: Int? = nil) -> MediaTypeParseError {
        MediaTypeParseError(input: input, offset: offset ?? position, kind: kind)
    }

    mutating func skipWhitespace() {
        while position < bytes.count, HTTPSyntax.isWhitespace(bytes[position]) { position += 1 }
    }

    mutating func token() -> String {
        let start = position
        let (end, text) = bytes.withUnsafeBufferPointer { buffer in
            var end = start
            while end < buffer.count, HTTPSyntax.isTokenCharacter(buffer[end]) { end += 1 }
            return (end, String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
        }
        position = end
        return text
    }

    /// Parses `type/subtype` and parameters, leaving ``position`` at the end, or at the `,` that ends
    /// an `Accept` element when `stopsAtComma`.
    mutating func parseElement(allowsQuality: Bool, stopsAtComma: Bool) throws(MediaTypeParseError) -> Element {
        guard !isAtEnd, !(stopsAtComma && bytes[position] == UInt8(ascii: ",")) else { throw error(.empty) }
        let type = token()
        if type.isEmpty {
            throw error(bytes[position] == UInt8(ascii: "/") ? .emptyType : .invalidTypeCharacter)
        }
        guard !isAtEnd, bytes[position] == UInt8(ascii: "/") else {
            if isAtEnd || HTTPSyntax.isWhitespace(bytes[position]) || bytes[position] == UInt8(ascii: ";")
                || bytes[position] == UInt8(ascii: ",")
            {
                throw error(.missingSlash(type: type))
            }
            throw error(.invalidTypeCharacter)
        }
        position += 1
        let subtype = token()
        if subtype.isEmpty {
            if isAtEnd || HTTPSyntax.isWhitespace(bytes[position]) || bytes[position] == UInt8(ascii: ";")
                || bytes[position] == UInt8(ascii: ",")
            {
                throw error(.emptySubtype)
            }
            throw error(.invalidSubtypeCharacter)
        }
        if !isAtEnd, !HTTPSyntax.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ";"),
            !(stopsAtComma && bytes[position] == UInt8(ascii: ","))
        {
            throw error(.invalidSubtypeCharacter)
        }

        var parameters: [MediaType.Parameter] = []
        var quality: Int?
        while true {
            skipWhitespace()
            if isAtEnd || (stopsAtComma && bytes[position] == UInt8(ascii: ",")) { break }
            guard bytes[position] == UInt8(ascii: ";") else { throw error(.expectedSemicolon) }
            position += 1
            skipWhitespace()
            if isAtEnd || bytes[position] == UInt8(ascii: ";") || (stopsAtComma && bytes[position] == UInt8(ascii: ","))
            {
                continue  // An empty parameter, which the grammar allows.
            }
            let nameStart = position
            let name = token()
            if name.isEmpty { throw error(.invalidParameterName) }
            guard !isAtEnd, bytes[position] == UInt8(ascii: "=") else {
                if !isAtEnd, HTTPSyntax.isWhitespace(bytes[position]) {
                    var probe = position
                    while probe < bytes.count, HTTPSyntax.isWhitespace(bytes[probe]) { probe += 1 }
                    if probe < bytes.count, bytes[probe] == UInt8(ascii: "=") {
                        throw error(.whitespaceAroundEquals(name: name))
                    }
                }
                throw error(.missingEquals(name: name))
            }
            position += 1
            let value = try parameterValue(name: name)
            if allowsQuality, quality == nil, HTTPSyntax.equalsIgnoringCase(name, "q") {
                guard let weight = Self.quality(value) else { throw error(.invalidQuality, at: nameStart) }
                quality = weight
                continue
            }
            if quality != nil { continue }  // Accept extension parameters after the weight are ignored.
            if parameters.contains(where: { HTTPSyntax.equalsIgnoringCase($0.name, name) }) {
                throw error(.duplicateParameter(name: name), at: nameStart)
            }
            parameters.append(MediaType.Parameter(name: name, value: value))
        }
        return Element(mediaType: MediaType(type: type, subtype: subtype, parameters: parameters), quality: quality)
    }

    mutating func parameterValue(name: String) throws(MediaTypeParseError) -> String {
        if isAtEnd { throw error(.emptyValue(name: name)) }
        if HTTPSyntax.isWhitespace(bytes[position]) { throw error(.whitespaceAroundEquals(name: name)) }
        if bytes[position] != UInt8(ascii: "\"") {
            let value = token()
            if value.isEmpty {
                if bytes[position] == UInt8(ascii: ";") || bytes[position] == UInt8(ascii: ",") {
                    throw error(.emptyValue(name: name))
                }
                throw error(.invalidValueCharacter(name: name))
            }
            if !isAtEnd, !HTTPSyntax.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ";"),
                bytes[position] != UInt8(ascii: ",")
            {
                throw error(.invalidValueCharacter(name: name))
            }
            return value
        }
        // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
        let open = position
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { throw error(.unterminatedQuotedString(name: name), at: open) }
                let escaped = bytes[position + 1]
                guard Self.isQuotedPairCharacter(escaped) else {
                    throw error(.invalidQuotedCharacter(name: name), at: position + 1)
                }
                value.append(escaped)
                position += 2
            default:
                guard Self.isQuotedTextCharacter(byte) else { throw error(.invalidQuotedCharacter(name: name)) }
                value.append(byte)
                position += 1
            }
        }
        throw error(.unterminatedQuotedString(name: name), at: open)
    }

    /// `qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text`
    static func isQuotedTextCharacter(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x20 || byte == 0x21 || (0x23...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
            || byte >= 0x80
    }

    /// `quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )`
    static func isQuotedPairCharacter(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x20 || (0x21...0x7E).contains(byte) || byte >= 0x80
    }

    /// RFC 9110 §12.4.2 `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
    static func quality(_ text: String) -> Int? {
        let digits = Array(text.utf8)
        guard let first = digits.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var result = Int(first - UInt8(ascii: "0")) * 1000
        guard digits.count > 1 else { return result }
        guard digits[1] == UInt8(ascii: "."), digits.count <= 5 else { return nil }
        var scale = 100
        for digit in digits.dropFirst(2) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            result += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return result <= 1000 ? result : nil
    }
}
