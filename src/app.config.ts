export default defineAppConfig({
  pages: ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index'],
  // Everything but the four tabs lives in subpackages to keep the main package small.
  subPackages: [
    { root: 'packages/goods', pages: ['detail', 'list'] },
    { root: 'packages/order', pages: ['checkout', 'pay', 'result', 'list', 'detail', 'refund'] },
    // The manager's tools join the orders and refunds pages; campaigns; dashboard, messages.
    {
      root: 'packages/manager',
      pages: [
        'orders',
        'refunds',
        'home',
        'products',
        'coupons',
        'staff',
        'audit',
        'campaigns',
        'dashboard',
        'messages',
        'shops',
        'advisors',
        // freight templates
        'freight',
        'categories',
        // the home page's banners and sections
        'home-page',
        // store settings
        'settings',
        // logistics and exports
        'shipments',
        'exports',
      ],
    },
    { root: 'packages/staff', pages: ['counter', 'bind', 'my-code', 'customers', 'customer', 'pickups'] },
    {
      root: 'packages/member',
      pages: ['points', 'code', 'benefits', 'profile', 'coupons', 'claim', 'addresses', 'addresses-edit'],
    },
    // group-buy.
    { root: 'packages/groupbuy', pages: ['list', 'campaign', 'team'] },
    // invite a friend
    { root: 'packages/invite', pages: ['index', 'mine', 'landing'] },
    // store and advisor codes (customer side)
    { root: 'packages/shop', pages: ['welcome', 'info'] },
  ],
  // Private APIs the bundle calls (WeChat refuses an undeclared one with "the api need to be declared").
  // test/conformance checks this list against the built bundle in both directions.
  // getLocation: checkout lists pickup shops nearest first when the customer allows it.
  // chooseLocation: the manager places a shop on WeChat's map (门店管理).
  requiredPrivateInfos: ['chooseAddress', 'getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于为你查找最近的自提门店' } },
  // Inject only the code of the page being opened (and its components), not every page's.
  lazyCodeLoading: 'requiredComponents',
  // WeChat on Windows and Mac (base library 2.21.3+) opens a resizable mini program in a larger window
  // the user can stretch or maximise; without it the window stays phone-sized and the manager's pages
  // never reach their list-beside-editor layout. On iPad it also lets the app rotate.
  resizable: true,
  // Manager, staff and binding pages stay out of WeChat search; see src/sitemap.json.
  sitemapLocation: 'sitemap.json',
  // Download the subpackage behind each tab's first tap while the tab is open.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/goods'] },
    'pages/cart/index': { network: 'all', packages: ['packages/order'] },
    'pages/me/index': { network: 'all', packages: ['packages/member'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#FAF7F3',
    navigationBarTitleText: '青禾会员商城',
    navigationBarTextStyle: 'black',
    backgroundColor: '#F5F1EC',
    // WeChat's own default; on H5 it turns on Taro's title bar (page title, back or home button).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#9A918A',
    selectedColor: '#3F6B57',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab/category.png',
        selectedIconPath: 'assets/tab/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
