-- Institutional documents (issue 6, docs/documents.md "Institutional documents"): the documents Regard issues for no
-- case. Portable SQL: H2 and PostgreSQL run this file.

-- The daily purge certificate of a COMPLETED batch: set once, in the transaction that registers the document, by the
-- footage-purge step that issues it (a retried step finds it set and issues nothing). Null while not yet issued, and
-- for RUNNING or FAILED batches (what a FAILED batch destroyed is certified by no certificate of its own: see the docs).
alter table purge_batch add column certificate_document_id bigint;
alter table purge_batch add constraint fk_purge_batch_certificate
    foreign key (certificate_document_id) references issued_document (id);
alter table purge_batch add constraint uk_purge_batch_certificate unique (certificate_document_id);

-- The automatic daily journal export: one row per Europe/Paris day exported, written in the transaction that
-- registers its document; the primary key makes a second export of the same day (a second node, a retried job)
-- fail and roll back instead of issuing twice. Exports asked by auditors on demand are not recorded here.
create table journal_daily_export (
    export_day   date                     not null,
    document_id  bigint                   not null,
    issued_at    timestamp with time zone not null,
    constraint pk_journal_daily_export primary key (export_day),
    constraint fk_journal_daily_export_document foreign key (document_id) references issued_document (id)
);
