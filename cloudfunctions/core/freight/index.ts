/** freight's front door: 运费模板 for the manager, and express shipping for checkout and product pages. */
export {
  deleteFreightTemplate,
  getFreightTemplate,
  listFreightTemplates,
  saveFreightTemplate,
  setProductFreight,
} from './freight-admin.service';
export {
  cartShippingFor,
  loadFreightBook,
  productShippingText,
  shippingFor,
  unitShippingLine,
  type FreightBook,
} from './freight-quote';
export { freightTemplateInStore } from './freight-book';
