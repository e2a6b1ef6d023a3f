import BackorderCore

/// An order being taken at the terminal: customer and lines found as the clerk types, then what each line will get.
public struct NewOrderDraft: Equatable, Sendable {
    /// The question being asked.
    public enum Step: Equatable, Sendable { case customer, sku, quantity, priority, policy }

    public var step: Step = .customer
    public var customer: Customer?
    public var lines: [NewOrderLine] = []
    /// The item chosen for the line whose quantity is asked.
    public var item: Item?
    public var priority = 5
    public var policy: ShipPolicy = .partial
    /// Customers or items matching what is typed (the step decides which), and the one Enter takes.
    public var customerHits: [Customer] = []
    public var itemHits: [Item] = []
    public var hit = 0
    /// Names of the items on the lines, for the dialog.
    public var itemNames: [String: String] = [:]

    public init() {}

    /// The order as the store takes it.
    public var order: NewOrder {
        NewOrder(customer: customer?.code ?? "", priority: priority, policy: policy, lines: lines)
    }

    /// How many hits the current step lists.
    public var hitCount: Int { step == .customer ? customerHits.count : step == .sku ? itemHits.count : 0 }
}
