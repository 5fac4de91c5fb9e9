-- Holds on recorded footage (issue 5, docs/archive.md "Holds"): what the purge must never destroy. One row per camera
-- so that the purge joins on camera_id and time overlap; the rows of one placement share placement_id (what staff
-- list and release). Windows are half-open [window_start, window_end). A row is active while released_at is null.
-- Portable SQL: H2 and PostgreSQL run the same file.
create sequence footage_hold_seq start with 1 increment by 1;
create sequence footage_hold_placement_seq start with 1 increment by 1;

create table footage_hold (
    id                    bigint                   not null primary key,
    placement_id          bigint                   not null,
    -- CASE: placed at intake for an access request; JUDICIAL: a requisition (CSI L252-5 exception)
    kind                  varchar(20)              not null,
    -- null for a judicial hold that belongs to no case
    case_id               bigint,
    case_reference        varchar(20),
    requisition_reference varchar(100),
    camera_id             varchar(16)              not null,
    window_start          timestamp with time zone not null,
    window_end            timestamp with time zone not null,
    -- why the footage is kept, in French (journalled as the purpose)
    reason                varchar(1000)            not null,
    placed_at             timestamp with time zone not null,
    placed_by             varchar(100)             not null,
    -- case hold: latest legal end (longest answer + delivery); judicial hold: date of its review by the DPO
    limit_at              timestamp with time zone not null,
    -- first time the daily check found the hold past limit_at (journalled once)
    flagged_at            timestamp with time zone,
    released_at           timestamp with time zone,
    released_by           varchar(100),
    release_reason        varchar(1000),
    constraint footage_hold_kind check (kind in ('CASE', 'JUDICIAL')),
    constraint footage_hold_window check (window_end > window_start),
    constraint footage_hold_case check (kind <> 'CASE' or (case_id is not null and case_reference is not null)),
    constraint footage_hold_requisition check (kind <> 'JUDICIAL' or requisition_reference is not null),
    constraint footage_hold_release check ((released_at is null and released_by is null and release_reason is null)
        or (released_at is not null and released_by is not null and release_reason is not null)),
    constraint footage_hold_case_fk foreign key (case_id) references access_case (id)
);

-- The purge's question: is an active hold on this camera overlapping this segment? (H2 has no partial index: the
-- index also covers released rows; released_at is checked on the few rows of one camera and window.)
create index footage_hold_camera_window_idx on footage_hold (camera_id, window_start, window_end);
create index footage_hold_placement_idx on footage_hold (placement_id);
create index footage_hold_case_idx on footage_hold (case_reference);
create index footage_hold_active_limit_idx on footage_hold (released_at, limit_at);
