DROP TRIGGER customers_touch_updated_at ON customers;
DROP FUNCTION touch_updated_at();
DROP VIEW order_totals;
ALTER TABLE orders DROP COLUMN note;
