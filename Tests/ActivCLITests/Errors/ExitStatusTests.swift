import Foundation
import Testing

@testable import ActivCLI

/// The exit statuses are described from ``ExitCode`` alone: the overview and the manual page are
/// rendered from it, and the user guide's table is checked against it.
@Suite("exit status")
struct ExitStatusTests {
  @Test func overviewAndManualPageListEveryCode() {
    let overview = Help.main()
    let manual = ManPage.render()
    for code in ExitCode.allCases {
      #expect(overview.contains("\(code.rawValue) \(code.summary)"), "\(code)")
      #expect(manual.contains(".TP\n\(code.rawValue)\n"), "\(code)")
    }
  }

  /// The `## Exit status` table (`| code | meaning |`) of docs/usage.md, or of README.md while
  /// there is no such guide, names every code of ``ExitCode`` and no other.
  @Test func userGuideTableMatchesExitCode() throws {
    let root = packageRoot
    let guide = root.appendingPathComponent("docs/usage.md")
    let file =
      FileManager.default.fileExists(atPath: guide.path)
      ? guide : root.appendingPathComponent("README.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let heading = try #require(
      lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "## Exit status" },
      "no '## Exit status' in \(file.lastPathComponent)")
    var codes: [Int32] = []
    var inTable = false
    for line in lines[(heading + 1)...] {
      if line.hasPrefix("#") { break }
      guard line.hasPrefix("|") else {
        if inTable { break }
        continue
      }
      inTable = true
      let first = line.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
      if let code = Int32(first) { codes.append(code) }
    }
    #expect(
      codes.sorted() == ExitCode.allCases.map(\.rawValue).sorted(), "\(file.lastPathComponent)")
  }
}
