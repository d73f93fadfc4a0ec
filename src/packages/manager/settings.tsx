import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Skeleton } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { SettingsSectionCode, SettingValue, StoreSettingsView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { EmptyState } from '../../components/EmptyState';
import { SplitView } from '../../components/SplitView';
import { SectionForm } from './components/settings/SectionForm';
import { withRole } from '../../components/RoleGate';
import './manager.scss';
import './components/settings/settings.scss';

type Section = StoreSettingsView['sections'][number];

type Field = Section['fields'][number];

/** A value as the list says it: a list joined, a switch 开/关, a choice by its label. */
function said(f: Field): string {
  if (Array.isArray(f.value)) return f.value.join('/');
  if (typeof f.value === 'boolean') return f.value ? '开' : '关';
  if (f.kind === 'select') return f.options?.find((o) => o.value === f.value)?.label ?? String(f.value);
  return String(f.value);
}

/** A section's first values in one line for the list: `1 分 · 50 %`. */
function summary(s: Section): string {
  const line = s.fields
    .slice(0, 4)
    .map((f) => said(f) + (f.unit ? ` ${f.unit}` : ''))
    .map((v) => (v.trim() === '' ? '未设置' : v))
    .join(' · ');
  return s.fields.length > 4 ? `${line} …` : line;
}

/**
 * 店铺设置: the store's rules in one place (积分, 订单规则, 订阅消息模板, 客服), the section list beside
 * the selected section's form on a wide screen. Each save is a new version, audited; a save over a
 * version someone else replaced meanwhile is refused and the page reloads the newest.
 */
function ManagerSettingsPage() {
  const remote = useRemote(() => call('manager.getSettings', {}), []);
  const [open, setOpen] = useState<SettingsSectionCode>();
  const { busy, submit } = useSubmit();
  const view = remote.data;

  const save = async (code: SettingsSectionCode, values: Record<string, SettingValue>) => {
    if (!view) return;
    const done = await submit(`settings:${code}`, (idempotencyKey) =>
      call(
        'manager.saveSettings',
        {
          section: code,
          values: Object.entries(values).map(([key, value]) => ({ key, value })),
          version: view.version,
        },
        { idempotencyKey },
      ),
    );
    if (done) void Taro.showToast({ title: '已保存', icon: 'success' });
    await remote.reload();
  };

  if (!view) {
    return (
      <View className="page m-page" id="page-manager-settings">
        {remote.error ? (
          <EmptyState title="设置加载失败" status="error" actionText="重新加载" onAction={() => void remote.reload()} />
        ) : (
          <View className="settings-sections">
            <Skeleton rows={6} animated />
          </View>
        )}
      </View>
    );
  }
  const selected = view.sections.find((s) => s.code === open);
  return (
    <View className="page m-page" id="page-manager-settings">
      <SplitView
        id="settings-split"
        placeholder="在左侧选择要修改的设置"
        onBack={() => setOpen(undefined)}
        list={
          <View className="settings-sections">
            {view.sections.map((s) => (
              <View
                key={s.code}
                id={`settings-section-${s.code}`}
                className={`settings-section card${s.code === open ? ' settings-section--active' : ''}`}
                onClick={() => setOpen(s.code)}
              >
                <Text className="settings-section__title">{s.title}</Text>
                <Text className="settings-section__summary">{summary(s)}</Text>
              </View>
            ))}
            <Text className="settings-form__note">{`当前版本 v${view.version}`}</Text>
          </View>
        }
        detail={
          selected && (
            <SectionForm
              key={`${selected.code}:${view.version}`}
              code={selected.code}
              title={selected.title}
              fields={selected.fields}
              busy={busy === `settings:${selected.code}`}
              onSave={(values) => void save(selected.code, values)}
            />
          )
        }
      />
    </View>
  );
}

export default withRole('manager', ManagerSettingsPage);
