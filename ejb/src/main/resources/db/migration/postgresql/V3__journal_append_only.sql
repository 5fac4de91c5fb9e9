-- PostgreSQL only: the journal cannot be altered by the application (or anyone not disabling triggers as owner).
-- An entry may be updated once, by the integrator, from unsequenced to sequenced with its recorded columns
-- untouched; any other UPDATE, any DELETE and any TRUNCATE fails loudly.
create or replace function regard_journal_entry_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and old.seq is null and new.seq is not null
       and new.id = old.id
       and new.recorded_at = old.recorded_at
       and new.actor = old.actor
       and new.role = old.role
       and new.action = old.action
       and new.object_json = old.object_json
       and new.purpose is not distinct from old.purpose
       and new.details_json is not distinct from old.details_json then
        return new;
    end if;
    raise exception 'Regard journal is append-only: % refused on journal_entry (id %, seq %)',
        tg_op, old.id, old.seq using errcode = '42501';
end
$$;

create trigger journal_entry_append_only
    before update or delete on journal_entry
    for each row execute function regard_journal_entry_guard();

create or replace function regard_journal_truncate_guard() returns trigger language plpgsql as $$
begin
    raise exception 'Regard journal is append-only: TRUNCATE refused on %', tg_table_name using errcode = '42501';
end
$$;

create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function regard_journal_truncate_guard();

-- A checkpoint is never changed, except to attach its RFC 3161 timestamp once.
create or replace function regard_journal_checkpoint_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and old.timestamp_token is null and new.timestamp_token is not null
       and new.tree_size = old.tree_size and new.root_hash = old.root_hash
       and new.note = old.note and new.signed_at = old.signed_at then
        return new;
    end if;
    raise exception 'Regard journal is append-only: % refused on journal_checkpoint (size %)',
        tg_op, old.tree_size using errcode = '42501';
end
$$;

create trigger journal_checkpoint_immutable
    before update or delete on journal_checkpoint
    for each row execute function regard_journal_checkpoint_guard();

create trigger journal_checkpoint_no_truncate before truncate on journal_checkpoint
    for each statement execute function regard_journal_truncate_guard();
