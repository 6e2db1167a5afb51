import HTTPTypes
import Testing

@testable import FlowSpecValidator

/// Header pairs looked up in place must answer exactly what the `HTTPFields` built from them answer.
@Suite("Header pairs read in place")
struct HeaderSourceTests {
    static let pairs: [[(String, String)]] = [
        [("Content-Type", "application/json"), ("Accept", "application/hal+json")],
        [("content-type", "application/json; charset=utf-8"), ("ACCEPT", "*/*")],
        [("Accept", "a/b"), ("accept", "c/d"), ("Cookie", "a=1"), ("cookie", "b=2")],
        [("Content-Type", "  text/plain  "), ("X-Id", "a\r\nb"), ("X-Tab", "a\tb"), ("X-Empty", "")],
        [("Content Type", "x/y"), ("Content-Type ", "x/z"), ("", "v"), ("Cöntent-Type", "x/w")],
        [("X-Utf8", "café"), ("X-Ctl", "a\u{0}b"), ("Content-Type", "application/vnd.x+json")],
        [],
    ]

    static let names: [HTTPField.Name] = [
        .contentType, .accept, .cookie, HTTPField.Name("X-Id")!, HTTPField.Name("x-tab")!, HTTPField.Name("X-Empty")!,
        HTTPField.Name("X-Utf8")!, HTTPField.Name("X-Ctl")!, HTTPField.Name("X-Missing")!,
    ]

    @Test(arguments: pairs.indices)
    func lookupsMatchTheBuiltFields(_ index: Int) {
        let pairs = Self.pairs[index]
        let source = HeaderSource(pairs: pairs)
        let fields = Validator.fields(pairs)
        #expect(source.httpFields == fields)
        for name in Self.names {
            #expect(source.value(of: name) == fields.value(of: name), "\(name)")
            #expect(source.value(of: name) == fields[name], "\(name)")
            #expect(source.values(of: name) == fields[values: name], "\(name)")
        }
    }

    /// The packed constants the hot lookups pass are the names they stand for, and a lookup with
    /// them answers what the built fields answer.
    @Test(arguments: pairs.indices)
    func packedLookupsMatchTheBuiltFields(_ index: Int) {
        #expect(HeaderSource.PackedName("content-type") == .contentType)
        #expect(HeaderSource.PackedName("accept") == .accept)
        let pairs = Self.pairs[index]
        let source = HeaderSource(pairs: pairs)
        let fields = Validator.fields(pairs)
        #expect(source.value(of: .contentType, key: .contentType) == fields.value(of: .contentType))
        #expect(source.value(of: .accept, key: .accept) == fields.value(of: .accept))
        let built = HeaderSource(fields)
        #expect(built.value(of: .contentType, key: .contentType) == fields.value(of: .contentType))
    }

    /// Names of every length a packed name holds (and longer ones), in every case, against names
    /// that differ in one byte at each position.
    @Test func packedNamesCompareAsTheirText() {
        for length in 1...20 {
            let name = String((0..<length).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
            let canonical = HTTPField.Name(name)!
            var variants: [(String, String)] = [(name.uppercased(), "upper"), (name, "same")]
            for position in 0..<length {
                var bytes = Array(name.utf8)
                bytes[position] = UInt8(ascii: "-")
                variants.append((String(decoding: bytes, as: UTF8.self), "other \(position)"))
                guard position + 1 < length else { continue }
                // `Á`, two bytes in place of two: a name of the same length with bytes above ASCII.
                bytes[position] = 0xC3
                bytes[position + 1] = 0x81
                variants.append((String(decoding: bytes, as: UTF8.self), "non-ASCII \(position)"))
            }
            for (field, label) in variants {
                let pairs = [("X-Before", "1"), (field, "v"), ("X-After", "2")]
                #expect(
                    HeaderSource(pairs: pairs).value(of: canonical) == Validator.fields(pairs).value(of: canonical),
                    "\(length) \(label)")
            }
        }
    }

    @Test func requestValidationKeepsTheFieldsItWasGiven() {
        var result = RequestValidation()
        result.headers = HeaderSource(pairs: [("Accept", "a/b"), ("bad name", "x")])
        #expect(result.headerFields == [.accept: "a/b"])
        result.headerFields = [.contentType: "x/y"]
        #expect(result.headers.value(of: .contentType) == "x/y")
        #expect(result.headers.value(of: .accept) == nil)
    }

    /// The plain byte loop keeps exactly the values `HTTPField` keeps: every byte value at the start,
    /// in the middle and at the end of a value.
    @Test func legalValuesAreThoseHTTPFieldKeeps() {
        var illegal = 0
        for byte in 0...255 {
            let scalar = String(decoding: [UInt8(byte)], as: UTF8.self)
            // Short values and long ones (read eight bytes at a time), the byte at every offset of a word.
            var values = [scalar, "a" + scalar + "b", "ab" + scalar, scalar + "ab", "a" + scalar]
            for offset in 0..<9 {
                values.append(String(repeating: "v", count: 1 + offset) + scalar + String(repeating: "w", count: 17))
            }
            for value in values {
                #expect(HeaderSource.isLegalValue(value) == HTTPField.isValidValue(value), "byte \(byte) in \(value.debugDescription)")
                if !HeaderSource.isLegalValue(value) { illegal += 1 }
            }
        }
        // Control characters and DEL are refused wherever they stand, SP and HTAB at the edges.
        #expect(illegal > 14 * 30)
        #expect(HTTPSyntax.equalsIgnoringCase("Content-Type", "content-type"))
        #expect(!HTTPSyntax.equalsIgnoringCase("Content-Typf", "content-type"))
        #expect(!HTTPSyntax.equalsIgnoringCase("Content-Typ", "content-type"))
        #expect(!HTTPSyntax.equalsIgnoringCase("Cöntent-Type", "cöntent-type".uppercased()))
        #expect(HeaderSource.isLegalValue(""))
        #expect(!HeaderSource.isLegalValue(" a"))
        #expect(HeaderSource.isLegalValue("a b\tc"))
    }
}
