/// Reads a media type or media range as a `content` key: `type/subtype` with RFC 6838 restricted names
/// (or `*` for a range), then `; name=value` parameters as RFC 9110 section 8.3.1 writes them.
struct MediaTypeSyntax: Sendable, Equatable {
    var type: String
    var subtype: String
    var parameters: [(name: String, value: String)]

    static func == (lhs: MediaTypeSyntax, rhs: MediaTypeSyntax) -> Bool {
        lhs.type == rhs.type && lhs.subtype == rhs.subtype
            && lhs.parameters.map { "\($0.name)=\($0.value)" } == rhs.parameters.map { "\($0.name)=\($0.value)" }
    }

    /// The essence in lower case (`application/vnd.pingidentity.session.reset+json`).
    var essence: String { "\(type)/\(subtype)".lowercased() }

    /// Whether the body is JSON: `application/json`, or any `+json` structured-syntax suffix.
    var isJSON: Bool {
        let essence = essence
        return essence == "application/json" || essence.hasSuffix("+json")
    }

    /// Parses each distinct key once: a large spec writes `application/json` thousands of times, and
    /// parsing it again each time was most of the media type rules' work.
    struct Cache {
        private var results: [String: Result<MediaTypeSyntax, MediaTypeError>] = [:]

        mutating func parse(_ text: String) -> Result<MediaTypeSyntax, MediaTypeError> {
            if let known = results[text] { return known }
            let result = MediaTypeSyntax.parse(text)
            results[text] = result
            return result
        }
    }

    /// Parses `text`, or says what is wrong with it.
    static func parse(_ text: String) -> Result<MediaTypeSyntax, MediaTypeError> {
        let pieces = text.split(separator: ";", omittingEmptySubsequences: false)
        let essence = pieces[0].trimming(" \t")
        let halves = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2 else {
            return .failure(
                MediaTypeError(
                    message: halves.count < 2
                        ? "`\(text)` is not a media type: it has no `/` between type and subtype"
                        : "`\(text)` is not a media type: it has more than one `/`",
                    hint: "write `type/subtype`, such as `application/json`"))
        }
        let type = String(halves[0])
        let subtype = String(halves[1])
        if type == "*" && subtype != "*" {
            return .failure(
                MediaTypeError(
                    message: "`\(text)` is not a media range: only `*/*` may have `*` as its type",
                    hint: "use `*/*`, or name the type, as in `application/\(subtype)`"))
        }
        for (name, part) in [("type", type), ("subtype", subtype)] where part != "*" {
            if let problem = restrictedNameProblem(part) {
                return .failure(
                    MediaTypeError(
                        message: "`\(text)` is not a valid media type: its \(name) `\(part)` \(problem)",
                        hint:
                            "media type names are letters, digits and `!#$&^_.+-`, starting with a letter or digit (RFC 6838, section 4.2)"
                    ))
            }
        }
        var parameters: [(String, String)] = []
        for piece in pieces.dropFirst() {
            let parameter = piece.trimming(" \t")
            guard let equals = parameter.firstIndex(of: "=") else {
                return .failure(
                    MediaTypeError(
                        message: "`\(text)` has a parameter without a value: `\(parameter)`",
                        hint: "write parameters as `; name=value`, such as `; charset=utf-8`"))
            }
            let name = String(parameter[..<equals])
            var value = String(parameter[parameter.index(after: equals)...])
            guard !name.isEmpty, name.allSatisfy(isTokenCharacter) else {
                return .failure(
                    MediaTypeError(
                        message: "`\(text)` has an invalid parameter name `\(name)`",
                        hint: "parameter names are tokens: letters, digits and `!#$%&'*+-.^_`|~`"))
            }
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            } else if value.isEmpty || !value.allSatisfy(isTokenCharacter) {
                return .failure(
                    MediaTypeError(
                        message: "`\(text)` has an invalid value for the parameter `\(name)`",
                        hint: "quote values that are not tokens, as in `; \(name)=\"...\"`"))
            }
            parameters.append((name.lowercased(), value))
        }
        return .success(MediaTypeSyntax(type: type, subtype: subtype, parameters: parameters))
    }

    /// What is wrong with an RFC 6838 restricted name, or `nil`.
    static func restrictedNameProblem(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "is empty" }
        guard first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return "must start with a letter or digit"
        }
        if name.unicodeScalars.count > 127 { return "is longer than 127 characters" }
        if let bad = name.unicodeScalars.first(where: { !isRestrictedNameCharacter($0) }) {
            return "contains `\(bad.escaped(asASCII: false))`"
        }
        return nil
    }

    static func isRestrictedNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "!#$&^_.+-".unicodeScalars.contains(scalar)
    }

    static func isTokenCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.isASCII else {
            return false
        }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
    }
}

/// Why a `content` key is not a media type.
struct MediaTypeError: Error, Sendable, Equatable {
    var message: String
    var hint: String
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
