// Times the library's batch API: value and gradient of every catalogue function over a grid, in
// nanoseconds per point (best of several runs), as TSV for Scripts/bench/library.sh.
//
//   swift run -c release ActivBench [--points N] [--runs R] [--serial] [SPEC...]
//
// --serial feeds the batch API parts too small to be split across threads, which measures one
// core. Without SPECs: every catalogue function with its default parameters, and the tanh GELU.

import Activations

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The whole run, in a function so that its variables are locals, not the main actor's globals.
func run() {
  var points = 2_000_001
  var runs = 5
  var serial = false
  var specs: [String] = []
  var arguments = CommandLine.arguments.dropFirst()
  while let argument = arguments.popFirst() {
    switch argument {
    case "--points": points = Int(arguments.popFirst() ?? "") ?? points
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--serial": serial = true
    default: specs.append(argument)
    }
  }
  if specs.isEmpty {
    specs = Catalogue.entries.map(\.name)
    specs.insert("gelu(approximate=tanh)", at: specs.firstIndex(of: "gelu")! + 1)
  }

  let lower = -10.0
  let upper = 10.0
  let step = (upper - lower) / Double(points - 1)
  let xs = (0..<points).map { $0 == points - 1 ? upper : lower + Double($0) * step }
  var values = [Double](repeating: 0, count: points)
  var first = [Double](repeating: 0, count: points)
  let part = serial ? 8192 : points

  var total = 0.0
  print("function\tns_per_point")
  for spec in specs {
    let function: BoundActivation
    do {
      function = try Catalogue.bind(spec)
    } catch {
      print("\(spec)\terror: \(error)")
      continue
    }
    var best = Double.infinity
    var checksum = 0.0
    xs.withUnsafeBufferPointer { input in
      values.withUnsafeMutableBufferPointer { v in
        first.withUnsafeMutableBufferPointer { d in
          for _ in 0..<runs {
            let start = now()
            var index = 0
            while index < points {
              let end = min(index + part, points)
              function.evaluate(
                UnsafeBufferPointer(rebasing: input[index..<end]),
                values: UnsafeMutableBufferPointer(rebasing: v[index..<end]),
                first: UnsafeMutableBufferPointer(rebasing: d[index..<end]), second: nil)
              index = end
            }
            best = min(best, now() - start)
            checksum += v[points / 3] + d[points / 3]
          }
        }
      }
    }
    let nanoseconds = best / Double(points) * 1e9
    print("\(function.label)\t\((nanoseconds * 100).rounded() / 100)")
    total += checksum
  }
  // Keeps the work observable to the optimizer.
  print("# checksum \(total)")
}

run()
