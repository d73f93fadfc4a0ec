import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface SplitViewProps {
  id?: string;
  /** The list (left column on a wide screen). */
  list: ReactNode;
  /** The selected item's detail or editor; undefined while nothing is selected. */
  detail?: ReactNode;
  /** Shown in the right column of a wide screen while nothing is selected. */
  placeholder?: string;
  /** A narrow screen shows the detail in place of the list; its 返回列表 calls this. */
  onBack?: () => void;
}

/**
 * A manager page's list beside its detail. At 1024 px and wider (WeChat's desktop client, a desktop
 * browser on the self-hosted gateway) both columns show at once; narrower, the detail replaces the list
 * until 返回列表. Pure CSS media queries: WXSS and H5 both honour them, so no window listener is needed.
 */
export function SplitView({ id, list, detail, placeholder = '在左侧选择一项查看', onBack }: SplitViewProps) {
  const open = detail !== undefined && detail !== null && detail !== false;
  return (
    <View id={id} className={`split${open ? ' split--open' : ''}`}>
      <View className="split__list">{list}</View>
      <View className="split__detail">
        {open ? (
          <>
            {onBack && (
              <View className="split__back" id="split-back" onClick={onBack}>
                <Text>‹ 返回列表</Text>
              </View>
            )}
            {detail}
          </>
        ) : (
          <View className="split__placeholder">
            <Text>{placeholder}</Text>
          </View>
        )}
      </View>
    </View>
  );
}
