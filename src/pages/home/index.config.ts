export default definePageConfig({
  navigationBarTitleText: '青禾会员商城',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
