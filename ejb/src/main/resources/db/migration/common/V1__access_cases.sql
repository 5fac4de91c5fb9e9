-- Access and verify-destruction requests (cases). Portable SQL: H2 and PostgreSQL run the same file.
create sequence access_case_seq start with 1 increment by 1;

-- Feeds the human-readable reference DA-2026-000042: never reused, gaps allowed (rolled-back intakes).
create sequence case_reference_seq start with 1 increment by 1;

create table access_case (
    id                     bigint                   not null,
    version                integer                  not null,
    reference              varchar(20)              not null,
    kind                   varchar(30)              not null,
    channel                varchar(20)              not null,
    status                 varchar(40)              not null,
    requester_first_name   varchar(100)             not null,
    requester_last_name    varchar(100)             not null,
    requester_email        varchar(254),
    facts_start            timestamp with time zone not null,
    facts_end              timestamp with time zone not null,
    facts_place            varchar(500)             not null,
    facts_description      varchar(4000),
    received_at            timestamp with time zone not null,
    charter_window_end     timestamp with time zone not null,
    preservation_deadline  timestamp with time zone not null,
    response_due           timestamp with time zone not null,
    tracking_token_hash    varchar(64)              not null,
    process_instance_id    varchar(64),
    constraint pk_access_case primary key (id),
    constraint uk_access_case_reference unique (reference),
    constraint uk_access_case_tracking unique (tracking_token_hash),
    constraint ck_access_case_facts check (facts_end >= facts_start)
);

create index ix_access_case_status on access_case (status);
create index ix_access_case_response_due on access_case (response_due);
