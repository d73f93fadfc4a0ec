import type { ActionInput, ActionOutput, ShipmentRowOutcome, ShipmentRowResult } from '../contract';
import type { ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { shipOrder, shipParcel, type ParcelOutcome } from '../order';
import { CARRIERS, findCarrier } from './domain/carriers';
import { parseShipmentCsv, SHIPMENT_CSV_MAX_ROWS, type ShipmentRow } from './domain/shipment-csv';

/** The format manager.shipOrder accepts too. */
const TRACKING_NO = /^[A-Za-z0-9-]{4,40}$/;

function parcelMessage(p: ParcelOutcome): string {
  switch (p.outcome) {
    case 'shipped':
      return '已发货';
    case 'already_shipped':
      return '已用此运单发货，未重复发货';
    case 'shipped_other':
      return `已用其他运单发货：${p.carrier ?? ''} ${p.trackingNo ?? ''}`.trim();
    case 'not_found':
      return '订单不存在';
    case 'not_express':
      return '自提订单无需发货';
    case 'not_paid':
      return '订单未付款、已关闭或售后中，不能发货';
  }
}

const result = (row: ShipmentRow, outcome: ShipmentRowOutcome, message: string): ShipmentRowResult => ({
  line: row.line,
  orderNo: row.orderNo,
  carrier: row.carrier,
  trackingNo: row.trackingNo,
  outcome,
  message,
});

/**
 * `manager.importShipments`: ships every row of a pasted or picked spreadsheet and reports each row.
 * Shipping is the same conditional update as the ship sheet's, so a file imported twice (or twice at
 * once) ships each order once and the second run reports `already_shipped`. Rows are shipped in
 * order-number order: two imports lock the same orders in the same order and cannot deadlock.
 */
export async function importShipments({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.importShipments'>>): Promise<Result<ActionOutput<'manager.importShipments'>>> {
  const parsed = parseShipmentCsv(input.csv);
  if (!parsed.ok) {
    return parsed.reason === 'EMPTY'
      ? fail('VALIDATION_FAILED', '文件中没有发货记录', { reason: 'EMPTY' })
      : fail('VALIDATION_FAILED', `一次最多导入 ${SHIPMENT_CSV_MAX_ROWS} 行`, { limit: SHIPMENT_CSV_MAX_ROWS });
  }
  const results = new Map<number, ShipmentRowResult>();
  for (const m of parsed.malformed) {
    results.set(m.line, {
      line: m.line,
      orderNo: '',
      carrier: '',
      trackingNo: '',
      outcome: 'malformed',
      message: '应为：订单号, 快递公司, 运单号',
    });
  }
  const firstLineOf = new Map<string, number>();
  const toShip: Array<{ row: ShipmentRow; carrier: string }> = [];
  for (const row of parsed.rows) {
    const carrier = findCarrier(row.carrier);
    const first = firstLineOf.get(row.orderNo);
    if (first !== undefined) results.set(row.line, result(row, 'duplicate_row', `与第 ${first} 行是同一订单`));
    else if (!carrier) results.set(row.line, result(row, 'bad_carrier', `无法识别的快递公司「${row.carrier}」`));
    else if (!TRACKING_NO.test(row.trackingNo)) results.set(row.line, result(row, 'bad_tracking_no', '运单号格式有误'));
    else toShip.push({ row, carrier: carrier.name });
    if (first === undefined) firstLineOf.set(row.orderNo, row.line);
  }
  toShip.sort((a, b) => (a.row.orderNo < b.row.orderNo ? -1 : a.row.orderNo > b.row.orderNo ? 1 : 0));
  for (const { row, carrier } of toShip) {
    const outcome = await shipParcel(exec, {
      storeId: ctx.storeId,
      order: { orderNo: row.orderNo },
      carrier,
      trackingNo: row.trackingNo,
      now: ctx.now,
    });
    results.set(row.line, result(row, outcome.outcome, parcelMessage(outcome)));
  }
  const rows = [...results.values()].sort((a, b) => a.line - b.line);
  const counts: Partial<Record<ShipmentRowOutcome, number>> = {};
  for (const r of rows) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return ok({ rows, counts });
}

/** `manager.listCarriers`: the carriers the ship sheet offers. */
export async function listCarriers(): Promise<Result<ActionOutput<'manager.listCarriers'>>> {
  return ok({ items: CARRIERS.map(({ code, name }) => ({ code, name })) });
}

/** `manager.shipOrder`: the carrier must be one of the list (by code, name or alias); the order stores its name. */
export async function shipOrderWithCarrier(
  args: ServiceArgs<ActionInput<'manager.shipOrder'>>,
): Promise<Result<ActionOutput<'manager.shipOrder'>>> {
  const carrier = findCarrier(args.input.carrier);
  if (!carrier) return fail('VALIDATION_FAILED', '请从列表中选择快递公司', { field: 'carrier' });
  return shipOrder({ ...args, input: { ...args.input, carrier: carrier.name } });
}
