import { Text, View } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';

interface Props {
  /** Prefixes the ids: `<id>-active`, `<id>-save`, `<id>-delete`. */
  id: string;
  /** What is edited, for 删除…: 横幅, 版块. */
  noun: string;
  active: boolean;
  onActive: (active: boolean) => void;
  busy: boolean;
  valid: boolean;
  onSave: () => void;
  onDelete?: () => void;
}

/** The foot of a 首页装修 editor: shown or not, 保存, and 删除 for an item that exists. */
export function EditorActions({ id, noun, active, onActive, busy, valid, onSave, onDelete }: Props) {
  return (
    <>
      <View className="ship-form__row">
        <Text className="ship-form__label">展示</Text>
        <Switch checked={active} onChange={onActive} id={`${id}-active`} />
      </View>
      <Button block type="primary" id={`${id}-save`} loading={busy} disabled={!valid || busy} onClick={onSave}>
        保存
      </Button>
      {onDelete ? (
        <Button block fill="none" id={`${id}-delete`} disabled={busy} onClick={onDelete}>
          {`删除${noun}`}
        </Button>
      ) : null}
    </>
  );
}
