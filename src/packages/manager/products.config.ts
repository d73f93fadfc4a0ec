export default definePageConfig({ navigationBarTitleText: '商品库存' });
