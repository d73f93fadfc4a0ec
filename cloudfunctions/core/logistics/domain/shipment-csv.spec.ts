import { describe, expect, it } from 'vitest';
import { parseShipmentCsv, SHIPMENT_CSV_MAX_ROWS, splitCsvLine } from './shipment-csv';
import { findCarrier } from './carriers';

describe('shipment spreadsheet', () => {
  it('reads a header, a BOM, CRLF, quotes and blank lines; reports a short line as malformed', () => {
    const text =
      '\uFEFF订单号,快递公司,运单号\r\n202603020001,顺丰,SF1001\r\n\r\n"202603020002"," 中通 ",ZT-2002\r\n202603020003,圆通\r\n';
    expect(parseShipmentCsv(text)).toEqual({
      ok: true,
      rows: [
        { line: 2, orderNo: '202603020001', carrier: '顺丰', trackingNo: 'SF1001' },
        { line: 4, orderNo: '202603020002', carrier: '中通', trackingNo: 'ZT-2002' },
      ],
      malformed: [{ line: 5, text: '202603020003,圆通' }],
    });
  });

  it('without a header the first line is a row; tabs (a paste from a sheet) separate too', () => {
    const parsed = parseShipmentCsv('202603020001\tshunfeng\tSF1001');
    expect(parsed).toMatchObject({ ok: true, rows: [{ line: 1, carrier: 'shunfeng' }] });
  });

  it('an escaped quote inside a quoted field', () => {
    expect(splitCsvLine('"a ""b"", c",d')).toEqual(['a "b", c', 'd']);
  });

  it('refuses an empty file and one over the row cap', () => {
    expect(parseShipmentCsv('\n\n')).toEqual({ ok: false, reason: 'EMPTY', rows: 0 });
    const many = Array.from({ length: SHIPMENT_CSV_MAX_ROWS + 1 }, (_, i) => `${i},顺丰,SF${1000 + i}`).join('\n');
    expect(parseShipmentCsv(many)).toMatchObject({ ok: false, reason: 'TOO_MANY_ROWS' });
  });

  it('carriers by code, name or alias, case and spaces ignored', () => {
    expect(findCarrier('顺丰')?.code).toBe('shunfeng');
    expect(findCarrier(' SF ')?.name).toBe('顺丰速运');
    expect(findCarrier('JTexpress')?.name).toBe('极兔速递');
    expect(findCarrier('邮政')?.code).toBe('youzhengguonei');
    expect(findCarrier('天天快递')).toBeNull();
  });
});
