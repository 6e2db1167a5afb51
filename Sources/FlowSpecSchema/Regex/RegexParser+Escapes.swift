/// Escapes and character classes.
extension RegexParser {
    /// What one class atom denotes: a single code point (usable as a range bound) or a set such as `\d`.
    enum ClassAtom {
        case codePoint(UInt32)
        case set(CharSet)
    }

    /// Parses `\...` outside a class (`\b` and `\B` are handled as assertions before this).
    mutating func parseAtomEscape() throws(ECMARegexError) -> RegexNode {
        let start = position
        position += 1
        guard let scalar = peek() else { throw ECMARegexError(.trailingBackslash, at: start) }
        switch scalar {
        case "1"..."9":
            var number = 0
            while let digit = peek(), isDecimalDigit(digit) {
                number = min(number * 10 + Int(digit.value - 0x30), Int(Int32.max))
                position += 1
            }
            noteBackreference(.number(number), offset: start)
            return .backreference(.number(number))
        case "k":
            position += 1
            guard eat("<") else { throw ECMARegexError(.invalidGroupName, at: start) }
            let name = try parseGroupName()
            noteBackreference(.name(name), offset: start)
            return .backreference(.name(name))
        default:
            switch try parseEscapeBody(escapeStart: start, inClass: false) {
            case .codePoint(let codePoint): return .character(codePoint)
            case .set(let set): return .set(set)
            }
        }
    }

    /// Parses `[...]` or `[^...]`.
    mutating func parseClass() throws(ECMARegexError) -> CharSet {
        let open = position
        position += 1
        let negated = eat("^")
        var ranges: [ClosedRange<UInt32>] = []
        var sets: [CharSet] = []
        while true {
            guard let scalar = peek() else { throw ECMARegexError(.unterminatedClass, at: open) }
            if scalar == "]" {
                position += 1
                break
            }
            let atomStart = position
            let first = try parseClassAtom(open: open)
            // A '-' is a range operator unless it is the class's last character.
            if peek() == "-", let after = peek(1), after != "]" {
                position += 1
                let second = try parseClassAtom(open: open)
                guard case .codePoint(let low) = first, case .codePoint(let high) = second else {
                    throw ECMARegexError(.classEscapeInRange, at: atomStart)
                }
                guard low <= high else {
                    throw ECMARegexError(.classRangeOutOfOrder(display(low), display(high)), at: atomStart)
                }
                ranges.append(low...high)
                continue
            }
            switch first {
            case .codePoint(let codePoint): ranges.append(codePoint...codePoint)
            case .set(let set): sets.append(set)
            }
        }
        sets.append(CharSet(ranges: ranges))
        return CharSet.union(sets, negated: negated)
    }

    private mutating func parseClassAtom(open: Int) throws(ECMARegexError) -> ClassAtom {
        guard let scalar = peek() else { throw ECMARegexError(.unterminatedClass, at: open) }
        guard scalar == "\\" else {
            position += 1
            return .codePoint(scalar.value)
        }
        let start = position
        position += 1
        guard let escaped = peek() else { throw ECMARegexError(.unterminatedClass, at: open) }
        switch escaped {
        case "b":
            position += 1
            return .codePoint(0x08)
        case "-":
            position += 1
            return .codePoint(0x2D)
        case "1"..."9":
            throw ECMARegexError(.octalEscape, at: start)
        default:
            return try parseEscapeBody(escapeStart: start, inClass: true)
        }
    }

