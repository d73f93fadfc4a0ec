import { ActionSheet } from '@nutui/nutui-react-taro';

export interface ShopOption {
  /** Null: 不指定门店 (offered by the invite's picker only). */
  shopId: string | null;
  name: string;
}

interface Props {
  visible: boolean;
  title: string;
  shops: ShopOption[];
  /** The shop already chosen: listed as 当前, not selectable. */
  current?: string | null;
  onSelect: (shop: ShopOption) => void;
  onClose: () => void;
}

/**
 * A bottom sheet of the store's shops (NutUI ActionSheet: unlike Taro.showActionSheet it is not capped
 * at six items, and a brand may have more shops than that).
 */
export function ShopSheet({ visible, title, shops, current, onSelect, onClose }: Props) {
  const options = shops.map((s) => ({
    name: s.name,
    description: s.shopId === current ? '当前' : '',
    disabled: s.shopId === current,
  }));
  return (
    <ActionSheet
      visible={visible}
      title={title}
      options={options}
      cancelText="取消"
      onCancel={onClose}
      onClose={onClose}
      onSelect={(_, index) => {
        onClose();
        onSelect(shops[index]!);
      }}
    />
  );
}
