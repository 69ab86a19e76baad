-- Labelled pairs of schema changes planned at the same time against base.sql, by two different
-- people or agents. Each pair says whether the two collide and how (`expect`):
--   none          the changes commute and neither hurts the other
--   same_object   both change one object, or add the same index or key twice
--   dependency    one drops, renames or retypes what the other relies on, or builds on what
--                 the other creates (so order matters)
--   name_clash    both create something under one name
--   lock_overlap  on a table listed in `hot`, one change blocks writes while the other holds a
--                 conflicting lock for a whole-table pass
-- The labels say what a DBA reviewing both changes would say, not what any tool finds: pairs
-- no parser can see through (partition bounds of an insert, enum labels in string literals, a
-- foreign key's need for a unique key) are here on purpose. CREATE OR REPLACE keeps a view's
-- columns and a function's signature (the server refuses otherwise), so what reads or calls the
-- replaced object is not in conflict with it; its data or behaviour changing is ordinary. The statements follow the forms of the migrations in the public
-- schema-diff corpus (sqldef, migra, pgschema, apgdiff expected outputs) and of everyday
-- expand/contract work. tests/support/intent_corpus.cpp reads this file.
--
-- Format: "-- pair: NAME", "-- expect: LABEL", optional "-- hot: schema.table[, ...]", then
-- "-- a:" and "-- b:" each followed by its SQL.

-- ===== Columns: dropped, renamed or retyped under a reader =====

-- pair: drop-column-vs-new-view
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN name;
-- b:
CREATE VIEW app.user_names AS SELECT id, name FROM app.users;

-- pair: drop-column-vs-index-on-it
-- expect: dependency
-- a:
ALTER TABLE app.orders DROP COLUMN note;
-- b:
CREATE INDEX CONCURRENTLY orders_note_idx ON app.orders (note);

-- pair: drop-column-vs-expression-index
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN name;
-- b:
CREATE INDEX users_lower_name_idx ON app.users (lower(name));

-- pair: drop-column-vs-partial-index-predicate
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN deleted_at;
-- b:
CREATE INDEX users_live_email_idx ON app.users (email) WHERE deleted_at IS NULL;

-- pair: drop-column-vs-check
-- expect: dependency
-- a:
ALTER TABLE app.orders DROP COLUMN total;
-- b:
ALTER TABLE app.orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;

-- pair: drop-column-vs-foreign-key-to-it
-- expect: dependency
-- a:
ALTER TABLE app.products DROP COLUMN sku;
-- b:
CREATE TABLE app.stock (sku text PRIMARY KEY REFERENCES app.products (sku), quantity integer NOT NULL);

-- pair: drop-column-vs-trigger-when
-- expect: dependency
-- a:
ALTER TABLE app.orders DROP COLUMN status;
-- b:
CREATE TRIGGER orders_shipped AFTER UPDATE ON app.orders FOR EACH ROW
    WHEN (NEW.status = 'shipped') EXECUTE FUNCTION audit.log_change();

-- pair: drop-column-vs-trigger-update-of
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN email CASCADE;
-- b:
CREATE TRIGGER users_email_audit AFTER UPDATE OF email ON app.users FOR EACH ROW
    EXECUTE FUNCTION audit.log_change();

-- pair: drop-column-vs-sql-function
-- expect: dependency
-- a:
ALTER TABLE app.order_items DROP COLUMN unit_price;
-- b:
CREATE FUNCTION app.item_value(p_order bigint, p_product bigint) RETURNS numeric LANGUAGE sql AS $$
    SELECT quantity * unit_price FROM app.order_items
     WHERE order_id = p_order AND product_id = p_product
$$;

-- pair: drop-column-vs-plpgsql-function
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN country;
-- b:
CREATE FUNCTION app.users_in(p_country text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM app.users WHERE country = p_country;
    RETURN n;
END
$$;

-- pair: drop-column-vs-begin-atomic-function
-- expect: dependency
-- a:
ALTER TABLE app.products DROP COLUMN price;
-- b:
CREATE FUNCTION app.cheapest() RETURNS numeric LANGUAGE sql
BEGIN ATOMIC
    SELECT min(price) FROM app.products WHERE active;
END;

-- pair: drop-column-vs-policy
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN deleted_at;
-- b:
CREATE POLICY users_live ON app.users USING (deleted_at IS NULL);

-- pair: drop-column-vs-backfill
-- expect: dependency
-- a:
ALTER TABLE app.orders DROP COLUMN note;
-- b:
UPDATE app.orders SET note = 'migrated' WHERE note IS NULL;

-- pair: drop-column-vs-insert
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN country;
-- b:
INSERT INTO app.users (email, name, country) VALUES ('ada@example.com', 'Ada', 'GB');

-- pair: drop-column-vs-replace-the-view-reading-it
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN deleted_at CASCADE;
-- b:
CREATE OR REPLACE VIEW app.active_users AS
    SELECT id, email, name, country FROM app.users WHERE deleted_at IS NULL;

-- pair: drop-column-vs-replace-view-two-levels-up
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN email CASCADE;
-- b:
CREATE OR REPLACE VIEW app.big_orders AS
    SELECT id, email, total FROM app.order_summaries WHERE total > 5000;

-- pair: drop-column-vs-comment-on-dependent-view
-- expect: dependency
-- a:
ALTER TABLE app.orders DROP COLUMN total CASCADE;
-- b:
COMMENT ON VIEW app.order_summaries IS 'orders with their buyer';

-- pair: drop-column-vs-refresh-of-matview-on-it
-- expect: dependency
-- a:
ALTER TABLE billing.invoices DROP COLUMN issued_at CASCADE;
-- b:
REFRESH MATERIALIZED VIEW billing.revenue_by_day;

-- pair: drop-column-vs-replace-function-reading-it
-- expect: dependency
-- a:
ALTER TABLE app.users DROP COLUMN name;
-- b:
CREATE OR REPLACE FUNCTION app.user_display_name(p_user bigint) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
    result text;
BEGIN
    SELECT coalesce(name, email, 'unknown') INTO result FROM app.users WHERE id = p_user;
    RETURN result;
END
$$;

-- pair: drop-column-vs-view-of-other-columns
-- expect: none
-- a:
ALTER TABLE app.users DROP COLUMN country;
-- b:
CREATE VIEW app.user_emails AS SELECT id, email FROM app.users;

-- pair: drop-column-vs-index-on-other-column
-- expect: none
-- a:
ALTER TABLE app.orders DROP COLUMN note;
-- b:
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON app.orders (placed_at);

-- pair: drop-column-vs-add-other-column
-- expect: none
-- a:
ALTER TABLE app.users DROP COLUMN country;
-- b:
ALTER TABLE app.users ADD COLUMN region text;

-- pair: rename-column-vs-new-view
-- expect: dependency
-- a:
ALTER TABLE app.users RENAME COLUMN name TO full_name;
-- b:
CREATE VIEW app.user_names AS SELECT id, name FROM app.users;

-- pair: rename-column-vs-backfill
-- expect: dependency
-- a:
ALTER TABLE app.orders RENAME COLUMN note TO customer_note;
-- b:
UPDATE app.orders SET note = '' WHERE note IS NULL;

-- pair: rename-column-twice
-- expect: same_object
-- a:
ALTER TABLE app.orders RENAME COLUMN note TO comment;
-- b:
ALTER TABLE app.orders RENAME COLUMN note TO remark;

-- pair: rename-column-vs-add-column-of-new-name
-- expect: name_clash
-- a:
ALTER TABLE app.users RENAME COLUMN name TO display_name;
-- b:
ALTER TABLE app.users ADD COLUMN display_name text;

-- pair: rename-column-vs-index-on-other-column
-- expect: none
-- a:
ALTER TABLE app.users RENAME COLUMN country TO country_code;
-- b:
CREATE INDEX users_created_at_idx ON app.users (created_at);

-- pair: rename-column-vs-comment-on-it
-- expect: same_object
-- a:
ALTER TABLE app.products RENAME COLUMN title TO name;
-- b:
COMMENT ON COLUMN app.products.title IS 'display title';

-- pair: rename-column-vs-insert-select-reading-it
-- expect: dependency
-- a:
INSERT INTO audit.events (table_name, row_id, action)
    SELECT 'users', id, 'import' FROM app.users WHERE country = 'FR';
-- b:
ALTER TABLE app.users RENAME COLUMN country TO country_code;

-- pair: rename-column-vs-history-copy
-- expect: dependency
-- a:
CREATE TABLE app.order_status_history (
    order_id bigint NOT NULL REFERENCES app.orders (id),
    status app.order_status NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO app.order_status_history (order_id, status) SELECT id, status FROM app.orders;
-- b:
ALTER TABLE app.orders RENAME COLUMN status TO state;

-- pair: rename-column-vs-gin-expression-index
-- expect: dependency
-- a:
CREATE INDEX products_search_idx ON app.products USING gin (to_tsvector('simple', title));
-- b:
ALTER TABLE app.products RENAME COLUMN title TO name;

-- pair: retype-column-twice
-- expect: same_object
-- a:
ALTER TABLE app.orders ALTER COLUMN total TYPE numeric(14,2);
-- b:
ALTER TABLE app.orders ALTER COLUMN total TYPE bigint USING (total * 100)::bigint;

-- pair: retype-column-vs-new-view
-- expect: dependency
-- a:
ALTER TABLE app.users ALTER COLUMN country TYPE varchar(3);
-- b:
CREATE VIEW app.users_by_country AS SELECT country, count(*) AS n FROM app.users GROUP BY country;

-- pair: retype-column-vs-replace-view-on-it
-- expect: dependency
-- a:
ALTER TABLE app.orders ALTER COLUMN total TYPE numeric(14,2);
-- b:
CREATE OR REPLACE VIEW app.order_summaries AS
    SELECT o.id, o.user_id, u.email, o.status, o.total, o.placed_at
      FROM app.orders o JOIN app.users u ON u.id = o.user_id;

-- pair: retype-column-vs-index-on-it
-- expect: dependency
-- a:
ALTER TABLE app.users ALTER COLUMN country TYPE text;
-- b:
CREATE INDEX CONCURRENTLY users_country_idx ON app.users (country);

-- pair: retype-column-vs-set-default
-- expect: same_object
-- a:
ALTER TABLE app.orders ALTER COLUMN total TYPE numeric(14,2);
-- b:
ALTER TABLE app.orders ALTER COLUMN total SET DEFAULT 0.00;

-- pair: retype-column-vs-backfill
-- expect: dependency
-- a:
ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(200);
-- b:
UPDATE app.orders SET note = repeat('x', 300) WHERE id = 1;

-- pair: retype-column-vs-view-of-other-columns
-- expect: none
-- a:
ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(500);
-- b:
CREATE VIEW app.order_dates AS SELECT id, placed_at FROM app.orders;

-- pair: retype-referenced-key-vs-new-foreign-key
-- expect: dependency
-- a:
ALTER TABLE app.users ALTER COLUMN id TYPE integer;
-- b:
CREATE TABLE app.wishlists (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES app.users (id));

-- pair: retype-column-vs-check-on-it
-- expect: dependency
-- a:
ALTER TABLE app.users ADD CONSTRAINT users_country_check CHECK (country ~ '^[A-Z]{2}$') NOT VALID;
-- b:
ALTER TABLE app.users ALTER COLUMN country TYPE varchar(3);

-- pair: retype-column-vs-generated-column-on-it
-- expect: dependency
-- a:
ALTER TABLE app.products ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED;
-- b:
ALTER TABLE app.products ALTER COLUMN title TYPE varchar(300);

-- pair: retype-column-vs-new-materialized-view
-- expect: dependency
-- a:
CREATE MATERIALIZED VIEW app.product_sales AS
    SELECT product_id, sum(quantity * unit_price) AS revenue FROM app.order_items GROUP BY product_id;
-- b:
ALTER TABLE app.order_items ALTER COLUMN unit_price TYPE numeric(12,2);

-- pair: retype-column-vs-function-computing-with-it
-- expect: dependency
-- a:
ALTER TABLE app.order_items ALTER COLUMN quantity TYPE bigint;
-- b:
CREATE OR REPLACE FUNCTION app.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * unit_price), 0)::numeric(12,2)
      FROM app.order_items WHERE order_id = p_order
$$;

-- ===== Columns: nullability, defaults, comments, new columns =====

-- pair: set-not-null-twice
-- expect: same_object
-- a:
ALTER TABLE app.users ALTER COLUMN name SET NOT NULL;
-- b:
ALTER TABLE app.users ALTER COLUMN name SET NOT NULL;

-- pair: set-not-null-vs-backfill
-- expect: dependency
-- a:
ALTER TABLE app.users ALTER COLUMN country SET NOT NULL;
-- b:
UPDATE app.users SET country = 'US' WHERE country IS NULL;

-- pair: set-not-null-vs-set-default
-- expect: same_object
-- a:
ALTER TABLE app.orders ALTER COLUMN note SET NOT NULL;
-- b:
ALTER TABLE app.orders ALTER COLUMN note SET DEFAULT '';

-- pair: set-default-twice
-- expect: same_object
-- a:
ALTER TABLE app.products ALTER COLUMN active SET DEFAULT false;
-- b:
ALTER TABLE app.products ALTER COLUMN active SET DEFAULT true;

-- pair: set-default-vs-drop-column
-- expect: same_object
-- a:
ALTER TABLE app.orders ALTER COLUMN note SET DEFAULT 'n/a';
-- b:
ALTER TABLE app.orders DROP COLUMN note;

-- pair: set-default-vs-view-reading-column
-- expect: none
-- a:
ALTER TABLE app.users ALTER COLUMN country SET DEFAULT 'US';
-- b:
CREATE VIEW app.countries AS SELECT DISTINCT country FROM app.users;

-- pair: set-default-vs-delete-reading-column
-- expect: none
-- a:
ALTER TABLE public.sessions ALTER COLUMN expires_at SET DEFAULT now() + interval '1 day';
-- b:
DELETE FROM public.sessions WHERE expires_at < now();

-- pair: statistics-target-vs-not-null
-- expect: none
-- a:
ALTER TABLE app.products ALTER COLUMN title SET STATISTICS 500;
-- b:
ALTER TABLE app.products ALTER COLUMN sku SET STATISTICS 1000;

-- pair: comment-on-column-twice
-- expect: same_object
-- a:
COMMENT ON COLUMN app.users.email IS 'login';
-- b:
COMMENT ON COLUMN app.users.email IS 'contact address';

-- pair: comment-vs-drop-column
-- expect: same_object
-- a:
COMMENT ON COLUMN app.orders.note IS 'free text from the buyer';
-- b:
ALTER TABLE app.orders DROP COLUMN note;

-- pair: comments-on-different-columns
-- expect: none
-- a:
COMMENT ON COLUMN app.users.email IS 'login';
-- b:
COMMENT ON COLUMN app.users.name IS 'display name';

-- pair: comment-on-table-vs-new-column
-- expect: none
-- a:
COMMENT ON TABLE app.orders IS 'One row per checkout';
-- b:
ALTER TABLE app.orders ADD COLUMN channel text;

-- pair: add-different-columns
-- expect: none
-- a:
ALTER TABLE app.users ADD COLUMN phone text;
-- b:
ALTER TABLE app.users ADD COLUMN locale text DEFAULT 'en';

-- pair: add-same-column
-- expect: name_clash
-- a:
ALTER TABLE app.users ADD COLUMN phone text;
-- b:
ALTER TABLE app.users ADD COLUMN phone varchar(32);

-- pair: add-same-column-if-not-exists
-- expect: name_clash
-- a:
ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS currency char(3);
-- b:
ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS currency char(3) DEFAULT 'EUR';

-- pair: add-same-soft-delete-column-in-bigger-change
-- expect: name_clash
-- a:
ALTER TABLE app.products ADD COLUMN deleted_at timestamptz;
CREATE INDEX CONCURRENTLY products_live_idx ON app.products (id) WHERE deleted_at IS NULL;
-- b:
ALTER TABLE app.products ADD COLUMN deleted_at timestamptz;

-- pair: add-same-identity-column-name
-- expect: name_clash
-- a:
ALTER TABLE public.settings ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
-- b:
ALTER TABLE public.settings ADD COLUMN id uuid;

-- pair: add-column-vs-view-needing-it
-- expect: dependency
-- a:
ALTER TABLE app.users ADD COLUMN phone text;
-- b:
CREATE VIEW app.user_phones AS SELECT id, phone FROM app.users;

-- pair: add-column-vs-unique-index-on-it
-- expect: dependency
-- a:
ALTER TABLE app.orders ADD COLUMN external_ref text;
-- b:
CREATE UNIQUE INDEX CONCURRENTLY orders_external_ref_key ON app.orders (external_ref);

-- pair: add-column-vs-function-needing-it
-- expect: dependency
-- a:
ALTER TABLE app.order_items ADD COLUMN discount numeric(10,2) NOT NULL DEFAULT 0;
-- b:
CREATE OR REPLACE FUNCTION app.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * unit_price - discount), 0)
      FROM app.order_items WHERE order_id = p_order
