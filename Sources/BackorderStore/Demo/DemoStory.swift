import BackorderCore
import Foundation
import GRDB

// MARK: - the simulation

/// The synthetic warehouse's story, played day by day in memory with the Core rules, and written as it goes.
///
/// Rows refer to each other by array index (id = index + 1), so the write is a plain sequence of inserts and the
/// journal comes out in time order. Rows that never change once made (shipments, their lines, journal rows) are
/// written at the end of their day and dropped (`flush`); rows that change until the last day stay in memory, as
/// compact as their numbers allow, and are written at the end (`write`).
final class DemoStory {
    struct SimItem {
        var sku: String
        var name: String
        var unit: String
        var bin: String
        var minOrderQty: Int
        var packSize: Int
        var supplier: Int
        var leadDays: Int
        /// Units per day the buyers plan with.
        var dailyUnits: Double
        var reorderPoint: Int
        var cycleDays: Int
        /// What customers order on one line: usually near the minimum, now and then up to the maximum.
        var lineQuantity: ClosedRange<Int>
        var onHand = 0, allocated = 0, picked = 0, backordered = 0, incoming = 0
        /// Open PO lines: buyers chase an overdue PO rather than stacking new ones.
        var openArrivals = 0
        /// Lines that waited at some point; entries whose line no longer waits are dropped when read.
        var waiting: [Int32] = []
        var free: Int { onHand - allocated - picked }
    }

    struct SimOrder {
        var number: String
        var customer: Int32
        var day: Int32
        var priority: Int
        var policy: ShipPolicy
        var createdAt: Int64
        var closedAt: Int64?
        var version = 1
        var firstLine: Int32
        var lineCount: Int32
        /// The operation that last raised `version`: an operation raises it once however many lines it touches.
        var lastOp = -1
        var pickPending = false
        var shipPending = false
    }

    /// An order line, its quantities held as 32-bit numbers: ten million lines take 360 MB instead of 640.
    struct SimLine {
        var order: Int32
        var lineNo: Int32
        var sku: Int32
        var ordered: Int32 = 0, allocated: Int32 = 0, picked: Int32 = 0, shipped: Int32 = 0, backordered: Int32 = 0, cancelled: Int32 = 0
        init(order: Int32, lineNo: Int32, sku: Int32, q: LineQuantities) {
            self.order = order; self.lineNo = lineNo; self.sku = sku
            self.q = q
        }
        var q: LineQuantities {
            get {
                LineQuantities(ordered: Int(ordered), allocated: Int(allocated), picked: Int(picked), shipped: Int(shipped),
                               backordered: Int(backordered), cancelled: Int(cancelled))
            }
            set {
                ordered = Int32(newValue.ordered); allocated = Int32(newValue.allocated); picked = Int32(newValue.picked)
                shipped = Int32(newValue.shipped); backordered = Int32(newValue.backordered); cancelled = Int32(newValue.cancelled)
            }
        }
    }

    struct SimArrival {
        var supplier: Int32
        var po: Int32
        var poLine: Int32
        var sku: Int32
        var quantity: Int
        var received = 0
        var eta: Int
        var createdAt: Int64
        var closedAt: Int64?
        var outstanding: Int { max(0, quantity - received) }
    }

    struct SimETAChange { var arrival: Int32; var old: Int; var new: Int; var at: Int64; var actor: Int32; var reason: Int32 }
    struct SimReceipt { var arrival: Int32; var sku: Int32; var quantity: Int; var at: Int64; var actor: Int32; var note: Int32 }
    struct SimShipment { var order: Int32; var at: Int64; var actor: Int32; var overridden: Bool }
    struct SimShipmentLine { var shipment: Int32; var line: Int32; var quantity: Int }

    /// One journal row; references are indexes, -1 for none.
    struct SimMovement {
        var at: Int64
        var line: Int32
        var sku: Int32
        var arrival: Int32
        var shipment: Int32
        var receipt: Int32
        var actor: Int32
        /// Index into `texts`, or -1 for no note (a receipt's movement takes the receipt's note).
        var note: Int32
        var quantity: Int32
        var kind: MovementKind
        var d: (Int32, Int32, Int32, Int32, Int32, Int32, Int32)
    }

    struct ReceiptEvent { var arrival: Int32; var quantity: Int }
    struct ETAEvent { var arrival: Int32; var eta: Int; var reason: Int32 }
    struct CancelEvent { var order: Int32; var lineNo: Int32 }

    let spec: DemoSpec
    let ctx: Context
    var rng: SeededRandom
    /// Days simulated: index 0 is 179 days before today, the last index is today.
    let dayCount = 180
    let firstDay: Day
    /// Latest moment a journal row may carry: a clock never runs past `ctx.now` on today.
    let latestStamp: Int64

