import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState, type ComponentType } from 'react';
import { ApiError, call, toastError } from '../../api';
import type { ActionOutput } from '../../../cloudfunctions/core/contract';
import { PageSkeleton } from '../Skeletons';
import { EmptyState } from '../EmptyState';

type Session = ActionOutput<'staff.session'>;
type Need = 'staff' | 'manager';

// One role check per visit: every staff and manager page asks the server once, then reuses the
// answer for a minute (a revoked member still meets the server's own check on every action).
let asked: { at: number; answer: Promise<Session> } | undefined;
const REUSE_MS = 60_000;

/** `staff.session`, asked once a minute: the gate's answer, reused by pages that show it (the counter). */
export function staffSession(): Promise<Session> {
  if (!asked || Date.now() - asked.at > REUSE_MS) {
    const answer = call('staff.session', {});
    asked = { at: Date.now(), answer };
    answer.catch(() => (asked = undefined));
  }
  return asked.answer;
}

function isRefusal(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'FORBIDDEN' || err.code === 'UNAUTHENTICATED');
}

type State = { kind: 'checking' } | { kind: 'allowed' } | { kind: 'denied' } | { kind: 'failed' };

/**
 * Shows the page only to the role it serves: a customer (or staff on a manager page) meets one
 * 没有权限 screen instead of the page's cards each failing. Convenience only: the server checks the
 * role on every action.
 */
function RoleGate({ need, children }: { need: Need; children: () => JSX.Element }) {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const check = () => {
    setState({ kind: 'checking' });
    staffSession().then(
      (s) => setState({ kind: need === 'manager' && s.role !== 'manager' ? 'denied' : 'allowed' }),
      (err) => {
        if (isRefusal(err)) return setState({ kind: 'denied' });
        toastError(err);
        setState({ kind: 'failed' });
      },
    );
  };
  useEffect(check, [need]);

  if (state.kind === 'checking') return <PageSkeleton />;
  if (state.kind === 'allowed') return children();
  if (state.kind === 'failed')
    return <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={check} />;
  return (
    <View className="page" id="page-no-permission">
      <EmptyState
        status="error"
        title="没有权限"
        description={need === 'manager' ? '此页面仅限店长使用' : '此页面仅限门店员工使用，请让店长发送员工邀请'}
        actionText="返回我的"
        onAction={() => void Taro.switchTab({ url: '/pages/me/index' })}
      />
    </View>
  );
}

/** The page, behind the role gate: its hooks (and its calls) run only once the role is confirmed. */
export function withRole(need: Need, Page: ComponentType): ComponentType {
  const Gated = () => <RoleGate need={need}>{() => <Page />}</RoleGate>;
  Gated.displayName = `withRole(${Page.displayName ?? Page.name})`;
  return Gated;
}
