/** catalog's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { getHome, getProduct, listProducts, quoteCart, searchHints, shareCoverOf } from './catalog.service';
export { listCart, removeFromCart, selectAllInCart, setCart } from './cart.service';
export { subscribeRestock } from './restock.service';
export {
  PRODUCT_IMAGE_COUNT,
  STORE_SHARE_COVER_PATH,
  bannerImagePath,
  categoryIconPath,
  productImagePath,
} from './domain/media-paths';
export { renderBannerArt, renderCategoryIcon, renderProductArt, type ProductArt } from './domain/product-art';
export { catalogRenditionKeys, renditionOf } from './renditions';
export { specsText } from './domain/spec-groups';
export { managerListProducts, setProductStatus, updateSku } from './manager-catalog.service';
export { deleteProduct, duplicateProduct, getEditorProduct, saveProduct } from './product-editor.service';
export {
  deleteCategory,
  listManagerCategories,
  moveCategory,
  saveCategory,
  setCategoryHidden,
} from './category-admin.service';
export { findArt, findBannerText, findProductSummaries, findSkusWithProduct } from './repo/catalog.repo';
export { deleteBanner, listBanners, moveBanner, saveBanner } from './banner.service';
export { deleteHomeSection, listHomeSections, moveHomeSection, saveHomeSection } from './home-section.service';
