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
    static func checkBytes(_ kind: FormatKind, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .uuid: return uuid(b)
        case .dateTime:
            if let answer = commonDateTime(b) { return answer }
            return b.count > 11 && fullDate(b, 0) && b[10] | 0x20 == UInt8(ascii: "t") && fullTime(b, 11)
        case .date: return b.count == 10 && fullDate(b, 0)
        case .time: return fullTime(b, 0)
        case .hostname: return hostname(b)
        case .email: return email(b, international: false)
        case .uri, .iri:
            return asciiURI(b, absolute: true) ?? checkString(kind, String(decoding: b, as: UTF8.self))
        case .uriReference, .iriReference:
            return asciiURI(b, absolute: false) ?? checkString(kind, String(decoding: b, as: UTF8.self))
        default: return checkString(kind, String(decoding: b, as: UTF8.self))
        }
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