$$;

-- pair: add-column-with-check-vs-view-filtering-on-it
-- expect: dependency
-- a:
ALTER TABLE app.orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR',
    ADD CONSTRAINT orders_currency_check CHECK (currency IN ('EUR', 'USD'));
-- b:
CREATE VIEW app.orders_in_usd AS SELECT id, total FROM app.orders WHERE currency = 'USD';

-- pair: add-same-column-name-to-different-tables
-- expect: none
-- a:
ALTER TABLE app.users ADD COLUMN phone text;
-- b:
ALTER TABLE app.orders ADD COLUMN phone text;

-- pair: add-column-vs-drop-table
-- expect: dependency
-- a:
ALTER TABLE public.sessions ADD COLUMN ip inet;
-- b:
DROP TABLE public.sessions;

-- pair: add-generated-column-vs-drop-its-source
-- expect: dependency
-- a:
ALTER TABLE app.order_items ADD COLUMN line_total numeric
    GENERATED ALWAYS AS (quantity * unit_price) STORED;
-- b:
ALTER TABLE app.order_items DROP COLUMN unit_price;

-- pair: expand-backfill-vs-contract-of-source
-- expect: dependency
-- a:
ALTER TABLE app.users ADD COLUMN email_normalized text;
UPDATE app.users SET email_normalized = lower(email);
-- b:
ALTER TABLE app.users DROP COLUMN email CASCADE;

