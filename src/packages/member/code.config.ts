export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#2C4A3D',
  navigationBarTextStyle: 'white',
});
