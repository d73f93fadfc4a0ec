/** logistics' front door: carriers, parcels shipped from a spreadsheet, and the customer's tracking timeline. */
export { importShipments, listCarriers, shipOrderWithCarrier } from './import-shipments.service';
export { orderTracking } from './tracking.service';
