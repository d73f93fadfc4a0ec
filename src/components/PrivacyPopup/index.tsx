import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button, Popup } from '@nutui/nutui-react-taro';
import {
  PRIVACY_AGREE_BUTTON_ID,
  agreePrivacy,
  askPrivacyConsent,
  hostPrivacyPopup,
  refusePrivacy,
  reportPrivacyExposure,
  usePrivacy,
} from '../../stores/privacy';
import { privacyPurpose } from './purpose';
import './index.scss';

const WEAPP = process.env.TARO_ENV === 'weapp';
const DEFAULT_CONTRACT = '《青禾会员商城隐私保护指引》';

/** 《隐私保护指引》: WeChat's page for the guide configured in the mini program's admin console. */
export function openPrivacyGuide(): void {
  if (WEAPP && typeof Taro.openPrivacyContract === 'function') {
    Taro.openPrivacyContract({ fail: () => void Taro.showToast({ title: '指引打开失败，请稍后再试', icon: 'none' }) });
  } else {
    void Taro.showToast({ title: '请在微信中查看隐私保护指引', icon: 'none' });
  }
}

/**
 * The consent popup for WeChat's privacy check: a page that calls a private API (nickname, phone,
 * address, album, clipboard) renders one. `onNeedPrivacyAuthorization` (registered once in app.tsx)
 * opens it; 同意 is WeChat's agreePrivacyAuthorization button, 拒绝 fails the pending call.
 * H5 has no privacy API: `?privacy=preview` opens it there so the end-to-end suite can look at it.
 */
export function PrivacyPopup() {
  const request = usePrivacy((s) => s.request);
  const [contract, setContract] = useState(DEFAULT_CONTRACT);

  useEffect(() => {
    const route = Taro.getCurrentInstance().router?.path?.replace(/^\//, '').split('?')[0] ?? '';
    const release = hostPrivacyPopup(route);
    if (!WEAPP && Taro.getCurrentInstance().router?.params?.privacy === 'preview') {
      askPrivacyConsent('input.nickname', () => undefined);
    }
    return release;
  }, []);

  useEffect(() => {
    if (!request) return;
    reportPrivacyExposure();
    if (WEAPP && typeof Taro.getPrivacySetting === 'function') {
      Taro.getPrivacySetting({ success: (r) => r.privacyContractName && setContract(r.privacyContractName) });
    }
  }, [request]);

  return (
    // Only 同意 or 拒绝 answers it: NutUI calls onClose on every hide, so the overlay does not close it.
    <Popup visible={!!request} position="bottom" round closeable={false} closeOnOverlayClick={false}>
      <View className="privacy-popup" id="privacy-popup">
        <Text className="privacy-popup__title">隐私保护提示</Text>
        <Text className="privacy-popup__text">
          {`为了${privacyPurpose(request?.referrer ?? '')}，我们需要你阅读并同意`}
        </Text>
        <Text className="privacy-popup__link" id="privacy-contract" onClick={openPrivacyGuide}>
          {contract}
        </Text>
        <Text className="privacy-popup__text">不同意也可以继续浏览和购物，只是这一项功能暂时无法使用。</Text>
        <View className="privacy-popup__actions">
          <Button className="privacy-popup__btn" id="privacy-refuse" fill="outline" onClick={refusePrivacy}>
            拒绝
          </Button>
          <TaroButton
            className="privacy-popup__btn privacy-popup__agree"
            id={PRIVACY_AGREE_BUTTON_ID}
            openType={'agreePrivacyAuthorization' as never}
            onAgreePrivacyAuthorization={agreePrivacy}
            onClick={WEAPP ? undefined : agreePrivacy}
          >
            同意
          </TaroButton>
        </View>
      </View>
    </Popup>
  );
}
