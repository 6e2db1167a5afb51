import FlowSpecModel
import FlowSpecYAML
import Foundation
import FuzzSupport

// The spec loader, with references: the input is up to four files cut at `\n%%\n` lines, written
// as root.yaml (or root.json), parts/a.yaml, parts/b.json and ../outside.yaml next to the folder.
// Remote references are sometimes allowed, served from the second piece by an in-memory fetcher,
// so the remote path is fuzzed without a socket.

private let workspace: String = {
    let base = NSTemporaryDirectory() + "flowspec-fuzz-loader-\(getpid())"
    try? FileManager.default.createDirectory(atPath: base + "/spec/parts", withIntermediateDirectories: true)
    return base
}()

private func write(_ bytes: [UInt8], to path: String) {
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let pieces = input.pieces(limit: 4)
    let json = pieces[0].first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
    let root = workspace + (json ? "/spec/root.json" : "/spec/root.yaml")
    let files = [
        root, workspace + "/spec/parts/a.yaml", workspace + "/spec/parts/b.json", workspace + "/outside.yaml",
    ]
    for (k, path) in files.enumerated() { write(k < pieces.count ? pieces[k] : [], to: path) }
    var options = LoadOptions()
    options.allowFilesOutsideRoot = input.oneIn(3, salt: 1)
    if input.oneIn(2, salt: 2) {
        let remote = pieces.count > 1 ? pieces[1] : []
        options.allowRemoteReferences = true
        options.fetchRemote = { url in
            if url.contains("fail") { throw CocoaError(.fileReadUnknown) }
            return remote
        }
    }
    if input.oneIn(6, salt: 3) {
        options.maxFiles = 2
        options.maxDiagnostics = 3
        options.yaml.maxDepth = 24
    }
    let result = SpecLoader(options: options).load(path: root)
    var checksum = 0
    for diagnostic in result.diagnostics { checksum &+= diagnostic.description.utf8.count }
    if let document = result.document {
        checksum &+= document.paths == nil ? 0 : 1
    }
    checksum &+= result.files.files.count
    precondition(checksum != Int.min)
    return 0
}