    var items: [SimItem] = []
    var customers: [(code: String, name: String, priority: Int, policy: ShipPolicy)] = []
    var suppliers: [String] = []
    /// The day from which a supplier's deliveries stall until after today, for suppliers caught in the crisis.
    var supplierCrisis: [Int?] = []
    /// Share of suppliers that ship from overseas, and share of those caught in the supply crisis.
    let overseasShare = 0.35
    let crisisShare = 0.75
    /// Steepness of the item popularity curve: about 80 % of the lines go to 10 % of the items.
    let popularityExponent = 1.0
    var orders: [SimOrder] = []
    var lines: [SimLine] = []
    var arrivals: [SimArrival] = []
    var poNumbers: [String] = []
    var etaChanges: [SimETAChange] = []
    var receipts: [SimReceipt] = []
    /// Shipments, their lines and journal rows are written as the days go by (see `flush`): these hold the ones not
    /// yet written, and the bases count those already written (row id = base + index + 1).
    var shipments: [SimShipment] = []
    var shipmentLines: [SimShipmentLine] = []
    var movements: [SimMovement] = []
    var shipmentBase = 0
    var movementBase = 0
    /// Journal rows from this one on stay in memory and go in after the indexes (see `Warehouse.generateDemo`).
    var journalTail: Int?
    /// Actor names and free texts (notes, reasons) that rows point into.
    var texts: [String] = []
    var textIndex: [String: Int32] = [:]
    var hot = 0

    var skuWeights: [Double] = []
    var customerWeights: [Double] = []
    var pickDue: [[Int32]]
    var shipDue: [[Int32]]
    var receiptDue: [[ReceiptEvent]]
    var etaDue: [[ETAEvent]]
    var cancelDue: [[CancelEvent]]
    var dayISO: [Int: String] = [:]

    // The clock of the day being played.
    var today = 0
    var picksDone = false, shipsDone = false
    var opId = 0
    var clock: Int64 = 0
    var secondsPerOperation = 60.0
    var stamp: Int64 = 0
    var actor: Int32 = 0
    var touchedToday: [Int32] = []
    var touchedMark: [Int] = []

    init(spec: DemoSpec, ctx: Context) {
        self.spec = spec
        self.ctx = ctx
        rng = SeededRandom(seed: spec.seed)
        firstDay = ctx.today.adding(days: -(dayCount - 1))
        let todayStart = Int64(ctx.today.ordinal) * 86_400
        latestStamp = ctx.now.unixTime >= todayStart && ctx.now.unixTime < todayStart + 86_400 ? ctx.now.unixTime : todayStart + 86_399
        pickDue = Array(repeating: [], count: dayCount)
        shipDue = Array(repeating: [], count: dayCount)
        receiptDue = Array(repeating: [], count: dayCount)
        etaDue = Array(repeating: [], count: dayCount)
        cancelDue = Array(repeating: [], count: dayCount)
    }

    // MARK: master data

    func text(_ s: String) -> Int32 {
        if let i = textIndex[s] { return i }
        let i = Int32(texts.count)
        texts.append(s)
        textIndex[s] = i
        return i
    }

    /// Lines per order, 1–10, averaging about 5.
    let lineCountWeights: [Double] = {
        var total = 0.0
        return [14, 12, 11, 10, 10, 10, 9, 9, 8, 7].map { total += $0; return total }
    }()