    /// Parses the part of an escape after the backslash that classes and atoms share: character escapes and class
    /// escapes (`\d`, `\p{...}`, ...). `position` is at the character after the backslash.
    private mutating func parseEscapeBody(escapeStart: Int, inClass: Bool) throws(ECMARegexError) -> ClassAtom {
        guard let scalar = peek() else { throw ECMARegexError(.trailingBackslash, at: escapeStart) }
        position += 1
        switch scalar {
        case "d": return .set(UnicodeClasses.digit)
        case "D": return .set(UnicodeClasses.digit.inverted)
        case "w": return .set(UnicodeClasses.word)
        case "W": return .set(UnicodeClasses.word.inverted)
        case "s": return .set(UnicodeClasses.whitespace)
        case "S": return .set(UnicodeClasses.whitespace.inverted)
        case "p", "P": return .set(try parsePropertyEscape(escapeStart: escapeStart, negated: scalar == "P"))
        case "f": return .codePoint(0x0C)
        case "n": return .codePoint(0x0A)
        case "r": return .codePoint(0x0D)
        case "t": return .codePoint(0x09)
        case "v": return .codePoint(0x0B)
        case "c":
            guard let letter = peek(), ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else {
                throw ECMARegexError(.invalidControlEscape, at: escapeStart)
            }
            position += 1
            return .codePoint(letter.value % 32)
        case "0":
            if let next = peek(), isDecimalDigit(next) { throw ECMARegexError(.octalEscape, at: escapeStart) }
            return .codePoint(0)
        case "x":
            guard let high = peek().flatMap(hexValue), let low = peek(1).flatMap(hexValue) else {
                throw ECMARegexError(.invalidHexEscape, at: escapeStart)
            }
            position += 2
            return .codePoint(high << 4 | low)
        case "u":
            return .codePoint(try parseUnicodeEscapeBody(escapeStart: escapeStart))
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return .codePoint(scalar.value)
        default:
            throw ECMARegexError(.invalidIdentityEscape(Character(scalar)), at: escapeStart)
        }
    }

    /// Parses what follows `\u`: `XXXX`, a `\uXXXX\uXXXX` surrogate pair, or `{X...}`. `position` is after the `u`.
    mutating func parseUnicodeEscapeBody(escapeStart: Int) throws(ECMARegexError) -> UInt32 {
        if eat("{") {
            var value: UInt32 = 0
            var digits = String.UnicodeScalarView()
            while let scalar = peek(), let digit = hexValue(scalar) {
                digits.append(scalar)
                value = min(value &* 16 &+ digit, 0x11_0000)
                position += 1
            }
            guard !digits.isEmpty, eat("}") else { throw ECMARegexError(.invalidUnicodeEscape, at: escapeStart) }
            guard value <= 0x10FFFF else {
                throw ECMARegexError(.codePointOutOfRange(String(digits)), at: escapeStart)
            }
            return value
        }
        guard let lead = fourHexDigits(at: position) else {
            throw ECMARegexError(.invalidUnicodeEscape, at: escapeStart)
        }
        position += 4
        // A surrogate pair written as two escapes denotes one code point in Unicode mode.
        if (0xD800...0xDBFF).contains(lead), peek() == "\\", peek(1) == "u",
            let trail = fourHexDigits(at: position + 2), (0xDC00...0xDFFF).contains(trail)
        {
            position += 6
            return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
        }
        return lead
    }

    private mutating func parsePropertyEscape(escapeStart: Int, negated: Bool) throws(ECMARegexError) -> CharSet {
        guard eat("{") else { throw ECMARegexError(.invalidPropertySyntax, at: escapeStart) }
        var text = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "}" {
            let isNameCharacter =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isDecimalDigit(scalar)
                || scalar == "_" || scalar == "="
            guard isNameCharacter else { throw ECMARegexError(.invalidPropertySyntax, at: escapeStart) }
            text.append(scalar)
            position += 1
        }
        guard eat("}"), !text.isEmpty else { throw ECMARegexError(.invalidPropertySyntax, at: escapeStart) }
        do {
            return try UnicodeProperty.set(for: String(text), negated: negated)
        } catch {
            throw ECMARegexError(error, at: escapeStart)
        }
    }

    private func fourHexDigits(at index: Int) -> UInt32? {
        guard index + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let scalar = Unicode.Scalar(scalars[index + offset]), let digit = hexValue(scalar) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// A code point as it would be written in a pattern, for messages.
    private func display(_ codePoint: UInt32) -> String {
        guard let scalar = Unicode.Scalar(codePoint), !scalar.properties.isWhitespace,
            scalar.properties.generalCategory != .control
        else { return "\\u{\(String(codePoint, radix: 16, uppercase: true))}" }
        return String(Character(scalar))
    }
}
