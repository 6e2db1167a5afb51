import Testing

@testable import FlowSpecSchema

/// The byte-level fast paths of `uuid`, `date-time`, `date`, `time`, `hostname` and `email` answer
/// exactly as the reference forms they are taken from, on valid values, on boundary values and on
/// everything one edit away from them.
@Suite("Formats: fast paths agree with their references")
struct FormatFastPathTests {
    // MARK: uuid

    @Test func uuidAgreesWithTheByteLoop() {
        let bases = [
            "3f1c5b7e-2a94-4d6b-8e0f-6C2D9A1B4E73", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "de3a5db5-154e-4512-9209-3d26ac512b01", "3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e7",
        ]
        let inputs = FormatVariants.around(bases)
        let wrong = FormatVariants.disagreements(inputs, { Formats.uuid($0) }, { Formats.uuidByBytes($0) })
        #expect(wrong.isEmpty, "\(wrong.count) disagreements, first: \(wrong.prefix(3))")
        let viaDispatch = FormatVariants.disagreements(
            inputs, { Formats.checkBytes(.uuid, $0) }, { Formats.uuidByBytes($0) })
        #expect(viaDispatch.isEmpty, "\(viaDispatch.prefix(5))")
        let accepted = inputs.filter { $0.withUnsafeBufferPointer { Formats.uuid($0) } }.count
        #expect(accepted > 1000)
    }

    /// Two mutations at once (a dash and a digit, two digits) over every pair of positions of one
    /// value: a word-level check that only looked at one lane per word would let some through.
    @Test func uuidAgreesOnPairsOfChanges() {
        let base = Array("3f1c5b7e-2a94-4d6b-8e0f-6C2D9A1B4E73".utf8)
        let bytes: [UInt8] = [0x2D, 0x30, 0x39, 0x3A, 0x40, 0x47, 0x60, 0x67, 0x2F, 0x80, 0x00, 0x10, 0x19]
        var inputs: [[UInt8]] = []
        for i in base.indices {
            for j in base.indices where j > i {
                for a in bytes {
                    for b in bytes {
                        var copy = base
                        copy[i] = a
                        copy[j] = b
                        inputs.append(copy)
                    }
                }
            }
        }
        let wrong = FormatVariants.disagreements(inputs, { Formats.uuid($0) }, { Formats.uuidByBytes($0) })
        #expect(wrong.isEmpty, "\(wrong.count) disagreements, first: \(wrong.prefix(3))")
    }

    // MARK: date-time, date, time

    static var dateTimeBoundaries: [String] {
        var out: [String] = []
        for year in ["2023", "2024", "1900", "2000", "0000", "9999"] {
            for month in 0...13 {
                for day in ["00", "01", "28", "29", "30", "31", "32"] {
                    let m = month < 10 ? "0\(month)" : "\(month)"
                    out.append("\(year)-\(m)-\(day)T12:00:00Z")
                }
            }
        }
        let times = ["00:00:00", "23:59:59", "23:59:60", "12:30:60", "24:00:00", "23:60:00", "23:59:61", "00:00:60"]
        let tails = [
            "Z", "z", ".0Z", ".00Z", ".000Z", ".0000Z", ".123456789Z", ".5z", "+00:00", "-00:00", "+23:59",
            "-23:59", "+24:00", "-00:60", ".1+01:00", "+00:01", "-00:01", ".", ".Z", "", "ZZ", " Z",
        ]
        for date in ["2024-02-29", "2023-12-31", "2016-12-31"] {
            for separator in ["T", "t", " "] {
                for time in times {
                    for tail in tails { out.append(date + separator + time + tail) }
                }
            }
        }
        return out
    }

    static let dateTimeBases = [
        "2025-07-24T19:32:29.000Z", "2025-07-24T19:32:29Z", "2024-02-29T23:59:60.250Z", "2016-12-31T23:59:60Z",
        "2025-07-24t19:32:29.123456789Z", "2025-07-24T19:32:29.5Z", "2025-07-24T19:32:29+02:00",
        "2025-07-24T23:59:60-00:00", "1990-12-31T15:59:60-08:00", "2025-07-24T19:32:29.00Z",
        "2025-07-24T19:32:29.0000Z",
    ]

