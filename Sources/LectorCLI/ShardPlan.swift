import Foundation
import LectorCore
import LectorMarkup

/// Which share of the inputs one shard processes: a byte-balanced split of the full source listing,
/// computed identically by every shard (same inputs → same listing → same plan).
///
/// Sources are dealt largest first to the shard with the fewest bytes so far (ties: smaller
/// source index, then lower shard), so shards finish at about the same time whatever the mix of sizes.
struct ShardPlan {
    var index: Int
    var count: Int
    /// Global positions (in listing order) of the sources this shard owns, ascending.
    var positions: [Int]
    var items: [SourceItem]
    /// Identifies the listing, so `merge` can refuse shards of different inputs.
    var manifestHash: String
    var totalSources: Int

    init(inputs: [String], index: Int, count: Int) {
        var listing: [SourceItem] = []
        var hash = StableHash()
        var sizes: [Int] = []
        for item in SourceEnumerator(inputs: inputs) {
            switch item {
            case .file(let source):
                let size = (try? FileManager.default.attributesOfItem(atPath: source.url.path)[.size] as? NSNumber)?
                    .intValue ?? 0
                if count > 1, size >= Self.containerSplitBytes, ContainerKind.of(source.url) != nil {
                    // A large WARC or JSON Lines file is split by byte ranges: each part reads the records
                    // that start inside it, so a few huge files still spread over every shard.
                    for part in 0..<count {
                        var share = source
                        let lower = size / count * part
                        share.recordRange = lower..<(part == count - 1 ? Int.max : size / count * (part + 1))
                        hash.add("\(source.id)#part\(part)/\(count)")
                        listing.append(.file(share))
                        sizes.append(size / count)
                    }
                    continue
                }
                hash.add(source.id)
                listing.append(item)
                sizes.append(size)
            case .unreadable(let failure):
                hash.add(failure.id)
                listing.append(item)
                sizes.append(0)
            }
        }
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var load = [Int](repeating: 0, count: count)
        var owner = [Int](repeating: 0, count: listing.count)
        for position in order {
            var best = 0
            for shard in 1..<count where load[shard] < load[best] { best = shard }
            owner[position] = best
            // Count every source as at least one byte so empty files spread too.
            load[best] += max(sizes[position], 1)
        }
        self.index = index
        self.count = count
        self.positions = owner.indices.filter { owner[$0] == index }
        self.items = positions.map { listing[$0] }
        self.manifestHash = hash.hex
        self.totalSources = listing.count
    }

    /// Parse `I/N` (0-based I); `I` may be the word `env`, read from the job-array variables of
    /// Kubernetes Indexed Jobs, Slurm arrays or AWS Batch.
    /// Container files at least this large are split by record ranges rather than dealt whole.
    static let containerSplitBytes = 1 << 20

    static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (Int, Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]), count >= 1 else {
            throw ShardError("--shard expects I/N (for example 0/4), got '\(text)'")
        }
        let index: Int
        if parts[0] == "env" || parts[0].isEmpty {
            let names = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"]
            guard let name = names.first(where: { environment[$0] != nil }), let value = Int(environment[name]!) else {
                throw ShardError("--shard \(text): none of \(names.joined(separator: ", ")) holds a shard index")
            }
            index = value
        } else {
            guard let value = Int(parts[0]) else { throw ShardError("--shard expects I/N, got '\(text)'") }
            index = value
        }
        guard index >= 0 && index < count else {
            throw ShardError("--shard index \(index) is outside 0..<\(count)")
        }
        return (index, count)
    }
}

struct ShardError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
