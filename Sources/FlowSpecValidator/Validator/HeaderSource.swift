import HTTPTypes

/// A message's header fields as the checks read them: swift-http-types fields, or the (name, value)
/// pairs of a capture read in place.
///
/// Building `HTTPFields` from pairs validates every name and value, which costs more than the few
/// lookups a validation makes (`Content-Type`, `Accept`, the declared headers), so pairs are kept
/// as they are and `HTTPFields` are built only when something needs them all (strict mode, a header
/// parameter, a caller reading ``RequestValidation/headerFields``). Lookups answer exactly what the
/// built fields would: names compared case-insensitively, pairs with invalid names ignored, values
/// legalized as `HTTPField` does, several fields of a name joined.
struct HeaderSource: Sendable {
    enum Storage: Sendable {
        case fields(HTTPFields)
        case pairs([(String, String)])
    }

    var storage: Storage

    init(_ fields: HTTPFields) { storage = .fields(fields) }

    init(pairs: [(String, String)]) { storage = .pairs(pairs) }

    /// The fields, built from the pairs when that is what this holds.
    var httpFields: HTTPFields {
        switch storage {
        case .fields(let fields): return fields
        case .pairs(let pairs): return Validator.fields(pairs)
        }
    }

    /// The value of `name` as `HTTPFields.value(of:)` gives it.
    func value(of name: HTTPField.Name) -> String? {
        switch storage {
        case .fields(let fields):
            return fields.value(of: name)
        case .pairs(let pairs):
            var found: String?
            for (field, value) in pairs where Self.sameName(field, name.canonicalName) {
                // Several fields of the name are joined; leave that to the fields themselves.
                if found != nil { return httpFields.value(of: name) }
                found = value
            }
            guard let found else { return nil }
            return HTTPField.isValidValue(found) ? found : HTTPField(name: name, value: found).value
        }
    }

    /// Every value of `name`, as `HTTPFields[values:]` gives them.
    func values(of name: HTTPField.Name) -> [String] {
        switch storage {
        case .fields(let fields):
            return fields[values: name]
        case .pairs(let pairs):
            var values: [String] = []
            for (field, value) in pairs where Self.sameName(field, name.canonicalName) {
                values.append(HTTPField.isValidValue(value) ? value : HTTPField(name: name, value: value).value)
            }
            return values
        }
    }

    /// Whether `field` is `canonical` (a lower-case token) but for ASCII case; a name that is not a
    /// valid token never is.
    static func sameName(_ field: String, _ canonical: String) -> Bool {
        // Most names differ in length, which native strings know without a scan.
        guard field.utf8.count == canonical.utf8.count else { return false }
        var a = field.utf8.makeIterator()
        var b = canonical.utf8.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                let lower = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
                if lower != y { return false }
            default: return false
            }
        }
    }
}
