import XCTest
@testable import BackorderCore

/// Which order a delivery note is for, as both stores decide it once they have read the shipment's order.
final class DeliveryNoteRequestTests: XCTestCase {
    func testAShipmentGivesItsOrderAndAnOrderItself() throws {
        XCTAssertEqual(try DeliveryNote.orderNumber(shipment: "SH-1", owner: "SO-1", order: nil), "SO-1")
        XCTAssertEqual(try DeliveryNote.orderNumber(shipment: "SH-1", owner: "SO-1", order: "SO-1"), "SO-1")
        XCTAssertEqual(try DeliveryNote.orderNumber(shipment: nil, owner: nil, order: "SO-2"), "SO-2")
    }

    func testAnUnknownShipmentAnotherOrdersShipmentAndNeitherAreRefused() {
        XCTAssertThrowsError(try DeliveryNote.orderNumber(shipment: "SH-9", owner: nil, order: nil)) { error in
            XCTAssertEqual(error as? BackorderError, .notFound(.t(PaperText.unknownShipment, "SH-9")))
        }
        XCTAssertThrowsError(try DeliveryNote.orderNumber(shipment: "SH-1", owner: "SO-1", order: "SO-2")) { error in
            XCTAssertEqual(error as? BackorderError, .refused(.t(PaperText.shipmentOfOtherOrder, "SH-1", "SO-1", "SO-2")))
        }
        XCTAssertThrowsError(try DeliveryNote.orderNumber(shipment: nil, owner: nil, order: nil)) { error in
            XCTAssertEqual(error as? BackorderError, .invalid(.t(PaperText.shipmentOrOrder)))
        }
    }
}