-- pair: expand-column-vs-drop-unrelated-column
-- expect: none
-- a:
ALTER TABLE app.users ADD COLUMN email_normalized text;
-- b:
ALTER TABLE app.users DROP COLUMN country;

-- pair: add-column-vs-view-on-other-columns
-- expect: none
-- a:
CREATE VIEW app.user_emails AS SELECT id, email FROM app.users;
-- b:
ALTER TABLE app.users ADD COLUMN phone text;

-- pair: two-views-reading-one-column
-- expect: none
-- a:
CREATE VIEW app.emails_only AS SELECT email FROM app.users;
-- b:
CREATE VIEW app.french_users AS SELECT id, email FROM app.users WHERE country = 'FR';

-- pair: add-column-vs-new-shipment-table
-- expect: none
-- a:
CREATE TABLE app.shipments (
    id bigint PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES app.orders (id),
    shipped_at timestamptz
);
CREATE INDEX shipments_order_idx ON app.shipments (order_id);
-- b:
ALTER TABLE app.orders ADD COLUMN shipped_at timestamptz;

-- ===== Tables =====

-- pair: create-same-table
-- expect: name_clash
-- a:
CREATE TABLE app.coupons (code text PRIMARY KEY, percent integer NOT NULL);
-- b:
CREATE TABLE app.coupons (id bigint PRIMARY KEY, code text UNIQUE, amount numeric);

-- pair: create-table-vs-view-of-same-name
-- expect: name_clash
-- a:
CREATE TABLE app.user_stats (user_id bigint PRIMARY KEY, orders integer NOT NULL);
-- b:
CREATE VIEW app.user_stats AS SELECT user_id, count(*) AS orders FROM app.orders GROUP BY user_id;

-- pair: create-table-vs-index-of-same-name
-- expect: name_clash
-- a:
CREATE INDEX order_lookup ON app.orders (user_id, placed_at);
-- b:
CREATE TABLE app.order_lookup (order_id bigint PRIMARY KEY, code text);

-- pair: create-table-vs-type-of-same-name
-- expect: name_clash
-- a:
CREATE TYPE app.address AS (street text, city text, country char(2));
-- b:
CREATE TABLE app.address (id bigint PRIMARY KEY, street text, city text);

-- pair: create-same-name-in-different-schemas
-- expect: none
-- a:
CREATE TABLE app.notes (id bigint PRIMARY KEY, body text);
-- b:
CREATE TABLE audit.notes (id bigint PRIMARY KEY, body text);

