extension DeliveryNote {
    /// The order whose delivery note is asked for, the same on both engines: with `shipment`, the order it belongs to
    /// (`owner`, as the store read it; nil when there is no such shipment), which must be `order` when both are given;
    /// with only `order`, that order (its latest shipment). Neither is `.invalid`.
    public static func orderNumber(shipment: String?, owner: String?, order: String?) throws -> String {
        guard let shipment else {
            guard let order else { throw BackorderError.invalid(.t(PaperText.shipmentOrOrder)) }
            return order
        }
        guard let owner else { throw BackorderError.notFound(.t(PaperText.unknownShipment, shipment)) }
        if let order, order != owner { throw BackorderError.refused(.t(PaperText.shipmentOfOtherOrder, shipment, owner, order)) }
        return owner
    }
}
