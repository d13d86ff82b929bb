package appliance.engine.maprun;

/**
 * The seam where a DISTRIBUTED Map's Map Run gets its child executions. The engine decides what runs
 * (items, batches, concurrency, tolerated failures) and calls this to run each child; the launcher
 * decides where: {@link InMemoryMapRuns} runs them in the engine's memory (for {@code run},
 * {@code execute}, the conformance suite), a server runs them as executions of its own that its API
 * lists and describes. Called on the parent execution's step thread.
 */
public interface MapRunLauncher {

    /** Opens the Map Run described by {@code start}; its children start through the returned handle. */
    MapRun open(MapRunStart start);
}
