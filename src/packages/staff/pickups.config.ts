export default definePageConfig({ navigationBarTitleText: '门店自提' });
