-- The product change feed (a transactional outbox filled by triggers) and the publisher's cursor.
--
-- Every insert or update of a product adds one row to product_changes in the SAME transaction as the
-- change itself: the feed can never miss a committed change nor contain a rolled-back one.
-- A publisher reads the feed in change_id order and remembers, in publisher_cursors, how far it got.

-- updated_at is kept by the database, so no application can forget it
CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER products_touch_updated_at
    BEFORE UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*)                     -- a no-op UPDATE changes nothing
    EXECUTE FUNCTION touch_updated_at();

CREATE TABLE product_changes (
    change_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL,                             -- no foreign key: the feed outlives the row
    op         text NOT NULL CONSTRAINT product_changes_op_valid CHECK (op IN ('insert', 'update')),
    changed_at timestamptz NOT NULL DEFAULT now(),
    payload    jsonb NOT NULL                               -- the product row as it was after the change
);

-- SET search_path FROM CURRENT: the function finds product_changes in the schema it was created in,
-- whatever search_path the session that changes a product uses.
CREATE FUNCTION record_product_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO product_changes (product_id, op, payload)
    VALUES (NEW.id, lower(TG_OP), to_jsonb(NEW));
    RETURN NULL;                                            -- the return value of an AFTER trigger is ignored
END
$$;

CREATE TRIGGER products_record_insert
    AFTER INSERT ON products
    FOR EACH ROW
    EXECUTE FUNCTION record_product_change();

CREATE TRIGGER products_record_update
    AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION record_product_change();

-- how far each publisher got; updated only after Kafka acknowledged everything up to last_change_id
CREATE TABLE publisher_cursors (
    publisher      text PRIMARY KEY,
    last_change_id bigint NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