-- pair: create-different-tables
-- expect: none
-- a:
CREATE TABLE app.wishlist_items (user_id bigint NOT NULL, product_id bigint NOT NULL, PRIMARY KEY (user_id, product_id));
-- b:
CREATE TABLE app.reviews (id bigint PRIMARY KEY, product_id bigint NOT NULL, stars smallint NOT NULL);

-- pair: new-tables-referencing-one-parent
-- expect: none
-- a:
CREATE TABLE app.wishlists (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES app.users (id));
-- b:
CREATE TABLE app.reviews (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app.users (id),
    product_id bigint NOT NULL REFERENCES app.products (id),
    stars smallint CHECK (stars BETWEEN 1 AND 5)
);

-- pair: new-table-vs-table-referencing-it
-- expect: dependency
-- a:
CREATE TABLE app.carts (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users (id));
-- b:
CREATE TABLE app.cart_items (
    cart_id bigint NOT NULL REFERENCES app.carts (id),
    product_id bigint NOT NULL REFERENCES app.products (id),
    quantity integer NOT NULL
);

-- pair: new-table-vs-seed-rows
-- expect: dependency
-- a:
CREATE TABLE app.coupons (code text PRIMARY KEY, percent integer NOT NULL);
-- b:
INSERT INTO app.coupons (code, percent) VALUES ('WELCOME', 10);

-- pair: drop-table-vs-foreign-key-to-it
-- expect: dependency
-- a:
DROP TABLE app.products CASCADE;
-- b:
CREATE TABLE app.reviews (id bigint PRIMARY KEY, product_id bigint REFERENCES app.products (id), stars integer);

-- pair: drop-table-vs-insert
-- expect: dependency
-- a:
DROP TABLE public.settings;
-- b:
INSERT INTO public.settings (key, value) VALUES ('maintenance', 'off');

-- pair: drop-table-twice
-- expect: same_object
-- a:
DROP TABLE IF EXISTS public.sessions;
-- b:
DROP TABLE public.sessions;

-- pair: drop-table-vs-view-joining-it
-- expect: dependency
-- a:
DROP TABLE app.settings;
-- b:
CREATE VIEW app.user_themes AS
    SELECT u.email, s.theme FROM app.users u LEFT JOIN app.settings s ON s.user_id = u.id;

-- pair: drop-table-vs-change-of-other-table
-- expect: none
-- a:
DROP TABLE public.sessions;
-- b:
ALTER TABLE public.settings ADD COLUMN updated_at timestamptz;

-- pair: drop-table-vs-index-on-it
-- expect: dependency
-- a:
CREATE INDEX CONCURRENTLY sessions_user_idx ON public.sessions (user_id);
-- b:
DROP TABLE public.sessions;

-- pair: drop-table-vs-grant-on-it
-- expect: dependency
-- a:
GRANT SELECT ON public.sessions TO PUBLIC;
-- b:
DROP TABLE public.sessions;

-- pair: rename-table-vs-insert
-- expect: dependency
-- a:
ALTER TABLE app.settings RENAME TO user_settings;
-- b:
INSERT INTO app.settings (user_id, theme) SELECT id, 'dark' FROM app.users;

-- pair: rename-table-vs-create-of-new-name
-- expect: name_clash
-- a:
ALTER TABLE public.sessions RENAME TO web_sessions;
-- b:
CREATE TABLE public.web_sessions (id uuid PRIMARY KEY, data jsonb);

-- pair: rename-table-twice
-- expect: same_object
-- a:
ALTER TABLE public.sessions RENAME TO web_sessions;
-- b:
ALTER TABLE public.sessions RENAME TO user_sessions;

-- pair: rename-table-vs-replace-view-on-it
-- expect: dependency
-- a:
ALTER TABLE app.users RENAME TO customers;
-- b:
CREATE OR REPLACE VIEW app.active_users AS
    SELECT id, email, name, country FROM app.users WHERE deleted_at IS NULL;

-- pair: set-schema-vs-index
-- expect: dependency
-- a:
ALTER TABLE public.sessions SET SCHEMA app;
-- b:
CREATE INDEX sessions_expires_idx ON public.sessions (expires_at);

-- pair: same-table-name-in-two-schemas
-- expect: none
-- a:
ALTER TABLE app.settings ADD COLUMN language text;
-- b:
ALTER TABLE public.settings ADD COLUMN updated_at timestamptz;

-- pair: new-partition-vs-retype-parent-column
-- expect: none
-- a:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- b:
ALTER TABLE billing.payments ALTER COLUMN amount TYPE numeric(14,2);

-- pair: same-new-partition
-- expect: name_clash
-- a:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- b:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');

-- pair: overlapping-partition-bounds
-- expect: same_object
-- a:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- b:
CREATE TABLE billing.payments_2026_h1 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');

-- pair: detach-partition-vs-insert-into-its-range
-- expect: dependency
-- a:
ALTER TABLE billing.payments DETACH PARTITION billing.payments_2024;
-- b:
INSERT INTO billing.payments (id, invoice_id, amount, paid_at) VALUES (1, 1, 10, '2024-05-01');

-- pair: add-column-to-parent-vs-new-partition
-- expect: none
-- a:
ALTER TABLE billing.payments ADD COLUMN method text;
-- b:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- pair: index-on-parent-vs-new-partition
-- expect: none
-- a:
CREATE INDEX payments_invoice_idx ON billing.payments (invoice_id);
-- b:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- pair: table-options-twice
-- expect: none
-- a:
ALTER TABLE audit.events SET (autovacuum_vacuum_scale_factor = 0.01);
-- b:
ALTER TABLE audit.events SET (fillfactor = 90);

-- pair: owner-twice
-- expect: same_object
-- a:
ALTER TABLE app.orders OWNER TO app_owner;
-- b:
ALTER TABLE app.orders OWNER TO billing_owner;

-- pair: truncate-vs-backfill
-- expect: none
-- a:
TRUNCATE audit.events;
-- b:
UPDATE audit.events SET action = upper(action) WHERE action <> upper(action);

-- ===== Indexes and constraints =====

-- pair: same-index-two-names
-- expect: same_object
-- a:
CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status);
-- b:
CREATE INDEX CONCURRENTLY idx_orders_status ON app.orders (status);

-- pair: same-index-named-and-unnamed
-- expect: same_object
-- a:
CREATE INDEX ON app.orders (placed_at);
-- b:
CREATE INDEX orders_placed_at_idx ON app.orders (placed_at);

-- pair: same-expression-index
-- expect: same_object
-- a:
CREATE INDEX CONCURRENTLY users_email_lower_idx ON app.users (lower(email::text));
-- b:
CREATE INDEX CONCURRENTLY users_lower_email ON app.users (lower(email::text));

-- pair: same-partial-unique-index
-- expect: same_object
-- a:
CREATE UNIQUE INDEX CONCURRENTLY users_live_email_key ON app.users (email) WHERE deleted_at IS NULL;
-- b:
CREATE UNIQUE INDEX CONCURRENTLY users_live_email ON app.users (email) WHERE deleted_at IS NULL;

-- pair: partial-vs-full-index-on-one-column
-- expect: none
-- a:
CREATE INDEX users_email_live_idx ON app.users (email) WHERE deleted_at IS NULL;
-- b:
CREATE INDEX users_created_at_idx ON app.users (created_at);

