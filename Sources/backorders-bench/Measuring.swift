import Foundation

// Timing a measurement, the machine it runs on, and the figures as the report writes them.

// MARK: measuring

/// Timed samples of one measurement, in seconds.
struct Timing {
    var samples: [Double]
    /// CPU seconds of the measuring thread in each run: far below `samples` means the run waited (disk, locks).
    var cpu: [Double] = []
    /// Kernel CPU seconds and minor page faults of the thread in each run: page faults on the memory map show up here.
    var system: [Double] = []
    var faults: [Int] = []
    var sorted: [Double] { samples.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    /// Nearest-rank 95th percentile: with 20 runs, the second slowest.
    var p95: Double {
        let s = sorted
        return s[max(0, Int((0.95 * Double(s.count)).rounded(.up)) - 1)]
    }
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

/// One untimed warm-up run, then `runs` timed ones; `prepare` runs untimed before each.
func measure(runs: Int, enabled: Bool = true, prepare: () throws -> Void = {}, _ body: () throws -> Void) throws -> Timing {
    guard enabled else { return Timing(samples: []) }
    try prepare()
    try body()
    let clock = ContinuousClock()
    var samples: [Double] = [], cpu: [Double] = [], system: [Double] = [], faults: [Int] = []
    for _ in 0..<runs {
        try prepare()
        let usageStart = threadUsage()
        let cpuStart = threadCPU()
        let start = clock.now
        try body()
        samples.append(seconds(clock.now - start))
        cpu.append(threadCPU() - cpuStart)
        let usage = threadUsage()
        system.append(usage.system - usageStart.system)
        faults.append(usage.minorFaults - usageStart.minorFaults)
    }
    return Timing(samples: samples, cpu: cpu, system: system, faults: faults)
}

/// Kernel CPU seconds and minor page faults of the calling thread so far.
func threadUsage() -> (system: Double, minorFaults: Int) {
    var u = rusage()
    getrusage(__rusage_who_t(1), &u)  // RUSAGE_THREAD, which Glibc does not export to Swift
    return (Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) * 1e-6, Int(u.ru_minflt))
}

/// CPU time the calling thread has used, in seconds.
func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func progress(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

// MARK: the machine

func readText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

func cpuModel() -> String {
    readText("/proc/cpuinfo").split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown"
}

func memory() -> String {
    guard let line = readText("/proc/meminfo").split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "unknown" }
    return String(format: "%.1f GiB", kb / 1_048_576)
}

func operatingSystem() -> String {
    let pretty = readText("/etc/os-release").split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
        .map { String($0.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    return (pretty ?? "Linux") + ", kernel " + (readText("/proc/sys/kernel/osrelease").trimmingCharacters(in: .whitespacesAndNewlines))
}

func loadAverage() -> String { readText("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ") }

func swiftVersion() -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["swift", "--version"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = Pipe()
    guard (try? p.run()) != nil else { return "unknown (swift not on PATH)" }
    p.waitUntilExit()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init) ?? "unknown"
}

// MARK: formatting

func ms(_ s: Double) -> String { String(format: s < 0.01 ? "%.2f ms" : "%.1f ms", s * 1_000) }
func secs(_ s: Double) -> String { String(format: "%.1f s", s) }
func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}
func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

struct ResultRow {
    var what: String
    var median: String
    var p95: String
    var goal: String
    /// nil: no goal to meet.
    var pass: Bool?
}

/// Lines of a plan that read a whole table row by row: `SCAN t` with no index.
func fullScans(_ plan: [String]) -> [String] {
    plan.filter { step in
        let words = step.trimmingCharacters(in: .whitespaces).split(separator: " ")
        return words.first == "SCAN" && words.count == 2
    }
}

/// Whether a plan reads order_line without an index (it is aliased `l` in the queries).
func scansOrderLines(_ plan: [String]) -> Bool {
    fullScans(plan).contains { ["order_line", "l"].contains($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[1]) }
}

/// A short name for a statement `check` ran.
func checkStep(_ sql: String) -> String {
    let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    return flat.count > 110 ? String(flat.prefix(107)) + "…" : flat
}
