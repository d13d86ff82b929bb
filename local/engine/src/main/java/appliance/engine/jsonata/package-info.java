/**
 * JSONata for states with {@code QueryLanguage: JSONata}, as AWS Step Functions runs it.
 *
 * <p>Use: compile each JSONata field once when the definition is loaded, evaluate it per execution.
 * <pre>{@code
 * JsonataTemplate output = JsonataTemplate.compile(state.get("Output"), "Output");   // at load
 * // JsonataSyntaxException -> problems.add(e.problemCode(), e.problemMessage(), "/States/" + name + "/" + e.fieldPath())
 *
 * JsonataBindings bindings = JsonataBindings.of(stateInput, contextObject, variables, random, now);
 * JsonNode args  = arguments.evaluate(bindings);                       // Arguments: input, context, variables
 * JsonNode out   = output.evaluate(bindings.withResult(taskResult));   // Output/Assign: also $states.result
 * JsonNode caught = catchOutput.evaluate(bindings.withErrorOutput(errorOutput));  // a Catcher's Output/Assign
 * long seconds   = timeout.evaluateInteger(bindings);                  // typed fields
 * }</pre>
 * Evaluation failures are {@link appliance.engine.error.StatesFailure}s with
 * {@code States.QueryEvaluationError} and AWS's cause; the interpreter prefixes the cause with
 * {@link appliance.engine.jsonata.QueryEvaluationCauses#inState}.
 *
 * <p>Built on com.dashjoin:jsonata (a Java port of JSONata). Where the port and AWS differ, this package
 * adapts: JSON null versus undefined ({@code JsonataExpression}), the clock ({@code ClockFunctions}),
 * the functions AWS adds or removes ({@code StepFunctionsLibrary}), and error texts ({@code JsonataErrorText}).
 */
package appliance.engine.jsonata;
