import BackorderCore
import GRDB

/// What to generate.
public struct DemoSpec: Sendable {
    public var orderLines: Int
    public var seed: UInt64
    public init(orderLines: Int, seed: UInt64) { self.orderLines = orderLines; self.seed = seed }
}

/// What was generated.
public struct DemoSummary: Sendable, Codable, Equatable {
    public var items = 0, customers = 0, orders = 0, openOrders = 0, orderLines = 0, backorderLines = 0, openArrivals = 0, movements = 0
    public init() {}
}

extension Warehouse {
    /// Fills an empty warehouse with a realistic synthetic one (HELPER: replace this body).
    public func generateDemo(_ spec: DemoSpec, ctx: Context) throws -> DemoSummary {
        throw BackorderError.refused("not built yet")
    }
}
