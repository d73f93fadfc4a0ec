import { describe, expect, it } from 'vitest';
import { auditFacts } from './audit-facts';

describe('auditFacts', () => {
  it('records member, amount and the input, never the member code', () => {
    const facts = auditFacts(
      { code: 'SECRET-CODE', amountFen: 8800, receiptNo: 'R1' },
      { pointsAwarded: 88, memberId: 'm_1' },
    );
    expect(facts).toEqual({
      memberId: 'm_1',
      amountFen: 8800,
      detail: { amountFen: 8800, receiptNo: 'R1', result: { pointsAwarded: 88 } },
    });
    expect(JSON.stringify(facts)).not.toContain('SECRET-CODE');
  });

  it('keeps an invite token out of the log', () => {
    const facts = auditFacts({ role: 'staff' }, { inviteId: 'inv_1', token: 'tok', qrImage: 'data:', expiresAt: 'x' });
    expect(facts.detail).toEqual({ role: 'staff', result: { inviteId: 'inv_1' } });
  });
});