    func makeMasterData() {
        let n = spec.orderLines
        let itemCount = max(20, n / 50)
        let customerCount = max(12, n / 500)
        let supplierCount = max(4, itemCount / 100)

        // European suppliers deliver within days; overseas ones ship by sea, and most of those are caught in the crisis.
        // Fixed shares (at least one of each) drawn over a shuffled list, so even a tiny warehouse tells the same story.
        var supplierOrder = Array(0..<supplierCount)
        for i in stride(from: supplierCount - 1, to: 0, by: -1) { supplierOrder.swapAt(i, rng.below(i + 1)) }
        let overseasCount = max(1, Int((Double(supplierCount) * overseasShare).rounded()))
        let crisisCount = max(1, Int((Double(overseasCount) * crisisShare).rounded()))
        var supplierRank = Array(repeating: 0, count: supplierCount)
        for (rank, s) in supplierOrder.enumerated() { supplierRank[s] = rank }
        var seenSuppliers = Set<String>()
        var supplierLead: [Int] = []
        for s in 0..<supplierCount {
            let overseas = supplierRank[s] < overseasCount
            var name = overseas ? "\(rng.pick(overseasPlaces)) \(rng.pick(supplierTrades)) \(rng.pick(overseasForms))"
                                : "\(rng.pick(europeanPlaces)) \(rng.pick(supplierTrades)) \(rng.pick(europeanForms))"
            if seenSuppliers.contains(name) { name += " \(s + 1)" }
            seenSuppliers.insert(name)
            suppliers.append(name)
            supplierLead.append(overseas ? rng.int(20...35) : rng.int(1...5))
            supplierCrisis.append(supplierRank[s] < crisisCount ? rng.int((dayCount - 140)...(dayCount - 70)) : nil)
        }

        // Popularity follows a power law over a shuffled ranking, so busy SKUs are scattered over the catalogue.
        var rank = Array(0..<itemCount)
        for i in stride(from: itemCount - 1, to: 0, by: -1) { rank.swapAt(i, rng.below(i + 1)) }
        hot = rng.below(itemCount)
        var weights = (0..<itemCount).map { 1.0 / pow(Double(rank[$0] + 8), popularityExponent) }
        let others = weights.enumerated().reduce(0.0) { $0 + ($1.offset == hot ? 0 : $1.element) }
        // The hot item takes 1.5 % of all lines: about 80 lines a day per million lines generated.
        weights[hot] = others * 0.015 / 0.985
        let linesPerDay = Double(n) / Double(dayCount)
        let totalWeight = weights.reduce(0, +)

        var cumulative = 0.0
        for i in 0..<itemCount {
            let kind = itemKinds[rng.below(itemKinds.count)]
            let name = ([kind.name] + kind.variants.map { rng.pick($0) }).joined(separator: " ")
            let pack = rng.pick(kind.packs)
            let lineQuantity = kind.lineQuantity.lowerBound...rng.int(kind.lineQuantity)
            let meanQuantity = Double(lineQuantity.lowerBound) + Double(lineQuantity.count) / 3.0
            let supplier = rng.below(supplierCount)
            let lead = max(1, supplierLead[supplier] + rng.int(-1...2))
            let daily = linesPerDay * weights[i] / totalWeight * meanQuantity
            // Buyers' safety margins vary: most items are well covered, some are reordered late and run out.
            let safetyDays: Double
            switch rng.unit() {
            case ..<0.40: safetyDays = Double(lead) * 0.5 + 7
            case ..<0.70: safetyDays = 0
            default: safetyDays = -Double(lead) * 0.5
            }
            let reorderPoint = max(0, Int((daily * (Double(lead) + safetyDays)).rounded()))
            // Fast movers are bought every few weeks, slow movers a few times a year.
            let percentile = Double(rank[i]) / Double(itemCount)
            let cycle = percentile < 0.1 ? rng.int(10...30) : percentile < 0.4 ? rng.int(30...60) : rng.int(60...150)
            let bin = String(UnicodeScalar(UInt8(65 + rng.below(26)))) + "-" + padded(rng.int(1...60), 2) + "-" + padded(rng.int(1...8), 2)
            var item = SimItem(sku: "SKU-" + padded(i + 1, 6), name: name, unit: kind.unit, bin: bin,
                               minOrderQty: pack * rng.pick([1, 1, 2, 4, 10]), packSize: pack, supplier: supplier, leadDays: lead,
                               dailyUnits: daily, reorderPoint: reorderPoint, cycleDays: cycle, lineQuantity: lineQuantity)
            if i == hot {
                // A fast mover restocked often, whose supplier falls behind at the end (see `placeOrders`).
                item.cycleDays = 10
                item.leadDays = 21
                item.reorderPoint = Int((daily * 28).rounded())
            }
            items.append(item)
            cumulative += weights[i]
            skuWeights.append(cumulative)
        }
        touchedMark = Array(repeating: -1, count: itemCount)

        // Customer names are distinct combinations; a few carry æøå and one is written in CJK.
        let combinations = customerSurnames.count * customerTrades.count * customerForms.count
        let stride = 7_919 // prime, coprime with the combination count: walks every combination once
        let offset = rng.below(combinations)
        var cumulativeCustomers = 0.0
        for i in 0..<customerCount {
            let k = (offset + i * stride) % combinations
            var surname = customerSurnames[k % customerSurnames.count]
            if i < 4 { surname = ["Bjørnstad", "Ødegård", "Åsheim", "Brændeland"][i] }
            var name = "\(surname) \(customerTrades[(k / customerSurnames.count) % customerTrades.count]) \(customerForms[k / (customerSurnames.count * customerTrades.count)])"
            if i >= combinations { name += ", " + customerTowns[(i / combinations) % customerTowns.count] }
            if i == 7 { name = cjkCustomerName }
            let priority: Int
            switch rng.unit() {
            case ..<0.70: priority = 5
            case ..<0.80: priority = 3
            case ..<0.85: priority = 2
            case ..<0.88: priority = 4
            case ..<0.94: priority = 6
            default: priority = rng.int(7...9)
            }
            let policy: ShipPolicy = rng.chance(0.04) ? .complete : .partial
            customers.append(("C-" + padded(i + 1, 5), name, priority, policy))
            // A few large accounts place most orders.
            cumulativeCustomers += 1.0 / Double(rng.int(1...40))
            customerWeights.append(cumulativeCustomers)
        }
    }

