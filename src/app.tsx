import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
// NutUI's theme variables once; component styles come on demand through babel-plugin-import.
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import { registerPrivacyListener } from './stores/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // One listener for the whole app: pages render the PrivacyPopup it opens.
    registerPrivacyListener();
    // Taro.cloud exists only in the WeChat runtime.
    if (process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_API_MODE !== 'http') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    }
  });
  return children;
}

export default App;
