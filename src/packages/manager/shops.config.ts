export default definePageConfig({ navigationBarTitleText: '门店管理' });
