export default definePageConfig({ navigationBarTitleText: '运费模板' });
