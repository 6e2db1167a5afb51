import FlowSpecModel
import Testing

@testable import FlowSpecValidator

/// The allocation-free `Content-Type` fast path never disagrees with the full matcher.
@Suite("Validator: Content-Type fast path")
struct ValidatorFastPathTests {
    static let declared = [
        "application/json", "application/vnd.pingidentity.otp.check+json", "application/vnd.pingidentity.otp.check",
        "text/plain; charset=utf-8", "text/plain", "image/*", "application/hal+json", "*/*",
    ]

    static func variants() -> [String] {
        var values: [String] = []
        let bases =
            declared + [
                "application/xml", "APPLICATION/JSON", "Application/Vnd.PingIdentity.OTP.Check+JSON",
                "text/PLAIN", "image/png", "application/problem+json", "*/*", "application/*", "text/html",
            ]
        let suffixes = [
            "", ";charset=utf-8", "; charset=UTF-8", " ; charset=\"utf-8\"", ";a=1;b=2", "; charset",
            ";", " ", "; q=0.5", ";charset=utf-8 ", "\t;\tx=y", "; =x", ";x==y",
        ]
        for base in bases {
            for suffix in suffixes { values.append(base + suffix) }
        }
        values += [
            "", " ", "/", "application/", "/json", "application json", "application/json,text/plain", "a/b/c",
            " application/json", "application/json\u{0}", "ápplication/json",
        ]
        return values
    }

    @Test func agreesWithTheFullMatcher() {
        let matcher = MediaTypeMatcher(declaredKeys: Self.declared)
        var fast = 0
        for value in Self.variants() {
            guard let index = matcher.fastMatch(value) else { continue }
            fast += 1
            #expect(matcher.match(value).match?.keyIndex == index, "\(value)")
        }
        #expect(fast > 20)
    }

    /// Declarations that repeat a type and subtype, with and without parameters: the exact-text
    /// shortcut must answer as the full matcher or not at all.
    @Test(arguments: [
        ["application/json", "Application/JSON"], ["application/json; charset=utf-8", "application/json"],
        ["application/json", "application/json; charset=utf-8"], ["*/json", "application/json"], ["a*b/c", "*/*"],
    ])
    func repeatedDeclarations(_ declared: [String]) {
        let matcher = MediaTypeMatcher(declaredKeys: declared)
        for base in declared + ["application/json", "APPLICATION/JSON", "A*B/C", "*/json"] {
            for value in [base, base + "; charset=utf-8"] {
                guard let index = matcher.fastMatch(value) else { continue }
                #expect(matcher.match(value).match?.keyIndex == index, "\(declared): \(value)")
            }
        }
        // The exact text of the first of two spellings is decided on the fast path.
        if declared == ["application/json", "Application/JSON"] {
            #expect(matcher.fastMatch("application/json") == 0)
        }
    }

    @Test func agreesOnTheFlowsActions() {
        let keys = FlowsExamples.actionKeys
        let matcher = MediaTypeMatcher(declaredKeys: keys)
        for key in keys {
            for value in [key, key.uppercased(), key + "; charset=UTF-8", key + ";charset=utf-8"] {
                let index = matcher.fastMatch(value)
                #expect(index != nil, "\(value)")
                #expect(matcher.match(value).match?.keyIndex == index, "\(value)")
            }
        }
    }
}
