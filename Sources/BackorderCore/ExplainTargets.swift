extension Rules {
    /// The lines of order `number` whose promised dates an explanation covers, the same for every store: line `lineNo`
    /// (unknown: `.notFound`; waiting for nothing: refused), or every line with backordered units (none: refused).
    public static func explainTargets(order number: String, lines: [OrderLine], lineNo: Int?) throws -> [OrderLine] {
        if let lineNo {
            guard let line = lines.first(where: { $0.lineNo == lineNo }) else { throw BackorderError.notFound(.t(StoreText.orderHasNoLine, number, Plain(lineNo))) }
            guard line.quantities.backordered > 0 else {
                throw BackorderError.refused(.t(StoreText.waitsForNothingExplain, number, Plain(lineNo), line.sku))
            }
            return [line]
        }
        let targets = lines.filter { $0.quantities.backordered > 0 }
        guard !targets.isEmpty else { throw BackorderError.refused(.t(StoreText.noBackorderedLine, number)) }
        return targets
    }
}
