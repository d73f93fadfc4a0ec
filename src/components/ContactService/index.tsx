import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import type { StoreServiceInfo } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import './index.scss';

const WEAPP = process.env.TARO_ENV === 'weapp';

/** What the conversation is about: WeChat shows it to the 客服 and as a card the customer can send. */
export interface ContactContext {
  kind: 'product' | 'order' | 'refund';
  id: string;
  title: string;
  /** The page the card opens, with its query (`/packages/order/detail?orderId=...`). */
  path: string;
  image?: string;
}

// One read per app run: the contact changes rarely, and three pages show it.
let info: Promise<StoreServiceInfo> | undefined;
const loadInfo = () =>
  (info ??= call('catalog.storeService', {}).catch((err: unknown) => {
    info = undefined;
    throw err;
  }));

/** H5: the store's configured phone (tel:) or WeCom 客服 link; nothing when the store set neither. */
function WebContact({ id }: { id: string }) {
  const remote = useRemote(loadInfo, []);
  const s = remote.data;
  if (!s || (!s.phone && !s.wecomUrl)) return null;
  const open = () => {
    if (s.wecomUrl) window.open(s.wecomUrl, '_blank', 'noopener');
    else void Taro.makePhoneCall({ phoneNumber: s.phone! }).catch(() => undefined);
  };
  return (
    <View className="contact-service card" id={id} onClick={open}>
      <Text className="contact-service__label">联系客服</Text>
      <Text className="contact-service__value" id={`${id}-value`}>
        {s.wecomUrl ? '在线客服 ›' : `${s.phone} ›`}
      </Text>
    </View>
  );
}

/**
 * 联系客服. In WeChat, its own 客服 button (`open-type="contact"`): the session names what it is about
 * (`sessionFrom` `order:<id>`) and offers the page as a message card. On H5 there is no such button:
 * the phone number or WeCom link the store set in 店铺设置.
 */
export function ContactService({ context, id = 'contact-service' }: { context: ContactContext; id?: string }) {
  if (!WEAPP) return <WebContact id={id} />;
  return (
    <View className="contact-service card" id={id}>
      <Text className="contact-service__label">有疑问？</Text>
      <Button
        className="contact-service__btn"
        openType="contact"
        sessionFrom={`${context.kind}:${context.id}`}
        sendMessageTitle={context.title.slice(0, 40)}
        sendMessagePath={context.path}
        sendMessageImg={context.image}
        showMessageCard
      >
        联系客服
      </Button>
    </View>
  );
}