-- pair: indexes-on-different-columns
-- expect: none
-- a:
CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status);
-- b:
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON app.orders (placed_at);

-- pair: same-index-name-on-different-tables
-- expect: name_clash
-- a:
CREATE INDEX created_idx ON app.users (created_at);
-- b:
CREATE INDEX created_idx ON app.orders (placed_at);

-- pair: same-index-name-in-different-schemas
-- expect: none
-- a:
CREATE INDEX created_idx ON app.users (created_at);
-- b:
CREATE INDEX created_idx ON billing.invoices (issued_at);

-- pair: composite-indexes-in-other-orders
-- expect: none
-- a:
CREATE INDEX orders_user_status_idx ON app.orders (user_id, status);
-- b:
CREATE INDEX orders_status_user_idx ON app.orders (status, user_id);

-- pair: indexes-on-different-tables
-- expect: none
-- a:
CREATE INDEX users_created_at_idx ON app.users (created_at);
-- b:
CREATE INDEX invoices_issued_at_idx ON billing.invoices (issued_at);

-- pair: unique-constraint-twice
-- expect: same_object
-- a:
ALTER TABLE app.products ADD CONSTRAINT products_title_key UNIQUE (title);
-- b:
ALTER TABLE app.products ADD CONSTRAINT products_title_unique UNIQUE (title);

-- pair: unique-index-vs-unique-constraint
-- expect: same_object
-- a:
CREATE UNIQUE INDEX CONCURRENTLY products_title_uidx ON app.products (title);
-- b:
ALTER TABLE app.products ADD CONSTRAINT products_title_key UNIQUE (title);

-- pair: constraint-index-name-clash-across-tables
-- expect: name_clash
-- a:
ALTER TABLE app.users ADD CONSTRAINT uniq_name UNIQUE (name);
-- b:
ALTER TABLE app.products ADD CONSTRAINT uniq_name UNIQUE (title);

-- pair: check-constraint-same-name
-- expect: name_clash
-- a:
ALTER TABLE app.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
-- b:
ALTER TABLE app.orders ADD CONSTRAINT orders_total_check CHECK (total < 1000000);

-- pair: check-constraints-different
-- expect: none
-- a:
ALTER TABLE app.orders ADD CONSTRAINT orders_total_nonneg CHECK (total >= 0);
-- b:
ALTER TABLE app.orders ADD CONSTRAINT orders_note_len CHECK (length(note) < 2000);

-- pair: check-with-same-name-different-bound
-- expect: name_clash
-- a:
ALTER TABLE app.users ADD CONSTRAINT users_name_len CHECK (char_length(name) <= 100) NOT VALID;
-- b:
ALTER TABLE app.users ADD CONSTRAINT users_name_len CHECK (char_length(name) <= 200) NOT VALID;

-- pair: foreign-key-vs-drop-referenced-table
-- expect: dependency
-- a:
ALTER TABLE audit.events ADD CONSTRAINT events_user_fk FOREIGN KEY (row_id) REFERENCES app.users (id) NOT VALID;
-- b:
DROP TABLE app.users CASCADE;

-- pair: foreign-key-vs-retype-its-column
-- expect: dependency
-- a:
ALTER TABLE billing.payments ADD CONSTRAINT payments_invoice_fk FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id);
-- b:
ALTER TABLE billing.payments ALTER COLUMN invoice_id TYPE integer;

-- pair: same-foreign-key-twice
-- expect: same_object
-- a:
ALTER TABLE billing.payments ADD CONSTRAINT payments_invoice_fk FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id) NOT VALID;
-- b:
ALTER TABLE billing.payments ADD CONSTRAINT fk_payments_invoices FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id) NOT VALID;

-- pair: foreign-keys-from-two-tables-to-users
-- expect: none
-- a:
ALTER TABLE audit.events ADD CONSTRAINT events_user_fk FOREIGN KEY (row_id) REFERENCES app.users (id) NOT VALID;
-- b:
ALTER TABLE app.settings ADD CONSTRAINT settings_user_fk2 FOREIGN KEY (user_id) REFERENCES app.users (id) NOT VALID;

-- pair: drop-unique-key-vs-foreign-key-needing-it
-- expect: dependency
-- a:
ALTER TABLE app.products DROP CONSTRAINT products_sku_key;
-- b:
CREATE TABLE app.stock (sku text PRIMARY KEY REFERENCES app.products (sku), quantity integer NOT NULL);

-- pair: validate-vs-drop-constraint
-- expect: same_object
-- a:
ALTER TABLE app.order_items VALIDATE CONSTRAINT order_items_quantity_check;
-- b:
ALTER TABLE app.order_items DROP CONSTRAINT order_items_quantity_check;

-- pair: drop-constraint-twice
-- expect: same_object
-- a:
ALTER TABLE app.products DROP CONSTRAINT products_price_check;
-- b:
ALTER TABLE app.products DROP CONSTRAINT IF EXISTS products_price_check;

-- pair: drop-constraint-vs-other-new-constraint
-- expect: none
-- a:
ALTER TABLE app.products DROP CONSTRAINT products_price_check;
-- b:
ALTER TABLE app.products ADD CONSTRAINT products_title_len CHECK (length(title) <= 200) NOT VALID;

-- pair: drop-index-vs-recreate-under-same-name
-- expect: same_object
-- a:
DROP INDEX CONCURRENTLY app.orders_user_id_idx;
-- b:
CREATE INDEX CONCURRENTLY orders_user_id_idx ON app.orders (user_id, placed_at);

-- pair: drop-index-vs-reindex-it
-- expect: same_object
-- a:
DROP INDEX app.orders_user_id_idx;
-- b:
REINDEX INDEX CONCURRENTLY app.orders_user_id_idx;

-- pair: drop-index-vs-cluster-using-it
-- expect: dependency
-- a:
CLUSTER app.orders USING orders_user_id_idx;
-- b:
DROP INDEX app.orders_user_id_idx;

-- pair: drop-index-vs-other-new-index
-- expect: none
-- a:
DROP INDEX CONCURRENTLY app.orders_user_id_idx;
-- b:
CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status);

-- pair: backfill-vs-check-it-must-satisfy
-- expect: dependency
-- a:
UPDATE app.orders SET total = 0 WHERE total < 0;
-- b:
ALTER TABLE app.orders ADD CONSTRAINT orders_total_nonneg CHECK (total >= 0);

-- pair: unique-index-on-matview-vs-concurrent-refresh
-- expect: dependency
-- a:
CREATE UNIQUE INDEX revenue_by_day_day_idx ON billing.revenue_by_day (day);
-- b:
REFRESH MATERIALIZED VIEW CONCURRENTLY billing.revenue_by_day;

-- pair: drop-matview-vs-index-on-it
-- expect: dependency
-- a:
DROP MATERIALIZED VIEW billing.revenue_by_day;
-- b:
CREATE UNIQUE INDEX revenue_by_day_day_idx ON billing.revenue_by_day (day);

-- ===== Views, functions, triggers, policies =====

