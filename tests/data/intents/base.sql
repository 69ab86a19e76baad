-- The schema the labelled change pairs (pairs.sql) are planned against: a small shop in the
-- shapes real schemas take (identity keys, enums, domains, a partitioned table, views on views,
-- a materialized view, SQL and PL/pgSQL functions, triggers, a policy, same-named tables in two
-- schemas).
CREATE SCHEMA app;
CREATE SCHEMA billing;
CREATE SCHEMA audit;

CREATE TYPE app.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE DOMAIN app.email AS text CHECK (VALUE ~ '@');

CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email app.email NOT NULL UNIQUE,
    name text,
    country char(2),
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE TABLE app.products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    title text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    active boolean NOT NULL DEFAULT true
);
CREATE TABLE app.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app.users (id),
    status app.order_status NOT NULL DEFAULT 'pending',
    total numeric(12,2) NOT NULL DEFAULT 0,
    note text,
    placed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user_id_idx ON app.orders (user_id);
CREATE TABLE app.order_items (
    order_id bigint NOT NULL REFERENCES app.orders (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES app.products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE TABLE app.settings (user_id bigint PRIMARY KEY REFERENCES app.users (id), theme text);
CREATE TABLE public.settings (key text PRIMARY KEY, value text);
CREATE TABLE public.sessions (
    id uuid PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app.users (id),
    expires_at timestamptz NOT NULL
);

CREATE SEQUENCE billing.invoice_number_seq;
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number bigint NOT NULL DEFAULT nextval('billing.invoice_number_seq'),
    order_id bigint NOT NULL REFERENCES app.orders (id),
    amount numeric(12,2) NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz
);
CREATE TABLE billing.payments (
    id bigint NOT NULL,
    invoice_id bigint NOT NULL,
    amount numeric(12,2) NOT NULL,
    paid_at timestamptz NOT NULL,
    PRIMARY KEY (id, paid_at)
) PARTITION BY RANGE (paid_at);
CREATE TABLE billing.payments_2024 PARTITION OF billing.payments
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE billing.payments_2025 PARTITION OF billing.payments
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE TABLE audit.events (
    id bigserial PRIMARY KEY,
    table_name text NOT NULL,
    row_id bigint,
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    payload jsonb
);

CREATE VIEW app.active_users AS
    SELECT id, email, name FROM app.users WHERE deleted_at IS NULL;
CREATE VIEW app.order_summaries AS
    SELECT o.id, o.user_id, u.email, o.status, o.total
      FROM app.orders o JOIN app.users u ON u.id = o.user_id;
CREATE VIEW app.big_orders AS
    SELECT id, email, total FROM app.order_summaries WHERE total > 1000;
CREATE MATERIALIZED VIEW billing.revenue_by_day AS
    SELECT date_trunc('day', issued_at) AS day, sum(amount) AS revenue
      FROM billing.invoices GROUP BY 1;

CREATE FUNCTION app.order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * unit_price), 0) FROM app.order_items WHERE order_id = p_order
$$;
CREATE FUNCTION app.user_display_name(p_user bigint) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
    result text;
BEGIN
    SELECT coalesce(name, email) INTO result FROM app.users WHERE id = p_user;
    RETURN result;
END
$$;
CREATE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.events (table_name, row_id, action, payload)
    VALUES (TG_TABLE_NAME, NEW.id, TG_OP, to_jsonb(NEW));
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE ON app.orders
    FOR EACH ROW EXECUTE FUNCTION audit.log_change();

ALTER TABLE app.settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_owner ON app.settings
    USING (user_id = current_setting('app.user_id')::bigint);
