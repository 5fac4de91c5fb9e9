-- The outbox's stored copy of a sent tracking-link mail is erased (it carries the requester's secret link, of which
-- Regard otherwise keeps only the hash); the row keeps raw_sha256 and raw_size of what was sent (docs/mail.md).
alter table mail_outbox add column raw_erased_at timestamp with time zone;
