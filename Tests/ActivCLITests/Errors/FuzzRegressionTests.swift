import Testing

@testable import ActivCLI

/// Inputs found by `Scripts/fuzz.sh` (or while writing its harnesses) that crashed, hung or
/// allocated without bound, each pinned to the behaviour it has now.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
  /// `--format table` keeps every row to align the columns, so a long `--step` grid allocated
  /// until the process died (10⁸ rows here) instead of being refused.
  @Test func tableFormatRefusesMoreRowsThanItHolds() {
    let limit = GridOutput.maximumTableRows
    expectFailure(
      ["eval", "relu", "0", "1", "--step", "1e-8", "--format", "table"], .usage,
      "100000001 rows is more than --format table holds (at most \(limit)); use csv or tsv, "
        + "which stream")
    expectFailure(
      ["table", "relu", "gelu", "0", "1", "--points", String(limit + 1), "--format", "table"],
      .usage,
      "\(limit + 1) rows is more than --format table holds (at most \(limit)); use csv or tsv, "
        + "which stream")
    let numbers = Array(String(repeating: "1\n", count: limit + 1).utf8)
    expectFailure(
      ["grad", "relu", "--input", "-", "--format", "table"], .usage,
      "\(limit + 1) rows is more than --format table holds (at most \(limit)); use csv or tsv, "
        + "which stream", stdin: numbers)
    // The limit itself is fine, and csv streams any count.
    #expect(
      lines(expectSuccess(["eval", "relu", "0", "1", "--points", "\(limit)", "--format", "table"]))
        .count == limit + 1)
    #expect(
      activ(["eval", "relu", "0", "1", "--points", "\(limit + 1)", "--no-header"]).status == 0)
  }

  /// Meta-ACON's β network is hidden×C with hidden = max(r, C / r): the default (or one-value)
  /// weights were expanded to every entry, so r=1048576 on 2000 one-pixel channels (6 kB of
  /// input) allocated 16 GB, and r=1 on 100000 channels 80 GB. They are no longer expanded.
  @Test func metaACONDoesNotExpandUniformWeights() {
    let map = Array(String(repeating: "1,-2\n\n", count: 2000).utf8)
    for spec in ["meta_acon(r=1048576)", "meta_acon(r=1, w1=0.5, b2=1)"] {
      let run = activ(["apply", spec, "--grad"], stdin: map)
      #expect(run.status == 0, "activ apply \(spec)")
      #expect(lines(run.stdout).count == 2 * 2000 - 1)
    }
  }

  /// Input is read whole, so an endless source must stop: /dev/zero is refused at 512 MiB
  /// with exit 66 instead of allocating until the process dies.
  @Test func endlessInputIsRefusedAtTheLimit() {
    expectFailure(
      ["eval", "relu", "--input", "/dev/zero"], .noInput,
      "cannot read input '/dev/zero': it holds more than 512 MiB, the most activ reads from one "
        + "input; split it")
  }
}
