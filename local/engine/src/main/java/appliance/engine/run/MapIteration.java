package appliance.engine.run;

/** One started iteration of a Map (an item, or a batch of items): a branch inline, a child execution in a Map Run. */
interface MapIteration {

    /** The Map ended while this iteration ran: it is to stop. */
    void cancel();
}
