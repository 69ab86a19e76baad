CREATE VIEW order_totals AS
SELECT o.id AS order_id,
       o.customer_id,
       sum(i.quantity * i.unit_price_cents) AS total_cents
FROM orders o
JOIN order_items i ON i.order_id = o.id
GROUP BY o.id, o.customer_id;
