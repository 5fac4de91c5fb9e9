-- Registry of issued documents (issue 6, docs/documents.md "Registry"): one row per sealed PDF Regard issued, its
-- bytes in the content-addressed store (BlobStore) under its SHA-256. A case document names its case; the daily purge
-- certificate and the journal export have none. Rows are never updated: a corrected document is a new row that
-- names the one it supersedes.
create sequence issued_document_seq start with 1 increment by 1;
create table issued_document (
    id                      bigint                   not null,
    case_id                 bigint,
    case_reference          varchar(20),
    document_type           varchar(40)              not null,
    language                varchar(8)               not null,
    title                   varchar(300)             not null,
    sha256                  varchar(64)              not null,
    size_bytes              bigint                   not null,
    media_type              varchar(100)             not null,
    signer                  varchar(500)             not null,
    seal_certificate_sha256 varchar(64)              not null,
    seal_level              varchar(10)              not null,
    signed_at               timestamp with time zone,
    issued_at               timestamp with time zone not null,
    issued_by               varchar(100)             not null,
    requester_facing        boolean                  not null,
    supersedes_id           bigint,
    constraint pk_issued_document primary key (id),
    constraint fk_issued_document_case foreign key (case_id) references access_case (id),
    constraint fk_issued_document_supersedes foreign key (supersedes_id) references issued_document (id)
);
create index ix_issued_document_case on issued_document (case_reference);
create index ix_issued_document_sha256 on issued_document (sha256);

-- A letter of the correspondence register now points to the sealed document that was issued for it (null while it
-- could not be issued: the status note says why).
alter table case_letter add column document_id bigint;
alter table case_letter add constraint fk_case_letter_document foreign key (document_id) references issued_document (id);
