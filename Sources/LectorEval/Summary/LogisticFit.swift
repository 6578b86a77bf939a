import Foundation

/// Weighted logistic regression by full-batch gradient descent with Adam steps and an L2 penalty
/// (not on the bias, feature 0). Small and deterministic: the summary scorer has a few dozen
/// weights and a few tens of thousands of rows (evaluation and training only).
struct LogisticFit {
    var l2: Double = 0.01
    var iterations = 400
    var learningRate = 0.05

    /// Weights for `rows` (each `width` values) with `labels` in 0…1 (soft labels allowed) and per-row `weights`.
    func fit(rows: [[Float]], labels: [Double], weights rowWeights: [Double], width: Int) -> [Float] {
        var w = [Double](repeating: 0, count: width)
        var m = [Double](repeating: 0, count: width)
        var v = [Double](repeating: 0, count: width)
        let totalWeight = rowWeights.reduce(0, +)
        guard totalWeight > 0 else { return w.map(Float.init) }
        for step in 1...iterations {
            var gradient = [Double](repeating: 0, count: width)
            for (index, row) in rows.enumerated() {
                var z = 0.0
                for k in 0..<width { z += w[k] * Double(row[k]) }
                let p = 1 / (1 + exp(-z))
                let error = (p - labels[index]) * rowWeights[index]
                for k in 0..<width { gradient[k] += error * Double(row[k]) }
            }
            for k in 0..<width {
                var g = gradient[k] / totalWeight
                if k > 0 { g += l2 * w[k] }
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                let mHat = m[k] / (1 - pow(0.9, Double(step)))
                let vHat = v[k] / (1 - pow(0.999, Double(step)))
                w[k] -= learningRate * mHat / (vHat.squareRoot() + 1e-8)
            }
        }
        return w.map(Float.init)
    }
}
