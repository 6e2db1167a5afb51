import FlowSpecYAML
import FuzzSupport

// The YAML layer: every format, with and without a mapping root and merge keys, then a walk over
// every node so each accessor and mark is read back.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let format: YAMLParser.Format = [.auto, .yaml, .json][input.choice(3, salt: 1)]
    var options = YAMLParseOptions()
    options.requireMappingRoot = input.oneIn(2, salt: 2)
    options.mergeKeys = !input.oneIn(4, salt: 3)
    // Small budgets some of the time, so the refusal paths are fuzzed as well as the happy ones.
    if input.oneIn(5, salt: 4) {
        options.maxDepth = 16
        options.maxAliases = 8
        options.maxExpandedNodes = 256
    }
    guard let tree = try? YAMLParser.parse(input.bytes, format: format, options: options) else { return 0 }
    var checksum = 0
    for node in tree.nodeIDs {
        checksum &+= tree.start(node).line &+ tree.end(node).offset
        switch tree.kind(node) {
        case .scalar:
            checksum &+= tree.scalar(node)?.utf8.count ?? 0
            _ = tree.bool(node)
        case .sequence:
            checksum &+= tree.items(node).count
        case .mapping:
            for entry in tree.entries(node) {
                if let key = tree.scalar(entry.key) { _ = tree.value(forKey: key, in: node) }
            }
        }
    }
    for problem in tree.problems { checksum &+= problem.description.utf8.count }
    precondition(checksum != Int.min)
    return 0
}