    // MARK: clock and journal

    func iso(_ dayIndex: Int) -> String {
        if let s = dayISO[dayIndex] { return s }
        let s = firstDay.adding(days: dayIndex).iso
        dayISO[dayIndex] = s
        return s
    }

    func isWorkday(_ dayIndex: Int) -> Bool { (firstDay.ordinal + dayIndex + 3) % 7 < 5 } // 1970-01-01 was a Thursday

    func workday(from dayIndex: Int) -> Int {
        var d = dayIndex
        while !isWorkday(d) { d += 1 }
        return d
    }

    /// Starts an operation: a moment a little later than the previous one, and who does it.
    func beginOperation(_ who: [String]) {
        opId += 1
        clock += Int64(max(1, (secondsPerOperation * (0.5 + rng.unit())).rounded()))
        stamp = min(Int64(firstDay.ordinal + today) * 86_400 + min(clock, 86_399), latestStamp)
        actor = text(rng.pick(who))
    }

    func touch(_ order: Int32) {
        if orders[Int(order)].lastOp != opId {
            orders[Int(order)].version += 1
            orders[Int(order)].lastOp = opId
        }
    }

    func markDemand(_ sku: Int32) {
        if touchedMark[Int(sku)] != today {
            touchedMark[Int(sku)] = today
            touchedToday.append(sku)
        }
    }

    /// Journals a movement and applies it to its line (none when `line` is -1) and to the item `sku`, as OperationTx.apply does.
    func apply(_ m: PlannedMovement, line: Int32, sku: Int32, arrival: Int32 = -1, shipment: Int32 = -1, receipt: Int32 = -1,
                       note: Int32) {
        let d = m.delta
        movements.append(SimMovement(at: stamp, line: line, sku: sku, arrival: arrival, shipment: shipment, receipt: receipt,
                                     actor: actor, note: note, quantity: Int32(m.quantity), kind: m.kind,
                                     d: (Int32(d.ordered), Int32(d.allocated), Int32(d.picked), Int32(d.shipped),
                                         Int32(d.backordered), Int32(d.cancelled), Int32(d.onHand))))
        if line >= 0 {
            let before = lines[Int(line)].q.backordered
            lines[Int(line)].q = lines[Int(line)].q.applying(d)
            if before == 0 && lines[Int(line)].q.backordered > 0 { items[Int(sku)].waiting.append(line) }
            touch(lines[Int(line)].order)
        }
        items[Int(sku)].onHand += d.onHand
        items[Int(sku)].allocated += d.allocated
        items[Int(sku)].picked += d.picked
        items[Int(sku)].backordered += d.backordered
    }

    func stockMovement(sku: Int, kind: MovementKind, change: Int, arrival: Int32 = -1, receipt: Int32 = -1, note: Int32) {
        apply(PlannedMovement(lineId: nil, sku: items[sku].sku, kind: kind, quantity: abs(change), delta: Delta(onHand: change)),
              line: -1, sku: Int32(sku), arrival: arrival, receipt: receipt, note: note)
    }

    func orderLines(_ o: Int32) -> [OrderLine] {
        let order = orders[Int(o)]
        return (0..<Int(order.lineCount)).map { k in
            let i = Int(order.firstLine) + k
            return OrderLine(id: Int64(i), lineNo: Int(lines[i].lineNo), sku: items[Int(lines[i].sku)].sku, itemName: "", quantities: lines[i].q)
        }
    }

    func openUnits(_ o: Int32) -> Int { orderLines(o).reduce(0) { $0 + $1.quantities.open } }

    func closeIfDone(_ o: Int32) {
        if orders[Int(o)].closedAt == nil && openUnits(o) == 0 { orders[Int(o)].closedAt = stamp }
    }

    // MARK: scheduling

    func schedulePick(_ o: Int32) {
        guard !orders[Int(o)].pickPending else { return }
        let r = rng.unit()
        var d = workday(from: today + (r < 0.35 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : rng.int(3...4)))
        if d == today && picksDone { d = workday(from: today + 1) }
        guard d < dayCount else { return }
        orders[Int(o)].pickPending = true
        pickDue[d].append(o)
    }

    func scheduleShip(_ o: Int32) {
        guard !orders[Int(o)].shipPending else { return }
        var d = workday(from: today + (rng.chance(0.7) ? 0 : 1))
        if d == today && shipsDone { d = workday(from: today + 1) }
        guard d < dayCount else { return }
        orders[Int(o)].shipPending = true
        shipDue[d].append(o)
    }

}
