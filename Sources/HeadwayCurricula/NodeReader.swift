import Foundation
import HeadwayCore
import Yams

/// Reads a YAML node tree with line numbers, logging every problem instead of stopping at the first.
struct NodeReader {
    let file: String
    let log: DiagnosticLog

    func line(_ node: Node?) -> Int { node?.mark?.line ?? 0 }

    func problem(_ node: Node?, _ subject: String?, _ message: String) {
        log.add(Diagnostic(file: file, line: line(node), subject: subject, message: message))
    }

    /// The pairs of a mapping, or `nil` (logged) when the node is not one. Duplicate keys are logged.
    func mapping(_ node: Node?, _ subject: String?) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node, case .mapping(let m) = node else {
            // At the root (no subject) a scalar is the whole file: not shown, the path may be a
            // link to anything.
            let found = if subject == nil, case .scalar? = node { "plain text" } else { kind(node) }
            problem(node, subject, node == nil ? "is missing; expected a mapping" : "expected a mapping, found \(found)")
            return nil
        }
        var seen = Set<String>()
        var out: [(String, Node, Node)] = []
        for (k, v) in m {
            let key = k.scalar?.string ?? ""
            if !seen.insert(key).inserted { problem(k, subject, "duplicate key '\(oneLine(key, limit: 60))'"); continue }
            out.append((key, k, v))
        }
        return out
    }

    /// The items of a sequence, or `nil` (logged).
    func sequence(_ node: Node?, _ subject: String?) -> [Node]? {
        guard let node, case .sequence(let s) = node else {
            problem(node, subject, node == nil ? "is missing; expected a list" : "expected a list, found \(kind(node))")
            return nil
        }
        return Array(s)
    }

    /// Looks up `key` in pairs; logs when required and missing.
    func value(_ pairs: [(key: String, keyNode: Node, value: Node)], _ key: String, in owner: Node?, _ subject: String?, required: Bool = true) -> Node? {
        if let pair = pairs.first(where: { $0.key == key }) {
            if case .scalar(let s) = pair.value, s.style == .plain, nullSpellings.contains(s.string) {
                if required { problem(pair.value, subject, "'\(key)' is empty") }
                return nil
            }
            return pair.value
        }
        if required { problem(owner, subject, "missing key '\(key)'") }
        return nil
    }

    /// Logs keys that are not in `allowed`.
    /// At the root (no subject), a file with none of the allowed keys is some other file: one
    /// problem, without quoting any of it.
    func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], _ subject: String?) {
        if subject == nil, let first = pairs.first, !pairs.contains(where: { allowed.contains($0.key) }) {
            problem(
                first.keyNode, nil,
                "is not a Headway file of this kind: none of its \(pairs.count) top-level keys is one of \(allowed.joined(separator: ", ")) (its contents are not shown)"
            )
            return
        }
        for p in pairs where !allowed.contains(p.key) {
            problem(p.keyNode, subject, "unknown key '\(oneLine(p.key, limit: 60))'; allowed: \(allowed.joined(separator: ", "))")
        }
    }

    func string(_ node: Node?, _ subject: String?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let s) = node else { problem(node, subject, "'\(key)' must be text, found \(kind(node))"); return nil }
        return s.string
    }

    /// "'hours' is" inside a skill, plain "is" when the subject already names the key.
    private func the(_ key: String, _ subject: String?) -> String { subject == key ? "" : "'\(key)' " }

    func number(_ node: Node?, _ subject: String?, _ key: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, s.style == .plain, let x = node.float, x.isFinite else {
            problem(node, subject, "\(the(key, subject))must be a number\(range.map { " in \(show($0))" } ?? ""), found \(describe(node))")
            return nil
        }
        if let range, !range.contains(x) {
            problem(node, subject, "\(the(key, subject))is \(HeadwayCore.format(x)); allowed: \(show(range))")
            return nil
        }
        return x
    }

    func integer(_ node: Node?, _ subject: String?, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let s) = node, s.style == .plain, let x = node.int else {
            problem(node, subject, "\(the(key, subject))must be a whole number in \(range.lowerBound)..\(range.upperBound), found \(describe(node))")
            return nil
        }
        guard range.contains(x) else {
            problem(node, subject, "\(the(key, subject))is \(x); allowed: \(range.lowerBound)..\(range.upperBound)")
            return nil
        }
        return x
    }

    func kind(_ node: Node?) -> String {
        switch node {
        case .mapping?: return "a mapping"
        case .sequence?: return "a list"
        case .scalar(let s)?: return "'\(oneLine(s.string, limit: 40))'"
        case .alias?: return "an alias"
        case nil: return "nothing"
        }
    }

    func describe(_ node: Node) -> String { kind(node) }

    private func show(_ r: ClosedRange<Double>) -> String { "\(HeadwayCore.format(r.lowerBound))..\(HeadwayCore.format(r.upperBound))" }
}

