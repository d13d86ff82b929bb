package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/** One CloudFormation intrinsic function: takes its (unresolved) argument and returns its value. */
interface IntrinsicFunction {

    /**
     * @param argument the value under the function's key, not yet resolved (functions such as Fn::If
     *                 resolve only the branch they take)
     * @param where    the start of an error message
     */
    JsonNode apply(JsonNode argument, IntrinsicResolver resolver, String where);

    /** The short tag, for messages: {@code Fn::GetAtt} is written {@code !GetAtt}. */
    static String tagOf(String function) {
        return "!" + (function.startsWith("Fn::") ? function.substring(4) : function);
    }

    /** A scalar as text; lists and maps are an error naming the function. */
    static String text(JsonNode value, String function, String where) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            throw new TemplateException(where + ": " + tagOf(function) + ": expected a string, got nothing");
        }
        if (value.isContainerNode()) {
            throw new TemplateException(where + ": " + tagOf(function) + ": expected a string, got " + value);
        }
        return value.asText();
    }

    /** An argument list of exactly {@code count} members. */
    static JsonNode arguments(JsonNode argument, int count, String function, String usage, String where) {
        if (argument == null || !argument.isArray() || argument.size() != count) {
            throw new TemplateException(where + ": " + tagOf(function) + " takes " + usage + ", got " + argument);
        }
        return argument;
    }
}
