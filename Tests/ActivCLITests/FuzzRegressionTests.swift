import Testing

@testable import ActivCLI

/// Inputs found by `Scripts/fuzz.sh` (or while writing its harnesses) that crashed, hung or
/// allocated without bound, each pinned to the behaviour it has now.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
  /// `--format table` keeps every row to align the columns, so a long `--step` grid allocated
  /// until the process died (10⁸ rows here) instead of being refused.
  @Test func tableFormatRefusesMoreRowsThanItHolds() {
    let limit = Evaluate.maximumTableRows
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
}
