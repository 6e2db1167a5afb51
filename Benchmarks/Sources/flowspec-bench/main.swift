import FlowSpecLint
import FlowSpecModel
import Foundation

// Side-by-side figures against the peers of ../shared/bench, in three modes:
//
//   flowspec-bench [--runs N] [--lint] SPEC...
//       For each spec, the median wall time of loading it into the typed model (and of linting it),
//       the growth of peak resident memory while loading, and the file's size; run beside
//       `../shared/bench/c/yaml_events.c` (the libyaml floor) in the same session.
//   flowspec-bench --har FILE --spec SPEC [--loops N]
//       Validates every request and response of a HAR capture, timing only the loop (kinhar's work).
//   flowspec-bench --bodies --har FILE --spec SPEC [--loops N]
//       Parses and validates only the bodies (the work of schema_floor.py and ajv_floor.js).
//
// Prints one JSON line per spec or capture.

let arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
var lint = false
var bodies = false
var har: String?
var spec: String?
var loops = 1
var specs: [String] = []
var position = 0
while position < arguments.count {
    let argument = arguments[position]
    position += 1
    let needsValue = ["--runs", "--har", "--spec", "--loops"].contains(argument)
    if needsValue && position >= arguments.count { fail("\(argument) needs a value") }
    let value = needsValue ? arguments[position] : ""
    if needsValue { position += 1 }
    switch argument {
    case "--runs": runs = Int(value) ?? 5
    case "--lint": lint = true
    case "--bodies": bodies = true
    case "--har": har = value
    case "--spec": spec = value
    case "--loops": loops = Int(value) ?? 1
    default: specs.append(argument)
    }
}

if let har {
    guard let spec else { fail("--har needs --spec SPEC") }
    if bodies {
        BodyBench(spec: spec, har: har, loops: loops).run()
    } else {
        ExchangeBench(spec: spec, har: har, loops: loops).run()
    }
    exit(0)
}

// A tiny spec first, so that the code pages of the loader are resident before memory is measured:
// the growth below is then what the spec's size costs, not the first run of the loading code.
_ = SpecLoader().load(
    bytes: Array("openapi: 3.1.0\ninfo: {title: warm-up, version: '1'}\npaths:\n  /a: {get: {responses: {'200': {description: ok}}}}\n".utf8),
    path: "warm-up.yaml")

for spec in specs {
    let size = (try? FileManager.default.attributesOfItem(atPath: spec)[.size] as? Int) ?? 0
    // The first load also measures memory: how much the process's peak resident size grew.
    let rssBefore = peakRSS()
    var result: LoadResult? = SpecLoader().load(path: spec)
    let rssGrowth = peakRSS() - rssBefore
    let errors = result?.diagnostics.filter { $0.severity == .error }.count ?? 0
    result = nil
    var loadTimes: [Double] = []
    var lintTimes: [Double] = []
    for _ in 0..<runs {
        let start = now()
        let loaded = SpecLoader().load(path: spec)
        loadTimes.append(now() - start)
        if lint {
            let lintStart = now()
            _ = Linter().lint(loaded)
            lintTimes.append(now() - lintStart)
        }
    }
    var line = "{\"tool\":\"flowspec-load\",\"spec\":\"\(spec)\",\"bytes\":\(size),\"runs\":\(runs)"
    line += String(format: ",\"load_s\":%.6f", median(loadTimes))
    if lint { line += String(format: ",\"lint_s\":%.6f", median(lintTimes)) }
    line += ",\"peak_rss_growth_bytes\":\(rssGrowth),\"errors\":\(errors)}"
    print(line)
}
