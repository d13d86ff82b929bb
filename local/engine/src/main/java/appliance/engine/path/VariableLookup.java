package appliance.engine.path;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a {@code $name} reference finds its variable. Scopes chain: a Map or Parallel branch sees the outer ones. */
@FunctionalInterface
public interface VariableLookup {

    VariableLookup NONE = name -> null;

    /** The variable's value, or null when no variable of that name is in scope. */
    JsonNode find(String name);
}
