/** The server cart and 到货提醒 requests (0027_cart_and_restock.sql). */
export interface CartTables {
  cart_items: {
    member_id: string;
    sku_id: string;
    qty: number;
    selected: boolean;
    added_at: Date;
    updated_at: Date;
  };
  restock_subscriptions: {
    member_id: string;
    product_id: string;
    created_at: Date;
    notified_at: Date | null;
    last_error: string | null;
  };
}