    @Test func dateTimeAgreesWithTheFieldByFieldCheck() {
        let inputs = FormatVariants.around(Self.dateTimeBases) + Self.dateTimeBoundaries.map { Array($0.utf8) }
        let wrong = FormatVariants.disagreements(
            inputs, { Formats.checkBytes(.dateTime, $0) }, { Formats.dateTimeGeneral($0) })
        #expect(wrong.isEmpty, "\(wrong.count) disagreements, first: \(wrong.prefix(3))")
        // Where the common shape answers at all, it answers what the general check does.
        let (answered, accepted) = FormatVariants.commonAnswers(
            inputs, { Formats.commonDateTime($0) }, { Formats.dateTimeGeneral($0) })
        #expect(answered > 2000 && accepted > 1000 && answered > accepted, "answered \(answered), accepted \(accepted)")
        // The string entry point answers the same.
        let strings = Self.dateTimeBoundaries.filter { text in
            Formats.dateTime(text) != Array(text.utf8).withUnsafeBufferPointer { Formats.dateTimeGeneral($0) }
        }
        #expect(strings.isEmpty, "\(strings.prefix(5))")
    }

    @Test func dateAndTimeAgreeWithTheirFieldChecks() {
        let dates = FormatVariants.around(["2024-02-29", "2023-02-28", "1900-02-29", "2000-02-29", "2025-12-31"])
        let wrongDates = FormatVariants.disagreements(
            dates, { Formats.checkBytes(.date, $0) }, { $0.count == 10 && Formats.fullDate($0, 0) })
        #expect(wrongDates.isEmpty, "\(wrongDates.prefix(5))")
        let times = FormatVariants.around(["23:59:60Z", "19:32:29.000Z", "00:00:00+23:59", "15:59:60-08:00"])
        let wrongTimes = FormatVariants.disagreements(
            times, { Formats.checkBytes(.time, $0) }, { Formats.fullTime($0, 0) })
        #expect(wrongTimes.isEmpty, "\(wrongTimes.prefix(5))")
        #expect(dates.contains { $0.withUnsafeBufferPointer { Formats.checkBytes(.date, $0) } })
        #expect(times.contains { $0.withUnsafeBufferPointer { Formats.checkBytes(.time, $0) } })
    }

    // MARK: hostname

    static func label(_ count: Int, _ letter: Character = "a") -> String { String(repeating: letter, count: count) }

    /// A name of exactly `total` bytes, of labels of 63 bytes or fewer.
    static func name(length total: Int) -> String {
        var parts: [String] = []
        var left = total
        while left > 63 {
            // Leave at least one byte for the label after the dot.
            let take = left - 64 >= 1 ? 63 : 62
            parts.append(label(take, Character(Unicode.Scalar(UInt8(97 + parts.count % 26)))))
            left -= take + 1
        }
        parts.append(label(left, "z"))
        return parts.joined(separator: ".")
    }

    static var hostnameBases: [String] {
        [
            "example.test", "a", "a-b.c", "EXAMPLE.COM", "1.2.3.4", "a1-b2-c3.example", "xn--bcher-kva.example",
            "XN--BCHER-KVA.example", "xn--bcher-kvb.example", "xn--abc.example", "ab--cd.example", "a--b.example",
            "-a.b", "a-.b", "a..b", ".a", "a.", "a_b.c", "ex ample.com", "exämple.com", "www.example.com.",
            label(63) + ".example", label(64) + ".example", "a." + label(63), "a." + label(64),
        ]
    }

    static var hostnameLengths: [String] {
        [252, 253, 254, 255].map { name(length: $0) } + [name(length: 253) + ".", "." + name(length: 252)]
    }

    @Test func lengthsOfTheGeneratedNamesAreExact() {
        #expect([252, 253, 254, 255].allSatisfy { Self.name(length: $0).utf8.count == $0 })
    }

