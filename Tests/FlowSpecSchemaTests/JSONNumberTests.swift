import Testing

@testable import FlowSpecSchema

@Suite("JSONNumber exact arithmetic")
struct JSONNumberTests {
    func n(_ text: String) -> JSONNumber { JSONNumber(text: text) }

    @Test func decimalMultipleOfIsExact() {
        #expect(n("0.07").isMultiple(of: n("0.01")))
        #expect(n("19.99").isMultiple(of: n("0.01")))
        #expect(!n("0.075").isMultiple(of: n("0.01")))
        #expect(n("4.5").isMultiple(of: n("1.5")))
        #expect(!n("35").isMultiple(of: n("1.5")))
        #expect(n("1e308").isMultiple(of: n("0.5")))
        #expect(n("0").isMultiple(of: n("7")))
        #expect(!n("7").isMultiple(of: n("0")))
        #expect(n("12391239123").isMultiple(of: n("123")) == (12_391_239_123 % 123 == 0))
        #expect(n("1e400").isMultiple(of: n("3")) == false)
        #expect(n("3e400").isMultiple(of: n("3")))
        #expect(n("123456789012345678901234567890").isMultiple(of: n("1234567890123456789012345678.9")))
        #expect(!n("123456789012345678901234567891").isMultiple(of: n("1234567890123456789012345678.9")))
        #expect(n("2469135780246913578024691357.8").isMultiple(of: n("1234567890123456789012345678.9")))
    }

    @Test func bigIntegersAreNotRounded() {
        let twoTo64 = n("18446744073709551616")
        let twoTo64Plus1 = n("18446744073709551617")
        #expect(twoTo64 != twoTo64Plus1)
        #expect(twoTo64 < twoTo64Plus1)
        #expect(n("9007199254740993") != n("9007199254740992"))
        #expect(n("9007199254740993") > n("9007199254740992"))
        #expect(n("18446744073709551615") > n("18446744073709551600"))
        #expect(n("-18446744073709551615") < n("-18446744073709551600"))
        #expect(twoTo64.isInteger)
    }

    @Test func hugeExponentsAreNotInfinity() {
        #expect(n("1e400") > n("1e399"))
        #expect(n("-1e400") < n("-1e399"))
        #expect(n("1e-400") > n("0"))
        #expect(n("1e-400") < n("1e-399"))
        #expect(n("1e400").isInteger)
        #expect(!n("1e-400").isInteger)
    }

    @Test func equalValuesHashAlike() {
        #expect(n("-0") == n("0"))
        #expect(n("-0").hashValue == n("0").hashValue)
        #expect(n("1.0") == n("1"))
        #expect(n("1.0").hashValue == n("1").hashValue)
        #expect(n("10e-1") == n("1"))
        #expect(n("100") == n("1e2"))
        #expect(Set([n("1"), n("1.0"), n("1e0"), n("0.1e1")]).count == 1)
        #expect(JSONValue.number(n("1.0")) == JSONValue.number(1))
        #expect(JSONValue.bool(true) != JSONValue.number(1))
    }

    @Test func integerness() {
        #expect(n("1.0").isInteger)
        #expect(n("1e2").isInteger)
        #expect(!n("1.5").isInteger)
        #expect(n("-0.0").isInteger)
        #expect(n("12345678901234567890123.000").isInteger)
    }

    @Test func ordering() {
        #expect(n("0.1") < n("0.11"))
        #expect(n("-0.1") > n("-0.11"))
        #expect(n("9.727837981879871e26") == n("972783798187987100000000000"))
        #expect(n("972783798187987123879878123.18878137") > n("9.727837981879871e26"))
        #expect(n("99") < n("100"))
        #expect(n("2") > n("1.99999999999999999999999999"))
        #expect(n("0.5").compare(to: n("0.50")) == 0)
    }

    @Test func conversions() {
        #expect(n("42").int64Value == 42)
        #expect(n("4.2e1").int64Value == 42)
        #expect(n("-9223372036854775808").int64Value == Int64.min)
        #expect(n("9223372036854775808").int64Value == nil)
        #expect(n("1.5").int64Value == nil)
        #expect(JSONNumber(validating: "01") == nil)
        #expect(JSONNumber(validating: "1.") == nil)
        #expect(JSONNumber(validating: "-1.5e+3") != nil)
        #expect(JSONNumber(Double.infinity) == nil)
    }
}
