-- Camera registry (issue 5): the cameras on the public road, their prefectoral authorisation, retention and privacy
-- masks. Portable SQL: H2 and PostgreSQL run the same file. "zone" is spelt zone_name (a keyword in some dialects).
create table camera (
    id                      varchar(16)      not null primary key,
    version                 integer          default 0 not null,
    name                    varchar(120)     not null,
    address                 varchar(200)     not null,
    zone_name               varchar(60)      not null,
    latitude                double precision not null,
    longitude               double precision not null,
    authorisation_reference varchar(60)      not null,
    authorisation_expiry    date             not null,
    -- CSI L252-5: recordings are never kept more than one month
    retention_days          integer          not null,
    -- JSON array of [x, y, width, height] rectangles in normalised coordinates (0..1)
    privacy_masks           varchar(2000)    default '[]' not null,
    constraint camera_retention_bound check (retention_days between 1 and 31),
    constraint camera_latitude check (latitude between -90 and 90),
    constraint camera_longitude check (longitude between -180 and 180)
);

create index camera_zone_idx on camera (zone_name);
