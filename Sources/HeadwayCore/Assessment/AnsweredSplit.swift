extension Role {
    /// A time split answered task by task (`answered`: the percentage given for a task, by its
    /// index). Tasks are taken in order: an answer counts while more than
    /// ``Assessment/splitTolerance`` of 100% is left by the answers before it (else the task gets
    /// 0), and the last task takes what is left. The role's own split comes back as none (`[:]`):
    /// an assessment stores only a split of the person's own.
    public func split(answered: [Int: Double]) -> [String: Double] {
        var out: [String: Double] = [:]
        var used = 0.0
        for (i, task) in tasks.enumerated() {
            let leftBefore = max(0, 100 - (0..<i).reduce(0.0) { $0 + (answered[$1] ?? 0) })
            let share =
                i == tasks.count - 1
                ? max(0, 100 - used)
                : answered[i].map { leftBefore > Assessment.splitTolerance ? $0 : 0 } ?? 0
            out[task.id] = share
            used += share
        }
        return stored(split: out)
    }

    /// `split`, or none (`[:]`) when it is the role's own.
    public func stored(split: [String: Double]) -> [String: Double] {
        tasks.allSatisfy { abs((split[$0.id] ?? 0) - $0.share) < 1e-9 } ? [:] : split
    }
}
