/// Format checks, one function per format, on the string's UTF-8 bytes.
package enum Formats {
    static func checkNumber(_ kind: FormatKind, _ n: JSONNumber) -> Bool {
        switch kind {
        case .int32:
            guard n.isInteger, let v = n.int64Value else { return false }
            return v >= Int64(Int32.min) && v <= Int64(Int32.max)
        case .int64:
            return n.isInteger && n.int64Value != nil
        case .float:
            let d = n.doubleValue
            return d.isFinite && abs(d) <= Double(Float.greatestFiniteMagnitude)
        case .double:
            return n.doubleValue.isFinite
        default:
            return true
        }
    }

    /// The formats checked on raw bytes, without making a `String`.
    ///
    /// A bare dispatch: every case is a call that is not inlined here, so that the function needs no
    /// stack frame and each check is a jump away. Not inlined either: in the callers (the streaming
    /// check's member loop) the switch would only make their own code larger.
    @inline(never)
    static func checkBytes(_ kind: FormatKind, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .uuid: return uuid(b)
        case .dateTime: return dateTime(b)
        case .date: return date(b)
        case .time: return time(b)
        case .hostname: return hostname(b)
        case .email: return email(b, international: false)
        case .uri, .iri: return uri(b, absolute: true, kind)
        case .uriReference, .iriReference: return uri(b, absolute: false, kind)
        default: return checkDecoded(kind, b)
        }
    }

    /// A `uri`-like format on bytes: ASCII text on the bytes, anything else through a `String`.
    @inline(never)
    static func uri(_ b: UnsafeBufferPointer<UInt8>, absolute: Bool, _ kind: FormatKind) -> Bool {
        asciiURI(b, absolute: absolute) ?? checkString(kind, String(decoding: b, as: UTF8.self))
    }

    /// A format that is only checked on a `String`.
    @inline(never)
    static func checkDecoded(_ kind: FormatKind, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        checkString(kind, String(decoding: b, as: UTF8.self))
    }

    /// Whether ``checkBytes(_:_:)`` reads `kind` off the bytes (rather than through a `String`).
    static func readsBytes(_ kind: FormatKind) -> Bool {
        switch kind {
        case .uuid, .dateTime, .date, .time, .hostname, .ipv4, .email, .uri, .uriReference, .iri, .iriReference:
            return true
        default:
            return false
        }
    }

    static func checkString(_ kind: FormatKind, _ s: String) -> Bool {
        switch kind {
        case .uuid: return uuid(s)
        case .dateTime: return dateTime(s)
        case .date: return date(s)
        case .time: return time(s)
        case .duration: return duration(s)
        case .email: return email(s, international: false)
        case .idnEmail: return email(s, international: true)
        case .hostname: return hostname(s)
        case .idnHostname: return idnHostname(s)
        case .ipv4: return ipv4(Substring(s))
        case .ipv6: return ipv6(Substring(s))
        case .uri: return uri(s, absolute: true, international: false)
        case .uriReference: return uri(s, absolute: false, international: false)
        case .iri: return uri(s, absolute: true, international: true)
        case .iriReference: return uri(s, absolute: false, international: true)
        case .uriTemplate: return uriTemplate(s)
        case .jsonPointer: return jsonPointer(Substring(s))
        case .relativeJSONPointer: return relativeJSONPointer(s)
        case .regex: return (try? compilePattern(s)) != nil
        case .byte: return base64(s)
        case .int32, .int64, .float, .double: return true
        }
    }
}
