DROP TABLE order_items;
DROP TABLE orders;
DROP TABLE products;
DROP TYPE product_state;
DROP TABLE customers;
