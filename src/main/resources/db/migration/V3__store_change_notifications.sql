-- Every write to the served message tables, by any process, notifies 'mithril_store_changed' (payload: the
-- table) so that API processes drop their read caches (persistence.StoreChanges).
create function notify_store_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('mithril_store_changed', tg_table_name);
    return null;
end;
$$;

create trigger certificate_changed after insert or update or delete or truncate on certificate
    for each statement execute function notify_store_change();
create trigger signed_entity_changed after insert or update or delete or truncate on signed_entity
    for each statement execute function notify_store_change();
