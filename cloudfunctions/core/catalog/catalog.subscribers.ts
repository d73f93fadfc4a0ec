import { subscribe } from '../outbox/subscriptions';
import { sendRestockNotice } from './restock.service';

// 到货提醒: one message per waiting member when a sold-out product is back in stock.
subscribe('restock.notify', sendRestockNotice);