/// Loads a YAML (or JSON) file into a node tree; one diagnostic when it cannot be read or parsed.
func composeFile(_ url: URL, displayName: String) throws(Diagnostic) -> Node {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        throw Diagnostic(file: displayName, line: 0, message: "cannot be read (\(readFailure(url)))")
    }
    return try composeText(data, displayName: displayName)
}

/// Parses bytes as one YAML document.
func composeText(_ data: Data, displayName: String) throws(Diagnostic) -> Node {
    guard data.count <= maxInputBytes else {
        throw Diagnostic(file: displayName, line: 0, message: "is \(data.count) bytes; files over \(maxInputBytes) bytes are refused")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw Diagnostic(file: displayName, line: 0, message: "is not UTF-8 text")
    }
    // Stops at the first visible character (trimming a whole file cost a tenth of a load).
    if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
        throw Diagnostic(file: displayName, line: 0, message: "is empty; expected a YAML or JSON mapping")
    }
    do {
        // The basic resolver tags every scalar as text: our readers convert numbers, dates and
        // null themselves, and skipping Yams' regex-based tag resolution halves the load time.
        guard let node = try Yams.compose(yaml: text, .basic) else {
            throw Diagnostic(file: displayName, line: 0, message: "is empty; expected a YAML or JSON mapping")
        }
        if nodeCount(node, limit: maxNodes) > maxNodes {
            throw Diagnostic(file: displayName, line: 0, message: "has more than \(maxNodes) YAML nodes (aliases expanded); refused")
        }
        return node
    } catch let d as Diagnostic {
        throw d
    } catch let e as YamlError {
        throw Diagnostic(file: displayName, line: yamlErrorLine(e), message: "is not valid YAML: \(yamlErrorSummary(e))")
    } catch {
        throw Diagnostic(file: displayName, line: 0, message: "is not valid YAML")
    }
}

/// The plain YAML scalars that mean "no value".
let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

/// Input files larger than this are refused before parsing.
let maxInputBytes = 4 << 20
/// A document with more nodes than this (counting alias expansions) is refused: it guards
/// against "billion laughs" anchors.
let maxNodes = 200_000

/// Counts nodes, stopping early once past `limit`.
func nodeCount(_ node: Node, limit: Int) -> Int {
    var count = 0
    var stack = [node]
    while let n = stack.popLast() {
        count += 1
        if count > limit { return count }
        switch n {
        case .mapping(let m): for (k, v) in m { stack.append(k); stack.append(v) }
        case .sequence(let s): stack.append(contentsOf: s)
        default: break
        }
    }
    return count
}

private func readFailure(_ url: URL) -> String {
    var isDir: ObjCBool = false
    if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) { return "no such file" }
    if isDir.boolValue { return "it is a folder" }
    return "permission denied"
}

private func yamlErrorLine(_ e: YamlError) -> Int {
    switch e {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
    case .duplicatedKeysInMapping(_, let context): return context.mark.line
    default: return 0
    }
}

private func yamlErrorSummary(_ e: YamlError) -> String {
    switch e {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
        // libyaml names its own API here ("…, set with yaml_set_max_nest_level())").
        if problem.hasPrefix("Maximum nesting level reached") { return "nested too deeply at column \(mark.column)" }
        return "\(problem) at column \(mark.column)"
    case .duplicatedKeysInMapping(let duplicates, _):
        return "duplicate key '\(duplicates.joined(separator: "', '"))'"
    default:
        return String(describing: e).split(separator: "\n").first.map(String.init) ?? "parse error"
    }
}
