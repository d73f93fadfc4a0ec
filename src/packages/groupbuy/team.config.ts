export default definePageConfig({
  navigationBarTitleText: '我的拼团',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
