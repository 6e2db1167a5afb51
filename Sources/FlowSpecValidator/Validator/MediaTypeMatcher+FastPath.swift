extension MediaTypeMatcher {
    /// The position (in ``declaredKeys``) of the key a plain `Content-Type` selects, found on its bytes
    /// without allocating; `nil` when the full parser and matcher must decide.
    ///
    /// Handles the values that make up almost all traffic: `type/subtype` with at most one
    /// `name=token` parameter (`; charset=UTF-8`), selecting a declared `type/subtype` key that names
    /// no parameters. Anything else (quoted values, several parameters, keys with parameters or
    /// wildcards, no match, invalid syntax) returns `nil`, and ``match(_:)-(String)`` gives the same
    /// answer it always does. So the fast path never changes a verdict, only its cost.
    func fastMatch(_ contentType: String) -> Int? {
        // The bytes in place (a `var` copy for `withUTF8` retained and released the text); the
        // rare text without contiguous UTF-8 is made contiguous first.
        guard let found = contentType.utf8.withContiguousStorageIfAvailable({ fastMatch(bytes: $0) }) else {
            var text = contentType
            return text.withUTF8 { fastMatch(bytes: $0) }
        }
        return found
    }

    private func fastMatch(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // The text of a plain declaration but for case: what the parse and loop below find. Read
        // through the buffer (iterating the array retained and released each essence).
        let plain = plainEssences.withUnsafeBufferPointer { plain -> Int? in
            var k = 0
            while k < plain.count {
                if plain[k].essence.count == bytes.count
                    && plain[k].essence.withUnsafeBufferPointer({ HTTPSyntax.equalsIgnoringCase($0, bytes) })
                {
                    return plain[k].index
                }
                k &+= 1
            }
            return nil
        }
        if let plain { return plain }
        guard let (typeRange, subtypeRange, end) = HTTPSyntax.mediaTypeEssence(bytes) else { return nil }
        let count = bytes.count
        var index = end
        if index < count {
            // One `; name=token` parameter, nothing else.
            guard bytes[index] == UInt8(ascii: ";") else { return nil }
            index += 1
            while index < count, HTTPSyntax.isWhitespace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < count, HTTPSyntax.isTokenCharacter(bytes[index]) { index += 1 }
            guard index > nameStart, index < count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            let valueStart = index
            while index < count, HTTPSyntax.isTokenCharacter(bytes[index]) { index += 1 }
            guard index > valueStart else { return nil }
            while index < count, HTTPSyntax.isWhitespace(bytes[index]) { index += 1 }
            guard index == count else { return nil }
        }
        let type = UnsafeBufferPointer(rebasing: bytes[typeRange])
        let subtype = UnsafeBufferPointer(rebasing: bytes[subtypeRange])
        if type.count == 1 && type[0] == UInt8(ascii: "*") || subtype.count == 1 && subtype[0] == UInt8(ascii: "*")
        {
            return nil
        }
        var found: Int?
        for entry in entries.indices where entries[entry].rangeKind == nil {
            guard Self.equalsLowercased(entries[entry].subtype, subtype),
                Self.equalsLowercased(entries[entry].type, type)
            else { continue }
            // A declaration with parameters may be the stronger match: let the matcher decide.
            if !entries[entry].mediaType.parameters.isEmpty { return nil }
            if found == nil { found = entries[entry].index }
        }
        return found
    }
}