    @Test func hostnameAgreesWithTheLabelByLabelCheck() {
        let inputs =
            FormatVariants.around(Self.hostnameBases.filter { $0.utf8.count <= 40 })
            + FormatVariants.around(
                Self.hostnameBases.filter { $0.utf8.count > 40 } + Self.hostnameLengths, allBytes: false)
        let wrong = FormatVariants.disagreements(
            inputs, { Formats.checkBytes(.hostname, $0) }, { Formats.hostnameReference($0) })
        #expect(wrong.isEmpty, "\(wrong.count) disagreements, first: \(wrong.prefix(3))")
        let (answered, accepted) = FormatVariants.commonAnswers(
            inputs, { Formats.commonHostname($0) }, { Formats.hostnameReference($0) })
        #expect(
            answered > inputs.count / 2 && accepted > 1000,
            "answered \(answered) of \(inputs.count), accepted \(accepted)")
        let strings = (Self.hostnameBases + Self.hostnameLengths).filter { text in
            Formats.hostname(text) != Array(text.utf8).withUnsafeBufferPointer { Formats.hostnameReference($0) }
        }
        #expect(strings.isEmpty, "\(strings)")
    }

    @Test func boundaryHostnamesAreDecidedAsBefore() {
        #expect(Formats.hostname(Self.label(63) + ".example"))
        #expect(!Formats.hostname(Self.label(64) + ".example"))
        #expect(Formats.hostname(Self.name(length: 253)))
        #expect(!Formats.hostname(Self.name(length: 254)))
        #expect(Formats.hostname("xn--bcher-kva.example"))
        #expect(!Formats.hostname("ab--cd.example"))
        #expect(!Formats.hostname("example.test."))
    }

    // MARK: email

    static var emailBases: [String] {
        [
            "ada.liskov@example.test", "a@b", "frances@example.test", "x@a-b.c",
            "first.last+tag@sub.domain.example.com",
            "a!#$%&'*+-/=?^_`{|}~@example.org", "\"quoted local\"@example.com", "\"a\\\"b\"@example.com",
            "\"\"@example.com", "\"a@b\"@example.com", "user@[192.168.0.1]", "user@[IPv6:2001:db8::1]",
            "user@[300.1.1.1]", "user@xn--bcher-kva.example", "user@xn--abc.example", "user@ab--c.example",
            ".a@b.c", "a.@b.c", "a..b@c.d", "a@b@c.d", "a@b@[1.2.3.4]", "@b.c", "a@", "a@-b.c", "a@b-.c", "a@b..c",
            "a@.b", "a@b.", "ü@example.com", "a@exämple.com", "a b@c.d", "a(b)@c.d",
        ]
    }

    static var emailLengths: [String] {
        let local64 = String(repeating: "l", count: 64)
        return [
            local64 + "@x.y", local64 + "l@x.y", "a@" + label(63) + ".example", "a@" + label(64) + ".example",
            "a@" + name(length: 253), "a@" + name(length: 254), String(repeating: "ab.", count: 21) + "c@x.y",
        ]
    }

    @Test func emailAgreesWithTheByteByByteCheck() {
        let inputs =
            FormatVariants.around(Self.emailBases.filter { $0.utf8.count <= 40 })
            + FormatVariants.around(Self.emailBases.filter { $0.utf8.count > 40 } + Self.emailLengths, allBytes: false)
        let wrong = FormatVariants.disagreements(
            inputs, { Formats.checkBytes(.email, $0) }, { Formats.emailReference($0, international: false) })
        #expect(wrong.isEmpty, "\(wrong.count) disagreements, first: \(wrong.prefix(3))")
        let international = FormatVariants.disagreements(
            inputs, { Formats.email($0, international: true) }, { Formats.emailReference($0, international: true) })
        #expect(international.isEmpty, "\(international.prefix(5))")
        let (answered, accepted) = FormatVariants.commonAnswers(
            inputs, { Formats.commonEmail($0) }, { Formats.emailReference($0, international: false) })
        #expect(
            answered > inputs.count / 2 && accepted > 1000,
            "answered \(answered) of \(inputs.count), accepted \(accepted)")
        let strings = (Self.emailBases + Self.emailLengths).filter { text in
            Formats.email(text, international: false)
                != Array(text.utf8).withUnsafeBufferPointer { Formats.emailReference($0, international: false) }
        }
        #expect(strings.isEmpty, "\(strings)")
    }

    @Test func boundaryEmailsAreDecidedAsBefore() {
        #expect(Formats.email("ada.liskov@example.test", international: false))
        #expect(Formats.email(String(repeating: "l", count: 64) + "@x.y", international: false))
        #expect(!Formats.email(String(repeating: "l", count: 65) + "@x.y", international: false))
        #expect(!Formats.email("a@b@c.d", international: false))
        #expect(Formats.email("\"a@b\"@example.com", international: false))
        #expect(Formats.email("user@[192.168.0.1]", international: false))
        #expect(!Formats.email("ü@example.com", international: false))
        #expect(Formats.email("ü@example.com", international: true))
    }

    // MARK: the byte classes

    @Test func byteClassesAreTheReferencePredicates() {
        for byte in 0...255 {
            let c = UInt8(byte)
            let atext = Formats.asciiClass[byte] & Formats.atextClass != 0
            let label = Formats.asciiClass[byte] & Formats.labelClass != 0
            #expect(atext == (Formats.isAlnum(c) || Formats.isAtextSymbol(c)), "byte \(byte)")
            #expect(label == (Formats.isAlnum(c) || c == UInt8(ascii: "-")), "byte \(byte)")
        }
    }
}
