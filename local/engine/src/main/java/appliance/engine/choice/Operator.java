package appliance.engine.choice;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every comparison operator of a Choice rule, by its ASL field name, with its family and form. */
enum Operator {
    STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQUALS),
    STRING_LESS_THAN("StringLessThan", Family.STRING, Comparison.LESS_THAN),
    STRING_GREATER_THAN("StringGreaterThan", Family.STRING, Comparison.GREATER_THAN),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Family.STRING, Comparison.LESS_THAN_EQUALS),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Family.STRING, Comparison.GREATER_THAN_EQUALS),
    STRING_MATCHES("StringMatches", Family.MATCH, null),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQUALS),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LESS_THAN),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GREATER_THAN),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Comparison.LESS_THAN_EQUALS),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Comparison.GREATER_THAN_EQUALS),
    BOOLEAN_EQUALS("BooleanEquals", Family.BOOLEAN, Comparison.EQUALS),
    TIMESTAMP_EQUALS("TimestampEquals", Family.TIMESTAMP, Comparison.EQUALS),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Family.TIMESTAMP, Comparison.LESS_THAN),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Family.TIMESTAMP, Comparison.GREATER_THAN),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Family.TIMESTAMP, Comparison.LESS_THAN_EQUALS),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Family.TIMESTAMP, Comparison.GREATER_THAN_EQUALS),
    IS_NULL("IsNull", TypeTest.Kind.NULL),
    IS_PRESENT("IsPresent", TypeTest.Kind.PRESENT),
    IS_NUMERIC("IsNumeric", TypeTest.Kind.NUMERIC),
    IS_STRING("IsString", TypeTest.Kind.STRING),
    IS_BOOLEAN("IsBoolean", TypeTest.Kind.BOOLEAN),
    IS_TIMESTAMP("IsTimestamp", TypeTest.Kind.TIMESTAMP);

    /** What kind of values an operator compares, which decides the rule class and the literal's type. */
    enum Family { STRING, NUMERIC, BOOLEAN, TIMESTAMP, MATCH, TYPE }

    static final String PATH_SUFFIX = "Path";

    private static final Map<String, Operator> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Operator::fieldName, Function.identity()));

    private final String fieldName;
    private final Family family;
    private final Comparison comparison;
    private final TypeTest.Kind typeKind;

    Operator(String fieldName, Family family, Comparison comparison) {
        this.fieldName = fieldName;
        this.family = family;
        this.comparison = comparison;
        this.typeKind = null;
    }

    Operator(String fieldName, TypeTest.Kind typeKind) {
        this.fieldName = fieldName;
        this.family = Family.TYPE;
        this.comparison = null;
        this.typeKind = typeKind;
    }

    String fieldName() {
        return fieldName;
    }

    Family family() {
        return family;
    }

    Comparison comparison() {
        return comparison;
    }

    TypeTest.Kind typeKind() {
        return typeKind;
    }

    /** Whether the operator has a {@code ...Path} form; StringMatches and the Is* tests do not. */
    boolean hasPathForm() {
        return family != Family.MATCH && family != Family.TYPE;
    }

    /** The operator a field names, either form, or null for a field that is no operator. */
    static Operator find(String field) {
        Operator plain = BY_NAME.get(field);
        if (plain != null) {
            return plain;
        }
        if (field.endsWith(PATH_SUFFIX)) {
            Operator base = BY_NAME.get(field.substring(0, field.length() - PATH_SUFFIX.length()));
            if (base != null && base.hasPathForm()) {
                return base;
            }
        }
        return null;
    }
}
