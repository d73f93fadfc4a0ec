import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { AdvisorBudget, AdvisorTemplate } from '../../../../cloudfunctions/core/contract';
import { EmptyState } from '../../../components/EmptyState';
import { formatFen } from '../../../utils/money';

interface Props {
  budget: AdvisorBudget;
  templates: AdvisorTemplate[];
  busy: boolean;
  onIssue: (templateId: string) => void;
}

/**
 * 发券: this month's budget left and the templates the manager allows, each with what it costs the
 * budget (its face value). A template that no longer fits is shown but cannot be picked; the server
 * decides anyway (ADVISOR_BUDGET_EXCEEDED under concurrent issuing).
 */
export function IssueCouponForm({ budget, templates, busy, onIssue }: Props) {
  const [picked, setPicked] = useState<string>();
  return (
    <View className="adv-issue card" id="issue-coupon">
      <View className="adv-issue__head">
        <Text className="adv-issue__title">发券</Text>
        <Text
          className="adv-issue__budget"
          id="budget-left"
        >{`本月剩余额度 ¥${formatFen(budget.remainingFen)} / ¥${formatFen(budget.budgetFen)}`}</Text>
      </View>
      {templates.length === 0 ? (
        <EmptyState id="issue-no-templates" title="暂无可发的券" description="请店长在导购管理中设置导购可发的优惠券" />
      ) : (
        templates.map((t) => {
          const fits = t.costFen <= budget.remainingFen;
          return (
            <View
              key={t.templateId}
              id={`template-${t.templateId}`}
              className={`adv-template${picked === t.templateId ? ' adv-template--on' : ''}${fits ? '' : ' adv-template--off'}`}
              onClick={() => fits && setPicked(t.templateId)}
            >
              <Text className="adv-template__title">{t.title}</Text>
              <Text className="adv-template__cost">{fits ? `占用额度 ¥${formatFen(t.costFen)}` : '额度不足'}</Text>
            </View>
          );
        })
      )}
      <Button
        type="primary"
        block
        id="issue-submit"
        disabled={!picked || busy}
        loading={busy}
        onClick={() => picked && onIssue(picked)}
      >
        发给顾客
      </Button>
    </View>
  );
}
