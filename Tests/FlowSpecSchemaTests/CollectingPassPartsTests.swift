import Testing

@testable import FlowSpecSchema

/// The pieces the collecting pass was made cheaper with must answer exactly what the plain forms
/// answered: a member lookup that tries a hint first, the instance path's own stack, annotations
/// made on demand, and messages worded without the scalar loop.
@Suite("Collecting pass parts")
struct CollectingPassPartsTests {
    @Test func memberLookupWithAHintFindsTheSameProperty() throws {
        let value = try JSONParser.parse(#"{"a": 1, "bb": 2, "c": 3, "": 4, "zz": 5}"#)
        let tape = JSONTape(value)
        let applicator = MemberApplicator()
        applicator.names = ["c", "a", "", "bb"] + (0..<10).map { "p\($0)" }
        applicator.seal()
        var key = JSONTape.root + 2
        for _ in 0..<5 {
            for hint in 0...15 {
                #expect(applicator.lookup(tape, key, hint: hint) == applicator.lookup(tape, key), "hint \(hint)")
            }
            key = tape.end(key + 2)
        }
        #expect(applicator.lookup(tape, JSONTape.root + 2, hint: 1) == 1)
        #expect(applicator.lookup(tape, JSONTape.root + 2, hint: 0) == 1)
    }

    @Test func instancePathKeepsItsStepsWhileGrowing() {
        var path = InstancePath()
        #expect(path.map { _ in 0 }.isEmpty)
        for k in 0..<40 { path.append(k % 2 == 0 ? .item(k) : .member(k)) }
        for _ in 0..<5 { path.removeLast() }
        let steps = path.map { step -> Int in
            switch step {
            case .item(let k): return k
            case .member(let k): return -k
            }
        }
        #expect(steps == (0..<35).map { $0 % 2 == 0 ? $0 : -$0 })
    }

    @Test func annotationsMarkAndMergeOnlyWhenActive() {
        var inactive = Annotations.inactive
        inactive.markProperty(1, of: 3)
        #expect(!inactive.isPropertyEvaluated(1))
        #expect(inactive.marks == nil)

        var own = Annotations(active: true)
        own.markProperty(2, of: 4)
        own.markItem(0, of: 2)
        var outer = Annotations(active: true)
        outer.markProperty(0, of: 4)
        outer.merge(own)
        #expect((0..<4).map(outer.isPropertyEvaluated) == [true, false, true, false])
        #expect(outer.isItemEvaluated(0) && !outer.isItemEvaluated(1))
        outer.itemsPrefix = 2
        #expect(outer.isItemEvaluated(1))
        outer.allProperties = true
        #expect(outer.isPropertyEvaluated(3))
    }

    @Test func quotingAndShowingAreWordedAsBefore() {
        #expect(Messages.quote("plain é text") == "\"plain é text\"")
        #expect(Messages.quote("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
        #expect(Messages.show(.string("short")) == "`\"short\"`")
        let long = String(repeating: "é", count: 40)
        // 42 characters but 82 bytes: not cut.
        #expect(Messages.show(.string(long)) == "`\"\(long)\"`")
        let longer = String(repeating: "x", count: 70)
        #expect(Messages.show(.string(longer)) == "`\"" + String(repeating: "x", count: 56) + "...`")
        #expect(Messages.typeList(TypeMask([.string, .integer]), nullable: true) == "a string, an integer or null")
        #expect(Messages.typeList(TypeMask.null, nullable: true) == "null")
    }
}
