import Activations
import Foundation
import Testing

@testable import ActivCLI

@Suite("list")
struct ListCommandTests {
  @Test("list shows every catalogue entry")
  func list() {
    let table = expectSuccess(["list"])
    #expect(table.hasPrefix("name"))
    let rows = csvRows(expectSuccess(["list", "--format", "csv", "--no-header"]))
    #expect(rows.map { String($0[0]) } == Catalogue.entries.map(\.name))
    for entry in Catalogue.entries {
      #expect(table.contains(entry.name), "\(entry.name) missing from activ list")
    }
    #expect(
      csvRows(expectSuccess(["list", "--format", "csv"])).first == [
        "name", "aliases", "parameters", "description",
      ])
  }

  @Test("list --format json: the catalogue, aliases as strings, parameters as objects")
  func json() throws {
    let json = expectSuccess(["list", "--format", "json"])
    let objects = try parseJSONObjects(json)
    let names = lines(expectSuccess(["list", "--format", "tsv", "--no-header"])).map {
      String($0.prefix { $0 != "\t" })
    }
    #expect(objects.count == Catalogue.entries.count)
    #expect(lines(json).count == Catalogue.entries.count + 2)
    for (object, entry) in zip(objects, Catalogue.entries) {
      #expect(Set(object.keys) == ["name", "aliases", "parameters", "description"])
      #expect(object["name"] as? String == entry.name)
      #expect(object["description"] as? String == entry.summary)
      #expect(object["aliases"] as? [String] == entry.aliases)
      let parameters = try #require(object["parameters"] as? [[String: Any]])
      #expect(parameters.map { $0["name"] as? String } == entry.parameters.map(\.name))
      for (parameter, declared) in zip(parameters, entry.parameters) {
        switch declared.defaultValue {
        case .real(let value): #expect(jsonDouble(parameter["default"]) == value)
        case .boolean(let value): #expect(parameter["default"] as? Bool == value)
        case .word(let value): #expect(parameter["default"] as? String == value)
        case .list(let values):
          #expect((parameter["default"] as? [Any])?.map(jsonDouble) == values)
        case .none: #expect(parameter["default"] is NSNull)
        }
      }
    }
    #expect(names == Catalogue.entries.map(\.name))
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      arguments: ["list", "extra"], code: .usage, message: "unexpected argument 'extra' for 'list'",
      hints: ["run 'activ help list' for usage"])
  ]

  @Test("fails with status, message and hints; nothing on stdout", arguments: errorCases)
  func fails(_ testCase: ErrorCase) {
    testCase.check()
  }
}