-- pair: replace-view-twice
-- expect: same_object
-- a:
CREATE OR REPLACE VIEW app.active_users AS
    SELECT id, email, name, country FROM app.users WHERE deleted_at IS NULL;
-- b:
CREATE OR REPLACE VIEW app.active_users AS
    SELECT id, email, name, created_at FROM app.users WHERE deleted_at IS NULL;

-- pair: replace-view-vs-drop-view
-- expect: same_object
-- a:
DROP VIEW app.big_orders;
-- b:
CREATE OR REPLACE VIEW app.big_orders AS
    SELECT id, email, total FROM app.order_summaries WHERE total > 500;

-- pair: compatible-view-change-vs-new-reader
-- expect: none
-- a:
CREATE OR REPLACE VIEW app.order_summaries AS
    SELECT o.id, o.user_id, u.email, o.status, o.total, o.placed_at
      FROM app.orders o JOIN app.users u ON u.id = o.user_id;
-- b:
CREATE VIEW app.recent_order_emails AS SELECT id, email FROM app.order_summaries;

-- pair: drop-view-vs-view-on-it
-- expect: dependency
-- a:
DROP VIEW app.order_summaries CASCADE;
-- b:
CREATE VIEW app.user_order_counts AS
    SELECT user_id, count(*) AS orders FROM app.order_summaries GROUP BY user_id;

-- pair: drop-view-vs-unrelated-view
-- expect: none
-- a:
DROP VIEW app.active_users;
-- b:
CREATE VIEW app.product_catalog AS SELECT id, sku, title, price FROM app.products WHERE active;

-- pair: create-same-view
-- expect: name_clash
-- a:
CREATE VIEW app.top_products AS
    SELECT product_id, sum(quantity) AS sold FROM app.order_items GROUP BY product_id;
-- b:
CREATE VIEW app.top_products AS SELECT p.id, p.title FROM app.products p WHERE p.active;

-- pair: rename-view-vs-reader
-- expect: dependency
-- a:
ALTER VIEW app.active_users RENAME TO live_users;
-- b:
CREATE VIEW app.active_user_emails AS SELECT email FROM app.active_users;

-- pair: drop-source-table-vs-matview-refresh
-- expect: dependency
-- a:
DROP TABLE billing.invoices CASCADE;
-- b:
REFRESH MATERIALIZED VIEW billing.revenue_by_day;

-- pair: replace-function-twice
-- expect: same_object
-- a:
CREATE OR REPLACE FUNCTION app.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * unit_price), 0) FROM app.order_items WHERE order_id = p_order
$$;
-- b:
CREATE OR REPLACE FUNCTION app.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT round(coalesce(sum(quantity * unit_price), 0), 2) FROM app.order_items WHERE order_id = p_order
$$;

-- pair: function-overload-vs-replace-other-overload
-- expect: none
-- a:
CREATE FUNCTION app.order_total(p_order bigint, p_with_tax boolean) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT app.order_total(p_order) * CASE WHEN p_with_tax THEN 1.2 ELSE 1 END
$$;
-- b:
CREATE OR REPLACE FUNCTION app.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT round(coalesce(sum(quantity * unit_price), 0), 2) FROM app.order_items WHERE order_id = p_order
$$;

