export default definePageConfig({ navigationBarTitleText: '导购管理' });
