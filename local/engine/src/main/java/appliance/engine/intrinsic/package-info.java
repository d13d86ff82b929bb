/**
 * Intrinsic functions of JSONPath states ({@code States.Format(...)} and the rest), for payload
 * fields ending in {@code .$}, {@code Assign}, and a Fail state's {@code ErrorPath}/{@code CausePath}.
 *
 * <p>The one public type is {@link appliance.engine.intrinsic.IntrinsicExpression}: {@code parse} once
 * (a recursive-descent parser builds a syntax tree of literals, paths and nested calls, and checks
 * function names and argument counts), then {@code evaluate} many times. Each function is one class
 * with a declarative {@code Signature}, listed in {@code IntrinsicFunctions}.
 *
 * <p>Where AWS's behaviour is not recorded, this package chooses and says so:
 * <ul>
 *   <li>Failure causes ({@code States.IntrinsicFailure}) name the function and the problem in our own
 *       words: the AWS-recorded corpus holds no failing intrinsic call to copy them from.</li>
 *   <li>A seeded {@code States.MathRandom} repeats per seed but uses {@link java.util.Random}; AWS's
 *       seeded generator is undocumented, so the number may differ from AWS's.</li>
 *   <li>A backslash before a character other than {@code ' { } \} (an "open escape backslash") lets
 *       the call parse and fails it with {@code States.Runtime} when evaluated, as the ASL
 *       specification says: "the interpreter will throw a runtime error".</li>
 *   <li>Argument types are checked when the call is evaluated, also for literals.</li>
 * </ul>
 */
package appliance.engine.intrinsic;
