import FlowSpecSchema
import FuzzSupport

// The JSON body parser: strict RFC 8259, duplicate keys on and off, a small nesting budget some of
// the time. A value that parses must parse the same way a second time (the tape and tree agree).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    var options = JSONParser.Options()
    options.allowDuplicateKeys = count % 2 == 0
    if count % 3 == 0 { options.maxDepth = 8 }
    guard let value = try? JSONParser.parse(input.bytes, options: options) else { return 0 }
    let again = try? JSONParser.parse(input.bytes, options: options)
    precondition(again == value, "the same bytes parsed to two different values")
    _ = value.typeName
    return 0
}
