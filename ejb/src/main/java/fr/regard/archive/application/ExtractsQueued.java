package fr.regard.archive.application;

import java.util.List;

/** Extracts were queued; observed after the commit to hand them to the extraction workers. */
public record ExtractsQueued(List<Long> ids) {

    public ExtractsQueued {
        ids = List.copyOf(ids);
    }
}
