import FlowSpecTestSupport
import FlowSpecYAML
import Testing

/// Parsing fits a 512 KiB stack, the size macOS gives secondary threads: nesting up to the default
/// depth budget parses there, and deeper nesting is a `depthExceeded` error, never a stack overflow.
@Suite("Small stacks: the YAML layer")
struct SmallStackTests {
    /// What a parse on the small thread came to, in a form the test thread can check.
    enum Outcome: Equatable {
        case parsed(nodes: Int)
        case failed(YAMLError.Kind, line: Int, column: Int)
    }

    static func outcome(_ text: String, format: YAMLParser.Format, options: YAMLParseOptions = .default) -> Outcome {
        let bytes = Array(text.utf8)
        return onSmallStack {
            do throws(YAMLError) {
                return .parsed(nodes: try YAMLParser.parse(bytes, format: format, options: options).count)
            } catch {
                return .failed(error.kind, line: error.mark.line, column: error.mark.column)
            }
        }
    }

    /// `levels` nested flow sequences, `[[...[1]...]]`.
    static func flow(_ levels: Int) -> String {
        String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels)
    }

    /// `levels` nested JSON objects, `{"a":{"a":...1...}}`.
    static func objects(_ levels: Int) -> String {
        String(repeating: "{\"a\":", count: levels) + "1" + String(repeating: "}", count: levels)
    }

    /// `levels` nested block mappings, each indented one more space.
    static func block(_ levels: Int) -> String {
        var text = ""
        for level in 0..<levels { text += String(repeating: " ", count: level) + "k:\n" }
        return text + String(repeating: " ", count: levels) + "v\n"
    }

    static let noRoot = YAMLParseOptions(requireMappingRoot: false)

    @Test("nesting at the default budget parses on a 512 KiB stack", arguments: [YAMLParser.Format.yaml, .json, .auto])
    func atTheBudget(format: YAMLParser.Format) {
        #expect(Self.outcome(Self.flow(512), format: format, options: Self.noRoot) == .parsed(nodes: 513))
        #expect(Self.outcome(Self.objects(512), format: format) == .parsed(nodes: 1025))
    }

    @Test("block nesting at the default budget parses on a 512 KiB stack")
    func blockAtTheBudget() {
        // `block(n)` nests n mappings, the root included: 512 fit the budget, the 513th does not.
        #expect(Self.outcome(Self.block(512), format: .yaml) == .parsed(nodes: 1025))
        #expect(Self.outcome(Self.block(513), format: .yaml) == .failed(.depthExceeded, line: 513, column: 513))
    }

    @Test("one level past the budget is a depth error", arguments: [YAMLParser.Format.yaml, .json, .auto])
    func pastTheBudget(format: YAMLParser.Format) {
        #expect(
            Self.outcome(Self.flow(513), format: format, options: Self.noRoot)
                == .failed(.depthExceeded, line: 1, column: 513))
        #expect(Self.outcome(Self.objects(513), format: format) == .failed(.depthExceeded, line: 1, column: 2561))
    }

    @Test("100,000 levels are refused on a 512 KiB stack", arguments: [YAMLParser.Format.yaml, .json, .auto])
    func farPastTheBudget(format: YAMLParser.Format) {
        let deep = String(repeating: "[", count: 100_000)
        #expect(
            Self.outcome(deep, format: format, options: Self.noRoot) == .failed(.depthExceeded, line: 1, column: 513))
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(Self.outcome(objects, format: format) == .failed(.depthExceeded, line: 1, column: 2561))
    }

    @Test("a raised depth budget still fits a 512 KiB stack", arguments: [YAMLParser.Format.yaml, .json])
    func raisedBudget(format: YAMLParser.Format) {
        var options = Self.noRoot
        options.maxDepth = 5_000
        #expect(Self.outcome(Self.flow(5_000), format: format, options: options) == .parsed(nodes: 5_001))
        #expect(
            Self.outcome(Self.flow(5_001), format: format, options: options)
                == .failed(.depthExceeded, line: 1, column: 5_001))
    }

    @Test("StackLimit is far from exhausted at the start of a thread, under sanitizers too")
    func stackLimitAtTheTop() {
        // Under AddressSanitizer a local's address is in a heap "fake stack"; read naively it looked
        // below the floor, and every spec failed to load with a depth error.
        #expect(!StackLimit.current.isNearlyExhausted)
        #expect(!onSmallStack { StackLimit.current.isNearlyExhausted })
    }

    @Test("StackLimit stops a recursion before the stack runs out, on small and large stacks")
    func stackLimitStopsRecursion() {
        for bytes in [smallStackBytes, 8 << 20] {
            let levels = onSmallStack(bytes: bytes) { () -> Int in
                let limit = StackLimit.current
                func dive(_ level: Int) -> Int {
                    if limit.isNearlyExhausted { return level }
                    // A frame with some weight, kept alive across the call.
                    var frame = (level, level &+ 1, level &+ 2, level &+ 3)
                    return withUnsafeMutablePointer(to: &frame) { _ in dive(level + 1) }
                }
                return dive(0)
            }
            // Recursion went deep, and stopped by itself (an overflow would have ended the process).
            #expect(levels > 100, "\(levels) levels on a \(bytes)-byte stack")
        }
    }
}
