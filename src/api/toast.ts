import Taro from '@tarojs/taro';
import { ApiError, errorText } from './errors';

/**
 * Shows a failure as a toast (NutUI pages share Taro's toast so every page gets it for free).
 * Without an icon: WeChat cuts a toast with an icon at 7 characters, an icon-less one shows two
 * lines, and the server's messages (未满¥178，还差¥17.80) are longer than 7.
 */
export function toastError(err: unknown): void {
  if (!(err instanceof ApiError)) console.error(err);
  void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2200 });
}