-- pair: create-same-function
-- expect: name_clash
-- a:
CREATE FUNCTION app.discount(p_total numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_total * 0.9 $$;
-- b:
CREATE FUNCTION app.discount(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.95 $$;

-- pair: create-function-overloads
-- expect: none
-- a:
CREATE FUNCTION app.discount(p_total numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_total * 0.9 $$;
-- b:
CREATE FUNCTION app.discount(p_total numeric, p_rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_total * (1 - p_rate) $$;

-- pair: drop-function-vs-trigger-using-it
-- expect: dependency
-- a:
DROP FUNCTION audit.log_change() CASCADE;
-- b:
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION audit.log_change();

-- pair: drop-function-vs-view-calling-it
-- expect: dependency
-- a:
DROP FUNCTION app.order_total(bigint);
-- b:
CREATE VIEW app.order_totals AS SELECT id, app.order_total(id) AS total FROM app.orders;

-- pair: drop-function-vs-function-calling-it
-- expect: dependency
-- a:
DROP FUNCTION app.user_display_name(bigint);
-- b:
CREATE FUNCTION app.greeting(p_user bigint) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN 'Hello ' || app.user_display_name(p_user);
END
$$;

-- pair: rename-function-vs-caller
-- expect: dependency
-- a:
ALTER FUNCTION app.order_total(bigint) RENAME TO order_amount;
-- b:
CREATE VIEW app.order_totals AS SELECT id, app.order_total(id) AS total FROM app.orders;

-- pair: function-settings-twice
-- expect: same_object
-- a:
ALTER FUNCTION app.order_total(bigint) SET search_path = app, pg_temp;
-- b:
ALTER FUNCTION app.order_total(bigint) SECURITY DEFINER;

-- pair: new-function-vs-trigger-using-it
-- expect: dependency
-- a:
CREATE FUNCTION app.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
-- b:
CREATE TRIGGER products_touch BEFORE UPDATE ON app.products FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- pair: replace-trigger-function-vs-new-trigger
-- expect: none
-- a:
CREATE OR REPLACE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.events (table_name, row_id, action) VALUES (TG_TABLE_NAME, NEW.id, TG_OP);
    RETURN NEW;
END
$$;
-- b:
CREATE TRIGGER products_audit AFTER UPDATE ON app.products FOR EACH ROW EXECUTE FUNCTION audit.log_change();

-- pair: drop-column-used-by-trigger-function-vs-index
-- expect: dependency
-- a:
ALTER TABLE audit.events DROP COLUMN payload;
-- b:
CREATE INDEX events_payload_gin ON audit.events USING gin (payload);

-- pair: same-trigger-name-on-one-table
-- expect: name_clash
-- a:
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION audit.log_change();
-- b:
CREATE TRIGGER orders_touch AFTER UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION audit.log_change();

-- pair: same-trigger-name-on-different-tables
-- expect: none
-- a:
CREATE TRIGGER touch AFTER UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION audit.log_change();
-- b:
CREATE TRIGGER touch AFTER UPDATE ON app.products FOR EACH ROW EXECUTE FUNCTION audit.log_change();

-- pair: drop-trigger-vs-disable-it
-- expect: same_object
-- a:
DROP TRIGGER orders_audit ON app.orders;
-- b:
ALTER TABLE app.orders DISABLE TRIGGER orders_audit;

-- pair: drop-trigger-vs-other-new-trigger
-- expect: none
-- a:
DROP TRIGGER orders_audit ON app.orders;
-- b:
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION audit.log_change();

-- pair: new-policy-vs-drop-its-column
-- expect: dependency
-- a:
CREATE POLICY orders_owner ON app.orders USING (user_id = current_setting('app.user_id')::bigint);
-- b:
ALTER TABLE app.orders DROP COLUMN user_id CASCADE;

-- pair: same-policy-name
-- expect: name_clash
-- a:
CREATE POLICY settings_owner_write ON app.settings FOR UPDATE USING (true);
-- b:
CREATE POLICY settings_owner_write ON app.settings FOR UPDATE USING (user_id > 0);

-- pair: alter-policy-vs-drop-policy
-- expect: same_object
-- a:
ALTER POLICY settings_owner ON app.settings USING (user_id = current_setting('app.user_id', true)::bigint);
-- b:
DROP POLICY settings_owner ON app.settings;

-- ===== Types, sequences, schemas =====

-- pair: enum-add-same-value
-- expect: name_clash
-- a:
ALTER TYPE app.order_status ADD VALUE 'refunded';
-- b:
ALTER TYPE app.order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';

-- pair: enum-add-different-values
-- expect: none
-- a:
ALTER TYPE app.order_status ADD VALUE 'refunded';
-- b:
ALTER TYPE app.order_status ADD VALUE 'on_hold' BEFORE 'paid';

-- pair: enum-rename-value-vs-add-same-label
-- expect: name_clash
-- a:
ALTER TYPE app.order_status RENAME VALUE 'cancelled' TO 'canceled';
-- b:
ALTER TYPE app.order_status ADD VALUE 'canceled';

-- pair: enum-rename-value-vs-view-filtering-on-it
-- expect: dependency
-- a:
ALTER TYPE app.order_status RENAME VALUE 'shipped' TO 'dispatched';
-- b:
CREATE VIEW app.shipped_orders AS SELECT id FROM app.orders WHERE status = 'shipped';

-- pair: enum-rename-value-vs-default-using-it
-- expect: dependency
-- a:
ALTER TABLE app.orders ALTER COLUMN status SET DEFAULT 'paid';
-- b:
ALTER TYPE app.order_status RENAME VALUE 'paid' TO 'settled';

-- pair: enum-add-value-vs-view-on-the-column
-- expect: none
-- a:
ALTER TYPE app.order_status ADD VALUE 'refunded';
-- b:
CREATE VIEW app.paid_orders AS SELECT id, total FROM app.orders WHERE status = 'paid';

-- pair: drop-type-vs-new-column-of-it
-- expect: dependency
-- a:
DROP TYPE app.order_status CASCADE;
-- b:
ALTER TABLE app.orders ADD COLUMN previous_status app.order_status;

-- pair: create-same-type
-- expect: name_clash
-- a:
CREATE TYPE app.currency AS ENUM ('EUR', 'USD');
-- b:
CREATE TYPE app.currency AS ENUM ('EUR', 'USD', 'GBP');

-- pair: new-type-vs-column-of-it
-- expect: dependency
-- a:
CREATE TYPE app.currency AS ENUM ('EUR', 'USD');
-- b:
ALTER TABLE app.orders ADD COLUMN currency app.currency NOT NULL DEFAULT 'EUR';

-- pair: domain-changed-twice
-- expect: same_object
-- a:
ALTER DOMAIN app.email SET DEFAULT 'unknown@example.com';
-- b:
ALTER DOMAIN app.email DROP CONSTRAINT email_check;

-- pair: sequence-altered-twice
-- expect: same_object
-- a:
ALTER SEQUENCE billing.invoice_number_seq RESTART WITH 100000;
-- b:
ALTER SEQUENCE billing.invoice_number_seq INCREMENT BY 10;

-- pair: drop-sequence-vs-new-default-using-it
-- expect: dependency
-- a:
DROP SEQUENCE billing.invoice_number_seq CASCADE;
-- b:
CREATE TABLE billing.credit_notes (
    id bigint PRIMARY KEY,
    number bigint NOT NULL DEFAULT nextval('billing.invoice_number_seq')
);

-- pair: create-same-sequence
-- expect: name_clash
-- a:
CREATE SEQUENCE app.order_number_seq;
-- b:
CREATE SEQUENCE app.order_number_seq START 1000;

-- pair: sequence-restart-vs-insert-using-it
-- expect: none
-- a:
ALTER SEQUENCE billing.invoice_number_seq RESTART WITH 100000;
-- b:
INSERT INTO billing.invoices (order_id, amount) VALUES (1, 10);

-- pair: drop-schema-vs-new-table-in-it
-- expect: dependency
-- a:
DROP SCHEMA audit CASCADE;
-- b:
CREATE TABLE audit.logins (id bigserial PRIMARY KEY, user_id bigint, at timestamptz DEFAULT now());

-- pair: create-schema-twice
-- expect: name_clash
-- a:
CREATE SCHEMA reporting;
-- b:
CREATE SCHEMA IF NOT EXISTS reporting;

-- pair: new-schema-vs-table-in-it
-- expect: dependency
-- a:
CREATE SCHEMA reporting;
-- b:
CREATE TABLE reporting.daily_sales (day date PRIMARY KEY, total numeric NOT NULL);

-- pair: rename-schema-vs-view-reading-from-it
-- expect: dependency
-- a:
ALTER SCHEMA billing RENAME TO finance;
-- b:
CREATE VIEW app.unpaid_invoices AS SELECT id, amount FROM billing.invoices WHERE paid_at IS NULL;

-- pair: different-new-schemas
-- expect: none
-- a:
CREATE SCHEMA reporting;
-- b:
CREATE SCHEMA staging;

-- pair: grant-on-schema-vs-drop-schema
-- expect: dependency
-- a:
GRANT USAGE ON SCHEMA billing TO PUBLIC;
-- b:
DROP SCHEMA billing CASCADE;

-- ===== Data changes and grants =====

-- pair: backfill-one-column-twice
-- expect: same_object
-- a:
UPDATE app.orders SET note = '' WHERE note IS NULL;
-- b:
UPDATE app.orders SET note = 'n/a' WHERE note IS NULL;

-- pair: backfills-of-different-columns
-- expect: none
-- a:
UPDATE app.users SET country = 'US' WHERE country IS NULL;
-- b:
UPDATE app.users SET name = email WHERE name IS NULL;

-- pair: seed-row-vs-new-column-with-default
-- expect: none
-- a:
INSERT INTO public.settings (key, value) VALUES ('currency', 'EUR');
-- b:
ALTER TABLE public.settings ADD COLUMN updated_by text NOT NULL DEFAULT 'system';

-- pair: cleanup-delete-vs-new-column
-- expect: none
-- a:
DELETE FROM public.sessions WHERE expires_at < now();
-- b:
ALTER TABLE public.sessions ADD COLUMN ip inet;

-- pair: copy-into-columns-vs-drop-one
-- expect: dependency
-- a:
COPY app.products (sku, title, price) FROM STDIN;
-- b:
ALTER TABLE app.products DROP COLUMN title;

-- pair: update-from-subquery-vs-drop-its-column
-- expect: dependency
-- a:
UPDATE app.orders o SET total = s.t
  FROM (SELECT order_id, sum(quantity * unit_price) AS t FROM app.order_items GROUP BY order_id) s
 WHERE s.order_id = o.id;
-- b:
ALTER TABLE app.order_items DROP COLUMN unit_price;

-- pair: grants-on-one-table
-- expect: none
-- a:
GRANT SELECT ON app.orders TO PUBLIC;
-- b:
GRANT SELECT, INSERT ON app.orders TO PUBLIC;

-- pair: revoke-vs-new-column
-- expect: none
-- a:
REVOKE ALL ON app.products FROM PUBLIC;
-- b:
ALTER TABLE app.products ADD COLUMN weight numeric;

-- pair: cte-backfill-vs-drop-column-it-reads
-- expect: dependency
-- a:
WITH totals AS (
    SELECT order_id, sum(quantity * unit_price) AS amount FROM app.order_items GROUP BY order_id
)
UPDATE app.orders SET total = totals.amount FROM totals WHERE totals.order_id = app.orders.id;
-- b:
ALTER TABLE app.order_items DROP COLUMN quantity;

-- pair: insert-select-join-vs-unrelated-column-drop
-- expect: none
-- a:
INSERT INTO audit.events (table_name, row_id, action)
    SELECT 'orders', o.id, 'backfill' FROM app.orders o JOIN app.users u ON u.id = o.user_id
     WHERE u.deleted_at IS NULL;
-- b:
ALTER TABLE app.users DROP COLUMN country;

-- ===== DO blocks =====

-- pair: do-block-adds-same-column
-- expect: name_clash
-- a:
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'app.users'::regclass AND attname = 'phone') THEN
        ALTER TABLE app.users ADD COLUMN phone text;
    END IF;
END
$$;
-- b:
ALTER TABLE app.users ADD COLUMN phone text;

-- pair: do-block-dynamic-drop-vs-view
-- expect: dependency
-- a:
DO $$
BEGIN
    EXECUTE 'ALTER TABLE app.users DROP COLUMN name';
END
$$;
-- b:
CREATE VIEW app.user_names AS SELECT id, name FROM app.users;

-- pair: do-block-backfill-vs-unrelated-index
-- expect: none
-- a:
DO $$
BEGIN
    UPDATE app.users SET country = 'US' WHERE country IS NULL;
END
$$;
-- b:
CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status);

-- ===== Locks on busy tables =====

-- pair: hot-add-column-vs-concurrent-index
-- expect: lock_overlap
-- hot: app.orders
-- a:
ALTER TABLE app.orders ADD COLUMN tracking_code text;
-- b:
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON app.orders (placed_at);

-- pair: cold-add-column-vs-concurrent-index
-- expect: none
-- a:
ALTER TABLE app.orders ADD COLUMN tracking_code text;
-- b:
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON app.orders (placed_at);

-- pair: hot-set-not-null-vs-concurrent-index
-- expect: lock_overlap
-- hot: app.orders
-- a:
ALTER TABLE app.orders ALTER COLUMN note SET NOT NULL;
-- b:
CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status);

-- pair: hot-full-backfill-vs-add-column
-- expect: lock_overlap
-- hot: app.users
-- a:
UPDATE app.users SET country = upper(country);
-- b:
ALTER TABLE app.users ADD COLUMN phone text;

-- pair: hot-two-concurrent-indexes
-- expect: none
-- hot: app.orders
-- a:
CREATE INDEX CONCURRENTLY orders_status_idx ON app.orders (status);
-- b:
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON app.orders (placed_at);

-- pair: hot-two-quick-new-columns
-- expect: none
-- hot: app.users
-- a:
ALTER TABLE app.users ADD COLUMN phone text;
-- b:
ALTER TABLE app.users ADD COLUMN locale text;

-- pair: hot-vacuum-full-vs-concurrent-index
-- expect: lock_overlap
-- hot: audit.events
-- a:
VACUUM FULL audit.events;
-- b:
CREATE INDEX CONCURRENTLY events_table_idx ON audit.events (table_name);

-- pair: hot-retype-vs-validate
-- expect: lock_overlap
-- hot: app.orders
-- a:
ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(1000);
-- b:
ALTER TABLE app.orders VALIDATE CONSTRAINT orders_user_id_fkey;

-- pair: hot-plain-index-vs-full-backfill
-- expect: lock_overlap
-- hot: app.orders
-- a:
CREATE INDEX orders_status_idx ON app.orders (status);
-- b:
UPDATE app.orders SET note = '';

-- pair: hot-plain-index-vs-one-row-fix
-- expect: none
-- hot: app.orders
-- a:
CREATE INDEX orders_status_idx ON app.orders (status);
-- b:
UPDATE app.orders SET note = 'fixed' WHERE id = 42;

-- pair: hot-indexes-on-different-hot-tables
-- expect: none
-- hot: app.orders, app.users
-- a:
CREATE INDEX orders_status_idx ON app.orders (status);
-- b:
CREATE INDEX users_created_at_idx ON app.users (created_at);

-- pair: hot-cluster-vs-new-view
-- expect: none
-- hot: app.orders
-- a:
CLUSTER app.orders USING orders_user_id_idx;
-- b:
CREATE VIEW app.order_ids AS SELECT id FROM app.orders;

-- pair: hot-foreign-key-validation-vs-concurrent-index-on-parent
-- expect: lock_overlap
-- hot: app.users
-- a:
ALTER TABLE app.settings ADD CONSTRAINT settings_user_fk2 FOREIGN KEY (user_id) REFERENCES app.users (id);
-- b:
CREATE INDEX CONCURRENTLY users_created_at_idx ON app.users (created_at);

-- pair: hot-attach-partition-vs-plain-index-on-parent
-- expect: lock_overlap
-- hot: billing.payments
-- a:
CREATE TABLE billing.payments_2026 (LIKE billing.payments INCLUDING ALL);
ALTER TABLE billing.payments ATTACH PARTITION billing.payments_2026
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- b:
CREATE INDEX payments_invoice_idx ON billing.payments (invoice_id);

-- pair: hot-index-on-parent-vs-new-partition
-- expect: lock_overlap
-- hot: billing.payments
-- a:
CREATE INDEX payments_invoice_idx ON billing.payments (invoice_id);
-- b:
CREATE TABLE billing.payments_2026 PARTITION OF billing.payments
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- pair: hot-set-unlogged-vs-index
-- expect: lock_overlap
-- hot: audit.events
-- a:
ALTER TABLE audit.events SET UNLOGGED;
-- b:
CREATE INDEX events_at_idx ON audit.events (at);

-- pair: cold-set-unlogged-vs-index
-- expect: none
-- a:
ALTER TABLE audit.events SET UNLOGGED;
-- b:
CREATE INDEX events_at_idx ON audit.events (at);

-- pair: hot-table-untouched-by-one-side
-- expect: none
-- hot: app.orders
-- a:
ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(1000);
-- b:
CREATE INDEX users_created_at_idx ON app.users (created_at);

-- pair: hot-add-column-with-volatile-default-vs-view
-- expect: none
-- hot: app.users
-- a:
ALTER TABLE app.users ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- b:
CREATE VIEW app.user_countries AS SELECT id, country FROM app.users;

-- pair: hot-add-column-with-volatile-default-vs-concurrent-index
-- expect: lock_overlap
-- hot: app.users
-- a:
ALTER TABLE app.users ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- b:
CREATE INDEX CONCURRENTLY users_country_idx ON app.users (country);
