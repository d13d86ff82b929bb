/**
 * Resuming an execution from its recorded history, as a durable-execution engine does: the execution
 * runs again from its start, deterministically, on a clock that reads the recorded timestamps, with
 * each task answered by its recorded result and each timer fired where the history says it fired;
 * once the history is used up it goes on live. {@link appliance.engine.replay.Replay} is the entry.
 */
package appliance.engine.replay;
