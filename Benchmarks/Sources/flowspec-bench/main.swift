import FlowSpecLint
import FlowSpecModel
import Foundation

// Side-by-side figures for the closing notes: for each spec, the median wall time of loading it into
// the typed model (and of linting it), the growth of peak resident memory while loading, and the file's size; run beside
// `../shared/bench/c/yaml_events.c` (the libyaml floor) in the same session.
//
// Usage: flowspec-bench [--runs N] [--lint] SPEC...
// Prints one JSON line per spec.

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident memory of this process so far, in bytes (Linux reports KiB).
func peakRSS() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
var lint = false
var specs: [String] = []
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--runs": runs = Int(arguments.removeFirst()) ?? 5
    case "--lint": lint = true
    default: specs.append(argument)
    }
}

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
    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
    var line = "{\"tool\":\"flowspec-load\",\"spec\":\"\(spec)\",\"bytes\":\(size),\"runs\":\(runs)"
    line += String(format: ",\"load_s\":%.6f", median(loadTimes))
    if lint { line += String(format: ",\"lint_s\":%.6f", median(lintTimes)) }
    line += ",\"peak_rss_growth_bytes\":\(rssGrowth),\"errors\":\(errors)}"
    print(line)
}
